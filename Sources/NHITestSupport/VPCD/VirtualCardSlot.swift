import Foundation
import NHICards
#if canImport(Glibc)
import Glibc
#endif

/// Puts a ``VirtualCard`` into one of vpcd's readers by speaking the vpcd protocol over
/// TCP: "inserting" connects to vpcd, "removing" closes the connection.
///
/// The protocol (vsmartcard vpcd): every message is a 2-byte big-endian length and a
/// payload. One-byte payloads are control messages — `0` power off, `1` power on, `2`
/// reset, `4` get ATR (answered with the ATR); longer payloads are command APDUs, answered
/// with response data and SW1 SW2. The socket has `TCP_NODELAY`, and `TCP_QUICKACK` is
/// re-armed after every read, so an APDU costs a fraction of a millisecond rather than
/// ~40 ms of Nagle and delayed-ACK waiting. Connections go to `127.0.0.1` only.
///
/// When pcscd restarts, vpcd's listening socket goes away with it; the slot reconnects on
/// its own while a card is inserted.
///
/// A real card takes time to power up; ``PowerUp`` models it (instant by default, which
/// keeps tests fast; `nhi-virtual-card` uses ``PowerUp/iso7816``).
public final class VirtualCardSlot: @unchecked Sendable {
    /// How long the card takes to answer a power-up or reset with its ATR.
    public enum PowerUp: Sendable, Hashable {
        /// At once.
        case instant
        /// A fixed time.
        case fixed(Duration)
        /// A contact card at ISO/IEC 7816-3 default timing: the longest answer time
        /// (40,000 clock cycles) plus the ATR's characters at the initial etu (372 cycles)
        /// with 12 etu per character, at a 3.5712 MHz reader clock — about 36 ms for a 20-byte
        /// ATR. Readers' PPS and T=1 IFS exchanges, which real readers add, are not counted.
        case iso7816

        /// The delay for an ATR of `length` bytes.
        public func delay(atrLength length: Int) -> Duration {
            switch self {
            case .instant: return .zero
            case .fixed(let duration): return duration
            case .iso7816:
                let clock = 3_571_200.0
                let cycles = 40_000.0 + Double(length) * 12 * 372
                return .microseconds(Int(cycles / clock * 1_000_000))
            }
        }
    }

    /// The reader this slot feeds.
    public let reader: VirtualReader
    /// The power-up model.
    public let powerUp: PowerUp
    private let host: String
    private let lock = NSCondition()
    private var card: (any VirtualCard)?
    private var generation = 0
    private var socket: Int32 = -1
    private var connected = false
    private var exchanges = 0

    /// A slot for `reader` (vpcd on `host`, loopback by default).
    public init(_ reader: VirtualReader = .first, powerUp: PowerUp = .instant, host: String = "127.0.0.1") {
        self.reader = reader
        self.powerUp = powerUp
        self.host = host
    }

    deinit {
        removeCard()
    }

    /// The card in the slot, if any.
    public var insertedCard: (any VirtualCard)? { lock.withLock { card } }

    /// Whether the emulator is connected to vpcd right now.
    public var isConnected: Bool { lock.withLock { connected } }

    /// How many messages (control and APDU) the emulator has answered.
    public var messagesHandled: Int { lock.withLock { exchanges } }

    /// Inserts `card` (replacing any card in the slot) and returns at once; pcscd notices
    /// within about half a second.
    public func insertCard(_ card: any VirtualCard) {
        removeCard()
        lock.lock()
        self.card = card
        generation += 1
        let mine = generation
        lock.unlock()
        let thread = Thread { [self] in self.serve(card, generation: mine) }
        thread.name = "nhi.vpcd.\(reader.port)"
        thread.start()
    }

    /// Removes the card: the connection to vpcd closes and pcscd reports the reader empty.
    public func removeCard() {
        lock.lock()
        card = nil
        generation += 1
        if socket >= 0 { _ = shutdown(socket, Int32(SHUT_RDWR)) }
        lock.broadcast()
        lock.unlock()
    }

    /// Inserts `card` and waits until pcscd reports it in the reader.
    ///
    /// If a card was in the slot (or has just pulled itself out), this first waits until
    /// pcscd has seen the reader empty, as a person swapping cards would.
    ///
    /// On a loaded machine pcscd has been seen to keep a reader empty after vpcd was given a
    /// connection (a handful of runs in hundreds). A person would pull the card and push it
    /// in again; so does this, every `retryAfter`, until `timeout` has passed.
    public func insert(_ card: any VirtualCard, timeout: Duration = .seconds(30),
                       retryAfter: Duration = .seconds(4)) async throws {
        try await remove(timeout: timeout)
        let deadline = ContinuousClock.now + timeout
        var attempts = 0
        while true {
            attempts += 1
            insertCard(card)
            let window = min(retryAfter, deadline - ContinuousClock.now)
            do {
                try await waitForPCSC(timeout: window) { slot in
                    if case .card(let atr) = slot { return atr == card.atr }
                    return false
                }
                return
            } catch let error as VirtualCardError {
                guard ContinuousClock.now < deadline else {
                    throw VirtualCardError("\(error.description) (inserted \(attempts) times; emulator connected to vpcd: \(isConnected), messages answered: \(messagesHandled))")
                }
                // Pull it out and wait for pcscd to notice before pushing it in again.
                try await remove(timeout: deadline - ContinuousClock.now)
            }
        }
    }

    /// Removes the card and waits until pcscd reports the reader empty.
    public func remove(timeout: Duration = .seconds(30)) async throws {
        removeCard()
        try await waitForPCSC(timeout: timeout) { slot in
            if case .empty = slot { return true }
            return false
        }
    }

    /// Polls pcscd until this reader's slot satisfies `condition`.
    public func waitForPCSC(timeout: Duration = .seconds(10),
                            until condition: @Sendable (ReaderStatus.Slot) -> Bool) async throws {
        let context = PCSCContext()
        let deadline = ContinuousClock.now + timeout
        var last: String = "no answer yet"
        while ContinuousClock.now < deadline {
            do {
                if let status = try await context.readers().first(where: { $0.name == reader.name }) {
                    if condition(status.slot) { return }
                    last = "\(status.slot)"
                } else {
                    last = "reader \(reader.name) not listed"
                }
            } catch {
                last = error.messageEn
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw VirtualCardError("pcscd did not report the expected state of \(reader.name) within \(timeout); last seen: \(last)")
    }

    // MARK: The emulator thread

    private func isCurrent(_ mine: Int) -> Bool { lock.withLock { generation == mine } }

    private func serve(_ card: any VirtualCard, generation mine: Int) {
        while isCurrent(mine) {
            guard let fd = connectToVPCD() else {
                // vpcd not listening (pcscd not running or restarting): try again shortly.
                lock.lock()
                if generation == mine { _ = lock.wait(until: Date(timeIntervalSinceNow: 0.05)) }
                lock.unlock()
                continue
            }
            lock.lock()
            guard generation == mine else {
                lock.unlock()
                close(fd)
                return
            }
            socket = fd
            connected = true
            lock.unlock()

            let pulled = converse(fd, card)

            lock.lock()
            if socket == fd { socket = -1 }
            connected = false
            if pulled && generation == mine {
                // The card was pulled during a command: the slot is empty now.
                self.card = nil
                generation += 1
            }
            lock.unlock()
            close(fd)
        }
    }

    /// Answers vpcd until the connection closes. Returns `true` when the card pulled itself.
    private func converse(_ fd: Int32, _ card: any VirtualCard) -> Bool {
        // vpcd asks for the ATR after a power-up or reset (control 1 or 2), and also every time
        // pcscd polls for the card's presence; only the first kind costs the card its power-up
        // time. (A mute card cannot be shown this way: vpcd takes any failed answer to the
        // power-up for a removal.)
        var poweringUp = false
        while true {
            guard let header = readExactly(fd, 2) else { return false }
            let length = Int(header[0]) << 8 | Int(header[1])
            guard let payload = readExactly(fd, length) else { return false }
            lock.withLock { exchanges += 1 }
            if payload.count == 1 {
                switch payload[0] {
                case 0x00:
                    poweringUp = false
                case 0x01, 0x02:
                    card.reset()
                    poweringUp = true
                case 0x04:
                    if poweringUp {
                        let delay = powerUp.delay(atrLength: card.atr.bytes.count)
                        if delay > .zero { Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds)) }
                        poweringUp = false
                    }
                    guard send(fd, card.atr.bytes) else { return false }
                default: break
                }
                continue
            }
            switch card.respond(to: payload) {
            case .bytes(let response):
                guard send(fd, response) else { return false }
            case .pullCard:
                return true
            }
        }
    }

    private func connectToVPCD() -> Int32? {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = reader.port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            return nil
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            close(fd)
            return nil
        }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_QUICKACK, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    private func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            got += n
            // Quick-ACK mode is not sticky: re-arm it after every read, or the kernel delays
            // the ACK that vpcd's Nagle-bound second write (the payload after the length) waits for.
            var quickAck: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_QUICKACK, &quickAck, socklen_t(MemoryLayout<Int32>.size))
        }
        return buffer
    }

    private func send(_ fd: Int32, _ payload: [UInt8]) -> Bool {
        let message = [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
        var sent = 0
        while sent < message.count {
            let n = message.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, message.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }
}

/// A failure of the test harness itself (not of the code under test).
public struct VirtualCardError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

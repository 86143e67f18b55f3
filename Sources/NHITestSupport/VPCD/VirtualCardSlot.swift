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
/// with response data and SW1 SW2. The socket has `TCP_NODELAY` (and `TCP_QUICKACK` after
/// each read) so an APDU costs a fraction of a millisecond rather than ~40 ms of Nagle and
/// delayed-ACK waiting. Connections go to `127.0.0.1` only.
///
/// When pcscd restarts, vpcd's listening socket goes away with it; the slot reconnects on
/// its own while a card is inserted.
public final class VirtualCardSlot: @unchecked Sendable {
    /// The reader this slot feeds.
    public let reader: VirtualReader
    private let host: String
    private let lock = NSCondition()
    private var card: (any VirtualCard)?
    private var generation = 0
    private var socket: Int32 = -1
    private var connected = false
    private var exchanges = 0

    /// A slot for `reader` (vpcd on `host`, loopback by default).
    public init(_ reader: VirtualReader = .first, host: String = "127.0.0.1") {
        self.reader = reader
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
    public func insert(_ card: any VirtualCard, timeout: Duration = .seconds(10)) async throws {
        try await remove(timeout: timeout)
        insertCard(card)
        try await waitForPCSC(timeout: timeout) { slot in
            if case .card(let atr) = slot { return atr == card.atr }
            return false
        }
    }

    /// Removes the card and waits until pcscd reports the reader empty.
    public func remove(timeout: Duration = .seconds(10)) async throws {
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
        while true {
            guard let header = readExactly(fd, 2) else { return false }
            let length = Int(header[0]) << 8 | Int(header[1])
            guard let payload = readExactly(fd, length) else { return false }
            var quickAck: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_QUICKACK, &quickAck, socklen_t(MemoryLayout<Int32>.size))
            lock.withLock { exchanges += 1 }
            if payload.count == 1 {
                switch payload[0] {
                case 0x01, 0x02: card.reset()
                case 0x04: guard send(fd, card.atr.bytes) else { return false }
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
    public let description: String
    public init(_ description: String) { self.description = description }
}

import CPCSCLite
import Foundation

/// Something that happened to the readers or the cards in them.
public enum CardEvent: Sendable, Hashable {
    /// A reader was attached (or was already attached when watching began).
    case readerAdded(String)
    /// A reader was detached.
    case readerRemoved(String)
    /// A card was inserted (or was already in the reader when watching began).
    case cardInserted(reader: String, atr: ATR)
    /// A card was taken out.
    case cardRemoved(reader: String)
    /// A card is in the reader but does not answer (upside down, dirty chip).
    case cardMute(reader: String)
    /// pcscd stopped or cannot be reached; watching resumes when it is back.
    case serviceUnavailable
    /// pcscd is reachable (again) after ``serviceUnavailable``.
    case serviceAvailable

    /// The reader the event concerns, if any.
    public var reader: String? {
        switch self {
        case .readerAdded(let name), .readerRemoved(let name): name
        case .cardInserted(let name, _), .cardRemoved(let name), .cardMute(let name): name
        case .serviceUnavailable, .serviceAvailable: nil
        }
    }
}

/// Reader and card events as an `AsyncSequence`, from `SCardGetStatusChange`.
///
/// Each iteration watches on a thread and a pcsc-lite context of its own (waiting for
/// events blocks, and a context must not be shared between threads). It starts with the
/// current state — a ``CardEvent/readerAdded(_:)`` per reader and a
/// ``CardEvent/cardInserted(reader:atr:)`` per card — then reports changes, including
/// readers plugged in or out (through `\\?PnP?\Notification`). When pcscd goes away it
/// reports ``CardEvent/serviceUnavailable``, keeps trying to reconnect, and reports
/// ``CardEvent/serviceAvailable`` and the readers it finds once pcscd is back.
/// Cancelling the task that iterates stops the watcher (`SCardCancel`).
///
/// ```swift
/// for await event in CardEvents() {
///     if case .cardInserted(let reader, _) = event { … }
/// }
/// ```
public struct CardEvents: AsyncSequence, Sendable {
    /// Each element is a ``CardEvent``: a reader or card change, or pcscd going away and coming back.
    public typealias Element = CardEvent

    /// How long to wait between attempts to reach pcscd while it is down.
    public var reconnectInterval: Duration

    /// Creates the sequence; nothing is watched until it is iterated.
    public init(reconnectInterval: Duration = .milliseconds(250)) {
        self.reconnectInterval = reconnectInterval
    }

    /// Starts a watcher for this iteration.
    public func makeAsyncIterator() -> AsyncStream<CardEvent>.Iterator {
        let (stream, continuation) = AsyncStream<CardEvent>.makeStream(bufferingPolicy: .unbounded)
        let watcher = CardEventWatcher(continuation: continuation, reconnectInterval: reconnectInterval)
        continuation.onTermination = { _ in watcher.stop() }
        watcher.start()
        return stream.makeAsyncIterator()
    }
}

/// The thread behind one iteration of ``CardEvents``.
final class CardEventWatcher: @unchecked Sendable {
    private let continuation: AsyncStream<CardEvent>.Continuation
    private let reconnectInterval: Duration
    private let lock = NSCondition()
    private var stopped = false
    private var context: SCARDCONTEXT?

    init(continuation: AsyncStream<CardEvent>.Continuation, reconnectInterval: Duration) {
        self.continuation = continuation
        self.reconnectInterval = reconnectInterval
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "nhi.pcsc.events"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        if let context { _ = nhi_SCardCancel(context) }
        lock.signal()
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Known state per reader: the last event state and what it held.
    private struct Known {
        var eventState: DWORD
        var slot: ReaderStatus.Slot
    }

    private func run() {
        var known: [String: Known] = [:]
        var serviceDown = false
        var announcedAvailability = false

        while !isStopped {
            // 1. A context (again, after pcscd went away).
            var established: SCARDCONTEXT = 0
            PCSCClientSetup.nonBlocking
            let rv = status(nhi_SCardEstablishContext(SCard.scopeSystem, nil, nil, &established))
            guard rv == .success else {
                if !serviceDown {
                    serviceDown = true
                    for (name, state) in known.sorted(by: { $0.key < $1.key }) {
                        if case .empty = state.slot {} else { continuation.yield(.cardRemoved(reader: name)) }
                        continuation.yield(.readerRemoved(name))
                    }
                    known.removeAll()
                    continuation.yield(.serviceUnavailable)
                }
                pause()
                continue
            }
            lock.lock()
            context = established
            let stoppedMeanwhile = stopped
            lock.unlock()
            if stoppedMeanwhile { break }
            if serviceDown || !announcedAvailability {
                if serviceDown { continuation.yield(.serviceAvailable) }
                serviceDown = false
                announcedAvailability = true
            }

            // 2. Watch until the service goes away or we are stopped.
            let lost = watch(established, &known)

            lock.lock()
            context = nil
            lock.unlock()
            _ = nhi_SCardReleaseContext(established)
            if lost {
                serviceDown = true
                for (name, state) in known.sorted(by: { $0.key < $1.key }) {
                    if case .empty = state.slot {} else { continuation.yield(.cardRemoved(reader: name)) }
                    continuation.yield(.readerRemoved(name))
                }
                known.removeAll()
                continuation.yield(.serviceUnavailable)
                pause()
            }
        }
        continuation.finish()
    }

    /// Waits for `reconnectInterval` or until stopped.
    private func pause() {
        let seconds = Double(reconnectInterval.components.seconds) + Double(reconnectInterval.components.attoseconds) / 1e18
        lock.lock()
        if !stopped { _ = lock.wait(until: Date(timeIntervalSinceNow: seconds)) }
        lock.unlock()
    }

    /// Reports changes until pcscd is lost (returns `true`) or the watcher is stopped (`false`).
    private func watch(_ context: SCARDCONTEXT, _ known: inout [String: Known]) -> Bool {
        var readerCount: DWORD = 0
        while !isStopped {
            // Which readers exist now?
            let (names, listed) = listReaders(context)
            if listed.meansServiceLost { return true }
            for gone in known.keys.filter({ !names.contains($0) }).sorted() {
                if case .empty = known[gone]!.slot {} else { continuation.yield(.cardRemoved(reader: gone)) }
                continuation.yield(.readerRemoved(gone))
                known[gone] = nil
            }
            for added in names where known[added] == nil {
                continuation.yield(.readerAdded(added))
                known[added] = Known(eventState: SCard.stateUnaware, slot: .empty)
            }
            readerCount = DWORD(names.count)

            // Wait for a change on any reader or on the plug-and-play pseudo reader.
            let cNames = (names + [SCard.plugAndPlayReader]).map { strdup($0)! }
            defer { cNames.forEach { free($0) } }
            var states = cNames.enumerated().map { index, name -> SCARD_READERSTATE in
                var state = SCARD_READERSTATE()
                state.szReader = UnsafePointer(name)
                state.dwCurrentState = index < names.count ? known[names[index]]!.eventState : readerCount << 16
                return state
            }
            let rv = status(nhi_SCardGetStatusChange(context, SCard.infinite, &states, DWORD(states.count)))
            if rv == .cancelled { return false }
            if rv.meansServiceLost || rv == .noService { return true }
            if rv == .timeout { continue }
            if rv == .unknownReader || rv == .readerUnavailable { continue }
            guard rv == .success else {
                // Unexpected: avoid a busy loop, then look again.
                pause()
                continue
            }
            for (index, name) in names.enumerated() {
                let state = states[index]
                guard state.dwEventState & SCard.stateChanged != 0 || known[name]!.eventState == SCard.stateUnaware else { continue }
                let previous = known[name]!
                let now = slot(of: state)
                // A card swapped between two looks: the event counter (upper 16 bits) moved.
                let counterMoved = previous.eventState != SCard.stateUnaware
                    && (previous.eventState >> 16) != (state.dwEventState >> 16)
                if state.dwEventState & SCard.stateUnavailable != 0 {
                    known[name] = Known(eventState: state.dwEventState & ~SCard.stateChanged, slot: previous.slot)
                    continue
                }
                report(reader: name, from: previous.slot, to: now, swapped: counterMoved)
                known[name] = Known(eventState: state.dwEventState & ~SCard.stateChanged, slot: now)
            }
        }
        return false
    }

    private func report(reader: String, from old: ReaderStatus.Slot, to new: ReaderStatus.Slot, swapped: Bool) {
        switch (old, new) {
        case (.empty, .empty):
            break
        case (_, .empty):
            continuation.yield(.cardRemoved(reader: reader))
        case (.card(let a), .card(let b)) where a == b && !swapped:
            break
        case (.mute, .mute) where !swapped:
            break
        default:
            if case .empty = old {} else { continuation.yield(.cardRemoved(reader: reader)) }
            switch new {
            case .card(let atr): continuation.yield(.cardInserted(reader: reader, atr: atr))
            case .mute: continuation.yield(.cardMute(reader: reader))
            case .empty: break
            }
        }
    }
}

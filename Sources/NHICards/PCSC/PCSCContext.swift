import CPCSCLite
import Foundation
import Logging

/// An established pcsc-lite context; released on the PC/SC thread when the last user lets go.
final class ContextHandle: @unchecked Sendable {
    let value: SCARDCONTEXT

    init(_ value: SCARDCONTEXT) { self.value = value }

    deinit {
        let value = value
        DedicatedThreadExecutor.pcsc.executeAndWait { _ = nhi_SCardReleaseContext(value) }
    }
}

/// The way into the readers: a pcsc-lite context that lists readers, reports what they
/// hold and connects to cards.
///
/// Every call runs on one dedicated PC/SC thread (a context is not thread-safe). The
/// context is established on first use and again after pcscd was restarted, so a long-lived
/// `PCSCContext` survives a restart of the service. Connections are kept open and reused
/// between reads, and closed with `SCARD_LEAVE_CARD`: the card stays powered, so the next
/// read costs two APDUs rather than a power cycle.
///
/// ```swift
/// let pcsc = PCSCContext()
/// for reader in try await pcsc.readers() where reader.atr != nil {
///     let identity = try await NHICardReader(pcsc).readIdentity(reader: reader.name)
/// }
/// ```
public actor PCSCContext {
    nonisolated public var unownedExecutor: UnownedSerialExecutor { DedicatedThreadExecutor.pcsc.asUnownedSerialExecutor() }

    private var handle: ContextHandle?
    private var connections: [String: CardConnection] = [:]
    /// The card type table used to classify ATRs.
    public nonisolated let atrTable: ATRTable

    /// Where the context logs, at debug: pcscd restarts (a new context), reconnects after a
    /// card reset, and waits for a reader another program holds. Its level is the caller's.
    public nonisolated let logger: Logger

    /// Creates a context; it connects to pcscd on first use.
    ///
    /// - Parameters:
    ///   - atrTable: the card type table used to classify ATRs.
    ///   - logger: where to log (the `nhi.cards` logger of the program's `LoggingSystem` by default).
    public init(atrTable: ATRTable = .standard, logger: Logger = Logger(label: "nhi.cards")) {
        self.atrTable = atrTable
        self.logger = logger
    }

    /// Every reader and what it holds. An empty list when no reader is attached.
    public func readers() async throws(CardError) -> [ReaderStatus] {
        try await retryingAfterServiceLoss { () throws(CardError) in
            let context = try establishedContext()
            let (names, rv) = listReaders(context.value)
            guard rv == .success else { throw CardError(pcsc: rv, during: "SCardListReaders") }
            if names.isEmpty { return [] }
            return try Self.snapshot(context.value, names)
        }
    }

    /// The status of one reader. Throws ``CardError/Code/readerNotFound`` for a name that
    /// is not attached.
    public func reader(named name: String) async throws(CardError) -> ReaderStatus {
        guard let status = try await readers().first(where: { $0.name == name }) else {
            throw CardError(.readerNotFound, reader: name)
        }
        return status
    }

    /// A connection to the card in `reader`: an open one when the same card is still
    /// there, otherwise a new one (shared mode, T=1 or T=0).
    ///
    /// Throws ``CardError/Code/cardAbsent`` when the reader is empty,
    /// ``CardError/Code/cardMute`` when the card does not answer.
    public func connection(to reader: String) async throws(CardError) -> CardConnection {
        if let open = connections[reader] {
            if await open.isUsable() { return open }
            connections[reader] = nil
            await open.disconnect()
        }
        let deadline = ContinuousClock.now + .seconds(30)
        var waiting = false
        while true {
            do {
                let made = try await retryingAfterServiceLoss { () async throws(CardError) in
                    try await CardConnection.connect(context: try establishedContext(), reader: reader, logger: logger)
                }
                connections[reader] = made
                return made
            } catch {
                // Another program holds the reader (a transaction, or an exclusive
                // connection): wait for it without holding this context's thread.
                guard error.pcscStatus == .sharingViolation, ContinuousClock.now < deadline else { throw error }
                if !waiting {
                    waiting = true
                    logger.debug("reader held by another program (SCARD_E_SHARING_VIOLATION): waiting up to 30 s",
                                 metadata: ["reader": "\(reader)"])
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Runs `body` with the card in `reader` inside a PC/SC transaction, so no other
    /// program's commands come between yours.
    public func withCard<T: Sendable>(in reader: String,
                                      _ body: @escaping @Sendable (CardConnection) async throws(CardError) -> T) async throws(CardError) -> T {
        let connection = try await connection(to: reader)
        do {
            return try await connection.withTransaction { () async throws(CardError) -> T in try await body(connection) }
        } catch {
            if error.code == .cardRemoved || error.pcscStatus?.meansServiceLost == true {
                await forget(reader)
            }
            throw error
        }
    }

    /// Closes the connection to `reader`, leaving the card powered — or, with
    /// `resettingCard`, resetting it so that it forgets a verified PIN.
    public func disconnect(_ reader: String, resettingCard: Bool = false) async {
        if resettingCard {
            await connections.removeValue(forKey: reader)?.disconnect(resettingCard: true)
        } else {
            await forget(reader)
        }
    }

    /// Closes every connection (leaving the cards powered).
    public func disconnectAll() async {
        for name in connections.keys { await forget(name) }
    }

    private func forget(_ reader: String) async {
        await connections.removeValue(forKey: reader)?.disconnect()
    }

    // MARK: Context management

    private func establishedContext() throws(CardError) -> ContextHandle {
        if let handle, status(nhi_SCardIsValidContext(handle.value)) == .success { return handle }
        dropContext()
        var context: SCARDCONTEXT = 0
        PCSCClientSetup.nonBlocking
        let rv = status(nhi_SCardEstablishContext(SCard.scopeSystem, nil, nil, &context))
        guard rv == .success else { throw CardError(pcsc: rv, during: "SCardEstablishContext") }
        let established = ContextHandle(context)
        handle = established
        return established
    }

    private func dropContext() {
        // The handles died with the old context; their deinit no longer needs to disconnect.
        connections.removeAll()
        handle = nil
    }

    /// Runs `body`; when pcscd went away since the context was made (a restart), makes a
    /// new context and runs it once more.
    private func retryingAfterServiceLoss<T>(_ body: () async throws(CardError) -> T) async throws(CardError) -> T {
        do {
            return try await body()
        } catch where error.pcscStatus?.meansServiceLost == true && handle != nil {
            logger.debug("pcscd went away or restarted (\(error.pcscStatus?.description ?? "?")): making a new context")
            dropContext()
            return try await body()
        }
    }

    static func snapshot(_ context: SCARDCONTEXT, _ names: [String]) throws(CardError) -> [ReaderStatus] {
        let cNames = names.map { strdup($0)! }
        defer { cNames.forEach { free($0) } }
        var states = cNames.map { name -> SCARD_READERSTATE in
            var state = SCARD_READERSTATE()
            state.szReader = UnsafePointer(name)
            state.dwCurrentState = SCard.stateUnaware
            return state
        }
        let rv = status(nhi_SCardGetStatusChange(context, 0, &states, DWORD(states.count)))
        guard rv == .success || rv == .timeout else { throw CardError(pcsc: rv, during: "SCardGetStatusChange") }
        return zip(names, states).map { name, state in
            ReaderStatus(name: name, slot: slot(of: state), exclusivelyInUse: state.dwEventState & SCard.stateExclusive != 0)
        }
    }
}

import CPCSCLite
import Dispatch
import Logging

/// An open connection to the card in one reader (shared mode), made by ``PCSCContext``.
///
/// It runs on the PC/SC thread like its context. A card pulled out during a command makes
/// the command throw ``CardError/Code/cardRemoved`` (pcsc-lite may report that as success
/// with no bytes; a one-byte answer is ``CardError/Code/shortResponse``); the connection is
/// then dead and the context makes a new one for the next card.
public actor CardConnection: CardTransport {
    nonisolated public var unownedExecutor: UnownedSerialExecutor { DedicatedThreadExecutor.pcsc.asUnownedSerialExecutor() }

    /// The reader's name.
    public nonisolated let readerName: String
    /// The card's ATR at connection time.
    public nonisolated let atr: ATR
    /// The protocol in use (`T=1` or `T=0`).
    public nonisolated let activeProtocol: CardProtocol

    private let context: ContextHandle
    private var card: SCARDHANDLE
    private var open = true
    private var transactionBusy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var receiveBuffer = [UInt8](repeating: 0, count: 65_538)

    /// A transmission protocol.
    public enum CardProtocol: String, Sendable {
        /// Character-oriented T=0.
        case t0 = "T=0"
        /// Block-oriented T=1 (NHI and HiCOS cards).
        case t1 = "T=1"
    }

    /// Connects to the card in `reader`. `SCardConnect` waits inside pcscd while another
    /// handle holds a transaction on the reader, so it runs on a pool thread, never on the
    /// PC/SC thread: the transaction's holder may need that thread to finish.
    static func connect(context: ContextHandle, reader: String, logger: Logger) async throws(CardError) -> CardConnection {
        let contextValue = context.value
        let (rv, handle, active) = await offPCSCThread { () -> (PCSCStatus, SCARDHANDLE, DWORD) in
            var handle: SCARDHANDLE = 0
            var active: DWORD = 0
            let rv = status(nhi_SCardConnect(contextValue, reader, SCard.shareShared, SCard.protocolT0 | SCard.protocolT1, &handle, &active))
            return (rv, handle, active)
        }
        guard rv == .success else { throw CardError(pcsc: rv, during: "SCardConnect", reader: reader) }
        return CardConnection(context: context, reader: reader, handle: handle, activeProtocol: active, logger: logger)
    }

    /// Where reconnects are logged (at debug): the logger of the ``PCSCContext`` that made it.
    let logger: Logger

    private init(context: ContextHandle, reader: String, handle: SCARDHANDLE, activeProtocol active: DWORD, logger: Logger) {
        self.logger = logger
        self.context = context
        self.readerName = reader
        self.card = handle
        self.activeProtocol = active == SCard.protocolT0 ? .t0 : .t1
        // The ATR as the reader reports it for this handle.
        var atrBuffer = [UInt8](repeating: 0, count: SCard.maxATRSize)
        var atrLength = DWORD(SCard.maxATRSize)
        var state: DWORD = 0
        var proto: DWORD = 0
        var nameLength: DWORD = 0
        let statusRV = status(nhi_SCardStatus(handle, nil, &nameLength, &state, &proto, &atrBuffer, &atrLength))
        self.atr = ATR(statusRV == .success ? Array(atrBuffer.prefix(Int(atrLength))) : [])
    }

    deinit {
        if open {
            let card = card
            let context = context
            DedicatedThreadExecutor.pcsc.executeAndWait { _ = nhi_SCardDisconnect(card, SCard.leaveCard); _ = context }
        }
    }

    /// Sends `commands` in order on the PC/SC thread (one thread switch for the whole
    /// sequence), applying ``APDUExchangeRules``.
    public func transmit(_ commands: [CommandAPDU]) throws(CardError) -> [ResponseAPDU] {
        var responses: [ResponseAPDU] = []
        responses.reserveCapacity(commands.count)
        for command in commands {
            responses.append(try APDUExchangeRules.transmit(command, reader: readerName) { (bytes) throws(CardError) in
                try exchange(bytes)
            })
        }
        return responses
    }

    /// One raw exchange with the card (no GET RESPONSE, no length check).
    public func exchange(_ command: [UInt8]) throws(CardError) -> [UInt8] {
        guard open else { throw CardError(.cardRemoved, reader: readerName, detail: "connection closed") }
        var length = DWORD(receiveBuffer.count)
        let pci = activeProtocol == .t0 ? nhi_pci_t0() : nhi_pci_t1()
        var rv = status(nhi_SCardTransmit(card, pci, command, DWORD(command.count), nil, &receiveBuffer, &length))
        if rv == .resetCard {
            // Another program reset the card: reconnect without a further reset and retry once.
            logger.debug("card reset by another program: reconnecting", metadata: ["reader": "\(readerName)"])
            var active: DWORD = 0
            let again = status(nhi_SCardReconnect(card, SCard.shareShared, SCard.protocolT0 | SCard.protocolT1, SCard.leaveCard, &active))
            if again == .success {
                length = DWORD(receiveBuffer.count)
                rv = status(nhi_SCardTransmit(card, pci, command, DWORD(command.count), nil, &receiveBuffer, &length))
            }
        }
        guard rv == .success else {
            if rv.meansCardGone || rv.meansServiceLost { open = false }
            throw CardError(pcsc: rv, during: "SCardTransmit", reader: readerName)
        }
        if length == 0 {
            // pcsc-lite reports success with no bytes when the card leaves during the command
            // (pcscd notices the removal only later): a card that answers nothing is gone.
            open = false
            throw CardError(.cardRemoved, reader: readerName, detail: "SCardTransmit returned no bytes")
        }
        return Array(receiveBuffer.prefix(Int(length)))
    }

    /// Runs `body` inside `SCardBeginTransaction` / `SCardEndTransaction(SCARD_LEAVE_CARD)`;
    /// concurrent callers on this connection wait their turn.
    public func withTransaction<T: Sendable>(_ body: @Sendable () async throws(CardError) -> T) async throws(CardError) -> T {
        while transactionBusy {
            await withCheckedContinuation { waiters.append($0) }
        }
        transactionBusy = true
        defer {
            transactionBusy = false
            if !waiters.isEmpty { waiters.removeFirst().resume() }
        }
        // pcsc-lite's SCardBeginTransaction sleeps and retries inside the library while another
        // handle holds a transaction on the reader. It is called from a pool thread, not from
        // this context's own thread, so that thread stays free: otherwise another context's
        // transaction holder whose commands are queued behind us would never end (a deadlock).
        // pcsc-lite's client serialises calls on one context with its own mutex, released
        // between the retries.
        let handle = card
        let begin = await offPCSCThread { status(nhi_SCardBeginTransaction(handle)) }
        guard begin == .success else {
            if begin.meansCardGone || begin.meansServiceLost || begin == .resetCard { open = false }
            throw CardError(pcsc: begin, during: "SCardBeginTransaction", reader: readerName)
        }
        do {
            let result = try await body()
            endTransaction()
            return result
        } catch {
            endTransaction()
            throw error
        }
    }

    /// Ends the transaction. pcscd refuses `SCardEndTransaction` after the card was removed
    /// or reset (`SCARD_W_REMOVED_CARD` / `SCARD_W_RESET_CARD`) *and keeps the reader locked*
    /// for this handle until it disconnects — every other program would then wait for that
    /// reader forever. So a refused end closes the handle, which releases the lock.
    private func endTransaction() {
        guard open else { return }
        if status(nhi_SCardEndTransaction(card, SCard.leaveCard)) != .success {
            _ = nhi_SCardDisconnect(card, SCard.leaveCard)
            open = false
        }
    }

    /// Whether the handle still reaches the same card (one `SCardStatus` round trip).
    ///
    /// Only a plain success counts: a handle whose card was swapped or reset answers with a
    /// warning, and one that meets another program's transaction answers
    /// `SCARD_E_SHARING_VIOLATION` — the context then makes a new connection, and that
    /// waits for the transaction off the PC/SC thread.
    func isUsable() -> Bool {
        guard open else { return false }
        var state: DWORD = 0
        var proto: DWORD = 0
        var nameLength: DWORD = 0
        var atrLength: DWORD = 0
        return status(nhi_SCardStatus(card, nil, &nameLength, &state, &proto, nil, &atrLength)) == .success
    }

    /// Closes the connection, leaving the card powered (`SCARD_LEAVE_CARD`) or, with
    /// `resettingCard`, resetting it (`SCARD_RESET_CARD`): a card forgets a verified PIN
    /// when it is reset, so no program can use the card's key after the signer is done.
    public func disconnect(resettingCard: Bool = false) {
        guard open else { return }
        open = false
        _ = nhi_SCardDisconnect(card, resettingCard ? SCard.resetCard : SCard.leaveCard)
    }
}

/// Runs a pcsc-lite call that may wait inside the library or inside pcscd for another
/// handle's transaction (`SCardConnect`, `SCardBeginTransaction`) on a pool thread, so the
/// PC/SC thread that every context shares stays free for the transaction's holder.
/// pcsc-lite's client serialises the calls on one context with its own mutex.
func offPCSCThread<T: Sendable>(_ call: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
        DispatchQueue.global(qos: .userInitiated).async { done.resume(returning: call()) }
    }
}

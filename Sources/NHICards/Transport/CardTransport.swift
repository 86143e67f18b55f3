/// Anything that exchanges APDUs with one card: a ``CardConnection`` through pcscd, or an
/// in-memory card in unit tests (`NHITestSupport.InMemoryCardTransport`).
///
/// Conformers implement ``transmit(_:)-([CommandAPDU])``: the commands in order, each with the
/// rules of ``APDUExchangeRules`` (a response shorter than two bytes is a failed exchange,
/// `61xx` is followed by GET RESPONSE, `6Cxx` repeats the command with the length the card
/// asked for). Sending a sequence in one call lets a ``CardConnection`` run it on the PC/SC
/// thread without a thread switch per command.
public protocol CardTransport: Sendable {
    /// The reader the card sits in.
    var readerName: String { get }
    /// The card's ATR.
    var atr: ATR { get }
    /// Sends `commands` in order and returns their responses; stops at the first transport
    /// failure. Status words other than `9000` are returned, not thrown.
    func transmit(_ commands: [CommandAPDU]) async throws(CardError) -> [ResponseAPDU]
}

extension CardTransport {
    /// Sends one command (see ``transmit(_:)-([CommandAPDU])``).
    public func transmit(_ command: CommandAPDU) async throws(CardError) -> ResponseAPDU {
        try await transmit([command])[0]
    }

    /// Sends a command and throws ``CardError/Code/unexpectedStatus`` unless the card
    /// answers `9000`; returns the data.
    public func transmitExpectingSuccess(_ command: CommandAPDU, _ name: String) async throws(CardError) -> [UInt8] {
        let response = try await transmit(command)
        guard response.status.isSuccess else {
            throw CardError(.unexpectedStatus, reader: readerName, statusWord: response.status,
                            detail: "\(name): \(response.status.meaning)")
        }
        return response.data
    }
}

/// The rules every transport applies around a raw exchange: a response shorter than two
/// bytes is a failed exchange (``CardError/Code/shortResponse``), `61xx` is collected with
/// GET RESPONSE, `6Cxx` repeats the command with the Le the card asked for.
public enum APDUExchangeRules {
    /// Sends `command` through `exchange` (raw bytes in, raw bytes out).
    public static func transmit(_ command: CommandAPDU, reader: String,
                                exchange: ([UInt8]) throws(CardError) -> [UInt8]) throws(CardError) -> ResponseAPDU {
        func checked(_ bytes: [UInt8]) throws(CardError) -> ResponseAPDU {
            let raw = try exchange(bytes)
            guard let response = ResponseAPDU(bytes: raw) else {
                throw CardError(.shortResponse, reader: reader, detail: "\(raw.count) byte(s) received")
            }
            return response
        }
        var response = try checked(command.bytes)
        if let wanted = response.status.correctLength {
            response = try checked(command.with(le: wanted).bytes)
        }
        var data = response.data
        var rounds = 0
        while let remaining = response.status.bytesRemaining {
            rounds += 1
            guard rounds <= 256 else {
                throw CardError(.unexpectedStatus, reader: reader, statusWord: response.status, detail: "endless GET RESPONSE")
            }
            response = try checked(CommandAPDU.getResponse(length: remaining).bytes)
            data += response.data
        }
        return ResponseAPDU(data: data, status: response.status)
    }
}

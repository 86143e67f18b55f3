/// Anything that exchanges APDUs with one card: a ``CardConnection`` through pcscd, or an
/// in-memory card in unit tests (`NHITestSupport.InMemoryCardTransport`).
///
/// Conformers implement ``exchange(_:)``, one raw exchange. ``transmit(_:)`` adds what
/// every caller needs: a response shorter than two bytes is a failed exchange, `61xx` is
/// followed by GET RESPONSE, and `6Cxx` repeats the command with the length the card asked for.
public protocol CardTransport: Sendable {
    /// The reader the card sits in.
    var readerName: String { get }
    /// The card's ATR.
    var atr: ATR { get }
    /// Sends raw command bytes and returns the raw response bytes (data + SW1 SW2).
    func exchange(_ command: [UInt8]) async throws(CardError) -> [UInt8]
}

extension CardTransport {
    /// Sends a command; collects `61xx` continuations with GET RESPONSE and repeats a
    /// command answered with `6Cxx`. Throws ``CardError/Code/shortResponse`` when fewer
    /// than two bytes come back. Status words other than `9000` are returned, not thrown.
    public func transmit(_ command: CommandAPDU) async throws(CardError) -> ResponseAPDU {
        var response = try await exchangeChecked(command.bytes)
        if let wanted = response.status.correctLength {
            response = try await exchangeChecked(command.with(le: wanted).bytes)
        }
        var data = response.data
        var rounds = 0
        while let remaining = response.status.bytesRemaining {
            rounds += 1
            guard rounds <= 256 else {
                throw CardError(.unexpectedStatus, reader: readerName, statusWord: response.status, detail: "endless GET RESPONSE")
            }
            response = try await exchangeChecked(CommandAPDU.getResponse(length: remaining).bytes)
            data += response.data
        }
        return ResponseAPDU(data: data, status: response.status)
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

    private func exchangeChecked(_ bytes: [UInt8]) async throws(CardError) -> ResponseAPDU {
        let raw = try await exchange(bytes)
        guard let response = ResponseAPDU(bytes: raw) else {
            throw CardError(.shortResponse, reader: readerName, detail: "\(raw.count) byte(s) received")
        }
        return response
    }
}

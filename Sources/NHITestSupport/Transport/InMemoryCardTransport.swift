import NHICards

/// A `CardTransport` that hands commands straight to a ``VirtualCard``, for unit tests of
/// the layers above PC/SC. Tests of card access itself use real pcscd and
/// ``VirtualCardSlot`` instead.
public struct InMemoryCardTransport: CardTransport {
    public let readerName: String
    private let card: any VirtualCard

    /// A transport to `card`, reset as if just powered.
    public init(_ card: any VirtualCard, readerName: String = "In-memory reader") {
        self.card = card
        self.readerName = readerName
        card.reset()
    }

    public var atr: ATR { card.atr }

    /// Hands each command to the card, applying `APDUExchangeRules`.
    public func transmit(_ commands: [CommandAPDU]) async throws(CardError) -> [ResponseAPDU] {
        var responses: [ResponseAPDU] = []
        for command in commands {
            responses.append(try APDUExchangeRules.transmit(command, reader: readerName) { (bytes) throws(CardError) in
                switch card.respond(to: bytes) {
                case .bytes(let response): return response
                case .pullCard: throw CardError(.cardRemoved, reader: readerName, pcsc: .removedCard, detail: "SCardTransmit")
                }
            })
        }
        return responses
    }
}

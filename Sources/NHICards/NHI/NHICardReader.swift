/// Reads the public profile of NHI cards, through pcscd or any ``CardTransport``.
///
/// The read is two APDUs (SPEC §12): SELECT the NHI application, then READ the 57-byte
/// profile. Cards issued from late 2025 may answer the SELECT with `6D00`, so the SELECT's
/// status is not judged; the READ decides.
///
/// ```swift
/// let reader = NHICardReader(PCSCContext())
/// let identity = try await reader.readIdentity(reader: "Virtual PCD 00 00")
/// print(identity.name, identity.birthDate.gregorian.iso)
/// ```
public struct NHICardReader: Sendable {
    /// `00 A4 04 00 10 D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00`.
    public static let selectApplication = CommandAPDU.select(aid: [0xD1, 0x58, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
                                                                   0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00])
    /// `00 CA 11 00 02 00 00`.
    public static let readProfile = CommandAPDU(cla: 0x00, ins: 0xCA, p1: 0x11, p2: 0x00, data: [0x00, 0x00])

    /// The context whose readers are read.
    public let context: PCSCContext

    /// Creates a reader over a context.
    public init(_ context: PCSCContext) {
        self.context = context
    }

    /// Reads the card in `reader` inside one PC/SC transaction, reusing an open connection.
    ///
    /// Throws ``CardError/Code/cardWrongType`` without sending anything when the ATR is a
    /// certificate card's; a card with an unknown ATR is tried, and a failed read then
    /// throws ``CardError/Code/cardUnknown``.
    public func readIdentity(reader: String) async throws(CardError) -> NHICardIdentity {
        let table = context.atrTable
        return try await context.withCard(in: reader) { (card) async throws(CardError) -> NHICardIdentity in
            try await Self.readIdentity(from: card, atrTable: table)
        }
    }

    /// Reads the profile over any transport (SELECT, then READ).
    public static func readIdentity(from card: some CardTransport, atrTable: ATRTable = .standard) async throws(CardError) -> NHICardIdentity {
        let type = atrTable.cardType(of: card.atr)
        if type.isCertificateCard {
            throw CardError(.cardWrongType, reader: card.readerName, detail: "\(type.labelEn), ATR \(card.atr)")
        }
        let responses = try await card.transmit([selectApplication, readProfile])
        let select = responses[0], read = responses[1]
        guard read.status.isSuccess else {
            if type == .unknown {
                throw CardError(.cardUnknown, reader: card.readerName, statusWord: read.status,
                                detail: "ATR \(card.atr); SELECT \(select.status), READ \(read.status)")
            }
            throw CardError(.unexpectedStatus, reader: card.readerName, statusWord: read.status,
                            detail: "READ profile: \(read.status.meaning) (SELECT answered \(select.status))")
        }
        do {
            return try NHICardIdentity(record: read.data)
        } catch {
            if type == .unknown {
                throw CardError(.cardUnknown, reader: card.readerName, detail: "ATR \(card.atr); \(error.detail ?? "")")
            }
            throw error.at(reader: card.readerName)
        }
    }
}

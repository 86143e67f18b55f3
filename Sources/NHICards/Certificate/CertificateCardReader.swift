/// Reads certificate cards (Chunghwa Telecom HiCOS: citizen, healthcare-professional and
/// organisation certificates) by the public read paths of SPEC §12 — no PIN needed.
///
/// - card number: SELECT `3F00` → `0900` → `0903`, then `80 B0 00 00 10` (16 ASCII characters);
/// - certificates: SELECT `3F00` → `5030` → `08F2`, then at each slot offset read the
///   4-byte header `30 82 LL LL` and the certificate in chunks of at most 200 bytes.
public struct CertificateCardReader: Sendable {
    /// The HiCOS class byte for these reads.
    public static let hicosClass: UInt8 = 0x80
    /// The largest chunk a READ BINARY asks for.
    public static let chunkSize = 200

    /// The context whose readers are read.
    public let context: PCSCContext

    /// Creates a reader over a context.
    public init(_ context: PCSCContext) {
        self.context = context
    }

    /// Reads the card in `reader` inside one PC/SC transaction.
    public func readContents(reader: String) async throws(CardError) -> CertificateCardContents {
        let table = context.atrTable
        return try await context.withCard(in: reader) { (card) async throws(CardError) -> CertificateCardContents in
            try await Self.readContents(from: card, atrTable: table)
        }
    }

    /// Reads card number and certificates over any transport. Throws
    /// ``CardError/Code/cardWrongType`` for an NHI card (nothing is sent).
    public static func readContents(from card: some CardTransport, atrTable: ATRTable = .standard) async throws(CardError) -> CertificateCardContents {
        let type = atrTable.cardType(of: card.atr)
        if type == .nhiCard {
            throw CardError(.cardWrongType, reader: card.readerName, detail: "NHI card, ATR \(card.atr)")
        }
        let number = try await readCardNumber(from: card)
        var certificates: [CertificateSlot: CardCertificate] = [:]
        try await selectPath([0x3F00, 0x5030, 0x08F2], on: card)
        for slot in CertificateSlot.allCases {
            guard let der = try await readCertificate(at: slot.offset, from: card) else { continue }
            certificates[slot] = try CardCertificate(der: der)
        }
        guard !certificates.isEmpty else {
            throw CardError(.certificateMissing, reader: card.readerName, detail: "no certificate in 3F00/5030/08F2")
        }
        return CertificateCardContents(cardNumber: number, certificates: certificates)
    }

    /// Reads the 16-character card number.
    public static func readCardNumber(from card: some CardTransport) async throws(CardError) -> String {
        try await selectPath([0x3F00, 0x0900, 0x0903], on: card)
        let bytes = try await card.transmitExpectingSuccess(.readBinary(offset: 0, length: 16, cla: hicosClass), "READ card number")
        let trimmed = bytes.prefix { $0 != 0 && $0 != 0xFF }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw CardError(.cardUnknown, reader: card.readerName, detail: "card number is not ASCII")
        }
        return String(decoding: trimmed, as: UTF8.self).trimmingSpaces
    }

    static func selectPath(_ path: [UInt16], on card: some CardTransport) async throws(CardError) {
        let responses = try await card.transmit(path.map { .select(fileID: $0, cla: hicosClass) })
        for (fileID, response) in zip(path, responses) {
            guard response.status.isSuccess else {
                let code: CardError.Code = response.status == .fileNotFound ? .cardUnknown : .unexpectedStatus
                throw CardError(code, reader: card.readerName, statusWord: response.status,
                                detail: "SELECT \(hexString([UInt8(fileID >> 8), UInt8(fileID & 0xFF)], separator: "")): \(response.status.meaning)")
            }
        }
    }

    /// Reads one DER certificate at `offset`, or `nil` when the slot is empty.
    static func readCertificate(at offset: Int, from card: some CardTransport) async throws(CardError) -> [UInt8]? {
        let header = try await card.transmit(.readBinary(offset: offset, length: 4, cla: hicosClass))
        guard header.status.isSuccess, header.data.count == 4, header.data[0] == 0x30, header.data[1] == 0x82 else {
            return nil
        }
        let total = 4 + (Int(header.data[2]) << 8 | Int(header.data[3]))
        var der = header.data
        while der.count < total {
            let length = min(chunkSize, total - der.count)
            let chunk = try await card.transmitExpectingSuccess(.readBinary(offset: offset + der.count, length: length, cla: hicosClass),
                                                                "READ certificate at \(offset + der.count)")
            guard !chunk.isEmpty else {
                throw CardError(.certificateMalformed, reader: card.readerName, detail: "certificate at \(offset) ends early")
            }
            der += chunk
        }
        return Array(der.prefix(total))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

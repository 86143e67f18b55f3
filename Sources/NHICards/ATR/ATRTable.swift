/// Recognises cards by their ATR: exact ATRs and historical-byte signatures, each with
/// its source.
///
/// The default table holds the NHI-card ATRs from SPEC §12 and the Taiwanese entries of
/// pcsc-tools' `smartcard_list.txt` (Debian pcsc-tools 1.6.2), plus the historical-byte
/// signature `CHTMOICA` of MOICA citizen certificates. Add entries for new card
/// generations with ``init(entries:includingDefaults:)``; the first matching entry wins, exact ATRs before
/// signatures.
public struct ATRTable: Sendable {
    /// How an entry matches.
    public enum Pattern: Sendable, Hashable {
        /// The whole ATR, byte for byte.
        case exact([UInt8])
        /// The historical bytes contain this ASCII text.
        case historicalText(String)
    }

    /// One row: a pattern, the card type, a description and where the fact comes from.
    public struct Entry: Sendable, Hashable {
        /// How the entry matches.
        public let pattern: Pattern
        /// The card type it stands for.
        public let cardType: CardType
        /// What the card is.
        public let description: String
        /// Where the fact comes from.
        public let source: String

        /// Creates an entry.
        public init(_ pattern: Pattern, _ cardType: CardType, _ description: String, source: String) {
            self.pattern = pattern
            self.cardType = cardType
            self.description = description
            self.source = source
        }
    }

    /// The rows, in matching order.
    public let entries: [Entry]

    /// A table of your own rows followed by the default rows.
    public init(entries: [Entry], includingDefaults: Bool = true) {
        self.entries = entries + (includingDefaults ? Self.defaultEntries : [])
    }

    /// The built-in table.
    public static let standard = ATRTable(entries: [])

    /// The first entry matching `atr`, or `nil` for an unknown card.
    public func match(_ atr: ATR) -> Entry? {
        if let exact = entries.first(where: { if case .exact(let bytes) = $0.pattern { bytes == atr.bytes } else { false } }) {
            return exact
        }
        let text = atr.historicalText
        return entries.first { if case .historicalText(let needle) = $0.pattern { text.contains(needle) } else { false } }
    }

    /// The card type of `atr` (``CardType/unknown`` when nothing matches).
    public func cardType(of atr: ATR) -> CardType { match(atr)?.cardType ?? .unknown }

    private static func bytes(_ text: String) -> [UInt8] { ATR(hex: text)!.bytes }

    static let spec = "SPEC §12"
    static let pcscTools = "pcsc-tools smartcard_list.txt (Debian pcsc-tools 1.6.2)"

    static let defaultEntries: [Entry] = [
        Entry(.exact(bytes("3B FA 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 FC")), .nhiCard,
              "NHI card (SLJ52G platform)", source: spec),
        Entry(.exact(bytes("3B FD 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 79 7A 52 AA")), .nhiCard,
              "NHI card (SLJ52G platform)", source: spec + "; " + pcscTools),
        Entry(.exact(bytes("3B FC 18 00 00 81 31 FE 45 80 73 C8 21 13 66 02 04 03 55 00 02 D2")), .nhiCard,
              "NHI card", source: pcscTools),
        Entry(.exact(bytes("3B FD 13 00 00 81 31 FE 45 4A 43 4F 50 32 31 76 32 33 31 47 44 54 E1")), .nhiCard,
              "NHI card (JCOP21 platform)", source: pcscTools),
        Entry(.exact(bytes("3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 48 4E 32 24")), .nhiCard,
              "NHI card (THCC10 platform)", source: pcscTools),
        Entry(.exact(bytes("3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 49 4E 31 26")), .nhiCard,
              "NHI card (THCC10 platform)", source: pcscTools),
        Entry(.exact(bytes("3B EE 00 00 81 31 FE 45 80 31 80 66 40 90 93 06 0F 17 83 0F 90 00 F3")), .nhiCard,
              "NHI card (early generation)", source: pcscTools),
        Entry(.exact(bytes("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5")), .citizenCertificate,
              "MOICA citizen certificate (HiCOS)", source: pcscTools),
        Entry(.exact(bytes("3B 8B 80 01 00 31 C1 64 08 40 21 30 00 90 00 57")), .citizenCertificate,
              "MOICA citizen certificate", source: pcscTools),
        Entry(.exact(bytes("3B D8 96 00 81 B1 FE 45 1F 07 43 48 54 47 50 4B 49 4A DD")), .certificateCard,
              "Chunghwa Telecom PKI card (listed as a citizen certificate; issuer decided by the certificate)", source: pcscTools),
        Entry(.exact(bytes("3B F9 18 00 00 81 31 FE 45 50 56 5F 4A 32 44 30 38 31 B6")), .healthcareProfessional,
              "Taiwanese healthcare-professional card (TW HPC)", source: pcscTools),
        Entry(.historicalText("CHTMOICA"), .citizenCertificate,
              "MOICA citizen certificate (historical bytes CHTMOICA)", source: spec),
        Entry(.historicalText("SLJ52G"), .nhiCard,
              "NHI card (historical bytes SLJ52G)", source: spec),
    ]
}

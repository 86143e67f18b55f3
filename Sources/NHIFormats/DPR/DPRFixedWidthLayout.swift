/// The older fixed-width DPR form: records of exactly 200 bytes in CP950, each followed by
/// CRLF, record type in byte 1 — `1` unit, `2` detail, `3` totals.
///
/// **This layout is ours.** SPEC §10 says only that a fixed-width 200-byte Big5 form with
/// records 1/2/3 exists; the NHI's byte positions are not public. The positions below
/// carry the same fields as the CSV form, documented in the "Reading and writing DPR
/// files" article, and every reader and writer here uses this one table.
///
/// Text fields are left-aligned and padded with ASCII spaces (a double-byte character is
/// never split); numbers are right-aligned and zero-padded; an empty optional field is
/// all spaces.
public enum DPRFixedWidthLayout {
    /// One field: its canonical CSV position, its name, where it sits (1-based byte
    /// position) and how long it is.
    public struct FieldSpec: Sendable, Hashable {
        /// The index of the same field in the CSV form's record (0 = record type).
        public let csvIndex: Int
        /// The field's name (`ubn`).
        public let name: String
        /// 1-based byte position.
        public let start: Int
        /// Length in bytes.
        public let length: Int
        /// Digits, zero-padded on the left.
        public let numeric: Bool
    }

    /// The record length without the line ending.
    public static let recordLength = 200

    private static func build(_ specs: [(Int, String, Int, Bool)]) -> [FieldSpec] {
        var position = 1
        var fields: [FieldSpec] = []
        for (index, name, length, numeric) in specs {
            fields.append(FieldSpec(csvIndex: index, name: name, start: position, length: length, numeric: numeric))
            position += length
        }
        precondition(position - 1 <= recordLength)
        return fields
    }

    /// Record 1: type, UBN, income code, period start and end (yyyMM), payer name (50
    /// bytes = 25 full-width characters), phone, e-mail, contact; filler to 200.
    public static let unit = build([
        (0, "recordType", 1, false), (1, "ubn", 8, true), (2, "incomeCode", 2, true), (3, "periodStart", 5, true),
        (4, "periodEnd", 5, true), (8, "payerName", 50, false), (9, "phone", 20, false), (10, "email", 60, false),
        (11, "contact", 20, false),
    ])

    /// Record 2: type, kind (I/R), payment date (yyyMMdd), ID, name (20 bytes), amount
    /// (12), premium (10), filing number (20), code 62 fields — unit code (9), insured
    /// amount (9), year-to-date bonuses (12) — and a note (60); filler to 200.
    public static let detail = build([
        (0, "recordType", 1, false), (1, "kind", 1, false), (2, "paymentDate", 7, true), (3, "id", 10, false),
        (4, "name", 20, false), (5, "amount", 12, true), (6, "premium", 10, true), (7, "filingNumber", 20, false),
        (8, "unitCode", 9, false), (9, "insuredAmount", 9, true), (10, "yearToDateBonus", 12, true), (11, "note", 60, false),
    ])

    /// Record 3: type, UBN, income code, count (8), total paid (14), total premium (12);
    /// filler to 200.
    public static let totals = build([
        (0, "recordType", 1, false), (1, "ubn", 8, true), (2, "incomeCode", 2, true), (3, "count", 8, true),
        (4, "totalPaid", 14, true), (5, "totalPremium", 12, true),
    ])

    /// The layout of a record type.
    static func fields(for type: UInt8) -> [FieldSpec]? {
        switch type {
        case 0x31: unit
        case 0x32: detail
        case 0x33: totals
        default: nil
        }
    }
}

/// One record of a CSV file, decoded to text.
///
/// A record is never dropped, even when it is malformed: structural problems (a stray
/// quote, an unterminated quoted field, a record too long) and fields that cannot be
/// decoded are listed in ``problems``, each with its line and column. A field that could
/// not be decoded is the empty string — check ``problems`` before using the values.
public struct CSVRecord: Sendable, Hashable {
    /// The fields, in order.
    public var fields: [String]
    /// The record number (1-based; the first record, a header or not, is 1).
    public let row: Int
    /// The physical line the record starts on (1-based; differs from ``row`` after a
    /// quoted field with line breaks).
    public let line: Int
    /// The byte offset of the record in the input (nil for transcoded UTF-16 input).
    public let byteOffset: Int?
    /// What is wrong with the record's syntax or encoding; empty for a clean record.
    public var problems: [FormatError]

    /// Creates a record.
    public init(fields: [String], row: Int, line: Int, byteOffset: Int? = nil, problems: [FormatError] = []) {
        self.fields = fields
        self.row = row
        self.line = line
        self.byteOffset = byteOffset
        self.problems = problems
    }

    /// The field at `index` (0-based), or nil past the end.
    public subscript(index: Int) -> String? { index < fields.count ? fields[index] : nil }

    /// Whether every field is empty or white space (Excel writes `,,,` for rows that were
    /// formatted once and then cleared) and the record has no problems. A record whose
    /// bytes could not be decoded is never blank: its fields read as empty, but it is an
    /// error to report, not a row to skip.
    public var isBlank: Bool { problems.isEmpty && fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" } } }
}

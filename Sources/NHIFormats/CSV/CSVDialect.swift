/// How a CSV file is written: the delimiter, and the limits that keep memory constant on
/// hostile input.
///
/// The quote character is always `"` (RFC 4180 and Excel). The delimiter must be an ASCII
/// character below `@` other than CR, LF and `"` — comma, semicolon or tab — so that it
/// can never be the second byte of a Big5 character and the file can be split into
/// records and fields before it is decoded.
public struct CSVDialect: Sendable, Hashable {
    /// The field delimiter byte.
    public let delimiter: UInt8
    /// A record longer than this (after unquoting) is reported (`csv.recordTooLong`) and
    /// cut; the reader then resynchronises at the record's end. 1 MiB by default.
    public var maxRecordBytes: Int
    /// A record with more fields than this is reported (`csv.tooManyFields`).
    public var maxFields: Int
    /// A line that starts with this byte is a comment and skipped (DPR files use `*`);
    /// nil for none.
    public let commentMarker: UInt8?

    /// Creates a dialect. `delimiter` must be `,`, `;`, `\t` or another ASCII character
    /// below `@` that is not CR, LF or `"`.
    public init(delimiter: Character = ",", maxRecordBytes: Int = 1 << 20, maxFields: Int = 1024, commentMarker: Character? = nil) {
        guard let ascii = delimiter.asciiValue, ascii < 0x40, ascii != 0x0A, ascii != 0x0D, ascii != 0x22 else {
            preconditionFailure("CSV delimiter must be an ASCII character below '@' other than CR, LF and '\"'")
        }
        self.delimiter = ascii
        self.maxRecordBytes = max(16, maxRecordBytes)
        self.maxFields = max(1, maxFields)
        if let commentMarker {
            guard let ascii = commentMarker.asciiValue, ascii < 0x40, ascii != 0x0A, ascii != 0x0D, ascii != 0x22, ascii != self.delimiter else {
                preconditionFailure("a CSV comment marker must be an ASCII character below '@' other than CR, LF, '\"' and the delimiter")
            }
            self.commentMarker = ascii
        } else {
            self.commentMarker = nil
        }
    }

    /// What Excel reads and writes: comma-separated, `"`-quoted.
    public static let excel = CSVDialect()
}

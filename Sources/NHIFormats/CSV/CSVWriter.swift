import NHICore

/// How a CSV file is written.
public struct CSVWriteOptions: Sendable, Hashable {
    /// The encoding (default CP950, what Excel on Traditional-Chinese Windows saves).
    public var encoding: TextEncoding
    /// Whether to start with a byte-order mark (Excel's "CSV UTF-8" does).
    public var byteOrderMark: Bool
    /// The line ending after every record, the last one included (default CRLF).
    public var lineEnding: LineEnding
    /// Quote every field, not only those that need it.
    public var quoteAll: Bool
    /// Protect text cells against formula injection (see ``ExcelFormulaGuard``).
    public var protectFormulas: Bool
    /// Columns (0-based) holding integers written by the SDK; they are exempt from formula
    /// protection when they are plain integers.
    public var numericColumns: Set<Int>
    /// The dialect (delimiter).
    public var dialect: CSVDialect

    /// Creates options; the defaults are what Excel saves on Traditional-Chinese Windows.
    public init(encoding: TextEncoding = .cp950, byteOrderMark: Bool = false, lineEnding: LineEnding = .crlf,
                quoteAll: Bool = false, protectFormulas: Bool = false, numericColumns: Set<Int> = [],
                dialect: CSVDialect = .excel) {
        self.encoding = encoding
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.quoteAll = quoteAll
        self.protectFormulas = protectFormulas
        self.numericColumns = numericColumns
        self.dialect = dialect
    }

    /// CP950, CRLF, no byte-order mark: what Excel writes for "CSV (逗號分隔)".
    public static let excelBig5 = CSVWriteOptions()
    /// UTF-8 with a byte-order mark, CRLF: Excel's "CSV UTF-8".
    public static let excelUTF8 = CSVWriteOptions(encoding: .utf8, byteOrderMark: true)
}

/// Writes CSV records: RFC 4180 quoting (a field is quoted when it contains the delimiter,
/// a quote, CR or LF, or starts or ends with a space), any ``TextEncoding``, any line
/// ending, and optional formula-injection protection.
///
/// A character the encoding lacks (for CP950: most characters outside Big5) is an error
/// naming the row and column (`encoding.unencodable`); nothing is replaced by `?`.
/// Writing to a file is atomic: the file appears only when ``finish()`` succeeds.
public final class CSVWriter {
    /// The options in use.
    public let options: CSVWriteOptions
    private let sink: ByteSink
    private let codec: FieldCodec
    private var scratch: [UInt8] = []
    /// The number of records written so far.
    public private(set) var recordCount = 0
    private var started = false

    /// Opens a writer.
    public init(_ target: ByteOutputTarget, options: CSVWriteOptions = .excelBig5) throws(FormatError) {
        self.options = options
        self.sink = try ByteSink(target)
        self.codec = FieldCodec(options.encoding)
    }

    /// Writes one record. Rows and columns in errors are 1-based record and field numbers.
    public func write(_ fields: [String]) throws(FormatError) {
        if !started {
            started = true
            if options.byteOrderMark { try sink.write(options.encoding.byteOrderMark) }
        }
        recordCount += 1
        scratch.removeAll(keepingCapacity: true)
        for (index, field) in fields.enumerated() {
            if index > 0 { try encodeASCII(options.dialect.delimiter) }
            var text = field
            if options.protectFormulas && !(options.numericColumns.contains(index) && ExcelFormulaGuard.isPlainInteger(text)) {
                text = ExcelFormulaGuard.protect(text)
            }
            // A first field starting with U+FEFF would read back as a byte-order mark.
            let looksLikeBOM = recordCount == 1 && index == 0 && text.unicodeScalars.first == "\u{FEFF}"
            if options.quoteAll || looksLikeBOM || needsQuotes(text) {
                var quoted = "\""
                for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
                text = quoted + "\""
            }
            if case .failure(let failure) = codec.encode(text, into: &scratch) {
                throw FormatError(.encodingUnencodable, row: recordCount, column: index + 1, value: String(failure.character),
                                  detail: "「\(failure.character)」(U+\(String(failure.character.unicodeScalars.first!.value, radix: 16, uppercase: true)))無法以\(options.encoding.rawValue)表示",
                                  detailEn: "'\(failure.character)' (U+\(String(failure.character.unicodeScalars.first!.value, radix: 16, uppercase: true))) has no \(options.encoding.rawValue) code")
            }
        }
        for byte in options.lineEnding.bytes { try encodeASCII(byte) }
        try sink.write(scratch)
    }

    /// Writes a line as it is, without quoting (DPR comment lines); counts as a record.
    func writeRawLine(_ text: String) throws(FormatError) {
        if !started {
            started = true
            if options.byteOrderMark { try sink.write(options.encoding.byteOrderMark) }
        }
        recordCount += 1
        scratch.removeAll(keepingCapacity: true)
        if case .failure(let failure) = codec.encode(text, into: &scratch) {
            throw FormatError(.encodingUnencodable, row: recordCount, value: String(failure.character))
        }
        for byte in options.lineEnding.bytes { try encodeASCII(byte) }
        try sink.write(scratch)
    }

    private func encodeASCII(_ byte: UInt8) throws(FormatError) {
        switch options.encoding {
        case .utf16LittleEndian: scratch.append(byte); scratch.append(0)
        case .utf16BigEndian: scratch.append(0); scratch.append(byte)
        default: scratch.append(byte)
        }
    }

    private func needsQuotes(_ text: String) -> Bool {
        let delimiter = options.dialect.delimiter
        for byte in text.utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        return text.utf8.first == 0x20 || text.utf8.last == 0x20
    }

    /// Flushes and, for a file, moves it into place. Returns the bytes for
    /// ``ByteOutputTarget/memory`` (empty for a file).
    @discardableResult
    public func finish() throws(FormatError) -> [UInt8] {
        if !started {
            started = true
            if options.byteOrderMark { try sink.write(options.encoding.byteOrderMark) }
        }
        try sink.finish()
        return sink.bytes
    }
}

import NHICore

/// Writes a batch registration file for upload.
///
/// By default the file is what Excel saves as "CSV (逗號分隔)" on Traditional-Chinese
/// Windows, which the NHI's upload page expects: CP950, CRLF, no header row (the
/// template's header is marked "第一列請勿上傳"). Every part is configurable.
public final class BatchRegistrationWriter {
    /// How the upload file is written.
    public struct Options: Sendable, Hashable {
        /// CP950 by default.
        public var encoding: TextEncoding
        /// No byte-order mark by default.
        public var byteOrderMark: Bool
        /// CRLF by default.
        public var lineEnding: LineEnding
        /// Write the template's header row first (off by default: it must not be uploaded).
        public var includeHeader: Bool

        /// Creates options; the defaults are Excel's CSV on Traditional-Chinese Windows.
        public init(encoding: TextEncoding = .cp950, byteOrderMark: Bool = false, lineEnding: LineEnding = .crlf, includeHeader: Bool = false) {
            self.encoding = encoding
            self.byteOrderMark = byteOrderMark
            self.lineEnding = lineEnding
            self.includeHeader = includeHeader
        }

        /// What Excel saves on Traditional-Chinese Windows: CP950, CRLF, no header.
        public static let excel = Options()
    }

    /// The layout written.
    public let variant: BatchRegistrationVariant
    private let writer: CSVWriter

    /// Opens a writer.
    public init(_ target: ByteOutputTarget, variant: BatchRegistrationVariant = .current, options: Options = .excel) throws(FormatError) {
        self.variant = variant
        self.writer = try CSVWriter(target, options: CSVWriteOptions(encoding: options.encoding, byteOrderMark: options.byteOrderMark,
                                                                     lineEnding: options.lineEnding))
        if options.includeHeader { try writer.write(variant.templateHeader) }
    }

    /// Writes one registration.
    public func write(_ entry: BatchRegistrationEntry) throws(FormatError) {
        try writer.write(entry.fields(for: variant))
    }

    /// Writes a row as given, padded to the layout's columns (used by repairs, which keep
    /// invalid rows as they were, extra columns included).
    public func write(fields: [String]) throws(FormatError) {
        var row = fields
        while row.count < variant.columns.count { row.append("") }
        try writer.write(row)
    }

    /// Finishes the file (atomically moved into place); returns the bytes for
    /// ``ByteOutputTarget/memory``.
    @discardableResult
    public func finish() throws(FormatError) -> [UInt8] { try writer.finish() }
}

/// Repairs a batch registration file: every warning's suggestion applied, blank rows and
/// empty extra columns removed, rows with errors kept exactly as they were (an error is
/// never guessed away), written as an upload file, with the list of every change.
public enum BatchRegistrationRepair {
    /// The outcome of a repair.
    public struct Result: Sendable, Hashable {
        /// The check of the original file (its ``BatchRegistrationReport/changes`` are the
        /// changes made).
        public let report: BatchRegistrationReport
        /// Rows written.
        public let rowsWritten: Int
        /// Rows written that still have errors (unchanged from the original).
        public let invalidRowsWritten: Int
        /// The repaired file's bytes, for ``ByteOutputTarget/memory`` (empty for a file).
        public let bytes: [UInt8]
    }

    /// Checks `input` and writes the repaired file to `output`. Throws
    /// `batch.notRepairable` (and writes nothing) when the file has undecodable text or
    /// broken CSV syntax, which need a person to look at the original.
    public static func repair(_ input: ByteInput, checker: BatchRegistrationChecker = BatchRegistrationChecker(),
                              to output: ByteOutputTarget, options: BatchRegistrationWriter.Options = .excel) throws(FormatError) -> Result {
        var writer: BatchRegistrationWriter?
        var written = 0, invalidWritten = 0
        var broken = false
        let report = try checker.check(input) { (outcome: BatchRowOutcome) throws(FormatError) in
            if outcome.issues.contains(where: { $0.code == .encodingUndecodable || $0.code.rawValue.hasPrefix("csv.") }) { broken = true }
            if broken { return }
            if writer == nil { writer = try BatchRegistrationWriter(output, variant: outcome.variant, options: options) }
            // Rows with errors are kept as they were, but never as live formulas: a value
            // such as `=HYPERLINK(…)` is written with Excel's text apostrophe (a valid row's
            // values are the registration itself and are written unchanged; a formula-like
            // one carries the `excel.formulaLike` warning).
            try writer!.write(fields: outcome.isValid ? outcome.output : outcome.output.map(ExcelFormulaGuard.protect))
            written += 1
            if !outcome.isValid { invalidWritten += 1 }
        }
        guard report.isRepairable, !broken else {
            throw FormatError(.batchNotRepairable, value: input.name)
        }
        if writer == nil { writer = try BatchRegistrationWriter(output, variant: report.variant, options: options) }
        let bytes = try writer!.finish()
        return Result(report: report, rowsWritten: written, invalidRowsWritten: invalidWritten, bytes: bytes)
    }
}

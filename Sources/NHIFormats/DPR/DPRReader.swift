import NHICore

extension Field {
    static let dprRecordType = Field("recordType", label: "資料類別", labelEn: "Record type")
    static let incomeCode = Field("incomeCode", label: "所得類別", labelEn: "Income code")
    static let periodStart = Field("periodStart", label: "申報起始年月", labelEn: "First month of the period")
    static let periodEnd = Field("periodEnd", label: "申報截止年月", labelEn: "Last month of the period")
    static let detailCount = Field("count", label: "申報筆數", labelEn: "Number of details")
    static let totalPaid = Field("totalPaid", label: "給付總額", labelEn: "Total paid")
    static let totalPremium = Field("totalPremium", label: "扣繳補充保險費總額", labelEn: "Total premium withheld")
    static let payerName = Field("payerName", label: "扣費單位名稱", labelEn: "Payer name")
    static let detailKind = Field("kind", label: "申報類別", labelEn: "Detail kind (I/R)")
    static let paymentDate = Field("paymentDate", label: "給付日期", labelEn: "Payment date")
    static let amountPaid = Field("amount", label: "給付金額", labelEn: "Amount paid")
    static let premiumWithheld = Field("premium", label: "扣繳補充保險費金額", labelEn: "Premium withheld")
    static let filingNumber = Field("filingNumber", label: "申報編號", labelEn: "Filing number")
    static let insuredAmount = Field("insuredAmount", label: "當月投保金額", labelEn: "Insured amount of the month")
    static let yearToDateBonus = Field("yearToDateBonus", label: "當年度累計獎金", labelEn: "Bonuses paid this year")
    static let note = Field("note", label: "備註", labelEn: "Note")
    static let contactPerson = Field("contact", label: "聯絡人", labelEn: "Contact person")
}

/// The result of checking a DPR file.
public struct DPRCheckReport: Sendable, Hashable {
    /// The file as given.
    public let file: String
    /// CSV or fixed-width.
    public let form: DPRFileName.Form
    /// The encoding and why.
    public let encoding: EncodingDetection
    /// The parsed file name, when it follows the convention.
    public let fileName: DPRFileName?
    /// Record 1 (with the totals of record 3 in the fixed-width form), when valid.
    public let unit: DPRUnitRecord?
    /// The valid details, in file order.
    public let details: [DPRDetailRecord]
    /// Detail records read, valid or not.
    public let detailRows: Int
    /// The errors in file order (the first ``FormatLimits/issuesPerCode`` of each code);
    /// row 0 is the file as a whole.
    public let errors: [FormatIssue]
    /// Warnings (the file name).
    public let warnings: [FormatIssue]
    /// Every error found, listed or not.
    public var errorCount: Int = 0
    /// Errors per code that are counted but not listed.
    public var omittedErrors: [FormatError.Code: Int] = [:]

    /// Whether the file can be imported.
    public var isValid: Bool { errors.isEmpty && unit != nil }

    /// The file, when valid.
    public var dprFile: DPRFile? {
        guard isValid, let unit else { return nil }
        return DPRFile(unit: unit, details: details)
    }
}

/// Reads and checks DPR supplementary-premium detail files (扣繳補充保險費明細) in the CSV
/// form (SPEC §10) and the older fixed-width form (``DPRFixedWidthLayout``, our layout),
/// before an import.
///
/// Checks: record order (one unit record first, details, and in the fixed-width form a
/// totals record last), every field (UBN, income code 62/63/65–68, ROC months and dates,
/// IDs, names, amounts, code 62's unit code, insured amount and year-to-date bonuses),
/// payment dates inside the filing period, the declared count and totals against the
/// details, duplicated details, and optionally each premium against a computation the
/// caller supplies (the rates live in NHIGrades).
///
/// The file is streamed with bounded memory: one record at a time (a CSV record is at most
/// ``CSVDialect/maxRecordBytes``, a fixed-width line is judged by its length without
/// holding it), the valid details (at most ``FormatLimits/maxDPRDetails``) and the first
/// ``FormatLimits/issuesPerCode`` issues of each code (all are counted).
///
/// An import must be all or nothing: ``read(_:)`` throws the first error and returns a
/// ``DPRFile`` only when the whole file is valid; each detail's
/// ``DPRDetailRecord/contentHash(ubn:incomeCode:)`` makes importing it twice detectable.
public struct DPRReader: Sendable {
    /// How to read.
    public struct Options: Sendable {
        /// The encoding; nil detects it (CP950 is what the standalone program writes).
        public var encoding: TextEncoding?
        /// The form; nil detects it from the first record.
        public var form: DPRFileName.Form?
        /// The name to check against `DPR{UBN}{yyyMMdd}{seq}.csv`; nil uses the input's
        /// name, the empty string skips the check.
        public var fileName: String?
        /// The premium a detail should carry, if the caller can compute it; a different
        /// premium is an error (`dpr.premium`).
        public var expectedPremium: (@Sendable (DPRDetailRecord, DPRIncomeCode) -> Money?)?

        /// Creates options.
        public init(encoding: TextEncoding? = nil, form: DPRFileName.Form? = nil, fileName: String? = nil,
                    expectedPremium: (@Sendable (DPRDetailRecord, DPRIncomeCode) -> Money?)? = nil) {
            self.encoding = encoding
            self.form = form
            self.fileName = fileName
            self.expectedPremium = expectedPremium
        }
    }

    /// The options.
    public var options: Options

    /// Creates a reader.
    public init(_ options: Options = Options()) {
        self.options = options
    }

    /// Checks a file and reports everything found. The file is streamed: memory holds one
    /// record, the valid details (at most ``FormatLimits/maxDPRDetails``; beyond that the
    /// file is an error and reading stops) and the first issues of each code.
    public func check(_ input: ByteInput) throws(FormatError) -> DPRCheckReport {
        var warnings: [FormatIssue] = []
        var fileName: DPRFileName?
        let name = options.fileName ?? input.name
        if !name.isEmpty {
            do { fileName = try DPRFileName(parsing: name) } catch { warnings.append(FormatIssue(.warning, error)) }
        }
        // The form and (for the fixed-width form) the encoding come from the first chunk.
        let prefixReader = try ByteReader(input)
        var prefix = [UInt8](repeating: 0, count: Self.prefixSize)
        let prefixCount = try prefix.withUnsafeMutableBufferPointer { (buffer) throws(FormatError) -> Int in
            try prefixReader.readFully(into: buffer.baseAddress!, count: buffer.count)
        }
        prefix.removeSubrange(prefixCount...)
        let form = options.form ?? prefix.withUnsafeBufferPointer { Self.detectForm($0) }
        let assembler = DPRAssembler(form: form)
        let detection: EncodingDetection
        switch form {
        case .csv:
            let reader = try CSVReader(input, encoding: options.encoding, dialect: CSVDialect(commentMarker: "*"))
            while let record = try reader.next() {
                if record.isBlank { continue }
                if !assembler.add(DPRRawRecord(csv: record)) { break }
            }
            detection = reader.detection
        case .fixedWidth:
            detection = options.encoding.map { EncodingDetection(encoding: $0, byteOrderMark: false, basis: .override) }
                ?? prefix.withUnsafeBufferPointer { EncodingDetection.detect($0, isWholeInput: prefixCount < Self.prefixSize) }
            try Self.fixedWidthRecords(input, detection: detection) { assembler.add($0) }
        }
        assembler.finish(expectedPremium: options.expectedPremium)
        return DPRCheckReport(file: input.name, form: form, encoding: detection, fileName: fileName,
                              unit: assembler.validUnit, details: assembler.validDetails, detailRows: assembler.detailRows,
                              errors: assembler.errors.ordered, warnings: warnings,
                              errorCount: assembler.errors.total, omittedErrors: assembler.errors.omitted)
    }

    /// Bytes read to decide the form and detect the fixed-width form's encoding.
    static let prefixSize = 1 << 16

    /// Reads a whole, valid file; throws the first error otherwise (nothing is returned
    /// from a file with any error, so an import can never be partial).
    public func read(_ input: ByteInput) throws(FormatError) -> DPRFile {
        let report = try check(input)
        if let first = report.errors.first { throw first.error }
        guard let file = report.dprFile else { throw FormatError(.dprMissingUnitRecord) }
        return file
    }

    /// CSV when the first record's second byte is a comma, else fixed-width when its line
    /// is 200 bytes; CSV otherwise (also when the prefix holds no record).
    static func detectForm(_ buffer: UnsafeBufferPointer<UInt8>) -> DPRFileName.Form {
        var start = 0
        if let (_, bom) = EncodingDetection.byteOrderMark(in: buffer) { start = bom }
        while start < buffer.count {
            var end = start
            while end < buffer.count && buffer[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd > start && buffer[start] != 0x2A {
                if lineEnd - start >= 2 && buffer[start + 1] == 0x2C { return .csv }
                return lineEnd - start == DPRFixedWidthLayout.recordLength ? .fixedWidth : .csv
            }
            start = end + 1
        }
        return .csv
    }

    /// Lines of exactly 200 bytes, sliced by ``DPRFixedWidthLayout`` and decoded field by
    /// field, streamed to `body` (which returns false to stop). A line of another length is
    /// `dpr.recordLength` naming its line; only its first bytes are ever held.
    static func fixedWidthRecords(_ input: ByteInput, detection: EncodingDetection, _ body: (DPRRawRecord) -> Bool) throws(FormatError) {
        let codec = FieldCodec(detection.encoding.isASCIICompatible ? detection.encoding : .cp950)
        let lines = try LineSplitter(input, keep: DPRFixedWidthLayout.recordLength + 8, skipByteOrderMark: detection.byteOrderMark)
        var row = 0
        while let (kept, length, blank) = try lines.next() {
            let all = kept[...]
            let line = lines.line
            // Blank lines (spaces and tabs, however long) and comments are not records.
            if length == 0 || all.first == 0x2A || blank { continue }
            row += 1
            let start = lines.lineOffset
            guard length == DPRFixedWidthLayout.recordLength else {
                if !body(DPRRawRecord(type: all.first ?? 0, row: row, line: line, fields: [], columns: [], problems: [
                    FormatError(.dprRecordLength, line: line, row: row, value: "\(length)",
                                detail: "此筆為\(length)位元組", detailEn: "this record is \(length) bytes"),
                ])) { return }
                continue
            }
            let bytes = Array(all)
            guard let specs = DPRFixedWidthLayout.fields(for: bytes[0]) else {
                if !body(DPRRawRecord(type: bytes[0], row: row, line: line, fields: [], columns: [], problems: [])) { return }
                continue
            }
            var fields = [String](repeating: "", count: 12)
            var columns = [Int](repeating: 0, count: 12)
            var problems: [FormatError] = []
            bytes.withUnsafeBufferPointer { buffer in
                for spec in specs {
                    let slice = UnsafeBufferPointer(rebasing: buffer[(spec.start - 1)..<(spec.start - 1 + spec.length)])
                    columns[spec.csvIndex] = spec.start
                    switch codec.decode(slice) {
                    case .success(let text): fields[spec.csvIndex] = text
                    case .failure(let failure):
                        problems.append(FormatError(.encodingUndecodable, line: line, row: row, column: spec.start + failure.offset,
                                                    byteOffset: start + spec.start - 1 + failure.offset,
                                                    detail: "欄位\(spec.name)（第\(spec.start)至\(spec.start + spec.length - 1)位元組）含無效的\(codec.encoding.rawValue)字元，或中文字被欄位邊界切斷",
                                                    detailEn: "field \(spec.name) (bytes \(spec.start)–\(spec.start + spec.length - 1)) has invalid \(codec.encoding.rawValue) or a character cut by the field boundary"))
                    }
                }
            }
            if !body(DPRRawRecord(type: bytes[0], row: row, line: line, fields: fields, columns: columns, problems: problems)) { return }
        }
    }
}

/// One record in canonical field positions, from either form.
///
/// Unit: `[1, UBN, code, start, end, count, paid, premium, payer, phone, e-mail, contact]`;
/// detail: `[2, kind, date, ID, name, amount, premium, filing no., unit code, insured
/// amount, year-to-date bonuses, note]`; totals (fixed-width only): `[3, UBN, code, count,
/// paid, premium]`.
struct DPRRawRecord {
    let type: UInt8
    let row: Int
    let line: Int
    let fields: [String]
    /// The column (CSV field number, or fixed-width byte position) of each field.
    let columns: [Int]
    let problems: [FormatError]
    /// The CSV form's field count for messages.
    let csvFieldCount: Int?

    init(type: UInt8, row: Int, line: Int, fields: [String], columns: [Int], problems: [FormatError]) {
        self.type = type
        self.row = row
        self.line = line
        self.fields = fields
        self.columns = columns
        self.problems = problems
        self.csvFieldCount = nil
    }

    /// From a CSV record: a detail of a code other than 62 has its note in field 9, which
    /// moves to the canonical note position.
    init(csv record: CSVRecord) {
        let first = record.fields.first ?? ""
        type = first.utf8.count == 1 ? first.utf8.first! : 0
        row = record.row
        line = record.line
        problems = record.problems
        csvFieldCount = record.fields.count
        var fields = record.fields
        var columns = Array(1...max(1, fields.count))
        if type == 0x32 && fields.count == 9 {
            fields = Array(fields[0..<8]) + ["", "", "", fields[8]]
            columns = Array(1...8) + [0, 0, 0, 9]
        }
        self.fields = fields
        self.columns = columns
    }

    /// Field `index`, trimmed of ASCII spaces and U+3000 padding ("" past the end).
    func field(_ index: Int) -> String {
        guard index < fields.count else { return "" }
        var scalars = Substring(fields[index]).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\u{3000}" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\u{3000}" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    func column(_ index: Int) -> Int? {
        guard index < columns.count, columns[index] > 0 else { return nil }
        return columns[index]
    }
}

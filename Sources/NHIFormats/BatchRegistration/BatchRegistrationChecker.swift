import NHICore

/// Checks a batch NHI-card registration file (SPEC §5) before it is uploaded, or when the
/// local service processes an upload.
///
/// Every row is validated through NHICore's parsers after normalisation: the ID (national
/// ID or resident number), the e-mail address, the mobile and the landline (`#`
/// extension). Excel damage — a dropped leading zero, scientific notation, full-width
/// digits, stray spaces, lower-case letters — is detected and explained, and repaired
/// where the repair is certain (``BatchRegistrationRepair``). IDs that occur twice are
/// errors naming both rows; with a roster, IDs that are not in-force insured persons of
/// the unit are rejected with the NHI's reason `非該單位在保險對象`.
///
/// ```swift
/// let checker = BatchRegistrationChecker(.init(unitCode: unit, roster: roster))
/// let report = try checker.check(.file("1100010001050801.csv"))
/// print(report.valid, report.invalid)
/// for error in report.errors { print(error.row, error.column, error.message) }
/// ```
///
/// The file is streamed in constant memory (plus 12 bytes per distinct ID for the
/// duplicate check). Rows that are already canonical and valid are checked on their
/// bytes without creating strings; all other rows take the reference path.
public struct BatchRegistrationChecker: Sendable {
    /// What to check against and how to read the file.
    public struct Options: Sendable {
        /// The encoding; nil detects it (byte-order mark, UTF-16 pattern, UTF-8, else CP950).
        public var encoding: TextEncoding?
        /// The layout; nil takes it from the header, else from the first row's column count.
        public var variant: BatchRegistrationVariant?
        /// The uploading unit: the file name's unit code is compared with it.
        public var unitCode: UnitCode?
        /// The unit's in-force insured persons; rows not in it are rejected.
        public var roster: InForceIDSet?
        /// The file name to check against the naming conventions; nil uses the input's
        /// name, the empty string skips the check.
        public var fileName: String?
        /// Today's date, for the file name a warning suggests.
        public var today: CalendarDate?
        /// The CSV dialect.
        public var dialect: CSVDialect
        /// Forces every row through the reference path (tests compare both paths).
        var referencePathOnly = false

        /// Creates options.
        public init(encoding: TextEncoding? = nil, variant: BatchRegistrationVariant? = nil, unitCode: UnitCode? = nil,
                    roster: InForceIDSet? = nil, fileName: String? = nil, today: CalendarDate? = nil,
                    dialect: CSVDialect = .excel) {
            self.encoding = encoding
            self.variant = variant
            self.unitCode = unitCode
            self.roster = roster
            self.fileName = fileName
            self.today = today
            self.dialect = dialect
        }
    }

    /// The options.
    public var options: Options

    /// Creates a checker.
    public init(_ options: Options = Options()) {
        self.options = options
    }

    /// Checks `input`. `onRow` receives every data row's outcome in file order (rows are
    /// then all checked on the reference path, which builds the values).
    ///
    /// Throws only when the input cannot be read or `onRow` throws; everything wrong with
    /// the content is in the report.
    public func check(_ input: ByteInput, onRow: ((BatchRowOutcome) throws(FormatError) -> Void)? = nil) throws(FormatError) -> BatchRegistrationReport {
        let run = try BatchCheckRun(input: input, options: options, onRow: onRow)
        return try run.execute()
    }
}

/// One run of the checker over one file: the mutable state.
final class BatchCheckRun {
    let reader: CSVReader
    let options: BatchRegistrationChecker.Options
    let onRow: ((BatchRowOutcome) throws(FormatError) -> Void)?
    let inputName: String

    var variant: BatchRegistrationVariant?
    var hasHeader = false
    var sawContent = false
    var fileName: BatchRegistrationFileName?
    var rows = 0, valid = 0, invalid = 0, blankRows = 0
    var errors: [FormatIssue] = []
    var warnings: [FormatIssue] = []
    var changes: [BatchFieldChange] = []
    var seen = PersonalIDTable(expected: 1 << 12, storesValues: true)
    let roster: PersonalIDTable?

    init(input: ByteInput, options: BatchRegistrationChecker.Options, onRow: ((BatchRowOutcome) throws(FormatError) -> Void)?) throws(FormatError) {
        self.reader = try CSVReader(input, encoding: options.encoding, dialect: options.dialect)
        self.options = options
        self.onRow = onRow
        self.inputName = input.name
        self.roster = options.roster?.table
        self.variant = options.variant
    }

    func execute() throws(FormatError) -> BatchRegistrationReport {
        checkFileName()
        let fast = onRow == nil && !options.referencePathOnly
        while try reader.nextRaw() {
            if fast, sawContent, let variant, fastRow(variant) { continue }
            try slowRow()
        }
        return BatchRegistrationReport(
            file: inputName, encoding: reader.detection, variant: variant ?? .current, hasHeader: hasHeader,
            fileName: fileName, rows: rows, valid: valid, invalid: invalid, blankRows: blankRows,
            errors: errors, warnings: warnings, changes: changes)
    }

    // MARK: File name

    private func checkFileName() {
        let name = options.fileName ?? inputName
        guard !name.isEmpty else { return }
        let baseName = name.split(separator: "/").last.map(String.init) ?? name
        let suggested: String? = {
            guard let unit = options.unitCode ?? fileName?.unitCode, let today = options.today else { return nil }
            return BatchRegistrationFileName(unitCode: unit, date: today).name
        }()
        do {
            let parsed = try BatchRegistrationFileName(parsing: baseName)
            fileName = parsed
            if parsed.convention == .gregorian {
                warnings.append(FormatIssue(.warning, FormatError(.batchFileNameGregorian, field: .fileName, value: baseName),
                                            suggestion: parsed.rocName))
            }
            if let unit = options.unitCode, unit != parsed.unitCode {
                warnings.append(FormatIssue(.warning, FormatError(
                    .batchFileNameUnitCode, field: .fileName, value: baseName,
                    detail: "檔名為\(parsed.unitCode.rawValue)，上傳單位為\(unit.rawValue)",
                    detailEn: "the name says \(parsed.unitCode.rawValue), the uploading unit is \(unit.rawValue)"),
                    suggestion: BatchRegistrationFileName(unitCode: unit, date: parsed.date).name))
            }
        } catch {
            warnings.append(FormatIssue(.warning, error, suggestion: suggested))
        }
    }

    // MARK: Fast path

    /// Checks the current record on its bytes; false when it must take the reference path.
    @inline(__always)
    private func fastRow(_ variant: BatchRegistrationVariant) -> Bool {
        guard reader.recordProblems.isEmpty else { return false }
        let id = reader.rawField(0)
        switch variant {
        case .current:
            guard reader.fieldCount == 4, BatchFastPath.nationalID(id), BatchFastPath.email(reader.rawField(1)),
                  BatchFastPath.mobile(reader.rawField(2)), BatchFastPath.landline(reader.rawField(3)) else { return false }
        case .legacy2016:
            guard reader.fieldCount == 3, BatchFastPath.nationalID(id), BatchFastPath.email(reader.rawField(1)) else { return false }
            let phone = reader.rawField(2)
            guard BatchFastPath.mobile(phone) || BatchFastPath.landline(phone) else { return false }
        }
        rows += 1
        let packed = PackedID.pack(id)
        let row = reader.recordRow
        let (firstRow, inForce) = register(packed, row: row)
        if firstRow == nil && inForce {
            valid += 1
            return true
        }
        // A duplicate or a person not in force: report with the shared wording.
        invalid += 1
        let site = FieldSite(row: row, line: reader.recordLine, column: 1, field: .personalID, isID: true)
        let text = String(decoding: id, as: UTF8.self)
        for issue in registryIssues(text: text, firstRow: firstRow, inForce: inForce, site: site) { errors.append(issue) }
        return true
    }

    /// Records `packed` as seen on `row`. Returns the row it was first seen on (nil if
    /// new) and whether it is in the roster (true without a roster).
    @inline(__always)
    private func register(_ packed: UInt64, row: Int) -> (firstRow: Int?, inForce: Bool) {
        let first = seen.insert(packed, value: UInt32(truncatingIfNeeded: min(row, Int(UInt32.max))))
        let inForce = roster?.contains(packed) ?? true
        return (first.map(Int.init), inForce)
    }

    private func registryIssues(text: String, firstRow: Int?, inForce: Bool, site: FieldSite) -> [FormatIssue] {
        var issues: [FormatIssue] = []
        if !inForce {
            issues.append(FormatIssue(.error, site.error(.batchNotInForce, value: text)))
        }
        if let firstRow {
            issues.append(FormatIssue(.error, site.error(
                .batchDuplicateID, value: text,
                detail: "第\(firstRow)列與第\(site.row)列為同一人", detailEn: "rows \(firstRow) and \(site.row) are the same person")))
        }
        return issues
    }

    // MARK: Reference path

    private func slowRow() throws(FormatError) {
        let record = reader.decodedRecord()
        let row = record.row
        if record.isBlank && record.problems.isEmpty {
            blankRows += 1
            warnings.append(FormatIssue(.warning, FormatError(.batchBlankRow, line: record.line, row: row)))
            changes.append(BatchFieldChange(row: row, column: 0, field: "row", codes: [.batchBlankRow], from: "", to: ""))
            return
        }
        if !sawContent {
            sawContent = true
            if BatchHeader.isHeader(record.fields) && record.problems.isEmpty {
                hasHeader = true
                if variant == nil { variant = BatchHeader.variant(of: record.fields) }
                return
            }
            if variant == nil { variant = record.fields.count >= 4 ? .current : .legacy2016 }
        }
        let variant = variant ?? .current
        let outcome = analyse(record, variant: variant)
        rows += 1
        if outcome.isValid { valid += 1 } else { invalid += 1 }
        for issue in outcome.issues {
            if issue.severity == .error { errors.append(issue) } else { warnings.append(issue) }
        }
        if let onRow { try onRow(outcome) }
    }

    /// The reference verdict on one data row.
    private func analyse(_ record: CSVRecord, variant: BatchRegistrationVariant) -> BatchRowOutcome {
        let columns = variant.columns
        var issues: [FormatIssue] = []
        var undecodable = Set<Int>()
        for problem in record.problems {
            issues.append(FormatIssue(.error, problem))
            if problem.code == .encodingUndecodable, let column = problem.column { undecodable.insert(column - 1) }
        }
        var output: [String] = []
        func site(_ index: Int) -> FieldSite {
            FieldSite(row: record.row, line: record.line, column: index + 1, field: columns[index].field, isID: columns[index] == .id)
        }

        // Columns beyond the layout, and missing ones.
        let fields = record.fields
        if fields.count > columns.count {
            let extra = fields[columns.count...]
            if let firstFilled = extra.firstIndex(where: { !Normalizer.text.normalize($0).value.isEmpty }) {
                issues.append(FormatIssue(.error, FormatError(
                    .batchTooManyColumns, line: record.line, row: record.row, column: firstFilled + 1,
                    value: fields[firstFilled],
                    detail: "本格式只有\(columns.count)欄，第\(firstFilled + 1)欄有資料", detailEn: "the layout has \(columns.count) columns; column \(firstFilled + 1) has data")))
            } else {
                issues.append(FormatIssue(.warning, FormatError(
                    .batchExtraColumns, line: record.line, row: record.row, column: columns.count + 1,
                    detail: "第\(columns.count + 1)至\(fields.count)欄是空的", detailEn: "columns \(columns.count + 1)–\(fields.count) are empty"),
                    suggestion: ""))
                changes.append(BatchFieldChange(row: record.row, column: columns.count + 1, field: "row", codes: [.batchExtraColumns], from: "", to: ""))
            }
        } else if fields.count < columns.count {
            issues.append(FormatIssue(.warning, FormatError(
                .batchMissingColumns, line: record.line, row: record.row, column: fields.count + 1,
                detail: "只有\(fields.count)欄，應為\(columns.count)欄", detailEn: "\(fields.count) of \(columns.count) columns"),
                suggestion: ""))
            changes.append(BatchFieldChange(row: record.row, column: fields.count + 1, field: "row", codes: [.batchMissingColumns], from: "", to: ""))
        }

        var id: PersonalID?
        var email: EmailAddress?
        var mobile: MobileNumber?
        var landline: LandlineNumber?
        var maskedID = ""
        for (index, column) in columns.enumerated() {
            let text = index < fields.count ? fields[index] : ""
            let here = site(index)
            if undecodable.contains(index) {
                output.append(text)
                continue
            }
            switch column {
            case .id:
                maskedID = Masking.id(Normalizer.identifier.normalize(text).value)
                let analysis = BatchFieldAnalyzer.id(text, site: here)
                note(analysis, site: here, into: &issues, output: &output)
                if let value = analysis.value {
                    id = value
                    let (firstRow, inForce) = register(PackedID.pack(value), row: record.row)
                    issues += registryIssues(text: value.rawValue, firstRow: firstRow, inForce: inForce, site: here)
                }
            case .email:
                let analysis = BatchFieldAnalyzer.email(text, site: here)
                note(analysis, site: here, into: &issues, output: &output)
                email = analysis.value
            case .mobile, .landline, .phone:
                let kind: BatchFieldAnalyzer.PhoneKind = column == .mobile ? .mobile : column == .landline ? .landline : .either
                let analysis = BatchFieldAnalyzer.phone(text, kind: kind, canonicalize: variant == .current, site: here)
                note(analysis, site: here, into: &issues, output: &output)
                switch analysis.value {
                case .mobile(let m): mobile = m
                case .landline(let l): landline = l
                case nil: break
                }
            }
        }

        let hasError = issues.contains { $0.severity == .error }
        let entry: BatchRegistrationEntry? = {
            guard !hasError, let id, let email else { return nil }
            return BatchRegistrationEntry(id: id, email: email, mobile: mobile, landline: landline)
        }()
        return BatchRowOutcome(row: record.row, line: record.line, record: rows + 1, entry: entry, maskedID: maskedID,
                               issues: issues, output: output)
    }

    private func note<V>(_ analysis: FieldAnalysis<V>, site: FieldSite, into issues: inout [FormatIssue], output: inout [String]) {
        issues += analysis.issues
        output.append(analysis.output)
        if analysis.isRepaired {
            let codes = analysis.issues.filter { $0.severity == .warning && $0.suggestion != nil }.map(\.code)
            changes.append(BatchFieldChange(row: site.row, column: site.column, field: site.field.name, codes: codes,
                                            from: site.show(analysis.original), to: site.show(analysis.output)))
        }
    }
}

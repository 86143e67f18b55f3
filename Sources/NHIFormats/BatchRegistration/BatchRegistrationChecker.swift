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

    /// Checks `input` on the fast path.
    ///
    /// Throws only when the input cannot be read; everything wrong with the content is in
    /// the report.
    public func check(_ input: ByteInput) throws(FormatError) -> BatchRegistrationReport {
        let run = try BatchCheckRun(input: input, options: options, onRow: nil)
        return try run.execute()
    }

    /// Checks `input`. `onRow` receives every data row's outcome in file order (rows are
    /// then all checked on the reference path, which builds the values).
    ///
    /// Throws only when the input cannot be read or `onRow` throws; everything wrong with
    /// the content is in the report.
    public func check(_ input: ByteInput, onRow: (BatchRowOutcome) throws(FormatError) -> Void) throws(FormatError) -> BatchRegistrationReport {
        try withoutActuallyEscaping(onRow) { (onRow) throws(FormatError) -> BatchRegistrationReport in
            let run = try BatchCheckRun(input: input, options: options, onRow: onRow)
            return try run.execute()
        }
    }

    /// Checks `input`, handing every data row's outcome to a closure that throws the
    /// caller's own errors — to stream rows into the caller's database, say.
    ///
    /// ```swift
    /// struct Stop: Error {}
    /// let report = try BatchRegistrationChecker().check(.bytes(data, name: "upload.csv")) { outcome in
    ///     if !outcome.isValid { throw Stop() }
    /// }
    /// ```
    ///
    /// Throws a ``FormatError`` when the input cannot be read, or the first error `onRow`
    /// throws, unchanged (the check stops there).
    public func check<E: Error>(_ input: ByteInput, onRow: (BatchRowOutcome) throws(E) -> Void) throws -> BatchRegistrationReport {
        var callerError: E?
        let stop = FormatError("batch.stoppedByCaller")
        do {
            return try check(input) { (outcome) throws(FormatError) in
                do throws(E) { try onRow(outcome) } catch {
                    callerError = error
                    throw stop
                }
            }
        } catch {
            if let callerError { throw callerError }
            throw error
        }
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
    /// Issues and changes, in memory bounded whatever the file (the first of each code in
    /// detail, everything counted).
    var errors = IssueList()
    var warnings = IssueList()
    var changes: [BatchFieldChange] = []
    var changesOmitted = 0
    /// Set when the file has more than ``FormatLimits/maxRows`` data rows (reading stops).
    var tooManyRows = false
    /// The roster (when given) and every ID the file names, with the row it was first named on.
    var table: PersonalIDTable
    var hasRoster: Bool
    /// A roster still loading on another thread; until it arrives, the rows' IDs wait in
    /// ``deferred`` (in file order) instead of being looked up.
    var pending: PendingRoster?
    /// The roster that arrived.
    var loadedRoster: InForceRoster.IDLoadResult?
    var deferred: [DeferredRegistration] = []
    /// Why the roster could not be loaded (thrown at the end of the run).
    var rosterError: FormatError?

    /// The most rows kept waiting for a roster still loading (32 bytes each); then the
    /// file waits for the roster, so memory does not grow with the file.
    static let maxDeferred = 1 << 16

    /// An ID whose duplicate and roster checks wait for the roster.
    struct DeferredRegistration {
        let key: UInt64
        let row: Int
        let line: Int
        /// Whether the row had no error apart from these checks (it is counted valid until then).
        let valid: Bool
    }

    init(input: ByteInput, options: BatchRegistrationChecker.Options, pending: PendingRoster? = nil,
         onRow: ((BatchRowOutcome) throws(FormatError) -> Void)?) throws(FormatError) {
        self.reader = try CSVReader(input, encoding: options.encoding, dialect: options.dialect)
        self.options = options
        self.onRow = onRow
        self.inputName = input.name
        self.table = options.roster?.table ?? PersonalIDTable(expected: 1 << 12)
        self.hasRoster = options.roster != nil
        self.pending = pending
        self.variant = options.variant
    }

    func execute() throws(FormatError) -> BatchRegistrationReport {
        checkFileName()
        let fast = onRow == nil && !options.referencePathOnly
        while !tooManyRows, try reader.nextRaw() {
            if fast, sawContent, let variant {
                try fastLoop(variant)
                break
            }
            try slowRow()
        }
        try resolveRoster(waiting: true)
        if let rosterError { throw rosterError }
        if rows == 0 && !tooManyRows {
            errors.append(FormatIssue(.error, FormatError(.fileNoRows, value: inputName)))
        }
        // Issues in file order: by row, then column, otherwise in the order found (the
        // duplicate and roster checks of the ID come after the ID's own issues).
        return BatchRegistrationReport(
            file: inputName, encoding: reader.detection, variant: variant ?? .current, hasHeader: hasHeader,
            fileName: fileName, rows: rows, valid: valid, invalid: invalid, blankRows: blankRows,
            errors: errors.ordered, warnings: warnings.ordered, changes: changes,
            errorCount: errors.total, warningCount: warnings.total, omittedErrors: errors.omitted,
            omittedWarnings: warnings.omitted, changesOmitted: changesOmitted)
    }

    /// Lists a change (the first ``FormatLimits/listedChanges``; the rest are counted).
    func noteChange(_ change: BatchFieldChange) {
        if changes.count < FormatLimits.listedChanges { changes.append(change) } else { changesOmitted += 1 }
    }

    /// Whether the row limit is reached; then reports it once and stops the run.
    func reachedRowLimit(line: Int, row: Int) -> Bool {
        guard rows >= FormatLimits.maxRows else { return false }
        if !tooManyRows {
            tooManyRows = true
            errors.append(FormatIssue(.error, FormatError(.fileTooManyRows, line: line, row: row,
                                                          detail: "上限\(FormatLimits.maxRows)列，其後未讀取", detailEn: "limit \(FormatLimits.maxRows) rows; the rest was not read")))
        }
        return true
    }

    // MARK: The roster arriving

    /// Installs the roster once it has arrived (or, `waiting`, when it arrives) and runs the
    /// deferred duplicate and roster checks in file order.
    func resolveRoster(waiting: Bool) throws(FormatError) {
        guard let pending else { return }
        guard let result = waiting ? pending.wait() : pending.poll() else { return }
        self.pending = nil
        let loaded: InForceRoster.IDLoadResult
        switch result {
        case .success(let value): loaded = value
        case .failure(let error):
            rosterError = error
            throw error
        }
        loadedRoster = loaded
        table = loaded.ids.table
        hasRoster = true
        let entries = deferred
        deferred = []
        entries.withUnsafeBufferPointer { list in
            var start = 0
            while start < list.count {
                let end = min(list.count, start + 256)
                let keys = list[start..<end].map(\.key)
                keys.withUnsafeBufferPointer { table.prefetch($0) }
                for entry in list[start..<end] {
                    let (member, firstRow) = table.see(entry.key, row: entry.row)
                    guard firstRow != nil || !member else { continue }
                    let site = FieldSite(row: entry.row, line: entry.line, column: 1, field: .personalID, isID: true)
                    errors.append(contentsOf: registryIssues(text: PackedID.unpack(entry.key), firstRow: firstRow, inForce: member, site: site))
                    if entry.valid {
                        valid -= 1
                        invalid += 1
                    }
                }
                start = end
            }
        }
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

    /// Checks the rest of the file, starting with the current record: rows whose fields
    /// are all canonical and valid are judged on their bytes, with the counters and the ID
    /// table in local variables; every other row goes to the reference path.
    private func fastLoop(_ variant: BatchRegistrationVariant) throws(FormatError) {
        // The table moves into a local (and back around reference-path rows) so that it
        // stays uniquely referenced: no copy-on-write, no class-property access per row.
        var table = PersonalIDTable(expected: 0)
        swap(&table, &self.table)
        var rows = self.rows, valid = self.valid, invalid = self.invalid
        func storeBack() {
            swap(&table, &self.table)
            self.rows = rows
            self.valid = valid
            self.invalid = invalid
        }
        func takeAgain() {
            swap(&table, &self.table)
            rows = self.rows
            valid = self.valid
            invalid = self.invalid
        }
        // Valid rows are queued and their IDs looked up in batches: the table is far larger
        // than the cache, and probing a batch lets the misses overlap (see `prefetch`).
        let batchSize = 256
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: batchSize)
        let places = UnsafeMutablePointer<(row: Int, line: Int)>.allocate(capacity: batchSize)
        defer {
            keys.deallocate()
            places.deallocate()
        }
        var queued = 0
        func flush() {
            if pending != nil {
                // The roster is still loading: count the rows valid for now and look their
                // IDs up when it arrives.
                for k in 0..<queued { deferred.append(DeferredRegistration(key: keys[k], row: places[k].row, line: places[k].line, valid: true)) }
                valid += queued
                queued = 0
                storeBack()
                // Bounded: past `maxDeferred` rows the file waits for the roster.
                try? resolveRoster(waiting: deferred.count >= Self.maxDeferred)
                takeAgain()
                return
            }
            table.prefetch(UnsafeBufferPointer(start: keys, count: queued))
            let hasRoster = self.hasRoster
            for k in 0..<queued {
                let (member, firstRow) = table.see(keys[k], row: places[k].row)
                let inForce = member || !hasRoster
                if firstRow == nil && inForce {
                    valid += 1
                    continue
                }
                // A duplicate or a person not in force: reported with the shared wording.
                invalid += 1
                let site = FieldSite(row: places[k].row, line: places[k].line, column: 1, field: .personalID, isID: true)
                errors.append(contentsOf: registryIssues(text: PackedID.unpack(keys[k]), firstRow: firstRow, inForce: inForce, site: site))
            }
            queued = 0
        }
        repeat {
            let record = reader.rawRecord
            guard Self.isCanonicalValid(record, variant) else {
                flush()
                storeBack()
                try slowRow()
                takeAgain()
                continue
            }
            if rows >= FormatLimits.maxRows {
                flush()
                storeBack()
                _ = reachedRowLimit(line: record.line, row: rows + 1)
                return
            }
            rows += 1
            keys[queued] = PackedID.packNational(record.field(0))
            // Rows are numbered as the NHI's result log numbers them (第N筆: data rows only).
            places[queued] = (rows, record.line)
            queued += 1
            if queued == batchSize { flush() }
        } while try reader.nextRaw()
        flush()
        storeBack()
    }

    /// Whether every field of the record is canonical and valid (and the record is clean).
    @inline(__always)
    private static func isCanonicalValid(_ record: CSVRawRecord, _ variant: BatchRegistrationVariant) -> Bool {
        guard !record.hasProblems else { return false }
        switch variant {
        case .current:
            return record.count == 4 && BatchFastPath.nationalID(record.field(0)) && BatchFastPath.email(record.field(1))
                && BatchFastPath.mobile(record.field(2)) && BatchFastPath.landline(record.field(3))
        case .legacy2016:
            guard record.count == 3, BatchFastPath.nationalID(record.field(0)), BatchFastPath.email(record.field(1)) else { return false }
            let phone = record.field(2)
            return BatchFastPath.mobile(phone) || BatchFastPath.landline(phone)
        }
    }

    /// Whether one field is canonical and valid, by the byte-level checks.
    private static func isCanonicalValid(_ text: String, _ column: BatchRegistrationColumn) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch column {
            case .id: BatchFastPath.nationalID(bytes)
            case .email: BatchFastPath.email(bytes)
            case .mobile: BatchFastPath.mobile(bytes)
            case .landline: BatchFastPath.landline(bytes)
            case .phone: BatchFastPath.mobile(bytes) || BatchFastPath.landline(bytes)
            }
        }
    }

    /// Records `packed` as named on `row`. Returns the row it was first named on (nil if
    /// new) and whether it is in force (true without a roster).
    private func register(_ packed: UInt64, row: Int) -> (firstRow: Int?, inForce: Bool) {
        let (member, firstRow) = table.see(packed, row: row)
        return (firstRow, member || !hasRoster)
    }

    private func registryIssues(text: String, firstRow: Int?, inForce: Bool, site: FieldSite) -> [FormatIssue] {
        var issues: [FormatIssue] = []
        if !inForce {
            issues.append(FormatIssue(.error, site.error(.batchNotInForce, value: text)))
        }
        if let firstRow {
            issues.append(FormatIssue(.error, site.error(
                .batchDuplicateID, value: text,
                detail: "第\(firstRow)筆與第\(site.row)筆為同一人", detailEn: "rows \(firstRow) and \(site.row) are the same person")))
        }
        return issues
    }

    // MARK: Reference path

    /// Whether the current raw record is blank in ASCII (`,,,`, spaces, tabs), judged on
    /// its bytes: a file of a million blank lines costs no strings.
    private func isRawBlank() -> Bool {
        let record = reader.rawRecord
        guard !record.hasProblems else { return false }
        for index in 0..<record.count {
            for byte in record.field(index) where byte != 0x20 && byte != 0x09 { return false }
        }
        return true
    }

    /// A blank row is not a record (the NHI does not count it): it is named by its line.
    private func blankRow(line: Int, row: Int) {
        blankRows += 1
        warnings.append(FormatIssue(.warning, FormatError(.batchBlankRow, line: line)))
        noteChange(BatchFieldChange(row: 0, column: 0, field: "row", codes: [.batchBlankRow], from: "", to: "", line: line))
    }

    private func slowRow() throws(FormatError) {
        if isRawBlank() {
            blankRow(line: reader.recordLine, row: reader.recordRow)
            return
        }
        let record = reader.decodedRecord()
        let row = record.row
        if record.isBlank {
            blankRow(line: record.line, row: row)
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
        if reachedRowLimit(line: record.line, row: rows + 1) { return }
        if deferred.count >= Self.maxDeferred { try resolveRoster(waiting: true) }
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
        // The row as the NHI's result log numbers it: 第N筆, data rows only (no header, no blank rows).
        let nhiRow = rows + 1
        var issues: [FormatIssue] = []
        var undecodable = Set<Int>()
        for var problem in record.problems {
            problem.row = nhiRow
            issues.append(FormatIssue(.error, problem))
            if problem.code == .encodingUndecodable, let column = problem.column { undecodable.insert(column - 1) }
        }
        var output: [String] = []
        func site(_ index: Int) -> FieldSite {
            FieldSite(row: nhiRow, line: record.line, column: index + 1, field: columns[index].field, isID: columns[index] == .id)
        }

        // Columns beyond the layout, and missing ones.
        let fields = record.fields
        if fields.count > columns.count {
            let extra = fields[columns.count...]
            if let firstFilled = extra.firstIndex(where: { !Normalizer.text.normalize($0).value.isEmpty }) {
                issues.append(FormatIssue(.error, FormatError(
                    .batchTooManyColumns, line: record.line, row: nhiRow, column: firstFilled + 1,
                    value: fields[firstFilled],
                    detail: "本格式只有\(columns.count)欄，第\(firstFilled + 1)欄有資料", detailEn: "the layout has \(columns.count) columns; column \(firstFilled + 1) has data")))
            } else {
                issues.append(FormatIssue(.warning, FormatError(
                    .batchExtraColumns, line: record.line, row: nhiRow, column: columns.count + 1,
                    detail: "第\(columns.count + 1)至\(fields.count)欄是空的", detailEn: "columns \(columns.count + 1)–\(fields.count) are empty"),
                    suggestion: ""))
                noteChange(BatchFieldChange(row: nhiRow, column: columns.count + 1, field: "row", codes: [.batchExtraColumns], from: "", to: ""))
            }
        } else if fields.count < columns.count {
            issues.append(FormatIssue(.warning, FormatError(
                .batchMissingColumns, line: record.line, row: nhiRow, column: fields.count + 1,
                detail: "只有\(fields.count)欄，應為\(columns.count)欄", detailEn: "\(fields.count) of \(columns.count) columns"),
                suggestion: ""))
            noteChange(BatchFieldChange(row: nhiRow, column: fields.count + 1, field: "row", codes: [.batchMissingColumns], from: "", to: ""))
        }

        var id: PersonalID?
        var email: EmailAddress?
        var mobile: MobileNumber?
        var landline: LandlineNumber?
        var maskedID = ""
        var registryKey: UInt64?
        for (index, column) in columns.enumerated() {
            let text = index < fields.count ? fields[index] : ""
            let here = site(index)
            if undecodable.contains(index) {
                output.append(text)
                continue
            }
            // Without a callback no values are needed: a field the byte-level check accepts
            // (valid, canonical, no warning) needs no analysis.
            if onRow == nil && !options.referencePathOnly, Self.isCanonicalValid(text, column) {
                output.append(text)
                if column == .id {
                    var id = text
                    registryKey = id.withUTF8 { PackedID.packNational($0) }
                }
                continue
            }
            switch column {
            case .id:
                maskedID = BatchRegistrationLog.logSafeMask(Normalizer.identifier.normalize(text).value)
                let analysis = BatchFieldAnalyzer.id(text, site: here)
                note(analysis, site: here, into: &issues, output: &output)
                if let value = analysis.value {
                    id = value
                    registryKey = PackedID.pack(value)
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

        // A row with data beyond the layout is an error and is kept whole.
        if fields.count > columns.count, fields[columns.count...].contains(where: { !Normalizer.text.normalize($0).value.isEmpty }) {
            output += fields[columns.count...]
        }
        // Without a callback, fields the byte check accepted were not parsed into values; a
        // row without errors is valid all the same (the ID and e-mail are required, and a
        // missing one is an error).
        // Duplicates and the roster, for a row whose ID is valid: now, or when the roster arrives.
        if let registryKey {
            if pending != nil {
                deferred.append(DeferredRegistration(key: registryKey, row: nhiRow, line: record.line,
                                                     valid: !issues.contains { $0.severity == .error }))
            } else {
                let (firstRow, inForce) = register(registryKey, row: nhiRow)
                issues += registryIssues(text: PackedID.unpack(registryKey), firstRow: firstRow, inForce: inForce, site: site(0))
            }
        }
        // A value Excel would run as a formula (`=HYPERLINK(…)`), in any column: flagged once.
        for (index, text) in output.enumerated() where ExcelFormulaGuard.needsProtection(text) {
            guard !issues.contains(where: { $0.code == .excelFormulaLike && $0.column == index + 1 }) else { continue }
            let error = index < columns.count
                ? site(index).error(.excelFormulaLike, value: text)
                : FormatError(.excelFormulaLike, line: record.line, row: nhiRow, column: index + 1, value: text)
            issues.append(FormatIssue(.warning, error))
        }
        issues = issues.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(\.element)
        let hasError = issues.contains { $0.severity == .error }
        let entry: BatchRegistrationEntry? = {
            guard !hasError, let id, let email else { return nil }
            return BatchRegistrationEntry(id: id, email: email, mobile: mobile, landline: landline)
        }()
        return BatchRowOutcome(row: record.row, line: record.line, record: nhiRow, variant: variant, isValid: !hasError, entry: entry,
                               maskedID: maskedID, issues: issues, output: output)
    }

    private func note<V>(_ analysis: FieldAnalysis<V>, site: FieldSite, into issues: inout [FormatIssue], output: inout [String]) {
        issues += analysis.issues
        output.append(analysis.output)
        if analysis.isRepaired {
            let codes = analysis.issues.filter { $0.severity == .warning && $0.suggestion != nil }.map(\.code)
            noteChange(BatchFieldChange(row: site.row, column: site.column, field: site.field.name, codes: codes,
                                        from: site.show(analysis.original), to: site.show(analysis.output)))
        }
    }
}

import NHICore

/// One in-force insured person (在保保險對象) of a unit, as the roster export lists them.
public struct InForceRosterEntry: Sendable, Hashable, Codable {
    /// 本人, 眷屬 or 外籍人士.
    public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
        /// 本人: the insured person (an employee or the employer).
        case insured = "本人"
        /// 眷屬: a dependant attached to an insured person (see ``InForceRosterEntry/principalID``).
        case dependant = "眷屬"
        /// 外籍人士: a foreign national, identified by a resident certificate number (居留證統一證號).
        case foreignNational = "外籍人士"
    }

    /// The person.
    public var id: PersonalID
    /// The name.
    public var name: PersonName?
    /// The role.
    public var role: Role?
    /// For a dependant, the insured person they depend on.
    public var principalID: PersonalID?
    /// The birth date.
    public var birthDate: CalendarDate?
    /// The insured amount (投保金額).
    public var insuredAmount: Money?
    /// The date the person was enrolled with the unit (加保生效日期).
    public var enrolledOn: CalendarDate?

    /// Creates an entry.
    public init(id: PersonalID, name: PersonName? = nil, role: Role? = nil, principalID: PersonalID? = nil,
                birthDate: CalendarDate? = nil, insuredAmount: Money? = nil, enrolledOn: CalendarDate? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.principalID = principalID
        self.birthDate = birthDate
        self.insuredAmount = insuredAmount
        self.enrolledOn = enrolledOn
    }
}

/// The in-force roster of a unit (在保名冊), exported for people (Excel) and read back for
/// checks such as ``BatchRegistrationChecker/Options/roster``.
///
/// The NHI's own roster statement (code 6, e5) is not public, so this is our format
/// (documented in the "Rosters and lists" article): CSV with a header row
///
/// `身分證號,姓名,身分,被保險人身分證號,出生日期,投保金額,加保日期`
///
/// dates in ROC `yyy/MM/dd`, amounts in whole NT$, written in CP950 with CRLF and formula
/// protection by default. Reading accepts the columns in any order by header name
/// (Chinese or the English field names `id, name, role, principalID, birthDate,
/// insuredAmount, enrolledOn`), and a file without a header whose first column is the ID.
public struct InForceRoster: Sendable, Hashable {
    /// The column names, in export order.
    public static let header = ["身分證號", "姓名", "身分", "被保險人身分證號", "出生日期", "投保金額", "加保日期"]
    private static let fieldNames = ["id", "name", "role", "principalID", "birthDate", "insuredAmount", "enrolledOn"]
    private static let aliases: [String: Int] = {
        var map: [String: Int] = [:]
        for (index, name) in header.enumerated() { map[name] = index }
        for (index, name) in fieldNames.enumerated() { map[name.lowercased()] = index }
        for alias in ["身分證字號", "身份證號", "身分證號或居留證號", "居留證號", "統一證號", "personalid", "nationalid"] { map[alias] = 0 }
        map["稱謂"] = 2
        map["眷屬依附之被保險人身分證號"] = 3
        map["月投保金額"] = 5
        map["加保生效日期"] = 6
        return map
    }()

    /// The people, in file order.
    public var entries: [InForceRosterEntry]

    /// Creates a roster.
    public init(entries: [InForceRosterEntry]) {
        self.entries = entries
    }

    /// The set of IDs, for checks.
    public var idSet: InForceIDSet { InForceIDSet(entries.map(\.id)) }

    // MARK: Writing

    /// Writes the roster (CP950, CRLF, header, formula protection unless `options` says otherwise).
    public func write(to target: ByteOutputTarget, options: CSVWriteOptions = CSVWriteOptions(protectFormulas: true, numericColumns: [5])) throws(FormatError) -> [UInt8] {
        let writer = try CSVWriter(target, options: options)
        try writer.write(Self.header)
        for entry in entries { try writer.write(Self.fields(of: entry)) }
        return try writer.finish()
    }

    /// The export fields of one entry.
    static func fields(of entry: InForceRosterEntry) -> [String] {
        [
            entry.id.rawValue,
            entry.name?.value ?? "",
            entry.role?.rawValue ?? "",
            entry.principalID?.rawValue ?? "",
            entry.birthDate.flatMap { try? ROCDate($0) }?.formatted(.slashed) ?? "",
            entry.insuredAmount.map { String($0.amount) } ?? "",
            entry.enrolledOn.flatMap { try? ROCDate($0) }?.formatted(.slashed) ?? "",
        ]
    }

    /// Rewrites a roster file in the export format, streaming (nothing but counts is kept).
    /// The output is written only when the whole input is valid: with any error the result
    /// says so and `target` is left as it was (complete or absent). Duplicated IDs are
    /// warnings; the later row is left out.
    public static func convert(_ input: ByteInput, encoding: TextEncoding? = nil, to target: ByteOutputTarget,
                               options: CSVWriteOptions = CSVWriteOptions(protectFormulas: true, numericColumns: [5])) throws(FormatError) -> (result: ScanResult, bytes: [UInt8]) {
        let writer = try CSVWriter(target, options: options)
        try writer.write(header)
        var writing = true
        let result = try scan(input, encoding: encoding) { (entry) throws(FormatError) in
            guard writing else { return }
            do throws(FormatError) { try writer.write(fields(of: entry)) } catch {
                // A person the output encoding cannot hold: an error of that row, and the
                // conversion fails as a whole.
                writing = false
                throw error
            }
        }
        guard result.summary.isValid, writing else { return (result, []) }
        return (result, try writer.finish())
    }

    // MARK: Reading

    /// The result of reading a roster: the people and what was wrong.
    public struct ReadResult: Sendable, Hashable {
        /// The valid people, in file order (the first of duplicated IDs).
        public let roster: InForceRoster
        /// Rows that could not be read (invalid ID or field, undecodable bytes, broken CSV),
        /// each an error; the first ``FormatLimits/issuesPerCode`` of each code.
        public let errors: [FormatIssue]
        /// Duplicated IDs (the later row is ignored); the first of each code.
        public let warnings: [FormatIssue]
        /// The encoding.
        public let encoding: EncodingDetection
        /// Everything the scan counted (rows, every error and warning, what was omitted).
        public let summary: ScanSummary
    }

    /// What a streaming read of a roster counted, in memory independent of the file's size.
    public struct ScanSummary: Sendable, Hashable {
        /// Data rows (not the header, not blank rows).
        public let rows: Int
        /// Valid, distinct people.
        public let people: Int
        /// Every error, including those only counted.
        public let errorCount: Int
        /// Every warning, including those only counted.
        public let warningCount: Int
        /// Errors per code beyond those listed.
        public let omittedErrors: [FormatError.Code: Int]
        /// Warnings per code beyond those listed.
        public let omittedWarnings: [FormatError.Code: Int]
        /// Whether the file had no error.
        public var isValid: Bool { errorCount == 0 }
    }

    /// Reads a roster file completely (the people are kept; see ``scan(_:encoding:onEntry:)``
    /// for a read that keeps nothing).
    public static func read(_ input: ByteInput, encoding: TextEncoding? = nil) throws(FormatError) -> ReadResult {
        var entries: [InForceRosterEntry] = []
        let scanned = try scan(input, encoding: encoding) { entries.append($0) }
        return ReadResult(roster: InForceRoster(entries: entries), errors: scanned.errors.ordered, warnings: scanned.warnings.ordered,
                          encoding: scanned.encoding, summary: scanned.summary)
    }

    /// The outcome of ``scan(_:encoding:onEntry:)``.
    public struct ScanResult: Sendable, Hashable {
        /// Errors (the first of each code in detail, all counted).
        public let errors: IssueList
        /// Warnings (duplicated IDs).
        public let warnings: IssueList
        /// The encoding.
        public let encoding: EncodingDetection
        /// The counts.
        public let summary: ScanSummary
    }

    /// Reads a roster row by row and hands every valid, distinct person to `onEntry`,
    /// keeping only counts, the duplicate check (8–16 bytes per person) and the first
    /// issues of each code: memory does not grow with the file.
    ///
    /// Every non-blank line is either a person, a duplicate (warning) or an error: a row
    /// whose bytes do not decode is `encoding.undecodable` with its line and column, never
    /// skipped as blank. A file without data rows is `file.noRows`; more than
    /// ``FormatLimits/maxRows`` rows is `file.tooManyRows` (reading stops there).
    public static func scan(_ input: ByteInput, encoding: TextEncoding? = nil,
                            onEntry: (InForceRosterEntry) throws(FormatError) -> Void) throws(FormatError) -> ScanResult {
        let reader = try CSVReader(input, encoding: encoding)
        var columns = Array(0..<header.count)
        var errors = IssueList(), warnings = IssueList()
        var seen = PersonalIDTable(expected: 1024)
        var first = true
        var rows = 0, people = 0
        while let record = try reader.next() {
            if record.isBlank { continue }
            if first {
                first = false
                if record.problems.isEmpty, let mapped = try headerColumns(record) {
                    columns = mapped
                    continue
                }
            }
            if rows == FormatLimits.maxRows {
                errors.append(FormatIssue(.error, FormatError(.fileTooManyRows, line: record.line, row: record.row,
                                                              detail: "上限\(FormatLimits.maxRows)列，其後未讀取", detailEn: "limit \(FormatLimits.maxRows) rows; the rest was not read")))
                break
            }
            rows += 1
            if !record.problems.isEmpty {
                for problem in record.problems { errors.append(FormatIssue(.error, problem)) }
                continue
            }
            do {
                let entry = try Self.entry(from: record, columns: columns)
                if let firstRow = seen.see(PackedID.pack(entry.id), row: record.row).firstRow {
                    warnings.append(FormatIssue(.warning, FormatError(.rosterDuplicateID, line: record.line, row: record.row, column: columns[0] + 1,
                                                                      field: .personalID, value: entry.id.masked,
                                                                      detail: "與第\(firstRow)列相同", detailEn: "same as row \(firstRow)")))
                    continue
                }
                people += 1
                try onEntry(entry)
            } catch {
                errors.append(FormatIssue(.error, error))
            }
        }
        if rows == 0 {
            errors.append(FormatIssue(.error, FormatError(.fileNoRows, value: input.name)))
        }
        let summary = ScanSummary(rows: rows, people: people, errorCount: errors.total, warningCount: warnings.total,
                                  omittedErrors: errors.omitted, omittedWarnings: warnings.omitted)
        return ScanResult(errors: errors, warnings: warnings, encoding: reader.detection, summary: summary)
    }

    /// One data row as an entry; throws the first invalid field.
    private static func entry(from record: CSVRecord, columns: [Int]) throws(FormatError) -> InForceRosterEntry {
        func cell(_ index: Int) -> String {
            let column = columns[index]
            guard column >= 0, column < record.fields.count else { return "" }
            return ExcelFormulaGuard.unprotect(Normalizer.trimming.normalize(record.fields[column]).value)
        }
        func fail(_ index: Int, _ field: Field, _ error: ValidationError) -> FormatError {
            FormatError(index == 0 ? .rosterInvalidID : .rosterField, line: record.line, row: record.row,
                        column: columns[index] + 1, field: field,
                        value: index == 0 || index == 3 ? Masking.id(cell(index)) : cell(index),
                        underlying: error, detail: error.ruleText, detailEn: error.ruleTextEn)
        }
        func personalID(_ index: Int) throws(FormatError) -> PersonalID {
            do { return try PersonalID(parsing: Normalizer.identifier.normalize(cell(index)).value) } catch { throw fail(index, .personalID, error) }
        }
        func rocDate(_ index: Int, _ field: Field) throws(FormatError) -> CalendarDate {
            do { return try ROCDate(parsing: folded(cell(index))).gregorian } catch { throw fail(index, field, error) }
        }
        var entry = InForceRosterEntry(id: try personalID(0))
        if !cell(1).isEmpty { do { entry.name = try PersonName(cell(1)) } catch { throw fail(1, .name, error) } }
        if !cell(2).isEmpty {
            guard let role = InForceRosterEntry.Role(rawValue: cell(2)) else {
                throw FormatError(.rosterField, line: record.line, row: record.row, column: columns[2] + 1, field: .relation,
                                  value: cell(2), detail: "應為本人、眷屬或外籍人士", detailEn: "must be 本人, 眷屬 or 外籍人士")
            }
            entry.role = role
        }
        if !cell(3).isEmpty { entry.principalID = try personalID(3) }
        if !cell(4).isEmpty { entry.birthDate = try rocDate(4, .birthDate) }
        if !cell(5).isEmpty { do { entry.insuredAmount = try Money(parsing: folded(cell(5))) } catch { throw fail(5, .money, error) } }
        if !cell(6).isEmpty { entry.enrolledOn = try rocDate(6, .rocDate) }
        return entry
    }

    /// The column indexes a header row names, or nil when the row is data. Throws
    /// `roster.missingIDColumn` for a header without an ID column.
    static func headerColumns(_ record: CSVRecord) throws(FormatError) -> [Int]? {
        guard let first = record.fields.first else { return nil }
        if (try? PersonalID(parsing: Normalizer.identifier.normalize(first).value)) != nil { return nil }
        var columns = [Int](repeating: -1, count: header.count)
        var named = 0
        for (index, cell) in record.fields.enumerated() {
            let key = Normalizer.text.normalize(cell).value
            if let target = aliases[key] ?? aliases[key.lowercased()], columns[target] < 0 {
                columns[target] = index
                named += 1
            }
        }
        guard named > 0 else {
            // Not a header we know: if the first cell is not an ID, it is an unknown header.
            throw FormatError(.rosterMissingIDColumn, line: record.line, row: record.row, value: first)
        }
        guard columns[0] >= 0 else { throw FormatError(.rosterMissingIDColumn, line: record.line, row: record.row) }
        return columns
    }

    // MARK: IDs only, fast

    /// What loading a roster's IDs found.
    public struct IDLoadResult: Sendable {
        /// The in-force IDs.
        public let ids: InForceIDSet
        /// Data rows read (without the header and blank rows).
        public let rows: Int
        /// Rows whose ID is not valid or that cannot be read (they are not in the set): the
        /// first ``FormatLimits/issuesPerCode`` of each code.
        public let errors: [FormatIssue]
        /// The encoding.
        public let encoding: EncodingDetection
        /// Every error, including those only counted.
        public var errorCount: Int = 0
    }

    /// Loads only the ID column of a roster file — the fast path for checking a batch
    /// registration file against a roster of a million people. Canonical national IDs are
    /// packed straight from the bytes; anything else is normalised and parsed.
    public static func loadIDs(from input: ByteInput, encoding: TextEncoding? = nil) throws(FormatError) -> IDLoadResult {
        let reader = try CSVReader(input, encoding: encoding)
        // Sized from the file (a roster line is at least ~12 bytes), so a small roster does
        // not clear a large table and a large one does not grow it step by step.
        var table = PersonalIDTable(expected: min(max(1 << 10, (input.sizeHint ?? (1 << 20)) / 12), FormatLimits.maxRows))
        var idColumn = 0
        var first = true
        var rows = 0
        var errors = IssueList()
        // Canonical IDs are inserted in batches so that the table's cache misses overlap.
        var batch: [UInt64] = []
        batch.reserveCapacity(256)
        func flush() {
            batch.withUnsafeBufferPointer { table.prefetch($0) }
            for key in batch { table.insertRosterMember(key) }
            batch.removeAll(keepingCapacity: true)
        }
        while try reader.nextRaw() {
            if first {
                let record = reader.decodedRecord()
                if record.isBlank { continue }
                first = false
                if record.problems.isEmpty, let columns = try headerColumns(record) {
                    idColumn = columns[0]
                    continue
                }
            }
            if rows == FormatLimits.maxRows {
                if reader.decodedRecord().isBlank { continue }
                errors.append(FormatIssue(.error, FormatError(.fileTooManyRows, line: reader.recordLine, row: reader.recordRow,
                                                              detail: "上限\(FormatLimits.maxRows)列，其後未讀取", detailEn: "limit \(FormatLimits.maxRows) rows; the rest was not read")))
                break
            }
            guard idColumn < reader.fieldCount else {
                if !reader.decodedRecord().isBlank {
                    rows += 1
                    errors.append(FormatIssue(.error, FormatError(.rosterInvalidID, line: reader.recordLine, row: reader.recordRow,
                                                                  column: idColumn + 1, field: .personalID)))
                }
                continue
            }
            let raw = reader.rawField(idColumn)
            if reader.recordProblems.isEmpty, BatchFastPath.nationalID(raw) {
                rows += 1
                batch.append(PackedID.packNational(raw))
                if batch.count == 256 { flush() }
                continue
            }
            let record = reader.decodedRecord()
            if record.isBlank { continue }
            rows += 1
            if !record.problems.isEmpty {
                for problem in record.problems { errors.append(FormatIssue(.error, problem)) }
                continue
            }
            let text = ExcelFormulaGuard.unprotect(record.fields[idColumn])
            do {
                let id = try PersonalID(parsing: Normalizer.identifier.normalize(text).value)
                table.insertRosterMember(PackedID.pack(id))
            } catch {
                errors.append(FormatIssue(.error, FormatError(.rosterInvalidID, line: record.line, row: record.row, column: idColumn + 1,
                                                              field: .personalID, value: Masking.id(text), underlying: error,
                                                              detail: error.ruleText, detailEn: error.ruleTextEn)))
            }
        }
        flush()
        if rows == 0 { errors.append(FormatIssue(.error, FormatError(.fileNoRows, value: input.name))) }
        return IDLoadResult(ids: InForceIDSet(table: table), rows: rows, errors: errors.ordered, encoding: reader.detection,
                            errorCount: errors.total)
    }
}


import Foundation
import NHICore

/// Reads table files from directories and assembles ``GradeTables``: every `*.json` file
/// below each directory, in path order, dispatched on its `kind`.
struct TableLoader {
    private var tables: [TableKind: [GradeTable]] = [:]
    private var rates: [RateBook.Series: [Dated<Rate>]] = [:]
    private var minimumWage: [Dated<MinimumWage>] = []
    private var nhiShares: [Dated<[InsuredCategory: ContributionShares]>] = []
    private var labourShares: [Dated<ContributionShares>] = []
    private var supplementary: [Dated<SupplementaryRules>] = []
    private var lateFee: [Dated<LateFeeRules>] = []

    struct Result {
        let tables: [TableKind: [GradeTable]]
        let rates: RateBook
    }

    mutating func load(directory: URL) throws(GradeError) {
        let files = try Self.jsonFiles(under: directory)
        for (url, relative) in files {
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw GradeError(.tableUnreadable, file: relative, detail: ("\(error.localizedDescription)", "\(error.localizedDescription)"))
            }
            try load(data, file: relative)
        }
    }

    /// Every `*.json` below `directory` with its path relative to it, sorted by path.
    static func jsonFiles(under directory: URL) throws(GradeError) -> [(URL, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GradeError(.tableDirectory, field: "tablesDirectory", input: directory.path)
        }
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var found: [(URL, String)] = []
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            var relative = full.hasPrefix(base) ? String(full.dropFirst(base.count)) : url.lastPathComponent
            while relative.hasPrefix("/") { relative.removeFirst() }
            found.append((url, relative))
        }
        return found.sorted { $0.1 < $1.1 }
    }

    mutating func load(_ data: Data, file: String) throws(GradeError) {
        let header = try TableFiles.decode(TableFiles.Header.self, from: data, file: file)
        if let kind = TableKind(rawValue: header.kind) {
            let table = try Self.gradeTable(from: TableFiles.decode(TableFiles.GradeTableFile.self, from: data, file: file), kind: kind, file: file)
            tables[kind, default: []].append(table)
            return
        }
        switch header.kind {
        case "rate":
            let decoded = try TableFiles.decode(TableFiles.RateFile.self, from: data, file: file)
            guard let series = RateBook.Series(rawValue: decoded.series) else {
                throw GradeError(.tableKind, file: file, input: "series \(decoded.series)")
            }
            for (index, entry) in decoded.entries.enumerated() {
                let rate: Rate
                do { rate = try Rate(percentOrDecimal: entry.fields.value) } catch {
                    throw GradeError(.rateFormat, file: file, row: index + 1, input: entry.fields.value)
                }
                rates[series, default: []].append(Dated(effectiveFrom: entry.effectiveFrom, value: rate, provenance: entry.provenance, file: file))
            }
        case "minimumWage":
            let decoded = try TableFiles.decode(TableFiles.EntriesFile<TableFiles.MinimumWageFields>.self, from: data, file: file)
            for (index, entry) in decoded.entries.enumerated() {
                guard entry.fields.monthly > 0, (entry.fields.hourly ?? 1) > 0 else {
                    throw GradeError(.amountNegative, file: file, row: index + 1, input: String(entry.fields.monthly))
                }
                let wage = MinimumWage(monthly: Money(entry.fields.monthly), hourly: entry.fields.hourly.map { Money($0) })
                minimumWage.append(Dated(effectiveFrom: entry.effectiveFrom, value: wage, provenance: entry.provenance, file: file))
            }
        case "shares":
            try loadShares(data, file: file)
        case "supplementaryRules":
            let decoded = try TableFiles.decode(TableFiles.EntriesFile<TableFiles.SupplementaryFields>.self, from: data, file: file)
            for (index, entry) in decoded.entries.enumerated() {
                let f = entry.fields
                guard f.bonusMultiple > 0, f.singlePaymentThreshold > 0, f.perPaymentCap > 0 else {
                    throw GradeError(.amountNegative, file: file, row: index + 1)
                }
                let rules = SupplementaryRules(bonusMultiple: f.bonusMultiple, singlePaymentThreshold: Money(f.singlePaymentThreshold),
                                               perPaymentCap: Money(f.perPaymentCap))
                supplementary.append(Dated(effectiveFrom: entry.effectiveFrom, value: rules, provenance: entry.provenance, file: file))
            }
        case "lateFeeRules":
            let decoded = try TableFiles.decode(TableFiles.EntriesFile<TableFiles.LateFeeFields>.self, from: data, file: file)
            for (index, entry) in decoded.entries.enumerated() {
                let f = entry.fields
                let rules: LateFeeRules
                do throws(GradeError) {
                    rules = LateFeeRules(graceDays: f.graceDays, dailyRate: try Rate(percent: f.dailyRate),
                                         capUnits: try Rate(percent: f.capUnits), capIndividuals: try Rate(percent: f.capIndividuals))
                } catch {
                    throw GradeError(.rateFormat, file: file, row: index + 1, input: error.input)
                }
                guard f.graceDays >= 0, rules.dailyRate.numerator > 0 else { throw GradeError(.rateRange, file: file, row: index + 1) }
                lateFee.append(Dated(effectiveFrom: entry.effectiveFrom, value: rules, provenance: entry.provenance, file: file))
            }
        default:
            throw GradeError(.tableKind, file: file, input: header.kind)
        }
    }

    private mutating func loadShares(_ data: Data, file: String) throws(GradeError) {
        let decoded = try TableFiles.decode(TableFiles.SharesFile.self, from: data, file: file)
        for (index, entry) in decoded.entries.enumerated() {
            var byCategory: [InsuredCategory: ContributionShares] = [:]
            for (key, triple) in entry.fields.shares.sorted(by: { $0.key < $1.key }) {
                guard let category = InsuredCategory(rawValue: key) else {
                    throw GradeError(.sharesMissing, file: file, row: index + 1, input: key)
                }
                do throws(GradeError) {
                    byCategory[category] = try ContributionShares(
                        insured: try Rate(percent: triple.insured), unit: try Rate(percent: triple.unit),
                        government: try Rate(percent: triple.government))
                } catch {
                    throw GradeError(error.code, file: file, row: index + 1, input: "\(key): \(error.input ?? "")")
                }
            }
            switch decoded.scheme {
            case "nhi":
                if let missing = InsuredCategory.allCases.first(where: { byCategory[$0] == nil }) {
                    throw GradeError(.sharesMissing, file: file, row: index + 1, input: missing.rawValue)
                }
                nhiShares.append(Dated(effectiveFrom: entry.effectiveFrom, value: byCategory, provenance: entry.provenance, file: file))
            case "labour":
                guard let employee = byCategory[.employee] else {
                    throw GradeError(.sharesMissing, file: file, row: index + 1, input: InsuredCategory.employee.rawValue)
                }
                labourShares.append(Dated(effectiveFrom: entry.effectiveFrom, value: employee, provenance: entry.provenance, file: file))
            default:
                throw GradeError(.tableKind, file: file, input: "scheme \(decoded.scheme)")
            }
        }
    }

    private static func gradeTable(from file: TableFiles.GradeTableFile, kind: TableKind, file name: String) throws(GradeError) -> GradeTable {
        func grades(_ rows: [TableFiles.Row]) -> [Grade] { rows.map { Grade(number: $0.grade, amount: Money($0.amount)) } }
        return try GradeTable(
            kind: kind, effectiveFrom: file.effectiveFrom, title: file.title, titleEn: file.titleEn,
            provenance: Provenance(instrument: file.instrument, source: file.source, notes: file.notes),
            grades: grades(file.grades), partTimeGrades: grades(file.partTimeGrades ?? []), file: name)
    }

    func finish() throws(GradeError) -> Result {
        var sortedTables: [TableKind: [GradeTable]] = [:]
        for (kind, list) in tables {
            let sorted = list.sorted { $0.effectiveFrom < $1.effectiveFrom }
            for index in sorted.indices.dropFirst() where sorted[index - 1].effectiveFrom == sorted[index].effectiveFrom {
                throw GradeError(.tableOverlap, file: sorted[index].file,
                                 input: "\(kind.rawValue) \(sorted[index].effectiveFrom.iso) (\(sorted[index - 1].file))")
            }
            sortedTables[kind] = sorted
        }
        func series(_ s: RateBook.Series) throws(GradeError) -> DatedSeries<Rate> {
            try DatedSeries(name: s.rawValue, entries: rates[s] ?? [])
        }
        let book = RateBook(
            nhiPremium: try series(.nhiPremium), supplementary: try series(.supplementary),
            averageDependants: try series(.averageDependants), labourOrdinary: try series(.labourOrdinary),
            employment: try series(.employment), commuting: try series(.commuting),
            minimumWage: try DatedSeries(name: "minimumWage", entries: minimumWage),
            nhiShares: try DatedSeries(name: "shares.nhi", entries: nhiShares),
            labourShares: try DatedSeries(name: "shares.labour", entries: labourShares),
            supplementaryRules: try DatedSeries(name: "supplementaryRules", entries: supplementary),
            lateFeeRules: try DatedSeries(name: "lateFeeRules", entries: lateFee))
        return Result(tables: sortedTables, rates: book)
    }
}

extension Rate {
    /// `5.17%` as a percentage, `0.56` as a plain decimal.
    init(percentOrDecimal text: String) throws(GradeError) {
        if text.contains("%") { try self.init(percent: text) } else { try self.init(decimal: text) }
    }
}

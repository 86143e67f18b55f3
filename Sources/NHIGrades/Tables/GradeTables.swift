import Foundation
import NHICore

/// Every grade table and rate the SDK knows, loaded once from data files, with lookups by
/// date.
///
/// ``bundled`` reads the files shipped in the module (`Resources/Tables`). An integrator can
/// add next year's table without new code: drop a file such as `nhi/2027-01-01.json` into a
/// directory and load it with ``init(loadingFrom:includingBundled:)``; it is merged with the
/// bundled files and checked by the same rules (sorted, no gaps or duplicate grades, no two
/// tables of one kind on the same date, provenance present).
///
/// ```swift
/// let tables = GradeTables.bundled
/// let found = try tables.lookup(salary: 30_000, on: CalendarDate(iso: "2026-03-01"))
/// found.insuredAmount   // NT$30,300, grade 2
/// ```
public struct GradeTables: Sendable {
    private let nhi: [GradeTable]
    private let labour: [GradeTable]
    private let accident: [GradeTable]
    private let pension: [GradeTable]
    /// The dated rates and rules that go with the tables.
    public let rates: RateBook

    /// The tables and rates shipped with NHIGrades. They are compiled into the module
    /// (`EmbeddedTables`, generated from `Resources/Tables` by `scripts/embed-grade-tables`),
    /// so a binary copied without any resource bundle still has them. Loaded on first use;
    /// the embedded files are checked by the test suite, so a failure here is a packaging
    /// error and stops the program with the error's message.
    public static let bundled: GradeTables = {
        do {
            return try GradeTables(directories: [], includingBundled: true)
        } catch {
            fatalError("NHIGrades: the bundled tables do not load: \(error)")
        }
    }()

    /// A directory holding the bundled table files, written once per process under the
    /// temporary directory from the embedded copies (there is no resource bundle to point at).
    /// Prefer ``bundled``; this exists for tools that want the files themselves.
    public static func bundledDirectory() throws(GradeError) -> URL {
        try BundledDirectory.shared.get()
    }

    /// Loads the table files under `directory` (recursively, every `*.json`), merged with the
    /// bundled files unless `includingBundled` is false.
    public init(loadingFrom directory: URL, includingBundled: Bool = true) throws(GradeError) {
        try self.init(directories: [directory], includingBundled: includingBundled)
    }

    /// Loads and merges the bundled files (when `includingBundled`) and then the table files
    /// of `directories`.
    public init(directories: [URL], includingBundled: Bool) throws(GradeError) {
        var loader = TableLoader()
        if includingBundled {
            for file in EmbeddedTables.files { try loader.load(Data(file.json.utf8), file: file.path) }
        }
        for directory in directories { try loader.load(directory: directory) }
        let result = try loader.finish()
        nhi = result.tables[.nhi] ?? []
        labour = result.tables[.labour] ?? []
        accident = result.tables[.accident] ?? []
        pension = result.tables[.pension] ?? []
        rates = result.rates
    }

    /// Loads and merges the table files of several directories.
    public init(directories: [URL]) throws(GradeError) {
        try self.init(directories: directories, includingBundled: false)
    }

    /// The tables of `kind`, by effective date.
    public func tables(_ kind: TableKind) -> [GradeTable] {
        switch kind {
        case .nhi: nhi
        case .labour: labour
        case .accident: accident
        case .pension: pension
        }
    }

    /// Every table, by kind and date.
    public var all: [GradeTable] { TableKind.allCases.flatMap { tables($0) } }

    /// The newest table of `kind` (the "newest published grades" a bulk adjustment may use).
    public func latest(_ kind: TableKind = .nhi) throws(GradeError) -> GradeTable {
        guard let table = tables(kind).last else { throw GradeError(.tableNotInForce, input: kind.rawValue) }
        return table
    }

    /// The table of `kind` in force on `date`: the one with the latest effective date not
    /// after `date`. Throws `table.notInForce` before the first table.
    public func table(_ kind: TableKind = .nhi, on date: CalendarDate) throws(GradeError) -> GradeTable {
        let list = tables(kind)
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) >> 1
            if list[mid].effectiveFrom <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else {
            throw GradeError(.tableNotInForce, field: "date", input: "\(kind.rawValue) \(date.iso)",
                             detail: list.first.map { ("最早自 \($0.effectiveFrom.iso)", "earliest \($0.effectiveFrom.iso)") })
        }
        return list[low - 1]
    }

    /// The grade for a monthly salary on a date: the table in force on `date`, then the
    /// smallest grade ≥ `salary` (the top grade above it). O(log n) in tables and grades.
    public func lookup(salary: Money, on date: CalendarDate, kind: TableKind = .nhi, partTime: Bool = false) throws(GradeError) -> GradeLookup {
        try table(kind, on: date).lookup(salary: salary, partTime: partTime)
    }

    /// Whether `amount` is a grade of the table of `kind` in force on `date`.
    public func isGrade(_ amount: Money, on date: CalendarDate, kind: TableKind = .nhi, partTime: Bool = false) throws(GradeError) -> Bool {
        try table(kind, on: date).isGrade(amount, partTime: partTime)
    }

    /// An insured amount carried into the table in force on `date` (重載金額): the amount
    /// itself when it is a grade there, otherwise the grade a salary of that amount gets
    /// (the lowest grade not below it; the top grade above the top).
    ///
    /// The lowest grades follow the minimum wage, so an amount that was a grade last year may
    /// not be one this year: NHI re-grades it when the new table comes into force.
    ///
    /// ```swift
    /// let tables = GradeTables.bundled
    /// let amount = try tables.regraded(Money(28_800), on: CalendarDate(iso: "2026-01-01"))  // 29,500
    /// ```
    public func regraded(_ amount: Money, on date: CalendarDate, kind: TableKind = .nhi) throws(GradeError) -> Money {
        let table = try table(kind, on: date)
        if table.isGrade(amount) { return amount }
        return try table.lookup(salary: amount).insuredAmount
    }
}

/// The bundled files written out once per process for ``GradeTables/bundledDirectory()``.
private final class BundledDirectory: Sendable {
    static let shared = BundledDirectory()
    private let result: Result<URL, GradeError>

    private init() {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("nhi-grades-tables-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            for file in EmbeddedTables.files {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.json.utf8).write(to: url)
            }
            result = .success(directory)
        } catch {
            result = .failure(GradeError(.tableDirectory, field: "tablesDirectory", input: directory.path,
                                         detail: ("\(error.localizedDescription)", "\(error.localizedDescription)")))
        }
    }

    func get() throws(GradeError) -> URL { try result.get() }
}

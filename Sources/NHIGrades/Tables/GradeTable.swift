import NHICore

/// One grade of a table: its number (第 n 級) and amount.
public struct Grade: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The grade number, from 1.
    public let number: Int
    /// The insured amount, insured salary or contribution wage of this grade.
    public let amount: Money

    /// Grade `number` with `amount`.
    public init(number: Int, amount: Money) {
        self.number = number
        self.amount = amount
    }

    /// `第3級 31,800`.
    public var description: String { "第\(number)級 \(amount.grouped)" }
}

/// A grade table in force from one date until the next table of the same kind: its rows,
/// where it comes from, and O(log n) lookups.
///
/// Tables are immutable values; copies share their rows.
public struct GradeTable: Hashable, Sendable, CustomStringConvertible {
    final class Storage: Sendable {
        let kind: TableKind
        let effectiveFrom: CalendarDate
        let title: String
        let titleEn: String
        let provenance: Provenance
        let file: String
        let grades: [Grade]
        let partTimeGrades: [Grade]
        /// Regular amounts as raw integers, for the binary search.
        let amounts: [Int64]
        /// Part-time and regular grades in one ascending ladder.
        let partTimeLadder: [Grade]
        let partTimeAmounts: [Int64]

        init(kind: TableKind, effectiveFrom: CalendarDate, title: String, titleEn: String, provenance: Provenance,
             file: String, grades: [Grade], partTimeGrades: [Grade]) {
            self.kind = kind
            self.effectiveFrom = effectiveFrom
            self.title = title
            self.titleEn = titleEn
            self.provenance = provenance
            self.file = file
            self.grades = grades
            self.partTimeGrades = partTimeGrades
            self.amounts = grades.map(\.amount.amount)
            self.partTimeLadder = partTimeGrades + grades
            self.partTimeAmounts = partTimeLadder.map(\.amount.amount)
        }
    }

    let storage: Storage

    /// Creates a table after checking its rows: non-empty, grade numbers 1, 2, 3 … without
    /// gaps or repeats, amounts strictly increasing, part-time grades (if any) numbered the
    /// same way and all below the first regular grade, and complete provenance.
    ///
    /// - Parameters:
    ///   - kind: which ladder this is (NHI, labour, accident, pension).
    ///   - effectiveFrom: the first day the table is in force.
    ///   - title: the table's official title in Traditional Chinese.
    ///   - titleEn: the title in English.
    ///   - provenance: the legal instrument and source the rows come from.
    ///   - grades: the regular grades, lowest first.
    ///   - partTimeGrades: the part-time grades below the first regular grade, if any.
    ///   - file: where the table came from, for error messages (`nhi/2026-01-01.json`).
    public init(kind: TableKind, effectiveFrom: CalendarDate, title: String, titleEn: String,
                provenance: Provenance, grades: [Grade], partTimeGrades: [Grade] = [],
                file: String = "") throws(GradeError) {
        guard provenance.isComplete else { throw GradeError(.tableProvenance, file: file) }
        try Self.check(grades, file: file, rowOffset: 0)
        if !partTimeGrades.isEmpty {
            try Self.check(partTimeGrades, file: file, rowOffset: grades.count)
            if let last = partTimeGrades.last, let first = grades.first, last.amount >= first.amount {
                throw GradeError(.tablePartTime, file: file, row: grades.count + partTimeGrades.count, input: last.amount.grouped)
            }
        }
        storage = Storage(kind: kind, effectiveFrom: effectiveFrom, title: title, titleEn: titleEn,
                          provenance: provenance, file: file, grades: grades, partTimeGrades: partTimeGrades)
    }

    private static func check(_ grades: [Grade], file: String, rowOffset: Int) throws(GradeError) {
        guard !grades.isEmpty else { throw GradeError(.tableEmpty, file: file) }
        var seenNumbers = Set<Int>()
        for (index, grade) in grades.enumerated() {
            let row = rowOffset + index + 1
            if !seenNumbers.insert(grade.number).inserted {
                throw GradeError(.tableDuplicateGrade, file: file, row: row, input: "第\(grade.number)級")
            }
            if grade.number != index + 1 { throw GradeError(.tableGap, file: file, row: row, input: "第\(grade.number)級") }
            if grade.amount <= .zero { throw GradeError(.tableUnsorted, file: file, row: row, input: grade.amount.grouped) }
            if index > 0 {
                let previous = grades[index - 1].amount
                if grade.amount == previous { throw GradeError(.tableDuplicateGrade, file: file, row: row, input: grade.amount.grouped) }
                if grade.amount < previous { throw GradeError(.tableUnsorted, file: file, row: row, input: grade.amount.grouped) }
            }
        }
    }

    /// Which ladder of amounts this is.
    public var kind: TableKind { storage.kind }
    /// The first day the table applies.
    public var effectiveFrom: CalendarDate { storage.effectiveFrom }
    /// The official title (`全民健康保險投保金額分級表`).
    public var title: String { storage.title }
    /// The title in English.
    public var titleEn: String { storage.titleEn }
    /// The legal instrument and source.
    public var provenance: Provenance { storage.provenance }
    /// The file the table was read from, relative to its tables directory.
    public var file: String { storage.file }
    /// The regular grades, ascending; the last one is open-ended.
    public var grades: [Grade] { storage.grades }
    /// Part-time lower grades (部分工時), ascending, all below ``minimum``; labour insurance only.
    public var partTimeGrades: [Grade] { storage.partTimeGrades }
    /// The first regular grade (the minimum wage in the NHI, labour and accident tables).
    public var minimum: Grade { storage.grades[0] }
    /// The top grade, open-ended.
    public var top: Grade { storage.grades[storage.grades.count - 1] }

    /// Whether `amount` is one of the table's amounts (a part-time grade counts when `partTime`).
    public func isGrade(_ amount: Money, partTime: Bool = false) -> Bool { grade(forAmount: amount, partTime: partTime) != nil }

    /// The grade whose amount is exactly `amount`, if any.
    public func grade(forAmount amount: Money, partTime: Bool = false) -> Grade? {
        let amounts = partTime ? storage.partTimeAmounts : storage.amounts
        let index = Self.firstIndex(notBelow: amount.amount, in: amounts)
        guard index < amounts.count, amounts[index] == amount.amount else { return nil }
        return (partTime ? storage.partTimeLadder : storage.grades)[index]
    }

    /// The regular grade numbered `number` (1-based).
    public func grade(number: Int) -> Grade? {
        (1...storage.grades.count).contains(number) ? storage.grades[number - 1] : nil
    }

    /// The grade for a monthly salary: the smallest grade whose amount is at least `salary`,
    /// or the top grade above it. With `partTime`, the part-time lower grades are candidates
    /// too (labour insurance). O(log n).
    public func lookup(salary: Money, partTime: Bool = false) throws(GradeError) -> GradeLookup {
        guard salary >= .zero else { throw GradeError(.amountNegative, field: "salary", input: salary.grouped) }
        let usePartTime = partTime && !storage.partTimeGrades.isEmpty
        let amounts = usePartTime ? storage.partTimeAmounts : storage.amounts
        let index = min(Self.firstIndex(notBelow: salary.amount, in: amounts), amounts.count - 1)
        return GradeLookup(table: self, index: index, partTimeLadder: usePartTime)
    }

    /// Binary search: the first index whose amount is ≥ `value` (`amounts.count` if none).
    @inline(__always)
    static func firstIndex(notBelow value: Int64, in amounts: [Int64]) -> Int {
        amounts.withUnsafeBufferPointer { buffer in
            var low = 0, high = buffer.count
            while low < high {
                let mid = (low + high) >> 1
                if buffer[mid] < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    /// Two tables are equal when they share storage, or have the same kind, effective date and grades.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || (lhs.kind == rhs.kind && lhs.effectiveFrom == rhs.effectiveFrom
            && lhs.grades == rhs.grades && lhs.partTimeGrades == rhs.partTimeGrades)
    }

    /// Hashes the kind and the effective date, which are part of every equality.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(effectiveFrom)
    }

    /// `nhi 2026-01-01 (58 grades, 29,500 … 313,000)`.
    public var description: String {
        "\(kind.rawValue) \(effectiveFrom.iso) (\(grades.count) grades, \(minimum.amount.grouped) … \(top.amount.grouped))"
    }
}

/// The result of a lookup: the grade, its salary band, its neighbours and the table used.
public struct GradeLookup: Hashable, Sendable {
    /// The table in force on the date asked about.
    public let table: GradeTable
    let index: Int
    let partTimeLadder: Bool

    init(table: GradeTable, index: Int, partTimeLadder: Bool) {
        self.table = table
        self.index = index
        self.partTimeLadder = partTimeLadder
    }

    private var ladder: [Grade] { partTimeLadder ? table.storage.partTimeLadder : table.storage.grades }

    /// The grade found.
    public var grade: Grade { ladder[index] }
    /// Its amount: the insured amount (投保金額) or insured salary.
    public var insuredAmount: Money { ladder[index].amount }
    /// Whether the grade is one of the part-time lower grades (its number counts within those).
    public var isPartTime: Bool { partTimeLadder && index < table.storage.partTimeGrades.count }
    /// The smallest monthly salary that falls in this grade (0 for the first grade).
    public var lower: Money { index == 0 ? .zero : ladder[index - 1].amount + Money(Int64(1)) }
    /// The largest monthly salary that falls in this grade; `nil` for the open-ended top grade.
    public var upper: Money? { index == ladder.count - 1 ? nil : ladder[index].amount }
    /// The grade below, if any.
    public var previous: Grade? { index > 0 ? ladder[index - 1] : nil }
    /// The grade above, if any.
    public var next: Grade? { index + 1 < ladder.count ? ladder[index + 1] : nil }
    /// Whether this is the top grade.
    public var isTop: Bool { index == ladder.count - 1 }
}

import NHICore

/// The NHI's premium burden table (保險費負擔金額表) for one date and category: for every
/// grade, what the insured pays alone and with one, two or three dependants, and the unit's
/// and the government's shares — the table the NHI publishes each year (data.gov.tw 20246).
public struct NHIBurdenTable: Hashable, Sendable {
    /// One row: a grade and its amounts.
    public struct Row: Hashable, Sendable {
        /// The grade.
        public let grade: Grade
        /// 本人: the insured alone.
        public let selfOnly: Money
        /// 本人+1眷口.
        public let withOne: Money
        /// 本人+2眷口.
        public let withTwo: Money
        /// 本人+3眷口 (and more: at most three dependants are charged).
        public let withThree: Money
        /// 投保單位負擔金額.
        public let unit: Money
        /// 政府補助金額.
        public let government: Money

        /// The insured's payment with `dependants` dependants (capped at three).
        public func insured(dependants: Int) -> Money { selfOnly * (1 + min(max(dependants, 0), NHIPremium.dependantCap)) }
    }

    /// The date the table is for.
    public let date: CalendarDate
    /// The category whose shares apply.
    public let category: InsuredCategory
    /// The NHI grade table used.
    public let table: GradeTable
    /// The premium rate.
    public let rate: Rate
    /// The shares.
    public let shares: ContributionShares
    /// The average number of dependants.
    public let averageDependants: Rate
    /// One row per grade, ascending.
    public let rows: [Row]
}

extension PremiumCalculator {
    /// The burden table for every grade of the NHI table in force on `date`.
    /// Computing it takes microseconds (see `Benchmarks/grades.sh`).
    public func nhiBurdenTable(on date: CalendarDate, category: InsuredCategory = .employee) throws(GradeError) -> NHIBurdenTable {
        let table = try tables.table(.nhi, on: date)
        let terms = try NHIPremiumTerms(on: date, category: category, rates: tables.rates)
        var rows: [NHIBurdenTable.Row] = []
        rows.reserveCapacity(table.grades.count)
        for grade in table.grades {
            let perHead = try terms.apply(terms.perHeadFactor, to: grade.amount)
            rows.append(NHIBurdenTable.Row(
                grade: grade, selfOnly: perHead, withOne: perHead * 2, withTwo: perHead * 3, withThree: perHead * 4,
                unit: try terms.apply(terms.unitFactor, to: grade.amount),
                government: try terms.apply(terms.governmentFactor, to: grade.amount)))
        }
        return NHIBurdenTable(date: date, category: category, table: table, rate: terms.rate, shares: terms.shares,
                              averageDependants: terms.averageDependants, rows: rows)
    }
}

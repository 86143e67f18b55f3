import NHICore

/// One NHI premium (一般保險費) for a month: what the insured person, the unit and the
/// government pay, with a per-person breakdown.
///
/// The formula reproduces the NHI's published burden tables (SPEC §10):
///
/// ```
/// per_head   = round_half_up(insured_amount × rate × insured_share)
/// insured    = per_head × (1 + min(dependants, 3))
/// unit       = round_half_up(insured_amount × rate × unit_share × (1 + average_dependants))
/// government = round_half_up(insured_amount × rate × government_share × (1 + average_dependants))
/// ```
///
/// with no intermediate rounding inside a line. The unit covering the person at month end
/// pays the whole month (``MonthEndRule``); there is no day proration.
public struct NHIPremium: Hashable, Sendable {
    /// One person's part of the insured's payment.
    public struct PersonCharge: Hashable, Sendable {
        /// Who: the insured (`0`) or the n-th dependant (`1`, `2`, …).
        public let index: Int
        /// What this person costs the insured: the per-head amount for the insured and the
        /// first three dependants, zero beyond.
        public let amount: Money
        /// `本人`, `眷屬1`, …
        public var label: String { index == 0 ? "本人" : "眷屬\(index)" }
        /// `insured`, `dependant 1`, …
        public var labelEn: String { index == 0 ? "insured" : "dependant \(index)" }
        /// Whether the person is charged (the insured and at most three dependants).
        public var isCharged: Bool { index <= NHIPremium.dependantCap }
    }

    /// At most three dependants are charged to the insured.
    public static let dependantCap = 3

    /// The month's date the premium is computed for (tables and rates in force then).
    public let date: CalendarDate
    /// The insured category, which sets the shares.
    public let category: InsuredCategory
    /// The insured amount (投保金額).
    public let insuredAmount: Money
    /// Its grade in the NHI table in force.
    public let grade: Grade
    /// The NHI table used.
    public let table: GradeTable
    /// The premium rate (5.17 %).
    public let rate: Rate
    /// The shares of the category.
    public let shares: ContributionShares
    /// The average number of dependants used for the unit's and the government's shares.
    public let averageDependants: Rate
    /// The number of dependants given (all of them, even beyond three).
    public let dependants: Int
    /// The premium of one person at the insured's share (本人).
    public let perHead: Money
    /// What the insured pays for self and dependants: `perHead × (1 + min(dependants, 3))`.
    public let insured: Money
    /// What the unit pays (投保單位負擔).
    public let unit: Money
    /// What the government pays (政府補助).
    public let government: Money

    /// Dependants actually charged: `min(dependants, 3)`.
    public var chargedDependants: Int { min(dependants, Self.dependantCap) }
    /// `insured + unit + government`.
    public var total: Money { insured + unit + government }
    /// The insured and each dependant with what they cost; dependants beyond the third cost 0.
    public var perPerson: [PersonCharge] {
        (0...dependants).map { PersonCharge(index: $0, amount: $0 <= Self.dependantCap ? perHead : .zero) }
    }
}

/// The factors of one date and category, computed once and applied to every grade.
struct NHIPremiumTerms {
    let rate: Rate
    let shares: ContributionShares
    let averageDependants: Rate
    let perHeadFactor: Rate
    let unitFactor: Rate
    let governmentFactor: Rate

    init(on date: CalendarDate, category: InsuredCategory, rates: RateBook) throws(GradeError) {
        rate = try rates.nhiPremium.value(on: date)
        shares = try rates.nhiShares(for: category, on: date)
        averageDependants = try rates.averageDependants.value(on: date)
        let heads = Rate.one + averageDependants
        perHeadFactor = rate * shares.insured
        unitFactor = rate * shares.unit * heads
        governmentFactor = rate * shares.government * heads
    }

    @inline(__always)
    func apply(_ factor: Rate, to amount: Money) throws(GradeError) -> Money {
        try ExactArithmetic.roundHalfUp(amount.amount, times: factor.numerator, over: factor.denominator)
    }
}

extension PremiumCalculator {
    /// The NHI premium of an insured amount on a date.
    ///
    /// - Parameters:
    ///   - insuredAmount: a grade of the NHI table in force on `date` (`insuredAmount.notAGrade` otherwise,
    ///     naming the nearest grade).
    ///   - date: any day of the premium month; the table, rate, shares and average dependants in force then apply.
    ///   - category: sets the shares (employee 30/60/10, …).
    ///   - dependants: the insured's dependants; at most three are charged (`dependants.negative` below zero).
    public func nhi(insuredAmount: Money, on date: CalendarDate, category: InsuredCategory = .employee,
                    dependants: Int = 0) throws(GradeError) -> NHIPremium {
        let table = try tables.table(.nhi, on: date)
        guard let grade = table.grade(forAmount: insuredAmount) else { throw Self.notAGrade(insuredAmount, in: table) }
        let terms = try NHIPremiumTerms(on: date, category: category, rates: tables.rates)
        return try nhi(grade: grade, table: table, terms: terms, date: date, category: category, dependants: dependants)
    }

    /// The NHI premium for a monthly salary: its grade (the smallest grade ≥ salary) on
    /// `date`, then ``nhi(insuredAmount:on:category:dependants:)``. For employers, the
    /// self-employed and professionals the default is the top grade instead: see
    /// ``GradeTables/defaultInsuredAmount(salary:on:category:)``.
    public func nhi(salary: Money, on date: CalendarDate, category: InsuredCategory = .employee,
                    dependants: Int = 0) throws(GradeError) -> NHIPremium {
        let found = try tables.lookup(salary: salary, on: date)
        let terms = try NHIPremiumTerms(on: date, category: category, rates: tables.rates)
        return try nhi(grade: found.grade, table: found.table, terms: terms, date: date, category: category, dependants: dependants)
    }

    func nhi(grade: Grade, table: GradeTable, terms: NHIPremiumTerms, date: CalendarDate,
             category: InsuredCategory, dependants: Int) throws(GradeError) -> NHIPremium {
        guard dependants >= 0 else { throw GradeError(.dependantsNegative, field: "dependants", input: String(dependants)) }
        let perHead = try terms.apply(terms.perHeadFactor, to: grade.amount)
        return NHIPremium(
            date: date, category: category, insuredAmount: grade.amount, grade: grade, table: table,
            rate: terms.rate, shares: terms.shares, averageDependants: terms.averageDependants, dependants: dependants,
            perHead: perHead, insured: perHead * (1 + min(dependants, NHIPremium.dependantCap)),
            unit: try terms.apply(terms.unitFactor, to: grade.amount),
            government: try terms.apply(terms.governmentFactor, to: grade.amount))
    }
}

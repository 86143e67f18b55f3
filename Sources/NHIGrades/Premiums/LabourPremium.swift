import NHICore

/// Who pays what of one insurance part.
public struct PremiumSplit: Hashable, Sendable {
    /// The worker's part (勞工負擔).
    public let worker: Money
    /// The unit's part (投保單位負擔).
    public let unit: Money
    /// The government's part (政府補助).
    public let government: Money

    /// A split of the three parts.
    public init(worker: Money, unit: Money, government: Money) {
        self.worker = worker
        self.unit = unit
        self.government = government
    }

    /// Nothing.
    public static let zero = PremiumSplit(worker: .zero, unit: .zero, government: .zero)

    /// The sum of the three parts.
    public var total: Money { worker + unit + government }

    /// Part by part sum.
    public static func + (lhs: PremiumSplit, rhs: PremiumSplit) -> PremiumSplit {
        PremiumSplit(worker: lhs.worker + rhs.worker, unit: lhs.unit + rhs.unit, government: lhs.government + rhs.government)
    }
}

/// A month's labour insurance (勞保, ordinary accidents) and employment insurance (就保)
/// premium of one employee.
///
/// Each part is rounded on its own and the two are then added (SPEC §10): for 11,100 at
/// 11.5 % and 1 %, the worker pays 255 + 22 = 277 and the unit 894 + 78 = 972. A month with
/// fewer days insured is prorated by `days / 30` inside the same rounding:
/// `round_half_up(salary × rate × share × days / 30)`.
public struct LabourPremium: Hashable, Sendable {
    /// The date whose tables and rates apply.
    public let date: CalendarDate
    /// The insured salary (投保薪資).
    public let insuredSalary: Money
    /// Its grade in the labour table (a part-time lower grade when ``isPartTimeGrade``).
    public let grade: Grade
    /// Whether the grade is one of the part-time lower grades.
    public let isPartTimeGrade: Bool
    /// The labour table used.
    public let table: GradeTable
    /// Days insured in the month (30 for a full month).
    public let days: Int
    /// The ordinary-accident rate (11.5 %).
    public let ordinaryRate: Rate
    /// The employment-insurance rate (1 %), or zero when the person is not covered by it.
    public let employmentRate: Rate
    /// The shares (20/70/10).
    public let shares: ContributionShares
    /// The ordinary-accident premium.
    public let ordinary: PremiumSplit
    /// The employment-insurance premium.
    public let employment: PremiumSplit

    /// Both parts together.
    public var combined: PremiumSplit { ordinary + employment }
}

extension PremiumCalculator {
    /// The labour and employment insurance premium of an insured salary on a date.
    ///
    /// - Parameters:
    ///   - insuredSalary: a grade of the labour table in force (a regular or part-time grade).
    ///   - date: any day of the premium month; the table and rates in force then apply.
    ///   - days: days insured in the month, 1–30 (a full month counts 30, whatever its length).
    ///   - employmentInsurance: false for people outside employment insurance (e.g. over 65).
    public func labour(insuredSalary: Money, on date: CalendarDate, days: Int = 30,
                       employmentInsurance: Bool = true) throws(GradeError) -> LabourPremium {
        let table = try tables.table(.labour, on: date)
        guard let grade = table.grade(forAmount: insuredSalary, partTime: true) else {
            throw Self.notAGrade(insuredSalary, in: table, field: "insuredSalary", partTime: true)
        }
        let isPartTime = !table.isGrade(insuredSalary)
        return try labour(grade: grade, isPartTime: isPartTime, table: table, on: date, days: days, employmentInsurance: employmentInsurance)
    }

    /// The labour premium for a monthly salary: its labour grade (part-time lower grades
    /// only when `partTime`), then ``labour(insuredSalary:on:days:employmentInsurance:)``.
    public func labour(salary: Money, on date: CalendarDate, partTime: Bool = false, days: Int = 30,
                       employmentInsurance: Bool = true) throws(GradeError) -> LabourPremium {
        let found = try tables.lookup(salary: salary, on: date, kind: .labour, partTime: partTime)
        return try labour(grade: found.grade, isPartTime: found.isPartTime, table: found.table, on: date, days: days,
                          employmentInsurance: employmentInsurance)
    }

    private func labour(grade: Grade, isPartTime: Bool, table: GradeTable, on date: CalendarDate, days: Int,
                        employmentInsurance: Bool) throws(GradeError) -> LabourPremium {
        let fraction = try Self.monthFraction(days: days)
        let ordinaryRate = try tables.rates.labourOrdinary.value(on: date)
        let employmentRate = employmentInsurance ? try tables.rates.employment.value(on: date) : .zero
        let shares = try tables.rates.labourShares.value(on: date)
        func split(_ rate: Rate) throws(GradeError) -> PremiumSplit {
            let base = rate * fraction
            return PremiumSplit(worker: try (base * shares.insured).applied(to: grade.amount),
                                unit: try (base * shares.unit).applied(to: grade.amount),
                                government: try (base * shares.government).applied(to: grade.amount))
        }
        return LabourPremium(
            date: date, insuredSalary: grade.amount, grade: grade, isPartTimeGrade: isPartTime, table: table, days: days,
            ordinaryRate: ordinaryRate, employmentRate: employmentRate, shares: shares,
            ordinary: try split(ordinaryRate), employment: employmentInsurance ? try split(employmentRate) : .zero)
    }
}

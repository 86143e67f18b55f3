import NHICore

/// A month's labour-pension contribution (勞工退休金提繳) on a contribution wage: the
/// employer's (at least 6 %) and the worker's voluntary one (0–6 %), each
/// `round_half_up(wage × rate × days / 30)`.
public struct PensionContribution: Hashable, Sendable {
    /// The date whose table applies.
    public let date: CalendarDate
    /// The monthly contribution wage (月提繳工資).
    public let wage: Money
    /// Its grade in the pension table.
    public let grade: Grade
    /// The pension table used.
    public let table: GradeTable
    /// The employer's rate (≥ 6 %).
    public let employerRate: Rate
    /// The worker's voluntary rate (0–6 %).
    public let voluntaryRate: Rate
    /// Days contributed in the month.
    public let days: Int
    /// The employer's contribution.
    public let employer: Money
    /// The worker's voluntary contribution.
    public let voluntary: Money

    /// Both together, paid into the worker's individual account.
    public var total: Money { employer + voluntary }
}

extension PremiumCalculator {
    /// The statutory minimum employer rate, 6 %.
    public static let pensionMinimumEmployerRate = Rate.percent(6)
    /// The maximum voluntary rate, 6 %.
    public static let pensionMaximumVoluntaryRate = Rate.percent(6)

    /// The pension contribution on a contribution wage (a grade of the pension table).
    ///
    /// - Parameters:
    ///   - wage: a grade of the pension table in force on `date`.
    ///   - date: any day of the contribution month; the table in force then applies.
    ///   - employerRate: 6–100 % (`pension.employerRate`).
    ///   - voluntaryRate: 0–6 % (`pension.voluntaryRate`).
    ///   - days: days covered in the month, 1–30.
    public func pension(wage: Money, on date: CalendarDate, employerRate: Rate = pensionMinimumEmployerRate,
                        voluntaryRate: Rate = .zero, days: Int = 30) throws(GradeError) -> PensionContribution {
        let table = try tables.table(.pension, on: date)
        guard let grade = table.grade(forAmount: wage) else { throw Self.notAGrade(wage, in: table, field: "insuredSalary") }
        return try pension(grade: grade, table: table, on: date, employerRate: employerRate, voluntaryRate: voluntaryRate, days: days)
    }

    /// The pension contribution for a monthly salary (its pension grade; 150,000 above it).
    public func pension(salary: Money, on date: CalendarDate, employerRate: Rate = pensionMinimumEmployerRate,
                        voluntaryRate: Rate = .zero, days: Int = 30) throws(GradeError) -> PensionContribution {
        let found = try tables.lookup(salary: salary, on: date, kind: .pension)
        return try pension(grade: found.grade, table: found.table, on: date, employerRate: employerRate, voluntaryRate: voluntaryRate, days: days)
    }

    private func pension(grade: Grade, table: GradeTable, on date: CalendarDate, employerRate: Rate, voluntaryRate: Rate,
                         days: Int) throws(GradeError) -> PensionContribution {
        try Self.require(employerRate, within: Self.pensionMinimumEmployerRate, .one, code: .pensionEmployerRate, field: "employerRate")
        try Self.require(voluntaryRate, within: .zero, Self.pensionMaximumVoluntaryRate, code: .pensionVoluntaryRate, field: "voluntaryRate")
        let fraction = try Self.monthFraction(days: days)
        return PensionContribution(
            date: date, wage: grade.amount, grade: grade, table: table, employerRate: employerRate, voluntaryRate: voluntaryRate,
            days: days, employer: try (employerRate * fraction).applied(to: grade.amount),
            voluntary: try (voluntaryRate * fraction).applied(to: grade.amount))
    }
}

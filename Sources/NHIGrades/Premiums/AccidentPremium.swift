import NHICore

/// A month's occupational-accident insurance premium (職業災害保險費): paid by the
/// employer alone, at the industry rate plus the commuting rate (0.07 %):
/// `round_half_up(salary × (industry + commuting) × days / 30)`.
public struct AccidentPremium: Hashable, Sendable {
    /// The date whose tables and rates apply.
    public let date: CalendarDate
    /// The insured salary (a grade of the accident table).
    public let insuredSalary: Money
    /// Its grade.
    public let grade: Grade
    /// The accident table used.
    public let table: GradeTable
    /// The industry rate (行業別災害費率), as given.
    public let industryRate: Rate
    /// The commuting rate (上下班災害費率) in force.
    public let commutingRate: Rate
    /// Days insured in the month.
    public let days: Int
    /// What the employer pays.
    public let employer: Money

    /// `industryRate + commutingRate`.
    public var rate: Rate { industryRate + commutingRate }
}

extension PremiumCalculator {
    /// The occupational-accident premium of an insured salary (a grade of the accident table).
    ///
    /// - Parameters:
    ///   - insuredSalary: a grade of the accident table in force on `date`.
    ///   - industryRate: the employer's industry rate, 0–10 % (`accident.industryRate`).
    ///   - date: any day of the premium month; the table and commuting rate in force then apply.
    ///   - days: days insured in the month, 1–30.
    public func accident(insuredSalary: Money, industryRate: Rate, on date: CalendarDate, days: Int = 30) throws(GradeError) -> AccidentPremium {
        let table = try tables.table(.accident, on: date)
        guard let grade = table.grade(forAmount: insuredSalary) else {
            throw Self.notAGrade(insuredSalary, in: table, field: "insuredSalary")
        }
        return try accident(grade: grade, table: table, industryRate: industryRate, on: date, days: days)
    }

    /// The occupational-accident premium for a monthly salary (its accident grade; the top
    /// grade, 72,800, above it).
    public func accident(salary: Money, industryRate: Rate, on date: CalendarDate, days: Int = 30) throws(GradeError) -> AccidentPremium {
        let found = try tables.lookup(salary: salary, on: date, kind: .accident)
        return try accident(grade: found.grade, table: found.table, industryRate: industryRate, on: date, days: days)
    }

    private func accident(grade: Grade, table: GradeTable, industryRate: Rate, on date: CalendarDate, days: Int) throws(GradeError) -> AccidentPremium {
        try Self.require(industryRate, within: .zero, .percent(10), code: .accidentIndustryRate, field: "industryRate")
        let fraction = try Self.monthFraction(days: days)
        let commuting = try tables.rates.commuting.value(on: date)
        return AccidentPremium(
            date: date, insuredSalary: grade.amount, grade: grade, table: table, industryRate: industryRate,
            commutingRate: commuting, days: days, employer: try ((industryRate + commuting) * fraction).applied(to: grade.amount))
    }
}

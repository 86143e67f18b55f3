import NHICore

/// Computes premiums and contributions from the dated tables and rates: the NHI premium and
/// its burden table, labour and employment insurance, occupational-accident insurance, the
/// labour pension, the supplementary premium and late fees.
///
/// All arithmetic is exact integer arithmetic on fractions; each amount is rounded half up
/// to whole NT$ once, at the point the published rules round it (see each method).
///
/// ```swift
/// let calculator = PremiumCalculator()
/// let premium = try calculator.nhi(insuredAmount: 29_500, on: CalendarDate(iso: "2026-01-01"), dependants: 2)
/// premium.perHead     // NT$458
/// premium.insured     // NT$1,374
/// premium.unit        // NT$1,428
/// premium.government  // NT$238
/// ```
public struct PremiumCalculator: Sendable {
    /// The tables and rates used.
    public let tables: GradeTables

    /// A calculator over `tables` (the bundled tables by default).
    public init(tables: GradeTables = .bundled) {
        self.tables = tables
    }

    /// `rate.range` unless `lower ≤ rate ≤ upper`.
    static func require(_ rate: Rate, within lower: Rate, _ upper: Rate, code: GradeError.Code, field: String) throws(GradeError) {
        guard rate >= lower, rate <= upper else { throw GradeError(code, field: field, input: rate.percentString) }
    }

    /// The fraction of a month insured: `days / 30`, for 1 ≤ days ≤ 30 (`days.range`).
    static func monthFraction(days: Int) throws(GradeError) -> Rate {
        guard (1...30).contains(days) else { throw GradeError(.daysRange, field: "days", input: String(days)) }
        return Rate(Int64(days), over: 30)
    }

    /// `insured.notAGrade` for `amount`, suggesting the grade a salary of that amount falls in.
    static func notAGrade(_ amount: Money, in table: GradeTable, field: String = "insuredAmount", partTime: Bool = false) -> GradeError {
        let suggestion = (try? table.lookup(salary: amount, partTime: partTime))?.insuredAmount
        return GradeError(.insuredAmountNotAGrade, field: field, input: amount.grouped,
                          detail: suggestion.map { ("\(table.kind.rawValue) \(table.effectiveFrom.iso)；建議 \($0.grouped)",
                                                    "\(table.kind.rawValue) \(table.effectiveFrom.iso); nearest grade \($0.grouped)") })
    }
}

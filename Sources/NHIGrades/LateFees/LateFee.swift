import NHICore

/// Who owes a premium, which sets the late-fee cap (NHI Act art. 35).
public enum LateFeePayer: String, Sendable, Hashable, Codable, CaseIterable {
    /// 投保單位: capped at 15 %.
    case unit
    /// 扣費義務人 (withholding agent of supplementary premiums): capped at 15 %.
    case withholdingAgent = "withholding-agent"
    /// An individual insured person paying their own premium: capped at 5 %.
    case individual

    /// `投保單位`, `扣費義務人`, `個人`.
    public var label: String {
        switch self {
        case .unit: "投保單位"
        case .withholdingAgent: "扣費義務人"
        case .individual: "個人"
        }
    }
}

/// The late fee (滯納金) on an unpaid premium, for an expected payment date.
///
/// A month's premium is due at the end of the following month. After a 15-day grace period,
/// 0.1 % of the unpaid amount is added for each day from the day after the grace period
/// until the day before payment, up to 15 % (units, withholding agents) or 5 %
/// (individuals): `fee = round_half_up(unpaid × 0.1 % × min(days, cap days))`.
///
/// Seed 001 shows the premium of 111/11 due on 111/12/31 with late fees from 112/01/17: the
/// grace period ends on 112/01/15, 112/01/16 is the first day counted, and a payment on
/// 112/01/17 is the first that owes one day's fee. ``feeStartDate`` is that date.
/// Holidays do not move the dates here.
public struct LateFee: Hashable, Sendable, Codable {
    /// The premium month, when computed for one.
    public let premiumMonth: ROCMonth?
    /// The unpaid premium.
    public let unpaid: Money
    /// Who owes it.
    public let payer: LateFeePayer
    /// 繳納期限: the due date.
    public let dueDate: CalendarDate
    /// The last day of grace (due date + 15 days).
    public let graceEnds: CalendarDate
    /// 滯納金起算日 as the NHI's unpaid-premium screen shows it: the first payment date that
    /// owes a fee (grace end + 2 days).
    public let feeStartDate: CalendarDate
    /// The expected payment date.
    public let paymentDate: CalendarDate
    /// Days counted: from the day after the grace period to the day before payment (0 if none).
    public let daysLate: Int
    /// Days charged after the cap.
    public let daysCharged: Int
    /// The daily rate (0.1 %).
    public let dailyRate: Rate
    /// The cap (15 % or 5 %).
    public let cap: Rate
    /// The fee.
    public let fee: Money

    /// Whether the cap limited the fee.
    public var capReached: Bool { daysCharged < daysLate }
    /// `unpaid + fee`.
    public var total: Money { unpaid + fee }
}

extension PremiumCalculator {
    /// The due date of a month's premium: the last day of the following month.
    public static func dueDate(of month: ROCMonth) -> CalendarDate { month.adding(months: 1).lastDay }

    /// The late fee on a month's unpaid premium if paid on `paymentDate`.
    public func lateFee(unpaid: Money, premiumMonth: ROCMonth, paymentDate: CalendarDate,
                        payer: LateFeePayer = .unit) throws(GradeError) -> LateFee {
        try lateFee(unpaid: unpaid, dueDate: Self.dueDate(of: premiumMonth), paymentDate: paymentDate, payer: payer, month: premiumMonth)
    }

    /// The late fee on an amount due on `dueDate` if paid on `paymentDate`.
    public func lateFee(unpaid: Money, dueDate: CalendarDate, paymentDate: CalendarDate,
                        payer: LateFeePayer = .unit) throws(GradeError) -> LateFee {
        try lateFee(unpaid: unpaid, dueDate: dueDate, paymentDate: paymentDate, payer: payer, month: nil)
    }

    private func lateFee(unpaid: Money, dueDate: CalendarDate, paymentDate: CalendarDate, payer: LateFeePayer,
                         month: ROCMonth?) throws(GradeError) -> LateFee {
        guard unpaid >= .zero else { throw GradeError(.amountNegative, field: "amount", input: unpaid.grouped) }
        let rules = try tables.rates.lateFeeRules.value(on: dueDate)
        let cap = payer == .individual ? rules.capIndividuals : rules.capUnits
        let graceEnds = dueDate.adding(days: rules.graceDays)
        let daysLate = max(0, graceEnds.days(until: paymentDate) - 1)
        // The cap in whole days of the daily rate: 15 % / 0.1 % = 150 days, 5 % → 50.
        let capRatio = Rate(cap.numerator * rules.dailyRate.denominator, over: cap.denominator * rules.dailyRate.numerator)
        let capDays = Int(capRatio.numerator / capRatio.denominator)
        let charged = min(daysLate, capDays)
        var fee = try (rules.dailyRate * Rate(Int64(charged), over: 1)).applied(to: unpaid)
        if daysLate > capDays { fee = try cap.applied(to: unpaid) }
        return LateFee(
            premiumMonth: month, unpaid: unpaid, payer: payer, dueDate: dueDate, graceEnds: graceEnds,
            feeStartDate: graceEnds.adding(days: 2), paymentDate: paymentDate, daysLate: daysLate, daysCharged: charged,
            dailyRate: rules.dailyRate, cap: cap, fee: fee)
    }
}

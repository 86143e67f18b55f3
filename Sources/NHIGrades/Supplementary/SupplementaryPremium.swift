import Foundation
import NHICore

/// The income codes (所得類別) on which a withholding unit deducts the supplementary premium.
public enum IncomeCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 62 全年累計超過投保金額4倍部分之獎金: bonuses above 4 × the insured amount in a calendar year.
    case bonus = "62"
    /// 63 非所屬投保單位給付之薪資所得: part-time pay from an employer that does not insure the person.
    case partTimePay = "63"
    /// 65 執行業務收入: professional fees.
    case professionalFees = "65"
    /// 66 股利所得: dividends.
    case dividends = "66"
    /// 67 利息所得: interest.
    case interest = "67"
    /// 68 租金收入: rent.
    case rent = "68"

    /// Parses `62`, `63`, `65`–`68`; `supplementary.incomeCode` otherwise.
    public init(parsing text: String) throws(GradeError) {
        guard let code = IncomeCode(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
            throw GradeError(.supplementaryIncomeCode, field: "incomeCode", input: text)
        }
        self = code
    }

    /// `獎金`, `兼職薪資所得`, …
    public var label: String {
        switch self {
        case .bonus: "獎金"
        case .partTimePay: "兼職薪資所得"
        case .professionalFees: "執行業務收入"
        case .dividends: "股利所得"
        case .interest: "利息所得"
        case .rent: "租金收入"
        }
    }

    /// `bonus`, `part-time pay`, …
    public var labelEn: String {
        switch self {
        case .bonus: "bonus"
        case .partTimePay: "part-time pay"
        case .professionalFees: "professional fees"
        case .dividends: "dividends"
        case .interest: "interest"
        case .rent: "rent"
        }
    }
}

/// Why a payment is exempt from the supplementary premium whatever its amount.
public enum SupplementaryExemption: String, Sendable, Hashable, Codable, CaseIterable {
    /// 低收入戶 (category 5 insured): exempt on every code.
    case lowIncomeHousehold = "low-income"
    /// 不具投保資格 / 非保險對象: the payee is not in the NHI (e.g. a non-resident foreigner).
    case notInsured = "not-insured"

    /// `低收入戶`, `非本保險保險對象`.
    public var label: String { self == .lowIncomeHousehold ? "低收入戶" : "非本保險保險對象" }
    /// `low-income household`, `not insured in the NHI`.
    public var labelEn: String { self == .lowIncomeHousehold ? "low-income household" : "not insured in the NHI" }
}

/// The supplementary premium withheld on one payment.
public struct SupplementaryPremium: Hashable, Sendable {
    /// The income code.
    public let code: IncomeCode
    /// The payment date (its calendar year groups bonuses; its rate applies).
    public let paidOn: CalendarDate
    /// The amount paid.
    public let payment: Money
    /// The part of the payment the premium is charged on (0 when below the threshold or exempt).
    public let base: Money
    /// `round_half_up(base × rate)`.
    public let premium: Money
    /// The supplementary rate in force (2.11 %).
    public let rate: Rate
    /// The threshold that applied: 4 × insured amount (62), the minimum wage (63), 20,000 (65–68).
    public let threshold: Money
    /// For bonuses: all bonuses of the calendar year up to and including this one.
    public let cumulativeBonuses: Money?
    /// The exemption that applied, if any.
    public let exemption: SupplementaryExemption?
    /// Whether the 10,000,000 per-payment cap cut the base.
    public let capped: Bool
}

/// One bonus payment for ``PremiumCalculator/bonusSupplementary(_:exemption:)``.
public struct BonusPayment: Hashable, Sendable {
    /// The payment date.
    public let paidOn: CalendarDate
    /// The bonus.
    public let amount: Money
    /// The insured amount of the payment month at the paying unit.
    public let insuredAmount: Money

    /// A bonus paid on `paidOn`.
    public init(paidOn: CalendarDate, amount: Money, insuredAmount: Money) {
        self.paidOn = paidOn
        self.amount = amount
        self.insuredAmount = insuredAmount
    }
}

/// A unit's own monthly supplementary premium (NHI Act art. 34): on the difference between
/// the salaries it paid in the month and its employees' insured amounts.
public struct UnitSupplementaryPremium: Hashable, Sendable {
    /// The month.
    public let month: ROCMonth
    /// Salaries paid in the month (薪資支出總額).
    public let salariesPaid: Money
    /// The sum of the employees' insured amounts (受僱者當月投保金額總額).
    public let insuredAmounts: Money
    /// `max(0, salariesPaid − insuredAmounts)`.
    public let base: Money
    /// The supplementary rate of the month.
    public let rate: Rate
    /// `round_half_up(base × rate)`.
    public let premium: Money
}

extension PremiumCalculator {
    /// The supplementary premium withheld on one payment.
    ///
    /// - 62 (bonus): charged on the part of this payment that takes the calendar year's
    ///   bonuses above `4 × insuredAmount` (no 20,000 threshold): `base = min(payment,
    ///   max(0, earlierBonusesThisYear + payment − 4 × insuredAmount))`.
    /// - 63 (part-time pay): the whole payment when it is at least the minimum wage in force.
    /// - 65, 66, 67, 68: the whole payment when it is at least 20,000.
    ///
    /// The part of one payment above 10,000,000 is exempt; an exemption makes the premium 0.
    /// Premium = `round_half_up(base × 2.11 %)` (the rate in force on `paidOn`).
    ///
    /// - Parameters:
    ///   - code: the income code (62 bonus, 63 part-time pay, 65 professional fees, …).
    ///   - payment: the amount paid, in NT$.
    ///   - paidOn: the day it was paid; the rules and rate in force then apply.
    ///   - insuredAmount: required for code 62 (`supplementary.insuredAmountMissing`).
    ///   - earlierBonusesThisYear: bonuses the same unit paid the person earlier in the calendar year.
    ///   - exemption: why the payment is exempt, if it is (the premium is then 0).
    public func supplementary(code: IncomeCode, payment: Money, paidOn: CalendarDate, insuredAmount: Money? = nil,
                              earlierBonusesThisYear: Money = .zero,
                              exemption: SupplementaryExemption? = nil) throws(GradeError) -> SupplementaryPremium {
        guard payment >= .zero else { throw GradeError(.amountNegative, field: "payment", input: payment.grouped) }
        guard earlierBonusesThisYear >= .zero else { throw GradeError(.amountNegative, field: "payment", input: earlierBonusesThisYear.grouped) }
        let rules = try tables.rates.supplementaryRules.value(on: paidOn)
        let rate = try tables.rates.supplementary.value(on: paidOn)
        var base: Money
        let threshold: Money
        var cumulative: Money?
        switch code {
        case .bonus:
            guard let insuredAmount else {
                throw GradeError(.supplementaryInsuredAmountMissing, field: "insuredAmount")
            }
            guard insuredAmount >= .zero else { throw GradeError(.amountNegative, field: "insuredAmount", input: insuredAmount.grouped) }
            threshold = insuredAmount * Int(rules.bonusMultiple)
            let total = earlierBonusesThisYear + payment
            cumulative = total
            base = min(payment, max(.zero, total - threshold))
        case .partTimePay:
            threshold = try tables.rates.minimumWage.value(on: paidOn).monthly
            base = payment >= threshold ? payment : .zero
        case .professionalFees, .dividends, .interest, .rent:
            threshold = rules.singlePaymentThreshold
            base = payment >= threshold ? payment : .zero
        }
        let capped = base > rules.perPaymentCap
        if capped { base = rules.perPaymentCap }
        if exemption != nil { base = .zero }
        return SupplementaryPremium(
            code: code, paidOn: paidOn, payment: payment, base: base, premium: try rate.applied(to: base), rate: rate,
            threshold: threshold, cumulativeBonuses: cumulative, exemption: exemption, capped: capped && exemption == nil)
    }

    /// The premiums of a series of bonuses (code 62) paid to one person by one unit: each
    /// payment is charged on the part that takes the calendar year's running total above
    /// 4 × the insured amount of its month. Payments are taken in date order (the input
    /// order breaks ties); the running total restarts each calendar year.
    public func bonusSupplementary(_ payments: [BonusPayment],
                                   exemption: SupplementaryExemption? = nil) throws(GradeError) -> [SupplementaryPremium] {
        let ordered = payments.enumerated().sorted { ($0.element.paidOn, $0.offset) < ($1.element.paidOn, $1.offset) }
        var results = [SupplementaryPremium?](repeating: nil, count: payments.count)
        var year = Int.min
        var earlier = Money.zero
        for (offset, payment) in ordered {
            if payment.paidOn.year != year {
                year = payment.paidOn.year
                earlier = .zero
            }
            results[offset] = try supplementary(code: .bonus, payment: payment.amount, paidOn: payment.paidOn,
                                                insuredAmount: payment.insuredAmount, earlierBonusesThisYear: earlier,
                                                exemption: exemption)
            earlier = earlier + payment.amount
        }
        return results.map { $0! }
    }

    /// A unit's own supplementary premium for a month: `round_half_up(max(0, salaries paid −
    /// Σ insured amounts) × rate)`.
    public func unitSupplementary(month: ROCMonth, salariesPaid: Money, insuredAmounts: Money) throws(GradeError) -> UnitSupplementaryPremium {
        guard salariesPaid >= .zero else { throw GradeError(.amountNegative, field: "amount", input: salariesPaid.grouped) }
        guard insuredAmounts >= .zero else { throw GradeError(.amountNegative, field: "insuredAmount", input: insuredAmounts.grouped) }
        let rate = try tables.rates.supplementary.value(on: month.firstDay)
        let base = max(.zero, salariesPaid - insuredAmounts)
        return UnitSupplementaryPremium(month: month, salariesPaid: salariesPaid, insuredAmounts: insuredAmounts, base: base,
                                        rate: rate, premium: try rate.applied(to: base))
    }
}

import NHICore
import Testing
@testable import NHIGrades

@Suite("Supplementary premium")
struct SupplementaryTests {
    @Test("SPEC §10 code 62: insured 31,800, bonuses 150,000 → excess over 127,200 is 22,800 → 481")
    func specBonus() throws {
        let v = Spec10.shared.supplementaryBonus
        // One payment of 150,000, or earlier 100,000 then this 50,000: same excess.
        for (earlier, payment) in [(Int64(0), v.cumulative), (100_000, v.cumulative - 100_000)] {
            let result = try calculator.supplementary(code: .bonus, payment: m(payment), paidOn: d(v.paidOn),
                                                      insuredAmount: m(v.insuredAmount), earlierBonusesThisYear: m(earlier))
            #expect(result.threshold == m(v.threshold))
            #expect(result.cumulativeBonuses == m(v.cumulative))
            #expect(result.base == m(v.base))
            #expect(result.premium == m(v.premium))
            #expect(result.rate.percentString == "2.11%")
        }
    }

    @Test("Cumulative bonuses across payments: only the excess of each payment; the total restarts each year")
    func bonusSeries() throws {
        let payments = [
            BonusPayment(paidOn: d("2026-02-10"), amount: m(100_000), insuredAmount: m(31_800)),
            BonusPayment(paidOn: d("2026-06-30"), amount: m(50_000), insuredAmount: m(31_800)),
            BonusPayment(paidOn: d("2026-12-20"), amount: m(40_000), insuredAmount: m(33_300)),
            BonusPayment(paidOn: d("2027-01-20"), amount: m(40_000), insuredAmount: m(33_300)),
        ]
        let results = try calculator.bonusSupplementary(payments)
        // 100,000 < 127,200; 150,000 − 127,200 = 22,800; 190,000 − 133,200 = 56,800 > 40,000, so
        // all of the third payment; a new year starts from zero.
        #expect(results.map(\.base) == [0, 22_800, 40_000, 0].map(m))
        #expect(results[2].threshold == m(133_200))
        #expect(results[2].premium == m(844))   // 40,000 × 2.11%
        #expect(results[3].cumulativeBonuses == m(40_000))
        // Input order is kept even when dates are not sorted.
        let reversed = try calculator.bonusSupplementary(payments.reversed())
        #expect(reversed.map(\.premium) == results.reversed().map(\.premium))
    }

    @Test("Code 63: from the minimum wage in force; codes 65–68: from 20,000")
    func thresholds() throws {
        let on = d("2026-04-01")
        #expect(try calculator.supplementary(code: .partTimePay, payment: m(29_499), paidOn: on).premium == .zero)
        let partTime = try calculator.supplementary(code: .partTimePay, payment: m(29_500), paidOn: on)
        #expect(partTime.premium == m(622) && partTime.threshold == m(29_500))   // 622.45
        #expect(try calculator.supplementary(code: .partTimePay, payment: m(28_600), paidOn: d("2025-04-01")).base == m(28_600))
        for code in [IncomeCode.professionalFees, .dividends, .interest, .rent] {
            #expect(try calculator.supplementary(code: code, payment: m(19_999), paidOn: on).premium == .zero)
            let result = try calculator.supplementary(code: code, payment: m(20_000), paidOn: on)
            #expect(result.base == m(20_000) && result.premium == m(422))
        }
    }

    @Test("The part of one payment above 10,000,000 is exempt")
    func cap() throws {
        let result = try calculator.supplementary(code: .dividends, payment: m(12_000_000), paidOn: d("2026-07-01"))
        #expect(result.base == m(10_000_000) && result.capped && result.premium == m(211_000))
        let bonus = try calculator.supplementary(code: .bonus, payment: m(20_000_000), paidOn: d("2026-07-01"), insuredAmount: m(313_000))
        #expect(bonus.base == m(10_000_000) && bonus.capped)
    }

    @Test("Exemptions, missing insured amount, negative amounts, rates by date")
    func edges() throws {
        let exempt = try calculator.supplementary(code: .rent, payment: m(50_000), paidOn: d("2026-01-01"), exemption: .lowIncomeHousehold)
        #expect(exempt.premium == .zero && exempt.exemption == .lowIncomeHousehold && !exempt.capped)
        #expect(throws: GradeError(.supplementaryInsuredAmountMissing)) {
            try calculator.supplementary(code: .bonus, payment: m(50_000), paidOn: d("2026-01-01"))
        }
        #expect(throws: GradeError(.amountNegative)) { try calculator.supplementary(code: .rent, payment: m(-1), paidOn: d("2026-01-01")) }
        #expect(try calculator.supplementary(code: .rent, payment: m(20_000), paidOn: d("2020-12-31")).rate.percentString == "1.91%")
        #expect(throws: GradeError(.rateNotInForce)) { try calculator.supplementary(code: .rent, payment: m(20_000), paidOn: d("2015-12-31")) }
        #expect(try IncomeCode(parsing: " 66 ") == .dividends)
        #expect(throws: GradeError(.supplementaryIncomeCode)) { try IncomeCode(parsing: "64") }
    }

    @Test("The unit's monthly premium: (salaries − insured amounts) × 2.11 %, never negative")
    func unit() throws {
        let month = try ROCMonth(parsing: "11501")
        let result = try calculator.unitSupplementary(month: month, salariesPaid: m(1_000_000), insuredAmounts: m(850_000))
        #expect(result.base == m(150_000) && result.premium == m(3_165))
        #expect(try calculator.unitSupplementary(month: month, salariesPaid: m(800_000), insuredAmounts: m(850_000)).premium == .zero)
    }
}

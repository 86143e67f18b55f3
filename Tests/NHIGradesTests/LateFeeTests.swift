import NHICore
import Testing
@testable import NHIGrades

@Suite("Late fee")
struct LateFeeTests {
    @Test("Seed 001: premium 111/11 is due 111/12/31, late fee from 112/01/17; paid 111/12/28 → no fee")
    func seed() throws {
        let v = Spec10.shared.seedUnpaidPremium
        let fee = try calculator.lateFee(unpaid: m(v.amount), premiumMonth: try ROCMonth(parsing: v.month), paymentDate: d(v.paymentDate))
        #expect(fee.dueDate == d(v.due))
        #expect(fee.feeStartDate == d(v.feeStart))
        #expect(fee.graceEnds == d("2023-01-15"))
        #expect(fee.fee == m(v.fee) && fee.daysLate == 0)
        #expect(fee.total == m(v.amount))
    }

    @Test("0.1 % a day from the day after the grace period until the day before payment")
    func days() throws {
        let month = try ROCMonth(parsing: "11111")
        let unpaid = m(15_652_495)
        #expect(try calculator.lateFee(unpaid: unpaid, premiumMonth: month, paymentDate: d("2023-01-15")).fee == .zero)
        #expect(try calculator.lateFee(unpaid: unpaid, premiumMonth: month, paymentDate: d("2023-01-16")).fee == .zero)
        let oneDay = try calculator.lateFee(unpaid: unpaid, premiumMonth: month, paymentDate: d("2023-01-17"))
        #expect(oneDay.daysLate == 1 && oneDay.fee == m(15_652))   // 15,652.495
        let tenDays = try calculator.lateFee(unpaid: m(100_000), premiumMonth: month, paymentDate: d("2023-01-26"))
        #expect(tenDays.daysLate == 10 && tenDays.fee == m(1_000))
    }

    @Test("Capped at 15 % for units and withholding agents, 5 % for individuals")
    func caps() throws {
        let month = try ROCMonth(parsing: "11111")
        let unit = try calculator.lateFee(unpaid: m(15_652_495), premiumMonth: month, paymentDate: d("2023-12-31"))
        #expect(unit.capReached && unit.daysCharged == 150 && unit.fee == m(2_347_874))   // 2,347,874.25
        let agent = try calculator.lateFee(unpaid: m(10_000), premiumMonth: month, paymentDate: d("2023-12-31"), payer: .withholdingAgent)
        #expect(agent.fee == m(1_500))
        let individual = try calculator.lateFee(unpaid: m(10_000), premiumMonth: month, paymentDate: d("2023-12-31"), payer: .individual)
        #expect(individual.fee == m(500) && individual.daysCharged == 50 && individual.cap.percentString == "5%")
        let exactlyAtCap = try calculator.lateFee(unpaid: m(10_000), premiumMonth: month, paymentDate: d("2023-01-15").adding(days: 151))
        #expect(exactlyAtCap.daysLate == 150 && !exactlyAtCap.capReached && exactlyAtCap.fee == m(1_500))
    }

    @Test("Due date: the end of the following month, including February and year ends")
    func dueDates() throws {
        #expect(PremiumCalculator.dueDate(of: try ROCMonth(parsing: "11501")) == d("2026-02-28"))
        #expect(PremiumCalculator.dueDate(of: try ROCMonth(parsing: "11212")) == d("2024-01-31"))
        #expect(PremiumCalculator.dueDate(of: try ROCMonth(parsing: "11301")) == d("2024-02-29"))
        let byDue = try calculator.lateFee(unpaid: m(1_000), dueDate: d("2026-02-28"), paymentDate: d("2026-03-20"))
        #expect(byDue.premiumMonth == nil && byDue.daysLate == 4 && byDue.fee == m(4))
        #expect(throws: GradeError(.amountNegative)) { try calculator.lateFee(unpaid: m(-5), dueDate: d("2026-02-28"), paymentDate: d("2026-03-20")) }
    }
}

import Foundation
import NHICore
import NHIGrades
import NHIService
import NHITestSupport
import Testing

@Suite("Bulk salary adjustment, premium detail, bills, late fees, certificates")
struct PremiumsTests {
    @Test("Bulk adjustment: everyone below the new first grade moves up; employers are excluded; one batch", arguments: TestStoreKind.available)
    func bulk(_ store: TestStoreKind) throws {
        // December 2025: the 2026 table (first grade 29,500) comes in on January 1.
        let x = try FilingFixture(today: "2025-12-10")
        let start = try CalendarDate(iso: "2025-06-01")
        let staff = (100..<103).map { FilingFixture.person($0) }
        for id in staff { _ = try x.enrol(id, amount: 28_590, effective: start) }
        _ = try x.enrol(FilingFixture.person(103), amount: 313_000, category: .employer, effective: start)
        _ = try x.enrol(FilingFixture.person(104), amount: 36_300, effective: start)
        try x.convert()
        x.nextMorning()
        let proposal = try x.service.filings.proposeBulkAdjustment(unit: x.unit, by: x.admin)
        #expect(Set(proposal.changes.map(\.person.id)) == Set(staff))
        #expect(proposal.changes.allSatisfy { $0.oldAmount == 28_590 && $0.newAmount == 29_500 && $0.reason == .belowMinimum })
        #expect(proposal.excluded.map(\.person.id) == [FilingFixture.person(103)])
        #expect(proposal.unchangedCount == 1)
        let overridden = try proposal.overriding(staff[0], with: 40_100)
        let filed = try x.service.filings.fileBulkAdjustment(overridden.changes, by: x.op1)
        #expect(filed.count == 3 && Set(filed.compactMap(\.batchID)).count == 1)
        #expect(filed.first { $0.personID == staff[0] }?.adjustedAmount == 40_100)
        #expect(filed.allSatisfy { $0.effectiveDate.iso == "2026-01-01" })
        #expect(throws: ServiceError(.filingDuplicatePending)) { try x.service.filings.fileBulkAdjustment(overridden.changes, by: x.op1) }
        // The seed's form: choose old and new grade.
        let byGrade = try x.service.filings.proposeBulkAdjustment(unit: x.unit, from: 36_300, to: 38_200, by: x.admin)
        #expect(byGrade.map(\.person.id) == [FilingFixture.person(104)])
        #expect(throws: ServiceError(.filingInsuredAmount)) {
            try x.service.filings.proposeBulkAdjustment(unit: x.unit, from: 36_300, to: 38_000, by: x.admin)
        }
    }

    @Test("Premium detail reproduces the official 2026 row and the month-end rule", arguments: TestStoreKind.available)
    func detail(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let start = try CalendarDate(iso: "2026-01-01")
        let employee = FilingFixture.person(200)
        _ = try x.enrol(employee, amount: 29_500, effective: start)
        let leaver = FilingFixture.person(201)
        _ = try x.enrol(leaver, amount: 29_500, effective: start)
        try x.convert()
        x.nextMorning()
        for n in 0..<4 {
            _ = try x.enrol(FilingFixture.person(210 + n, sex: .female), role: .dependant(of: employee, relation: .child), effective: start)
        }
        _ = try x.service.filings.withdraw(WithdrawalRequest(personID: leaver, reason: .leftJob,
                                                             transferOutDate: try CalendarDate(iso: "2026-11-15")), by: x.op1)
        try x.convert()
        let detail = try x.service.premiums.detail(unit: x.unit, month: try ROCMonth(parsing: "11511"), by: x.admin)
        #expect(detail.lines.map(\.personID) == [employee], "the leaver is not covered on the month's last day")
        let line = try #require(detail.lines.first)
        #expect(line.dependants == 4)
        #expect(line.insuredShare == 1_832, "458 × (1 + 3): at most three dependants are charged")
        #expect(line.unitShare == 1_428 && line.governmentShare == 238)
        #expect(detail.amountDue == 3_260)
        let october = try x.service.premiums.detail(unit: x.unit, month: try ROCMonth(parsing: "11510"), by: x.admin)
        #expect(october.lines.count == 2)
    }

    @Test("Bills, unpaid premiums with late-fee estimate, slips 3 times a day, payment certificate", arguments: TestStoreKind.available)
    func bills(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        // Enrolled from October: the October bill has no earlier months to catch up.
        _ = try x.enrol(FilingFixture.person(300), amount: 29_500, effective: try CalendarDate(iso: "2026-10-01"))
        try x.convert()
        let october = try ROCMonth(parsing: "11510")
        let issued = try x.service.premiums.issueBills(month: october)
        #expect(issued.count == 1 && issued[0].amount == 458 + 1_428 && issued[0].dueDate.iso == "2026-11-30")
        #expect(try x.service.premiums.issueBills(month: october).isEmpty, "issuing twice creates nothing")
        x.f.clock.set(try CalendarDate(iso: "2026-12-20"), hour: 10)
        let estimate = try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: try CalendarDate(iso: "2027-01-10"), by: x.admin)
        let unpaid = try #require(estimate.first)
        #expect(unpaid.unpaid == 1_886)
        let expected = try PremiumCalculator().lateFee(unpaid: 1_886, premiumMonth: october, paymentDate: try CalendarDate(iso: "2027-01-10"))
        #expect(unpaid.lateFee.fee == expected.fee && unpaid.lateFee.fee > .zero)
        #expect(unpaid.lateFeeStart == expected.feeStartDate)
        #expect(throws: ServiceError(.paymentDateTooSoon)) {
            try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: try CalendarDate(iso: "2026-12-23"), mailed: true, by: x.admin)
        }
        for _ in 0..<3 { _ = try x.service.premiums.downloadSlip(bill: unpaid.bill.id, by: x.op1) }
        #expect(throws: ServiceError(.slipDownloadLimit)) { try x.service.premiums.downloadSlip(bill: unpaid.bill.id, by: x.op1) }
        x.f.clock.advance(by: 86_400)
        _ = try x.service.premiums.downloadSlip(bill: unpaid.bill.id, by: x.op1)
        #expect(throws: ServiceError(.paymentAmount)) {
            try x.service.premiums.recordPayment(bill: unpaid.bill.id, amount: 5_000, paidOn: try CalendarDate(iso: "2026-12-21"))
        }
        // Paid within the 15-day grace period: no late fee is left owing.
        try x.service.premiums.recordPayment(bill: unpaid.bill.id, amount: 1_886, paidOn: try CalendarDate(iso: "2026-12-15"))
        #expect(try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: try CalendarDate(iso: "2027-01-10"), by: x.admin).isEmpty)
        let certificate = try x.service.premiums.certificate(
            payerKey: x.unit.rawValue, categories: [.general], months: try ROCMonth(parsing: "11501")...october,
            period: try CalendarDate(iso: "2026-12-01")...(try CalendarDate(iso: "2026-12-31")), by: x.admin)
        #expect(certificate.total == 1_886 && certificate.payerName == "數美科技股份有限公司")
        #expect(throws: ServiceError(.notAuthorised)) {
            try x.service.premiums.bills(payerKey: "120000000", by: x.admin)
        }
    }
}

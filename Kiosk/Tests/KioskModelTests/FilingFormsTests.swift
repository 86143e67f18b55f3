import Foundation
@testable import KioskModel
import NHICore
import NHIGrades
import NHIService
import NHITestSupport
import Testing

@Suite("Withdrawal, salary adjustment and bulk adjustment on the sample unit")
@MainActor
struct FilingFormsTests {
    nonisolated static let december1 = try! CalendarDate(iso: "2026-12-01")
    nonisolated static let november27 = try! CalendarDate(iso: "2026-11-27")

    func signedIn(_ screen: Screen) async throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(screen))
        return fixture
    }

    // MARK: Withdrawal

    @Test("withdrawal: the roster offers the person, their dependants leave with them, the rules give the effective date")
    func withdrawal() async throws {
        let fixture = try await signedIn(.withdraw)
        let form = fixture.shell.withdrawal
        #expect(await eventually { form.roster.lines.count == 11 })
        let employee = try #require(form.roster.lines.first { $0.personID == DemoData.employee.id })
        form.choose(employee)
        #expect(form.person?.name == "王小明")
        #expect(Set(form.dependantsLeaving.map(\.name)) == ["李美玲", "王小華"])
        form.transferOutText = "1151127"
        #expect(form.effectiveDate == Self.november27)
        form.chargedHere = true
        #expect(form.effectiveDate == Self.december1, "charged here: the 1st of next month")
        #expect(!form.needsProof)
        await form.submit()
        let filing = try #require(form.status.result)
        #expect(filing.kind == .withdraw && filing.effectiveDate == Self.december1)
        #expect(filing.reason == WithdrawalReason.leftJob.label)
    }

    @Test("withdrawal more than 6 months back needs proof; someone not insured here is refused under the ID")
    func withdrawalRules() async throws {
        let fixture = try await signedIn(.withdraw)
        let form = fixture.shell.withdrawal
        form.idText = DemoData.employee.id.rawValue
        form.transferOutText = "1150401"
        #expect(form.needsProof)
        await form.submit()
        #expect(form.status.error?.code == ServiceError.Code.filingProofRequired.rawValue
                || form.status.error?.code == ServiceError.Code.filingNotInsuredHere.rawValue)
        form.transferOutText = "1151120"
        form.idText = DemoData.uninsured.id.rawValue
        #expect(form.person == nil)
        await form.submit()
        #expect(form.error(.id)?.code == ServiceError.Code.filingNotInsuredHere.rawValue)
    }

    // MARK: Salary adjustment

    @Test("salary adjustment: current amount and premium, new grade from the salary, effective the 1st of next month")
    func adjustment() async throws {
        let fixture = try await signedIn(.salaryAdjustment)
        let form = fixture.shell.salaryAdjustment
        #expect(await eventually { !form.roster.lines.isEmpty })
        #expect(!form.choices.contains { $0.isDependant }, "dependants follow their insured person")
        form.idText = DemoData.employee.id.rawValue
        #expect(form.person?.insuredAmount == 36_300)
        #expect(form.effectiveDate == Self.december1)
        form.salaryText = "39000"
        #expect(form.amountText == "40,100")
        let preview = try #require(form.preview)
        #expect(preview.isAccepted)
        // Two dependants: the insured pays three heads.
        let expected = try PremiumCalculator(tables: fixture.service.tables).nhi(insuredAmount: 40_100, on: form.effectiveDate,
                                                                              dependants: 2)
        #expect(preview.premium == expected)
        #expect(form.currentPremium?.insured == (try PremiumCalculator(tables: fixture.service.tables)
            .nhi(insuredAmount: 36_300, on: form.effectiveDate, dependants: 2).insured))
        await form.submit()
        let filing = try #require(form.status.result)
        #expect(filing.kind == .salaryAdjustment && filing.adjustedAmount == 40_100 && filing.insuredAmount == 36_300)
        #expect(filing.effectiveDate == Self.december1)
    }

    @Test("salary adjustment: the same amount and a non-grade are refused, under the amount")
    func adjustmentRefusals() async throws {
        let fixture = try await signedIn(.salaryAdjustment)
        let form = fixture.shell.salaryAdjustment
        form.idText = DemoData.employee.id.rawValue
        form.amountText = "36300"
        await form.submit()
        #expect(form.error(.newAmount)?.code == ServiceError.Code.filingAmountUnchanged.rawValue)
        form.amountText = "37000"
        #expect(form.preview?.isRejected == true)
        await form.submit()
        #expect(form.error(.newAmount)?.code == ServiceError.Code.filingInsuredAmount.rawValue)
    }

    @Test("an employer lowering their own amount is asked for documents")
    func employerLowering() async throws {
        let fixture = try await signedIn(.salaryAdjustment)
        let form = fixture.shell.salaryAdjustment
        #expect(await eventually { !form.roster.lines.isEmpty })
        form.idText = DemoData.administrator.id.rawValue
        #expect(form.person?.category == .employer)
        form.amountText = "150,000"
        #expect(form.needsDocuments)
        await form.submit()
        #expect(form.status.error?.code == ServiceError.Code.filingProofRequired.rawValue)
    }

    // MARK: Bulk adjustment

    @Test("bulk: the newest table's proposal lists the off-grade employee; the employer is left out")
    func bulkProposal() async throws {
        let fixture = try await signedIn(.bulkSalaryAdjustment)
        let form = fixture.shell.bulkAdjustment
        #expect(await eventually { form.listStatus.result != nil })
        #expect(form.rows.map(\.change.person.name.value) == ["吳俊傑"])
        let row = form.rows[0]
        #expect(row.selected)
        #expect(row.change.oldAmount == 28_590 && row.change.newAmount == 29_500)
        #expect(form.excluded.count == 1 && form.unchangedCount == 6)
        form.setOverride(row.id, "30,000")
        #expect(form.overrideError(form.rows[0])?.code == "insuredAmount.notAGrade")
        await form.file()
        #expect(form.status == .idle, "nothing is filed while an amount is wrong")
        form.setOverride(row.id, "31,800")
        #expect(form.overrideError(form.rows[0]) == nil)
        await form.file()
        let filings = try #require(form.status.result)
        #expect(filings.map(\.adjustedAmount) == [31_800])
        #expect(filings[0].batchID != nil && filings[0].effectiveDate == Self.december1)
        #expect(form.rows.isEmpty, "filed rows leave the list")
    }

    @Test("bulk by grade: everyone at the old grade, ticked; unticked rows are not filed; none ticked is refused")
    func bulkByGrade() async throws {
        let fixture = try await signedIn(.bulkSalaryAdjustment)
        let form = fixture.shell.bulkAdjustment
        form.mode = .byGrade
        form.fromText = "36,300"
        await form.loadList()
        #expect(form.listStatus == .idle, "the new grade is required")
        #expect(form.error(.toAmount)?.code == KioskError.Code.fieldRequired.rawValue)
        form.toText = "38200"
        await form.loadList()
        #expect(form.rows.map(\.change.person.name.value) == ["王小明"])
        form.selectAll(false)
        await form.file()
        #expect(form.status.error?.code == KioskError.Code.nothingSelected.rawValue)
        form.setSelected(form.rows[0].id, true)
        #expect(form.selectedCount == 1)
        await form.file()
        #expect(form.status.result?.first?.adjustedAmount == 38_200)
    }

    @Test("bulk: idling with a list on screen wipes it")
    func bulkIdle() async throws {
        let fixture = try await signedIn(.bulkSalaryAdjustment)
        let form = fixture.shell.bulkAdjustment
        #expect(await eventually { !form.rows.isEmpty })
        fixture.idleOut()
        #expect(form.rows.isEmpty && form.listStatus == .idle)
    }

    @Test("withdrawal and salary adjustment: idling at each step wipes the form and the roster",
          arguments: [Screen.withdraw, .salaryAdjustment])
    func idle(screen: Screen) async throws {
        let fixture = try await signedIn(screen)
        if screen == .withdraw {
            let form = fixture.shell.withdrawal
            #expect(await eventually { !form.roster.lines.isEmpty })
            form.idText = DemoData.employee.id.rawValue
            await form.submit()
            fixture.idleOut()
            #expect(form.idText.isEmpty && form.roster.lines.isEmpty && form.status == .idle)
        } else {
            let form = fixture.shell.salaryAdjustment
            #expect(await eventually { !form.roster.lines.isEmpty })
            form.idText = DemoData.employee.id.rawValue
            form.amountText = "40100"
            fixture.idleOut()
            #expect(form.idText.isEmpty && form.amountText.isEmpty && form.roster.lines.isEmpty)
        }
        #expect(fixture.shell.screen == .locked)
    }
}

@Suite("Unpaid premiums with the late-fee estimate")
@MainActor
struct UnpaidPremiumsTests {
    @Test("opening the screen estimates for today: the unpaid month, its due date and late fee, the totals")
    func estimate() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.unpaidPremiums))
        let model = fixture.shell.unpaidPremiums
        #expect(model.expectedDateText == "1151123")
        #expect(await eventually { model.status.result != nil })
        let bill = try #require(model.bills.first)
        #expect(model.bills.count == 1 && bill.premiumMonth == fixture.sample.unpaidMonth)
        // Due at the end of the next month; 15 days' grace; 0.1 % a day after that.
        #expect(bill.bill.dueDate == fixture.sample.unpaidMonth.adding(months: 1).lastDay)
        let late = try PremiumCalculator(tables: fixture.service.tables)
            .lateFee(unpaid: bill.unpaid, dueDate: bill.bill.dueDate, paymentDate: ServiceFixture.today, payer: .unit)
        #expect(bill.lateFee.fee == late.fee && late.fee > .zero)
        #expect(model.total == bill.unpaid + bill.lateFee.fee)
        model.expectedDateText = "1151231"
        await model.calculate()
        #expect(model.lateFeeTotal > late.fee, "a later payment date estimates a larger fee")
    }

    @Test("a mailed slip needs a date 4 working days ahead: the service's refusal is shown under the date")
    func mailed() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        let model = fixture.shell.unpaidPremiums
        model.expectedDateText = "1151124"
        model.mailed = true
        await model.calculate()
        #expect(model.expectedDateError?.code == ServiceError.Code.paymentDateTooSoon.rawValue)
        model.expectedDateText = "1151201"
        await model.calculate()
        #expect(model.status.result?.count == 1)
    }

    @Test("idling wipes the estimate")
    func idle() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        fixture.shell.open(.unpaidPremiums)
        let model = fixture.shell.unpaidPremiums
        #expect(await eventually { model.status.result != nil })
        fixture.idleOut()
        #expect(model.bills.isEmpty && model.expectedDateText.isEmpty)
    }
}

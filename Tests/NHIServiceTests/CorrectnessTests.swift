import Foundation
import NHICore
import NHIFormats
import NHIService
import NHITestSupport
import Testing

/// Correctness as employers meet it: each test is named after the item of the issue it
/// covers and failed on the code before the fix.
@Suite("Correctness: dated coverage, billing that never blocks, late fees kept, unit boundaries")
struct CorrectnessTests {
    static func month(_ text: String) -> ROCMonth { try! ROCMonth(parsing: text) }
    static func day(_ text: String) -> CalendarDate { try! CalendarDate(iso: text) }

    // MARK: 1. A retroactive enrolment stops billing for every unit

    @Test("1. A retroactive enrolment on a 2024 grade is re-graded when the 2025 and 2026 tables come in; billing goes on", arguments: TestStoreKind.available)
    func retroactiveEnrolmentIsRegraded(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let late = FilingFixture.person(300)
        let other = FilingFixture.person(301)
        _ = try x.enrol(late, amount: 28_800, effective: Self.day("2024-03-01"))
        _ = try x.enrol(other, amount: 36_300, effective: Self.day("2026-01-01"))
        try x.convert()
        let periods = try x.coverage(late).sorted { $0.startDate < $1.startDate }
        #expect(periods.first?.insuredAmount == 28_800, "the months of 2024 keep the amount filed")
        let now = try #require(periods.last)
        #expect(now.startDate.iso == "2026-01-01" && now.insuredAmount == 29_500, "re-graded on the 2026 table (重載金額)")
        #expect(periods.allSatisfy { $0.enrolledOn.iso == "2024-03-01" }, "one enrolment: 加保日 stays 2024-03-01")
        // The roster shows the enrolment date, not the start of the re-graded period.
        let roster = try x.service.roster.inForce(unit: x.unit, on: Self.day("2026-11-23"), by: x.admin)
        #expect(roster.first { $0.personID == late }?.startDate.iso == "2024-03-01")

        x.nextMorning()
        let detail = try x.service.premiums.detail(unit: x.unit, month: Self.month("11511"), by: x.admin)
        #expect(detail.unbillable.isEmpty)
        #expect(detail.lines.first { $0.personID == late }?.insuredShare == 458, "29,500 → 458 (official 2026 row)")
        let bills = try x.service.premiums.issueBills(month: Self.month("11511"))
        #expect(bills.count == 1)
        let lines = try x.f.database.store.read { try $0.billLines(bill: bills[0].id) }
        #expect(lines.first?.kind == .premium && lines.first?.month == Self.month("11511"))
        // The months before the first bill were never billed: each is an adjustment line.
        let march2024 = try #require(lines.first { $0.month == Self.month("11303") })
        #expect(march2024.kind == .adjustment && march2024.amount > .zero)
        #expect(bills[0].amount == lines.reduce(.zero) { $0 + $1.amount })
    }

    @Test("1. A person whose amount cannot be billed is reported with the reason; the bill is still issued", arguments: TestStoreKind.available)
    func unbillablePersonIsReported(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let old = FilingFixture.person(310)
        // Coverage from before the first bundled table (2022): no table prices December 2021.
        try x.f.database.store.write { w in
            try w.upsert(Person(id: old, name: try PersonName("舊員工"), birthDate: Self.day("1970-01-01")))
            _ = try w.insert(Coverage(id: 0, unitCode: x.unit, personID: old, principalID: nil, relation: nil, category: .employee,
                                      insuredAmount: 36_300, startDate: Self.day("2021-06-01"), endDate: nil, status: .active,
                                      foreignNational: false))
        }
        let detail = try x.service.premiums.detail(unit: x.unit, month: Self.month("11012"), by: x.admin)
        let reported = try #require(detail.unbillable.first)
        #expect(reported.personID == old && reported.code == "table.notInForce" && !reported.message.isEmpty && !reported.messageEn.isEmpty)
        #expect(try x.service.premiums.issueBills(month: Self.month("11012")).count == 1, "the bill is issued, not stopped")
        let now = try x.service.premiums.detail(unit: x.unit, month: Self.month("11511"), by: x.admin)
        #expect(now.unbillable.isEmpty && now.lines.first?.insuredShare == 563, "36,300 × 5.17 % × 30 %")
    }

    // MARK: 2. A dated status change rewrites history

    @Test("2. Parental leave from 2027-01-20 leaves December 2026 as it was; the roster on 2026-12-08 shows the person active", arguments: TestStoreKind.available)
    func datedStatusChangeKeepsHistory(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let parent = FilingFixture.person(320, sex: .female)
        _ = try x.enrol(parent, amount: 45_800, effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        let before = try x.service.premiums.detail(unit: x.unit, month: Self.month("11512"), by: x.admin).amountDue
        #expect(before > .zero)
        _ = try x.service.filings.changeStatus(StatusChangeRequest(kind: .parentalLeave, personID: parent,
                                                                   date: Self.day("2027-01-20"), reason: "育嬰"), by: x.op1)
        // A salary adjustment filed the same day (effective 2026-12-01) must not end the leave.
        _ = try x.service.filings.adjustSalary(SalaryAdjustmentRequest(personID: parent, newAmount: 48_200), by: x.op1)
        #expect(try x.convert().accepted == 2)
        let roster = try x.service.roster.inForce(unit: x.unit, on: Self.day("2026-12-08"), by: x.admin)
        #expect(roster.first?.status == .active && roster.first?.insuredAmount == 48_200)
        let december = try x.service.premiums.detail(unit: x.unit, month: Self.month("11512"), by: x.admin)
        #expect(december.lines.first?.note == nil && december.amountDue > before, "December: active, on the new amount")
        let january = try x.service.premiums.detail(unit: x.unit, month: Self.month("11601"), by: x.admin)
        #expect(january.lines.first?.note == "育嬰留職停薪" && january.amountDue == .zero)
        #expect(january.lines.first?.insuredAmount == 48_200, "the leave keeps the adjusted amount")
        let onLeave = try x.service.insurance.status(of: parent, on: Self.day("2027-02-01"), by: x.admin)
        #expect(onLeave.coverage.first?.status == .parentalLeave && onLeave.coverage.first?.startDate.iso == "2026-01-01")

        // Resuming on 2027-03-01 keeps the leave in January and February.
        x.nextMorning()
        _ = try x.service.filings.changeStatus(StatusChangeRequest(kind: .resume, personID: parent, date: Self.day("2027-03-01"),
                                                                   reason: "復職"), by: x.op1)
        try x.convert()
        #expect(try x.service.premiums.detail(unit: x.unit, month: Self.month("11602"), by: x.admin).amountDue == .zero)
        #expect(try x.service.premiums.detail(unit: x.unit, month: Self.month("11603"), by: x.admin).amountDue > .zero)
        let statuses = try x.coverage(parent).sorted { $0.startDate < $1.startDate }.map(\.status)
        #expect(statuses == [.active, .active, .parentalLeave, .active])
    }

    @Test("2. A month already billed is never changed by a later filing: the difference is an adjustment line on the next bill", arguments: TestStoreKind.available)
    func billedMonthNeverRewritten(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let stays = FilingFixture.person(330), leaves = FilingFixture.person(331)
        _ = try x.enrol(stays, amount: 36_300, effective: Self.day("2026-01-01"))
        _ = try x.enrol(leaves, amount: 36_300, effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        let october = try #require(try x.service.premiums.issueBills(month: Self.month("11510")).first)
        let octoberAmount = october.amount
        let perPerson = try x.service.premiums.detail(unit: x.unit, month: Self.month("11510"), by: x.admin).lines[0]
        // A withdrawal filed now, effective back in October (left on 10-15, not charged here).
        _ = try x.service.filings.withdraw(WithdrawalRequest(personID: leaves, reason: .leftJob,
                                                             transferOutDate: Self.day("2026-10-15")), by: x.op1)
        try x.convert()
        x.nextMorning()
        let billed = try x.service.premiums.bills(payerKey: x.unit.rawValue, by: x.admin)
        #expect(billed.first { $0.month == Self.month("11510") }?.amount == octoberAmount, "October's bill is not rewritten")
        let november = try #require(try x.service.premiums.issueBills(month: Self.month("11511")).first)
        let lines = try x.f.database.store.read { try $0.billLines(bill: november.id) }
        let credit = try #require(lines.first { $0.kind == .adjustment && $0.month == Self.month("11510") })
        #expect(credit.amount == .zero - (perPerson.insuredShare + perPerson.unitShare), "October credited on November's bill")
        // Issuing again adds nothing: the adjustment is billed once.
        #expect(try x.service.premiums.issueBills(month: Self.month("11511")).isEmpty)
    }

    // MARK: 3. The late fee of a late payment vanishes

    @Test("3. The late fee accrued at a late payment stays owed until paid; a partial payment settles premium first", arguments: TestStoreKind.available)
    func lateFeeKept(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        _ = try x.enrol(FilingFixture.person(340), amount: 36_300, effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        let bill = try #require(try x.service.premiums.issueBills(month: Self.month("11510")).first)
        let payDay = Self.day("2027-02-20")
        let estimate = try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: payDay, by: x.admin)
        let fee = try #require(estimate.first?.lateFee.fee)
        #expect(fee > .zero)
        // Half now (late): the fee on that half is owed; the other half keeps its own fee.
        let half = Money(bill.amount.amount / 2)
        try x.service.premiums.recordPayment(bill: bill.id, amount: half, paidOn: payDay)
        var unpaid = try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: payDay, by: x.admin)
        #expect(unpaid.first { $0.bill.category == .general }?.unpaid == bill.amount - half)
        let feeItem = try #require(unpaid.first { $0.bill.category == .lateFee })
        #expect(feeItem.lateFee.fee == .zero, "a late fee bears no fee")
        // The rest: afterwards the whole fee is owed, as estimated (to the dollar, ±1 for rounding the halves).
        try x.service.premiums.recordPayment(bill: bill.id, amount: bill.amount - half, paidOn: payDay)
        unpaid = try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: payDay, by: x.admin)
        #expect(unpaid.count == 1 && unpaid[0].bill.category == .lateFee)
        #expect(abs(unpaid[0].unpaid.amount - fee.amount) <= 1)
        try x.service.premiums.recordPayment(bill: unpaid[0].bill.id, amount: unpaid[0].unpaid, paidOn: payDay)
        #expect(try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: payDay, by: x.admin).isEmpty)
    }

    // MARK: 4. Another unit sees a dependant

    @Test("4. Staff of another unit cannot read a dependant's status or print a proof", arguments: TestStoreKind.available)
    func dependantOfAnotherUnitHidden(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let principal = FilingFixture.person(350), child = FilingFixture.person(351, sex: .female)
        _ = try x.enrol(principal, amount: 36_300, effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        _ = try x.enrol(child, role: .dependant(of: principal, relation: .child), effective: Self.day("2026-01-01"))
        try x.convert()
        let other = try x.f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        for person in [child, principal] {
            #expect(throws: ServiceError(.notAuthorised)) { try x.service.insurance.status(of: person, by: other) }
            #expect(throws: ServiceError(.notAuthorised)) { try x.service.insurance.proof(of: person, by: other) }
        }
        #expect(try x.service.insurance.status(of: child, by: x.admin).coverage.first?.unitCode == x.unit)
    }

    @Test("4. Every operation that takes a person's ID refuses a person insured in another unit (principal or dependant)", arguments: TestStoreKind.available)
    func everyPersonOperationRefusesOtherUnits(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let principal = FilingFixture.person(355), child = FilingFixture.person(356, sex: .female)
        _ = try x.enrol(principal, amount: 36_300, effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        _ = try x.enrol(child, role: .dependant(of: principal, relation: .child), effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        let other = try x.f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        let email = try EmailAddress(parsing: "x@example.com")
        for person in [principal, child] {
            #expect(throws: ServiceError.self) { try x.service.insurance.status(of: person, by: other) }
            #expect(throws: ServiceError.self) { try x.service.insurance.proof(of: person, by: other) }
            #expect(throws: ServiceError.self) {
                try x.service.filings.withdraw(WithdrawalRequest(personID: person, reason: .leftJob, transferOutDate: x.today), by: other)
            }
            #expect(throws: ServiceError.self) {
                try x.service.filings.changeStatus(StatusChangeRequest(kind: .suspend, personID: person, date: x.today, reason: "x"), by: other)
            }
            #expect(throws: ServiceError.self) {
                try x.service.filings.changeBasicData(BasicDataChangeRequest(personID: person, name: try PersonName("改名")), by: other)
            }
            #expect(throws: ServiceError.self) {
                try x.service.cards.apply(for: person, reason: .lost, email: email, phones: Fixture.phones(),
                                          pickup: .counter(office: "臺北業務組"), photo: nil, by: other)
            }
            #expect(throws: ServiceError.self) { try x.service.cards.applications(person: person, by: other) }
        }
        #expect(throws: ServiceError.self) {
            try x.service.filings.adjustSalary(SalaryAdjustmentRequest(personID: principal, newAmount: 38_200), by: other)
        }
        // Nothing was filed for them by the other unit.
        #expect(try x.service.filings.filedToday(unit: try UnitCode(parsing: "120000000"), by: other).isEmpty)
        // Their own unit still sees both.
        #expect(try x.service.insurance.status(of: child, by: x.admin).isInsured)
        #expect(try x.service.cards.applications(person: child, by: x.admin).isEmpty)
    }

    // MARK: 5. A three-in-one salary adjustment cannot be filed

    @Test("5. Three-in-one adjustment: labour salary and pension wage each checked against their own table", arguments: TestStoreKind.available)
    func threeInOneAdjustment(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let worker = FilingFixture.person(360)
        _ = try x.enrol(worker, amount: 36_300, effective: Self.day("2026-01-01"), family: .threeInOne,
                        labour: LabourSide(monthlySalary: 36_000, labourInsuranceSalary: 36_300, pensionWage: 36_300))
        try x.convert()
        x.nextMorning()
        #expect(throws: ServiceError(.filingLabourSalaryNotAGrade)) {
            try x.service.filings.adjustSalary(SalaryAdjustmentRequest(
                family: .threeInOne, personID: worker, newAmount: 38_200,
                labour: LabourSide(monthlySalary: 38_000, labourInsuranceSalary: 33_000, pensionWage: 38_200)), by: x.op1)
        }
        #expect(throws: ServiceError(.filingPensionWageNotAGrade)) {
            try x.service.filings.adjustSalary(SalaryAdjustmentRequest(
                family: .threeInOne, personID: worker, newAmount: 38_200,
                labour: LabourSide(monthlySalary: 38_000, labourInsuranceSalary: 38_200, pensionWage: 38_100)), by: x.op1)
        }
        // The NHI amount may not be below the salary's grade.
        #expect(throws: ServiceError(.filingInsuredAmount)) {
            try x.service.filings.adjustSalary(SalaryAdjustmentRequest(
                family: .threeInOne, personID: worker, newAmount: 38_200,
                labour: LabourSide(monthlySalary: 45_000, labourInsuranceSalary: 38_200, pensionWage: 38_200)), by: x.op1)
        }
        let filing = try x.service.filings.adjustSalary(SalaryAdjustmentRequest(
            family: .threeInOne, personID: worker, newAmount: 38_200,
            labour: LabourSide(monthlySalary: 38_000, labourInsuranceSalary: 38_200, pensionWage: 38_200)), by: x.op1)
        #expect(filing.family == .threeInOne && filing.effectiveDate.iso == "2026-12-01" && filing.labour?.labourInsuranceSalary == 38_200)
    }

    @Test("Partial: an NHI-only amount below the salary's grade is refused", arguments: TestStoreKind.available)
    func nhiOnlyAmountBelowSalaryGrade(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        #expect(throws: ServiceError(.filingInsuredAmount)) {
            try x.service.filings.enrol(EnrolmentRequest(
                personID: FilingFixture.person(365), name: try PersonName("員工"), birthDate: Self.day("1990-01-01"),
                effectiveDate: x.today, insuredAmount: 29_500, monthlySalary: 45_000), by: x.op1)
        }
    }

    // MARK: 6. DPR import trusts anyone

    static func dpr(premium: Int = 481) -> ByteInput {
        let text = """
            1,04595257,62,11401,11412,1,150000,\(premium),臺灣測試股份有限公司,02-27065866,pay@example.com.tw,王小明\r
            2,I,1140131,A123456789,陳志明,150000,\(premium),,110001000,31800,150000,年終獎金\r

            """
        return .bytes(Array(text.utf8), name: "DPR045952571150301001.csv")
    }

    @Test("6. DPR import: only the payer's staff; a UBN nobody registered is refused; a wrong premium is an error on its row", arguments: TestStoreKind.available)
    func dprImportTrustsNobody(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let stranger = try x.f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        #expect(throws: ServiceError(.dprNotPayer)) { try x.service.supplementary.importDPR(Self.dpr(), by: stranger) }
        let wrong = try x.service.supplementary.importDPR(Self.dpr(premium: 480), by: x.admin)
        #expect(!wrong.isValid && wrong.imported == 0)
        #expect(wrong.errors.contains { $0.code.rawValue == "dpr.premium" && $0.row > 0 })

        let fresh = try Fixture(store: store)
        let nobody = try fresh.service.units.register(Fixture.unit(code: "130000000", ubn: "22099131"),
                                                      method: .organisationCertificate(Fixture.certificate(ubn: "22099131")),
                                                      registrant: nil, ownerIsAdministrator: false).caller
        #expect(throws: ServiceError(.dprPayerNotRegistered)) { try fresh.service.supplementary.importDPR(Self.dpr(), by: nobody) }

        // The payer's import becomes a supplementary-premium slip that unpaid shows.
        let result = try x.service.supplementary.importDPR(Self.dpr(), by: x.admin)
        #expect(result.isValid && result.imported == 1)
        let unpaid = try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: x.today, by: x.admin)
        let slip = try #require(unpaid.first { $0.bill.category == .supplementary })
        #expect(slip.unpaid == 481 && slip.bill.month == Self.month("11401") && slip.bill.payerKey == "04595257")
        // Importing again adds neither details nor premium.
        _ = try x.service.supplementary.importDPR(Self.dpr(), by: x.admin)
        #expect(try x.service.premiums.unpaid(payerKey: x.unit.rawValue, expectedPaymentDate: x.today, by: x.admin)
            .first { $0.bill.category == .supplementary }?.unpaid == 481)
    }

    // MARK: 7. The owner files without an assignment

    @Test("7. The owner signed in as owner assigns staff but files nothing without an assignment", arguments: TestStoreKind.available)
    func ownerNeedsAssignment(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let owner = try x.service.staff.ownerSession(person: Fixture.owner, unit: x.unit, credential: .nhiCard)
        #expect(throws: ServiceError(.filingOwnerNeedsAssignment)) {
            try x.enrol(FilingFixture.person(370), by: owner)
        }
    }

    @Test("Partial: the verification mail greets the person by name when the service knows it", arguments: TestStoreKind.available)
    func verificationMailGreetsByName(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let person = FilingFixture.person(390)
        _ = try x.enrol(person, amount: 36_300, effective: x.today)
        let email = try EmailAddress(parsing: "worker390@example.com")
        _ = try x.service.accounts.register(.init(
            personID: person, cardNumber: try NHICardNumber(parsing: "000011113333"), householdNumber: "A1234567",
            registeredVillage: "臺北市大安區龍安里", phones: Fixture.phones(), email: email, password: try RegistrationPassword("Abc123-!")))
        let mail = try #require(try x.f.database.store.read { try $0.mail(to: email) }.first)
        #expect(mail.body.contains("親愛的 員工\(person.rawValue.suffix(3)) 您好"), "\(mail.body.prefix(40))")
    }

    // MARK: Moving between employers

    @Test("Partial: within one conversion a person's withdrawal from the old unit goes before the enrolment with the new one", arguments: TestStoreKind.available)
    func withdrawalsBeforeEnrolments(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let mover = FilingFixture.person(380)
        _ = try x.enrol(mover, amount: 36_300, effective: Self.day("2026-01-01"))
        try x.convert()
        x.nextMorning()
        let newUnit = try x.f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        // The new employer files first, the old one five minutes later.
        _ = try x.service.filings.enrol(EnrolmentRequest(
            personID: mover, name: try PersonName("員工"), birthDate: Self.day("1990-05-04"), effectiveDate: x.today,
            insuredAmount: 36_300), by: newUnit)
        x.f.clock.advance(by: 300)
        _ = try x.service.filings.withdraw(WithdrawalRequest(personID: mover, reason: .leftJob, transferOutDate: x.today), by: x.op1)
        let report = try x.convert()
        #expect(report.accepted == 2 && report.rejected == 0)
        let now = try x.service.insurance.status(of: mover, on: x.today, by: .person(mover))
        #expect(now.coverage.map(\.unitCode.rawValue) == ["120000000"])
    }
}

@Suite("Correctness: the statement catalogue (各類明細表)")
struct StatementCatalogueTests {
    @Test("8. Request → 尚未產生 → 可下載 for every statement the store can produce; 8 and 9 are listed with the reason", arguments: TestStoreKind.available)
    func catalogue(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let employee = FilingFixture.person(400)
        _ = try x.enrol(employee, amount: 29_500, effective: try CalendarDate(iso: "2026-01-01"))
        _ = try x.enrol(FilingFixture.person(401), amount: 36_300, effective: try CalendarDate(iso: "2026-01-01"))
        try x.convert()
        x.nextMorning()
        let month = try ROCMonth(parsing: "11510")
        _ = try x.service.premiums.issueBills(month: month)
        #expect(throws: ServiceError(.statementUnavailable)) { try x.service.statements.request(.personnelAdministrationFile, month: month, by: x.op1) }
        #expect(throws: ServiceError(.statementUnavailable)) { try x.service.statements.request(.mediaFilingFile, month: month, by: x.op1) }
        #expect(StatementKind.mediaFilingFile.unavailableReason?.en.isEmpty == false)
        let kinds = StatementKind.allCases.filter { $0.unavailableReason == nil }
        var requests: [StatementKind: StatementRequest] = [:]
        for kind in kinds {
            requests[kind] = try x.service.statements.request(kind, month: month, through: kind.coversRange ? try ROCMonth(parsing: "11511") : nil,
                                                            by: x.op1)
        }
        #expect(requests.values.allSatisfy { $0.status == .pending && $0.status.label == "尚未產生" })
        #expect(throws: ServiceError(.statementNotReady)) { try x.service.statements.download(requests[.premiumDetail]!.id, by: x.op1) }
        let other = try x.f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        #expect(throws: ServiceError(.statementNotFound)) { try x.service.statements.download(requests[.premiumDetail]!.id, by: other) }
        #expect(try x.service.statements.generatePending() == kinds.count)
        #expect(try x.service.statements.requests(unit: x.unit, by: x.admin).allSatisfy { $0.status == .ready })

        let detail = try x.service.statements.download(requests[.premiumDetail]!.id, by: x.op1)
        #expect(detail.rows.first { $0[0] == employee.rawValue }?[5] == "458")
        let masked = try x.service.statements.download(requests[.premiumDetailMasked]!.id, by: x.op1)
        #expect(masked.rows.contains { $0[0] == employee.masked } && !masked.rows.contains { $0[0] == employee.rawValue })
        let g1 = try x.service.statements.download(requests[.insuredAmountTotals]!.id, by: x.op1)
        #expect(g1.rows.filter { $0[1] == "合計" }.map { $0[3] } == ["65800", "65800"], "two months, 29,500 + 36,300 each")
        let w1 = try x.service.statements.download(requests[.annualSummaryReport]!.id, by: x.op1)
        let year = try #require(w1.rows.first { $0[0] == employee.rawValue })
        #expect(year.count == 15 && year[14] == String(458 * 12))
        let j1 = try x.service.statements.download(requests[.gradeTable]!.id, by: x.op1)
        #expect(j1.rows.first?[1] == "29500" && j1.rows.first?[2] == "458")
        let roster = try x.service.statements.download(requests[.roster]!.id, by: x.op1)
        #expect(roster.rows.count == 2)
        // The CSV is Excel-safe: a name that looks like a formula gets a leading apostrophe.
        let csv = String(decoding: try StatementTable(kind: .roster, unitCode: x.unit, month: month, through: nil, columns: ["姓名", "金額"],
                                                      rows: [["=HYPERLINK(\"x\")", "-5"]], numericColumns: [1]).csv(), as: UTF8.self)
        #expect(csv.contains("'=HYPERLINK") && csv.contains(",-5"))
    }
}

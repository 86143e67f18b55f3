import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

/// A registered unit with an administrator and two operators, on 2026-11-23 at 09:00.
struct FilingFixture {
    let f: Fixture
    let unit = try! UnitCode(parsing: "110001000")
    let certificate: Caller
    let admin: Caller
    let op1: Caller
    let op2: Caller

    init(store: TestStoreKind = .sqlite, today: String = "2026-11-23", nhiOnly: Bool = false) throws {
        f = try Fixture(store: store, today: try CalendarDate(iso: today))
        certificate = try f.service.units.register(
            Fixture.unit(nhiOnly: nhiOnly), method: .organisationCertificate(Fixture.certificate()), registrant: nil,
            ownerIsAdministrator: false).caller
        _ = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate)
        _ = try f.assign(Fixture.operatorPerson, role: .operator, by: certificate, serial: "TP03000009999999")
        _ = try f.assign(Fixture.otherOperator, role: .operator, by: certificate, serial: "TP03000008888888")
        admin = try f.service.staff.session(person: .national(Fixture.adminPerson), unit: unit, credential: .citizen,
                                            certificateSerial: "TP03000001234567")
        op1 = try f.service.staff.session(person: .national(Fixture.operatorPerson), unit: unit, credential: .citizen,
                                          certificateSerial: "TP03000009999999")
        op2 = try f.service.staff.session(person: .national(Fixture.otherOperator), unit: unit, credential: .citizen,
                                          certificateSerial: "TP03000008888888")
    }

    var service: NHIService { f.service }
    var today: CalendarDate { f.clock.today }

    static func person(_ n: Int, sex: Sex = .male) -> PersonalID { .national(NationalID.make(letter: "E", sex: sex, serial: n)) }

    func enrol(_ id: PersonalID, amount: Money = 36_300, category: InsuredCategory = .employee, role: InsuredRole = .insured,
               effective: CalendarDate? = nil, family: FilingFamily = .nhiOnly, labour: LabourSide? = nil,
               attachments: [UploadedDocument] = [], by caller: Caller? = nil) throws -> Filing {
        try service.filings.enrol(EnrolmentRequest(
            family: family, role: role, personID: id, name: try PersonName("員工\(id.rawValue.suffix(3))"),
            birthDate: try CalendarDate(iso: "1990-05-04"), category: category, effectiveDate: effective ?? today,
            insuredAmount: amount, labour: labour, attachments: attachments), by: caller ?? op1)
    }

    /// Moves the clock to 22:31 on `day` (default today) and runs the conversion.
    @discardableResult
    func convert(on day: CalendarDate? = nil) throws -> ConversionReport {
        f.clock.set(day ?? today, hour: 22, minute: 31)
        return try service.filings.runNightlyConversion()
    }

    func nextMorning() { f.clock.set(today.adding(days: 1), hour: 9) }

    func coverage(_ id: PersonalID) throws -> [Coverage] {
        try f.database.store.read { try $0.coverages(person: id) }
    }
}

@Suite("Filings and the nightly conversion")
struct FilingTests {
    static let pdf = Data(Array("%PDF-1.4\n".utf8) + Array(repeating: 0x20, count: 50))

    @Test("Enrol → pending → 22:30 conversion → 審核正確 and in force", arguments: TestStoreKind.available)
    func enrolAndConvert(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let id = FilingFixture.person(1)
        let filing = try x.enrol(id)
        #expect(filing.status == .pending && filing.kind == .enrol && filing.insuredAmount == 36_300)
        #expect(try x.coverage(id).isEmpty, "nothing changes before the conversion")
        // A run before 22:30 only takes yesterday's filings.
        x.f.clock.set(x.today, hour: 22, minute: 0)
        #expect(try x.service.filings.runNightlyConversion().accepted == 0)
        let report = try x.convert()
        #expect(report.accepted == 1 && report.rejected == 0 && !report.billingPeriod)
        let coverage = try x.coverage(id)
        #expect(coverage.count == 1 && coverage[0].startDate == x.today && coverage[0].insuredAmount == 36_300)
        let results = try x.service.filings.checkResults(unit: x.unit, from: x.today, through: x.today, by: x.admin)
        #expect(results.map(\.checkCode) == ["審核正確"])
    }

    @Test("Insured-amount rules: grade on the effective date; employers below the top need proof", arguments: TestStoreKind.available)
    func amountRules(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        #expect(throws: ServiceError(.filingInsuredAmount)) { try x.enrol(FilingFixture.person(2), amount: 36_000) }
        #expect(throws: ServiceError(.filingProofRequired)) { try x.enrol(FilingFixture.person(3), amount: 36_300, category: .employer) }
        let proof = try UploadedDocument(fileName: "income.pdf", data: Self.pdf, purpose: .proof)
        #expect(try x.enrol(FilingFixture.person(3), amount: 36_300, category: .employer, attachments: [proof]).category == .employer)
        #expect(try x.enrol(FilingFixture.person(4), amount: 313_000, category: .employer).insuredAmount == 313_000)
        // 2024's table still had 27,470 as its first grade: a retroactive enrolment uses it.
        #expect(try x.enrol(FilingFixture.person(5), amount: 27_470, effective: try CalendarDate(iso: "2024-06-01")).insuredAmount == 27_470)
        #expect(throws: ServiceError(.filingInsuredAmount)) { try x.enrol(FilingFixture.person(6), amount: 27_470) }
    }

    @Test("Dependants need an insured person in the unit and take their amount; they leave with the insured", arguments: TestStoreKind.available)
    func dependants(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let employee = FilingFixture.person(10), child = FilingFixture.person(11, sex: .female)
        #expect(throws: ServiceError(.filingPrincipalNotInsured)) {
            try x.enrol(child, role: .dependant(of: employee, relation: .child))
        }
        _ = try x.enrol(employee, amount: 45_800)
        let d = try x.enrol(child, amount: 1, role: .dependant(of: employee, relation: .child))
        #expect(d.insuredAmount == 45_800 && d.principalID == employee && d.reason == "隨同被保險人加保")
        try x.convert()
        #expect(try x.coverage(child).first?.principalID == employee)
        x.nextMorning()
        let w = try x.service.filings.withdraw(WithdrawalRequest(personID: employee, reason: .leftJob,
                                                                 transferOutDate: try CalendarDate(iso: "2026-11-30")), by: x.op1)
        #expect(w.effectiveDate.iso == "2026-12-01", "a transfer-out on the month's last day takes effect on the 1st")
        try x.convert()
        #expect(try x.coverage(employee).first?.endDate?.iso == "2026-12-01")
        #expect(try x.coverage(child).first?.endDate?.iso == "2026-12-01", "dependants leave with the insured")
    }

    @Test("Withdrawal dates: charged here → 1st of next month; NHI-only more than 6 months back needs proof", arguments: TestStoreKind.available)
    func withdrawalRules(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let id = FilingFixture.person(20)
        _ = try x.enrol(id, effective: try CalendarDate(iso: "2025-01-01"))
        try x.convert()
        x.nextMorning()
        let charged = try x.service.filings.withdraw(WithdrawalRequest(personID: id, reason: .leftJob,
                                                                       transferOutDate: try CalendarDate(iso: "2026-11-10"), chargedHere: true), by: x.op1)
        #expect(charged.effectiveDate.iso == "2026-12-01")
        try x.service.filings.delete(charged.id, by: x.op1)
        #expect(throws: ServiceError(.filingProofRequired)) {
            try x.service.filings.withdraw(WithdrawalRequest(personID: id, reason: .notEligible,
                                                             transferOutDate: try CalendarDate(iso: "2026-03-01")), by: x.op1)
        }
        let proof = try UploadedDocument(fileName: "proof.pdf", data: Self.pdf, purpose: .proof)
        let late = try x.service.filings.withdraw(WithdrawalRequest(personID: id, reason: .notEligible,
                                                                    transferOutDate: try CalendarDate(iso: "2026-03-01"), attachments: [proof]), by: x.op1)
        #expect(late.effectiveDate.iso == "2026-03-01")
        #expect(throws: ServiceError(.filingNotInsuredHere)) {
            try x.service.filings.withdraw(WithdrawalRequest(personID: FilingFixture.person(21), reason: .leftJob, transferOutDate: x.today), by: x.op1)
        }
    }

    @Test("Salary adjustment takes effect on the 1st of the next month; coverage keeps the history", arguments: TestStoreKind.available)
    func salaryAdjustment(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let id = FilingFixture.person(30)
        _ = try x.enrol(id, amount: 36_300, effective: try CalendarDate(iso: "2026-01-01"))
        try x.convert()
        x.nextMorning()
        #expect(throws: ServiceError(.filingAmountUnchanged)) {
            try x.service.filings.adjustSalary(SalaryAdjustmentRequest(personID: id, newAmount: 36_300), by: x.op1)
        }
        let a = try x.service.filings.adjustSalary(SalaryAdjustmentRequest(personID: id, newAmount: 40_100), by: x.op1)
        #expect(a.effectiveDate.iso == "2026-12-01" && a.insuredAmount == 36_300 && a.adjustedAmount == 40_100)
        try x.convert()
        let history = try x.coverage(id)
        #expect(history.map(\.insuredAmount) == [36_300, 40_100])
        #expect(history[0].endDate?.iso == "2026-12-01" && history[1].startDate.iso == "2026-12-01")
    }

    @Test("An employer lowering their own amount needs 1–3 documents", arguments: TestStoreKind.available)
    func employerLowering(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let id = FilingFixture.person(31)
        _ = try x.enrol(id, amount: 313_000, category: .employer)
        try x.convert()
        x.nextMorning()
        #expect(throws: ServiceError(.filingProofRequired)) {
            try x.service.filings.adjustSalary(SalaryAdjustmentRequest(personID: id, newAmount: 150_000), by: x.op1)
        }
        let proof = try UploadedDocument(fileName: "tax.pdf", data: Self.pdf, purpose: .proof)
        let a = try x.service.filings.adjustSalary(SalaryAdjustmentRequest(personID: id, newAmount: 150_000, employerLowering: true,
                                                                           attachments: [proof]), by: x.op1)
        #expect(a.reason == "雇主投保金額調降")
    }

    @Test("Deletion only on the filing day; operators see their own filings, administrators all", arguments: TestStoreKind.available)
    func deletionAndVisibility(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let mine = try x.enrol(FilingFixture.person(40), by: x.op1)
        let theirs = try x.enrol(FilingFixture.person(41), by: x.op2)
        #expect(try x.service.filings.filedToday(unit: x.unit, by: x.op1).map(\.id) == [mine.id])
        #expect(try x.service.filings.filedToday(unit: x.unit, by: x.admin).count == 2)
        #expect(throws: ServiceError(.notAuthorised)) { try x.service.filings.delete(theirs.id, by: x.op1) }
        try x.service.filings.delete(mine.id, by: x.op1)
        x.f.clock.set(x.today.adding(days: 1), hour: 8)
        #expect(throws: ServiceError(.filingNotDeletable)) { try x.service.filings.delete(theirs.id, by: x.admin) }
        x.f.clock.set(x.today.adding(days: -1), hour: 23)
        let report = try x.service.filings.runNightlyConversion()
        #expect(report.accepted == 1, "the deleted filing is not converted")
    }

    @Test("Billing period: filings wait in the staging area and are converted after the 14th", arguments: TestStoreKind.available)
    func billingPeriod(_ store: TestStoreKind) throws {
        let x = try FilingFixture(today: "2026-12-11")
        let id = FilingFixture.person(50)
        _ = try x.enrol(id)
        let staged = try x.convert()
        #expect(staged.billingPeriod && staged.staged == 1 && staged.accepted == 0)
        #expect(try x.coverage(id).isEmpty)
        let later = try x.convert(on: try CalendarDate(iso: "2026-12-14"))
        #expect(later.staged == 0 && later.accepted == 0, "nothing new; staged ones still wait")
        let released = try x.convert(on: try CalendarDate(iso: "2026-12-15"))
        #expect(released.accepted == 1)
        #expect(try x.coverage(id).count == 1)
    }

    @Test("Three-in-one needs a labour-insurance number; its labour side is forwarded at 18:00", arguments: TestStoreKind.available)
    func threeInOne(_ store: TestStoreKind) throws {
        let labour = LabourSide(monthlySalary: 36_000, labourInsuranceSalary: 36_300, pensionWage: 36_300)
        let nhiOnly = try FilingFixture(nhiOnly: true)
        #expect(throws: ServiceError(.filingThreeInOneNeedsLabourNumber)) {
            try nhiOnly.enrol(FilingFixture.person(60), family: .threeInOne, labour: labour)
        }
        let x = try FilingFixture()
        #expect(throws: ServiceError(.filingLabourSideMissing)) { try x.enrol(FilingFixture.person(61), family: .threeInOne) }
        #expect(throws: ServiceError(.filingInsuredAmount)) {
            try x.enrol(FilingFixture.person(61), amount: 31_800, family: .threeInOne, labour: labour)
        }
        let f1 = try x.enrol(FilingFixture.person(61), family: .threeInOne, labour: labour)
        let f2 = try x.enrol(FilingFixture.person(62), family: .threeInOne, labour: labour)
        x.f.clock.set(x.today, hour: 17, minute: 59)
        #expect(try x.service.filings.forwardLabourSide().isEmpty)
        try x.service.filings.delete(f2.id, by: x.op1)
        x.f.clock.set(x.today, hour: 18, minute: 0)
        let sent = try x.service.filings.forwardLabourSide()
        #expect(sent.map(\.filingID) == [f1.id], "the deleted filing's labour side was voided")
        try x.service.filings.delete(f1.id, by: x.op1)
        x.f.clock.advance(by: 60)
        #expect(try x.service.filings.forwardLabourSide().map(\.action) == ["cancel"])
    }

    @Test("Suspension, parental leave and resumption", arguments: TestStoreKind.available)
    func statusChanges(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let id = FilingFixture.person(70)
        #expect(throws: ServiceError(.filingNotActive)) {
            try x.service.filings.changeStatus(StatusChangeRequest(kind: .parentalLeave, personID: id, date: x.today, reason: "育嬰"), by: x.op1)
        }
        _ = try x.enrol(id, effective: try CalendarDate(iso: "2026-01-01"))
        try x.convert()
        x.nextMorning()
        _ = try x.service.filings.changeStatus(StatusChangeRequest(kind: .parentalLeave, personID: id, date: x.today, reason: "育嬰留職停薪"), by: x.op1)
        try x.convert()
        #expect(try x.coverage(id).last?.status == .parentalLeave)
        x.nextMorning()
        _ = try x.service.filings.changeStatus(StatusChangeRequest(kind: .resume, personID: id, date: x.today, reason: "復職"), by: x.op1)
        try x.convert()
        #expect(try x.coverage(id).last?.status == .active)
    }

    @Test("The conversion rejects a person insured with another unit (E101)", arguments: TestStoreKind.available)
    func insuredElsewhere(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let other = try x.f.service.units.register(Fixture.unit(code: "120000000", ubn: "22099131"),
                                                   method: .organisationCertificate(Fixture.certificate(ubn: "22099131", serial: "99")),
                                                   registrant: nil, ownerIsAdministrator: false).caller
        let id = FilingFixture.person(80)
        _ = try x.enrol(id, by: x.op1)
        _ = try x.enrol(id, by: other)
        let report = try x.convert()
        #expect(report.accepted == 1 && report.rejected == 1)
        let rejected = try x.service.filings.checkResults(unit: try UnitCode(parsing: "120000000"), from: x.today, through: x.today, by: other)
        #expect(rejected.first?.checkCode == "E101")
        #expect(throws: ServiceError(.filingQueryRange)) {
            try x.service.filings.checkResults(unit: x.unit, from: x.today.adding(months: -3), through: x.today, by: x.admin)
        }
    }

    @Test("Deleted staff cannot file; staff of one unit cannot file for another", arguments: TestStoreKind.available)
    func authorisation(_ store: TestStoreKind) throws {
        let x = try FilingFixture()
        let staff = try x.service.staff.list(unit: x.unit, by: x.admin)
        try x.service.staff.delete(staff.first { $0.personID == .national(Fixture.operatorPerson) }!.id, by: x.admin)
        #expect(throws: ServiceError(.staffNotAssigned)) { try x.enrol(FilingFixture.person(90), by: x.op1) }
        let stranger = Caller(personID: .national(Fixture.otherOperator), unitCode: try UnitCode(parsing: "999999999"),
                              standing: .staff(id: 3, role: .operator), credential: .citizen)
        #expect(throws: ServiceError.self) { try x.enrol(FilingFixture.person(91), by: stranger) }
    }
}

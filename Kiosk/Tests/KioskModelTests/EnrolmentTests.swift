import Foundation
@testable import KioskModel
import NHICore
import NHIGrades
import NHIService
import NHITestSupport
import Testing

@Suite("Enrolment form: live checks, grade and premium preview, filing through the service")
@MainActor
struct EnrolmentTests {
    /// A valid new employee (not in the sample).
    static let newcomer = PersonalID.national(.make(letter: "G", sex: .female, serial: 7_654_321))

    func openForm(role: StaffRole = .administrator) async throws -> (ServiceFixture, EnrolmentModel) {
        let fixture = try ServiceFixture(role: role)
        await fixture.signIn()
        #expect(fixture.shell.open(.enrol))
        return (fixture, fixture.shell.enrolment)
    }

    func fillNewcomer(_ form: EnrolmentModel) {
        form.idText = Self.newcomer.rawValue
        form.nameText = "周怡君"
        form.birthDateText = "0850504"
        form.salaryText = "36,000"
    }

    @Test("each field is checked by the NHICore parser as it is typed, with a bilingual message under it")
    func liveChecks() async throws {
        let (fixture, form) = try await openForm()
        #expect(form.effectiveDateText == "1151123", "the effective date starts as today (ROC)")
        form.idText = "A123456788"
        let idError = try #require(form.error(.id))
        #expect(idError.code == "nationalID.checksum")
        #expect(idError.text(.traditionalChinese).contains("檢查碼"))
        #expect(idError.text(.english).contains("check"))
        form.idText = "a123456789"
        #expect(form.error(.id) == nil, "lower case is normalised before parsing")
        #expect(form.hint(.id, .traditionalChinese) == "男性・臺北市")
        form.birthDateText = "0851332"
        #expect(form.error(.birthDate)?.code.hasPrefix("rocDate") == true)
        form.salaryText = "3萬"
        #expect(form.error(.salary)?.code == "money.format")
        form.nameText = ""
        #expect(form.error(.name) == nil, "an empty field is not an error before the form is sent")
        await form.submit()
        #expect(form.error(.name)?.code == KioskError.Code.fieldRequired.rawValue)
        #expect(form.status == .idle, "nothing is sent while a field is wrong")
        #expect(try fixture.filedToday().isEmpty)
    }

    @Test("the salary proposes the grade's amount; the preview shows the verdict and the monthly premium split")
    func preview() async throws {
        let (fixture, form) = try await openForm()
        form.salaryText = "29000"
        #expect(form.amountText == "29,500", "the amount follows the salary's grade")
        let preview = try #require(form.preview)
        #expect(preview.salaryGrade?.grade.number == 1)
        #expect(preview.isAccepted)
        // SPEC §10, official 2026 row: 29,500 → insured 458, unit 1,428, government 238.
        #expect(preview.premium?.insured == 458)
        #expect(preview.premium?.unit == 1_428)
        #expect(preview.premium?.government == 238)
        form.amountText = "30,000"
        #expect(form.preview?.isRejected == true)
        #expect(form.preview?.verdict?.findings.first?.errorCode == "insuredAmount.notAGrade")
        #expect(form.preview?.verdict?.suggestion == 30_300)
        form.salaryText = "40000"
        #expect(form.amountText == "30,000", "a typed amount is kept when the salary changes")
        form.reloadAmount()
        #expect(form.amountText == "40,100")
        _ = fixture
    }

    @Test("an employer below the top grade needs proof: the preview says so and the service refuses without documents")
    func employerNeedsProof() async throws {
        let (_, form) = try await openForm()
        fillNewcomer(form)
        form.category = .employer
        form.amountText = "36,300"
        #expect(form.preview?.needsProof == true)
        #expect(form.needsDocuments)
        await form.submit()
        #expect(form.status.error?.code == ServiceError.Code.filingProofRequired.rawValue)
        let pdf = TemporaryDirectory()
        let path = pdf.path + "/proof.pdf"
        _ = FileManager.default.createFile(atPath: path, contents: Data("%PDF-1.4\n".utf8 + Data(repeating: 0x20, count: 64)))
        await form.attachments.add(path: path)
        #expect(form.attachments.documents.map(\.fileName) == ["proof.pdf"])
        await form.submit()
        #expect(form.status.result?.category == .employer)
    }

    @Test("a valid enrolment is filed: pending, effective today, in the unit's filings of the day")
    func files() async throws {
        let (fixture, form) = try await openForm()
        fillNewcomer(form)
        await form.submit()
        let filing = try #require(form.status.result)
        #expect(filing.kind == .enrol && filing.status == .pending)
        #expect(filing.personID == Self.newcomer && filing.insuredAmount == 36_300)
        #expect(filing.effectiveDate == ServiceFixture.today)
        #expect(try fixture.filedToday().map(\.personID).contains(Self.newcomer))
        #expect(KioskSnapshot(fixture.shell).flowStatus == "succeeded")
        let message = Text.filing(.filedEnrolment(filing)).localized(.traditionalChinese)
        #expect(message.contains("周怡君") && message.contains("G27654****") && !message.contains(Self.newcomer.rawValue))
        form.startOver()
        #expect(form.idText.isEmpty && form.status == .idle && form.effectiveDateText == "1151123")
    }

    @Test("a dependant takes the principal's amount; an uninsured principal is refused under that field")
    func dependant() async throws {
        let (fixture, form) = try await openForm()
        #expect(form.caption(.id).localized(.traditionalChinese).hasPrefix("被保險人身分證號"))
        form.enrollee = .dependant
        #expect(!form.fields.contains(.insuredAmount))
        #expect(form.fields.first == .id && form.caption(.id).localized(.traditionalChinese).hasPrefix("眷屬身分證號"),
                "a dependant's form starts with the dependant's own ID")
        #expect(form.caption(.principalID).localized(.traditionalChinese).hasPrefix("依附之被保險人身分證號"))
        form.idText = Self.newcomer.rawValue
        form.nameText = "王小美"
        form.birthDateText = "1120101"
        form.relation = .child
        form.principalText = DemoData.uninsured.id.rawValue
        await form.submit()
        #expect(form.error(.principalID)?.code == ServiceError.Code.filingPrincipalNotInsured.rawValue)
        form.principalText = DemoData.employee.id.rawValue
        await form.submit()
        let filing = try #require(form.status.result)
        #expect(filing.principalID == DemoData.employee.id && filing.relation == .child)
        _ = fixture
    }

    @Test("someone already insured here is refused by the service, shown under the ID")
    func alreadyInsured() async throws {
        let (_, form) = try await openForm()
        fillNewcomer(form)
        form.idText = DemoData.employee.id.rawValue
        await form.submit()
        #expect(form.error(.id)?.code == ServiceError.Code.filingAlreadyInsuredHere.rawValue)
        #expect(form.status.error != nil)
    }

    @Test("three-in-one asks for the labour side and checks the amount against it")
    func threeInOne() async throws {
        let (_, form) = try await openForm()
        fillNewcomer(form)
        form.family = .threeInOne
        #expect(form.showsLabourFields)
        await form.submit()
        #expect(form.labour.error(.labourSalary, attempted: form.attempted)?.code == KioskError.Code.fieldRequired.rawValue)
        form.labour.labourSalaryText = "36300"
        form.labour.pensionWageText = "38200"
        #expect(form.preview?.verdict?.findings.map(\.errorCode).contains("insuredAmount.belowPensionWage") == true)
        form.labour.pensionWageText = "36300"
        await form.submit()
        #expect(form.status.result?.family == .threeInOne)
    }

    /// The steps of the form, for the idle and card tests.
    enum Step: String, CaseIterable { case typing, previewing, refused, filed }

    func reach(_ step: Step, _ form: EnrolmentModel) async {
        switch step {
        case .typing: form.idText = Self.newcomer.rawValue
        case .previewing: fillNewcomer(form)
        case .refused:
            fillNewcomer(form)
            form.idText = DemoData.employee.id.rawValue
            await form.submit()
        case .filed:
            fillNewcomer(form)
            await form.submit()
        }
    }

    @Test("idling at any step locks the kiosk and wipes the form", arguments: Step.allCases)
    func idle(step: Step) async throws {
        let (fixture, form) = try await openForm()
        await reach(step, form)
        #expect(!form.idText.isEmpty)
        fixture.idleOut()
        #expect(fixture.shell.screen == .locked)
        #expect(form.idText.isEmpty && form.nameText.isEmpty && form.salaryText.isEmpty && form.amountText.isEmpty)
        #expect(form.status == .idle && form.preview == nil)
    }

    @Test("a visitor's card coming out at any step leaves the staff's form alone", arguments: Step.allCases)
    func cardRemoval(step: Step) async throws {
        let (fixture, form) = try await openForm()
        fixture.shell.handle(.inserted(reader: "Virtual PCD 00 00", card: fixture.card(DemoData.employee)))
        await reach(step, form)
        let before = form.idText
        fixture.shell.handle(.removed(reader: "Virtual PCD 00 00"))
        #expect(form.idText == before)
        #expect(fixture.shell.visitorServices.card == nil)
        #expect(fixture.shell.screen == .enrol)
    }

    @Test("leaving the screen wipes the form")
    func leaving() async throws {
        let (fixture, form) = try await openForm()
        fillNewcomer(form)
        fixture.shell.goHome()
        #expect(form.idText.isEmpty)
    }

    @Test("an operator without the filing right cannot open the form, and the service refuses them too")
    func operatorRights() async throws {
        let fixture = try ServiceFixture(role: .operator)
        await fixture.signIn()
        #expect(!fixture.shell.open(.enrol))
        #expect(fixture.shell.notice == .notAllowed)
        let form = fixture.shell.enrolment
        form.effectiveDateText = "1151123"
        fillNewcomer(form)
        #expect(form.request != nil)
        await form.submit()
        #expect(form.status.error?.code == ServiceError.Code.filingNotPermitted.rawValue)
    }
}


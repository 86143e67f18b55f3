import Foundation
@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Visitor services: insurance status, proof, online-service registration — wiped when the card comes out")
@MainActor
struct VisitorServicesTests {
    let reader = "Virtual PCD 00 00"

    func withCard(_ person: DemoData.Person = DemoData.employee) async throws -> (ServiceFixture, VisitorServicesModel) {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: fixture.card(person)))
        #expect(fixture.shell.screen == .visitor)
        let services = fixture.shell.visitorServices
        #expect(await eventually { services.insurance.result != nil && services.account.result != nil })
        return (fixture, services)
    }

    @Test("insert → the insurance status with dependants, asked as the visitor")
    func status() async throws {
        let (_, services) = try await withCard()
        let status = try #require(services.insurance.result)
        #expect(status.isInsured)
        #expect(status.coverage.first?.unitName == "示範科技股份有限公司" && status.coverage.first?.role == "本人")
        #expect(Set(status.dependants.map { $0.name ?? "" }) == ["李美玲", "王小華"])
        let line = Text.visitor(.dependantLine(status.dependants[0])).localized(.traditionalChinese)
        #expect(line.contains("F2") || line.contains("F1"))
        #expect(!line.contains(status.dependants[0].personID.rawValue), "dependants' IDs are masked on screen")
    }

    @Test("a dependant sees their own coverage; someone insured nowhere is told so")
    func otherVisitors() async throws {
        let (fixture, services) = try await withCard(DemoData.spouse)
        #expect(services.insurance.result?.coverage.first?.role == "眷屬")
        fixture.shell.handle(.removed(reader: reader))
        fixture.shell.handle(.inserted(reader: reader, card: fixture.card(DemoData.uninsured)))
        #expect(await eventually { services.insurance.result != nil })
        #expect(services.insurance.result?.isInsured == false)
        #expect(services.card?.name == "趙子龍")
    }

    @Test("the proof of insurance is issued by the service (audited) and worded in Chinese or English")
    func proof() async throws {
        let (fixture, services) = try await withCard()
        let proof = try #require(await services.issueProof())
        #expect(services.proof.result == proof)
        let zh = services.proofLines(.traditionalChinese)
        let en = services.proofLines(.english)
        #expect(zh.first == "全民健康保險投保證明")
        #expect(zh.contains { $0.contains("王小明") })
        #expect(en.first == "National Health Insurance — Certificate of Coverage")
        #expect(en.contains { $0.contains(proof.reference) })
        _ = fixture
    }

    @Test("registration: strength meter as typed, never the password; mismatch and phone rules; then the service mails the link")
    func registration() async throws {
        let (fixture, services) = try await withCard()
        #expect(services.account.result == .notRegistered)
        let form = services.registration
        form.setPassword("abc")
        #expect(form.strength == .weak)
        #expect(form.error(.password)?.code == "password.length")
        form.setPassword("abcd1234")
        #expect(form.strength == .medium && form.error(.password) == nil)
        form.setPassword("Abcd-1234")
        #expect(form.strength == .strong)
        form.setConfirmation("Abcd-1235")
        #expect(form.error(.confirmation)?.code == KioskError.Code.passwordMismatch.rawValue)
        form.setConfirmation("Abcd-1234")
        #expect(form.error(.confirmation) == nil)
        form.mobileText = "0912-345"
        #expect(form.error(.mobile) != nil)
        form.mobileText = ""
        form.householdText = "F1234567"
        form.villageText = "臺北市大安區龍安里"
        form.emailText = "wang@example.com"
        await services.register()
        #expect(form.error(.landline)?.code == ValidationError.Code.contactPhoneMissing.rawValue)
        #expect(!form.hasPassword, "the password is dropped after every attempt")
        #expect(services.account.result == .notRegistered)

        form.mobileText = "0912345678"
        form.setPassword("Abcd-1234")
        form.setConfirmation("Abcd-1234")
        let snapshot = KioskSnapshot(fixture.shell).jsonLine()
        #expect(!snapshot.contains("Abcd-1234") && !String(describing: form).contains("Abcd-1234"))
        await services.register()
        #expect(form.status.result == "w***@example.com")
        #expect(await eventually { services.account.result == .pendingVerification(email: "w***@example.com") })
        let account = try #require(try fixture.service.accounts.account(DemoData.employee.id))
        #expect(account.status == .pendingVerification && account.householdNumber == "F1234567")
        #expect(account.cardNumber == DemoData.employee.cardNumber)

        await services.resendVerification()
        #expect(services.accountAction.result == .resent)
        await services.cancelRegistration()
        #expect(services.accountAction.result == .cancelled)
        #expect(await eventually { services.account.result == .notRegistered })
    }

    @Test("the service's household-number rule is shown under that field")
    func householdRule() async throws {
        let (_, services) = try await withCard()
        let form = services.registration
        form.householdText = "12"
        form.villageText = "臺北市大安區龍安里"
        form.emailText = "wang@example.com"
        form.mobileText = "0912345678"
        form.setPassword("Abcd-1234")
        form.setConfirmation("Abcd-1234")
        await services.register()
        #expect(form.error(.householdNumber)?.code == ServiceError.Code.accountHouseholdNumber.rawValue)
    }

    @Test("staff already registered show as registered")
    func registered() async throws {
        let (_, services) = try await withCard(DemoData.operator)
        #expect(services.account.result == .active(email: "b*********@demo.example"))
    }

    @Test("at the counter: suspend only after the alert (audited with the staff member), resume; a lockout unlocked; a reset link mailed")
    func counterAccountServices() async throws {
        let (fixture, services) = try await withCard(DemoData.operator)
        let id = DemoData.operator.id
        services.requestSuspend()
        #expect(services.askingSuspend)
        services.dismissSuspend()
        #expect(try fixture.service.accounts.account(id)?.status == .active, "保留 suspends nothing")
        services.requestSuspend()
        await services.confirmSuspend()
        #expect(services.accountAction.result == .suspended && services.account.result == .suspended)
        #expect(try fixture.service.accounts.account(id)?.status == .suspended)
        let entry = try #require(try fixture.service.audit.all(limit: 5).first { $0.action == "account.suspend" })
        #expect(entry.target == id.masked && entry.actor.contains("管理者"), "recorded with the staff member: \(entry.actor)")
        await services.unlock()
        #expect(services.accountAction.error?.code == ServiceError.Code.accountNotActive.rawValue, "a suspended account is resumed, not unlocked")
        await services.resumeService()
        #expect(services.accountAction.result == .resumed && services.account.result == .active(email: "b*********@demo.example"))

        // Three wrong passwords lock the card; the counter unlocks it at once.
        for _ in 0..<3 { _ = try fixture.service.accounts.checkPassword(personID: id, password: "Wrong-0000") }
        await services.load()
        guard case .locked = services.account.result else {
            Issue.record("locked after three wrong passwords: \(String(describing: services.account.result))")
            return
        }
        #expect(Text.visitor(.accountState(services.account.result!)).localized(.traditionalChinese).contains("解除鎖定"))
        await services.unlock()
        #expect(services.accountAction.result == .unlocked && services.account.result == .active(email: "b*********@demo.example"))
        #expect(try fixture.service.accounts.checkPassword(personID: id, password: DemoData.staffPassword) == .accepted(id))
        await services.unlock()
        #expect(services.accountAction.error?.code == ServiceError.Code.accountNotLocked.rawValue)

        await services.mailPasswordReset()
        #expect(services.accountAction.result == .resetMailed)
        let registered = try #require(try fixture.service.accounts.account(id)?.email)
        #expect(try fixture.service.mail.pending().contains { $0.to == registered && $0.subject.contains("重設註冊密碼") },
                "the reset link went to the registered address")
    }

    /// The steps of the visitor panel.
    enum Step: String, CaseIterable { case status, typingRegistration, proofIssued, registered }

    func reach(_ step: Step, _ services: VisitorServicesModel) async {
        switch step {
        case .status: break
        case .typingRegistration:
            services.registration.householdText = "F1234567"
            services.registration.setPassword("Abcd-1234")
        case .proofIssued: await services.issueProof()
        case .registered:
            let form = services.registration
            form.householdText = "F1234567"
            form.villageText = "臺北市大安區龍安里"
            form.emailText = "wang@example.com"
            form.mobileText = "0912345678"
            form.setPassword("Abcd-1234")
            form.setConfirmation("Abcd-1234")
            await services.register()
        }
    }

    @Test("removing the card at any step wipes everything of the visitor", arguments: Step.allCases)
    func removal(step: Step) async throws {
        let (fixture, services) = try await withCard()
        await reach(step, services)
        fixture.shell.handle(.removed(reader: reader))
        #expect(services.card == nil && services.insurance == .idle && services.account == .idle && services.proof == .idle)
        #expect(services.registration.householdText.isEmpty && !services.registration.hasPassword)
        #expect(services.registration.status == .idle)
        #expect(fixture.shell.visitor.state == .removed)
    }

    @Test("idling at any step locks and wipes the visitor", arguments: Step.allCases)
    func idle(step: Step) async throws {
        let (fixture, services) = try await withCard()
        await reach(step, services)
        fixture.idleOut()
        #expect(fixture.shell.screen == .locked)
        #expect(services.card == nil && services.insurance == .idle && services.registration.householdText.isEmpty)
    }

    @Test("an answer arriving after the card came out is dropped")
    func lateAnswer() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: fixture.card(DemoData.employee)))
        fixture.shell.handle(.removed(reader: reader))
        try await Task.sleep(for: .milliseconds(200))
        #expect(fixture.shell.visitorServices.insurance == .idle)
        #expect(fixture.shell.visitorServices.card == nil)
    }
}

@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

/// Habit 6: the header says which unit and how; 鎖定 keeps the session, 登出 ends it; the
/// visitor screen offers 加保此人 filled from the card.
@Suite("Context on screen: the unit in the header, lock that resumes, enrol this person")
@MainActor
struct SessionContextTests {
    @Test("the header's unit name comes from the service's register, also after choosing among units")
    func unitName() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(await eventually { fixture.shell.unitName == fixture.sample.unit.name })
        let text = Text.unitContext(code: "110001000", name: fixture.shell.unitName, method: .nhiCard, organisation: false)
        #expect(text.localized(.traditionalChinese) == "110001000 \(fixture.sample.unit.name)・健保卡登入")
        #expect(text.localized(.english).contains("signed in with NHI card"))
        #expect(Text.unitContext(code: "110001000", name: nil, method: .certificate, organisation: true)
            .localized(.traditionalChinese) == "110001000・單位憑證登入", "no name on record: the code alone, nothing guessed")
        let session = try #require(fixture.shell.staff)
        fixture.shell.signOut()
        #expect(fixture.shell.unitName == nil)

        // A unit chosen in the picker: the header follows the chosen unit.
        let other = staff(.administrator, unit: "110002000")
        await fixture.authenticator.setChoice([other, session])
        await fixture.signIn()
        #expect(fixture.shell.signIn.unitChoice != nil)
        await fixture.shell.signIn.choose(session.unitCode)
        #expect(fixture.shell.staff?.unitCode == session.unitCode)
        #expect(await eventually { fixture.shell.unitName == fixture.sample.unit.name })
    }

    @Test("鎖定 keeps the session: the same person with the same credential resumes on the same screen")
    func lockResumes() async {
        let fixture = Fixture()
        await fixture.signIn()
        let shell = fixture.shell
        #expect(shell.open(.enrol))
        shell.enrolment.idText = "G276543219"
        shell.lock(.manual)
        #expect(shell.screen == .locked && shell.staff == nil)
        #expect(shell.lockedSession?.name == "陳管理")
        #expect(shell.enrolment.idText.isEmpty, "personal data is wiped even though the session is kept")
        shell.unlock()
        #expect(shell.screen == .signIn && shell.signIn.method == .nhiCard)
        await fixture.signIn()
        #expect(shell.staff != nil && shell.screen == .enrol, "resumed where they were")
        #expect(shell.lockedSession == nil)
        shell.goBack()
        #expect(shell.screen == .home)
    }

    @Test("someone else signing in after a lock starts a new session at home")
    func otherPerson() async {
        let fixture = Fixture()
        await fixture.signIn()
        let shell = fixture.shell
        #expect(shell.open(.enrol))
        shell.lock(.manual)
        await fixture.authenticator.setOutcome(.success(staff(.operator)))
        shell.unlock()
        await fixture.signIn()
        #expect(shell.staff?.name == "林承辦" && shell.screen == .home)
        #expect(shell.lockedSession == nil)
    }

    @Test("登出 on the lock screen, and idling, end a kept session")
    func lockEnds() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.lock(.manual)
        fixture.shell.signOut()
        #expect(fixture.shell.lockedSession == nil && fixture.shell.screen == .signIn)

        await fixture.signIn()
        fixture.shell.lock(.manual)
        #expect(fixture.shell.lockedSession != nil)
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(fixture.shell.lockedSession == nil && fixture.shell.screen == .locked, "nobody came back: signed out, still locked")

        await fixture.signIn()
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(fixture.shell.screen == .locked && fixture.shell.lockedSession == nil, "the idle lock signs out")
    }

    @Test("加保此人: the enrolment form filled from the visitor's card; only for sessions that may enrol")
    func enrolVisitor() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        let shell = fixture.shell
        #expect(!shell.mayEnrolVisitor, "no card, no offer")
        let card = fixture.card(DemoData.uninsured)
        shell.handle(.inserted(reader: "Virtual PCD 00 00", card: card))
        #expect(shell.screen == .visitor && shell.mayEnrolVisitor)
        #expect(shell.enrolVisitor())
        #expect(shell.screen == .enrol)
        #expect(shell.enrolment.idText == card.id.rawValue && shell.enrolment.nameText == card.name)
        #expect(shell.enrolment.birthDate.value == card.birthDate)
        #expect(shell.enrolment.effectiveDate.value == ServiceFixture.today, "the rest is the staff's to complete")

        let operatorFixture = try ServiceFixture(role: .operator)
        await operatorFixture.signIn()
        operatorFixture.shell.handle(.inserted(reader: "Virtual PCD 00 00", card: card))
        #expect(!operatorFixture.shell.mayEnrolVisitor, "an operator without the filing right is not offered it")
        #expect(!operatorFixture.shell.enrolVisitor())
    }
}

// The unit picker: a person assigned to several units chooses the unit to act for after
// authenticating (as the NHI's own site lists them); cancel, idle and wipes keep nothing.
@testable import KioskModel
import NHICore
import NHIService
import Testing

@Suite("Unit picker for staff of several units")
@MainActor
struct UnitPickerTests {
    let first = try! UnitCode(parsing: "110001000")
    let second = try! UnitCode(parsing: "110002000")

    /// The sample operator's sessions in two units: operator in the first, administrator in the second.
    func twoUnits() -> [StaffSession] {
        [session(.operator, unit: first, mayFile: false), session(.administrator, unit: second, mayFile: true)]
    }

    func session(_ role: StaffRole, unit: UnitCode, mayFile: Bool) -> StaffSession {
        StaffSession(name: "林雅婷", maskedID: "B12468****", role: role, unitCode: unit, method: .nhiCard,
                     caller: Caller(personID: .national(NationalID.make(letter: "B", sex: .female, serial: 2_468_001)),
                                    unitCode: unit, standing: .staff(id: role == .operator ? 1 : 2, role: role), credential: .nhiCard),
                     permissions: standInPermissions(unit, role: role, mayFile: mayFile))
    }

    /// Signs in with card + password; the authenticator asks for a unit.
    func choosing() async -> Fixture {
        let fixture = Fixture()
        await fixture.authenticator.setChoice(twoUnits())
        await fixture.signIn()
        return fixture
    }

    @Test("after authentication the picker lists code, name and role; nothing is signed in yet; the password is gone")
    func listed() async throws {
        let fixture = await choosing()
        let signIn = fixture.shell.signIn
        let choice = try #require(signIn.unitChoice)
        #expect(signIn.status == .choosingUnit(choice))
        #expect(choice.units.map(\.unitCode) == [first, second])
        #expect(choice.units.map(\.role) == [.operator, .administrator])
        #expect(Text.unitOption(choice.units[1]).localized(.traditionalChinese) == "110002000　單位 110002000（管理者）")
        #expect(Text.unitOption(choice.units[0]).localized(.english) == "110001000  單位 110001000 (operator)")
        #expect(Text.unitPickerHint(name: choice.name).localized(.traditionalChinese).hasPrefix("林雅婷 您好"))
        #expect(fixture.shell.staff == nil && fixture.shell.screen == .signIn)
        #expect(!signIn.hasPassword)
        let snapshot = KioskSnapshot(fixture.shell)
        #expect(snapshot.signInStatus == "choosingUnit:2" && snapshot.unitChoices == ["110001000", "110002000"])
        #expect(!snapshot.signedIn)
    }

    @Test("choosing a unit opens that unit's session with the role held there")
    func choose() async throws {
        let fixture = await choosing()
        let signIn = fixture.shell.signIn
        await signIn.choose(second)
        let staff = try #require(fixture.shell.staff)
        #expect(staff.unitCode == second && staff.role == .administrator)
        #expect(fixture.shell.screen == .home)
        #expect(signIn.unitChoice == nil && signIn.status == .editing)
        let opened = await fixture.authenticator.opened
        #expect(opened.map(\.reference) == ["choice-1"] && opened.map(\.unit) == [second])
        #expect(await fixture.authenticator.cancelledChoices.isEmpty)
        #expect(KioskSnapshot(fixture.shell).unitChoices == nil)
    }

    @Test("cancel: back to the form, nothing kept, and the SDK is told to forget the choice")
    func cancel() async {
        let fixture = await choosing()
        let signIn = fixture.shell.signIn
        signIn.cancelUnitChoice()
        #expect(signIn.unitChoice == nil && signIn.status == .editing)
        #expect(fixture.shell.staff == nil && fixture.shell.screen == .signIn)
        #expect(!signIn.hasPassword && signIn.method == .nhiCard)
        #expect(await eventually { await fixture.authenticator.cancelledChoices == ["choice-1"] })
        #expect(await fixture.authenticator.opened.isEmpty)
        // The form works again: a new sign-in asks again, with a new choice.
        await fixture.signIn()
        #expect(signIn.unitChoice?.reference == "choice-2")
    }

    @Test("idling at the picker wipes the choice (the SDK forgets it) and stays on the sign-in screen")
    func idle() async {
        let fixture = await choosing()
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(fixture.shell.signIn.unitChoice == nil && fixture.shell.signIn.status == .editing)
        #expect(fixture.shell.screen == .signIn && fixture.shell.staff == nil)
        #expect(await eventually { await fixture.authenticator.cancelledChoices == ["choice-1"] })
    }

    @Test("locking or changing the method at the picker drops the choice too")
    func wipes() async {
        let fixture = await choosing()
        fixture.shell.lock(.manual)
        #expect(fixture.shell.signIn.unitChoice == nil)
        #expect(await eventually { await fixture.authenticator.cancelledChoices == ["choice-1"] })
        fixture.shell.unlock()
        await fixture.signIn()
        fixture.shell.signIn.method = .certificate
        #expect(fixture.shell.signIn.unitChoice == nil)
        #expect(await eventually { await fixture.authenticator.cancelledChoices == ["choice-1", "choice-2"] })
    }

    @Test("while the picker is up the form does not submit, and a unit not listed is ignored")
    func guarded() async {
        let fixture = await choosing()
        let signIn = fixture.shell.signIn
        signIn.setPassword("Abcd1234!")
        await signIn.submit()
        #expect(await fixture.authenticator.credentials.count == 1, "no second sign-in while choosing")
        await signIn.choose(try! UnitCode(parsing: "110009000"))
        #expect(signIn.unitChoice != nil && fixture.shell.staff == nil)
        #expect(await fixture.authenticator.opened.isEmpty)
    }

    @Test("a refusal when opening the unit is shown with its code; the person signs in again")
    func refused() async {
        let fixture = await choosing()
        await fixture.authenticator.failOpening(with: .wrongPassword)
        await fixture.shell.signIn.choose(first)
        #expect(fixture.shell.signIn.status == .failed(PresentableError(SeedCodeError.wrongPassword)))
        #expect(fixture.shell.signIn.unitChoice == nil && fixture.shell.staff == nil)
    }

    @Test("a QR-code sign-in of staff of several units asks for the unit too")
    func appSignIn() async throws {
        let fixture = Fixture()
        await fixture.authenticator.setChoice(twoUnits())
        let signIn = fixture.shell.signIn
        signIn.method = .nhiAppQR
        signIn.idText = "A123456789"
        signIn.birthDateText = "0850504"
        await signIn.startAppSignIn()
        #expect(await eventually { await fixture.authenticator.waitingCount == 1 })
        await fixture.authenticator.confirm()
        #expect(await eventually { signIn.unitChoice != nil })
        #expect(signIn.idText.isEmpty, "what was typed is forgotten once the person is authenticated")
        await signIn.choose(first)
        #expect(fixture.shell.staff?.role == .operator && fixture.shell.staff?.unitCode == first)
    }
}

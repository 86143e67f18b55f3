@testable import KioskModel
import Testing

@Suite("Idle timeout: lock and wipe personal data, at every step")
@MainActor
struct IdleTimeoutTests {
    @Test("the timer: active, warning in the last quarter (at most 15 s), expired at the timeout")
    func timer() {
        let clock = ManualClock()
        let timer = IdleTimer(timeout: .seconds(120), clock: clock)
        #expect(timer.warningLead == .seconds(15))
        #expect(timer.state == .active)
        clock.advance(seconds: 104)
        #expect(timer.state == .active)
        clock.advance(seconds: 1)
        #expect(timer.state == .warning(secondsLeft: 15))
        clock.advance(.milliseconds(14_500))
        #expect(timer.state == .warning(secondsLeft: 1))
        clock.advance(.milliseconds(500))
        #expect(timer.state == .expired)
        timer.noteActivity()
        #expect(timer.state == .active)
    }

    @Test("short timeouts warn for a quarter of the time")
    func shortTimeout() {
        let clock = ManualClock()
        let timer = IdleTimer(timeout: .seconds(8), clock: clock)
        #expect(timer.warningLead == .seconds(2))
        clock.advance(seconds: 6)
        #expect(timer.state == .warning(secondsLeft: 2))
    }

    /// Screens an administrator can be on (everything but the lock screen).
    // 單位註冊作業 is for nobody signed in (its idle rule is in UnitRegistrationTests).
    nonisolated static let signedInScreens: [Screen] = Screen.allCases.filter { $0 != .locked && $0 != .signIn && $0 != .unitRegistration }

    @Test("idling on any screen after sign-in locks, signs out and wipes", arguments: signedInScreens)
    func locksEverywhere(screen: Screen) async {
        let fixture = Fixture(kiosk: true)
        let form = FormStandIn(screen: .enrol, isVisitorData: false)
        fixture.shell.register(form)
        await fixture.signIn()
        #expect(fixture.shell.staff != nil)
        fixture.shell.handle(.inserted(reader: "Virtual PCD 00 00", card: visitorCard()))
        #expect(fixture.shell.open(screen))
        #expect(fixture.shell.screen == screen)

        fixture.clock.advance(seconds: 110)
        fixture.shell.tick()
        #expect(fixture.shell.idleWarning == 10)
        #expect(fixture.shell.screen == screen)
        fixture.clock.advance(seconds: 10)
        fixture.shell.tick()

        #expect(fixture.shell.screen == .locked)
        #expect(fixture.shell.lockReason == .idle)
        #expect(fixture.shell.staff == nil)
        #expect(fixture.shell.visitor.card == nil)
        #expect(form.content == nil)
        #expect(fixture.shell.idleWarning == nil)
        #expect(KioskSnapshot(fixture.shell).visitorMaskedID == nil)
    }

    @Test("idling on the sign-in screen clears what was typed and stays there")
    func signInScreen() {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.setPassword("Abcd1234!")
        signIn.ownerLogin = true
        signIn.unitCodeText = "110001000"
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(fixture.shell.screen == .signIn)
        #expect(!signIn.hasPassword)
        #expect(signIn.unitCodeText.isEmpty)
        #expect(!signIn.ownerLogin)
    }

    @Test("idling mid-way through each sign-in method wipes it", arguments: LoginMethod.allCases)
    func signInMethods(method: LoginMethod) async {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = method
        signIn.idText = "A123456789"
        signIn.birthDateText = "0850504"
        signIn.setOTP("123456")
        signIn.setPassword("Abcd1234!")
        for digit in [1, 2, 3] { signIn.keypad.press(digit) }
        if method.usesApp {
            await signIn.startAppSignIn()
            guard case .awaitingApp = signIn.status else {
                Issue.record("no QR code: \(signIn.status)")
                return
            }
        }
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(signIn.status == .editing)
        #expect(signIn.idText.isEmpty && signIn.birthDateText.isEmpty)
        #expect(!signIn.hasOTP && !signIn.hasPassword)
        #expect(signIn.keypad.count == 0)
        #expect(signIn.method == method)
    }

    @Test("activity cancels the warning and restarts the countdown")
    func activity() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.clock.advance(seconds: 115)
        fixture.shell.tick()
        #expect(fixture.shell.idleWarning == 5)
        fixture.shell.noteActivity()
        #expect(fixture.shell.idleWarning == nil)
        fixture.clock.advance(seconds: 119)
        fixture.shell.tick()
        #expect(fixture.shell.screen == .home)
    }

    @Test("the lock screen stays put and does not warn")
    func lockScreen() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.lock(.manual)
        fixture.clock.advance(seconds: 500)
        fixture.shell.tick()
        #expect(fixture.shell.screen == .locked)
        #expect(fixture.shell.idleWarning == nil)
        #expect(fixture.shell.lockReason == .manual)
        fixture.shell.unlock()
        #expect(fixture.shell.screen == .signIn)
        #expect(fixture.shell.lockReason == nil)
    }

    @Test("signed out outside kiosk mode, idling on the settings screen locks too")
    func settingsSignedOut() {
        let fixture = Fixture()
        #expect(fixture.shell.open(.settings))
        fixture.clock.advance(seconds: 120)
        fixture.shell.tick()
        #expect(fixture.shell.screen == .locked)
    }

    @Test("a saved idle timeout applies at once; a command-line override wins")
    func settingsApply() throws {
        let fixture = Fixture()
        fixture.shell.settings.idleTimeoutText = "30"
        #expect(fixture.shell.settings.save())
        #expect(fixture.shell.idle.timeout == .seconds(30))

        let clock = ManualClock()
        let directory = TemporaryDirectory()
        let shell = KioskShell(settings: KioskSettings(), store: SettingsStore(path: directory.path + "/k.json"),
                               backends: .none, clock: clock, isKioskMode: false, isDemo: false, idleTimeout: .seconds(3))
        shell.settings.idleTimeoutText = "600"
        #expect(shell.settings.save())
        #expect(shell.idle.timeout == .seconds(3))
    }
}

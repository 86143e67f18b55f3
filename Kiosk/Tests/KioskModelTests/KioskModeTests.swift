@testable import KioskModel
import Testing

@Suite("Kiosk mode: no way out but an administrator")
@MainActor
struct KioskModeTests {
    @Test("nobody signed in: closing is refused and the banner says who can leave")
    func signedOut() {
        let fixture = Fixture(kiosk: true)
        #expect(fixture.shell.requestExit() == .refuse)
        #expect(fixture.shell.notice == .exitNeedsAdministrator)
        #expect(fixture.shell.confirmLeaveKiosk() == false)
    }

    @Test("an operator cannot leave, not even with every filing right")
    func operatorRefused() async {
        for mayFile in [false, true] {
            let fixture = Fixture(kiosk: true, role: .operator, mayFileAllChanges: mayFile)
            await fixture.signIn()
            #expect(fixture.shell.requestExit() == .refuse)
            #expect(!fixture.shell.tasks.contains(.leaveKiosk))
            #expect(fixture.shell.open(task: .leaveKiosk) == false)
            #expect(fixture.shell.confirmLeaveKiosk() == false)
        }
    }

    @Test("an administrator is asked to confirm, and leaving wipes everything")
    func administrator() async {
        let fixture = Fixture(kiosk: true)
        let form = FormStandIn(screen: .enrol, isVisitorData: false)
        fixture.shell.register(form)
        await fixture.signIn()
        #expect(fixture.shell.tasks.last == .leaveKiosk)
        fixture.shell.handle(.inserted(reader: "R", card: visitorCard()))
        #expect(fixture.shell.requestExit() == .confirmLeavingKiosk)
        #expect(fixture.shell.confirmLeaveKiosk())
        #expect(fixture.shell.visitor.card == nil)
        #expect(form.content == nil)
        #expect(fixture.shell.staff == nil)
    }

    @Test("after the administrator's session has ended, the confirmation no longer counts")
    func staleConfirmation() async {
        let fixture = Fixture(kiosk: true)
        await fixture.signIn()
        #expect(fixture.shell.requestExit() == .confirmLeavingKiosk)
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(fixture.shell.confirmLeaveKiosk() == false)
    }

    @Test("outside kiosk mode the window closes at once, wiping first")
    func desktop() async {
        let fixture = Fixture(kiosk: false, role: .operator)
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: "R", card: visitorCard()))
        #expect(fixture.shell.requestExit() == .quit)
        #expect(fixture.shell.visitor.card == nil)
    }

    @Test("in kiosk mode the set-up screens need an administrator; on a desktop they are open before sign-in")
    func setupScreens() {
        let kiosk = Fixture(kiosk: true)
        #expect(kiosk.shell.open(.settings) == false)
        #expect(kiosk.shell.open(.doctor) == false)
        #expect(kiosk.shell.notice == .notAllowed)
        #expect(kiosk.shell.screen == .signIn)
        let desktop = Fixture(kiosk: false)
        #expect(desktop.shell.open(.settings))
        #expect(desktop.shell.screen == .settings)
    }
}

@Suite("Home menu by role, and navigation")
@MainActor
struct HomeMenuTests {
    @Test("administrator: every task; in kiosk mode also leaving")
    func administrator() {
        let admin = staff(.administrator)
        #expect(HomeMenu.tasks(for: admin, kioskMode: true) == KioskTask.allCases)
        #expect(HomeMenu.tasks(for: admin, kioskMode: false) == KioskTask.allCases.filter { $0 != .leaveKiosk })
    }

    @Test("operator without filing rights: no enrol, withdraw or salary tasks; settings only on a desktop")
    func plainOperator() {
        let op = staff(.operator)
        // Looking people up, the roster, today's filings and bills: the roster and statements rights (the service lists them
        // for operators too); no status changes (filing) and no audit log (administering).
        #expect(HomeMenu.tasks(for: op, kioskMode: true) == [.visitorCard, .batchUpload, .uploadRecords, .unpaidPremiums, .insuranceLookup, .cardApplication, .roster,
                                                             .filings, .bills, .statements, .payments, .doctor])
        #expect(HomeMenu.tasks(for: op, kioskMode: false).contains(.settings))
    }

    @Test("operator assigned with 允許使用所有加退保業務功能 files changes")
    func filingOperator() {
        let op = staff(.operator, mayFileAllChanges: true)
        let tasks = HomeMenu.tasks(for: op, kioskMode: true)
        for task in [KioskTask.enrol, .withdraw, .salaryAdjustment, .bulkSalaryAdjustment] { #expect(tasks.contains(task)) }
        #expect(!tasks.contains(.settings) && !tasks.contains(.leaveKiosk))
    }

    @Test("a screen the role does not allow cannot be opened")
    func refused() async {
        let fixture = Fixture(kiosk: true, role: .operator)
        await fixture.signIn()
        #expect(fixture.shell.open(.enrol) == false)
        #expect(fixture.shell.open(task: .enrol) == false)
        #expect(fixture.shell.screen == .home)
        #expect(fixture.shell.notice == .notAllowed)
        #expect(fixture.shell.open(.uploadRecords))
        #expect(fixture.shell.notice == nil)
    }

    @Test("signed out, only sign-in and unit registration (and set-up screens on a desktop) are reachable", arguments: Screen.allCases)
    func signedOutReach(screen: Screen) {
        let kiosk = Fixture(kiosk: true)
        #expect(kiosk.shell.mayOpen(screen) == [.signIn, .locked, .unitRegistration].contains(screen))
        let desktop = Fixture(kiosk: false)
        #expect(desktop.shell.mayOpen(screen) == [.signIn, .locked, .unitRegistration, .settings, .doctor].contains(screen))
    }

    @Test("Back returns along the way taken; Home clears it")
    func back() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.open(.uploadRecords)
        fixture.shell.open(.doctor)
        #expect(fixture.shell.canGoBack)
        fixture.shell.goBack()
        #expect(fixture.shell.screen == .uploadRecords)
        fixture.shell.goBack()
        #expect(fixture.shell.screen == .home)
        #expect(!fixture.shell.canGoBack)
        fixture.shell.goBack()
        #expect(fixture.shell.screen == .home)
        fixture.shell.open(.settings)
        fixture.shell.goHome()
        #expect(fixture.shell.screen == .home)
    }

    @Test("leaving a form screen wipes its data; the visitor stays while the card is in")
    func leavingWipes() async {
        let fixture = Fixture()
        let form = FormStandIn(screen: .enrol, isVisitorData: false)
        fixture.shell.register(form)
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: "R", card: visitorCard()))
        fixture.shell.goHome()
        #expect(fixture.shell.visitor.card != nil)
        fixture.shell.open(.enrol)
        fixture.shell.goHome()
        #expect(form.content == nil)
    }

    @Test("flow screens say which SDK module they wait for; connected screens do not")
    func missingModules() {
        let fixture = Fixture()
        #expect(fixture.shell.missingModule(for: .enrol) == "NHIService, NHIGrades")
        #expect(fixture.shell.missingModule(for: .visitor) == nil)
        #expect(fixture.shell.missingModule(for: .signIn) == nil)
        let bare = KioskShell(settings: KioskSettings(), store: SettingsStore(path: "/nonexistent/k.json"),
                              backends: .none, clock: ManualClock(), isKioskMode: false, isDemo: false)
        #expect(bare.missingModule(for: .signIn) == "NHILogin")
        #expect(bare.missingModule(for: .visitor) == "NHICards")
        #expect(bare.missingModule(for: .doctor) == "NHICards")
        #expect(bare.missingModule(for: .settings) == nil)
        #expect(!bare.signIn.isAvailable)
    }

    @Test("manual lock and sign-out")
    func lockAndSignOut() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.open(.locked)
        #expect(fixture.shell.screen == .locked)
        #expect(fixture.shell.lockReason == .manual)
        #expect(fixture.shell.staff == nil)
        fixture.shell.unlock()
        await fixture.signIn()
        fixture.shell.signOut()
        #expect(fixture.shell.screen == .signIn)
        #expect(fixture.shell.staff == nil)
    }
}

@testable import KioskModel
import Testing

@Suite("Outcomes are never hidden: the toast at the top, the foldable demo tray")
@MainActor
struct OutcomeToastTests {
    @Test("a success toast goes by itself after 10 s; a failure stays until dismissed")
    func lifetimes() async {
        let fixture = Fixture()
        await fixture.signIn()
        let shell = fixture.shell
        shell.showToast("已受理加保申報", isFailure: false)
        #expect(shell.toast?.message == "已受理加保申報")
        #expect(shell.toast?.isFailure == false)
        for _ in 0..<(KioskShell.toastSeconds - 1) { shell.tick() }
        #expect(shell.toast != nil)
        shell.tick()
        #expect(shell.toast == nil)

        shell.showToast("錯誤 9039：密碼不正確", isFailure: true)
        for _ in 0..<60 { shell.tick() }
        #expect(shell.toast?.isFailure == true, "a refusal stays until the person has seen it")
        shell.dismissToast()
        #expect(shell.toast == nil)
        shell.showToast("", isFailure: true)
        #expect(shell.toast == nil, "nothing to say: no toast")
    }

    @Test("leaving the screen, locking, signing out or switching language takes the toast away")
    func clearedByContext() async {
        let fixture = Fixture()
        await fixture.signIn()
        let shell = fixture.shell
        shell.showToast("x", isFailure: true)
        #expect(shell.open(.enrol))
        #expect(shell.toast == nil)
        shell.showToast("x", isFailure: false)
        shell.toggleLanguage()
        #expect(shell.toast == nil, "its text was in the other language")
        shell.showToast("x", isFailure: true)
        shell.lock(.manual)
        #expect(shell.toast == nil)
        await fixture.signIn()
        shell.showToast("x", isFailure: true)
        shell.signOut()
        #expect(shell.toast == nil)
    }

    @Test("the demo tray folds and opens again without touching the card")
    func trayFolds() {
        let tray = DemoCardTray(cards: [], deck: nil)
        #expect(!tray.isCollapsed)
        tray.toggleCollapsed()
        #expect(tray.isCollapsed)
        tray.toggleCollapsed()
        #expect(!tray.isCollapsed)
        #expect(tray.inserted == nil)
    }
}

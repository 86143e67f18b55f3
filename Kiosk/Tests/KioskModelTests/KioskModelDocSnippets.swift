import Foundation
import KioskModel
import Testing

/// The KioskModel catalog's snippet, compiled and run (`DocSnippetDriftTests` checks that it
/// stays line for line the catalog's).
@MainActor
@Suite("KioskModel's doc snippet")
struct KioskModelDocSnippets {
    @Test("The overview: a shell from the saved settings, started, ticked, and asked to exit with nobody signed in")
    func overview() throws {
        let store = SettingsStore(path: NSTemporaryDirectory() + "kiosk-snippet-\(UUID().uuidString).json")
        let backends = KioskBackends()
        let shell = KioskShell(settings: try store.load(), store: store, backends: backends,
                               clock: SystemClock(), isKioskMode: true, isDemo: false)
        shell.start()          // card events
        shell.tick()           // once a second: countdowns and the idle lock
        let exit = shell.requestExit()   // .refuse unless an administrator is signed in
        #expect(exit == .refuse && shell.screen == .signIn)
    }
}

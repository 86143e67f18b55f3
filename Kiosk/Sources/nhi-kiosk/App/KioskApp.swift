import CGtk
import Foundation
import GtkKit
import KioskModel
import KioskSDK
import Logging
import NHICards
import NHICore
import NHIPostgres
import NHIService
import NHIServiceClient
import NHITestSupport

/// The composition root: settings, SDK services, the shell model, the window and its
/// bindings, the once-a-second tick, and the automation hook.
@MainActor
final class KioskApp {
    private let options: LaunchOptions
    private let application = Application(id: "tw.gov.nhi.swift.kiosk")
    private let shell: KioskShell
    private var window: Window?
    private var view: ShellView?
    private var controls = Controls()
    private var ticker: Timeout?
    private var automation: AutomationServer?
    private var closeLater: Timeout?
    /// The demo's working database and this process's claim on it (removed when the kiosk exits).
    private let demo: DemoDatabase?
    private let demoClaim: DemoCopies.Claim?
    /// SIGTERM, SIGINT and SIGHUP quit through the main loop, so the exit tidies up.
    private var signalWatches: [UnixSignalWatch] = []

    init(options: LaunchOptions, settings: KioskSettings, store: SettingsStore, backends: KioskBackends,
         demo: DemoDatabase?, demoClaim: DemoCopies.Claim?) {
        self.options = options
        self.demo = demo
        self.demoClaim = demoClaim
        shell = KioskShell(settings: settings, store: store, backends: backends,
                           clock: KioskModel.SystemClock(), isKioskMode: options.kiosk, isDemo: options.demo,
                           language: options.language,
                           idleTimeout: options.idleTimeoutSeconds.map { .seconds($0) })
        application.onActivate { [weak self] in self?.activate() }
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            signalWatches.append(UnixSignalWatch(signal) { [weak self] in self?.terminate() })
        }
    }

    /// A termination signal: wipe what is on screen and quit (the demo copy goes in ``run()``).
    private func terminate() {
        shell.wipePersonalData()
        application.quit()
    }

    /// The SDK services this build is connected to: the local service over the SQLite file
    /// (`--database`, else the settings' `databasePath`, else `$NHI_DB` or the XDG data
    /// path), or in `--demo` over a fresh copy of the sample database (NHITestSupport);
    /// cards, readers and sign-in through pcscd (NHICards, NHILogin); batch files through
    /// NHIFormats' checker; in `--demo` the virtual card deck in vpcd's first reader.
    static func backends(options: LaunchOptions, settings: KioskSettings) throws -> (KioskBackends, DemoDatabase?, DemoCopies.Claim?) {
        if let url = options.serviceURL { return (try remoteBackends(url: url, options: options, settings: settings), nil, nil) }
        var demo: DemoDatabase?
        var claim: DemoCopies.Claim?
        let store: any NHIStore
        if options.demo {
            // Copies left by a kiosk that crashed or was killed go first (only ours, unheld).
            let stale = DemoCopies.removeStale(in: FileManager.default.temporaryDirectory)
            if !stale.isEmpty { Logger(label: "nhi-kiosk").notice("removed stale demo copies: \(stale.joined(separator: ", "))") }
            let database = try DemoDatabase(cacheDirectory: dataDirectory().appendingPathComponent("demo"))
            demo = database
            claim = try DemoCopies.claim(database.directory)
            store = try SQLiteStore(path: database.path)
        } else {
            // A file path or a postgres:// URL, opened as the CLI opens it.
            store = try NHIStores.open(option: options.databasePath ?? settings.databasePath)
        }
        let service = KioskService(NHIService(store: store))
        // One PC/SC context for the visitor panel, sign-in and the doctor: an open
        // connection to a card is reused between them.
        let pcsc = PCSCContext()
        let report = options.reportCardTimes
        var onSeen: (@Sendable (String) -> Void)?
        if report { onSeen = { _ in KioskApp.reportTime("card-seen") } }
        var authenticator = StaffSignIn(service: service.service, context: pcsc, verifier: ServiceLoginVerifier(service: service.service))
        // The demo's certificate card checks its PIN and signs itself; real HiCOS cards go
        // through the issuer's PKCS#11 module.
        authenticator.certificateToken = options.demo ? .card : .pkcs11(modulePath: settings.pkcs11ModulePath)
        var backends = KioskBackends(
            cards: PCSCCardEventSource(context: pcsc, onInsertionSeen: onSeen),
            readers: PCSCReaderDirectory(context: pcsc),
            authenticator: authenticator,
            service: service,
            batchRegistration: ServiceBatchRegistration(service: service))
        backends.unitRegistrar = authenticator
        backends.filesFolder = options.filesDirectory
        if let demo {
            backends.demoCards = DemoCard.deck(demo.sample)
            var onInsert: (@Sendable (String) -> Void)?
            if report { onInsert = { _ in KioskApp.reportTime("card-inserted") } }
            backends.demoDeck = VirtualReaderDeck(onInsert: onInsert)
        }
        return (backends, demo, claim)
    }

    /// `--service`: everything through the office's `nhi-server` — staff sign in there with
    /// the NHI card read here, and file, read the roster and the check results with the
    /// session it issues. No database is opened; the tasks the server does not serve yet are
    /// not offered. In `--demo` the virtual cards are the sample's (the server's database
    /// must hold the same sample: `nhi-virtual-card demo-database`).
    static func remoteBackends(url: String, options: LaunchOptions, settings: KioskSettings) throws -> KioskBackends {
        let log = Logger(label: "nhi-kiosk")
        let client = try NHIServiceClient(.init(url: url, caFile: options.caFile, onRetry: { notice in
            log.warning("\(notice)")
        }))
        let pcsc = PCSCContext()
        var authenticator = RemoteStaffSignIn(client: client, context: pcsc)
        authenticator.certificateToken = options.demo ? .card : .pkcs11(modulePath: settings.pkcs11ModulePath)
        var backends = KioskBackends(
            cards: PCSCCardEventSource(context: pcsc),
            readers: PCSCReaderDirectory(context: pcsc),
            authenticator: authenticator)
        backends.workflows = { session in RemoteUnitWorkflows(client: client, unitCode: session.unitCode) }
        backends.batchRegistration = RemoteBatchRegistration(client: client)
        backends.tables = .bundled
        backends.filesFolder = options.filesDirectory
        backends.connectedTasks = [.visitorCard, .enrol, .withdraw, .salaryAdjustment, .bulkSalaryAdjustment, .filings, .bills, .unpaidPremiums, .staff, .insuranceLookup,
                                    .statusChange, .roster, .auditLog, .statements, .payments, .filingImport, .cardApplication, .doctor,
                                    .batchUpload, .uploadRecords, .settings]
        if options.demo {
            backends.demoCards = DemoCard.deck(DemoData.sample(today: .today()))
            backends.demoDeck = VirtualReaderDeck(onInsert: nil)
        }
        return backends
    }

    /// Whether PC/SC lists a card reader that is not one of vpcd's virtual readers (asked
    /// once at start-up, for `--auto-demo`; no pcscd counts as no reader).
    nonisolated static func realReaderAttached() -> Bool {
        final class Answer: @unchecked Sendable {
            var value = false
            let done = DispatchSemaphore(value: 0)
        }
        let answer = Answer()
        Task.detached {
            let names = (try? await PCSCContext().readers().map(\.name)) ?? []
            answer.value = names.contains { !$0.hasPrefix("Virtual PCD") }
            answer.done.signal()
        }
        answer.done.wait()
        return answer.value
    }

    /// `nhi-kiosk: <event> realtime-ns=<CLOCK_REALTIME>` on standard error (`--report-card-times`).
    nonisolated static func reportTime(_ event: String) {
        FileHandle.standardError.write(Data("nhi-kiosk: \(event) realtime-ns=\(StartupClock.realtimeNanoseconds())\n".utf8))
    }

    /// `$XDG_DATA_HOME/nhi` (or `~/.local/share/nhi`).
    private static func dataDirectory() -> URL {
        URL(fileURLWithPath: NHIPaths.dataDirectory())
    }

    func run() -> Int32 {
        let status = application.run()
        automation?.stop()
        shell.stop()
        // The process ends with exit(): nothing is deinitialised, so the copy goes here.
        demoClaim?.removeCopy()
        return status
    }

    private func activate() {
        guard window == nil else {
            window?.present()
            return
        }
        StyleSheet.apply(Theme.css)
        let window = Window(application: application)
        self.window = window
        window.setDefaultSize(width: 1280, height: 800)
        let context = ViewContext(shell: shell, controls: controls, window: window, printDirectory: options.printDirectory)
        let view = ShellView(context: context)
        self.view = view
        view.home.onLeaveKiosk = { [weak window] in window?.close() }
        window.setChild(view.root)
        window.title = Text.windowTitle.localized(shell.language)

        window.onCloseRequest { [weak self] in self?.closeRequested() ?? true }
        KeyController.attach(to: window) { [weak view] key in view?.handleKey(key) ?? false }
        KeyController.observeActivity(on: window) { [shell] in shell.noteActivity() }

        if options.kiosk {
            window.isDecorated = false
            window.isDeletable = false
            window.fullscreen()
            // A window manager may take full screen away; kiosk mode takes it back.
            Signals.onNotify(window, "fullscreened") { [weak window] in
                guard let window, !window.isFullscreen else { return }
                window.fullscreen()
            }
        }
        if options.reportFirstFrame {
            window.onFirstFrame {
                let sinceStart = StartupClock.millisecondsSinceProcessStart().map { String(format: "%.0f", $0) } ?? "?"
                FileHandle.standardError.write(Data(
                    "nhi-kiosk: first-frame realtime-ns=\(StartupClock.realtimeNanoseconds()) since-process-start-ms=\(sinceStart)\n".utf8))
            }
        }
        if let path = options.automationSocket {
            do {
                automation = try AutomationServer(path: path) { [weak self] line in await self?.perform(line) ?? "{}" }
                Logger(label: "nhi-kiosk").notice("automation hook listening at \(path)")
            } catch {
                Logger(label: "nhi-kiosk").error("automation hook not started: \(error)")
            }
        }
        if options.reportCardTimes {
            // The visitor view renders from the same change in the same main-loop turn.
            let shown = ShownCard()
            observe { [shell] in
                let card = shell.visitor.card
                if let card, card != shown.card { Self.reportTime("identity-shown") }
                shown.card = card
            }
        }
        ticker = Timeout(every: 1000) { [shell] in
            shell.tick()
            return true
        }
        shell.start()
        window.present()
    }

    /// The window's close request (title bar, Alt+F4, Ctrl+Q, "Leave kiosk mode", `close`).
    private func closeRequested() -> Bool {
        switch shell.requestExit() {
        case .quit:
            return true
        case .refuse:
            return false
        case .confirmLeavingKiosk:
            guard let window else { return false }
            let t = { (text: Text) in text.localized(self.shell.language) }
            MessageDialog.present(parent: window, title: t(.leaveKioskTitle), message: t(.leaveKioskMessage),
                                  buttons: [t(.cancel), t(.leave)], defaultIndex: 0, cancelIndex: 0) { [weak self] answer in
                guard let self, answer == 1, self.shell.confirmLeaveKiosk() else { return }
                self.application.quit()
            }
            return false
        }
    }

    // MARK: Automation hook

    private struct Reply: Encodable {
        var ok: Bool
        var error: String?
    }

    private func perform(_ line: String) async -> String {
        let reply = execute(line)
        // Let the views' observation tasks (queued on the main actor by the change) run first,
        // so the reply describes what is on screen.
        for _ in 0..<3 { await Task.yield() }
        return reply()
    }

    /// Runs a command; the returned closure builds the reply after the screen has updated.
    private func execute(_ line: String) -> () -> String {
        let command: AutomationCommand
        do {
            command = try AutomationCommand(line: line)
        } catch {
            let reply = encode(Reply(ok: false, error: error.reason))
            return { reply }
        }
        func failure(_ message: String) -> () -> String {
            let reply = encode(Reply(ok: false, error: message))
            return { reply }
        }
        switch command {
        case .state:
            return { [self] in
                var snapshot = KioskSnapshot(shell)
                snapshot.fullscreen = window?.isFullscreen
                snapshot.focus = window?.focusedWidget.flatMap { controls.name(of: $0) }
                return snapshot.jsonLine()
            }
        case .press(let name):
            guard let widget = controls.visible(named: name) else { return failure("no visible control named \(name)") }
            if let button = widget as? Button {
                button.click()
            } else if let check = widget as? CheckButton {
                check.isActive.toggle()
            } else {
                return failure("\(name) is a \(widget.typeName), not a button")
            }
        case .fill(let name, let text):
            guard let widget = controls.visible(named: name) else { return failure("no visible field named \(name)") }
            if let entry = widget as? Entry {
                entry.text = text
            } else if let secret = widget as? PasswordEntry {
                secret.clear()
                secret.insert(text)
            } else {
                return failure("\(name) is a \(widget.typeName), not a text field")
            }
        case .choose(let name, let item):
            guard let widget = controls.visible(named: name) else { return failure("no visible drop-down named \(name)") }
            guard let dropDown = widget as? DropDown else { return failure("\(name) is a \(widget.typeName), not a drop-down") }
            guard let index = dropDown.items.firstIndex(of: item) else {
                return failure("\(name) has no item \(item); items: \(dropDown.items.joined(separator: ", "))")
            }
            dropDown.selectedIndex = index
        case .open(let screen):
            guard shell.open(screen) else { return failure("not allowed: \(screen.rawValue)") }
        case .language(let language):
            shell.setLanguage(language)
        case .close:
            // After the reply has gone out: closing may end the process.
            closeLater = Timeout(after: 200) { [weak self] in self?.window?.close() }
        }
        shell.noteActivity()
        let reply = encode(Reply(ok: true))
        return { reply }
    }

    private func encode(_ reply: Reply) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(reply)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// The visitor card last reported by `--report-card-times`.
@MainActor
private final class ShownCard {
    var card: VisitorCard?
}

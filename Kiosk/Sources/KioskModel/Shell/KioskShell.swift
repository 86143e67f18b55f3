import NHICore
import Observation

/// The kiosk's shell: which screen is up, who is signed in, the language, idle locking,
/// the visitor's card, and kiosk mode's exit rule. The GTK window binds to this and to the
/// screen models it owns; every behaviour is here, testable without a display.
@Observable
@MainActor
public final class KioskShell {
    /// Kiosk mode (`--kiosk`): full screen, and only an administrator can leave.
    public let isKioskMode: Bool
    /// Demo mode (`--demo`): says so on every screen.
    public let isDemo: Bool

    public private(set) var language: Language
    public private(set) var screen: Screen = .signIn
    public private(set) var staff: StaffSession? {
        didSet { currentStaff.session = staff }
    }
    public private(set) var lockReason: LockReason?
    /// 鎖定 (not 登出): whose session waits on the lock screen, to resume when the same
    /// person signs in again with the same credential (nil after idle, sign-out or another person).
    public private(set) var lockedSession: StaffSession?
    /// The screen that was open when 鎖定 was pressed (resumed there).
    @ObservationIgnored private var lockedScreen: Screen?
    /// The signed-in unit's name (from the service's unit register; nil until known or when
    /// the service has no record — never guessed).
    public private(set) var unitName: String?
    /// Seconds until the idle lock, while the warning is up.
    public private(set) var idleWarning: Int?
    /// A message for the banner (exit refused, not allowed …); cleared on navigation.
    public private(set) var notice: Text?
    /// The latest outcome (a filing receipt, an upload result, a refusal) as a toast at the
    /// top of the window, over the page: never below the fold.
    public private(set) var toast: Toast?

    public let signIn: SignInModel
    public let visitor: VisitorPanelModel
    public let settings: SettingsModel
    public let doctor: DoctorModel

    // Flow screens (their models hold personal data and are wiped with the shell's rules).
    public let visitorServices: VisitorServicesModel
    public let enrolment: EnrolmentModel
    public let withdrawal: WithdrawalModel
    public let salaryAdjustment: SalaryAdjustmentModel
    public let bulkAdjustment: BulkAdjustmentModel
    public let unpaidPremiums: UnpaidPremiumsModel
    public let batchUpload: BatchUploadModel
    public let uploadRecords: UploadRecordsModel
    public let staffManagement: StaffManagementModel
    public let insuranceLookup: InsuranceLookupModel
    public let filingsToday: FilingsTodayModel
    public let billsModel: BillsModel
    public let statusChange: StatusChangeModel
    public let roster: RosterModel
    public let auditLog: AuditLogModel
    public let statements: StatementsModel
    public let payments: PaymentsModel
    public let filingImport: FilingImportModel
    public let cardApplication: CardApplicationModel
    public let dprFiling: DPRFilingModel
    /// 單位註冊作業 (before anyone signs in).
    public let unitRegistration: UnitRegistrationModel
    /// Demo mode's virtual card tray.
    public let demoTray: DemoCardTray

    @ObservationIgnored public let idle: IdleTimer
    @ObservationIgnored public let backends: KioskBackends

    @ObservationIgnored private var history: [Screen] = []
    @ObservationIgnored private var cardTask: Task<Void, Never>?
    @ObservationIgnored private var personalDataHolders: [any PersonalDataHolder] = []
    @ObservationIgnored private let currentStaff = CurrentStaff()

    /// The shell over `backends`.
    ///
    /// - Parameters:
    ///   - settings: the counter's settings (language, idle timeout, readers …).
    ///   - store: where changed settings are saved.
    ///   - backends: the SDK's parts (cards, sign-in, the service or nhi-server).
    ///   - clock: the clock idle time is measured by.
    ///   - isKioskMode: full-screen counter mode (no file chooser, no leaving the kiosk).
    ///   - isDemo: demo mode (virtual cards, the sample database).
    ///   - language: overrides the settings' language (`--lang`).
    ///   - idleTimeout: overrides the settings' idle timeout (tests, `--idle-timeout`).
    public init(settings: KioskSettings, store: SettingsStore, backends: KioskBackends, clock: any KioskClock,
                isKioskMode: Bool, isDemo: Bool, language: Language? = nil, idleTimeout: Duration? = nil) {
        self.isKioskMode = isKioskMode
        self.isDemo = isDemo
        self.backends = backends
        self.language = language ?? settings.language
        idle = IdleTimer(timeout: idleTimeout ?? .seconds(settings.idleTimeoutSeconds), clock: clock)
        signIn = SignInModel(authenticator: backends.authenticator, clock: clock)
        signIn.readerName = settings.readerName
        visitor = VisitorPanelModel(readerName: settings.readerName)
        self.settings = SettingsModel(store: store, initial: settings, readers: backends.readers)
        doctor = DoctorModel(readers: backends.readers)
        let current = currentStaff
        let flows = FlowContext(service: backends.service, session: { current.session }, workflows: backends.workflows,
                                tables: backends.tables, filesFolder: backends.filesFolder)
        visitorServices = VisitorServicesModel(context: flows)
        enrolment = EnrolmentModel(context: flows)
        withdrawal = WithdrawalModel(context: flows)
        salaryAdjustment = SalaryAdjustmentModel(context: flows)
        bulkAdjustment = BulkAdjustmentModel(context: flows)
        unpaidPremiums = UnpaidPremiumsModel(context: flows)
        batchUpload = BatchUploadModel(context: flows, backend: backends.batchRegistration)
        uploadRecords = UploadRecordsModel(context: flows, backend: backends.batchRegistration)
        staffManagement = StaffManagementModel(context: flows)
        insuranceLookup = InsuranceLookupModel(context: flows)
        filingsToday = FilingsTodayModel(context: flows)
        billsModel = BillsModel(context: flows)
        statusChange = StatusChangeModel(context: flows)
        roster = RosterModel(context: flows)
        auditLog = AuditLogModel(context: flows)
        statements = StatementsModel(context: flows)
        payments = PaymentsModel(context: flows)
        filingImport = FilingImportModel(context: flows, folder: backends.filesFolder)
        cardApplication = CardApplicationModel(context: flows)
        dprFiling = DPRFilingModel(context: flows, folder: backends.filesFolder)
        unitRegistration = UnitRegistrationModel(registrar: backends.unitRegistrar)
        unitRegistration.readerName = settings.readerName
        demoTray = DemoCardTray(cards: isDemo ? backends.demoCards : [], deck: isDemo ? backends.demoDeck : nil)
        for flow in flowModels { register(flow) }
        let fixedIdle = idleTimeout != nil
        signIn.onSignedIn = { [weak self] session in self?.signedIn(session) }
        unitRegistration.onSignInRequested = { [weak self] unit, method in
            guard let self, self.staff == nil else { return }
            self.signIn.prepareFirstSignIn(unit: unit, registeredBy: method)
            self.goHome()
        }
        self.settings.onSaved = { [weak self] previous, saved in
            guard let self else { return }
            // The saved language is the start-up default; it replaces the language on screen
            // only when it was changed in the form.
            if saved.language != previous.language { self.language = saved.language }
            self.signIn.readerName = saved.readerName
            self.unitRegistration.readerName = saved.readerName
            self.visitor.readerName = saved.readerName
            if !fixedIdle { self.idle.timeout = .seconds(saved.idleTimeoutSeconds) }
        }
    }

    // MARK: Card events

    /// Starts listening to the card source (when there is one).
    public func start() {
        guard cardTask == nil, let cards = backends.cards else { return }
        cardTask = Task { [weak self] in
            for await event in cards.events() {
                guard let self else { return }
                self.handle(event)
            }
        }
    }

    /// Stops listening to card events.
    public func stop() {
        cardTask?.cancel()
        cardTask = nil
    }

    /// Reacts to a reader event. Cards inserted while nobody is signed in are the staff's own
    /// (for signing in) and never reach the visitor panel. A visitor's card appearing on the
    /// home screen opens the panel at once; removing it wipes the visitor.
    public func handle(_ event: CardEvent) {
        guard staff != nil, screen != .locked else {
            signIn.cardEvent(event)  // the staff member's own card: the sign-in screen's indicator
            unitRegistration.cardEvent(event)  // or the owner's, registering the unit
            return
        }
        guard visitor.handle(event) else { return }
        visitorServices.show(visitor.card)
        switch event {
        case .inserted, .unreadable:
            if screen == .home { show(.visitor, remember: true) }
        case .removed, .readerLost:
            guard visitor.card == nil else { return }
            wipeVisitorFlows()
            if screen.isVisitorBound, screen != .visitor { show(.visitor, remember: false) }
        }
    }

    // MARK: Navigation

    /// Whether the current staff (or nobody) may open `screen` now.
    public func mayOpen(_ screen: Screen) -> Bool {
        HomeMenu.allows(screen, for: staff, kioskMode: isKioskMode) && isConnected(screen)
    }

    /// Whether this kiosk's connection carries `screen`'s task (with `--service`, only the
    /// workflows `nhi-server` serves; screens that need no task always).
    private func isConnected(_ screen: Screen) -> Bool {
        guard let connected = backends.connectedTasks,
              let task = KioskTask.allCases.first(where: { $0.screen == screen }) else { return true }
        return connected.contains(task)
    }

    /// The home menu for the signed-in staff.
    public var tasks: [KioskTask] {
        guard let staff else { return [] }
        let tasks = HomeMenu.tasks(for: staff, kioskMode: isKioskMode)
        guard let connected = backends.connectedTasks else { return tasks }
        return tasks.filter { connected.contains($0) || $0 == .leaveKiosk }
    }

    /// Opens a screen when the role allows it; otherwise leaves a notice. Returns whether
    /// the screen changed.
    @discardableResult
    public func open(_ target: Screen) -> Bool {
        guard target != screen else { return true }
        guard target != .locked else { lock(.manual); return true }
        guard mayOpen(target) else {
            notice = .notAllowed
            return false
        }
        show(target, remember: true)
        flow(for: target)?.screenOpened()
        if target == .settings { Task { await settings.loadReaders() } }
        if target == .doctor { Task { await doctor.run() } }
        return true
    }

    /// 加保此人: opens the enrolment form filled in from the visitor's card (when the
    /// session may file). Returns whether it opened.
    @discardableResult
    public func enrolVisitor() -> Bool {
        guard let card = visitor.card, mayOpen(.enrol) else { return false }
        enrolment.prefill(from: card)
        return open(.enrol)
    }

    /// Whether 加保此人 is offered: a visitor's card is in and the session may enrol.
    public var mayEnrolVisitor: Bool { visitor.card != nil && mayOpen(.enrol) }

    /// Opens a home-menu task.
    @discardableResult
    public func open(task: KioskTask) -> Bool {
        if task == .leaveKiosk {
            _ = requestExit()
            return false
        }
        guard let staff, HomeMenu.allows(task, for: staff, kioskMode: isKioskMode), let target = task.screen, isConnected(target) else {
            notice = .notAllowed
            return false
        }
        return open(target)
    }

    /// Back: the previous screen (Escape).
    public func goBack() {
        guard screen != .signIn, screen != .locked, screen != .home else { return }
        var target = history.popLast() ?? (staff == nil ? .signIn : .home)
        while !mayOpen(target) { target = history.popLast() ?? (staff == nil ? .signIn : .home) }
        show(target, remember: false)
    }

    /// Home (or the sign-in screen when nobody is signed in).
    public func goHome() {
        history.removeAll()
        show(staff == nil ? .signIn : .home, remember: false)
    }

    /// Whether leaving this screen (Back, Esc, Home) would discard a half-filled form: the
    /// window asks first.
    public var leavingDiscardsInput: Bool { flow(for: screen)?.hasUnsavedInput ?? false }

    /// Whether Back does anything on this screen.
    public var canGoBack: Bool { screen != .signIn && screen != .locked && screen != .home }

    /// Clears the banner.
    public func dismissNotice() { notice = nil }

    // MARK: Toasts

    /// An outcome shown at the top of the window.
    public struct Toast: Sendable, Hashable {
        /// The message as shown (in the language of the moment).
        public let message: String
        /// A refusal or failure (never shown in success green; stays until dismissed).
        public let isFailure: Bool
        /// Seconds left before a success toast goes by itself.
        public internal(set) var secondsLeft: Int
    }

    /// How long a success toast stays (failures stay until dismissed, a new attempt, or
    /// leaving the screen).
    public static let toastSeconds = 10

    /// Shows `message` as the outcome of what was just done.
    public func showToast(_ message: String, isFailure: Bool) {
        guard !message.isEmpty else { return }
        toast = Toast(message: message, isFailure: isFailure, secondsLeft: Self.toastSeconds)
    }

    /// Takes the toast away (its close button, a new attempt).
    public func dismissToast() {
        if toast != nil { toast = nil }
    }

    private func show(_ target: Screen, remember: Bool) {
        if remember, screen != target, screen != .locked { history.append(screen) }
        if screen.holdsPersonalData, !target.holdsPersonalData, screen != .visitor {
            wipeScreenData(leaving: screen)
        }
        screen = target
        notice = nil
        toast = nil
        idleWarning = nil
    }

    // MARK: Staff session

    private func signedIn(_ session: StaffSession) {
        // The same person, unit and way of signing in as the locked session: resume where they were.
        let resumed = lockedSession.map { $0.resumes(as: session) } ?? false
        // The owner signs in as owner (負責人登入) to assign administrators and operators:
        // straight to 單位管理者登錄作業.
        let ownerAssigns = session.caller.standing == .owner && HomeMenu.allows(KioskTask.staff, for: session, kioskMode: isKioskMode)
        let target = resumed ? (lockedScreen ?? .home) : ownerAssigns ? .staff : .home
        lockedSession = nil
        lockedScreen = nil
        staff = session
        lockReason = nil
        history.removeAll()
        if target != .home { history.append(.home) }
        show(target, remember: false)
        if target != .home { flow(for: target)?.screenOpened() }
        idle.noteActivity()
        loadUnitName(session.unitCode)
    }

    /// Looks the unit's name up in the service's register for the header.
    private func loadUnitName(_ code: UnitCode) {
        unitName = nil
        guard let service = backends.service else { return }
        Task { [weak self] in
            let name = try? await service.run { try $0.units.account(code).unit.name }
            guard let self, self.staff?.unitCode == code else { return }
            self.unitName = name
        }
    }

    /// Signs out: wipes everything personal and returns to the sign-in screen (a locked
    /// session is dropped too).
    public func signOut() {
        endSession()
        wipePersonalData()
        staff = nil
        lockedSession = nil
        lockedScreen = nil
        unitName = nil
        lockReason = nil
        history.removeAll()
        show(.signIn, remember: false)
    }

    /// Tells the authenticator the signed-in session ends here (a server revokes its token;
    /// signing in again, also to resume a locked session, opens a new one).
    private func endSession() {
        guard let staff, let authenticator = backends.authenticator else { return }
        Task { await authenticator.signOut(staff) }
    }

    /// Locks: wipes personal data and shows the lock screen. 鎖定 (``LockReason/manual``)
    /// keeps the session to resume with the same credential; idling signs out.
    public func lock(_ reason: LockReason) {
        if reason == .manual, let staff {
            lockedSession = staff
            lockedScreen = screen == .locked || screen.isVisitorBound ? .home : screen
        } else if reason == .idle {
            lockedSession = nil
            lockedScreen = nil
        }
        endSession()
        wipePersonalData()
        staff = nil
        unitName = nil
        lockReason = reason
        history.removeAll()
        show(.locked, remember: false)
    }

    /// Leaves the lock screen for the sign-in screen (for a locked session: its sign-in
    /// method chosen, to sign in again with the same credential).
    public func unlock() {
        guard screen == .locked else { return }
        lockReason = nil
        if let locked = lockedSession { signIn.prepareResume(method: locked.method, organisation: locked.isOrganisation) }
        show(.signIn, remember: false)
        idle.noteActivity()
    }

    // MARK: Idle

    /// Someone used the kiosk.
    public func noteActivity() {
        idle.noteActivity()
        if idleWarning != nil { idleWarning = nil }
    }

    /// Called once a second: advances countdowns and applies the idle rule. On the sign-in
    /// screen idling clears what was typed; on the lock screen nothing happens; anywhere
    /// else the kiosk locks.
    public func tick() {
        signIn.tick()
        if var shown = toast, !shown.isFailure {
            shown.secondsLeft -= 1
            toast = shown.secondsLeft > 0 ? shown : nil
        }
        guard screen != .locked else {
            idleWarning = nil
            if lockedSession != nil, idle.state == .expired {
                // Nobody came back within the idle timeout: the kept session lapses (signed out).
                lockedSession = nil
                lockedScreen = nil
            }
            return
        }
        switch idle.state {
        case .active:
            if idleWarning != nil { idleWarning = nil }
        case .warning(let seconds):
            if idleWarning != seconds { idleWarning = seconds }
        case .expired:
            idleWarning = nil
            if screen == .signIn || staff == nil && screen == .unitRegistration {
                // Nobody is signed in: what was typed goes, and the sign-in screen comes back.
                signIn.clear()
                unitRegistration.wipePersonalData()
                lockedSession = nil
                lockedScreen = nil
                idle.noteActivity()
                if screen != .signIn { goHome() }
            } else {
                lock(.idle)
            }
        }
    }

    // MARK: Language

    /// Switches the display language (not saved; the settings screen saves a default).
    public func setLanguage(_ newLanguage: Language) {
        if newLanguage != language { toast = nil }  // its text is in the other language
        language = newLanguage
    }

    /// Switches to the other language.
    public func toggleLanguage() { setLanguage(language.other) }

    // MARK: Personal data

    /// Registers a flow's model so lock, idle and sign-out wipe it too.
    public func register(_ holder: any PersonalDataHolder) { personalDataHolders.append(holder) }

    /// Forgets every piece of personal data: visitor, sign-in input, flow forms.
    public func wipePersonalData() {
        signIn.clear()
        visitor.wipe()
        for holder in personalDataHolders { holder.wipePersonalData() }
    }

    /// Every flow screen's model.
    public var flowModels: [any FlowModel] {
        [visitorServices, enrolment, withdrawal, salaryAdjustment, bulkAdjustment, unpaidPremiums, batchUpload, uploadRecords,
         staffManagement, insuranceLookup, filingsToday, billsModel, statusChange, roster, auditLog,
         statements, payments, filingImport, cardApplication, dprFiling, unitRegistration]
    }

    /// The model of a flow screen.
    public func flow(for screen: Screen) -> (any FlowModel)? {
        switch screen {
        case .enrol: enrolment
        case .withdraw: withdrawal
        case .salaryAdjustment: salaryAdjustment
        case .bulkSalaryAdjustment: bulkAdjustment
        case .unpaidPremiums: unpaidPremiums
        case .batchUpload: batchUpload
        case .uploadRecords: uploadRecords
        case .staff: staffManagement
        case .insuranceLookup: insuranceLookup
        case .filings: filingsToday
        case .bills: billsModel
        case .statusChange: statusChange
        case .roster: roster
        case .auditLog: auditLog
        case .statements: statements
        case .payments: payments
        case .filingImport: filingImport
        case .cardApplication: cardApplication
        case .dpr: dprFiling
        case .unitRegistration: unitRegistration
        case .visitor: visitorServices
        case .signIn, .home, .doctor, .settings, .locked: nil
        }
    }

    private func wipeVisitorFlows() {
        for holder in personalDataHolders where holder.isVisitorData { holder.wipePersonalData() }
    }

    private func wipeScreenData(leaving screen: Screen) {
        for holder in personalDataHolders where holder.screen == screen { holder.wipePersonalData() }
    }

    // MARK: Leaving

    /// What the window should do about a close request (title bar, Alt+F4, Ctrl+Q, the
    /// leave task).
    public enum ExitDecision: Sendable, Hashable {
        /// Close now (personal data already wiped).
        case quit
        /// Kiosk mode with an administrator signed in: ask, then ``confirmLeaveKiosk()``.
        case confirmLeavingKiosk
        /// Kiosk mode without an administrator: stay; the notice says how to leave.
        case refuse
    }

    /// Decides about a close request.
    public func requestExit() -> ExitDecision {
        guard isKioskMode else {
            wipePersonalData()
            return .quit
        }
        guard staff?.role == .administrator else {
            notice = .exitNeedsAdministrator
            return .refuse
        }
        return .confirmLeavingKiosk
    }

    /// The administrator confirmed leaving kiosk mode: wipes and returns true when the
    /// window may close (false when the administrator is no longer signed in).
    public func confirmLeaveKiosk() -> Bool {
        guard !isKioskMode || staff?.role == .administrator else {
            notice = .exitNeedsAdministrator
            return false
        }
        wipePersonalData()
        staff = nil
        return true
    }

    // MARK: Availability

    /// The SDK module a screen still lacks in this build, or nil when it works.
    public func missingModule(for screen: Screen) -> String? {
        switch screen {
        case .signIn: backends.authenticator == nil ? screen.sdkModule : nil
        case .unitRegistration: backends.unitRegistrar == nil ? screen.sdkModule : nil
        case .visitor: backends.cards == nil ? screen.sdkModule : nil
        case .doctor: backends.readers == nil ? screen.sdkModule : nil
        case .home, .settings, .locked: nil
        case .enrol, .withdraw, .salaryAdjustment, .bulkSalaryAdjustment, .filings, .bills, .staff, .insuranceLookup, .unpaidPremiums,
             .statusChange, .roster, .auditLog, .statements, .payments, .filingImport, .cardApplication:
            // The unit workflows: the local service's, or nhi-server's (`--service`).
            backends.service == nil && backends.workflows == nil ? screen.sdkModule : nil
        case .dpr:
            backends.service == nil ? screen.sdkModule : nil
        case .batchUpload, .uploadRecords:
            // The local service's batch registration, or nhi-server's (`--service`).
            backends.batchRegistration == nil ? screen.sdkModule : nil
        }
    }
}

/// A flow's model that holds personal data: the shell wipes it on lock, idle and sign-out,
/// when its screen is left, and — for visitor data — when the visitor's card comes out.
@MainActor
public protocol PersonalDataHolder: AnyObject {
    /// The screen the data belongs to.
    var screen: Screen { get }
    /// Whether the data is the visitor's (wiped on card removal).
    var isVisitorData: Bool { get }
    /// Forgets it.
    func wipePersonalData()
}

/// The signed-in staff as the flow models read it (set by the shell).
@MainActor
private final class CurrentStaff {
    var session: StaffSession?
}

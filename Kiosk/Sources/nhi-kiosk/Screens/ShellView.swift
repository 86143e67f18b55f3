import CGtk
import GtkKit
import KioskModel

/// The window's content: header (title, staff, Home, Back, Lock, Sign out, language),
/// banners (demo, notices, idle warning) and the screens in a stack.
@MainActor
final class ShellView {
    let root = Box(.vertical)
    private let context: ViewContext
    private var shell: KioskShell { context.shell }

    private let header = Box(.horizontal, spacing: 12, role: .banner)
    private let title = Label("", role: .heading)
    private let staffBadge = Label()
    /// The unit (code and name) and the sign-in method, under the staff badge.
    private let unitBadge = Label()
    private let homeButton = Button("")
    private let backButton = Button("")
    private let lockButton = Button("")
    private let signOutButton = Button("")
    private let settingsButton = Button("")
    private let doctorButton = Button("")
    private let languageButton = Button("")
    private let demoBanner = Label("", role: .status)
    private let notice = Label("", role: .alert)
    private let idleBanner = Box(.horizontal, spacing: 16, role: .alert)
    private let idleText = Label()
    private let keepWorking = Button("")
    private let stack = Stack()
    /// The page area: the stack, with the toast and the idle warning floating over it (no
    /// layout shift: the page never moves under a finger).
    private let content: Overlay
    private let toast = Box(.horizontal, spacing: 16)
    private let toastText = Label("", role: .alert)
    private let toastClose = Button("")

    private(set) var views: [Screen: any ScreenView] = [:]
    private var shownScreen: Screen?

    /// The sign-in screen (keyboard digits go to its keypad).
    let signIn: SignInView
    let home: HomeView
    /// 單位註冊作業 (keyboard digits go to its keypad too).
    let unitRegistration: UnitRegistrationView
    private let demoTray: DemoTrayView

    init(context: ViewContext) {
        self.context = context
        root.addStyleClass("kiosk")

        header.addStyleClass("header")
        title.addStyleClass("header-title")
        title.expand(horizontally: true)
        staffBadge.addStyleClass("staff-badge")
        unitBadge.addStyleClass("unit-badge")
        let who = Box(.vertical, spacing: 2)
        who.align(vertical: GTK_ALIGN_CENTER)
        who.append([staffBadge, unitBadge])
        header.append([title, who, settingsButton, doctorButton, homeButton, backButton, lockButton, signOutButton,
                       languageButton])
        for button in [settingsButton, doctorButton, homeButton, backButton, lockButton, signOutButton, languageButton] {
            button.setMinimumSize(width: 96, height: 48)
            button.addStyleClass("header-button")
        }
        languageButton.addStyleClass("language")
        homeButton.onClick { [context] in confirmDiscard(context) { context.shell.goHome() } }
        backButton.onClick { [context] in confirmDiscard(context) { context.shell.goBack() } }
        lockButton.onClick { [shell = context.shell] in shell.lock(.manual) }
        signOutButton.onClick { [shell = context.shell] in shell.signOut() }
        languageButton.onClick { [shell = context.shell] in shell.toggleLanguage() }
        settingsButton.onClick { [shell = context.shell] in shell.open(.settings) }
        doctorButton.onClick { [shell = context.shell] in shell.open(.doctor) }
        lockButton.setAccessibleKeyShortcuts("Control+L")
        backButton.setAccessibleKeyShortcuts("Escape")

        demoBanner.addStyleClass("demo-banner")
        notice.addStyleClass("notice")
        idleBanner.addStyleClass("idle-banner")
        idleText.expand(horizontally: true)
        keepWorking.setMinimumSize(width: 160, height: 48)
        keepWorking.onClick { [shell = context.shell] in shell.noteActivity() }
        idleBanner.append([idleText, keepWorking])
        idleBanner.align(horizontal: GTK_ALIGN_CENTER, vertical: GTK_ALIGN_CENTER)
        stack.expand(horizontally: true, vertically: true)
        toast.addStyleClass("toast")
        toast.align(horizontal: GTK_ALIGN_CENTER, vertical: GTK_ALIGN_START)
        toast.setMargin(12)
        toastText.expand(horizontally: true)
        toastClose.setMinimumSize(width: 120, height: 48)
        toastClose.onClick { [shell = context.shell] in shell.dismissToast() }
        toast.append([toastText, toastClose])
        content = Overlay(stack)
        content.expand(horizontally: true, vertically: true)
        content.addOverlay(toast)
        content.addOverlay(idleBanner)
        demoTray = DemoTrayView(context: context)
        root.append([header, demoBanner, notice, content, demoTray.root])

        signIn = SignInView(context: context)
        home = HomeView(context: context)
        views[.signIn] = signIn
        views[.home] = home
        views[.visitor] = VisitorView(context: context)
        views[.settings] = SettingsView(context: context)
        views[.doctor] = DoctorView(context: context)
        views[.locked] = LockView(context: context)
        views[.enrol] = EnrolView(context: context)
        views[.withdraw] = WithdrawView(context: context)
        views[.salaryAdjustment] = SalaryAdjustmentView(context: context)
        views[.bulkSalaryAdjustment] = BulkAdjustmentView(context: context)
        views[.unpaidPremiums] = UnpaidPremiumsView(context: context)
        views[.batchUpload] = BatchUploadView(context: context)
        views[.uploadRecords] = UploadRecordsView(context: context)
        views[.staff] = StaffView(context: context)
        views[.insuranceLookup] = InsuranceLookupView(context: context)
        views[.filings] = FilingsTodayView(context: context)
        views[.bills] = BillsView(context: context)
        views[.statusChange] = StatusChangeView(context: context)
        views[.roster] = RosterView(context: context)
        views[.auditLog] = AuditLogView(context: context)
        views[.statements] = StatementsView(context: context)
        views[.payments] = PaymentsView(context: context)
        views[.filingImport] = FilingImportView(context: context)
        views[.cardApplication] = CardApplicationView(context: context)
        views[.dpr] = DPRFilingView(context: context)
        unitRegistration = UnitRegistrationView(context: context)
        views[.unitRegistration] = unitRegistration
        for screen in Screen.allCases where views[screen] == nil {
            views[screen] = NotConnectedView(screen: screen, context: context)
        }
        for screen in Screen.allCases {
            stack.add(views[screen]!.root, name: screen.rawValue)
        }
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let controls = context.controls
        let screen = shell.screen
        title.text = t(.appTitle)
        context.window.title = t(.windowTitle)

        if let staff = shell.staff {
            staffBadge.text = t(staff.badge)
            staffBadge.isVisible = true
            unitBadge.text = t(.unitContext(code: staff.unitCode.rawValue, name: shell.unitName, method: staff.method,
                                            organisation: staff.isOrganisation))
            controls.name(unitBadge, unitBadge.text)
            unitBadge.isVisible = true
        } else {
            staffBadge.isVisible = false
            unitBadge.isVisible = false
        }
        let signedIn = shell.staff != nil
        homeButton.isVisible = signedIn && screen != .home
        backButton.isVisible = shell.canGoBack
        lockButton.isVisible = signedIn || (screen != .signIn && screen != .locked)
        signOutButton.isVisible = signedIn
        // Before anyone signs in (outside kiosk mode), the set-up screens are in the header.
        settingsButton.isVisible = !signedIn && shell.mayOpen(.settings) && screen != .settings
        doctorButton.isVisible = !signedIn && shell.mayOpen(.doctor) && screen != .doctor
        for (button, text) in [(homeButton, Text.home), (backButton, .back), (lockButton, .lock), (signOutButton, .signOut),
                               (settingsButton, .task(.settings)), (doctorButton, .task(.doctor))] {
            button.label = t(text)
            controls.name(button, t(text))
        }
        // The switch shows the other language in its own script: "English" / "中文".
        languageButton.label = shell.language.other.nativeName
        controls.name(languageButton, shell.language.other.nativeName, description: t(.switchLanguage))

        demoBanner.isVisible = shell.isDemo
        demoBanner.text = shell.demoTray.isAvailable ? t(.demoBanner) : t(.demoNotConnected)
        notice.text = shell.notice.map(t) ?? ""
        notice.isVisible = shell.notice != nil
        controls.name(notice, notice.text.isEmpty ? "—" : notice.text)
        if let seconds = shell.idleWarning {
            idleText.text = t(.idleWarning(secondsLeft: seconds))
            idleBanner.isVisible = true
        } else {
            idleBanner.isVisible = false
        }
        keepWorking.label = t(.keepWorking)
        controls.name(keepWorking, t(.keepWorking))

        if let shown = shell.toast {
            toastText.text = shown.message
            controls.name(toastText, shown.message)
            toast.setStyleClass("toast-failure", shown.isFailure)
            toast.setStyleClass("toast-success", !shown.isFailure)
            toast.isVisible = true
        } else {
            toast.isVisible = false
        }
        toastClose.label = t(.dismissToast)
        controls.name(toastClose, t(.dismissToast))

        // Pages not on screen are hidden too: GTK 4.8 would otherwise keep them in the
        // accessibility tree as if they were showing.
        views[screen]?.root.isVisible = true
        if stack.visibleName != screen.rawValue { stack.visibleName = screen.rawValue }
        for (other, view) in views where other != screen { view.root.isVisible = false }
        if shownScreen != screen {
            shownScreen = screen
            if !(screen == .signIn || screen == .settings) { context.window.setDefaultWidget(nil) }
            views[screen]?.focusFirst()
        }
    }

    /// Window-wide keys: Escape = back, Ctrl+L = lock, digits to the PIN keypad; in kiosk
    /// mode the usual ways out (Alt+F4, Ctrl+Q, Ctrl+W, F11) do nothing.
    func handleKey(_ key: KeyPress) -> Bool {
        let name = key.name
        if shell.isKioskMode {
            if (key.alt && name == "F4") || (key.control && ["q", "w", "Q", "W"].contains(name)) || name == "F11" {
                if name != "F11" { _ = shell.requestExit() }
                return true
            }
        }
        if key.control, name == "l" || name == "L" {
            shell.lock(.manual)
            return true
        }
        if name == "Escape" {
            if shell.toast != nil {
                shell.dismissToast()
                return true
            }
            if shell.notice != nil { shell.dismissNotice() }
            confirmDiscard(context) { [shell] in shell.goBack() }
            return true
        }
        if shell.screen == .signIn { return signIn.handleKey(key) }
        if shell.screen == .unitRegistration { return unitRegistration.handleKey(key) }
        return false
    }
}

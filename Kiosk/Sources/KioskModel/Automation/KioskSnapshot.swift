import Foundation

/// The kiosk's visible state as the automation hook reports it. Built from the models, so
/// it holds nothing the screen does not show, and never a secret: the PIN is a count.
public struct KioskSnapshot: Sendable, Hashable, Codable {
    public var screen: String
    public var title: String
    public var language: String
    public var kioskMode: Bool
    public var demo: Bool
    public var signedIn: Bool
    public var role: String?
    public var tasks: [String]
    public var lockReason: String?
    public var idleWarningSeconds: Int?
    public var notice: String?
    public var notConnected: String?
    public var visitor: String
    public var visitorMaskedID: String?
    public var signInMethod: String
    public var signInStatus: String
    public var pinDigitsEntered: Int
    /// The unit code the sign-in form holds (owner or organisation-certificate sign-in),
    /// e.g. pre-filled after 單位註冊作業; nil when empty.
    public var signInUnitCode: String?
    /// The unit picker's unit codes, while it is up.
    public var unitChoices: [String]?
    /// The flow screen's status (`idle`, `working`, `succeeded`, `failed:<code>`, …).
    public var flowStatus: String?
    /// Filled in by the GTK binding: whether the window is full screen.
    public var fullscreen: Bool?
    /// Filled in by the GTK binding: the focused control's accessible name.
    public var focus: String?

    /// The snapshot of `shell` now.
    @MainActor
    public init(_ shell: KioskShell) {
        let language = shell.language
        screen = shell.screen.rawValue
        title = Text.screenTitle(shell.screen).localized(language)
        self.language = language.rawValue
        kioskMode = shell.isKioskMode
        demo = shell.isDemo
        signedIn = shell.staff != nil
        role = shell.staff?.role.rawValue
        tasks = shell.tasks.map(\.rawValue)
        lockReason = shell.lockReason?.rawValue
        idleWarningSeconds = shell.idleWarning
        notice = shell.notice?.localized(language)
        notConnected = shell.missingModule(for: shell.screen)
        switch shell.visitor.state {
        case .waiting: visitor = "waiting"
        case .showing: visitor = "showing"
        case .removed: visitor = "removed"
        case .unreadable: visitor = "unreadable"
        case .readerLost: visitor = "readerLost"
        }
        visitorMaskedID = shell.visitor.card.map { $0.id.masked }
        signInMethod = shell.signIn.method.rawValue
        switch shell.signIn.status {
        case .editing: signInStatus = "editing"
        case .working: signInStatus = "working"
        case .failed(let error): signInStatus = "failed:\(error.code)"
        case .awaitingApp(_, let seconds): signInStatus = "awaitingApp:\(seconds)"
        case .appExpired: signInStatus = "appExpired"
        case .choosingUnit(let choice): signInStatus = "choosingUnit:\(choice.units.count)"
        }
        let typedUnit = shell.signIn.organisationLogin ? shell.signIn.certificateUnitCodeText : shell.signIn.unitCodeText
        signInUnitCode = typedUnit.isEmpty ? nil : typedUnit
        unitChoices = shell.signIn.unitChoice.map { $0.units.map(\.unitCode.rawValue) }
        pinDigitsEntered = shell.screen == .unitRegistration ? shell.unitRegistration.keypad.count : shell.signIn.keypad.count
        flowStatus = shell.flow(for: shell.screen)?.automationStatus
    }

    /// One line of JSON (keys sorted).
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

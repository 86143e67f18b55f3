// In-memory stand-ins for the SDK services, for view-model tests only. The real
// implementations come from NHICards / NHILogin / NHIService.
import Foundation
@testable import KioskModel
import NHIService
import NHICore

/// A clock the test advances by hand.
@MainActor
final class ManualClock: KioskClock {
    var now: Duration = .seconds(1000)
    func advance(_ duration: Duration) { now += duration }
    func advance(seconds: Int) { now += .seconds(seconds) }
}

/// A member of staff for tests.
///
/// Stand-in sessions state their permissions as the service would list them for a member
/// with that role; `mayFile` nil: an administrator may file, an operator may not.
func staff(_ role: StaffRole, mayFileAllChanges: Bool = false, method: LoginMethod = .nhiCard,
           unit: String = "110001000") -> StaffSession {
    let code = try! UnitCode(parsing: unit)
    return StaffSession(name: role == .administrator ? "陳管理" : "林承辦", maskedID: "A12345****", role: role,
                        unitCode: code, method: method,
                        caller: Caller(personID: try! PersonalID(parsing: "A123456789"), unitCode: code,
                                       standing: .staff(id: 1, role: role), credential: .nhiCard),
                        permissions: standInPermissions(code, role: role, mayFile: mayFileAllChanges || role == .administrator))
}

/// Permissions as the service lists them for a member of staff (stand-in sessions only;
/// real sessions get theirs from `NHIService.staff.permissions(of:)`).
func standInPermissions(_ unit: UnitCode, role: StaffRole, mayFile: Bool) -> UnitPermissions {
    var allowed: Set<UnitAction> = [.viewRoster, .batchRegistration, .statements]
    if mayFile { allowed.formUnion([.file, .fileThreeInOne]) }
    if role == .administrator { allowed.insert(.administer) }
    return UnitPermissions(unitCode: unit, allowed: allowed)
}

/// A visitor's card for tests (SPEC §11 example ID).
func visitorCard(id: String = "A123456789", name: String = "王小明") -> VisitorCard {
    VisitorCard(cardNumber: try! NHICardNumber(parsing: "000012345678"), name: name,
                id: try! PersonalID(parsing: id), birthDate: try! CalendarDate(year: 1996, month: 5, day: 4),
                sex: .male, issueDate: try! CalendarDate(year: 2020, month: 1, day: 15))
}

/// An error with a seed code, as NHILogin will throw.
struct SeedCodeError: CodedError {
    let errorCode: String
    let message: String
    let messageEn: String
    static let wrongPassword = SeedCodeError(errorCode: "9039", message: "密碼不正確", messageEn: "wrong password")
}

/// Signs in whoever the script says, and records what it was given.
actor ScriptedAuthenticator: StaffAuthenticator {
    private(set) var credentials: [StaffCredential] = []
    private(set) var appRequests: [AppSignInRequest] = []
    private var outcome: Result<StaffSession, SeedCodeError>
    private var waiting: [CheckedContinuation<StaffSession, any Error>] = []
    private(set) var cancelledWaits = 0
    /// When set, a sign-in asks for a unit among these (sessions from ``sessions``).
    private var choice: StaffUnitChoice?
    private var sessions: [UnitCode: StaffSession] = [:]
    private(set) var opened: [(reference: String, unit: UnitCode)] = []
    private(set) var cancelledChoices: [String] = []
    /// Thrown by ``openSession(_:unit:)`` when set.
    private var openFailure: SeedCodeError?
    func failOpening(with error: SeedCodeError?) { openFailure = error }
    let validFor: Duration

    init(outcome: Result<StaffSession, SeedCodeError>, validFor: Duration = .seconds(175)) {
        self.outcome = outcome
        self.validFor = validFor
    }

    func setOutcome(_ new: Result<StaffSession, SeedCodeError>) { outcome = new }

    /// Sign-ins ask for a unit among `sessions`' units (nil: back to single sessions).
    func setChoice(_ sessions: [StaffSession]?) {
        guard let sessions else {
            choice = nil
            return
        }
        self.sessions = Dictionary(sessions.map { ($0.unitCode, $0) }, uniquingKeysWith: { first, _ in first })
        choice = StaffUnitChoice(reference: "choice", name: sessions.first?.name ?? "",
                                 units: sessions.map { StaffUnitOption(unitCode: $0.unitCode, unitName: "單位 \($0.unitCode.rawValue)", role: $0.role) },
                                 method: sessions.first?.method ?? .nhiCard)
    }

    private var nextOutcome: StaffSignInOutcome {
        get throws {
            let session = try outcome.get()
            guard let choice else { return .signedIn(session) }
            let numbered = StaffUnitChoice(reference: "choice-\(credentials.count + appRequests.count)", name: choice.name,
                                           units: choice.units, method: choice.method)
            return .chooseUnit(numbered)
        }
    }

    func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome {
        credentials.append(credential)
        return try nextOutcome
    }

    func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession {
        opened.append((choice.reference, unit))
        if let openFailure { throw openFailure }
        guard let session = sessions[unit] else { throw ServiceError(.signInUnitChoiceExpired) }
        return session
    }

    func cancel(_ choice: StaffUnitChoice) async { cancelledChoices.append(choice.reference) }

    func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge {
        appRequests.append(request)
        return AppSignInChallenge(reference: "ref-\(appRequests.count)", qrPayload: "nhi-app-login:ref-\(appRequests.count)", validFor: validFor)
    }

    func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome {
        let session: StaffSession = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { waiting.append($0) }
        } onCancel: {
            Task { await self.cancelAll() }
        }
        guard let choice else { return .signedIn(session) }
        return .chooseUnit(choice)
    }

    private func cancelAll() {
        cancelledWaits += waiting.count
        for continuation in waiting { continuation.resume(throwing: CancellationError()) }
        waiting.removeAll()
    }

    var waitingCount: Int { waiting.count }

    /// The app confirms every pending QR code.
    func confirm() {
        for continuation in waiting { continuation.resume(with: outcome.mapError { $0 as any Error }) }
        waiting.removeAll()
    }
}

/// Card events pushed by the test.
final class CardFeed: CardEventSource, @unchecked Sendable {
    // Written once in init and only read afterwards.
    private let stream: AsyncStream<CardEvent>
    let continuation: AsyncStream<CardEvent>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: CardEvent.self)
    }

    func events() -> AsyncStream<CardEvent> { stream }
}

/// A fixed reader list and diagnosis.
struct FixedReaders: ReaderDirectory {
    var names: [String]
    var checks: [ReaderCheck]
    func readerNames() async throws -> [String] { names }
    func diagnose() async -> [ReaderCheck] { checks }
}

/// A flow model holding personal data, to see the shell wipe it.
@MainActor
final class FormStandIn: PersonalDataHolder {
    let screen: Screen
    let isVisitorData: Bool
    var content: String? = "A123456789"
    init(screen: Screen, isVisitorData: Bool) {
        self.screen = screen
        self.isVisitorData = isVisitorData
    }
    func wipePersonalData() { content = nil }
}

/// A temporary directory removed at the end of the test.
final class TemporaryDirectory {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "kiosk-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Waits (yielding to other tasks) until `condition` holds; fails the wait after 2 s.
@MainActor
func eventually(_ condition: @MainActor () async -> Bool) async -> Bool {
    for _ in 0..<2000 {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return false
}

/// A shell with stand-ins, signed out, on the sign-in screen.
@MainActor
struct Fixture {
    let clock = ManualClock()
    let directory = TemporaryDirectory()
    let authenticator: ScriptedAuthenticator
    let cards = CardFeed()
    let shell: KioskShell

    init(kiosk: Bool = false, role: StaffRole = .administrator, mayFileAllChanges: Bool = false,
         idleSeconds: Int = 120, readerName: String? = nil) {
        authenticator = ScriptedAuthenticator(outcome: .success(staff(role, mayFileAllChanges: mayFileAllChanges)))
        let store = SettingsStore(path: directory.path + "/nhi/kiosk.json")
        shell = KioskShell(settings: KioskSettings(readerName: readerName, idleTimeoutSeconds: idleSeconds), store: store,
                           backends: KioskBackends(cards: cards, readers: FixedReaders(names: ["Virtual PCD 00 00"], checks: []),
                                                   authenticator: authenticator),
                           clock: clock, isKioskMode: kiosk, isDemo: false)
    }

    /// Signs in through the sign-in screen with an NHI card and a valid password.
    func signIn() async {
        shell.signIn.method = .nhiCard
        shell.signIn.setPassword("Abcd1234!")
        await shell.signIn.submit()
    }
}

import NHICore
import NHIGrades
import NHIService

/// Where a flow's request to the SDK stands.
public enum FlowStatus<Result: Sendable & Hashable>: Sendable, Hashable {
    /// Nothing sent yet (or the form was cleared).
    case idle
    /// Waiting for the service.
    case working
    /// The service answered.
    case succeeded(Result)
    /// The service refused or failed; the error says why in its own words.
    case failed(PresentableError)

    /// Whether a request is under way.
    public var isWorking: Bool { self == .working }

    /// The result, when the request succeeded.
    public var result: Result? { if case .succeeded(let result) = self { result } else { nil } }

    /// The error, when the request failed.
    public var error: PresentableError? { if case .failed(let error) = self { error } else { nil } }

    /// The same status with its result transformed (a list shown as its count).
    public func map<T: Sendable & Hashable>(_ transform: (Result) -> T) -> FlowStatus<T> {
        switch self {
        case .idle: .idle
        case .working: .working
        case .succeeded(let result): .succeeded(transform(result))
        case .failed(let error): .failed(error)
        }
    }

    /// `idle`, `working`, `succeeded` or `failed:<code>`, for the automation hook.
    public var automationValue: String {
        switch self {
        case .idle: "idle"
        case .working: "working"
        case .succeeded: "succeeded"
        case .failed(let error): "failed:\(error.code)"
        }
    }
}

/// What a flow's model needs from the shell: the service and the signed-in staff.
@MainActor
public struct FlowContext {
    /// The local service (nil: not connected in this build, or connected to `nhi-server`).
    public let service: KioskService?
    /// The staff member signed in now.
    public let session: @MainActor () -> StaffSession?
    /// The unit workflows of a session: the local service's, or `nhi-server`'s (`--service`).
    public let workflowsOf: (@Sendable (StaffSession) throws -> any UnitWorkflows)?
    /// The grade tables previews read (the local service's, or the SDK's own in `--service`).
    public let tables: GradeTables?
    /// The counter's exchange folder (`--files DIR`) the forms' file shelves list.
    public let filesFolder: String?
    /// Today, by the service's clock when one is local, else the system's.
    private let clockToday: (@Sendable () -> CalendarDate)?

    public init(service: KioskService?, session: @escaping @MainActor () -> StaffSession?,
                workflows: (@Sendable (StaffSession) throws -> any UnitWorkflows)? = nil, tables: GradeTables? = nil,
                filesFolder: String? = nil) {
        self.service = service
        self.filesFolder = filesFolder
        self.session = session
        if let workflows {
            workflowsOf = workflows
        } else if let service {
            workflowsOf = { session in try service.service.workflows(for: session.caller) }
        } else {
            workflowsOf = nil
        }
        self.tables = tables ?? service?.tables
        if let service {
            clockToday = { @Sendable in service.today }
        } else {
            clockToday = nil
        }
    }

    /// The service and the staff's service session, or the error that says which is missing.
    public func staffCaller() throws(KioskError) -> (KioskService, Caller, StaffSession) {
        guard let service else { throw KioskError(.serviceMissing) }
        guard let session = session() else { throw KioskError(.sessionMissing) }
        return (service, session.caller, session)
    }

    /// The signed-in session and its caller, for work whose backend carries its own service
    /// (local or nhi-server's, e.g. batch registration).
    public func sessionCaller() throws(KioskError) -> (Caller, StaffSession) {
        guard let session = session() else { throw KioskError(.sessionMissing) }
        return (session.caller, session)
    }

    /// The signed-in session's unit workflows (local or remote), or the error that says
    /// which is missing.
    public func unitWorkflows() throws -> (any UnitWorkflows, StaffSession) {
        guard let workflowsOf else { throw KioskError(.serviceMissing) }
        guard let session = session() else { throw KioskError(.sessionMissing) }
        return (try workflowsOf(session), session)
    }

    /// Today by the service's clock (or the system's when no service is local).
    public var today: CalendarDate { clockToday?() ?? CalendarDate.today() }
}

/// A flow screen's model: the shell tells it when its screen opens, wipes it (through
/// ``PersonalDataHolder``) and reports its status to the automation hook.
@MainActor
public protocol FlowModel: PersonalDataHolder {
    /// The screen was opened: load what it shows.
    func screenOpened()
    /// One short value for the automation hook's `flowStatus`.
    var automationStatus: String { get }
    /// Whether leaving the screen would lose something typed (Back and Esc ask first).
    var hasUnsavedInput: Bool { get }
}

extension FlowModel {
    public var hasUnsavedInput: Bool { false }
}

/// A flow model that asks the session's unit workflows, dropping answers that arrive after
/// its data was wiped (``RequestGeneration``).
@MainActor
protocol WorkflowCalling: AnyObject {
    var context: FlowContext { get }
    var generation: RequestGeneration { get set }
}

extension WorkflowCalling {
    /// Runs `body` with the session's workflows, reporting through `set`: working, then the
    /// answer or the error — unless the model was wiped meanwhile. Returns the answer.
    func call<T: Sendable & Hashable>(_ set: (FlowStatus<T>) -> Void,
                                      _ body: @escaping @Sendable (any UnitWorkflows) async throws -> T) async -> T? {
        let workflows: any UnitWorkflows
        do { (workflows, _) = try context.unitWorkflows() } catch {
            set(.failed(PresentableError(error)))
            return nil
        }
        let attempt = generation.current
        set(.working)
        do {
            let value = try await body(workflows)
            guard generation.isCurrent(attempt) else { return nil }
            set(.succeeded(value))
            return value
        } catch {
            guard generation.isCurrent(attempt) else { return nil }
            set(.failed(PresentableError(error)))
            return nil
        }
    }
}

/// Discards answers that arrive after the form was wiped or restarted.
struct RequestGeneration {
    private(set) var current = 0
    /// Starts a new request (or invalidates the one under way) and returns its number.
    mutating func next() -> Int {
        current += 1
        return current
    }
    /// Whether `number` is still the request the screen waits for.
    func isCurrent(_ number: Int) -> Bool { number == current }
}

extension CalendarDate {
    // `rocSlashed` (115/01/05, the form the kiosk's date fields and tables use) is NHICore's.
    /// `115/01/05` in Chinese, `2026-01-05` in English (tables).
    public func display(_ language: Language) -> String { language == .english ? iso : rocSlashed }
    /// `1150105`, what a date field is pre-filled with.
    public var rocCompact: String { (try? ROCDate(self))?.formatted(.compact) ?? iso }
}

extension Money {
    /// `36,300`.
    public var display: String { grouped }
}

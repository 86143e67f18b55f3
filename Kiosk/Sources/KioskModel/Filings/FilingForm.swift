import NHIService

/// What the enrolment, withdrawal and salary-adjustment forms share: a request built from
/// the fields, filed with the signed-in staff member's service session, the answer shown
/// as the form's status, and a refusal about one field shown at that field too.
@MainActor
protocol FilingForm: AnyObject {
    associatedtype Field
    /// Whether the form was submitted once (errors of empty required fields show from then).
    var attempted: Bool { get set }
    var status: FlowStatus<Filing> { get set }
    /// A service refusal about one field, shown under it.
    var serviceFieldError: (field: Field, error: PresentableError)? { get set }
    var generation: RequestGeneration { get set }
    var context: FlowContext { get }
    /// The field a service error code is about, if any.
    static func field(for code: String) -> Field?
}

extension FilingForm {
    /// Files `request` (nil: a field is missing or invalid, and the form only shows why)
    /// through `file` with the session's unit workflows (local or `nhi-server`). An answer that arrives after the form was
    /// wiped or restarted is dropped. Returns whether a filing was made.
    @discardableResult
    func file<Request: Sendable>(_ request: Request?,
                                 through file: @escaping @Sendable (any UnitWorkflows, Request) async throws -> Filing) async -> Bool {
        guard !status.isWorking else { return false }
        attempted = true
        serviceFieldError = nil
        guard let request else { return false }
        let workflows: any UnitWorkflows
        do { (workflows, _) = try context.unitWorkflows() } catch {
            status = .failed(PresentableError(error))
            return false
        }
        let attempt = generation.next()
        status = .working
        do {
            let filing = try await file(workflows, request)
            guard generation.isCurrent(attempt) else { return false }
            status = .succeeded(filing)
            return true
        } catch {
            guard generation.isCurrent(attempt) else { return false }
            let shown = PresentableError(error)
            status = .failed(shown)
            if let field = Self.field(for: shown.code) { serviceFieldError = (field, shown) }
            return false
        }
    }
}

import NHICore
import NHIService
import Observation

/// The unit's in-force roster (在保名冊) as the withdrawal and salary-adjustment forms use
/// it: a picker of who can be chosen, and what is on record for the person typed.
@Observable
@MainActor
public final class UnitRoster {
    public private(set) var lines: [RosterLine] = []
    public private(set) var status: FlowStatus<Int> = .idle

    @ObservationIgnored private let context: FlowContext
    @ObservationIgnored private var generation = RequestGeneration()

    init(context: FlowContext) {
        self.context = context
    }

    /// Loads the roster of the signed-in staff's unit.
    func load() async {
        let workflows: any UnitWorkflows
        do { (workflows, _) = try context.unitWorkflows() } catch {
            status = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        status = .working
        do {
            let lines = try await workflows.roster(on: nil)
            guard generation.isCurrent(attempt) else { return }
            self.lines = lines
            status = .succeeded(lines.count)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            status = .failed(PresentableError(error))
        }
    }

    /// The person's own line (as the insured, or as a dependant).
    public func line(for id: PersonalID) -> RosterLine? { lines.first { $0.personID == id } }

    /// The dependants insured through `id`.
    public func dependants(of id: PersonalID) -> [RosterLine] { lines.filter { $0.principalID == id } }

    /// Forgets the roster.
    func wipe() {
        _ = generation.next()
        lines = []
        status = .idle
    }
}

extension RosterLine {
    /// `王小明 A12345****` — how a roster person is offered in a picker.
    public var pickerLabel: String { "\(name) \(personID.masked)" }
}

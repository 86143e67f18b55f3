import NHICore
import NHIService
import Observation

/// The unit's in-force roster (在保名冊) as the withdrawal and salary-adjustment forms use
/// it: a picker of who can be chosen, and what is on record for the person typed.
@Observable
@MainActor
public final class UnitRoster: WorkflowCalling {
    public private(set) var lines: [RosterLine] = []
    public private(set) var status: FlowStatus<Int> = .idle

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    init(context: FlowContext) {
        self.context = context
    }

    /// Loads the roster of the signed-in staff's unit.
    func load() async {
        _ = generation.next()
        let loaded = await call({ (status: FlowStatus<[RosterLine]>) in self.status = status.map(\.count) }) { try await $0.roster(on: nil) }
        if let loaded { lines = loaded }
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

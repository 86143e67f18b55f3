import NHICore
import NHIService
import Observation

/// 在保名冊: everyone insured through the unit on a day (default today), with their
/// dependants, searchable by name or ID as it is typed — the session's
/// `UnitWorkflows.roster(on:)`, IDs always shown masked.
@Observable
@MainActor
public final class RosterModel: FlowModel, WorkflowCalling {
    public private(set) var lines: FlowStatus<[RosterLine]> = .idle
    /// Narrows the list: part of a name, or the start of an ID (letters in any case).
    public var searchText = ""
    /// The day (ROC); empty means today.
    public var dayText = ""
    public private(set) var attempted = false

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public var day: Parsed<CalendarDate> { FieldParser.rocDate(dayText) }
    public var dayError: PresentableError? { day.shownError(required: false, attempted: attempted, caption: .roster(.day)) }

    /// Loads the roster for the day typed (or today).
    public func load() async {
        attempted = true
        guard day.error == nil else { return }
        _ = generation.next()
        let day = day.value
        _ = await call({ lines = $0 }) { try await $0.roster(on: day) }
    }

    /// The lines that match the search: every insured person whose name contains it or
    /// whose ID starts with it, each followed by their dependants; a dependant who matches
    /// brings their insured person along, so nobody is shown out of context.
    public var shown: [RosterLine] {
        let all = lines.result ?? []
        let query = Normalizer.identifier.normalize(searchText).value
        guard !query.isEmpty else { return Self.grouped(all) }
        let text = Normalizer.text.normalize(searchText).value
        func matches(_ line: RosterLine) -> Bool {
            line.name.contains(text) || line.personID.rawValue.hasPrefix(query)
        }
        let principals = Set(all.filter(matches).map { $0.principalID ?? $0.personID })
        return Self.grouped(all.filter { principals.contains($0.principalID ?? $0.personID) })
    }

    /// The insured people in roster order, each followed by their dependants.
    static func grouped(_ lines: [RosterLine]) -> [RosterLine] {
        let insured = lines.filter { $0.principalID == nil }
        var result: [RosterLine] = []
        for person in insured {
            result.append(person)
            result += lines.filter { $0.principalID == person.personID }
        }
        // Dependants whose insured person is not on the list (another day's roster) last.
        let placed = Set(result.map(\.personID))
        result += lines.filter { !placed.contains($0.personID) }
        return result
    }

    /// A line as the list shows it (ID masked).
    public func line(_ line: RosterLine, _ language: Language) -> String { Text.roster(.line(line)).localized(language) }

    public var screen: Screen { .roster }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        lines = .idle
        searchText = ""
        dayText = ""
        attempted = false
    }
    public func screenOpened() {
        if dayText.isEmpty { dayText = context.today.rocCompact }
        Task { await load() }
    }
    public var automationStatus: String { "roster:\(lines.automationValue) shown:\(shown.count)" }
}

/// 稽核紀錄: the unit's newest audit entries (who, role, when, what — IDs masked),
/// searchable; administrators only (the service's rule, through `UnitWorkflows.auditLog`).
@Observable
@MainActor
public final class AuditLogModel: FlowModel, WorkflowCalling {
    public private(set) var entries: FlowStatus<[AuditEntry]> = .idle
    public var searchText = ""
    /// How many entries are read (the newest).
    public static let limit = 500

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public func load() async {
        _ = generation.next()
        let limit = Self.limit
        _ = await call({ entries = $0 }) { try await $0.auditLog(limit: limit) }
    }

    /// The entries whose action, target, actor or detail contain the search text.
    public var shown: [AuditEntry] {
        let all = entries.result ?? []
        let query = Normalizer.text.normalize(searchText).value
        guard !query.isEmpty else { return all }
        let upper = query.uppercased()
        return all.filter { e in
            [e.action, e.target, e.actor, e.detail, e.role].contains { $0.contains(query) || $0.uppercased().contains(upper) }
        }
    }

    public func line(_ entry: AuditEntry, _ language: Language) -> String { Text.audit(.line(entry)).localized(language) }

    public var screen: Screen { .auditLog }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        entries = .idle
        searchText = ""
    }
    public func screenOpened() { Task { await load() } }
    public var automationStatus: String { "audit:\(entries.automationValue) shown:\(shown.count)" }
}

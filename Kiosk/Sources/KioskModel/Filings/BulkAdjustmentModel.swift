import NHICore
import NHIGrades
import NHIService
import Observation

/// The bulk salary adjustment (薪資調整作業(大批)): the list the service proposes — either
/// everyone whose amount is no longer a grade of the newest table, or everyone at one grade
/// moved to another (the seed's 25,250 → 26,400) — with a check box and an optional
/// per-person amount on each row, filed as one batch by
/// `NHIService.filings.fileBulkAdjustment`.
@Observable
@MainActor
public final class BulkAdjustmentModel: FlowModel {
    /// How the list is made.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// NHIGrades proposes everyone whose amount is not a grade of the new table.
        case proposal
        /// Everyone at the old grade moves to the new grade.
        case byGrade
    }

    /// The grade fields of ``Mode/byGrade``.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case fromAmount, toAmount
    }

    /// One person in the list.
    public struct Row: Sendable, Hashable, Identifiable {
        public let change: BulkAdjustmentProposal.Change
        /// 選取.
        public var selected: Bool
        /// A different new amount typed for this person (empty: the proposed one).
        public var overrideText: String
        public var id: PersonalID { change.person.id }
    }

    public var mode: Mode = .proposal
    public var fromText = ""
    public var toText = ""
    public private(set) var rows: [Row] = []
    /// Employers, the self-employed and professionals: single adjustments only.
    public private(set) var excluded: [BulkAdjustmentProposal.Exclusion] = []
    /// Employees whose amount is already a grade (proposal mode).
    public private(set) var unchangedCount: Int?
    public private(set) var listStatus: FlowStatus<Int> = .idle
    public private(set) var status: FlowStatus<[Filing]> = .idle
    public private(set) var attemptedList = false

    @ObservationIgnored private let context: FlowContext
    @ObservationIgnored private var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public var fromAmount: Parsed<Money> { FieldParser.money(fromText) }
    public var toAmount: Parsed<Money> { FieldParser.money(toText) }

    public subscript(field: Field) -> String {
        get { field == .fromAmount ? fromText : toText }
        set { if field == .fromAmount { fromText = newValue } else { toText = newValue } }
    }

    public func error(_ field: Field) -> PresentableError? {
        guard mode == .byGrade else { return nil }
        let parsed = field == .fromAmount ? fromAmount : toAmount
        return parsed.shownError(required: true, attempted: attemptedList, caption: .filing(.bulkCaption(field)))
    }

    /// The filing date's next 1st (整批申報日期 → 生效日期).
    public var effectiveDate: CalendarDate { EffectiveDateRules.salaryAdjustment(filedOn: context.today) }

    /// Asks the service for the list.
    public func loadList() async {
        guard !listStatus.isWorking else { return }
        attemptedList = true
        let workflows: any UnitWorkflows
        do { (workflows, _) = try context.unitWorkflows() } catch {
            listStatus = .failed(PresentableError(error))
            return
        }
        let mode = mode
        let grades = (from: fromAmount.value, to: toAmount.value)
        if mode == .byGrade, grades.from == nil || grades.to == nil { return }
        let attempt = generation.next()
        listStatus = .working
        status = .idle
        do {
            // The local service's or nhi-server's (`--service`) list: the SDK's one rule either way.
            let list = switch mode {
            case .proposal: try await workflows.bulkAdjustmentProposal()
            case .byGrade: BulkAdjustmentList(changes: try await workflows.bulkAdjustment(from: grades.from ?? .zero, to: grades.to ?? .zero))
            }
            let (changes, excluded, unchanged) = (list.changes, list.excluded, list.unchangedCount)
            guard generation.isCurrent(attempt) else { return }
            rows = changes.map { Row(change: $0, selected: true, overrideText: "") }
            self.excluded = excluded
            unchangedCount = unchanged
            listStatus = .succeeded(rows.count)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            rows = []
            self.excluded = []
            unchangedCount = nil
            listStatus = .failed(PresentableError(error))
        }
    }

    /// Ticks or unticks one person.
    public func setSelected(_ id: PersonalID, _ selected: Bool) {
        guard let index = rows.firstIndex(where: { $0.id == id }), rows[index].selected != selected else { return }
        rows[index].selected = selected
    }

    /// 全選 / none.
    public func selectAll(_ selected: Bool) {
        for index in rows.indices where rows[index].selected != selected { rows[index].selected = selected }
    }

    /// Types a different new amount for one person.
    public func setOverride(_ id: PersonalID, _ text: String) {
        guard let index = rows.firstIndex(where: { $0.id == id }), rows[index].overrideText != text else { return }
        rows[index].overrideText = text
    }

    /// The amount a row will be filed with, or the error of its override (the NHIGrades
    /// verdict on the effective date: it must be a grade of the new table).
    public func amount(for row: Row) -> Result<Money, PresentableError> {
        switch FieldParser.money(row.overrideText) {
        case .empty: return .success(row.change.newAmount)
        case .invalid(let error): return .failure(error)
        case .valid(let amount):
            guard let tables = context.tables else { return .success(amount) }
            do {
                let verdict = try tables.checkInsuredAmount(amount, on: effectiveDate,
                                                            for: InsuredAmountContext(category: row.change.person.category))
                if verdict.status == .rejected, let finding = verdict.findings.first { return .failure(PresentableError(finding)) }
                return .success(amount)
            } catch {
                return .failure(PresentableError(error))
            }
        }
    }

    /// The error under a row's amount, if any.
    public func overrideError(_ row: Row) -> PresentableError? {
        if case .failure(let error) = amount(for: row) { error } else { nil }
    }

    /// How many rows are ticked.
    public var selectedCount: Int { rows.count { $0.selected } }

    /// What 申報 would file, shown for checking first.
    public private(set) var review: FilingReview?

    /// The ticked changes with their amounts, or nil after showing why not.
    private func selectedChanges() -> [BulkAdjustmentProposal.Change]? {
        let selected = rows.filter(\.selected)
        guard !selected.isEmpty else {
            status = .failed(PresentableError(KioskError(.nothingSelected)))
            return nil
        }
        var changes: [BulkAdjustmentProposal.Change] = []
        for row in selected {
            guard case .success(let amount) = amount(for: row) else { return nil }
            changes.append(.init(person: row.change.person, newAmount: amount, reason: row.change.reason,
                                 overridden: amount != row.change.newAmount))
        }
        return changes
    }

    /// 儲存並申報: shows the review of the ticked rows (or why nothing can be filed).
    public func requestReview() {
        guard !status.isWorking, let changes = selectedChanges() else { return }
        review = FilingReview(kind: .bulkAdjustment, lines: [
            .init(label: .reviewWhat, value: .reviewFiling(.bulkAdjustment, .nhiOnly)),
            .init(label: .reviewEffective, value: .date(effectiveDate)),
            .init(label: .reviewCount, value: .count(changes.count)),
        ], people: changes.map {
            .init(name: $0.person.name.value, maskedID: $0.person.id.masked, relation: nil,
                  change: .init(from: $0.oldAmount, to: $0.newAmount))
        })
    }

    /// 返回修改.
    public func cancelReview() { review = nil }

    /// 確認送出: files what was reviewed.
    public func confirmReview() async {
        guard review != nil else { return }
        review = nil
        await file()
    }

    /// Files the ticked rows as one batch.
    public func file() async {
        guard !status.isWorking else { return }
        guard let changes = selectedChanges() else { return }
        let workflows: any UnitWorkflows
        do { (workflows, _) = try context.unitWorkflows() } catch {
            status = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        status = .working
        let filed = changes.map(BulkAdjustmentSelection.init)
        do {
            let filings = try await workflows.fileBulkAdjustment(filed)
            guard generation.isCurrent(attempt) else { return }
            status = .succeeded(filings)
            let done = Set(filings.map(\.personID))
            rows.removeAll { done.contains($0.id) }
        } catch {
            guard generation.isCurrent(attempt) else { return }
            status = .failed(PresentableError(error))
        }
    }

    public var screen: Screen { .bulkSalaryAdjustment }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        rows = []
        excluded = []
        unchangedCount = nil
        fromText = ""
        toText = ""
        mode = .proposal
        attemptedList = false
        listStatus = .idle
        review = nil
        status = .idle
    }
    public func screenOpened() {
        if mode == .proposal, listStatus == .idle { Task { await loadList() } }
    }
    public var automationStatus: String { status == .idle ? "list:\(listStatus.automationValue)" : status.automationValue }
}

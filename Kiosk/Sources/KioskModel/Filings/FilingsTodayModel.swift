import Foundation
import NHICore
import NHIService
import Observation

/// 異動作業後查詢 and 異動檢核後查詢: today's filings with same-day deletion (asked in an alert;
/// the service decides what may still be deleted), and the check results after the nightly
/// conversion — `NHIService.filings.filedToday`, `delete` and `checkResults`.
@Observable
@MainActor
public final class FilingsTodayModel: FlowModel, WorkflowCalling {
    public private(set) var today: FlowStatus<[Filing]> = .idle
    public private(set) var pendingDelete: Filing?
    public private(set) var deleteStatus: FlowStatus<Filing> = .idle
    /// The check-result range (ROC), by default the last two months (the service's limit).
    public var fromText = ""
    public var throughText = ""
    public private(set) var attemptedResults = false
    public private(set) var results: FlowStatus<[Filing]> = .idle

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    /// Loads today's filings.
    public func loadToday() async {
        _ = await call({ today = $0 }) { try await $0.filedToday() }
    }

    /// Whether a filing is offered for deletion (it is not deleted already; whether it still
    /// may be is the service's answer).
    public func offersDelete(_ filing: Filing) -> Bool { filing.status != .deleted }

    /// 刪除: asks first.
    public func requestDelete(_ filing: Filing) {
        guard today.result?.contains(filing) == true, offersDelete(filing) else { return }
        pendingDelete = filing
    }

    public func cancelDelete() { pendingDelete = nil }

    /// The alert was answered 刪除.
    public func confirmDelete() async {
        guard let filing = pendingDelete, !deleteStatus.isWorking else { return }
        pendingDelete = nil
        let id = filing.id
        let deleted = await call({ deleteStatus = $0 }) { workflows -> Filing in
            try await workflows.deleteFiling(id)
            return filing
        }
        if deleted != nil { await loadToday() }
    }

    public var from: Parsed<CalendarDate> { FieldParser.rocDate(fromText) }
    public var through: Parsed<CalendarDate> { FieldParser.rocDate(throughText) }
    public var fromError: PresentableError? { from.shownError(required: true, attempted: attemptedResults, caption: .filings(.from)) }
    public var throughError: PresentableError? {
        through.shownError(required: true, attempted: attemptedResults, caption: .filings(.through))
    }

    /// 查詢檢核結果 for the range.
    public func loadResults() async {
        attemptedResults = true
        guard let from = from.value, let through = through.value, !results.isWorking else { return }
        _ = await call({ results = $0 }) { try await $0.checkResults(from: from, through: through) }
    }

    /// A filing as the lists show it (ID masked).
    public func line(_ filing: Filing, _ language: Language) -> String {
        Text.filings(.line(filing)).localized(language)
    }

    public var screen: Screen { .filings }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        today = .idle
        pendingDelete = nil
        deleteStatus = .idle
        fromText = ""
        throughText = ""
        attemptedResults = false
        results = .idle
    }
    public func screenOpened() {
        let day = context.today
        if fromText.isEmpty { fromText = day.adding(months: -2).rocCompact }
        if throughText.isEmpty { throughText = day.rocCompact }
        Task { await loadToday() }
    }
    public var automationStatus: String {
        "today:\(today.automationValue) delete:\(deleteStatus.automationValue) results:\(results.automationValue)"
    }
}

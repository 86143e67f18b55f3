import Foundation
import NHICore
import NHIService
import Observation

/// Upload records (健保卡註冊申請上傳紀錄查詢): the unit's batch uploads in a date range
/// (at most the last 3 months), filtered by status. The service decides who sees what:
/// an operator their own uploads, an administrator the whole unit.
@Observable
@MainActor
public final class UploadRecordsModel: FlowModel {
    /// 處理狀態 filter.
    public enum StatusFilter: String, Sendable, Hashable, CaseIterable { case all, waiting, done }

    public enum Field: String, Sendable, Hashable, CaseIterable { case from, through }

    public var fromText = ""
    public var throughText = ""
    public var filter: StatusFilter = .all
    public private(set) var attempted = false
    public private(set) var status: FlowStatus<[BatchUploadRecord]> = .idle
    /// The record whose log is open.
    public private(set) var openLog: BatchUploadRecord?

    @ObservationIgnored private let context: FlowContext
    @ObservationIgnored private let backend: (any BatchRegistrationBackend)?
    @ObservationIgnored private var generation = RequestGeneration()

    public init(context: FlowContext, backend: (any BatchRegistrationBackend)?) {
        self.context = context
        self.backend = backend
    }

    public var isAvailable: Bool { backend != nil }

    public var from: Parsed<CalendarDate> { FieldParser.rocDate(fromText) }
    public var through: Parsed<CalendarDate> { FieldParser.rocDate(throughText) }

    public subscript(field: Field) -> String {
        get { field == .from ? fromText : throughText }
        set { if field == .from { fromText = newValue } else { throughText = newValue } }
    }

    public func error(_ field: Field) -> PresentableError? {
        (field == .from ? from : through).shownError(required: true, attempted: attempted, caption: .uploads(.rangeCaption(field)))
    }

    /// 查詢.
    public func search() async {
        guard let backend, !status.isWorking else { return }
        attempted = true
        guard let from = from.value, let through = through.value else { return }
        let caller: Caller, session: StaffSession
        do { (caller, session) = try context.sessionCaller() } catch {
            status = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        status = .working
        openLog = nil
        do {
            let records = try await backend.uploads(unit: session.unitCode, from: from, through: through, by: caller)
            guard generation.isCurrent(attempt) else { return }
            status = .succeeded(records)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            status = .failed(PresentableError(error))
        }
    }

    /// The records that pass the status filter, newest first.
    public var records: [BatchUploadRecord] {
        (status.result ?? [])
            .filter { filter == .all || (filter == .waiting ? $0.status == .waiting : $0.status == .done) }
            .sorted { $0.uploadedAt > $1.uploadedAt }
    }

    /// Opens (or closes, with nil) a record's result log (入檔記錄).
    public func showLog(_ record: BatchUploadRecord?) { openLog = record }

    public var screen: Screen { .uploadRecords }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        fromText = ""
        throughText = ""
        filter = .all
        attempted = false
        status = .idle
        openLog = nil
    }
    public func screenOpened() {
        let today = context.today
        if fromText.isEmpty { fromText = today.adding(months: -3).rocCompact }
        if throughText.isEmpty { throughText = today.rocCompact }
        if status == .idle, isAvailable { Task { await search() } }
    }
    public var automationStatus: String { status.automationValue }
}

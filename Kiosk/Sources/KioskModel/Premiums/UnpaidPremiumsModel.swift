import NHICore
import NHIGrades
import NHIService
import Observation

/// Unpaid premiums with the late-fee estimate (單位未繳保費查詢與列印): the unit's unpaid
/// bills and the late fee each would carry if paid on the expected payment date, from
/// `NHIService.premiums.unpaid` (NHIGrades' late-fee rule).
@Observable
@MainActor
public final class UnpaidPremiumsModel: FlowModel, WorkflowCalling {
    /// 預計繳納日期.
    public var expectedDateText = ""
    /// 申請郵寄: a mailed slip needs a date at least 4 working days ahead.
    public var mailed = false
    public private(set) var attempted = false
    public private(set) var status: FlowStatus<[UnpaidPremium]> = .idle

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public var expectedDate: Parsed<CalendarDate> { FieldParser.rocDate(expectedDateText) }

    public var expectedDateError: PresentableError? {
        if case .failed(let error) = status, error.code == ServiceError.Code.paymentDateTooSoon.rawValue { return error }
        return expectedDate.shownError(required: true, attempted: attempted, caption: .premium(.expectedDate))
    }

    /// 試算: asks the service for the unpaid bills and their late fees.
    public func calculate() async {
        guard !status.isWorking else { return }
        attempted = true
        guard let date = expectedDate.value else { return }
        let mailed = mailed
        _ = generation.next()
        _ = await call({ status = $0 }) { try await $0.unpaid(expectedPaymentDate: date, mailed: mailed).sorted { $0.premiumMonth < $1.premiumMonth } }
    }

    /// The bills of the last calculation.
    public var bills: [UnpaidPremium] { status.result ?? [] }
    /// 保險費小計.
    public var premiumTotal: Money { bills.reduce(.zero) { $0 + $1.unpaid } }
    /// 滯納金小計 (預估應繳滯納金).
    public var lateFeeTotal: Money { bills.reduce(.zero) { $0 + $1.lateFee.fee } }
    /// 應繳總計.
    public var total: Money { premiumTotal + lateFeeTotal }

    public var screen: Screen { .unpaidPremiums }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        expectedDateText = ""
        mailed = false
        attempted = false
        status = .idle
    }
    public func screenOpened() {
        if expectedDateText.isEmpty { expectedDateText = context.today.rocCompact }
        if status == .idle { Task { await calculate() } }
    }
    public var automationStatus: String { status.automationValue }
}

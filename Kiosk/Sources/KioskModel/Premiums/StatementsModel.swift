import NHICore
import NHIService
import Observation

/// 保費計算明細及各類明細表: a month's premium calculation, and the statement catalogue —
/// request a statement, see the requests (尚未產生／可下載), open a produced one to read
/// and print. Everything through the session's `UnitWorkflows`; IDs are masked on screen.
@Observable
@MainActor
public final class StatementsModel: FlowModel, WorkflowCalling {
    // 保費計算明細
    /// The month (ROC `yyyMM`), by default last month.
    public var detailMonthText = ""
    public private(set) var attemptedDetail = false
    public private(set) var detail: FlowStatus<PremiumDetail> = .idle

    // 各類明細表
    /// The statements that can be requested (8 and 9 come from other agencies' systems).
    public let kinds: [StatementKind] = StatementKind.allCases.filter { $0.unavailableReason == nil }
    public var kind: StatementKind = .premiumDetailMasked
    public var monthText = ""
    /// The last month of a range (G1 only).
    public var throughText = ""
    public private(set) var attemptedRequest = false
    public private(set) var requestStatus: FlowStatus<StatementRequest> = .idle
    public private(set) var requests: FlowStatus<[StatementRequest]> = .idle
    /// The statement opened (下載).
    public private(set) var table: FlowStatus<StatementTable> = .idle
    /// The last print's outcome (printing happens in the GTK layer).
    public private(set) var printResult: VisitorServicesModel.PrintResult?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public var detailMonth: Parsed<ROCMonth> { FieldParser.rocMonth(detailMonthText) }
    public var detailMonthError: PresentableError? {
        detailMonth.shownError(required: true, attempted: attemptedDetail, caption: .statements(.detailMonth))
    }
    public var month: Parsed<ROCMonth> { FieldParser.rocMonth(monthText) }
    public var through: Parsed<ROCMonth> { FieldParser.rocMonth(throughText) }
    public var monthError: PresentableError? { month.shownError(required: true, attempted: attemptedRequest, caption: .statements(.month)) }
    public var throughError: PresentableError? {
        kind.coversRange ? through.shownError(required: false, attempted: attemptedRequest, caption: .statements(.through)) : nil
    }
    /// Whether the kind takes a range of months (G1).
    public var takesRange: Bool { kind.coversRange }

    /// 查詢 the month's premium calculation.
    public func loadDetail() async {
        attemptedDetail = true
        guard let month = detailMonth.value, !detail.isWorking else { return }
        _ = await call({ self.detail = $0 }) { try await $0.premiumDetail(month: month) }
    }

    /// The unit's requests, newest first.
    public func loadRequests() async {
        _ = await call({ self.requests = $0 }) { try await $0.statementRequests() }
    }

    /// 申請 the chosen statement.
    public func request() async {
        attemptedRequest = true
        guard let month = month.value, !requestStatus.isWorking else { return }
        var last: ROCMonth?
        if takesRange, !through.isEmpty {
            guard let value = through.value else { return }
            last = value
        }
        let kind = kind, range = last
        if await call({ self.requestStatus = $0 }, { try await $0.requestStatement(kind, month: month, through: range) }) != nil {
            await loadRequests()
        }
    }

    /// Whether a request can be opened (it was produced).
    public func offersDownload(_ request: StatementRequest) -> Bool { request.status == .ready }

    /// 下載: opens a produced statement (the service records it in the audit log).
    public func open(_ request: StatementRequest) async {
        guard offersDownload(request), !table.isWorking else { return }
        let id = request.id
        _ = await call({ self.table = $0 }) { try await $0.downloadStatement(id) }
    }

    /// How many rows the screen shows of an opened statement (the print has them all).
    public static let shownRows = 30

    /// An opened statement's rows as the screen shows them: cells that are national IDs masked.
    public func screenRows(_ table: StatementTable) -> [String] {
        table.rows.prefix(Self.shownRows).map { row in
            row.map { cell in (try? PersonalID(parsing: cell))?.masked ?? cell }.joined(separator: "　")
        }
    }

    /// The statement laid out for printing: title, unit and month, the columns, every row.
    public func printLines(_ table: StatementTable, _ language: Language) -> [(text: String, heading: Bool)] {
        var lines: [(String, Bool)] = [(language == .english ? table.titleEn : table.title, true)]
        lines.append((Text.statements(.tableMeta(table)).localized(language), false))
        lines.append((table.columns.joined(separator: "　"), true))
        lines += table.rows.map { ($0.joined(separator: "　"), false) }
        return lines.map { (text: $0.0, heading: $0.1) }
    }

    public func recordPrint(_ result: VisitorServicesModel.PrintResult) { printResult = result }

    public func line(_ request: StatementRequest, _ language: Language) -> String {
        Text.statements(.requestLine(request)).localized(language)
    }

    /// A premium-detail line as the screen shows it (ID masked).
    public func line(_ line: PremiumDetailLine, _ language: Language) -> String { Text.statements(.detailLine(line)).localized(language) }

    public var screen: Screen { .statements }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        detailMonthText = ""
        attemptedDetail = false
        detail = .idle
        kind = .premiumDetailMasked
        monthText = ""
        throughText = ""
        attemptedRequest = false
        requestStatus = .idle
        requests = .idle
        table = .idle
        printResult = nil
    }
    public func screenOpened() {
        let last = (try? ROCMonth(context.today.adding(months: -1)))?.compact ?? ""
        if detailMonthText.isEmpty { detailMonthText = last }
        if monthText.isEmpty { monthText = last }
        Task { await loadRequests() }
    }
    public var automationStatus: String {
        "detail:\(detail.automationValue) request:\(requestStatus.automationValue) requests:\(requests.automationValue) table:\(table.automationValue)"
    }
}

/// 保費繳納證明及電子繳款單: a payment certificate for a range of billing months and a
/// payment period (printed as a document), and the unit's electronic payment-slip
/// subscription — subscribe, change the addresses, cancel (asked first).
@Observable
@MainActor
public final class PaymentsModel: FlowModel, WorkflowCalling {
    public var fromText = ""
    public var throughText = ""
    public var paidFromText = ""
    public var paidThroughText = ""
    public var general = true
    public var supplementary = true
    public private(set) var attemptedCertificate = false
    public private(set) var certificate: FlowStatus<PaymentCertificate> = .idle
    public private(set) var printResult: VisitorServicesModel.PrintResult?

    public private(set) var subscription: FlowStatus<EPaymentSubscription?> = .idle
    public var emailText = ""
    public var backupText = ""
    public var transferResultNotice = false
    public private(set) var attemptedSubscribe = false
    public private(set) var change: FlowStatus<EPaymentSubscription> = .idle
    /// 取消電子繳款單 was pressed: the alert is up.
    public private(set) var askingCancel = false

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public var from: Parsed<ROCMonth> { FieldParser.rocMonth(fromText) }
    public var through: Parsed<ROCMonth> { FieldParser.rocMonth(throughText) }
    public var paidFrom: Parsed<CalendarDate> { FieldParser.rocDate(paidFromText) }
    public var paidThrough: Parsed<CalendarDate> { FieldParser.rocDate(paidThroughText) }
    public var email: Parsed<EmailAddress> { FieldParser.email(emailText) }
    public var backup: Parsed<EmailAddress> { FieldParser.email(backupText) }

    public func error(_ field: PaymentsText.Field) -> PresentableError? {
        let caption = Text.payments(.caption(field))
        switch field {
        case .from: return from.shownError(required: true, attempted: attemptedCertificate, caption: caption)
        case .through: return through.shownError(required: true, attempted: attemptedCertificate, caption: caption)
        case .paidFrom: return paidFrom.shownError(required: true, attempted: attemptedCertificate, caption: caption)
        case .paidThrough: return paidThrough.shownError(required: true, attempted: attemptedCertificate, caption: caption)
        case .email: return email.shownError(required: true, attempted: attemptedSubscribe, caption: caption)
        case .backupEmail: return backup.shownError(required: false, attempted: attemptedSubscribe, caption: caption)
        }
    }

    /// Neither general nor supplementary premium chosen (shown once 查詢 was pressed).
    public var noCategory: Bool { attemptedCertificate && !general && !supplementary }

    /// 查詢 the certificate.
    public func loadCertificate() async {
        attemptedCertificate = true
        guard let from = from.value, let through = through.value, let paidFrom = paidFrom.value, let paidThrough = paidThrough.value,
              general || supplementary, !certificate.isWorking else { return }
        guard from <= through, paidFrom <= paidThrough else {
            certificate = .failed(PresentableError(KioskError(.rangeReversed)))
            return
        }
        var categories: Set<PremiumBill.Category> = []
        if general { categories.insert(.general) }
        if supplementary { categories.insert(.supplementary) }
        let chosen = categories
        _ = await call({ self.certificate = $0 }) {
            try await $0.paymentCertificate(categories: chosen, months: from...through, period: paidFrom...paidThrough)
        }
    }

    /// The certificate laid out for printing.
    public func printLines(_ certificate: PaymentCertificate, _ language: Language) -> [(text: String, heading: Bool)] {
        let t = { (text: PaymentsText) in Text.payments(text).localized(language) }
        var lines: [(text: String, heading: Bool)] = [(t(.certificateTitle), true)]
        lines.append((t(.payer(code: certificate.payerKey, name: certificate.payerName)), false))
        if let from = from.value, let through = through.value, let paidFrom = paidFrom.value, let paidThrough = paidThrough.value {
            lines.append((t(.ranges(from: from, through: through, paidFrom: paidFrom, paidThrough: paidThrough)), false))
        }
        lines += certificate.lines.map { (t(.certificateLine($0)), false) }
        lines.append((t(.total(certificate.total)), true))
        return lines
    }

    public func line(_ line: PaymentCertificate.Line, _ language: Language) -> String { Text.payments(.certificateLine(line)).localized(language) }

    public func recordPrint(_ result: VisitorServicesModel.PrintResult) { printResult = result }

    /// The unit's subscription (and the form filled from it).
    public func loadSubscription() async {
        if let current = await call({ self.subscription = $0 }, { try await $0.ePaymentSubscription() }), let current, current.active {
            emailText = current.email.rawValue
            backupText = current.backupEmail?.rawValue ?? ""
            transferResultNotice = current.transferResultNotice
        }
    }

    /// 申請／變更 electronic slips.
    public func subscribe() async {
        attemptedSubscribe = true
        guard let email = email.value, backup.error == nil, !change.isWorking else { return }
        let backup = backup.value, notice = transferResultNotice
        if await call({ self.change = $0 }, { try await $0.subscribeEPayment(email: email, backupEmail: backup, transferResultNotice: notice) }) != nil {
            await loadSubscription()
        }
    }

    /// 取消電子繳款單: asks first.
    public func requestCancel() {
        guard subscription.result??.active == true else { return }
        askingCancel = true
    }
    public func dismissCancel() { askingCancel = false }
    /// The first billing month a change made today applies to (the service's rule).
    public var changeEffectiveMonth: ROCMonth { EPaymentSubscription.effectiveMonth(forChangeOn: context.today) }
    /// The alert was answered 取消申請.
    public func confirmCancel() async {
        guard askingCancel else { return }
        askingCancel = false
        if await call({ self.change = $0 }, { try await $0.cancelEPayment() }) != nil {
            await loadSubscription()
        }
    }

    public var screen: Screen { .payments }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        fromText = ""
        throughText = ""
        paidFromText = ""
        paidThroughText = ""
        general = true
        supplementary = true
        attemptedCertificate = false
        certificate = .idle
        printResult = nil
        subscription = .idle
        emailText = ""
        backupText = ""
        transferResultNotice = false
        attemptedSubscribe = false
        change = .idle
        askingCancel = false
    }
    public func screenOpened() {
        let today = context.today
        if fromText.isEmpty { fromText = (try? ROCMonth(today.adding(months: -12)))?.compact ?? "" }
        if throughText.isEmpty { throughText = (try? ROCMonth(today.adding(months: -1)))?.compact ?? "" }
        if paidFromText.isEmpty { paidFromText = today.adding(months: -12).rocCompact }
        if paidThroughText.isEmpty { paidThroughText = today.rocCompact }
        Task { await loadSubscription() }
    }
    public var automationStatus: String {
        "certificate:\(certificate.automationValue) subscription:\(subscription.automationValue) change:\(change.automationValue)"
    }
}

import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 保費計算明細及各類明細表: binds ``StatementsModel`` — a month's calculation, the statement
/// catalogue (request, the requests, open one and print it).
@MainActor
final class StatementsView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: StatementsModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let detailTitle = Label("", role: .heading)
    private let detailForm = FormGrid()
    private let detailMonth: TextInput
    private let loadDetail: Button
    private let detailStatus = StatusLine()
    private let detailLines = LineList("preview")
    private let catalogueTitle = Label("", role: .heading)
    private let requestForm = FormGrid()
    private let kind: ListChoice<StatementKind>
    private let kindRow: FormRow
    private let month: TextInput
    private let through: TextInput
    private let request: Button
    private let requestStatus = StatusLine(announces: true)
    private let requestsTitle = Label("", role: .heading)
    private let requestsStatus = StatusLine()
    private let requests = ListBox()
    private var shownRequests: [StatementRequest]?
    private var shownLanguage: Language?
    private let tableStatus = StatusLine()
    private let tableTitle = Label("", role: .heading)
    private let tableMeta = Label("")
    private let tableLines = LineList("preview")
    private let printTable: Button
    private let printStatus = Label("", role: .status)

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.statements
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        for title in [detailTitle, catalogueTitle, requestsTitle, tableTitle] { title.addStyleClass("section-title") }
        detailMonth = TextInput(detailForm, maxLength: 10, digits: true) { model.detailMonthText = $0 }
        loadDetail = makeButton("suggested-action", width: 200) { Task { await model.loadDetail() } }
        kind = ListChoice(model.kinds) { model.kind = $0 }
        kindRow = requestForm.add(kind.dropDown)
        month = TextInput(requestForm, maxLength: 10, digits: true) { model.monthText = $0 }
        through = TextInput(requestForm, maxLength: 10, digits: true) { model.throughText = $0 }
        request = makeButton(width: 200) { Task { await model.request() } }
        requests.addStyleClass("lines")
        printTable = makeButton(width: 200) { }
        printStatus.addStyleClass("flow-status")
        column.append([note.root, detailTitle, detailForm.grid, loadDetail, detailStatus.label, detailLines.list,
                       catalogueTitle, requestForm.grid, request, requestStatus.label, requestsTitle, requestsStatus.label, requests,
                       tableStatus.label, tableTitle, tableMeta, tableLines.list, printTable, printStatus])
        printTable.onClick { [weak self] in self?.printOpened() }
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.statements))
        let missing = context.shell.missingModule(for: .statements)
        note.show(missing, context: context)
        detailTitle.text = t(.statements(.detailTitle))
        detailMonth.render(context, caption: .statements(.detailMonth), text: model.detailMonthText, error: model.detailMonthError)
        loadDetail.render(context, .statements(.loadDetail), enabled: missing == nil && !model.detail.isWorking)
        detailStatus.render(context, model.detail) { t(.statements(.detailSummary($0))) }
        var lines = (model.detail.result?.lines ?? []).map { model.line($0, language) }
        if let count = model.detail.result?.unbillable.count, count > 0 { lines.append(t(.statements(.unbillable(count)))) }
        detailLines.render(lines)

        catalogueTitle.text = t(.statements(.catalogueTitle))
        kindRow.render(context, caption: .statements(.kindPicker), error: nil)
        kind.render(context, selected: model.kind) { .statements(.kind($0)) }
        month.render(context, caption: .statements(.month), text: model.monthText, error: model.monthError)
        through.render(context, caption: .statements(.through), text: model.throughText, error: model.throughError, visible: model.takesRange)
        request.render(context, .statements(.request), enabled: missing == nil && !model.requestStatus.isWorking)
        requestStatus.render(context, model.requestStatus) { t(.statements(.requested($0))) }
        requestsTitle.text = t(.statements(.requestsTitle))
        requestsStatus.render(context, model.requests) { $0.isEmpty ? t(.statements(.noRequests)) : nil }
        let rows = model.requests.result ?? []
        if rows != shownRequests || language != shownLanguage { rebuild(rows) }

        tableStatus.render(context, model.table) { _ in nil }
        let table = model.table.result
        tableTitle.text = table.map { language == .english ? $0.titleEn : $0.title } ?? ""
        tableTitle.isVisible = table != nil
        tableMeta.text = table.map { t(.statements(.tableMeta($0))) + "　" + t(.statements(.tableRows(shown: min($0.rows.count, StatementsModel.shownRows), total: $0.rows.count))) } ?? ""
        tableMeta.isVisible = table != nil
        context.controls.name(tableMeta, tableMeta.text.isEmpty ? "—" : tableMeta.text)
        tableLines.render(table.map { [$0.columns.joined(separator: "　")] + model.screenRows($0) } ?? [])
        printTable.render(context, .statements(.printTable), visible: table != nil)
        printStatus.text = PrintText.outcome(model.printResult, t)
        printStatus.isVisible = !printStatus.text.isEmpty
    }

    private func rebuild(_ rows: [StatementRequest]) {
        shownRequests = rows
        shownLanguage = context.shell.language
        let t = context.t
        let language = context.shell.language
        requests.setRows(rows.map { request in
            let row = Box(.horizontal, spacing: 16)
            row.setMargin(6)
            let text = model.line(request, language)
            let label = Label(text)
            label.expand(horizontally: true)
            context.controls.name(label, text)
            row.append(label)
            if model.offersDownload(request) {
                let open = makeButton(width: 120) { [model] in Task { await model.open(request) } }
                open.label = language == .english ? "Open" : "開啟"
                context.controls.name(open, t(.statements(.open(request))))
                row.append(open)
            }
            return row
        })
        requests.isVisible = !rows.isEmpty
    }

    /// Prints the opened statement as a document (every row, as the statement has it).
    private func printOpened() {
        guard let table = model.table.result else { return }
        let language = context.shell.language
        let lines = model.printLines(table, language)
        let document = PrintDocument(title: lines.first?.text ?? table.kind.rawValue,
                                     lines: lines.map { PrintDocument.Line($0.text, style: $0.heading ? .heading : .small) })
        model.recordPrint(PrintText.run(document, context: context, file: "statement-\(table.kind.rawValue)-\(table.month.compact)-\(language.rawValue).pdf"))
    }

    func focusFirst() { heading.grabFocus() }
}

/// 保費繳納證明及電子繳款單: binds ``PaymentsModel``.
@MainActor
final class PaymentsView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: PaymentsModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let certificateTitle = Label("", role: .heading)
    private let certificateForm = FormGrid()
    private var inputs: [PaymentsText.Field: TextInput] = [:]
    private let general: Toggle
    private let supplementary: Toggle
    private let noCategory = Label("", role: .alert)
    private let loadCertificate: Button
    private let certificateStatus = StatusLine()
    private let certificateLines = LineList("preview")
    private let printCertificate: Button
    private let printStatus = Label("", role: .status)
    private let ePaymentTitle = Label("", role: .heading)
    private let subscriptionStatus = StatusLine()
    private let ePaymentForm = FormGrid()
    private let notice: Toggle
    private let subscribe: Button
    private let cancel: Button
    private let changeStatus = StatusLine(announces: true)
    private let alert = AlertPresenter<Bool>()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.payments
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        for title in [certificateTitle, ePaymentTitle] { title.addStyleClass("section-title") }
        for field in [PaymentsText.Field.from, .through, .paidFrom, .paidThrough] {
            inputs[field] = TextInput(certificateForm, maxLength: 10, digits: true) { text in
                switch field {
                case .from: model.fromText = text
                case .through: model.throughText = text
                case .paidFrom: model.paidFromText = text
                default: model.paidThroughText = text
                }
            }
        }
        general = Toggle { model.general = $0 }
        supplementary = Toggle { model.supplementary = $0 }
        certificateForm.addWide(general.check)
        certificateForm.addWide(supplementary.check)
        noCategory.addStyleClass("error-text")
        loadCertificate = makeButton("suggested-action", width: 200) { Task { await model.loadCertificate() } }
        printCertificate = makeButton(width: 200) { }
        printStatus.addStyleClass("flow-status")
        inputs[.email] = TextInput(ePaymentForm, maxLength: 100) { model.emailText = $0 }
        inputs[.backupEmail] = TextInput(ePaymentForm, maxLength: 100) { model.backupText = $0 }
        notice = Toggle { model.transferResultNotice = $0 }
        ePaymentForm.addWide(notice.check)
        subscribe = makeButton(width: 200) { Task { await model.subscribe() } }
        cancel = makeButton("destructive-action", width: 200) { model.requestCancel() }
        let buttons = Box(.horizontal, spacing: 12)
        buttons.append([subscribe, cancel])
        column.append([note.root, certificateTitle, certificateForm.grid, noCategory, loadCertificate, certificateStatus.label,
                       certificateLines.list, printCertificate, printStatus, ePaymentTitle, subscriptionStatus.label, ePaymentForm.grid,
                       buttons, changeStatus.label])
        printCertificate.onClick { [weak self] in self?.printIt() }
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.payments))
        let missing = context.shell.missingModule(for: .payments)
        note.show(missing, context: context)
        certificateTitle.text = t(.payments(.certificateSectionTitle))
        let texts: [PaymentsText.Field: String] = [.from: model.fromText, .through: model.throughText, .paidFrom: model.paidFromText,
                                                   .paidThrough: model.paidThroughText, .email: model.emailText, .backupEmail: model.backupText]
        for (field, input) in inputs {
            input.render(context, caption: .payments(.caption(field)), text: texts[field] ?? "", error: model.error(field))
        }
        general.render(context, .payments(.general), on: model.general)
        supplementary.render(context, .payments(.supplementary), on: model.supplementary)
        noCategory.text = model.noCategory ? t(.payments(.noCategory)) : ""
        noCategory.isVisible = model.noCategory
        loadCertificate.render(context, .payments(.loadCertificate), enabled: missing == nil && !model.certificate.isWorking)
        certificateStatus.render(context, model.certificate) { $0.lines.isEmpty ? t(.payments(.noPayments)) : t(.payments(.total($0.total))) }
        certificateLines.render((model.certificate.result?.lines ?? []).map { model.line($0, language) })
        printCertificate.render(context, .payments(.printCertificate), visible: model.certificate.result?.lines.isEmpty == false)
        printStatus.text = PrintText.outcome(model.printResult, t)
        printStatus.isVisible = !printStatus.text.isEmpty

        ePaymentTitle.text = t(.payments(.ePaymentTitle))
        subscriptionStatus.render(context, model.subscription) { current in
            guard let current else { return t(.payments(.notSubscribed)) }
            return current.active ? t(.payments(.subscribedNow(current))) : t(.payments(.cancelledNow(current)))
        }
        notice.render(context, .payments(.transferNotice), on: model.transferResultNotice)
        let active = model.subscription.result??.active == true
        subscribe.render(context, active ? .payments(.update) : .payments(.subscribe), enabled: missing == nil && !model.change.isWorking)
        cancel.render(context, .payments(.cancel), enabled: !model.change.isWorking, visible: active)
        changeStatus.render(context, model.change) { $0.active ? t(.payments(.subscribed($0))) : t(.payments(.cancelledNow($0))) }
        renderAlert()
    }

    /// 取消電子繳款單 asks in an alert (保留 is the default).
    private func renderAlert() {
        let t = context.t
        guard let current = model.subscription.result ?? nil else { return alert.close() }
        alert.render(context, question: model.askingCancel ? true : nil, content: { [model] _ in
            .init(title: t(.payments(.cancelTitle)), message: t(.payments(.cancelMessage(current, paperFrom: model.changeEffectiveMonth))),
                  cancel: t(.payments(.keep)), confirm: t(.payments(.cancel)))
        }, confirm: { [model] _ in await model.confirmCancel() }, cancel: { [model] in model.dismissCancel() })
    }

    private func printIt() {
        guard let certificate = model.certificate.result else { return }
        let language = context.shell.language
        let lines = model.printLines(certificate, language)
        let document = PrintDocument(title: lines.first?.text ?? "certificate",
                                     lines: lines.map { PrintDocument.Line($0.text, style: $0.heading ? .title : .body) })
        model.recordPrint(PrintText.run(document, context: context, file: "certificate-\(certificate.payerKey)-\(language.rawValue).pdf"))
    }

    func focusFirst() { heading.grabFocus() }
}

/// Printing a document from a screen: to `--print-to`'s folder as a PDF, or through the
/// print dialog; and the outcome's words.
@MainActor
enum PrintText {
    static func run(_ document: PrintDocument, context: ViewContext, file: String) -> VisitorServicesModel.PrintResult {
        var path: String?
        let outcome: PrintOutcome
        if let directory = context.printDirectory {
            path = directory + "/" + file
            outcome = Printer.exportPDF(document, to: path!, parent: context.window)
        } else {
            outcome = Printer.printWithDialog(document, parent: context.window)
        }
        switch outcome {
        case .printed: return .printed(path: path)
        case .cancelled: return .cancelled
        case .failed(let reason): return .failed(reason)
        }
    }

    static func outcome(_ result: VisitorServicesModel.PrintResult?, _ t: (Text) -> String) -> String {
        switch result {
        case .printed(let path?): path
        case .printed(nil), nil: ""
        case .cancelled: t(.visitor(.printCancelled))
        case .failed(let reason): t(.visitor(.printFailed(reason)))
        }
    }
}

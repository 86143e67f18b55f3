import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 欠費查詢及滯納金試算: binds ``UnpaidPremiumsModel``.
@MainActor
final class UnpaidPremiumsView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: UnpaidPremiumsModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let form: FormGrid
    private let date: TextInput
    private let mailed: Toggle
    private let calculate: Button
    private let status = StatusLine()
    private let table = Grid(rowSpacing: 6, columnSpacing: 20)
    private var tableCells: [Label] = []
    private var shownBills: [UnpaidPremium]?
    private var shownLanguage: Language?
    private let totals = Label("", role: .status)

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.unpaidPremiums
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        date = TextInput(form, maxLength: 16, digits: true) { model.expectedDateText = $0 }
        mailed = Toggle { model.mailed = $0 }
        form.addWide(mailed.check)
        calculate = makeButton("suggested-action") { Task { await model.calculate() } }
        date.entry.setActivatesDefault(true)
        table.addStyleClass("premium-table")
        totals.addStyleClass("totals")
        column.append([note.root, form.grid, calculate, status.label, table, totals])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        heading.text = t(.screenTitle(.unpaidPremiums))
        let missing = context.shell.missingModule(for: .unpaidPremiums)
        note.show(missing, context: context)
        date.render(context, caption: .premium(.expectedDate), text: model.expectedDateText, error: model.expectedDateError,
                    hint: t(.premium(.expectedDateHint)))
        mailed.render(context, .premium(.mailed), on: model.mailed)
        calculate.render(context, .premium(.calculate), enabled: missing == nil && !model.status.isWorking)
        status.render(context, model.status) { bills in bills.isEmpty ? t(.premium(.noneUnpaid)) : nil }
        let bills = model.status.result
        if bills != shownBills || shownLanguage != context.shell.language { rebuild(bills ?? []) }
        totals.isVisible = !(bills ?? []).isEmpty
        totals.text = t(.premium(.totals(premium: model.premiumTotal, fee: model.lateFeeTotal, total: model.total)))
        context.controls.name(totals, totals.text)
        if context.shell.screen == .unpaidPremiums { context.window.setDefaultWidget(calculate) }
    }

    private func rebuild(_ bills: [UnpaidPremium]) {
        shownBills = bills
        shownLanguage = context.shell.language
        for cell in tableCells { table.remove(cell) }
        tableCells = []
        table.isVisible = !bills.isEmpty
        guard !bills.isEmpty else { return }
        let t = context.t
        let headers: [PremiumText] = [.columnMonth, .columnCategory, .columnUnpaid, .columnDue, .columnFeeStart, .columnDays,
                                      .columnFee, .columnTotal]
        for (column, header) in headers.enumerated() {
            let label = Label(t(.premium(header)))
            label.addStyleClass("column-header")
            table.attach(label, column: Int32(column), row: 0)
            tableCells.append(label)
        }
        for (index, bill) in bills.enumerated() {
            let days = "\(bill.lateFee.daysCharged)" + (bill.lateFee.capReached ? "（\(t(.premium(.capReached)))）" : "")
            let cells = [bill.premiumMonth.compact, t(.premium(.billCategory(bill.bill.category))), bill.unpaid.display,
                         bill.bill.dueDate.display(shownLanguage ?? .traditionalChinese), bill.lateFeeStart.display(shownLanguage ?? .traditionalChinese), days, bill.lateFee.fee.display,
                         bill.lateFee.total.display]
            let rowName = t(.premium(.row(bill)))
            for (column, text) in cells.enumerated() {
                let label = Label(text)
                if column >= 2 { label.setTextAlignment(1) }
                context.controls.name(label, column == 0 ? rowName : text)
                table.attach(label, column: Int32(column), row: Int32(index + 1))
                tableCells.append(label)
            }
        }
    }

    func focusFirst() { date.entry.grabFocus() }
}

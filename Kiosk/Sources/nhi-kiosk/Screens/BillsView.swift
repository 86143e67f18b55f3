import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 保險費帳單及繳款單: binds ``BillsModel`` — the bills, and a slip printed per bill.
@MainActor
final class BillsView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: BillsModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let title = Label()
    private let status = StatusLine()
    private let slipStatus = StatusLine(announces: true)
    private let printStatus = Label("", role: .status)
    private let list = ListBox()
    private var shownRows: [PremiumBill]?
    private var shownLanguage: Language?

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.billsModel
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        title.addStyleClass("hint")
        list.addStyleClass("lines")
        printStatus.addStyleClass("flow-status")
        column.append([note.root, title, status.label, slipStatus.label, printStatus, list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.bills))
        note.show(context.shell.missingModule(for: .bills), context: context)
        title.text = t(.bills(.title))
        status.render(context, model.bills) { $0.isEmpty ? t(.bills(.none)) : nil }
        slipStatus.render(context, model.slip) { t(.bills(.slipIssued($0))) }
        switch model.printResult {
        case .printed(let path?): printStatus.text = path
        case .printed(nil), nil: printStatus.text = ""
        case .cancelled: printStatus.text = t(.visitor(.printCancelled))
        case .failed(let reason): printStatus.text = t(.visitor(.printFailed(reason)))
        }
        printStatus.isVisible = !printStatus.text.isEmpty
        context.controls.name(printStatus, printStatus.text.isEmpty ? "—" : printStatus.text)
        let rows = model.bills.result ?? []
        guard rows != shownRows || language != shownLanguage else { return }
        shownRows = rows
        shownLanguage = language
        list.setRows(rows.map { bill in
            let row = Box(.horizontal, spacing: 16)
            row.setMargin(6)
            let text = model.line(bill, language)
            let label = Label(text)
            label.expand(horizontally: true)
            context.controls.name(label, text)
            let slip = makeButton(width: 160) { [weak self] in self?.printSlip(bill) }
            slip.label = t(.bills(.printSlip(bill)))
            context.controls.name(slip, t(.bills(.printSlip(bill))))
            row.append([label, slip])
            return row
        })
        list.isVisible = !rows.isEmpty
    }

    /// Asks the service for the slip (it counts downloads), then prints it as a document.
    private func printSlip(_ bill: PremiumBill) {
        Task { @MainActor [model, context] in
            guard let issued = await model.issueSlip(bill) else { return }
            let language = context.shell.language
            let lines = model.slipLines(issued, unitName: context.shell.unitName, language)
            let document = PrintDocument(title: context.t(.bills(.slipTitle)) + " \(issued.id)",
                                         lines: lines.map { PrintDocument.Line($0.text, style: $0.heading ? .title : .body) })
            var path: String?
            let outcome: PrintOutcome
            if let directory = context.printDirectory {
                path = directory + "/slip-\(issued.id)-\(issued.month.compact)-\(language.rawValue).pdf"
                outcome = Printer.exportPDF(document, to: path!, parent: context.window)
            } else {
                outcome = Printer.printWithDialog(document, parent: context.window)
            }
            switch outcome {
            case .printed: model.recordPrint(.printed(path: path))
            case .cancelled: model.recordPrint(.cancelled)
            case .failed(let reason): model.recordPrint(.failed(reason))
            }
        }
    }

    func focusFirst() { heading.grabFocus() }
}

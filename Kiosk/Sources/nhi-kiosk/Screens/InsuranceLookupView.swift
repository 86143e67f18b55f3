import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 投保狀態查詢及投保證明: binds ``InsuranceLookupModel`` — the ID (and date), the status,
/// and the proof laid out as a document on screen (IDs masked) and on paper.
@MainActor
final class InsuranceLookupView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: InsuranceLookupModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let hint = Label()
    private let form = FormGrid()
    private let id: TextInput
    private let date: TextInput
    private let lookUp: Button
    private let status = StatusLine(announces: true)
    private let statusTitle = Label("", role: .heading)
    private let lines = LineList()
    private let printChinese: Button, printEnglish: Button
    private let proofStatus = StatusLine(announces: true)
    private let printStatus = Label("", role: .status)
    /// The proof as a document (a white sheet).
    private let sheet = Box(.vertical, spacing: 8, role: .document)
    private var shownSheet: ProofLayout?

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.insuranceLookup
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        hint.addStyleClass("hint")
        id = TextInput(form, maxLength: 12) { model.idText = $0 }
        date = TextInput(form, maxLength: 16, digits: true) { model.dateText = $0 }
        for input in [id, date] { input.entry.setActivatesDefault(true) }
        lookUp = makeButton("suggested-action") { Task { await model.lookUp() } }
        statusTitle.addStyleClass("section-title")
        printChinese = makeButton(width: 260) {}
        printEnglish = makeButton(width: 260) {}
        let buttons = Box(.horizontal, spacing: 12)
        buttons.append([printChinese, printEnglish])
        printStatus.addStyleClass("flow-status")
        sheet.addStyleClass("proof-sheet")
        sheet.align(horizontal: GTK_ALIGN_START)
        column.append([note.root, hint, form.grid, lookUp, status.label, statusTitle, lines.list, buttons, proofStatus.label,
                       printStatus, sheet])
        printChinese.onClick { [weak self] in self?.printProof(.traditionalChinese) }
        printEnglish.onClick { [weak self] in self?.printProof(.english) }
        observe { [weak self] in self?.render() }
    }

    /// Issues the proof through the service, then prints it (or saves a PDF with `--print-to`).
    private func printProof(_ language: Language) {
        Task { @MainActor [model, context] in
            guard let proof = await model.issueProof() else { return }
            let layout = ProofLayout(proof, language: language, onScreen: false)
            let document = PrintDocument(title: language.pick("投保證明 ", "Proof of insurance ") + proof.reference,
                                         lines: layout.blocks.map(Self.printLine))
            var path: String?
            let outcome: PrintOutcome
            if let directory = context.printDirectory {
                path = directory + "/" + proof.reference + "-" + language.rawValue + ".pdf"
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

    /// One block of the layout on paper.
    private static func printLine(_ block: ProofLayout.Block) -> PrintDocument.Line {
        switch block {
        case .title(let text): PrintDocument.Line(text, style: .title)
        case .subtitle(let text): PrintDocument.Line(text, style: .small)
        case .field(let label, let value): PrintDocument.Line("\(label)：\(value)")
        case .heading(let text): PrintDocument.Line(text, style: .heading)
        case .row(let cells, let header): PrintDocument.Line(cells.joined(separator: "　　"), style: header ? .heading : .body)
        case .note(let text): PrintDocument.Line(text)
        }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.insuranceLookup))
        let missing = context.shell.missingModule(for: .insuranceLookup)
        note.show(missing, context: context)
        hint.text = t(.insurance(.dateHint))
        id.render(context, caption: .insurance(.idCaption), text: model.idText, error: model.idError,
                  hint: idHint(model.idText, language))
        date.render(context, caption: .insurance(.dateCaption), text: model.dateText, error: model.dateError)
        lookUp.render(context, .insurance(.lookUp), enabled: missing == nil && !model.status.isWorking)
        status.render(context, model.status) { _ in nil }
        let found = model.status.result != nil
        statusTitle.text = t(.insurance(.statusTitle))
        statusTitle.isVisible = found
        lines.render(model.statusLines(language))
        printChinese.render(context, .insurance(.printProof(.traditionalChinese)), enabled: !model.proof.isWorking, visible: found)
        printEnglish.render(context, .insurance(.printProof(.english)), enabled: !model.proof.isWorking, visible: found)
        proofStatus.render(context, model.proof) { t(.visitor(.proofIssued(reference: $0.reference))) }
        switch model.printResult {
        case .printed(let path?): printStatus.text = path
        case .printed(nil), nil: printStatus.text = ""
        case .cancelled: printStatus.text = t(.visitor(.printCancelled))
        case .failed(let reason): printStatus.text = t(.visitor(.printFailed(reason)))
        }
        printStatus.isVisible = !printStatus.text.isEmpty
        context.controls.name(printStatus, printStatus.text.isEmpty ? "—" : printStatus.text)
        renderSheet(model.proof.result.map { ProofLayout($0, language: language, onScreen: true) })
        if context.shell.screen == .insuranceLookup { context.window.setDefaultWidget(lookUp) }
    }

    /// The issued proof as a sheet on screen, laid out like the paper (IDs masked).
    private func renderSheet(_ layout: ProofLayout?) {
        guard layout != shownSheet else { return }
        shownSheet = layout
        sheet.removeAll()
        sheet.isVisible = layout != nil
        guard let layout else { return }
        context.controls.name(sheet, context.t(.insurance(.previewTitle)))
        for block in layout.blocks {
            let label: Label
            switch block {
            case .title(let text):
                label = Label(text, role: .heading)
                label.addStyleClass("proof-title")
                label.setTextAlignment(0.5)
            case .subtitle(let text):
                label = Label(text)
                label.addStyleClass("proof-small")
                label.setTextAlignment(0.5)
            case .field(let name, let value):
                label = Label("\(name)：\(value)")
            case .heading(let text):
                label = Label(text, role: .heading)
                label.addStyleClass("proof-heading")
            case .row(let cells, let header):
                let row = Grid(rowSpacing: 0, columnSpacing: 12)
                row.setColumnsHomogeneous(true)
                for (index, cell) in cells.enumerated() {
                    let item = Label(cell)
                    if header { item.addStyleClass("column-header") }
                    row.attach(item, column: Int32(index), row: 0)
                }
                context.controls.name(row, cells.joined(separator: " "))
                sheet.append(row)
                continue
            case .note(let text):
                label = Label(text)
            }
            context.controls.name(label, label.text)
            sheet.append(label)
        }
    }

    func focusFirst() { id.entry.grabFocus() }
}

import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 批次申報及申報資料列印: binds ``FilingImportModel`` — the exchange folder's files (the
/// kiosk's own picker; the desktop also offers GTK's chooser), the check row by row, the
/// import after a confirmation, and the filed data of a range with its print.
@MainActor
final class FilingImportView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: FilingImportModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let intro = Label("")
    private let shelf: FileShelfView
    private let chosen = Label("", role: .status)
    private let checkStatus = StatusLine()
    private let rejections = LineList("issues")
    private let importButton: Button
    private let importStatus = StatusLine(announces: true)
    private let alert = AlertPresenter<Bool>()
    private let listingTitle = Label("", role: .heading)
    private let form = FormGrid()
    private let from: TextInput, through: TextInput
    private let loadListing: Button
    private let listingStatus = StatusLine()
    private let listing = LineList("preview")
    private let printListing: Button
    private let printStatus = Label("", role: .status)

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.filingImport
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        shelf = FileShelfView(shelf: model.shelf, context: context,
                              chooser: .init(filterName: "CSV", patterns: ["*.csv", "*.CSV", "*.txt"]) { await model.choose(path: $0) }) { file in
            Task { await model.choose(file) }
        }
        importButton = makeButton("suggested-action", width: 240) { model.requestImport() }
        listingTitle.addStyleClass("section-title")
        from = TextInput(form, maxLength: 16, digits: true) { model.fromText = $0 }
        through = TextInput(form, maxLength: 16, digits: true) { model.throughText = $0 }
        loadListing = makeButton(width: 240) { Task { await model.loadListing() } }
        printListing = makeButton(width: 240) {}
        printStatus.addStyleClass("flow-status")
        column.append([note.root, intro, shelf.root, chosen, checkStatus.label, rejections.list, importButton, importStatus.label,
                       listingTitle, form.grid, loadListing, listingStatus.label, listing.list, printListing, printStatus])
        printListing.onClick { [weak self] in self?.printIt() }
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.filingImport))
        let missing = context.shell.missingModule(for: .filingImport)
        note.show(missing, context: context)
        intro.text = t(.filingImport(.intro))
        shelf.render(enabled: missing == nil)
        chosen.text = model.fileName.map { t(.filingImport(.chosen(name: $0, rows: model.rowCount))) } ?? ""
        chosen.isVisible = model.fileName != nil
        context.controls.name(chosen, chosen.text.isEmpty ? "—" : chosen.text)
        checkStatus.render(context, model.check, problem: { !$0.isEmpty }) { $0.isEmpty ? t(.filingImport(.clean(rows: model.rowCount))) : t(.filingImport(.rejectedCount($0.count))) }
        rejections.render((model.check.result ?? []).map { model.line($0, language) }, styles: (model.check.result ?? []).map { _ in "error-text" })
        importButton.render(context, .filingImport(.importButton), enabled: model.canImport, visible: model.fileName != nil)
        importStatus.render(context, model.importStatus) { t(.filingImport(.imported($0))) }
        renderAlert()

        listingTitle.text = t(.filingImport(.listingSection))
        from.render(context, caption: .filingImport(.from), text: model.fromText, error: model.fromError)
        through.render(context, caption: .filingImport(.through), text: model.throughText, error: model.throughError)
        loadListing.render(context, .filingImport(.loadListing), enabled: missing == nil && !model.listing.isWorking)
        listingStatus.render(context, model.listing) { $0.isEmpty ? t(.filingImport(.noListing)) : t(.filingImport(.listingCount($0.count))) }
        listing.render((model.listing.result ?? []).map { model.line($0, language) })
        printListing.render(context, .filingImport(.printListing), visible: model.listing.result?.isEmpty == false)
        printStatus.text = PrintText.outcome(model.printResult, t)
        printStatus.isVisible = !printStatus.text.isEmpty
    }

    /// 匯入申報 asks in an alert (取消 is the default).
    private func renderAlert() {
        let t = context.t
        guard let name = model.fileName else { return alert.close() }
        alert.render(context, question: model.askingImport ? true : nil, content: { [model] _ in
            .init(title: t(.filingImport(.importTitle)), message: t(.filingImport(.importMessage(name: name, rows: model.rowCount))),
                  cancel: t(.cancel), confirm: t(.filingImport(.importButton)))
        }, confirm: { [model] _ in await model.confirmImport() }, cancel: { [model] in model.dismissImport() })
    }

    private func printIt() {
        guard let filings = model.listing.result, !filings.isEmpty else { return }
        let language = context.shell.language
        let lines = model.printLines(filings, language)
        let document = PrintDocument(title: lines.first?.text ?? "listing",
                                     lines: lines.map { PrintDocument.Line($0.text, style: $0.heading ? .heading : .small) })
        model.recordPrint(PrintText.run(document, context: context, file: "filed-data-\(model.fromText)-\(model.throughText)-\(language.rawValue).pdf"))
    }

    func focusFirst() { heading.grabFocus() }
}

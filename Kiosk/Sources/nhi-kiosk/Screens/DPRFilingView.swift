import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 補充保險費明細申報: binds ``DPRFilingModel`` — the exchange folder's files, the check,
/// the filing after a confirmation, and the way to the slips it made.
@MainActor
final class DPRFilingView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: DPRFilingModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let intro = Label("")
    private let shelf: FileShelfView
    private let summary = Label("", role: .status)
    private let checkStatus = StatusLine()
    private let before = Label("", role: .status)
    private let issues = LineList("issues")
    private let importButton: Button
    private let importStatus = StatusLine(announces: true)
    private let toSlips: Button
    private let alert = AlertPresenter<Bool>()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.dprFiling
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        shelf = FileShelfView(shelf: model.shelf, context: context,
                              chooser: .init(filterName: "DPR", patterns: ["*.csv", "*.CSV", "*.txt", "*.TXT", "*.dpr", "*.DPR"]) {
                                  await model.choose(path: $0)
                              }) { file in Task { await model.choose(file) } }
        importButton = makeButton("suggested-action", width: 260) { model.requestImport() }
        toSlips = makeButton(width: 260) { [context] in _ = context.shell.open(task: .bills) }
        column.append([note.root, intro, shelf.root, summary, checkStatus.label, before, issues.list, importButton, importStatus.label, toSlips])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.dpr))
        let missing = context.shell.missingModule(for: .dpr)
        note.show(missing, context: context)
        intro.text = t(.dpr(.intro))
        shelf.render(enabled: missing == nil)
        let outcome = model.check.result
        let unit = outcome?.report.unit
        summary.text = unit.map { t(.dpr(.summary($0, rows: outcome?.report.detailRows ?? 0))) } ?? ""
        summary.isVisible = unit != nil
        context.controls.name(summary, summary.text.isEmpty ? "—" : summary.text)
        checkStatus.render(context, model.check, problem: { !$0.isValid }) { $0.isValid ? t(.dpr(.valid)) : t(.dpr(.invalid($0.report.errors.count))) }
        before.text = outcome?.previousImport.map { t(.dpr(.importedBefore($0))) } ?? ""
        before.isVisible = !before.text.isEmpty
        let lines = model.issueLines(language)
        issues.render(lines.map(\.text), styles: lines.map { $0.isError ? "error-text" : nil })
        importButton.render(context, .dpr(.importButton), enabled: model.canImport, visible: model.fileName != nil)
        importStatus.render(context, model.importStatus) { t(.dpr(.imported($0))) }
        toSlips.render(context, .dpr(.toSlips), visible: (model.importStatus.result?.imported ?? 0) > 0)
        renderAlert()
    }

    /// 申報 asks in an alert (取消 is the default).
    private func renderAlert() {
        let t = context.t
        guard let name = model.fileName, let unit = model.check.result?.report.unit else {
            return alert.close()
        }
        alert.render(context, question: model.askingImport ? true : nil, content: { _ in
            .init(title: t(.dpr(.importTitle)), message: t(.dpr(.importMessage(name: name, unit: unit))), cancel: t(.cancel),
                  confirm: t(.dpr(.importButton)))
        }, confirm: { [model] _ in await model.confirmImport() }, cancel: { [model] in model.dismissImport() })
    }

    func focusFirst() { heading.grabFocus() }
}

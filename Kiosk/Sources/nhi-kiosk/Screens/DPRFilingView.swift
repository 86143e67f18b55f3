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
    private var alert: MessageDialog.Handle?

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

    private func renderAlert() {
        let asking = model.askingImport
        guard asking != (alert != nil) else { return }
        if let open = alert {
            alert = nil
            MessageDialog.dismiss(open)
        }
        guard asking, let name = model.fileName, let unit = model.check.result?.report.unit else { return }
        let t = context.t
        alert = MessageDialog.present(parent: context.window, title: t(.dpr(.importTitle)), message: t(.dpr(.importMessage(name: name, unit: unit))),
                                      buttons: [t(.cancel), t(.dpr(.importButton))], defaultIndex: 0, cancelIndex: 0) { [weak self, model] answer in
            guard let self, self.alert != nil else { return }
            self.alert = nil
            if answer == 1 { Task { await model.confirmImport() } } else { model.dismissImport() }
        }
    }

    func focusFirst() { heading.grabFocus() }
}

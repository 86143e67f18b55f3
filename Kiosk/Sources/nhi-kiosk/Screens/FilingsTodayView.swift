import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 今日申報及檢核結果: binds ``FilingsTodayModel`` — today's filings with 刪除 (asked in an
/// alert first) and the check results for a range.
@MainActor
final class FilingsTodayView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: FilingsTodayModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let todayTitle = Label("", role: .heading)
    private let todayStatus = StatusLine()
    private let deleteStatus = StatusLine(announces: true)
    private let list = ListBox()
    private var shownRows: [Filing]?
    private var shownLanguage: Language?
    private let resultsTitle = Label("", role: .heading)
    private let form = FormGrid()
    private let from: TextInput, through: TextInput
    private let loadResults: Button
    private let resultsStatus = StatusLine(announces: true)
    private let results = LineList()
    private let alert = AlertPresenter<Filing>()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.filingsToday
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        for title in [todayTitle, resultsTitle] { title.addStyleClass("section-title") }
        list.addStyleClass("lines")
        from = TextInput(form, maxLength: 16, digits: true) { model.fromText = $0 }
        through = TextInput(form, maxLength: 16, digits: true) { model.throughText = $0 }
        loadResults = makeButton("suggested-action", width: 240) { Task { await model.loadResults() } }
        column.append([note.root, todayTitle, todayStatus.label, deleteStatus.label, list, resultsTitle, form.grid, loadResults,
                       resultsStatus.label, results.list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.filings))
        let missing = context.shell.missingModule(for: .filings)
        note.show(missing, context: context)
        todayTitle.text = t(.filings(.todayTitle))
        todayStatus.render(context, model.today) { $0.isEmpty ? t(.filings(.noneToday)) : nil }
        deleteStatus.render(context, model.deleteStatus) { t(.filings(.deleted($0))) }
        let rows = model.today.result ?? []
        if rows != shownRows || language != shownLanguage { rebuild(rows) }
        resultsTitle.text = t(.filings(.resultsTitle))
        from.render(context, caption: .filings(.from), text: model.fromText, error: model.fromError)
        through.render(context, caption: .filings(.through), text: model.throughText, error: model.throughError)
        loadResults.render(context, .filings(.loadResults), enabled: missing == nil && !model.results.isWorking)
        resultsStatus.render(context, model.results) { $0.isEmpty ? t(.filings(.noResults)) : nil }
        results.render((model.results.result ?? []).map { model.line($0, language) })
        renderAlert()
    }

    private func rebuild(_ rows: [Filing]) {
        shownRows = rows
        shownLanguage = context.shell.language
        let t = context.t
        let language = context.shell.language
        list.setRows(rows.map { filing in
            let row = Box(.horizontal, spacing: 16)
            row.setMargin(6)
            let text = model.line(filing, language)
            let label = Label(text)
            label.expand(horizontally: true)
            context.controls.name(label, text)
            row.append(label)
            if model.offersDelete(filing) {
                let delete = makeButton("destructive-action", width: 120) { [model] in model.requestDelete(filing) }
                delete.label = t(.keypadDelete)
                context.controls.name(delete, t(.filings(.delete(filing))))
                row.append(delete)
            }
            return row
        })
        list.isVisible = !rows.isEmpty
    }

    /// 刪除 asks in an alert (取消 is the default); it closes when the question goes away.
    private func renderAlert() {
        let t = context.t
        alert.render(context, question: model.pendingDelete, content: { filing in
            .init(title: t(.filings(.deleteTitle)), message: t(.filings(.deleteMessage(filing))), cancel: t(.cancel), confirm: t(.keypadDelete))
        }, confirm: { [model] _ in await model.confirmDelete() }, cancel: { [model] in model.cancelDelete() })
    }

    func focusFirst() { heading.grabFocus() }
}

import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 停復保及基本資料變更: binds ``StatusChangeModel`` — the change, the person, the date and
/// reason (or the new name or birth date with its proof), reviewed before it is filed.
@MainActor
final class StatusChangeView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: StatusChangeModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let form: FormGrid
    private let change: ListChoice<StatusChangeModel.Change>
    private let changeRow: FormRow
    private let picker: RosterPicker
    private let pickerRow: FormRow
    private var inputs: [StatusChangeModel.Field: TextInput] = [:]
    private let facts = LineList("preview")
    private let attachments: AttachmentsView
    private let actions: FilingActions
    private let reviewDialog = ReviewPresenter()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.statusChange
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        change = ListChoice(StatusChangeModel.Change.allCases) { model.choose($0) }
        picker = RosterPicker { model.choose($0) }
        attachments = AttachmentsView(model: model.attachments, context: context)
        actions = FilingActions(submit: { model.requestReview() }, startOver: { model.startOver() })
        changeRow = form.add(change.dropDown)
        pickerRow = form.add(picker.dropDown)
        for field in StatusChangeModel.Field.allCases {
            inputs[field] = TextInput(form, maxLength: field == .reason ? 60 : 16, digits: field == .date || field == .birthDate) { model[field] = $0 }
        }
        column.append([note.root, form.grid, facts.list, attachments.root, actions.buttons, actions.status.label])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.statusChange))
        let missing = context.shell.missingModule(for: .statusChange)
        note.show(missing, context: context)
        changeRow.render(context, caption: .statusChange(.changePicker), error: nil)
        change.render(context, selected: model.change) { .statusChange(.change($0)) }
        pickerRow.render(context, caption: .form(.choosePerson), error: model.roster.status.error)
        picker.render(context, lines: model.roster.lines, selected: model.id.value)
        let shown = Set(model.fields)
        for (field, input) in inputs {
            let record = field == .id ? FormText.onRecord(model.person, idTyped: model.id.value != nil).map { t(.form($0)) } : nil
            input.render(context, caption: .statusChange(.caption(field, model.change)), text: model[field], error: model.error(field),
                         hint: [model.hint(field, language), record].compactMap { $0 }.joined(separator: "　"), visible: shown.contains(field))
        }
        facts.render(model.needsProof ? [t(.statusChange(.proofNeeded))] : [])
        attachments.render(visible: model.needsProof || !model.attachments.documents.isEmpty, needed: model.needsProof)
        actions.render(context, status: model.status, missing: missing, screen: .statusChange) { t(.statusChange(.filed($0))) }
        reviewDialog.render(context, review: model.review, confirm: { [model] in await model.confirmReview() }, cancel: { [model] in model.cancelReview() })
    }

    func focusFirst() { change.dropDown.grabFocus() }
}

/// 在保名冊: binds ``RosterModel`` — the day, a search field that narrows the list as it is
/// typed, and the roster (IDs masked).
@MainActor
final class RosterView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: RosterModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let form = FormGrid()
    private let search: TextInput
    private let day: TextInput
    private let load: Button
    private let status = StatusLine()
    private let summary = Label("", role: .status)
    private let list = LineList()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.roster
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        search = TextInput(form, maxLength: 20) { model.searchText = $0 }
        day = TextInput(form, maxLength: 16, digits: true) { model.dayText = $0 }
        load = makeButton("suggested-action", width: 200) { Task { await model.load() } }
        column.append([note.root, form.grid, load, status.label, summary, list.list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.roster))
        let missing = context.shell.missingModule(for: .roster)
        note.show(missing, context: context)
        search.render(context, caption: .roster(.search), text: model.searchText, error: nil)
        day.render(context, caption: .roster(.day), text: model.dayText, error: model.dayError)
        load.render(context, .roster(.load), enabled: missing == nil && !model.lines.isWorking)
        status.render(context, model.lines) { _ in nil }
        let shown = model.shown
        let total = model.lines.result?.count
        summary.text = total.map { shown.isEmpty ? t(.roster(.none)) : t(.roster(.summary(shown: shown.count, total: $0))) } ?? ""
        summary.isVisible = total != nil
        context.controls.name(summary, summary.text.isEmpty ? "—" : summary.text)
        list.render(shown.map { model.line($0, language) }, styles: shown.map { $0.principalID == nil ? nil : "dependant-line" })
    }

    func focusFirst() { search.entry.grabFocus() }
}

/// 稽核紀錄: binds ``AuditLogModel`` — the unit's newest audit entries, searchable.
@MainActor
final class AuditLogView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: AuditLogModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let form = FormGrid()
    private let search: TextInput
    private let status = StatusLine()
    private let summary = Label("", role: .status)
    private let list = LineList()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.auditLog
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        search = TextInput(form, maxLength: 40) { model.searchText = $0 }
        column.append([note.root, form.grid, status.label, summary, list.list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.auditLog))
        note.show(context.shell.missingModule(for: .auditLog), context: context)
        search.render(context, caption: .audit(.search), text: model.searchText, error: nil)
        status.render(context, model.entries) { _ in nil }
        let shown = model.shown
        let total = model.entries.result?.count
        summary.text = total.map { shown.isEmpty ? t(.audit(.none)) : t(.audit(.summary(shown: shown.count, total: $0))) } ?? ""
        summary.isVisible = total != nil
        context.controls.name(summary, summary.text.isEmpty ? "—" : summary.text)
        list.render(shown.map { model.line($0, language) })
    }

    func focusFirst() { search.entry.grabFocus() }
}

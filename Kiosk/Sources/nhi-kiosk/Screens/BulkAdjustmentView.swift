import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 薪資調整作業(大批): binds ``BulkAdjustmentModel``: the list with check boxes and a
/// per-person amount, filed as one batch.
@MainActor
final class BulkAdjustmentView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: BulkAdjustmentModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let modeCaption = Label()
    private let mode: RadioChoice<BulkAdjustmentModel.Mode>
    private let form: FormGrid
    private var inputs: [BulkAdjustmentModel.Field: TextInput] = [:]
    private let list: Button
    private let dates = Label()
    private let notes = LineList("preview")
    private let selectAll: Button, selectNone: Button
    private let summary = Label("", role: .status)
    private let table = Grid(rowSpacing: 6, columnSpacing: 16)
    private var headers: [Label] = []
    private var rows: [PersonalID: BulkRowView] = [:]
    private var shownIDs: [PersonalID] = []
    private let file: Button
    private let reviewDialog = ReviewPresenter()
    private let listStatus = StatusLine()
    private let status = StatusLine(announces: true)

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.bulkAdjustment
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        mode = RadioChoice(BulkAdjustmentModel.Mode.allCases) { model.mode = $0 }
        list = makeButton("suggested-action") { Task { await model.loadList() } }
        selectAll = makeButton(width: 140) { model.selectAll(true) }
        selectNone = makeButton(width: 140) { model.selectAll(false) }
        file = makeButton("suggested-action", width: 280) { model.requestReview() }
        modeCaption.addStyleClass("field-caption")
        let choices = Box(.horizontal, spacing: 16)
        choices.append([modeCaption, mode.box])
        for field in BulkAdjustmentModel.Field.allCases {
            inputs[field] = TextInput(form, maxLength: 12, digits: true) { model[field] = $0 }
        }
        dates.addStyleClass("hint")
        let selection = Box(.horizontal, spacing: 12)
        selection.append([selectAll, selectNone, summary])
        for index in 0..<5 {
            let header = Label()
            header.addStyleClass("column-header")
            table.attach(header, column: Int32(index), row: 0)
            headers.append(header)
        }
        table.addStyleClass("bulk-table")
        column.append([note.root, choices, form.grid, list, dates, listStatus.label, notes.list, selection, table, file, status.label])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        heading.text = t(.screenTitle(.bulkSalaryAdjustment))
        let missing = context.shell.missingModule(for: .bulkSalaryAdjustment)
        note.show(missing, context: context)
        modeCaption.text = t(.filing(.modePicker))
        mode.render(context, selected: model.mode, label: { .filing(.mode($0)) }, groupName: .filing(.modePicker))
        for (field, input) in inputs {
            input.render(context, caption: .filing(.bulkCaption(field)), text: model[field], error: model.error(field),
                         visible: model.mode == .byGrade)
        }
        list.render(context, .filing(.loadList), enabled: missing == nil && !model.listStatus.isWorking)
        dates.text = t(.filing(.bulkDates(filed: context.shell.backends.service?.today ?? .today(), effective: model.effectiveDate)))
        listStatus.render(context, model.listStatus) { _ in nil }

        var lines: [String] = []
        if model.listStatus.result != nil, model.rows.isEmpty, model.status.result == nil { lines.append(t(.filing(.nothingToAdjust))) }
        if !model.excluded.isEmpty { lines.append(t(.filing(.excludedNote(model.excluded.count)))) }
        if let unchanged = model.unchangedCount, unchanged > 0 { lines.append(t(.filing(.unchangedNote(unchanged)))) }
        notes.render(lines)

        let hasRows = !model.rows.isEmpty
        selectAll.render(context, .filing(.selectAll), visible: hasRows)
        selectNone.render(context, .filing(.selectNone), visible: hasRows)
        summary.text = t(.filing(.bulkSummary(listed: model.rows.count, selected: model.selectedCount)))
        summary.isVisible = hasRows
        for (header, text) in zip(headers, [FilingText.columnSelect, .columnID, .columnName, .columnOld, .columnNew]) {
            header.text = t(.filing(text))
        }
        table.isVisible = hasRows
        let ids = model.rows.map(\.id)
        if ids != shownIDs { rebuild(ids) }
        for row in model.rows { rows[row.id]?.render(context, row: row, error: model.overrideError(row)) }
        file.render(context, .filing(.fileBulk), enabled: model.selectedCount > 0 && !model.status.isWorking, visible: hasRows)
        reviewDialog.render(context, review: model.review, confirm: { [model] in await model.confirmReview() }, cancel: { [model] in model.cancelReview() })
        status.render(context, model.status) { filings in
            t(.filing(.filedBulk(count: filings.count, effective: filings.first?.effectiveDate ?? self.model.effectiveDate)))
        }
    }

    private func rebuild(_ ids: [PersonalID]) {
        for view in rows.values { view.detach(from: table) }
        rows = [:]
        shownIDs = ids
        for (index, row) in model.rows.enumerated() {
            let view = BulkRowView(model: model, id: row.id)
            view.attach(to: table, row: Int32(index + 1))
            rows[row.id] = view
        }
    }

    func focusFirst() { mode.box.grabFocus() }
}

/// One person in the bulk list: check box, masked ID, name, old amount, new amount.
@MainActor
private final class BulkRowView {
    let check = CheckButton("")
    let id = Label(), name = Label(), old = Label()
    let amount = Entry()
    let error = Label("", role: .status)
    let amountColumn = Box(.vertical, spacing: 2)

    init(model: BulkAdjustmentModel, id personID: PersonalID) {
        check.onToggle { model.setSelected(personID, $0) }
        amount.onChange { model.setOverride(personID, $0) }
        amount.maxLength = 12
        amount.setInputPurpose(GTK_INPUT_PURPOSE_DIGITS)
        error.addStyleClass("field-error")
        amount.setDescribedBy(error)
        amountColumn.append([amount, error])
    }

    func attach(to grid: Grid, row: Int32) {
        for (column, widget) in [check, id, name, old, amountColumn].enumerated() as EnumeratedSequence<[Widget]> {
            grid.attach(widget, column: Int32(column), row: row)
        }
    }

    func detach(from grid: Grid) {
        for widget in [check, id, name, old, amountColumn] as [Widget] { grid.remove(widget) }
    }

    func render(_ context: ViewContext, row: BulkAdjustmentModel.Row, error rowError: PresentableError?) {
        let person = row.change.person
        check.isActive = row.selected
        context.controls.name(check, context.t(.filing(.rowCheck(name: person.name.value, maskedID: person.id.masked))))
        id.text = person.id.masked
        name.text = person.name.value
        old.text = row.change.oldAmount.display
        amount.text = row.overrideText
        amount.placeholder = row.change.newAmount.display
        context.controls.name(amount, context.t(.filing(.rowAmount(name: person.name.value))),
                              description: context.t(.filing(.columnNew)) + " " + row.change.newAmount.display)
        let message = rowError?.text(context.shell.language)
        error.text = message ?? ""
        error.isVisible = message != nil
        amount.setAccessibleInvalid(message != nil)
    }
}

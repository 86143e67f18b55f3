import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 單位管理者登錄作業: binds ``StaffManagementModel`` — the list with a 刪除 per person
/// (asked in an alert first), and the assignment form.
@MainActor
final class StaffView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: StaffManagementModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let listTitle = Label("", role: .heading)
    private let list = ListBox()
    private let listStatus = StatusLine()
    private let deleteStatus = StatusLine(announces: true)
    private var shownRows: [StaffMember]?
    private var shownLanguage: Language?
    private let assignTitle = Label("", role: .heading)
    private let form: FormGrid
    private let role: RadioChoice<StaffRole>
    private let roleRow: FormRow
    private let credential: RadioChoice<StaffManagementModel.Credential>
    private let credentialRow: FormRow
    private var inputs: [StaffManagementModel.Field: TextInput] = [:]
    private let mayFile: Toggle
    private let assign: Button
    private let assignStatus = StatusLine(announces: true)
    private let alert = AlertPresenter<StaffMember>()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.staffManagement
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        for title in [listTitle, assignTitle] { title.addStyleClass("section-title") }
        list.addStyleClass("lines")
        role = RadioChoice([.operator, .administrator]) { model.role = $0 }
        roleRow = form.add(role.box)
        credential = RadioChoice(StaffManagementModel.Credential.allCases) { model.credential = $0 }
        credentialRow = form.add(credential.box)
        var inputs: [StaffManagementModel.Field: TextInput] = [:]
        for field in StaffManagementModel.Field.allCases {
            inputs[field] = TextInput(form, maxLength: field == .email ? 80 : 30) { model[field] = $0 }
        }
        self.inputs = inputs
        mayFile = Toggle { model.mayUseAllEnrolmentFunctions = $0 }
        form.addWide(mayFile.check)
        assign = makeButton("suggested-action") { Task { await model.assign() } }
        for input in inputs.values { input.entry.setActivatesDefault(true) }
        column.append([note.root, listTitle, listStatus.label, deleteStatus.label, list, assignTitle, form.grid, assign,
                       assignStatus.label])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.staff))
        let missing = context.shell.missingModule(for: .staff)
        note.show(missing, context: context)
        listTitle.text = t(.staff(.listTitle))
        listStatus.render(context, model.listStatus) { count in count == 0 ? t(.staff(.empty)) : nil }
        deleteStatus.render(context, model.deleteStatus) { t(.staff(.deleted(name: $0.name.value, maskedID: $0.personID.masked))) }
        if model.members != shownRows || language != shownLanguage { rebuildList() }

        assignTitle.text = t(.staff(.assignTitle))
        roleRow.render(context, caption: .staff(.rolePicker), error: nil)
        role.render(context, selected: model.role, label: { .staff(.role($0)) }, groupName: .staff(.rolePicker))
        credentialRow.render(context, caption: .staff(.credentialPicker), error: nil)
        credential.render(context, selected: model.credential, label: { .staff(.credentialChoice($0)) }, groupName: .staff(.credentialPicker))
        let shown = Set(model.fields)
        for (field, input) in inputs {
            input.render(context, caption: .staff(.caption(field)), text: model[field], error: model.error(field),
                         hint: field == .id ? idHint(model.idText, language) : nil, visible: shown.contains(field))
        }
        mayFile.render(context, .staff(.mayFileBox), on: model.mayUseAllEnrolmentFunctions, visible: model.role == .operator)
        assign.render(context, .staff(.assign), enabled: missing == nil && !model.assignStatus.isWorking)
        assignStatus.render(context, model.assignStatus) {
            t(.staff(.assigned(name: $0.name.value, maskedID: $0.personID.masked, role: $0.role)))
        }
        if context.shell.screen == .staff { context.window.setDefaultWidget(assign) }
        renderAlert()
    }

    private func rebuildList() {
        shownRows = model.members
        shownLanguage = context.shell.language
        let t = context.t
        let language = context.shell.language
        list.setRows(model.members.map { member in
            let row = Box(.horizontal, spacing: 16)
            row.setMargin(6)
            let isSelf = model.isSelf(member)
            let text = model.line(member, language) + (isSelf ? " " + t(.staff(.yourself)) : "")
            let label = Label(text)
            label.expand(horizontally: true)
            context.controls.name(label, text)
            row.append(label)
            if !isSelf {
                let delete = makeButton("destructive-action", width: 120) { [model] in model.requestDelete(member) }
                delete.label = t(.keypadDelete)
                context.controls.name(delete, t(.staff(.delete(name: member.name.value, maskedID: member.personID.masked))))
                row.append(delete)
            }
            return row
        })
        list.isVisible = !model.members.isEmpty
    }

    /// 刪除 asks in an alert; the safe answer (取消) is the default. The alert closes when
    /// the question goes away by itself (lock, idle).
    private func renderAlert() {
        let t = context.t
        alert.render(context, question: model.pendingDelete, content: { member in
            .init(title: t(.staff(.deleteTitle)),
                  message: t(.staff(.deleteMessage(name: member.name.value, maskedID: member.personID.masked, role: member.role))),
                  cancel: t(.cancel), confirm: t(.keypadDelete))
        }, confirm: { [model] _ in await model.confirmDelete() }, cancel: { [model] in model.cancelDelete() })
    }

    func focusFirst() { heading.grabFocus() }
}

import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 健保卡申請: binds ``CardApplicationModel``.
@MainActor
final class CardApplicationView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: CardApplicationModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let form = FormGrid()
    private let picker: RosterPicker
    private let pickerRow: FormRow
    private let reason: ListChoice<CardApplication.Reason>
    private let reasonRow: FormRow
    private let delivery: RadioChoice<CardApplicationModel.Delivery>
    private var inputs: [CardApplicationModel.Field: TextInput] = [:]
    private let photo: AttachmentsView
    private let apply: Button
    private let startOver: Button
    private let status = StatusLine(announces: true)
    private let applicationsTitle = Label("", role: .heading)
    private let loadApplications: Button
    private let applicationsStatus = StatusLine()
    private let applications = LineList()
    private let alert = AlertPresenter<Bool>()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.cardApplication
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        picker = RosterPicker { model.choose($0) }
        pickerRow = form.add(picker.dropDown)
        reason = ListChoice(CardApplication.Reason.allCases) { model.reason = $0 }
        delivery = RadioChoice(CardApplicationModel.Delivery.allCases) { model.delivery = $0 }
        inputs[.id] = TextInput(form, maxLength: 16) { model[.id] = $0 }
        reasonRow = form.add(reason.dropDown)
        for field in CardApplicationModel.Field.allCases where field != .id {
            if field == .office { form.addWide(delivery.box) }
            inputs[field] = TextInput(form, maxLength: field == .street ? 60 : field == .email ? 100 : 30) { model[field] = $0 }
        }
        photo = AttachmentsView(model: model.photo, context: context)
        apply = makeButton("suggested-action") { model.requestApply() }
        startOver = makeButton { model.startOver() }
        let buttons = Box(.horizontal, spacing: 12)
        buttons.append([apply, startOver])
        applicationsTitle.addStyleClass("section-title")
        loadApplications = makeButton(width: 220) { Task { await model.loadApplications() } }
        column.append([note.root, form.grid, photo.root, buttons, status.label, applicationsTitle, loadApplications, applicationsStatus.label,
                       applications.list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.cardApplication))
        let missing = context.shell.missingModule(for: .cardApplication)
        note.show(missing, context: context)
        pickerRow.render(context, caption: .form(.choosePerson), error: model.roster.status.error)
        picker.render(context, lines: model.roster.lines, selected: model.id.value)
        reasonRow.render(context, caption: .cards(.reasonPicker), error: nil)
        reason.render(context, selected: model.reason) { .cards(.reason($0)) }
        delivery.render(context, selected: model.delivery, label: { .cards(.delivery($0)) }, groupName: .cards(.deliveryGroup))
        let shown = Set(model.fields)
        for (field, input) in inputs {
            let record = field == .id ? FormText.onRecord(model.person, idTyped: model.id.value != nil).map { t(.form($0)) } : nil
            input.render(context, caption: .cards(.caption(field)), text: model[field], error: model.error(field),
                         hint: [model.hint(field, language), record].compactMap { $0 }.joined(separator: "　"), visible: shown.contains(field))
        }
        photo.render(visible: model.needsPhoto || !model.photo.documents.isEmpty, needed: model.needsPhoto)
        let done = model.status.result != nil
        apply.render(context, .cards(.apply), enabled: missing == nil && !model.status.isWorking && !done)
        startOver.render(context, done ? .form(.nextOne) : .form(.startOver))
        status.render(context, model.status) { t(.cards(.applied($0))) }
        if context.shell.screen == .cardApplication { context.window.setDefaultWidget(apply) }
        applicationsTitle.text = t(.cards(.applicationsTitle))
        loadApplications.render(context, .cards(.loadApplications), enabled: missing == nil && model.id.value != nil)
        applicationsStatus.render(context, model.applications) { $0.isEmpty ? t(.cards(.noApplications)) : nil }
        applications.render((model.applications.result ?? []).map { model.line($0, language) })
        renderAlert()
    }

    /// 送出申請 asks in a dialog (取消 is the default).
    private func renderAlert() {
        let t = context.t
        alert.render(context, question: model.askingApply ? true : nil, content: { [model, context] _ in
            .init(title: t(.cards(.confirmTitle)), message: model.confirmation(context.shell.language), cancel: t(.cancel),
                  confirm: t(.cards(.apply)))
        }, confirm: { [model] _ in await model.confirmApply() }, cancel: { [model] in model.dismissApply() })
    }

    func focusFirst() { picker.dropDown.grabFocus() }
}

import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 退保作業: binds ``WithdrawalModel``.
@MainActor
final class WithdrawView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: WithdrawalModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let family: FamilyChoice
    private let form: FormGrid
    private let picker: RosterPicker
    private let pickerRow: FormRow
    private var inputs: [WithdrawalModel.Field: TextInput] = [:]
    private let reason: ListChoice<WithdrawalReason>
    private let reasonRow: FormRow
    private let chargedHere: Toggle
    private let facts = LineList("preview")
    private let attachments: AttachmentsView
    private let actions: FilingActions
    private let reviewDialog = ReviewPresenter()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.withdrawal
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        family = FamilyChoice { model.family = $0 }
        picker = RosterPicker { model.choose($0) }
        reason = ListChoice(WithdrawalReason.allCases) { model.reason = $0 }
        chargedHere = Toggle { model.chargedHere = $0 }
        attachments = AttachmentsView(model: model.attachments, context: context)
        actions = FilingActions(submit: { model.requestReview() }, startOver: { model.startOver() })

        pickerRow = form.add(picker.dropDown)
        for field in WithdrawalModel.Field.allCases where field != .passportNumber {
            inputs[field] = TextInput(form, maxLength: 16, digits: field == .transferOutDate) { model[field] = $0 }
        }
        reasonRow = form.add(reason.dropDown)
        form.addWide(chargedHere.check)
        inputs[.passportNumber] = TextInput(form, maxLength: 20) { model[.passportNumber] = $0 }

        column.append([note.root, family.row(), form.grid, facts.list, attachments.root, actions.buttons, actions.status.label])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.withdraw))
        let missing = context.shell.missingModule(for: .withdraw)
        note.show(missing, context: context)
        family.render(context, selected: model.family)
        pickerRow.render(context, caption: .form(.choosePerson), error: model.roster.status.error)
        picker.render(context, lines: model.roster.lines, selected: model.id.value)
        let shown = Set(model.fields)
        for (field, input) in inputs {
            let record = field == .id ? FormText.onRecord(model.person, idTyped: model.id.value != nil).map { t(.form($0)) } : nil
            input.render(context, caption: .filing(.withdrawalCaption(field)), text: model[field], error: model.error(field),
                         hint: [model.hint(field, language), record].compactMap { $0 }.joined(separator: "　"), visible: shown.contains(field))
        }
        reasonRow.render(context, caption: .filing(.reasonPicker), error: nil)
        reason.render(context, selected: model.reason) { .filing(.reason($0)) }
        chargedHere.render(context, .filing(.chargedHere), on: model.chargedHere)

        var lines: [String] = []
        if let effective = model.effectiveDate { lines.append(t(.form(.effectiveDate(effective)))) }
        let leaving = model.dependantsLeaving
        if !leaving.isEmpty {
            lines.append(t(.filing(.dependantsFollow(names: leaving.map { "\($0.name) \($0.personID.masked)" }.joined(separator: "、")))))
        }
        if model.needsProof { lines.append(t(.filing(.withdrawalNeedsProof))) }
        facts.render(lines)
        attachments.render(visible: model.needsProof || !model.attachments.documents.isEmpty, needed: model.needsProof)

        actions.render(context, status: model.status, missing: missing, screen: .withdraw) { t(.filing(.filedWithdrawal($0))) }

        reviewDialog.render(context, review: model.review, confirm: { [model] in await model.confirmReview() }, cancel: { [model] in model.cancelReview() })
    }

    func focusFirst() { family.radio.box.grabFocus() }
}

import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 薪資調整作業(單筆): binds ``SalaryAdjustmentModel``.
@MainActor
final class SalaryAdjustmentView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: SalaryAdjustmentModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let family: FamilyChoice
    private let form: FormGrid
    private let picker: RosterPicker
    private let pickerRow: FormRow
    private var inputs: [SalaryAdjustmentModel.Field: TextInput] = [:]
    private let reload: Button
    private let employerLowering: Toggle
    private let labour: LabourSection
    private let preview = PreviewView()
    private let attachments: AttachmentsView
    private let actions: FilingActions
    private let reviewDialog = ReviewPresenter()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.salaryAdjustment
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        family = FamilyChoice { model.family = $0 }
        picker = RosterPicker { model.choose($0) }
        reload = makeButton(width: 220) { model.reloadAmount() }
        employerLowering = Toggle { model.employerLowering = $0 }
        labour = LabourSection(form: form) { field, text in model.labour[field] = text } onUnitType: { model.labour.pensionUnitType = $0 }
        attachments = AttachmentsView(model: model.attachments, context: context)
        actions = FilingActions(submit: { model.requestReview() }, startOver: { model.startOver() })

        pickerRow = form.add(picker.dropDown)
        for field in SalaryAdjustmentModel.Field.allCases {
            inputs[field] = TextInput(form, maxLength: 12, digits: field != .id) { model[field] = $0 }
        }
        form.addWide(reload)
        form.addWide(employerLowering.check)
        labour.attach()
        column.append([note.root, family.row(), form.grid, preview.root, attachments.root, actions.buttons, actions.status.label])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.salaryAdjustment))
        let missing = context.shell.missingModule(for: .salaryAdjustment)
        note.show(missing, context: context)
        family.render(context, selected: model.family)
        pickerRow.render(context, caption: .form(.choosePerson), error: model.roster.status.error)
        picker.render(context, lines: model.choices, selected: model.id.value)
        for (field, input) in inputs {
            let record = field == .id ? FormText.onRecord(model.person, idTyped: model.id.value != nil).map { t(.form($0)) } : nil
            input.render(context, caption: .filing(.adjustmentCaption(field)), text: model[field], error: model.error(field),
                         hint: [model.hint(field, language), record].compactMap { $0 }.joined(separator: "　"))
        }
        reload.render(context, .filing(.reloadAmount), enabled: model.preview?.proposedAmount != nil)
        employerLowering.render(context, .filing(.employerLowering), on: model.employerLowering)
        labour.render(context, fields: model.labour, attempted: model.attempted, visible: model.showsLabourFields)
        var extra = [t(.filing(.adjustmentEffective(model.effectiveDate)))]
        if model.person != nil, model.amount.value != nil {
            extra.append(t(.filing(.currentPremium(before: model.currentPremium?.insured, after: model.preview?.premium?.insured))))
        }
        preview.render(context, model.preview, extra: extra)
        attachments.render(visible: model.needsDocuments || !model.attachments.documents.isEmpty, needed: model.needsDocuments)
        actions.render(context, status: model.status, missing: missing, screen: .salaryAdjustment) { t(.filing(.filedAdjustment($0))) }
        reviewDialog.render(context, review: model.review, confirm: { [model] in await model.confirmReview() }, cancel: { [model] in model.cancelReview() })
    }

    func focusFirst() { family.radio.box.grabFocus() }
}

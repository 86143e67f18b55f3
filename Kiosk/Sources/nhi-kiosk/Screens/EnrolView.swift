import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService

/// 加保作業: binds ``EnrolmentModel``.
@MainActor
final class EnrolView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: EnrolmentModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let enrolleeCaption = Label()
    private let family: FamilyChoice
    private let enrollee: RadioChoice<EnrolmentModel.Enrollee>
    private let form: FormGrid
    private var inputs: [EnrolmentModel.Field: TextInput] = [:]
    private let relation: ListChoice<DependantRelation>
    private let relationRow: FormRow
    private let category: ListChoice<InsuredCategory>
    private let categoryRow: FormRow
    private let indigenous: Toggle, hasPaidStaff: Toggle, foreignerEligible: Toggle
    private let reload: Button
    private let dependantNote = Label()
    private let labour: LabourSection
    private let preview = PreviewView()
    private let attachments: AttachmentsView
    private let actions: FilingActions
    private let reviewDialog = ReviewPresenter()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.enrolment
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        family = FamilyChoice { model.family = $0 }
        enrollee = RadioChoice(EnrolmentModel.Enrollee.allCases) { model.enrollee = $0 }
        relation = ListChoice(DependantRelation.allCases) { model.relation = $0 }
        category = ListChoice([.employee, .employer, .selfEmployed, .professional]) { model.category = $0 }
        indigenous = Toggle { model.indigenous = $0 }
        hasPaidStaff = Toggle { model.hasPaidStaff = $0 }
        foreignerEligible = Toggle { model.foreignerAutomaticallyEligible = $0 }
        reload = makeButton(width: 220) { model.reloadAmount() }
        labour = LabourSection(form: form) { field, text in model.labour[field] = text } onUnitType: { model.labour.pensionUnitType = $0 }
        attachments = AttachmentsView(model: model.attachments, context: context)
        actions = FilingActions(submit: { model.requestReview() }, startOver: { model.startOver() })

        enrolleeCaption.addStyleClass("field-caption")
        let choices = Grid(rowSpacing: 8, columnSpacing: 16)
        choices.attach(family.caption, column: 0, row: 0)
        choices.attach(family.radio.box, column: 1, row: 0)
        choices.attach(enrolleeCaption, column: 0, row: 1)
        choices.attach(enrollee.box, column: 1, row: 1)

        var inputs: [EnrolmentModel.Field: TextInput] = [:]
        func input(_ field: EnrolmentModel.Field, max: Int32 = 20, digits: Bool = false) {
            inputs[field] = TextInput(form, maxLength: max, digits: digits) { model[field] = $0 }
        }
        input(.id, max: 12)
        input(.name, max: 40)
        input(.birthDate, max: 16, digits: true)
        input(.principalID, max: 12)
        relationRow = form.add(relation.dropDown)
        categoryRow = form.add(category.dropDown)
        form.addWide(hasPaidStaff.check)
        form.addWide(indigenous.check)
        form.addWide(foreignerEligible.check)
        input(.eligibilityReason, max: 30)
        input(.effectiveDate, max: 16, digits: true)
        input(.salary, max: 12, digits: true)
        input(.insuredAmount, max: 12, digits: true)
        form.addWide(reload)
        self.inputs = inputs
        labour.attach()
        dependantNote.addStyleClass("hint")

        column.append([note.root, choices, form.grid, dependantNote, preview.root, attachments.root, actions.buttons, actions.status.label])
        for entry in inputs.values { entry.entry.setActivatesDefault(true) }
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.enrol))
        let missing = context.shell.missingModule(for: .enrol)
        note.show(missing, context: context)
        enrolleeCaption.text = t(.filing(.enrolleePicker))
        family.render(context, selected: model.family)
        enrollee.render(context, selected: model.enrollee, label: { .filing(.enrollee($0)) }, groupName: .filing(.enrolleePicker))

        let shown = Set(model.fields)
        for (field, input) in inputs {
            input.render(context, caption: model.caption(field), text: model[field], error: model.error(field),
                         hint: model.hint(field, language), visible: shown.contains(field))
        }
        let isDependant = model.enrollee == .dependant
        relationRow.render(context, caption: .filing(.relationPicker), error: nil, visible: isDependant)
        relation.render(context, selected: model.relation) { .form(.relation($0)) }
        categoryRow.render(context, caption: .filing(.categoryPicker), error: nil, visible: !isDependant)
        category.render(context, selected: model.category) { .form(.category($0)) }
        hasPaidStaff.render(context, .filing(.hasPaidStaff), on: model.hasPaidStaff, visible: model.category == .professional && !isDependant)
        indigenous.render(context, .filing(.indigenous), on: model.indigenous)
        foreignerEligible.render(context, .filing(.foreignerEligible), on: model.foreignerAutomaticallyEligible,
                                 visible: model.enrollee == .foreignNational)
        reload.render(context, .filing(.reloadAmount), enabled: model.preview?.proposedAmount != nil, visible: !isDependant)
        dependantNote.text = t(.filing(.dependantAmountNote))
        dependantNote.isVisible = isDependant
        labour.render(context, fields: model.labour, attempted: model.attempted, visible: model.showsLabourFields)
        preview.render(context, model.preview)
        attachments.render(visible: model.needsDocuments || !model.attachments.documents.isEmpty, needed: model.needsDocuments)

        actions.render(context, status: model.status, missing: missing, screen: .enrol) { t(.filing(.filedEnrolment($0))) }

        reviewDialog.render(context, review: model.review, confirm: { [model] in await model.confirmReview() }, cancel: { [model] in model.cancelReview() })
    }

    func focusFirst() { family.radio.box.grabFocus() }
}

/// The three-in-one labour fields, shared by enrolment and salary adjustment.
@MainActor
final class LabourSection {
    private let form: FormGrid
    private let title = Label("", role: .heading)
    private let unitType: ListChoice<PensionUnitType>
    private var unitRow: FormRow?
    private var inputs: [LabourFields.Field: TextInput] = [:]
    private let onChange: @MainActor (LabourFields.Field, String) -> Void

    init(form: FormGrid, onChange: @escaping @MainActor (LabourFields.Field, String) -> Void,
         onUnitType: @escaping @MainActor (PensionUnitType) -> Void) {
        self.form = form
        self.onChange = onChange
        unitType = ListChoice(PensionUnitType.allCases, onSelect: onUnitType)
        title.addStyleClass("field-caption")
    }

    /// Adds the rows to the form (after the fields they follow).
    func attach() {
        form.addWide(title)
        unitRow = form.add(unitType.dropDown)
        for field in LabourFields.Field.allCases {
            let onChange = onChange
            inputs[field] = TextInput(form, maxLength: 12, digits: true) { onChange(field, $0) }
        }
    }

    func render(_ context: ViewContext, fields: LabourFields, attempted: Bool, visible: Bool) {
        title.isVisible = visible
        title.text = context.t(.filing(.labourTitle))
        unitRow?.render(context, caption: .filing(.pensionUnitPicker), error: nil, visible: visible)
        unitType.render(context, selected: fields.pensionUnitType) { .filing(.pensionUnit($0)) }
        let captions: [LabourFields.Field: FilingText] = [.labourSalary: .labourSalary, .pensionWage: .pensionWage,
                                                          .employerRate: .employerRate, .voluntaryRate: .voluntaryRate]
        for (field, input) in inputs {
            input.render(context, caption: .filing(captions[field]!), text: fields[field],
                         error: visible ? fields.error(field, attempted: attempted) : nil, visible: visible)
        }
    }
}

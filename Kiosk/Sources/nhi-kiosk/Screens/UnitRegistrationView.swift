import CGtk
import GtkKit
import KioskModel
import NHICore
import NHIService
import NHISignIn

/// 單位註冊作業: binds ``UnitRegistrationModel``. The method comes first (as on the NHI's
/// form), then the unit's data, then what the method needs: the certificate's PIN on the
/// keypad, the owner's card in the reader, or the owner's birth date and app code.
@MainActor
final class UnitRegistrationView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: UnitRegistrationModel
    private let heading = Label("", role: .heading)
    private let cardIndicator = Label("", role: .status)
    private let note = NotConnectedNote()
    private let method: RadioChoice<UnitRegistrationCredential.Kind>
    private let hint = Label()
    private let form = FormGrid()
    private var inputs: [UnitRegistrationModel.Field: TextInput] = [:]
    private let nhiOnly: Toggle
    private let ownerIsAdministrator: Toggle
    private let otp = PasswordEntry()
    private let otpRow: FormRow
    private let pinCaption = Label(), pinError = Label("", role: .status)
    private let pinBox = Box(.vertical, spacing: 8)
    private let keypad: KeypadView
    private let register: Button
    private let startOver: Button
    private let signIn: Button
    private let status = StatusLine(announces: true)
    private let alert = AlertPresenter<Bool>()

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.unitRegistration
        self.model = model
        keypad = KeypadView(keypad: model.keypad, context: context)
        cardIndicator.addStyleClass("card-indicator")
        let (page, column) = Build.page(heading: heading, trailing: cardIndicator)
        root = page
        method = RadioChoice(UnitRegistrationCredential.Kind.allCases) { model.method = $0 }
        hint.addStyleClass("hint")
        nhiOnly = Toggle { model.nhiOnly = $0 }
        ownerIsAdministrator = Toggle { model.ownerIsAdministrator = $0 }
        // The form's order is the NHI's: code, name, UBN, NHI-only, labour number, owner …
        for field in UnitRegistrationModel.Field.allCases {
            if field == .labourNumber { form.addWide(nhiOnly.check) }
            if field == .landline { form.addWide(ownerIsAdministrator.check) }
            let length: Int32 = switch field {
            case .name: 60
            case .email: 100
            default: 20
            }
            inputs[field] = TextInput(form, maxLength: length, digits: field == .ownerBirthDate) { model[field] = $0 }
        }
        otpRow = form.add(otp)
        otp.setAccessibleRequired(true)
        otp.onChange { [model] in model.setOTP($0) }
        pinCaption.addStyleClass("field-caption")
        pinError.addStyleClass("field-error")
        pinCaption.labels(keypad.root)
        keypad.root.setDescribedBy(pinError)
        pinBox.append([pinCaption, keypad.root, pinError])
        register = makeButton("suggested-action") { model.requestRegister() }
        startOver = makeButton { [otp] in
            model.startOver()
            otp.clear()
        }
        signIn = makeButton("suggested-action") { model.signIn() }
        let buttons = Box(.horizontal, spacing: 12)
        buttons.append([register, startOver, signIn])
        // The keypad, 註冊 and the outcome in the right-hand column, beside the long form:
        // the primary action stays in view at 1280×800 with the demo tray open.
        let right = Box(.vertical, spacing: 16)
        right.append([pinBox, buttons, status.label])
        let formRow = Box(.horizontal, spacing: 32)
        formRow.append([form.grid, right])
        column.append([note.root, method.box, hint, formRow])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        heading.text = t(.screenTitle(.unitRegistration))
        let missing = context.shell.missingModule(for: .unitRegistration)
        note.show(missing, context: context)
        method.render(context, selected: model.method, label: { .units(.method($0)) }, groupName: .units(.methodGroup))
        hint.text = t(.units(.methodHint(model.method)))
        cardIndicator.text = t(.units(.card(model.card)))
        cardIndicator.setStyleClass("card-present", model.card != nil)
        context.controls.name(cardIndicator, cardIndicator.text)
        cardIndicator.isVisible = model.method == .ownerNHICard
        let shown = Set(model.fields)
        for (field, input) in inputs {
            input.render(context, caption: .units(.caption(field)), text: model[field], error: model.error(field),
                         hint: model.hint(field, language), visible: shown.contains(field))
        }
        nhiOnly.render(context, .units(.nhiOnly), on: model.nhiOnly)
        ownerIsAdministrator.render(context, .units(.ownerIsAdministrator), on: model.ownerIsAdministrator)
        let secret = model.secretError
        otpRow.render(context, caption: .units(.otpCaption), error: model.method == .ownerOTP ? secret : nil,
                      visible: model.method == .ownerOTP)
        if !model.hasOTP { otp.clear() }
        let usesPIN = model.method == .organisationCertificate
        pinBox.isVisible = usesPIN
        pinCaption.text = t(.pinLabel)
        let pinMessage = usesPIN ? secret?.text(language) : nil
        pinError.text = pinMessage ?? ""
        pinError.isVisible = pinMessage != nil
        let done = model.status.result != nil
        let working = model.status.isWorking
        register.render(context, .units(.register), enabled: missing == nil && !working, visible: !done)
        startOver.render(context, .form(.startOver), enabled: !working, visible: !done)
        signIn.render(context, .units(.goToSignIn), visible: done)
        for widget in [method.box, form.grid, keypad.root] as [Widget] { widget.isSensitive = !working && !done }
        status.render(context, model.status) { t(.units(.registered($0))) }
        if context.shell.screen == .unitRegistration { context.window.setDefaultWidget(done ? signIn : register) }
        renderAlert()
    }

    /// 註冊 shows the review in a dialog (取消 is the default).
    private func renderAlert() {
        let t = context.t
        alert.render(context, question: model.askingRegister ? true : nil, content: { [model, context] _ in
            .init(title: t(.units(.confirmTitle)), message: model.review(context.shell.language), cancel: t(.cancel),
                  confirm: t(.units(.register)))
        }, confirm: { [model] _ in await model.confirmRegister() }, cancel: { [model] in model.dismissRegister() })
    }

    func focusFirst() { _ = inputs[.code]?.entry.grabFocus() }

    /// Physical-keyboard digits for the keypad (organisation certificate only, and only
    /// while no text field has the focus).
    func handleKey(_ key: KeyPress) -> Bool {
        guard model.method == .organisationCertificate, model.status.result == nil,
              !inputs.values.contains(where: { $0.entry.containsFocus }), !otp.containsFocus else { return false }
        return KeypadView.type(key, into: model.keypad)
    }
}

import CGtk
import GtkKit
import KioskModel
import Logging

/// Staff sign-in: the method, its fields, the PIN keypad or the QR code, and the outcome.
@MainActor
final class SignInView: ScreenView {
    let root: Widget
    private let model: SignInModel
    private let context: ViewContext

    private let heading = Label("", role: .heading)
    /// Whether a card is in the reader (a real reader has no demo tray to light up).
    private let cardIndicator = Label("", role: .status)
    private let unavailable = Label("", role: .status)
    private let methodCaption = Label()
    private var methodButtons: [(LoginMethod, CheckButton)] = []
    private let hint = Label()

    private let passwordCaption = Label(), password = PasswordEntry(), passwordError = Label()
    private let ownerLogin = CheckButton("")
    private let organisationLogin = CheckButton("")
    private let unitCaption = Label(), unitCode = Entry(), unitError = Label()
    private let idCaption = Label(), idEntry = Entry(), idError = Label()
    private let certUnitCaption = Label(), certUnitCode = Entry(), certUnitError = Label()
    private let birthCaption = Label(), birthDate = Entry(), birthError = Label()
    private let otpCaption = Label(), otp = PasswordEntry(), otpError = Label()
    private let pinCaption = Label(), pinError = Label()
    private let keypad: KeypadView

    private let signInButton = Button("")
    private let qrButton = Button("")
    private let clearButton = Button("")
    /// 單位註冊作業, for a unit not yet registered (before anyone signs in).
    private let registerUnit = Button("")
    private let qrBox = Box(.vertical, spacing: 8, role: .group)
    private let qr = QRCodeView()
    private let countdown = Label("", role: .status)
    private let status = Label("", role: .status)
    private let resumeNote = Label("", role: .status)
    private var loggedFailure: String?

    private let methods = Box(.horizontal, spacing: 12, role: .group)
    private let form = Grid(rowSpacing: 6, columnSpacing: 16)
    private let buttonRow = Box(.horizontal, spacing: 12)
    private let pinBox = Box(.vertical, spacing: 8)
    // The unit picker (staff of several units): one large button per unit, and Cancel.
    private let picker = Box(.vertical, spacing: 12, role: .group)
    private let pickerHeading = Label("", role: .heading)
    private let pickerHint = Label()
    private let pickerList = Box(.vertical, spacing: 8)
    private var unitButtons: [(StaffUnitOption, Button)] = []
    private var shownChoice: String?
    private let cancelChoice = Button("")

    init(context: ViewContext) {
        self.context = context
        model = context.shell.signIn
        keypad = KeypadView(keypad: model.keypad, context: context)
        cardIndicator.addStyleClass("card-indicator")
        let (page, column) = Build.page(heading: heading, trailing: cardIndicator)
        root = page
        unavailable.addStyleClass("warning-note")
        column.append(unavailable)
        // The outcome (a refusal, 9039 …) right under the heading: in view without scrolling.
        status.addStyleClass("sign-in-status")
        resumeNote.addStyleClass("hint")
        column.append([resumeNote, status])

        methods.addStyleClass("method-picker")
        methodCaption.addStyleClass("field-caption")
        methods.append(methodCaption)
        for method in model.methods {
            let radio = CheckButton("")
            radio.addStyleClass("method")
            if let first = methodButtons.first?.1 { radio.joinGroup(of: first) }
            radio.onToggle { [model] active in if active { model.method = method } }
            methodButtons.append((method, radio))
            methods.append(radio)
        }
        column.append(methods)
        hint.addStyleClass("hint")
        column.append(hint)

        form.addStyleClass("form")
        Build.field(form, row: 0, caption: passwordCaption, control: password, error: passwordError)
        form.attach(ownerLogin, column: 1, row: 2)
        form.attach(organisationLogin, column: 1, row: 3)
        Build.field(form, row: 2, caption: unitCaption, control: unitCode, error: unitError)
        Build.field(form, row: 3, caption: idCaption, control: idEntry, error: idError)
        Build.field(form, row: 4, caption: certUnitCaption, control: certUnitCode, error: certUnitError)
        Build.field(form, row: 5, caption: birthCaption, control: birthDate, error: birthError)
        Build.field(form, row: 6, caption: otpCaption, control: otp, error: otpError)
        // The keypad sits beside the fields, and 登入 right under them: the primary action
        // stays in view at 1280×800 with the demo tray open.
        pinCaption.addStyleClass("field-caption")
        pinError.addStyleClass("field-error")
        pinCaption.labels(keypad.root)
        keypad.root.setDescribedBy(pinError)
        pinBox.append([pinCaption, keypad.root, pinError])
        let left = Box(.vertical, spacing: 16)
        left.append([form, buttonRow])
        let formRow = Box(.horizontal, spacing: 32)
        formRow.append([left, pinBox])
        column.append(formRow)

        for entry in [password, otp] { entry.setActivatesDefault(true) }
        for entry in [unitCode, idEntry, certUnitCode, birthDate] { entry.setActivatesDefault(true) }
        unitCode.maxLength = 12
        certUnitCode.maxLength = 12
        idEntry.maxLength = 12
        birthDate.maxLength = 12
        birthDate.setInputPurpose(GTK_INPUT_PURPOSE_DIGITS)
        otp.setAccessibleRequired(true)
        password.setAccessibleRequired(true)

        password.onChange { [model] in model.setPassword($0) }
        otp.onChange { [model] in model.setOTP($0) }
        unitCode.onChange { [model] in model.unitCodeText = $0 }
        idEntry.onChange { [model] in model.idText = $0 }
        certUnitCode.onChange { [model] in model.certificateUnitCodeText = $0 }
        birthDate.onChange { [model] in model.birthDateText = $0 }
        ownerLogin.onToggle { [model] in model.ownerLogin = $0 }
        organisationLogin.onToggle { [model] in model.organisationLogin = $0 }

        signInButton.addStyleClass("suggested-action")
        qrButton.addStyleClass("suggested-action")
        for button in [signInButton, qrButton, clearButton] {
            button.setMinimumSize(width: 160, height: 56)
            buttonRow.append(button)
        }
        buttonRow.align(vertical: GTK_ALIGN_START)
        signInButton.onClick { [model] in Task { await model.submit() } }
        qrButton.onClick { [model] in Task { await model.startAppSignIn() } }
        clearButton.onClick { [model, password, otp] in
            model.clear()
            password.clear()
            otp.clear()
        }

        qrBox.addStyleClass("qr-box")
        qrBox.append([qr.picture, countdown])
        column.append(qrBox)

        registerUnit.setMinimumSize(width: 200, height: 48)
        registerUnit.align(horizontal: GTK_ALIGN_START)
        registerUnit.onClick { [shell = context.shell] in shell.open(.unitRegistration) }
        column.append(registerUnit)

        picker.addStyleClass("unit-picker")
        pickerHeading.addStyleClass("section-title")
        pickerHint.addStyleClass("hint")
        cancelChoice.setMinimumSize(width: 200, height: 56)
        cancelChoice.align(horizontal: GTK_ALIGN_START)
        cancelChoice.onClick { [model] in model.cancelUnitChoice() }
        picker.append([pickerHeading, pickerHint, pickerList, cancelChoice])
        column.append(picker)

        observe { [weak self] in self?.render() }
    }

    // swiftlint:disable:next function_body_length
    private func render() {
        let t = context.t
        let controls = context.controls
        let fields = Set(model.fields)
        heading.text = t(.screenTitle(.signIn))
        unavailable.text = t(.signInUnavailable)
        unavailable.isVisible = !model.isAvailable
        methodCaption.text = t(.methodPicker)
        for (method, radio) in methodButtons {
            radio.label = t(.method(method))
            controls.name(radio, t(.method(method)))
            radio.isActive = model.method == method
        }
        hint.text = t(.methodHint(model.method))
        cardIndicator.text = t(.signInCard(model.cardState, model.method))
        cardIndicator.setStyleClass("card-present", model.cardState != .waiting)
        controls.name(cardIndicator, cardIndicator.text)
        cardIndicator.isVisible = model.method == .nhiCard || model.method == .certificate
        let locked = context.shell.lockedSession
        resumeNote.text = locked.map { t(.resumeHint(name: $0.name, method: $0.method, organisation: $0.isOrganisation)) } ?? ""
        resumeNote.isVisible = locked != nil

        func bind(_ field: SignInModel.Field, _ caption: Label, _ text: Text, _ control: Widget, _ error: Label) {
            let visible = fields.contains(field)
            caption.isVisible = visible
            control.isVisible = visible
            caption.text = t(text)
            controls.labelled(control, t(text))
            let message = model.fieldErrors[field]?.text(context.shell.language)
            error.text = message ?? ""
            error.isVisible = visible && message != nil
            control.setAccessibleInvalid(message != nil)
        }
        bind(.password, passwordCaption, .passwordLabel, password, passwordError)
        bind(.unitCode, unitCaption, .unitCodeLabel, unitCode, unitError)
        bind(.id, idCaption, .idLabel, idEntry, idError)
        bind(.certificateUnitCode, certUnitCaption, .certificateUnitCodeLabel, certUnitCode, certUnitError)
        bind(.birthDate, birthCaption, .birthDateLabel, birthDate, birthError)
        bind(.otp, otpCaption, .otpLabel, otp, otpError)
        bind(.pin, pinCaption, .pinLabel, keypad.root, pinError)
        ownerLogin.isVisible = fields.contains(.ownerLogin)
        ownerLogin.label = t(.ownerLogin)
        controls.name(ownerLogin, t(.ownerLogin))
        ownerLogin.isActive = model.ownerLogin
        organisationLogin.isVisible = fields.contains(.organisationLogin)
        organisationLogin.label = t(.organisationLogin)
        controls.name(organisationLogin, t(.organisationLogin))
        organisationLogin.isActive = model.organisationLogin

        // The model drops secrets after each attempt and on wipe: empty the fields with it.
        if !model.hasPassword { password.clear() }
        if !model.hasOTP { otp.clear() }
        unitCode.text = model.unitCodeText
        idEntry.text = model.idText
        certUnitCode.text = model.certificateUnitCodeText
        birthDate.text = model.birthDateText

        let usesApp = model.method.usesApp
        signInButton.isVisible = !usesApp
        qrButton.isVisible = usesApp
        signInButton.label = t(.signInButton)
        controls.name(signInButton, t(.signInButton))
        clearButton.label = t(.clearButton)
        controls.name(clearButton, t(.clearButton))

        var payload: String?
        var statusText = ""
        var qrLabel = t(.generateQR)
        switch model.status {
        case .editing: loggedFailure = nil
        case .working: statusText = t(.signingIn); loggedFailure = nil
        case .failed(let error):
            statusText = error.text(context.shell.language)
            if loggedFailure != error.code {
                Logger(label: "nhi-kiosk").notice("sign-in refused: [\(error.code)]")
                loggedFailure = error.code
            }
        case .awaitingApp(let challenge, let seconds):
            payload = challenge.qrPayload
            countdown.text = t(.qrRemaining(seconds: seconds))
            statusText = t(.qrWaiting)
            qrLabel = t(.regenerateQR)
        case .appExpired:
            countdown.text = t(.qrExpired)
            statusText = t(.qrExpired)
            qrLabel = t(.regenerateQR)
        case .choosingUnit: break  // the picker says it
        }
        qrButton.label = qrLabel
        controls.name(qrButton, qrLabel)
        qr.show(payload)
        qr.picture.setAlternativeText(t(.qrAlternative(model.method)))
        controls.name(qr.picture, t(.qrAlternative(model.method)))
        qr.picture.isVisible = payload != nil
        qrBox.isVisible = usesApp && (payload != nil || model.status == .appExpired)
        status.text = statusText
        status.isVisible = !statusText.isEmpty
        status.setStyleClass("error-text", { if case .failed = model.status { return true } else { return false } }())

        renderPicker()
        registerUnit.label = t(.units(.openFromSignIn))
        controls.name(registerUnit, t(.units(.openFromSignIn)))
        registerUnit.isVisible = context.shell.mayOpen(.unitRegistration) && context.shell.missingModule(for: .unitRegistration) == nil
            && model.unitChoice == nil

        let enabled = model.isAvailable && !model.isBusy
        for widget in [password, ownerLogin, organisationLogin, unitCode, idEntry, certUnitCode, birthDate, otp, keypad.root, signInButton, qrButton,
                       clearButton] as [Widget] {
            widget.isSensitive = enabled
        }
        for (_, radio) in methodButtons { radio.isSensitive = model.isAvailable }
        if context.shell.screen == .signIn, model.isAvailable {
            context.window.setDefaultWidget(usesApp ? qrButton : signInButton)
        }
    }

    /// The unit picker replaces the form while the person chooses a unit.
    private func renderPicker() {
        let t = context.t
        let choice = model.unitChoice
        let choosing = choice != nil
        for widget in [methods, hint, form, buttonRow, pinBox] as [Widget] { widget.isVisible = !choosing }
        if choosing { qrBox.isVisible = false }
        picker.isVisible = choosing
        if choice?.reference != shownChoice { rebuildPicker(choice) }
        guard let choice else { return }
        pickerHeading.text = t(.unitPickerTitle)
        pickerHint.text = t(.unitPickerHint(name: choice.name))
        context.controls.name(picker, t(.unitPickerTitle))
        for (option, button) in unitButtons {
            button.label = t(.unitOption(option))
            context.controls.name(button, t(.unitOption(option)))
            button.isSensitive = !model.isBusy
        }
        cancelChoice.label = t(.cancelUnitChoice)
        context.controls.name(cancelChoice, t(.cancelUnitChoice))
        cancelChoice.isSensitive = !model.isBusy
    }

    private func rebuildPicker(_ choice: StaffUnitChoice?) {
        for (_, button) in unitButtons { pickerList.remove(button) }
        unitButtons.removeAll()
        shownChoice = choice?.reference
        for option in choice?.units ?? [] {
            let button = Button("")
            button.addStyleClass("task")
            button.setMinimumSize(height: 64)
            button.onClick { [model] in Task { await model.choose(option.unitCode) } }
            pickerList.append(button)
            unitButtons.append((option, button))
        }
        if choice != nil { _ = unitButtons.first?.1.grabFocus() }
    }

    func focusFirst() {
        switch model.method {
        case .nhiCard: password.grabFocus()
        case .certificate: _ = model.organisationLogin ? certUnitCode.grabFocus() : idEntry.grabFocus()
        case .nhiAppOTP, .nhiAppQR, .twFido: idEntry.grabFocus()
        }
        if !model.isAvailable { methodButtons.first?.1.grabFocus() }
        if model.unitChoice != nil { _ = unitButtons.first?.1.grabFocus() }
    }

    /// Physical-keyboard digits for the keypad (certificate sign-in only; not while the ID
    /// or the unit-code field is being typed in).
    func handleKey(_ key: KeyPress) -> Bool {
        guard model.method == .certificate, model.isAvailable, model.unitChoice == nil, !idEntry.containsFocus,
              !certUnitCode.containsFocus else { return false }
        if KeypadView.type(key, into: model.keypad) { return true }
        guard key.name == "Return" || key.name == "KP_Enter" else { return false }
        Task { await model.submit() }
        return true
    }
}

import CGtk
import Foundation
import GtkKit
import KioskModel
import NHICore
import NHIService

/// The visitor's services under their identity: insurance status with dependants, the
/// proof of insurance (print dialog, or PDF files with `--print-to`), and the NHI-card
/// online-service registration with its password meter.
@MainActor
final class VisitorServicesView {
    let root = Box(.vertical, spacing: 16)
    private let context: ViewContext
    private let model: VisitorServicesModel

    private let insuranceTitle = Label("", role: .heading)
    private let insuranceStatus = StatusLine()
    private let coverage = LineList("coverage")
    private let dependantsTitle = Label()
    private let dependants = LineList("dependants")

    private let proofTitle = Label("", role: .heading)
    private let printChinese: Button, printEnglish: Button
    private let proofStatus = StatusLine()
    private let printStatus = Label("", role: .status)

    private let accountTitle = Label("", role: .heading)
    private let accountState = Label("", role: .status)
    private let accountStatus = StatusLine()
    private let registrationBox = Box(.vertical, spacing: 8)
    private let form: FormGrid
    private var inputs: [OnlineRegistrationModel.Field: TextInput] = [:]
    private let password = PasswordEntry(), confirmation = PasswordEntry()
    private let passwordRow: FormRow, confirmationRow: FormRow
    private let meter = Label("", role: .status)
    private let meterBar = ProgressBar()
    private let phonesNote = Label()
    private let register: Button
    private let registrationStatus = StatusLine(announces: true)
    private let pendingBox = Box(.horizontal, spacing: 12)
    private let resend: Button, cancel: Button
    private let counterBox = Box(.horizontal, spacing: 12)
    private let suspend: Button, resume: Button, unlock: Button, mailReset: Button
    private let suspendAlert = AlertPresenter<Bool>()
    private let actionStatus = StatusLine(announces: true)

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.visitorServices
        self.model = model
        let form = FormGrid()
        self.form = form
        printChinese = makeButton(width: 260) {}
        printEnglish = makeButton(width: 260) {}
        register = makeButton("suggested-action") { Task { await model.register() } }
        resend = makeButton(width: 240) { Task { await model.resendVerification() } }
        // Destroying asks first, in an alert dialog (the safe answer is the default).
        cancel = makeButton("destructive-action", width: 240) { [context] in
            let t = context.t
            MessageDialog.present(parent: context.window, title: t(.visitor(.cancelRegistrationTitle)),
                                  message: t(.visitor(.cancelRegistrationMessage)),
                                  buttons: [t(.visitor(.keepRegistration)), t(.visitor(.cancelRegistration))],
                                  defaultIndex: 0, cancelIndex: 0) { answer in
                if answer == 1 { Task { await model.cancelRegistration() } }
            }
        }
        suspend = makeButton("destructive-action", width: 240) { model.requestSuspend() }
        resume = makeButton("suggested-action", width: 240) { Task { await model.resumeService() } }
        unlock = makeButton("suggested-action", width: 240) { Task { await model.unlock() } }
        mailReset = makeButton(width: 240) { Task { await model.mailPasswordReset() } }
        counterBox.append([resume, unlock, mailReset, suspend])
        root.addStyleClass("visitor-services")
        for title in [insuranceTitle, proofTitle, accountTitle] { title.addStyleClass("section-title") }
        dependantsTitle.addStyleClass("field-caption")

        let registration = model.registration
        for field in [OnlineRegistrationModel.Field.householdNumber, .registeredVillage, .landline, .mobile, .email] {
            inputs[field] = TextInput(form, maxLength: field == .email ? 80 : 40) { registration[field] = $0 }
        }
        passwordRow = form.add(password)
        confirmationRow = form.add(confirmation)
        for entry in [password, confirmation] { entry.setAccessibleRequired(true) }
        password.onChange { registration.setPassword($0) }
        confirmation.onChange { registration.setConfirmation($0) }
        meter.addStyleClass("strength")
        meterBar.addStyleClass("strength-bar")
        phonesNote.addStyleClass("hint")
        registrationBox.append([form.grid, meter, meterBar, phonesNote, register, registrationStatus.label])
        pendingBox.append([resend, cancel])

        let proofButtons = Box(.horizontal, spacing: 12)
        proofButtons.append([printChinese, printEnglish])
        printChinese.onClick { [weak self] in self?.printProof(.traditionalChinese) }
        printEnglish.onClick { [weak self] in self?.printProof(.english) }
        printStatus.addStyleClass("flow-status")

        root.append([insuranceTitle, insuranceStatus.label, coverage.list, dependantsTitle, dependants.list,
                     proofTitle, proofButtons, proofStatus.label, printStatus,
                     accountTitle, accountState, accountStatus.label, registrationBox, pendingBox, counterBox, actionStatus.label])
        observe { [weak self] in self?.render() }
    }

    /// Issues the proof through the service, then prints it (or saves it as a PDF).
    private func printProof(_ language: Language) {
        Task { @MainActor [model, context] in
            guard let proof = await model.issueProof() else { return }
            let lines = model.proofLines(language)
            let document = PrintDocument(title: language.pick("投保證明 ", "Proof of insurance ") + proof.reference,
                                         lines: lines.enumerated().map { index, line in
                                             PrintDocument.Line(line, style: index == 0 ? .title : .body)
                                         })
            let outcome: PrintOutcome
            var path: String?
            if let directory = context.printDirectory {
                path = directory + "/" + proof.reference + "-" + language.rawValue + ".pdf"
                outcome = Printer.exportPDF(document, to: path!, parent: context.window)
            } else {
                outcome = Printer.printWithDialog(document, parent: context.window)
            }
            switch outcome {
            case .printed: model.recordPrint(.printed(path: path))
            case .cancelled: model.recordPrint(.cancelled)
            case .failed(let reason): model.recordPrint(.failed(reason))
            }
        }
    }

    private func render() {
        let t = context.t
        let language = context.shell.language
        insuranceTitle.text = t(.visitor(.insuranceTitle))
        insuranceStatus.render(context, model.insurance) { _ in nil }
        let status = model.insurance.result
        var lines = status?.coverage.map { t(.visitor(.coverageLine($0))) } ?? []
        if status?.isInsured == false { lines = [t(.visitor(.notInsured))] }
        coverage.render(lines)
        dependantsTitle.text = t(.visitor(.dependantsTitle))
        dependantsTitle.isVisible = status?.coverage.contains { $0.role == "本人" } == true
        let dependantLines = (status?.dependants ?? []).map { t(.visitor(.dependantLine($0))) }
        dependants.render(dependantsTitle.isVisible && dependantLines.isEmpty ? [t(.visitor(.noDependants))] : dependantLines)

        proofTitle.text = t(.visitor(.proofTitle))
        let canPrint = status != nil && !model.proof.isWorking
        printChinese.render(context, .visitor(.printProof(.traditionalChinese)), enabled: canPrint)
        printEnglish.render(context, .visitor(.printProof(.english)), enabled: canPrint)
        proofStatus.render(context, model.proof) { t(.visitor(.proofIssued(reference: $0.reference))) }
        switch model.printResult {
        case .printed(let path?): printStatus.text = path
        case .printed(nil), nil: printStatus.text = ""
        case .cancelled: printStatus.text = t(.visitor(.printCancelled))
        case .failed(let reason): printStatus.text = t(.visitor(.printFailed(reason)))
        }
        printStatus.isVisible = !printStatus.text.isEmpty
        context.controls.name(printStatus, printStatus.text.isEmpty ? "—" : printStatus.text)

        accountTitle.text = t(.visitor(.accountTitle))
        accountStatus.render(context, model.account) { _ in nil }
        let state = model.account.result
        accountState.text = state.map { t(.visitor(.accountState($0))) } ?? ""
        accountState.isVisible = state != nil
        context.controls.name(accountState, accountState.text.isEmpty ? "—" : accountState.text)
        registrationBox.isVisible = state == .notRegistered
        renderRegistration(language)
        if case .pendingVerification = state { pendingBox.isVisible = true } else { pendingBox.isVisible = false }
        resend.render(context, .visitor(.resend), enabled: !model.accountAction.isWorking)
        cancel.render(context, .visitor(.cancelRegistration), enabled: !model.accountAction.isWorking)
        let working = model.accountAction.isWorking
        var active = false, locked = false
        switch state {
        case .active: active = true
        case .locked: locked = true
        default: break
        }
        counterBox.isVisible = active || locked || state == .suspended
        resume.render(context, .visitor(.resumeService), enabled: !working, visible: state == .suspended)
        unlock.render(context, .visitor(.unlock), enabled: !working, visible: locked)
        mailReset.render(context, .visitor(.mailReset), enabled: !working, visible: active || locked)
        suspend.render(context, .visitor(.suspendService), enabled: !working, visible: active || locked)
        actionStatus.render(context, model.accountAction) { t(.visitor(.accountAction($0))) }
        renderSuspendAlert()
    }

    /// 暫停網路服務 asks in an alert (保留 is the default); it closes when the question goes away.
    private func renderSuspendAlert() {
        let t = context.t
        suspendAlert.render(context, question: model.askingSuspend ? true : nil, content: { _ in
            .init(title: t(.visitor(.suspendTitle)), message: t(.visitor(.suspendMessage)), cancel: t(.visitor(.keepRegistration)),
                  confirm: t(.visitor(.suspendService)))
        }, confirm: { [model] _ in await model.confirmSuspend() }, cancel: { [model] in model.dismissSuspend() })
    }

    private func renderRegistration(_ language: Language) {
        let t = context.t
        let form = model.registration
        for (field, input) in inputs {
            input.render(context, caption: .visitor(.caption(field)), text: form[field], error: form.error(field))
        }
        passwordRow.render(context, caption: .visitor(.caption(.password)), error: form.error(.password), hint: t(.visitor(.strengthHint)))
        confirmationRow.render(context, caption: .visitor(.caption(.confirmation)), error: form.error(.confirmation))
        // The model drops the secrets after each attempt and on wipe: empty the fields with it.
        if !form.hasPassword { password.clear() }
        if !form.hasConfirmation { confirmation.clear() }
        if let strength = form.strength {
            meter.text = t(.visitor(.strength(strength)))
            meterBar.fraction = Double(strength.rawValue) / Double(RegistrationPassword.Strength.allCases.count)
        } else {
            meter.text = ""
            meterBar.fraction = 0
        }
        meter.isVisible = form.strength != nil
        meterBar.isVisible = form.strength != nil
        context.controls.name(meter, meter.text.isEmpty ? "—" : meter.text)
        meterBar.setAccessibleValue(meter.text)
        context.controls.name(meterBar, t(.visitor(.caption(.password))), description: meter.text)
        phonesNote.text = t(.visitor(.phonesNote))
        register.render(context, .visitor(.register), enabled: !form.status.isWorking)
        registrationStatus.render(context, form.status) { t(.visitor(.registered(email: $0))) }
    }
}

import GtkKit
import KioskModel
import NHIService

/// 申報類別: the family choice (僅健保 / 勞健保三合一) each filing form starts with.
@MainActor
final class FamilyChoice {
    let caption = Label()
    let radio: RadioChoice<FilingFamily>

    init(onSelect: @escaping @MainActor (FilingFamily) -> Void) {
        radio = RadioChoice(FilingFamily.allCases.reversed(), onSelect: onSelect)
        caption.addStyleClass("field-caption")
    }

    /// Caption and radio buttons side by side.
    func row() -> Box {
        let box = Box(.horizontal, spacing: 16)
        box.append([caption, radio.box])
        return box
    }

    func render(_ context: ViewContext, selected: FilingFamily) {
        caption.text = context.t(.filing(.familyPicker))
        radio.render(context, selected: selected, label: { .filing(.family($0)) }, groupName: .filing(.familyPicker))
    }
}

/// 送出 and 重新填寫 / 下一筆 under a filing form, with the status line that shows the
/// service's answer; 送出 is the window's default button while the form's screen is open.
@MainActor
final class FilingActions {
    let submit: Button
    let startOver: Button
    let status = StatusLine(announces: true)
    let buttons = Box(.horizontal, spacing: 12)

    init(submit onSubmit: @escaping @MainActor () -> Void, startOver onStartOver: @escaping @MainActor () -> Void) {
        submit = makeButton("suggested-action") { onSubmit() }
        startOver = makeButton(action: onStartOver)
        buttons.append([submit, startOver])
    }

    /// `missing`: the module that is not connected (the form cannot be sent); `filed`: the
    /// confirmation text for a filing made.
    func render(_ context: ViewContext, status filing: FlowStatus<Filing>, missing: String?, screen: Screen,
                filed: (Filing) -> String) {
        let done = filing.result != nil
        submit.render(context, .form(.submit), enabled: missing == nil && !filing.isWorking && !done)
        startOver.render(context, done ? .form(.nextOne) : .form(.startOver))
        status.render(context, filing) { filed($0) }
        if context.shell.screen == screen { context.window.setDefaultWidget(submit) }
    }
}

/// Shows a filing's review as a dialog while the model holds one: 確認送出 files it,
/// 返回修改 (or Esc) goes back to the form. When the review goes away by itself (lock,
/// idle, card removal wiped the form) the dialog closes too: no personal data stays up.
@MainActor
final class ReviewPresenter {
    private let alert = AlertPresenter<FilingReview>()

    func render(_ context: ViewContext, review: FilingReview?, confirm: @escaping @MainActor () async -> Void,
                cancel: @escaping @MainActor () -> Void) {
        let t = context.t
        alert.render(context, question: review, content: { review in
            .init(title: t(.filing(.reviewTitle(review.kind))), message: review.message(context.shell.language),
                  cancel: t(.filing(.backToForm)), confirm: t(.filing(.confirmFiling)), defaultConfirms: true)
        }, confirm: { _ in await confirm() }, cancel: cancel)
    }
}

/// Asks before leaving a half-filled form (Back, Esc, Home); `leave` runs only when the
/// person chooses to discard it.
@MainActor
func confirmDiscard(_ context: ViewContext, then leave: @escaping @MainActor () -> Void) {
    guard context.shell.leavingDiscardsInput else {
        leave()
        return
    }
    let t = context.t
    MessageDialog.present(parent: context.window, title: t(.filing(.discardTitle)), message: t(.filing(.discardMessage)),
                          buttons: [t(.filing(.keepEditing)), t(.filing(.discard))], defaultIndex: 0, cancelIndex: 0) { answer in
        if answer == 1 { leave() }
    }
}

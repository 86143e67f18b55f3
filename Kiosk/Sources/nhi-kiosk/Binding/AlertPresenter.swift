import GtkKit
import KioskModel

/// Shows a model's pending question as an alert dialog while the model holds it: the
/// confirming button runs `confirm`, the other one (or Esc) `cancel`. When the question goes
/// away by itself (lock, idle, a card taken out wiped the form) the dialog closes too, so no
/// personal data stays on screen; a new question replaces the old dialog.
///
/// Destroying and filing ask with the safe answer as the default (`defaultConfirms: false`).
@MainActor
final class AlertPresenter<Question: Equatable> {
    /// What the dialog says.
    struct Content {
        let title: String
        let message: String
        /// The safe answer (first button, also Esc).
        let cancel: String
        /// The answer that goes ahead.
        let confirm: String
        var defaultConfirms = false
    }

    private var shown: Question?
    private var handle: MessageDialog.Handle?

    /// Closes the dialog, if one is up (the question went away).
    func close() {
        shown = nil
        if let open = handle {
            handle = nil
            MessageDialog.dismiss(open)
        }
    }

    /// Shows `question` (nil: none) with `content`'s words; called from a view's render.
    func render(_ context: ViewContext, question: Question?, content: (Question) -> Content,
                confirm: @escaping @MainActor (Question) async -> Void, cancel: @escaping @MainActor () -> Void) {
        guard question != shown else { return }
        close()
        shown = question
        guard let question else { return }
        let words = content(question)
        handle = MessageDialog.present(parent: context.window, title: words.title, message: words.message,
                                       buttons: [words.cancel, words.confirm], defaultIndex: words.defaultConfirms ? 1 : 0,
                                       cancelIndex: 0) { [weak self] answer in
            guard let self, self.handle != nil else { return }
            self.handle = nil
            self.shown = nil
            if answer == 1 { Task { await confirm(question) } } else { cancel() }
        }
    }
}

import CGtk

/// A modal question or notice over a window: a heading, a message and a row of buttons.
///
/// Built from a plain `GtkWindow` with the dialog accessible role, so it works the same in
/// GTK 4.8 and later (where `GtkMessageDialog` is deprecated). Escape and closing the dialog
/// answer with `cancelIndex`.
@MainActor
public enum MessageDialog {
    /// Wrappers of the open dialogs, kept until each is answered.
    private static var open: [ObjectIdentifier: Window] = [:]
    /// How to answer each open dialog from outside (``dismiss(_:)``).
    private static var finishers: [ObjectIdentifier: @MainActor (Int?) -> Void] = [:]

    /// An open dialog, for ``dismiss(_:)``.
    public struct Handle: Hashable, Sendable {
        let id: ObjectIdentifier
    }

    /// Closes the dialog as if it were dismissed (its completion gets `cancelIndex`): when
    /// what it asks about is gone (the screen locked, the form wiped). Harmless when it
    /// was already answered.
    public static func dismiss(_ handle: Handle) {
        finishers[handle.id]?(nil)
    }

    /// Shows the dialog and returns the index of the chosen button (`cancelIndex` when the
    /// dialog is dismissed).
    public static func ask(parent: Window, title: String, message: String,
                           buttons: [String], defaultIndex: Int = 0, cancelIndex: Int? = nil) async -> Int? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
            present(parent: parent, title: title, message: message, buttons: buttons,
                    defaultIndex: defaultIndex, cancelIndex: cancelIndex) { continuation.resume(returning: $0) }
        }
    }

    /// Shows the dialog and calls `completion` once with the chosen button's index.
    @discardableResult
    public static func present(parent: Window, title: String, message: String, buttons: [String],
                               defaultIndex: Int = 0, cancelIndex: Int? = nil,
                               completion: @escaping @MainActor (Int?) -> Void) -> Handle {
        let dialog = Window(role: .dialog)
        let id = ObjectIdentifier(dialog)
        open[id] = dialog
        dialog.title = title
        dialog.isModal = true
        dialog.isResizable = false
        dialog.setTransient(for: parent)
        dialog.setAccessibleName(title)
        dialog.setAccessibleDescription(message)

        let content = Box(.vertical, spacing: 16)
        content.setMargin(24)
        content.addStyleClass("dialog-content")
        let heading = Label(title, role: .heading)
        heading.addStyleClass("dialog-title")
        let body = Label(message)
        body.addStyleClass("dialog-message")
        let row = Box(.horizontal, spacing: 12)
        row.align(horizontal: GTK_ALIGN_END)
        content.append([heading, body, row])

        var answered = false
        let finish: @MainActor (Int?) -> Void = { index in
            guard !answered, let dialog = open.removeValue(forKey: id) else { return }
            answered = true
            finishers[id] = nil
            dialog.destroy()
            completion(index)
        }
        var focusTarget: Button?
        for (index, text) in buttons.enumerated() {
            let button = Button(text)
            button.setMinimumSize(width: 120, height: 48)
            button.onClick { finish(index) }
            row.append(button)
            if index == defaultIndex {
                button.addStyleClass("suggested-action")
                dialog.setDefaultWidget(button)
                focusTarget = button
            }
        }
        finishers[id] = { _ in finish(cancelIndex) }
        dialog.onCloseRequest { finish(cancelIndex); return true }
        KeyController.attach(to: dialog) { key in
            guard key.name == "Escape" else { return false }
            finish(cancelIndex)
            return true
        }
        dialog.setChild(content)
        dialog.present()
        focusTarget?.grabFocus()
        return Handle(id: id)
    }
}

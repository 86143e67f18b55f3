import CGtk
import GtkKit
import KioskModel

/// The lock screen: why it locked, and the way back to signing in.
@MainActor
final class LockView: ScreenView {
    let root: Widget
    private let heading = Label("", role: .heading)
    private let reason = Label("", role: .status)
    private let unlock = Button("")

    init(context: ViewContext) {
        let (page, column) = Build.page(heading: heading)
        root = page
        column.addStyleClass("lock")
        reason.addStyleClass("lock-reason")
        unlock.addStyleClass("suggested-action")
        unlock.setMinimumSize(width: 240, height: 64)
        unlock.align(horizontal: GTK_ALIGN_START)
        unlock.onClick { context.shell.unlock() }
        column.append([reason, unlock])
        observe { [weak self] in
            guard let self else { return }
            self.heading.text = context.t(.lockedTitle)
            self.reason.text = context.shell.lockReason.map { context.t(.lockReason($0)) } ?? ""
            self.unlock.label = context.t(.unlock)
            context.controls.name(self.unlock, context.t(.unlock))
            context.controls.name(self.reason, self.reason.text)
        }
    }

    func focusFirst() { unlock.grabFocus() }
}

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
    /// 鎖定 kept the session: whose, and how to resume it.
    private let kept = Label("", role: .status)
    private let signOut = Button("")

    init(context: ViewContext) {
        let (page, column) = Build.page(heading: heading)
        root = page
        column.addStyleClass("lock")
        reason.addStyleClass("lock-reason")
        unlock.addStyleClass("suggested-action")
        unlock.setMinimumSize(width: 240, height: 64)
        unlock.align(horizontal: GTK_ALIGN_START)
        unlock.onClick { context.shell.unlock() }
        signOut.setMinimumSize(width: 240, height: 64)
        signOut.align(horizontal: GTK_ALIGN_START)
        signOut.onClick { context.shell.signOut() }
        kept.addStyleClass("lock-reason")
        let buttons = Box(.horizontal, spacing: 16)
        buttons.append([unlock, signOut])
        column.append([reason, kept, buttons])
        observe { [weak self] in
            guard let self else { return }
            let shell = context.shell
            self.heading.text = context.t(.lockedTitle)
            self.reason.text = shell.lockReason.map { context.t(.lockReason($0)) } ?? ""
            let locked = shell.lockedSession
            self.kept.text = locked.map { context.t(.lockKept(name: $0.name, method: $0.method, organisation: $0.isOrganisation)) } ?? ""
            self.kept.isVisible = locked != nil
            context.controls.name(self.kept, self.kept.text.isEmpty ? "—" : self.kept.text)
            let unlockText: Text = locked != nil ? .resumeButton : .unlock
            self.unlock.label = context.t(unlockText)
            context.controls.name(self.unlock, context.t(unlockText))
            self.signOut.label = context.t(.signOut)
            context.controls.name(self.signOut, context.t(.signOut))
            self.signOut.isVisible = locked != nil
            context.controls.name(self.reason, self.reason.text)
        }
    }

    func focusFirst() { unlock.grabFocus() }
}

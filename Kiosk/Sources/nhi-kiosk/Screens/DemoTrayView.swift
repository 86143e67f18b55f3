import CGtk
import GtkKit
import KioskModel

/// Demo mode's card tray at the bottom of the window: one button per virtual card (the
/// staff's own for signing in, visitors' for the card panel) and one to take it out. The
/// cards go through the virtual reader and PC/SC like real ones.
@MainActor
final class DemoTrayView {
    let root = Box(.horizontal, spacing: 8, role: .region)
    private let context: ViewContext
    private let tray: DemoCardTray
    private let title = Label()
    private var buttons: [(DemoCard, Button)] = []
    private let remove: Button
    private let status = StatusLine()
    private let scroller: ScrolledWindow
    /// Folds the tray to one line (and opens it again).
    private let fold: Button

    init(context: ViewContext) {
        self.context = context
        let tray = context.shell.demoTray
        self.tray = tray
        root.addStyleClass("demo-tray")
        title.addStyleClass("field-caption")
        root.append(title)
        let cards = Box(.horizontal, spacing: 8)
        for card in tray.cards {
            let button = Button("")
            button.setMinimumSize(height: 48)
            button.onClick { Task { await tray.insert(card) } }
            cards.append(button)
            buttons.append((card, button))
        }
        scroller = ScrolledWindow(cards, horizontal: true)
        scroller.expand(horizontally: true)
        remove = makeButton(width: 140) { Task { await tray.remove() } }
        fold = makeButton(width: 140) { tray.toggleCollapsed() }
        fold.setMinimumSize(width: 140, height: 48)
        root.append([scroller, remove, status.label, fold])
        root.isVisible = tray.isAvailable
        observe { [weak self] in self?.render() }
    }

    private func render() {
        guard tray.isAvailable else { return }
        let t = context.t
        let english = context.shell.language == .english
        title.text = t(.demoTray)
        context.controls.name(root, t(.demoTray))
        for (card, button) in buttons {
            let role = english ? card.roleEn : card.role
            let text: String
            switch card.kind {
            case .nhiCard:
                text = t(.demoInsert(name: card.name, role: role))
                button.label = card.name + "\n" + role
            case .certificate:
                text = t(.demoInsertCertificate(name: card.name, role: role))
                button.label = card.name + "\n" + t(.demoCertificateCard)
            case .organisationCertificate:
                text = t(.demoInsertOrganisationCertificate(name: card.name, unitCode: card.organisation?.unitCode.rawValue ?? ""))
                button.label = card.name + "\n" + t(.demoOrganisationCertificateCard)
            }
            context.controls.name(button, text)
            button.setStyleClass("suggested-action", tray.inserted == card)
            button.isSensitive = !tray.status.isWorking
        }
        remove.render(context, .demoRemove, enabled: tray.inserted != nil && !tray.status.isWorking, visible: !tray.isCollapsed)
        status.render(context, tray.status) { _ in nil }
        if tray.isCollapsed { status.label.isVisible = false }
        scroller.isVisible = !tray.isCollapsed
        title.isVisible = !tray.isCollapsed
        fold.render(context, tray.isCollapsed ? .demoTrayExpand : .demoTrayCollapse)
        root.setStyleClass("collapsed", tray.isCollapsed)
    }
}

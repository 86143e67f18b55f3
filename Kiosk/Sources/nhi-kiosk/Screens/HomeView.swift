import CGtk
import GtkKit
import KioskModel

/// The home screen: the tasks the signed-in role allows, as large buttons.
@MainActor
final class HomeView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let heading = Label("", role: .heading)
    private let welcome = Label()
    private let grid = Grid(rowSpacing: 16, columnSpacing: 16)
    private var buttons: [(KioskTask, Button, Label, Label)] = []
    private var shownTasks: [KioskTask] = []

    /// Called for "leave kiosk mode": the window's close path decides.
    var onLeaveKiosk: (@MainActor () -> Void)?

    init(context: ViewContext) {
        self.context = context
        let (page, column) = Build.page(heading: heading)
        root = page
        welcome.addStyleClass("hint")
        grid.setColumnsHomogeneous(true)
        grid.addStyleClass("task-grid")
        column.append([welcome, grid])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let shell = context.shell
        heading.text = t(.homeTitle)
        if let staff = shell.staff {
            welcome.text = t(.welcome(name: staff.name, role: staff.role))
        }
        let tasks = shell.tasks
        if tasks != shownTasks { rebuild(tasks) }
        for (task, button, name, hint) in buttons {
            name.text = t(.task(task))
            hint.text = t(.taskHint(task))
            context.controls.name(button, t(.task(task)), description: t(.taskHint(task)))
        }
    }

    private func rebuild(_ tasks: [KioskTask]) {
        for (_, button, _, _) in buttons { grid.remove(button) }
        buttons.removeAll()
        shownTasks = tasks
        for (index, task) in tasks.enumerated() {
            let name = Label()
            name.addStyleClass("task-name")
            let hint = Label()
            hint.addStyleClass("task-hint")
            let content = Box(.vertical, spacing: 4)
            content.append([name, hint])
            let button = Button(content: content)
            button.addStyleClass("task")
            if task == .leaveKiosk { button.addStyleClass("destructive-action") }
            button.setMinimumSize(height: 96)
            button.onClick { [weak self] in
                guard let self else { return }
                if task == .leaveKiosk { self.onLeaveKiosk?() } else { self.context.shell.open(task: task) }
            }
            grid.attach(button, column: Int32(index % 3), row: Int32(index / 3))
            buttons.append((task, button, name, hint))
        }
    }

    func focusFirst() { buttons.first?.1.grabFocus() }
}

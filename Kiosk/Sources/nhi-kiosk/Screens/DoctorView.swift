import CGtk
import GtkKit
import KioskModel

/// Reader diagnostics: the SDK's checks, one line each.
@MainActor
final class DoctorView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let run = Button("")
    private let list = ListBox()
    private var shownChecks: [ReaderCheck] = []
    private var shownLanguage: Language?

    init(context: ViewContext) {
        self.context = context
        let (page, column) = Build.page(heading: heading)
        root = page
        run.setMinimumSize(width: 200, height: 56)
        run.align(horizontal: GTK_ALIGN_START)
        run.onClick { Task { await context.shell.doctor.run() } }
        list.addStyleClass("checks")
        column.append([note.root, run, list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let doctor = context.shell.doctor
        heading.text = t(.screenTitle(.doctor))
        note.show(context.shell.missingModule(for: .doctor), context: context)
        run.isVisible = doctor.isAvailable
        run.isSensitive = !doctor.isRunning
        run.label = doctor.isRunning ? t(.doctorRunning) : t(.doctorRun)
        context.controls.name(run, t(.doctorRun))
        list.isVisible = doctor.isAvailable
        list.setAccessibleBusy(doctor.isRunning)
        let language = context.shell.language
        guard doctor.checks != shownChecks || language != shownLanguage else { return }
        shownChecks = doctor.checks
        shownLanguage = language
        list.setRows(doctor.checks.map { check in
            let row = Label(t(.doctorCheck(check)))
            row.addStyleClass("check-\(check.outcome.rawValue)")
            row.setMargin(8)
            return row
        })
    }

    func focusFirst() { run.grabFocus() }
}

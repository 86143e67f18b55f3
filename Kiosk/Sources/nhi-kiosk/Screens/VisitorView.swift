import CGtk
import GtkKit
import KioskModel

/// The visitor card panel: the identity the moment the card is read, wiped when it is out.
@MainActor
final class VisitorView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let heading = Label("", role: .heading)
    private let notConnected = NotConnectedNote()
    private let state = Label("", role: .status)
    private let identity = Grid(rowSpacing: 8, columnSpacing: 24)
    private var rows: [(Label, Label)] = []
    private let reader = Label()
    private let services = NotConnectedNote()
    private let panel: VisitorServicesView
    /// 加保此人: the enrolment form, filled in from the card.
    private let enrol: Button

    init(context: ViewContext) {
        self.context = context
        let (page, column) = Build.page(heading: heading)
        root = page
        state.addStyleClass("visitor-state")
        identity.addStyleClass("identity")
        for index in 0..<6 {
            let caption = Label(), value = Label()
            caption.addStyleClass("field-caption")
            value.addStyleClass("identity-value")
            identity.attach(caption, column: 0, row: Int32(index))
            identity.attach(value, column: 1, row: Int32(index))
            rows.append((caption, value))
        }
        reader.addStyleClass("hint")
        panel = VisitorServicesView(context: context)
        enrol = makeButton("suggested-action", width: 220) { [shell = context.shell] in shell.enrolVisitor() }
        column.append([notConnected.root, state, identity, enrol, reader, services.root, panel.root])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let shell = context.shell
        let language = shell.language
        let t = context.t
        heading.text = t(.screenTitle(.visitor))
        let missing = shell.missingModule(for: .visitor)
        notConnected.show(missing, context: context)
        let panel = shell.visitor
        var stateText = ""
        switch panel.state {
        case .waiting: stateText = t(.visitorWaiting)
        case .showing: stateText = ""
        case .removed: stateText = t(.visitorRemoved)
        case .unreadable(let error, _): stateText = error.text(language)
        case .readerLost(let name): stateText = t(.visitorReaderLost(reader: name))
        }
        state.text = stateText
        state.isVisible = missing == nil && !stateText.isEmpty
        let values = panel.identityRows(language)
        identity.isVisible = !values.isEmpty
        for (index, (caption, value)) in rows.enumerated() {
            let row = index < values.count ? values[index] : (label: "", value: "")
            caption.text = row.label
            value.text = row.value
            context.controls.name(value, row.value.isEmpty ? "—" : "\(row.label) \(row.value)")
        }
        context.controls.name(identity, t(.screenTitle(.visitor)))
        if case .showing(_, let name) = panel.state {
            reader.text = t(.visitorReader(reader: name))
            reader.isVisible = true
        } else {
            reader.isVisible = false
        }
        enrol.render(context, .enrolVisitor, visible: shell.mayEnrolVisitor)
        // Insurance status, online-service registration and the proof of insurance need the service.
        let available = shell.visitorServices.isAvailable
        services.show(missing == nil && panel.card != nil && !available ? "NHIService" : nil, context: context)
        self.panel.root.isVisible = panel.card != nil && available
    }

    func focusFirst() { heading.grabFocus() }
}

/// "Not connected yet: this needs SDK module X" — a clear note instead of any invented data.
@MainActor
final class NotConnectedNote {
    let root = Box(.vertical, spacing: 6, role: .status)
    private let title = Label()
    private let body = Label()

    init() {
        root.addStyleClass("not-connected")
        title.addStyleClass("not-connected-title")
        root.append([title, body])
    }

    /// Shows the note for `module`, or hides it when nil.
    func show(_ module: String?, context: ViewContext) {
        root.isVisible = module != nil
        guard let module else { return }
        title.text = context.t(.notConnectedTitle)
        body.text = context.t(.notConnected(module: module))
        context.controls.name(root, context.t(.notConnectedTitle), description: body.text)
    }
}

/// A flow screen whose view model arrives with the SDK: its title and the note.
@MainActor
final class NotConnectedView: ScreenView {
    let root: Widget
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()

    init(screen: Screen, context: ViewContext) {
        let (page, column) = Build.page(heading: heading)
        root = page
        column.append(note.root)
        observe { [weak self] in
            guard let self else { return }
            self.heading.text = context.t(.screenTitle(screen))
            self.note.show(context.shell.missingModule(for: screen), context: context)
        }
    }

    func focusFirst() { heading.grabFocus() }
}

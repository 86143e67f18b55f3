import CGtk
import GtkKit
import KioskModel
import Logging

/// A form's rows: caption in the first column; the control with its hint and its error
/// line under it in the second. Captions label their control (AT-SPI name), the error line
/// describes it, and the control is marked invalid while there is an error.
@MainActor
final class FormGrid {
    /// The caption column's width: controls start at the same x on every form.
    static let captionWidth: Int32 = 300
    let grid = Grid(rowSpacing: 4, columnSpacing: 16)
    private var nextRow: Int32 = 0

    init() {
        grid.addStyleClass("form")
    }

    /// Adds a row; returns its parts for the caller to keep.
    func add(_ control: Widget) -> FormRow {
        let row = FormRow(control: control)
        grid.attach(row.caption, column: 0, row: nextRow)
        grid.attach(row.column, column: 1, row: nextRow)
        nextRow += 1
        return row
    }

    /// Adds a widget spanning both columns (a check box, a note).
    func addWide(_ widget: Widget) {
        grid.attach(widget, column: 0, row: nextRow, width: 2)
        nextRow += 1
    }
}

/// One row of a ``FormGrid``.
@MainActor
final class FormRow {
    let caption = Label()
    let column = Box(.vertical, spacing: 2)
    let control: Widget
    let hint = Label()
    let error = Label("", role: .status)

    init(control: Widget) {
        self.control = control
        caption.addStyleClass("field-caption")
        caption.align(vertical: GTK_ALIGN_START)
        // One control column on every form of every screen: captions are 300 px, longer ones wrap.
        caption.setFixedWidth(FormGrid.captionWidth)
        hint.addStyleClass("hint")
        error.addStyleClass("field-error")
        control.expand(horizontally: true)
        control.setDescribedBy(error)
        column.append([control, hint, error])
        if control is Entry || control is PasswordEntry || control is DropDown { caption.labels(control) }
    }

    /// Shows the row with `caption`, its error and hint (or hides it).
    func render(_ context: ViewContext, caption text: Text, error: PresentableError?, hint: String? = nil, visible: Bool = true) {
        caption.isVisible = visible
        column.isVisible = visible
        guard visible else { return }
        caption.text = context.t(text)
        context.controls.labelled(control, context.t(text))
        let message = error?.text(context.shell.language)
        self.error.text = message ?? ""
        self.error.isVisible = message != nil
        control.setAccessibleInvalid(message != nil)
        self.hint.text = hint ?? ""
        self.hint.isVisible = hint?.isEmpty == false
    }
}

/// A text field bound to a model string.
@MainActor
final class TextInput {
    let entry = Entry()
    let row: FormRow

    init(_ form: FormGrid, maxLength: Int32 = 0, digits: Bool = false, onChange: @escaping @MainActor (String) -> Void) {
        row = form.add(entry)
        if maxLength > 0 { entry.maxLength = maxLength }
        if digits { entry.setInputPurpose(GTK_INPUT_PURPOSE_DIGITS) }
        entry.onChange(onChange)
    }

    func render(_ context: ViewContext, caption: Text, text: String, error: PresentableError?, hint: String? = nil,
                visible: Bool = true, placeholder: String? = nil) {
        row.render(context, caption: caption, error: error, hint: hint, visible: visible)
        entry.text = text
        if let placeholder, entry.placeholder != placeholder { entry.placeholder = placeholder }
    }
}

/// A choice among a few values as radio buttons (touch friendly, one Tab stop each).
@MainActor
final class RadioChoice<Value: Hashable> {
    let box = Box(.horizontal, spacing: 12, role: .group)
    private var buttons: [(Value, CheckButton)] = []

    init(_ values: [Value], onSelect: @escaping @MainActor (Value) -> Void) {
        box.addStyleClass("choice")
        for value in values {
            let radio = CheckButton("")
            if let first = buttons.first?.1 { radio.joinGroup(of: first) }
            radio.onToggle { active in if active { onSelect(value) } }
            buttons.append((value, radio))
            box.append(radio)
        }
    }

    func render(_ context: ViewContext, selected: Value, label: (Value) -> Text, groupName: Text) {
        context.controls.name(box, context.t(groupName))
        for (value, radio) in buttons {
            radio.label = context.t(label(value))
            context.controls.name(radio, context.t(label(value)))
            radio.isActive = value == selected
        }
    }
}

/// A choice from a list (`GtkDropDown`) bound to a model value.
@MainActor
final class ListChoice<Value: Hashable> {
    let dropDown: DropDown
    private let values: [Value]

    init(_ values: [Value], onSelect: @escaping @MainActor (Value) -> Void) {
        self.values = values
        dropDown = DropDown(items: values.map { _ in "" })
        dropDown.onSelect { [values] index in
            guard let index, values.indices.contains(index) else { return }
            onSelect(values[index])
        }
    }

    func render(_ context: ViewContext, selected: Value, label: (Value) -> Text) {
        dropDown.setItems(values.map { context.t(label($0)) })
        dropDown.selectedIndex = values.firstIndex(of: selected)
    }
}

/// A check box bound to a model flag.
@MainActor
final class Toggle {
    let check = CheckButton("")

    init(onChange: @escaping @MainActor (Bool) -> Void) {
        check.onToggle(onChange)
    }

    func render(_ context: ViewContext, _ text: Text, on: Bool, visible: Bool = true) {
        check.isVisible = visible
        check.label = context.t(text)
        context.controls.name(check, context.t(text))
        check.isActive = on
    }
}

/// A status line for a flow's request: working, the service's refusal (red) or the result.
@MainActor
final class StatusLine {
    let label = Label("", role: .status)
    /// Whether an outcome is also shown as the window's toast (filings, uploads: results a
    /// person must not miss below the fold).
    private let announces: Bool
    private var shownValue = "idle"
    private var announcedValue = "idle"

    init(announces: Bool = false) {
        self.announces = announces
        label.addStyleClass("flow-status")
        label.isSelectable = true
    }

    /// `problem`: a result that reports a problem (rows refused by a check) is shown in the
    /// failure style, never in success green.
    func render<Result>(_ context: ViewContext, _ status: FlowStatus<Result>, problem: ((Result) -> Bool)? = nil, success: (Result) -> String?) {
        var text = ""
        switch status {
        case .idle: break
        case .working: text = context.t(.form(.working))
        case .failed(let error): text = error.text(context.shell.language)
        case .succeeded(let result): text = success(result) ?? ""
        }
        if status.automationValue != shownValue {
            shownValue = status.automationValue
            // The code goes to the log (the screen shows the message).
            if let error = status.error { Logger(label: "nhi-kiosk").notice("shown: [\(error.code)]") }
        }
        if announces, status.automationValue != announcedValue {
            announcedValue = status.automationValue
            switch status {
            case .working: context.shell.dismissToast()  // a new attempt
            case .failed: context.shell.showToast(text, isFailure: true)
            case .succeeded: context.shell.showToast(text, isFailure: false)
            case .idle: break
            }
        }
        label.text = text
        label.isVisible = !text.isEmpty
        let isProblem = status.result.map { problem?($0) ?? false } ?? false
        label.setStyleClass("error-text", status.error != nil || isProblem)
        label.setStyleClass("success-text", status.result != nil && !isProblem)
        context.controls.name(label, text.isEmpty ? "—" : text)
    }
}

/// A button with an accessible name that follows its label.
@MainActor
func makeButton(_ style: String? = nil, width: Int32 = 200, action: @escaping @MainActor () -> Void) -> Button {
    let button = Button("")
    button.setMinimumSize(width: width, height: 56)
    button.align(horizontal: GTK_ALIGN_START)
    if let style { button.addStyleClass(style) }
    button.onClick(action)
    return button
}

extension Button {
    /// Sets the label and the control registry's name together.
    @MainActor
    func render(_ context: ViewContext, _ text: Text, enabled: Bool = true, visible: Bool = true) {
        label = context.t(text)
        context.controls.name(self, context.t(text))
        isSensitive = enabled
        isVisible = visible
    }
}

/// A list of text lines (`GtkListBox`), rebuilt only when the lines change; each line is its
/// own accessible name.
@MainActor
final class LineList {
    let list = ListBox()
    private var shown: [String] = []
    private var styles: [String?] = []

    init(_ style: String? = nil) {
        list.addStyleClass(style ?? "lines")
    }

    func render(_ lines: [String], styles newStyles: [String?]? = nil) {
        let wanted = newStyles ?? Array(repeating: nil, count: lines.count)
        guard lines != shown || wanted != styles else { return }
        shown = lines
        styles = wanted
        list.setRows(zip(lines, wanted).map { line, style in
            let label = Label(line)
            label.setMargin(6)
            label.isSelectable = false
            if let style { label.addStyleClass(style) }
            return label
        })
        list.isVisible = !lines.isEmpty
    }
}

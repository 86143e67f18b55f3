import GtkKit
import KioskModel

/// What every screen binds to: the shell (and through it the screen models), the control
/// registry and the window (for dialogs).
@MainActor
struct ViewContext {
    let shell: KioskShell
    let controls: Controls
    let window: Window
    /// `--print-to`: printouts go to PDF files in this folder instead of the print dialog.
    let printDirectory: String?

    /// `text` in the current language (reading it makes an `observe` block follow language changes).
    func t(_ text: Text) -> String { text.localized(shell.language) }
}

/// A screen of the kiosk: a page in the shell's stack.
@MainActor
protocol ScreenView: AnyObject {
    /// The page's top widget.
    var root: Widget { get }
    /// Moves the keyboard focus to the page's first control.
    func focusFirst()
}

/// Shared building blocks for screens.
@MainActor
enum Build {
    /// A page: a scrolled column with a heading.
    static func page(heading: Label) -> (page: Widget, column: Box) {
        let column = Box(.vertical, spacing: 16)
        column.setMargin(32)
        column.addStyleClass("page")
        heading.addStyleClass("page-title")
        column.append(heading)
        let scroller = ScrolledWindow(column)
        scroller.expand(horizontally: true, vertically: true)
        return (scroller, column)
    }

    /// A page whose heading shares its row with `trailing` (the sign-in screen's card
    /// indicator): status beside the title takes no height from the form below it.
    static func page(heading: Label, trailing: Widget) -> (page: Widget, column: Box) {
        let column = Box(.vertical, spacing: 16)
        column.setMargin(32)
        column.addStyleClass("page")
        heading.addStyleClass("page-title")
        heading.expand(horizontally: true)
        let row = Box(.horizontal, spacing: 16)
        row.append([heading, trailing])
        column.append(row)
        let scroller = ScrolledWindow(column)
        scroller.expand(horizontally: true, vertically: true)
        return (scroller, column)
    }

    /// A field's caption, control and error line in a form grid (error in red, announced).
    static func field(_ grid: Grid, row: Int32, caption: Label, control: Widget, error: Label) {
        caption.addStyleClass("field-caption")
        error.addStyleClass("field-error")
        caption.labels(control)
        control.setDescribedBy(error)
        control.expand(horizontally: true)
        grid.attach(caption, column: 0, row: row * 2)
        grid.attach(control, column: 1, row: row * 2)
        grid.attach(error, column: 1, row: row * 2 + 1)
    }
}

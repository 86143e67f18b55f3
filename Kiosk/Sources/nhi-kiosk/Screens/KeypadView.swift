import CGtk
import GtkKit
import KioskModel

/// The on-screen PIN keypad: dots for what was typed, 72-pixel keys, and digits from the
/// physical keyboard too (the shell forwards them). The digits never reach a widget.
@MainActor
final class KeypadView {
    let root = Box(.vertical, spacing: 12, role: .group)
    private let dots = Label("", role: .status)
    private var keys: [(button: Button, text: Text)] = []

    init(keypad: PINKeypad, context: ViewContext) {
        root.addStyleClass("keypad")
        dots.addStyleClass("keypad-dots")
        dots.setTextAlignment(0.5)
        root.append(dots)
        let grid = Grid(rowSpacing: 8, columnSpacing: 8)
        grid.setColumnsHomogeneous(true)
        grid.align(horizontal: GTK_ALIGN_START)
        root.append(grid)
        // Three rows of four: the whole keypad and 登入 stay above the demo tray at 1280×800.
        let layout: [[Int?]] = [[1, 2, 3, -2], [4, 5, 6, -1], [7, 8, 9, 0]]
        for (row, digits) in layout.enumerated() {
            for (column, key) in digits.enumerated() {
                guard let key else { continue }
                let text: Text = key == -1 ? .keypadClear : key == -2 ? .keypadDelete : .keypadDigit(key)
                let button = Button(text.localized(context.shell.language))
                button.addStyleClass("keypad-key")
                button.setMinimumSize(width: 72, height: 72)
                button.onClick {
                    switch key {
                    case -1: keypad.clear()
                    case -2: keypad.deleteLast()
                    default: keypad.press(key)
                    }
                }
                grid.attach(button, column: Int32(column), row: Int32(row))
                keys.append((button, text))
            }
        }
        observe { [weak self] in
            guard let self else { return }
            let count = keypad.count
            self.dots.text = keypad.dots
            let caption = context.t(.pinEntered(count: count))
            context.controls.labelled(self.root, context.t(.pinLabel))
            self.root.setAccessibleDescription(caption)
            self.dots.setAccessibleValue(caption)
            context.controls.name(self.dots, caption)
            for key in self.keys {
                key.button.label = context.t(key.text)
                context.controls.name(key.button, context.t(key.text))
            }
        }
    }

    func focusFirst() { keys.first?.button.grabFocus() }

    /// A key from the physical keyboard, forwarded by the screen that shows a keypad: a digit
    /// goes into it, BackSpace takes the last one away. Returns whether the key was used.
    static func type(_ key: KeyPress, into keypad: PINKeypad) -> Bool {
        if let digit = key.digit {
            keypad.press(digit)
            return true
        }
        guard key.name == "BackSpace" else { return false }
        keypad.deleteLast()
        return true
    }
}

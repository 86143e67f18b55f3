import CGtk

/// Text on screen (`GtkLabel`). A label's accessible name is its text.
@MainActor
public final class Label: Widget {
    /// A label; `role` makes it a heading, a status line (announced on change) or an alert.
    public init(_ text: String = "", role: AccessibleRole? = nil) {
        if let role {
            super.init(sinking: nhi_widget_new_with_role(gtk_label_get_type(), role.gtk))
            gtk_label_set_text(nhi_label(pointer), text)
        } else {
            super.init(sinking: gtk_label_new(text))
        }
        gtk_label_set_wrap(nhi_label(pointer), 1)
        gtk_label_set_xalign(nhi_label(pointer), 0)
    }

    /// The displayed text.
    public var text: String {
        get { String(cString: gtk_label_get_text(nhi_label(pointer))) }
        set {
            guard newValue != text else { return }
            gtk_label_set_text(nhi_label(pointer), newValue)
        }
    }

    /// Gives the label exactly `width` pixels, its text wrapping inside them (a form's
    /// caption column the same width on every screen, whatever the caption's length).
    public func setFixedWidth(_ width: Int32) {
        gtk_label_set_max_width_chars(nhi_label(pointer), 1)
        setMinimumSize(width: width)
    }

    /// Horizontal alignment of the text, 0 (start) … 1 (end).
    public func setTextAlignment(_ x: Float) { gtk_label_set_xalign(nhi_label(pointer), x) }

    /// Whether the user can select (copy) the text.
    public var isSelectable: Bool {
        get { gtk_label_get_selectable(nhi_label(pointer)) != 0 }
        set { gtk_label_set_selectable(nhi_label(pointer), newValue ? 1 : 0) }
    }

    /// Makes `widget`'s mnemonic and accessible label this label.
    public func labels(_ widget: Widget) {
        gtk_label_set_mnemonic_widget(nhi_label(pointer), widget.pointer)
        widget.setLabelledBy(self)
    }
}

/// A push button (`GtkButton`). Its accessible name is its label unless set otherwise.
@MainActor
public final class Button: Widget {
    public init(_ label: String) {
        super.init(sinking: gtk_button_new_with_label(label))
    }

    /// A button showing `content` (give it an accessible name: GTK cannot derive one).
    public init(content: Widget) {
        super.init(sinking: gtk_button_new())
        gtk_button_set_child(nhi_button(pointer), content.pointer)
    }

    /// The button's text.
    public var label: String {
        get { gtk_button_get_label(nhi_button(pointer)).map { String(cString: $0) } ?? "" }
        set {
            guard newValue != label else { return }
            gtk_button_set_label(nhi_button(pointer), newValue)
        }
    }

    /// Runs `body` when the button is clicked (mouse, touch, Space or Enter).
    @discardableResult
    public func onClick(_ body: @escaping @MainActor () -> Void) -> SignalConnection {
        Signals.connect(pointer, "clicked", body)
    }

    /// Clicks the button programmatically (the automation hook): emits `clicked` at once when
    /// the button is sensitive. (`gtk_widget_activate` would animate a press and click 250 ms
    /// later, and only on a realised button.)
    public func click() {
        guard gtk_widget_is_sensitive(pointer) != 0 else { return }
        nhi_emit_clicked(pointer)
    }
}

/// A progress bar (`GtkProgressBar`), e.g. the QR code's remaining time.
@MainActor
public final class ProgressBar: Widget {
    public init() { super.init(sinking: gtk_progress_bar_new()) }

    /// Filled fraction, 0 … 1.
    public var fraction: Double {
        get { gtk_progress_bar_get_fraction(nhi_progress_bar(pointer)) }
        set { gtk_progress_bar_set_fraction(nhi_progress_bar(pointer), newValue) }
    }
}

import CGtk

/// A GTK widget owned from Swift.
///
/// The wrapper holds one strong GObject reference: a new widget's floating reference is
/// sunk on creation (`g_object_ref_sink`) and released when the wrapper goes away, so the C
/// object lives at least as long as the Swift one, and as long as GTK needs it after that
/// (a parent holds its own reference). GTK objects belong to the main thread; so does this
/// class and every subclass.
///
/// Lifetime rule for signal closures: a closure connected to a widget lives as long as the
/// widget. A closure that captures the widget's own wrapper strongly would keep both alive
/// forever; capture view models (plain Swift objects), or the wrapper `weak`ly.
@MainActor
open class Widget {
    /// The underlying `GtkWidget *`.
    public let pointer: UnsafeMutablePointer<GtkWidget>

    /// Takes ownership of a newly created widget (sinks its floating reference).
    public init(sinking pointer: UnsafeMutablePointer<GtkWidget>) {
        self.pointer = pointer
        g_object_ref_sink(pointer)
    }

    isolated deinit {
        g_object_unref(pointer)
    }

    // MARK: Visibility and sensitivity

    /// Whether the widget is shown.
    public var isVisible: Bool {
        get { gtk_widget_get_visible(pointer) != 0 }
        set { gtk_widget_set_visible(pointer, newValue ? 1 : 0) }
    }

    /// Whether the widget reacts to input (greyed out when false).
    public var isSensitive: Bool {
        get { gtk_widget_get_sensitive(pointer) != 0 }
        set { gtk_widget_set_sensitive(pointer, newValue ? 1 : 0) }
    }

    /// Whether the widget takes part in keyboard focus (Tab order follows the widget tree).
    public var isFocusable: Bool {
        get { gtk_widget_get_focusable(pointer) != 0 }
        set { gtk_widget_set_focusable(pointer, newValue ? 1 : 0) }
    }

    /// Moves the keyboard focus here.
    @discardableResult
    public func grabFocus() -> Bool { gtk_widget_grab_focus(pointer) != 0 }

    /// Whether this widget itself has the keyboard focus.
    public var hasFocus: Bool { gtk_widget_has_focus(pointer) != 0 }

    /// Whether this widget or one of its children has the keyboard focus (an entry's
    /// focus is on its inner text child).
    public var containsFocus: Bool {
        gtk_widget_get_state_flags(pointer).rawValue & GTK_STATE_FLAG_FOCUS_WITHIN.rawValue != 0
    }

    // MARK: Layout

    /// Expands horizontally / vertically into spare space.
    public func expand(horizontally: Bool = false, vertically: Bool = false) {
        gtk_widget_set_hexpand(pointer, horizontally ? 1 : 0)
        gtk_widget_set_vexpand(pointer, vertically ? 1 : 0)
    }

    /// Alignment inside the space the parent gives.
    public func align(horizontal: GtkAlign? = nil, vertical: GtkAlign? = nil) {
        if let horizontal { gtk_widget_set_halign(pointer, horizontal) }
        if let vertical { gtk_widget_set_valign(pointer, vertical) }
    }

    /// The same margin on all four sides, in pixels.
    public func setMargin(_ margin: Int32) {
        gtk_widget_set_margin_top(pointer, margin)
        gtk_widget_set_margin_bottom(pointer, margin)
        gtk_widget_set_margin_start(pointer, margin)
        gtk_widget_set_margin_end(pointer, margin)
    }

    /// A minimum size in pixels (-1 leaves a dimension natural).
    public func setMinimumSize(width: Int32 = -1, height: Int32 = -1) {
        gtk_widget_set_size_request(pointer, width, height)
    }

    // MARK: Style

    /// Adds a CSS class (`.primary`, `.keypad-key`, …).
    public func addStyleClass(_ name: String) { gtk_widget_add_css_class(pointer, name) }
    /// Removes a CSS class.
    public func removeStyleClass(_ name: String) { gtk_widget_remove_css_class(pointer, name) }
    /// Adds or removes a CSS class.
    public func setStyleClass(_ name: String, _ on: Bool) { on ? addStyleClass(name) : removeStyleClass(name) }

    /// A CSS name for the widget (`#name` in style sheets) and for finding it again.
    public var name: String {
        get { String(cString: gtk_widget_get_name(pointer)) }
        set { gtk_widget_set_name(pointer, newValue) }
    }

    /// A tooltip text (nil removes it).
    public var tooltip: String? {
        get { gtk_widget_get_tooltip_text(pointer).map { String(cString: $0) } }
        set { gtk_widget_set_tooltip_text(pointer, newValue) }
    }

    // MARK: Tree

    /// The widget's toplevel window, when it is in one.
    public var rootPointer: UnsafeMutablePointer<GtkWidget>? {
        guard let root = gtk_widget_get_root(pointer) else { return nil }
        return nhi_widget(UnsafeMutableRawPointer(root))
    }
}

extension Widget {
    /// The GTK type name (`GtkButton`, `GtkLabel`, …).
    public var typeName: String { String(cString: nhi_object_type_name(pointer)) }
}

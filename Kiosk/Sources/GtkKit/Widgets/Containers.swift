import CGtk

/// Lays children out in a row or a column (`GtkBox`).
@MainActor
public final class Box: Widget {
    /// A vertical or horizontal box; `role` gives it an accessible role (group, status, …).
    public init(_ orientation: Orientation, spacing: Int32 = 0, role: AccessibleRole? = nil) {
        let widget: UnsafeMutablePointer<GtkWidget>
        if let role {
            widget = nhi_widget_new_with_role(gtk_box_get_type(), role.gtk)
        } else {
            widget = gtk_box_new(orientation.gtk, spacing)
        }
        super.init(sinking: widget)
        gtk_orientable_set_orientation(nhi_orientable(pointer), orientation.gtk)
        gtk_box_set_spacing(nhi_box(pointer), spacing)
    }

    /// Adds a child at the end.
    public func append(_ child: Widget) { gtk_box_append(nhi_box(pointer), child.pointer) }

    /// Adds several children at the end.
    public func append(_ children: [Widget]) { children.forEach(append) }

    /// Removes a child.
    public func remove(_ child: Widget) { gtk_box_remove(nhi_box(pointer), child.pointer) }

    /// Removes every child.
    public func removeAll() {
        while let child = gtk_widget_get_first_child(pointer) {
            gtk_box_remove(nhi_box(pointer), child)
        }
    }

    /// Gives all children the same size.
    public var isHomogeneous: Bool {
        get { gtk_box_get_homogeneous(nhi_box(pointer)) != 0 }
        set { gtk_box_set_homogeneous(nhi_box(pointer), newValue ? 1 : 0) }
    }
}

/// Horizontal or vertical.
public enum Orientation: Sendable {
    case horizontal, vertical
    var gtk: GtkOrientation { self == .horizontal ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL }
}

/// A table of children (`GtkGrid`): forms (caption | field | error) and keypads.
@MainActor
public final class Grid: Widget {
    public init(rowSpacing: UInt32 = 0, columnSpacing: UInt32 = 0) {
        super.init(sinking: gtk_grid_new())
        gtk_grid_set_row_spacing(nhi_grid(pointer), rowSpacing)
        gtk_grid_set_column_spacing(nhi_grid(pointer), columnSpacing)
    }

    /// Places `child` at (column, row), spanning `width` × `height` cells.
    public func attach(_ child: Widget, column: Int32, row: Int32, width: Int32 = 1, height: Int32 = 1) {
        gtk_grid_attach(nhi_grid(pointer), child.pointer, column, row, width, height)
    }

    /// Removes a child.
    public func remove(_ child: Widget) { gtk_grid_remove(nhi_grid(pointer), child.pointer) }

    /// Gives all columns the same width.
    public func setColumnsHomogeneous(_ on: Bool) { gtk_grid_set_column_homogeneous(nhi_grid(pointer), on ? 1 : 0) }
    /// Gives all rows the same height.
    public func setRowsHomogeneous(_ on: Bool) { gtk_grid_set_row_homogeneous(nhi_grid(pointer), on ? 1 : 0) }
}

/// Shows one of several named pages (`GtkStack`): the kiosk's screen navigation.
@MainActor
public final class Stack: Widget {
    public init() {
        super.init(sinking: gtk_stack_new())
        gtk_stack_set_transition_type(nhi_stack(pointer), GTK_STACK_TRANSITION_TYPE_NONE)
    }

    /// Adds a page under `name`.
    public func add(_ child: Widget, name: String) {
        gtk_stack_add_named(nhi_stack(pointer), child.pointer, name)
    }

    /// The visible page's name; setting it switches pages.
    public var visibleName: String? {
        get { gtk_stack_get_visible_child_name(nhi_stack(pointer)).map { String(cString: $0) } }
        set {
            guard let newValue else { return }
            gtk_stack_set_visible_child_name(nhi_stack(pointer), newValue)
        }
    }

    /// Whether a page called `name` exists.
    public func hasPage(named name: String) -> Bool {
        gtk_stack_get_child_by_name(nhi_stack(pointer), name) != nil
    }
}

/// Scrolls a child that may be larger than the screen.
@MainActor
public final class ScrolledWindow: Widget {
    /// Scrolls `child` vertically, or horizontally (a row of buttons wider than the window).
    public init(_ child: Widget, horizontal: Bool = false) {
        super.init(sinking: gtk_scrolled_window_new())
        gtk_scrolled_window_set_child(nhi_scrolled_window(pointer), child.pointer)
        if horizontal {
            gtk_scrolled_window_set_policy(nhi_scrolled_window(pointer), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER)
        } else {
            gtk_scrolled_window_set_policy(nhi_scrolled_window(pointer), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        }
    }
}

/// Lays widgets over a main child (`GtkOverlay`): toasts and warnings that float above a
/// page without pushing it down.
@MainActor
public final class Overlay: Widget {
    public init(_ child: Widget) {
        super.init(sinking: gtk_overlay_new())
        gtk_overlay_set_child(nhi_overlay(pointer), child.pointer)
    }

    /// Adds `widget` above the child, placed by its own alignment and margins.
    public func addOverlay(_ widget: Widget) {
        gtk_overlay_add_overlay(nhi_overlay(pointer), widget.pointer)
    }
}

import CGtk
#if canImport(Glibc)
import Glibc
#endif

/// Calls `body` with a NULL-terminated C array of the strings (`const char * const *`).
@MainActor
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let constants = copies.map { UnsafePointer($0) } + [nil]
    return constants.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// A choice of one item from a short list (`GtkDropDown`): language, reader, login method.
@MainActor
public final class DropDown: Widget {
    /// A drop-down offering `items`; give it an accessible name, it has no caption of its own.
    public init(items: [String]) {
        let widget = withCStringArray(items) { gtk_drop_down_new_from_strings($0) }!
        super.init(sinking: widget)
        self.items = items
    }

    /// The offered items, in order.
    public private(set) var items: [String] = []

    /// Replaces the items, keeping the selection at `selectedIndex` when it is still valid.
    public func setItems(_ newItems: [String]) {
        guard newItems != items else { return }
        let keep = selectedIndex
        guard let model = withCStringArray(newItems, { gtk_string_list_new($0) }) else { return }
        gtk_drop_down_set_model(nhi_drop_down(pointer), nhi_list_model(model.gpointer))
        g_object_unref(model.gpointer)
        items = newItems
        if let keep, keep < newItems.count { selectedIndex = keep }
    }

    /// The selected item's index, nil when none.
    public var selectedIndex: Int? {
        get {
            let index = gtk_drop_down_get_selected(nhi_drop_down(pointer))
            return index == UInt32(GTK_INVALID_LIST_POSITION) ? nil : Int(index)
        }
        set {
            let target = newValue.map { UInt32($0) } ?? UInt32(GTK_INVALID_LIST_POSITION)
            guard gtk_drop_down_get_selected(nhi_drop_down(pointer)) != target else { return }
            gtk_drop_down_set_selected(nhi_drop_down(pointer), target)
        }
    }

    /// Runs `body` with the new index when the selection changes.
    @discardableResult
    public func onSelect(_ body: @escaping @MainActor (Int?) -> Void) -> SignalConnection {
        Signals.connectWithPointer(pointer, "notify::selected") { [weak self] _ in
            guard let self else { return }
            body(self.selectedIndex)
        }
    }
}

/// A vertical list of rows (`GtkListBox`): upload records, diagnostics, menu entries.
@MainActor
public final class ListBox: Widget {
    private var rows: [Widget] = []

    public init() {
        super.init(sinking: gtk_list_box_new())
        gtk_list_box_set_selection_mode(nhi_list_box(pointer), GTK_SELECTION_NONE)
    }

    /// Replaces the rows with `newRows` (each row's accessible name comes from its content).
    public func setRows(_ newRows: [Widget]) {
        while let child = gtk_widget_get_first_child(pointer) {
            gtk_list_box_remove(nhi_list_box(pointer), child)
        }
        rows = newRows
        for row in newRows { gtk_list_box_append(nhi_list_box(pointer), row.pointer) }
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// Runs `body` with a row's index when it is activated (click, Enter).
    @discardableResult
    public func onRowActivated(_ body: @escaping @MainActor (Int) -> Void) -> SignalConnection {
        Signals.connectWithPointer(pointer, "row-activated") { row in
            guard let row else { return }
            body(Int(gtk_list_box_row_get_index(nhi_list_box_row(row))))
        }
    }
}

/// An image from pixels (`GtkPicture` showing a `GdkMemoryTexture`): QR codes.
@MainActor
public final class Picture: Widget {
    public init() {
        super.init(sinking: gtk_picture_new())
        gtk_picture_set_can_shrink(nhi_picture(pointer), 0)
        gtk_picture_set_content_fit(nhi_picture(pointer), GTK_CONTENT_FIT_SCALE_DOWN)
    }

    /// Shows an RGBA image (8 bits per channel, rows of `width × 4` bytes, no padding).
    /// GTK scales smoothly, which would blur a QR code: scale pixels before, not here.
    public func setRGBA(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "GtkKit: RGBA buffer size does not match \(width)×\(height)")
        let bytes = pixels.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        guard let texture = gdk_memory_texture_new(Int32(width), Int32(height), GDK_MEMORY_R8G8B8A8,
                                                   bytes, gsize(width * 4)) else { return }
        gtk_picture_set_paintable(nhi_picture(pointer), nhi_paintable(texture.gpointer))
        g_object_unref(texture.gpointer)
        g_bytes_unref(bytes)
    }

    /// Removes the image.
    public func clear() { gtk_picture_set_paintable(nhi_picture(pointer), nil) }

    /// The text alternative read by screen readers (what the image shows or is for).
    public func setAlternativeText(_ text: String) {
        gtk_picture_set_alternative_text(nhi_picture(pointer), text)
    }
}

import CGtk
import GtkKit

/// Gives every control its accessible name and remembers it, so the automation hook can
/// find "the visible button called 設定" the same way AT-SPI clients (dogtail) do.
@MainActor
final class Controls {
    private struct Entry {
        weak var widget: Widget?
        var name: String
    }

    private var entries: [ObjectIdentifier: Entry] = [:]

    /// Sets `widget`'s accessible name (and description) and records it.
    func name(_ widget: Widget, _ name: String, description: String? = nil) {
        let id = ObjectIdentifier(widget)
        if entries[id]?.name != name {
            widget.setAccessibleName(name)
            entries[id] = Entry(widget: widget, name: name)
        }
        if let description { widget.setAccessibleDescription(description) }
    }

    /// Records the name a control gets from its visible caption (a labelled-by relation):
    /// setting the property as well would make screen readers say it twice.
    func labelled(_ widget: Widget, _ name: String) {
        entries[ObjectIdentifier(widget)] = Entry(widget: widget, name: name)
    }

    /// The control called `name` that is on screen now (mapped: its page is the visible one).
    func visible(named name: String) -> Widget? {
        entries.values.lazy
            .filter { $0.name == name }
            .compactMap(\.widget)
            .first { gtk_widget_get_mapped($0.pointer) != 0 && gtk_widget_is_sensitive($0.pointer) != 0 }
    }

    /// The recorded name of the control behind `pointer`.
    func name(of pointer: UnsafeMutablePointer<GtkWidget>) -> String? {
        var current: UnsafeMutablePointer<GtkWidget>? = pointer
        while let widget = current {
            if let entry = entries.values.first(where: { $0.widget?.pointer == widget }) { return entry.name }
            current = gtk_widget_get_parent(widget)
        }
        return nil
    }
}

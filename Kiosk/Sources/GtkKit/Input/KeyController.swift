import CGtk

/// A key press as the kiosk cares about it.
public struct KeyPress: Sendable, Equatable {
    /// The GDK key value (`GDK_KEY_Escape`, …).
    public let keyval: UInt32
    public let control: Bool
    public let alt: Bool
    public let shift: Bool

    /// The key's name as GDK spells it: `Escape`, `Return`, `F4`, `l`, `KP_5`.
    public var name: String { gdk_keyval_name(keyval).map { String(cString: $0) } ?? "" }

    /// The digit 0–9 for the number keys and the keypad's digit keys, else nil.
    public var digit: Int? {
        let name = self.name
        let bare = name.hasPrefix("KP_") ? String(name.dropFirst(3)) : name
        guard bare.count == 1, let value = Int(bare) else { return nil }
        return value
    }
}

/// Watches key presses on a widget and its children (`GtkEventControllerKey`).
///
/// Attached to a window in the capture phase, it sees every key before the focused control
/// does: the kiosk uses that for global shortcuts (Escape = back, Ctrl+L = lock) and to
/// swallow Alt+F4 / Ctrl+Q / Ctrl+W in kiosk mode.
@MainActor
public enum KeyController {
    /// Calls `handler` for each key press; return true when the key was handled (GTK then
    /// stops delivering it).
    public static func attach(to widget: Widget, capture: Bool = true,
                              _ handler: @escaping @MainActor (KeyPress) -> Bool) {
        let controller = gtk_event_controller_key_new()!
        gtk_event_controller_set_propagation_phase(nhi_event_controller(controller.gpointer), capture ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE)
        Signals.connectKeyPressed(controller.gpointer) { keyval, state in
            handler(KeyPress(keyval: keyval,
                             control: state.rawValue & GDK_CONTROL_MASK.rawValue != 0,
                             alt: state.rawValue & GDK_ALT_MASK.rawValue != 0,
                             shift: state.rawValue & GDK_SHIFT_MASK.rawValue != 0))
        }
        // The widget takes ownership of the controller.
        gtk_widget_add_controller(widget.pointer, nhi_event_controller(controller.gpointer))
    }

    /// Calls `handler` on every pointer press or key press inside `widget` without consuming
    /// it: the idle timer's notion of "someone is using the kiosk".
    public static func observeActivity(on widget: Widget, _ handler: @escaping @MainActor () -> Void) {
        attach(to: widget) { _ in handler(); return false }
        let click = gtk_gesture_click_new()!
        gtk_event_controller_set_propagation_phase(nhi_event_controller(click.gpointer), GTK_PHASE_CAPTURE)
        // Observe only: never claim the sequence, so the press still reaches the control.
        gtk_gesture_single_set_button(nhi_gesture_single(click.gpointer), 0)
        Signals.connectClickPressed(click.gpointer, handler)
        gtk_widget_add_controller(widget.pointer, nhi_event_controller(click.gpointer))
    }
}

import CGtk

/// A one-line text field (`GtkEntry`).
@MainActor
public final class Entry: Widget {
    public init(placeholder: String? = nil) {
        super.init(sinking: gtk_entry_new())
        if let placeholder { self.placeholder = placeholder }
    }

    /// The current text; setting it does not emit change notifications to the model twice
    /// (nothing happens when the text is already equal).
    public var text: String {
        get { String(cString: gtk_editable_get_text(nhi_editable(pointer))) }
        set {
            guard newValue != text else { return }
            gtk_editable_set_text(nhi_editable(pointer), newValue)
        }
    }

    /// A grey hint shown while the field is empty (also the accessible placeholder).
    public var placeholder: String {
        get { gtk_entry_get_placeholder_text(nhi_entry(pointer)).map { String(cString: $0) } ?? "" }
        set {
            gtk_entry_set_placeholder_text(nhi_entry(pointer), newValue)
            setAccessiblePlaceholder(newValue)
        }
    }

    /// The maximum number of characters (0 = no limit).
    public var maxLength: Int32 {
        get { gtk_entry_get_max_length(nhi_entry(pointer)) }
        set { gtk_entry_set_max_length(nhi_entry(pointer), newValue) }
    }

    /// Tells on-screen keyboards what to offer.
    public func setInputPurpose(_ purpose: GtkInputPurpose) { gtk_entry_set_input_purpose(nhi_entry(pointer), purpose) }

    /// Enter activates the window's default button.
    public func setActivatesDefault(_ on: Bool) { gtk_entry_set_activates_default(nhi_entry(pointer), on ? 1 : 0) }

    /// Runs `body` with the new text after every edit.
    @discardableResult
    public func onChange(_ body: @escaping @MainActor (String) -> Void) -> SignalConnection {
        Signals.connect(pointer, "changed") { [weak self] in
            guard let self else { return }
            body(self.text)
        }
    }

    /// Runs `body` when Enter is pressed in the field.
    @discardableResult
    public func onActivate(_ body: @escaping @MainActor () -> Void) -> SignalConnection {
        Signals.connect(pointer, "activate", body)
    }
}

/// A password or PIN field (`GtkPasswordEntry`) that never reveals what was typed.
///
/// There is no peek icon and no way to turn one on; the text is never readable back from
/// the widget through this type, only handed to the model as it is typed. ``clear()``
/// empties the field (lock, sign-out, after each attempt).
@MainActor
public final class PasswordEntry: Widget {
    public init(placeholder: String? = nil) {
        super.init(sinking: gtk_password_entry_new())
        gtk_password_entry_set_show_peek_icon(nhi_password_entry(pointer), 0)
        if let placeholder {
            nhi_object_set_string(pointer, "placeholder-text", placeholder)
            setAccessiblePlaceholder(placeholder)
        }
    }

    /// Whether the field is empty.
    public var isEmpty: Bool { gtk_editable_get_text(nhi_editable(pointer)).pointee == 0 }

    /// Empties the field.
    public func clear() {
        guard !isEmpty else { return }
        gtk_editable_set_text(nhi_editable(pointer), "")
    }

    /// Enter activates the window's default button.
    public func setActivatesDefault(_ on: Bool) { nhi_object_set_bool(pointer, "activates-default", on ? 1 : 0) }

    /// Runs `body` with the field's content after every edit: the only way the secret
    /// leaves the widget, straight into the model that submits it.
    @discardableResult
    public func onChange(_ body: @escaping @MainActor (String) -> Void) -> SignalConnection {
        Signals.connect(pointer, "changed") { [weak self] in
            guard let self else { return }
            body(String(cString: gtk_editable_get_text(nhi_editable(self.pointer))))
        }
    }

    /// Runs `body` when Enter is pressed in the field.
    @discardableResult
    public func onActivate(_ body: @escaping @MainActor () -> Void) -> SignalConnection {
        Signals.connect(pointer, "activate", body)
    }

    /// Types text into the field programmatically (the automation hook).
    public func insert(_ text: String) {
        var position = Int32(gtk_editable_get_position(nhi_editable(pointer)))
        gtk_editable_insert_text(nhi_editable(pointer), text, -1, &position)
    }
}

/// A check box (`GtkCheckButton`).
@MainActor
public final class CheckButton: Widget {
    public init(_ label: String) {
        super.init(sinking: gtk_check_button_new_with_label(label))
    }

    /// Whether it is ticked.
    public var isActive: Bool {
        get { gtk_check_button_get_active(nhi_check_button(pointer)) != 0 }
        set {
            guard newValue != isActive else { return }
            gtk_check_button_set_active(nhi_check_button(pointer), newValue ? 1 : 0)
        }
    }

    /// The caption.
    public var label: String {
        get { gtk_check_button_get_label(nhi_check_button(pointer)).map { String(cString: $0) } ?? "" }
        set { gtk_check_button_set_label(nhi_check_button(pointer), newValue) }
    }

    /// Makes this a radio button in the same group as `other` (one of them is active).
    public func joinGroup(of other: CheckButton) {
        gtk_check_button_set_group(nhi_check_button(pointer), nhi_check_button(other.pointer))
    }

    /// Runs `body` with the new state when it is toggled.
    @discardableResult
    public func onToggle(_ body: @escaping @MainActor (Bool) -> Void) -> SignalConnection {
        Signals.connect(pointer, "toggled") { [weak self] in
            guard let self else { return }
            body(self.isActive)
        }
    }
}

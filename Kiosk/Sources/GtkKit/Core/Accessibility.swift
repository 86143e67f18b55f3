import CGtk

/// Accessible properties every kiosk control sets: GTK maps them onto AT-SPI, where screen
/// readers and the end-to-end tests (dogtail) find controls by role and name.
extension Widget {
    /// The accessible name (`GTK_ACCESSIBLE_PROPERTY_LABEL`). Controls whose visible label
    /// already names them get it from GTK; set it for everything else.
    public func setAccessibleName(_ name: String) { nhi_accessible_set_label(pointer, name) }

    /// A longer accessible description (what the control does, the current error).
    public func setAccessibleDescription(_ text: String) { nhi_accessible_set_description(pointer, text) }

    /// The human-readable value (`GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT`), e.g. "4 digits entered".
    public func setAccessibleValue(_ text: String) { nhi_accessible_set_value_text(pointer, text) }

    /// The accessible placeholder hint.
    public func setAccessiblePlaceholder(_ text: String) { nhi_accessible_set_placeholder(pointer, text) }

    /// Keyboard shortcuts, in ARIA syntax (`"Control+L"`).
    public func setAccessibleKeyShortcuts(_ text: String) { nhi_accessible_set_key_shortcuts(pointer, text) }

    /// Marks a form field as required.
    public func setAccessibleRequired(_ required: Bool) { nhi_accessible_set_required(pointer, required ? 1 : 0) }

    /// Marks a form field's current value as invalid (screen readers announce it).
    public func setAccessibleInvalid(_ invalid: Bool) { nhi_accessible_set_invalid(pointer, invalid ? 1 : 0) }

    /// Marks a region as busy (work in progress).
    public func setAccessibleBusy(_ busy: Bool) { nhi_accessible_set_busy(pointer, busy ? 1 : 0) }

    /// This widget is labelled by `label` (a visible caption next to an entry).
    public func setLabelledBy(_ label: Widget) { nhi_accessible_set_labelled_by(pointer, label.pointer) }

    /// This widget is described by `description` (a field's live error line).
    public func setDescribedBy(_ description: Widget) { nhi_accessible_set_described_by(pointer, description.pointer) }
}

/// Accessible roles the kiosk gives containers and labels (construct-only in GTK).
public enum AccessibleRole: Sendable {
    case group, status, alert, banner, navigation, region, form, heading, dialog, document

    var gtk: GtkAccessibleRole {
        switch self {
        case .group: GTK_ACCESSIBLE_ROLE_GROUP
        case .status: GTK_ACCESSIBLE_ROLE_STATUS
        case .alert: GTK_ACCESSIBLE_ROLE_ALERT
        case .banner: GTK_ACCESSIBLE_ROLE_BANNER
        case .navigation: GTK_ACCESSIBLE_ROLE_NAVIGATION
        case .region: GTK_ACCESSIBLE_ROLE_REGION
        case .form: GTK_ACCESSIBLE_ROLE_FORM
        case .heading: GTK_ACCESSIBLE_ROLE_HEADING
        case .dialog: GTK_ACCESSIBLE_ROLE_DIALOG
        case .document: GTK_ACCESSIBLE_ROLE_DOCUMENT
        }
    }
}

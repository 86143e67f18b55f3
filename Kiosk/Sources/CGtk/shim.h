#ifndef NHI_CGTK_SHIM_H
#define NHI_CGTK_SHIM_H
// GTK 4 for Swift. Swift imports no function-like macros and no variadic functions, so the
// few GTK/GLib macros and varargs calls the kiosk uses are re-exposed here as static inline
// functions with fixed signatures. Casts go through the checked GTK_* macros, so a wrong
// cast is reported by GLib instead of corrupting memory.
#include <gtk/gtk.h>
#include <glib-unix.h>
#include <pango/pangocairo.h>

// MARK: - libdispatch's main queue, driven from the GLib main loop (see MainLoopBridge.swift)
// Exported by swift-corelibs-libdispatch (used by CoreFoundation's run loop); not in a public
// header. On Linux the handle is an eventfd.
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *msg);

// MARK: - Checked casts (GTK_WINDOW(p), G_OBJECT(p), …)
static inline GObject *nhi_object(gpointer p) { return G_OBJECT(p); }
static inline GApplication *nhi_application(gpointer p) { return G_APPLICATION(p); }
static inline GtkWidget *nhi_widget(gpointer p) { return GTK_WIDGET(p); }
static inline GtkWindow *nhi_window(gpointer p) { return GTK_WINDOW(p); }
static inline GtkBox *nhi_box(gpointer p) { return GTK_BOX(p); }
static inline GtkOrientable *nhi_orientable(gpointer p) { return GTK_ORIENTABLE(p); }
static inline GtkGrid *nhi_grid(gpointer p) { return GTK_GRID(p); }
static inline GtkStack *nhi_stack(gpointer p) { return GTK_STACK(p); }
static inline GtkOverlay *nhi_overlay(gpointer p) { return GTK_OVERLAY(p); }
static inline GtkLabel *nhi_label(gpointer p) { return GTK_LABEL(p); }
static inline GtkButton *nhi_button(gpointer p) { return GTK_BUTTON(p); }
static inline GtkEditable *nhi_editable(gpointer p) { return GTK_EDITABLE(p); }
static inline GtkEntry *nhi_entry(gpointer p) { return GTK_ENTRY(p); }
static inline GtkPasswordEntry *nhi_password_entry(gpointer p) { return GTK_PASSWORD_ENTRY(p); }
static inline GtkCheckButton *nhi_check_button(gpointer p) { return GTK_CHECK_BUTTON(p); }
static inline GtkDropDown *nhi_drop_down(gpointer p) { return GTK_DROP_DOWN(p); }
static inline GtkListBox *nhi_list_box(gpointer p) { return GTK_LIST_BOX(p); }
static inline GtkListBoxRow *nhi_list_box_row(gpointer p) { return GTK_LIST_BOX_ROW(p); }
static inline GtkPicture *nhi_picture(gpointer p) { return GTK_PICTURE(p); }
static inline GtkScrolledWindow *nhi_scrolled_window(gpointer p) { return GTK_SCROLLED_WINDOW(p); }
static inline GtkProgressBar *nhi_progress_bar(gpointer p) { return GTK_PROGRESS_BAR(p); }
static inline GtkAccessible *nhi_accessible(gpointer p) { return GTK_ACCESSIBLE(p); }
static inline GtkNative *nhi_native(gpointer p) { return GTK_NATIVE(p); }
static inline GtkNativeDialog *nhi_native_dialog(gpointer p) { return GTK_NATIVE_DIALOG(p); }
static inline GtkFileChooser *nhi_file_chooser(gpointer p) { return GTK_FILE_CHOOSER(p); }
static inline GtkEventController *nhi_event_controller(gpointer p) { return GTK_EVENT_CONTROLLER(p); }
static inline GtkGestureSingle *nhi_gesture_single(gpointer p) { return GTK_GESTURE_SINGLE(p); }
static inline GtkPrintOperation *nhi_print_operation(gpointer p) { return GTK_PRINT_OPERATION(p); }
static inline GtkPrintContext *nhi_print_context(gpointer p) { return GTK_PRINT_CONTEXT(p); }
static inline GListModel *nhi_list_model(gpointer p) { return G_LIST_MODEL(p); }
static inline GtkStyleProvider *nhi_style_provider(gpointer p) { return GTK_STYLE_PROVIDER(p); }
static inline GdkPaintable *nhi_paintable(gpointer p) { return GDK_PAINTABLE(p); }

/// G_OBJECT_TYPE_NAME(p), for diagnostics and the automation hook.
static inline const char *nhi_object_type_name(gpointer p) { return G_OBJECT_TYPE_NAME(p); }

// MARK: - Properties (g_object_set is variadic)
static inline void nhi_object_set_bool(gpointer object, const char *name, gboolean value) {
    g_object_set(object, name, value, NULL);
}
static inline void nhi_object_set_string(gpointer object, const char *name, const char *value) {
    g_object_set(object, name, value, NULL);
}

// MARK: - Signals (g_signal_emit_by_name is variadic)
static inline void nhi_emit_clicked(gpointer button) { g_signal_emit_by_name(button, "clicked"); }

// MARK: - Objects with a construct-only accessible role (g_object_new is variadic)
static inline GtkWidget *nhi_widget_new_with_role(GType type, GtkAccessibleRole role) {
    return GTK_WIDGET(g_object_new(type, "accessible-role", role, NULL));
}

// MARK: - Accessibility (gtk_accessible_update_* are variadic)
static inline void nhi_accessible_set_label(gpointer w, const char *text) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}
static inline void nhi_accessible_set_description(gpointer w, const char *text) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}
static inline void nhi_accessible_set_value_text(gpointer w, const char *text) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}
static inline void nhi_accessible_set_placeholder(gpointer w, const char *text) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, text, -1);
}
static inline void nhi_accessible_set_key_shortcuts(gpointer w, const char *text) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, text, -1);
}
static inline void nhi_accessible_set_required(gpointer w, gboolean required) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_REQUIRED, required, -1);
}
static inline void nhi_accessible_set_invalid(gpointer w, gboolean invalid) {
    gtk_accessible_update_state(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_STATE_INVALID,
                                invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}
static inline void nhi_accessible_set_busy(gpointer w, gboolean busy) {
    gtk_accessible_update_state(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
}
static inline void nhi_accessible_set_labelled_by(gpointer w, gpointer label) {
    gtk_accessible_update_relation(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}
static inline void nhi_accessible_set_described_by(gpointer w, gpointer description) {
    gtk_accessible_update_relation(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL, -1);
}

#endif

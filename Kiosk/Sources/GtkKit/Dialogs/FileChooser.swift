import CGtk

/// Choosing a file to open (`GtkFileChooserNative`; GTK 4.8 has no `GtkFileDialog`). It
/// uses the desktop's portal when there is one and GTK's own dialog otherwise.
@MainActor
public enum FileChooser {
    /// Asks for one existing file; returns its path, or nil when the user cancels.
    /// `patterns` (`["*.csv", "*.CSV"]`) limit what is offered, under the name `filterName`.
    public static func openFile(parent: Window?, title: String, accept: String, cancel: String,
                                filterName: String? = nil, patterns: [String] = []) async -> String? {
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let chooser = gtk_file_chooser_native_new(title, parent.map { nhi_window($0.pointer) },
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, accept, cancel)!
            gtk_native_dialog_set_modal(nhi_native_dialog(chooser.gpointer), 1)
            if !patterns.isEmpty {
                let filter = gtk_file_filter_new()!
                if let filterName { gtk_file_filter_set_name(filter, filterName) }
                for pattern in patterns { gtk_file_filter_add_pattern(filter, pattern) }
                gtk_file_chooser_add_filter(nhi_file_chooser(chooser.gpointer), filter)
                g_object_unref(filter.gpointer)
            }
            Signals.connectWithInt(chooser.gpointer, "response") { response in
                var path: String?
                if response == GTK_RESPONSE_ACCEPT.rawValue,
                   let file = gtk_file_chooser_get_file(nhi_file_chooser(chooser.gpointer)) {
                    if let cPath = g_file_get_path(file) {
                        path = String(cString: cPath)
                        g_free(cPath)
                    }
                    g_object_unref(file.gpointer)
                }
                gtk_native_dialog_destroy(nhi_native_dialog(chooser.gpointer))
                // The reference from gtk_file_chooser_native_new; the emission holds its own.
                g_object_unref(chooser.gpointer)
                continuation.resume(returning: path)
            }
            gtk_native_dialog_show(nhi_native_dialog(chooser.gpointer))
        }
    }
}

import CGtk

/// Application-wide CSS (`GtkCssProvider` on the default display).
@MainActor
public enum StyleSheet {
    /// Loads `css` for the whole application, above the theme. Later calls add more rules.
    public static func apply(_ css: String) {
        guard let display = gdk_display_get_default() else { return }
        let provider = gtk_css_provider_new()
        gtk_css_provider_load_from_data(provider, css, -1)
        gtk_style_context_add_provider_for_display(display, nhi_style_provider(provider),
                                                   guint(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        g_object_unref(provider)
    }
}

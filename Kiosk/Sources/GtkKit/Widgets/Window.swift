import CGtk

/// A toplevel window.
@MainActor
public final class Window: Widget {
    /// A window belonging to `application` (the application runs while it is open).
    public init(application: Application) {
        super.init(sinking: gtk_application_window_new(application.pointer))
    }

    /// A plain window; `role` gives it another accessible role (``AccessibleRole/dialog``).
    public init(role: AccessibleRole? = nil) {
        if let role {
            super.init(sinking: nhi_widget_new_with_role(gtk_window_get_type(), role.gtk))
        } else {
            super.init(sinking: gtk_window_new())
        }
    }

    var window: UnsafeMutablePointer<GtkWindow> { nhi_window(pointer) }

    /// The title (shown by window managers, used by `xdotool search --name`).
    public var title: String {
        get { gtk_window_get_title(window).map { String(cString: $0) } ?? "" }
        set { gtk_window_set_title(window, newValue) }
    }

    /// The window's content.
    public func setChild(_ child: Widget?) { gtk_window_set_child(window, child?.pointer) }

    /// The initial size in pixels.
    public func setDefaultSize(width: Int32, height: Int32) { gtk_window_set_default_size(window, width, height) }

    /// Whether the window manager draws a title bar and borders.
    public var isDecorated: Bool {
        get { gtk_window_get_decorated(window) != 0 }
        set { gtk_window_set_decorated(window, newValue ? 1 : 0) }
    }

    /// Whether the title bar offers a close button.
    public var isDeletable: Bool {
        get { gtk_window_get_deletable(window) != 0 }
        set { gtk_window_set_deletable(window, newValue ? 1 : 0) }
    }

    /// Whether the user may resize the window.
    public var isResizable: Bool {
        get { gtk_window_get_resizable(window) != 0 }
        set { gtk_window_set_resizable(window, newValue ? 1 : 0) }
    }

    /// Modal windows block input to their parent.
    public var isModal: Bool {
        get { gtk_window_get_modal(window) != 0 }
        set { gtk_window_set_modal(window, newValue ? 1 : 0) }
    }

    /// Keeps a dialog above `parent` and centred on it.
    public func setTransient(for parent: Window?) { gtk_window_set_transient_for(window, parent?.window) }

    /// Covers the whole screen (kiosk mode).
    public func fullscreen() { gtk_window_fullscreen(window) }

    /// Leaves full-screen mode.
    public func unfullscreen() { gtk_window_unfullscreen(window) }

    /// Whether the window is currently full screen.
    public var isFullscreen: Bool { gtk_window_is_fullscreen(window) != 0 }

    /// The button that Enter activates when focus is on an entry that activates the default.
    public func setDefaultWidget(_ widget: Widget?) { gtk_window_set_default_widget(window, widget?.pointer) }

    /// The widget that currently has the keyboard focus.
    public var focusedWidget: UnsafeMutablePointer<GtkWidget>? { gtk_window_get_focus(window) }

    /// Shows the window and brings it to the front.
    public func present() { gtk_window_present(window) }

    /// Asks the window to close: emits close-request (see ``onCloseRequest(_:)``).
    public func close() { gtk_window_close(window) }

    /// Closes the window unconditionally, without asking.
    public func destroy() { gtk_window_destroy(window) }

    /// Decides whether a close request (title-bar button, Alt+F4, ``close()``) may proceed:
    /// return true to allow it, false to keep the window open.
    public func onCloseRequest(_ decide: @escaping @MainActor () -> Bool) {
        // GTK's close-request handler returns TRUE to *stop* the close.
        Signals.connectReturningBool(pointer, "close-request") { !decide() }
    }

    /// Called once, after GTK has drawn the window's first frame (start-up measurements).
    public func onFirstFrame(_ body: @escaping @MainActor () -> Void) {
        var done = false
        Signals.connect(pointer, "map", after: true) { [weak self] in
            guard let self, !done, let surface = gtk_native_get_surface(nhi_native(self.pointer)),
                  let clock = gdk_surface_get_frame_clock(surface) else { return }
            var connection: SignalConnection?
            connection = Signals.connect(clock.gpointer, "after-paint") {
                guard !done else { return }
                done = true
                connection?.disconnect()
                body()
            }
        }
    }
}

import CGtk

/// A `GtkApplication`: starts GTK, runs the main loop and owns the windows.
///
/// ```swift
/// let app = Application(id: "tw.example.kiosk")
/// app.onActivate { let window = Window(application: app); … window.present() }
/// exit(app.run())
/// ```
@MainActor
public final class Application {
    /// The underlying `GtkApplication *`.
    public let pointer: UnsafeMutablePointer<GtkApplication>

    /// Creates the application. Several instances may run at once (kiosks side by side,
    /// tests), so it does not register as a unique D-Bus name.
    public init(id: String) {
        pointer = gtk_application_new(id, G_APPLICATION_NON_UNIQUE)
    }

    isolated deinit {
        g_object_unref(pointer)
    }

    /// Called when the application starts (GLib's `activate`): build the window here.
    public func onActivate(_ body: @escaping @MainActor () -> Void) {
        Signals.connect(pointer, "activate", body)
    }

    /// Runs the main loop until the last window closes or ``quit()`` is called; returns the
    /// exit status. Command-line arguments are not passed to GTK: the kiosk parses its own.
    public func run() -> Int32 {
        MainLoopBridge.install()
        return g_application_run(nhi_application(pointer), 0, nil)
    }

    /// Ends the main loop (``run()`` returns).
    public func quit() {
        g_application_quit(nhi_application(pointer))
    }
}

import CGtk
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs libdispatch's main queue — and with it every `@MainActor` task — inside the GLib
/// main loop.
///
/// On Linux, `DispatchQueue.main` (which backs the main actor) is drained only by
/// `dispatchMain()` or a CoreFoundation run loop. While `g_application_run` owns the main
/// thread, neither runs, so `Task { @MainActor in … }` and every `await` that resumes on the
/// main actor would never proceed. libdispatch signals pending main-queue work through an
/// eventfd; this bridge watches it with `g_unix_fd_add` and, when it fires, clears the
/// eventfd (otherwise GLib would see it readable forever and spin) and drains the queue.
@MainActor
public enum MainLoopBridge {
    private static var sourceID: guint = 0

    /// Installs the watch once; later calls do nothing. ``Application/run()`` calls it.
    public static func install() {
        guard sourceID == 0 else { return }
        let fd = _dispatch_get_main_queue_handle_4CF()
        precondition(fd >= 0, "GtkKit: libdispatch has no main-queue handle")
        sourceID = g_unix_fd_add(fd, G_IO_IN, { fd, _, _ in
            var counter: UInt64 = 0
            _ = withUnsafeMutableBytes(of: &counter) { read(fd, $0.baseAddress, 8) }
            _dispatch_main_queue_callback_4CF(nil)
            return 1 // G_SOURCE_CONTINUE
        }, nil)
        // Work queued before the watch existed has already signalled the eventfd, which the
        // watch sees on the first loop iteration; nothing is lost.
    }
}

import CGtk

/// Runs a closure on the main loop when the process receives a Unix signal
/// (`g_unix_signal_add_full`: SIGTERM, SIGINT, SIGHUP …), instead of the default action of
/// ending the process on the spot — so the application can quit cleanly and tidy up.
@MainActor
public final class UnixSignalWatch {
    private final class State {
        let body: @MainActor () -> Void
        var sourceID: guint = 0
        init(body: @escaping @MainActor () -> Void) { self.body = body }
    }

    private let state: State

    /// Watches `signal` until cancelled; `body` runs once per delivery.
    public init(_ signal: Int32, _ body: @escaping @MainActor () -> Void) {
        state = State(body: body)
        state.sourceID = g_unix_signal_add_full(G_PRIORITY_HIGH, signal, { data in
            let state = ClosureBox<State>.from(data).body
            MainActor.assumeIsolated { state.body() }
            return 1
        }, ClosureBox(state).retainedPointer(), releaseBoxDestroyNotify)
    }

    /// Stops watching (the signal's default action applies again).
    public func cancel() {
        guard state.sourceID != 0 else { return }
        g_source_remove(state.sourceID)
        state.sourceID = 0
    }

    isolated deinit {
        cancel()
    }
}

import CGtk

/// A repeating or one-shot GLib timeout (`g_timeout_add_full`) running a closure on the
/// main loop. Cancel it with ``cancel()``; it is also cancelled when this value is released.
@MainActor
public final class Timeout {
    private final class State {
        let body: @MainActor () -> Bool
        var sourceID: guint = 0
        init(body: @escaping @MainActor () -> Bool) { self.body = body }
    }

    private let state: State

    /// Calls `body` every `milliseconds` until it returns false or the timeout is cancelled.
    public init(every milliseconds: UInt32, _ body: @escaping @MainActor () -> Bool) {
        state = State(body: body)
        let box = ClosureBox(state)
        state.sourceID = g_timeout_add_full(G_PRIORITY_DEFAULT, milliseconds, { data in
            let state = ClosureBox<State>.from(data).body
            let again = MainActor.assumeIsolated { state.body() }
            if !again { state.sourceID = 0 }
            return again ? 1 : 0
        }, box.retainedPointer(), releaseBoxDestroyNotify)
    }

    /// Calls `body` once after `milliseconds`.
    public convenience init(after milliseconds: UInt32, _ body: @escaping @MainActor () -> Void) {
        self.init(every: milliseconds) { body(); return false }
    }

    /// Whether the timeout will still fire.
    public var isActive: Bool { state.sourceID != 0 }

    /// Stops the timeout; harmless when it has already finished.
    public func cancel() {
        guard state.sourceID != 0 else { return }
        g_source_remove(state.sourceID)
        state.sourceID = 0
    }

    isolated deinit {
        cancel()
    }
}

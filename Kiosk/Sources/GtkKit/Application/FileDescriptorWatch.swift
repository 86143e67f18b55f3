import CGtk

/// Calls a closure on the main loop whenever a file descriptor is readable
/// (`g_unix_fd_add_full`): sockets and pipes without a thread of their own.
@MainActor
public final class FileDescriptorWatch {
    private final class State {
        let body: @MainActor (Int32) -> Bool
        var sourceID: guint = 0
        init(body: @escaping @MainActor (Int32) -> Bool) { self.body = body }
    }

    private let state: State

    /// Watches `fd` for input; `body` returns false to stop watching.
    public init(fd: Int32, _ body: @escaping @MainActor (Int32) -> Bool) {
        state = State(body: body)
        state.sourceID = g_unix_fd_add_full(G_PRIORITY_DEFAULT, fd, G_IO_IN, { fd, _, data in
            let state = ClosureBox<State>.from(data).body
            let again = MainActor.assumeIsolated { state.body(fd) }
            if !again { state.sourceID = 0 }
            return again ? 1 : 0
        }, ClosureBox(state).retainedPointer(), releaseBoxDestroyNotify)
    }

    /// Stops watching; harmless when already stopped.
    public func cancel() {
        guard state.sourceID != 0 else { return }
        g_source_remove(state.sourceID)
        state.sourceID = 0
    }

    isolated deinit {
        cancel()
    }
}

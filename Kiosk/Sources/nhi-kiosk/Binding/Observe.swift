import Observation

/// Runs `apply` now and again after every change to an observable property it read.
///
/// The re-run is scheduled as a main-actor task (it runs on the GTK main loop through
/// GtkKit's main-loop bridge), so several changes in one event become one update.
@MainActor
func observe(_ apply: @escaping @MainActor @Sendable () -> Void) {
    withObservationTracking(apply, onChange: {
        Task { @MainActor in observe(apply) }
    })
}

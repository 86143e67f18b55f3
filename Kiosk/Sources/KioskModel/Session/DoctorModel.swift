import Observation

/// Reader diagnostics (the doctor): runs the SDK's checks and lists the results.
@Observable
@MainActor
public final class DoctorModel {
    public private(set) var checks: [ReaderCheck] = []
    public private(set) var isRunning = false
    @ObservationIgnored private let readers: (any ReaderDirectory)?

    public init(readers: (any ReaderDirectory)?) {
        self.readers = readers
    }

    /// Whether diagnostics are connected to the SDK.
    public var isAvailable: Bool { readers != nil }

    /// Runs the checks again.
    public func run() async {
        guard let readers, !isRunning else { return }
        isRunning = true
        checks = await readers.diagnose()
        isRunning = false
    }
}

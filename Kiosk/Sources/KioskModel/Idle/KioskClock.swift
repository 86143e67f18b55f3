/// A monotonic clock for timeouts and countdowns. The kiosk runs on ``SystemClock``; tests
/// inject one they advance by hand, so every timeout is tested without waiting.
@MainActor
public protocol KioskClock: AnyObject {
    /// Time since an arbitrary, fixed origin; never goes backwards.
    var now: Duration { get }
}

/// The real monotonic clock (`ContinuousClock`: keeps counting while the machine sleeps,
/// so a kiosk that wakes up after an hour locks at once).
@MainActor
public final class SystemClock: KioskClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Duration { ContinuousClock.now - origin }
}

/// Where the idle countdown stands.
public enum IdleState: Sendable, Hashable {
    /// Someone used the kiosk recently.
    case active
    /// Nobody has touched it for a while: the lock comes in `secondsLeft` seconds.
    case warning(secondsLeft: Int)
    /// The timeout has passed.
    case expired
}

/// Decides when the kiosk has been idle long enough to lock.
///
/// It owns no timer: the shell asks for ``state`` on every tick (once a second from the GTK
/// main loop, or by hand in tests) and reports input with ``noteActivity()``.
@MainActor
public final class IdleTimer {
    private let clock: any KioskClock
    private var lastActivity: Duration

    /// How long without input before the lock.
    public var timeout: Duration {
        didSet { noteActivity() }
    }

    /// How long before the lock the warning appears: a quarter of the timeout, at most 15 s.
    public var warningLead: Duration { min(timeout / 4, .seconds(15)) }

    public init(timeout: Duration, clock: any KioskClock) {
        self.clock = clock
        self.timeout = timeout
        lastActivity = clock.now
    }

    /// Someone touched the screen or pressed a key: start counting again.
    public func noteActivity() { lastActivity = clock.now }

    /// Time since the last input.
    public var idleFor: Duration { clock.now - lastActivity }

    /// The state now.
    public var state: IdleState {
        let idle = idleFor
        if idle >= timeout { return .expired }
        let left = timeout - idle
        guard left <= warningLead else { return .active }
        // Round up: "1 s left" until the very end.
        let (seconds, attoseconds) = left.components
        return .warning(secondsLeft: Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}

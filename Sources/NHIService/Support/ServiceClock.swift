import Foundation
import Synchronization
import NHICore

/// The service's notion of "now", injectable so tests and the nightly jobs can run at any
/// time of day: the SDK's one clock protocol, `NHIClock` (NHICore), which the login flows
/// take too.
public typealias ServiceClock = NHIClock

/// The system clock.
public struct SystemClock: ServiceClock {
    /// Creates the system clock.
    public init() {}
    /// The current time, `Date()`.
    public var now: Date { Date() }
}

/// A clock that stays where it is put; for tests, demos and the nightly job runner.
public final class ManualClock: ServiceClock, Sendable {
    private let current: Mutex<Date>

    /// A clock at `start`, until it is advanced or set.
    public init(_ start: Date) { current = Mutex(start) }

    /// A clock at `hour:minute` Taiwan time on `date`.
    public convenience init(_ date: CalendarDate, hour: Int = 9, minute: Int = 0) {
        self.init(date.startInTaiwan.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60)))
    }

    /// The time the clock was put at.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds` (backward for a negative value).
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    /// Puts the clock at `date`.
    public func set(_ date: Date) { current.withLock { $0 = date } }
    /// Puts the clock at `hour:minute` Taiwan time (UTC+8) on `date`; 09:00 by default.
    public func set(_ date: CalendarDate, hour: Int = 9, minute: Int = 0) {
        set(date.startInTaiwan.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60)))
    }
}

extension Date {
    /// Hour and minute in Taiwan (UTC+8).
    var taiwanTimeOfDay: (hour: Int, minute: Int, second: Int) {
        let seconds = ((Int(timeIntervalSince1970.rounded(.down)) + 8 * 3600) % 86_400 + 86_400) % 86_400
        return (seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }
}

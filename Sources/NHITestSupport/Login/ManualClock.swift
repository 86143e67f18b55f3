import Foundation
import NHILogin

/// A ``LoginClock`` that stands still until a test moves it.
///
/// ```swift
/// let clock = ManualClock(Date(timeIntervalSince1970: 1_111_111_109))
/// clock.advance(by: 175)
/// ```
public final class ManualClock: LoginClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// A clock showing `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = start
    }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    /// Sets the clock.
    public func set(_ date: Date) {
        lock.withLock { current = date }
    }
}

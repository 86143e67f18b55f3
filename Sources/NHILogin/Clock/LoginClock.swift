import Foundation

/// Where a login flow gets the time: token lifetimes, OTP windows and suspensions all
/// depend on it, so tests inject their own (`NHITestSupport.ManualClock`).
public protocol LoginClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's clock.
public struct SystemClock: LoginClock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Date { Date() }
}

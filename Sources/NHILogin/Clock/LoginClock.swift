import Foundation

/// Where a login flow gets the time: token lifetimes, OTP windows and suspensions all
/// depend on it, so tests inject their own. The service's clocks (`NHIService.SystemClock`,
/// `NHIService.ManualClock`) are login clocks too.
public protocol LoginClock: Sendable {
    /// The current instant.
    var now: Date { get }
}

/// The system's clock.
public struct SystemLoginClock: LoginClock {
    /// Creates the system clock.
    public init() {}
    /// `Date()`.
    public var now: Date { Date() }
}

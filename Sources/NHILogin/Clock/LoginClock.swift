import Foundation

import NHICore

/// Where a login flow gets the time: token lifetimes, OTP windows and suspensions all
/// depend on it, so tests inject their own. It is the SDK's one clock protocol, `NHIClock`
/// (NHICore): NHIService's `SystemClock` and `ManualClock` are login clocks too.
public typealias LoginClock = NHIClock

/// The system's clock.
public struct SystemLoginClock: LoginClock {
    /// Creates the system clock.
    public init() {}
    /// `Date()`.
    public var now: Date { Date() }
}

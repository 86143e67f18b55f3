import Foundation

/// The one notion of "now" every part of the SDK takes: the service (`ServiceClock`), the
/// login flows (`LoginClock`) and programs built on them, so a program (or a test) injects
/// one clock everywhere. NHIService has the system clock (`SystemClock`) and a clock tests
/// set and advance by hand (`ManualClock`).
///
/// The kiosk's `KioskClock` is a different thing on purpose: a monotonic duration for
/// timeouts and countdowns, not a calendar instant.
public protocol NHIClock: Sendable {
    /// The current instant.
    var now: Date { get }
}

extension NHIClock {
    /// Today in Taiwan.
    public var today: CalendarDate { CalendarDate.today(at: now) }
}

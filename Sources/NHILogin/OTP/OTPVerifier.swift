import Foundation
import NHICore

/// What the service says about an NHI-app OTP login.
public enum OTPVerification: Sendable, Hashable {
    /// Right: the login succeeds.
    case accepted(name: String?)
    /// ID and birth date do not match a person with a bound device.
    case identityMismatch
    /// No NHI-app device is bound to the ID.
    case deviceNotBound
    /// The code is wrong; attempts left before suspension.
    case incorrect(remainingAttempts: Int)
    /// The code is older than 3 minutes.
    case expired
    /// The code was already used.
    case reused
    /// Too many wrong codes: suspended until then.
    case suspended(until: Date)
    /// The person is not the owner of the unit they want to act for.
    case notOwner(of: UnitCode)
}

/// Checks an NHI-app OTP for an ID and birth date against the device secret registered
/// when the phone was bound (裝置認證). Implementations apply ``TOTP``,
/// ``OTPAcceptance/nhiApp`` and, against guessing, ``PasswordAttemptPolicy``.
public protocol OTPVerifier: Sendable {
    /// Verifies `code` (6 digits) for the person; with `unitCode`, also that they own the unit.
    func verify(code: String, for id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode?,
                at now: Date) async throws(LoginError) -> OTPVerification
}

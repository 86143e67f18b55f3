import Foundation
import NHICards
import NHICore

/// What the service says about a registration password.
public enum PasswordVerification: Sendable, Hashable {
    /// Right: the login succeeds. `name` is the account's name if the service keeps one.
    case accepted(name: String?)
    /// Wrong, with attempts left before suspension.
    case rejected(remainingAttempts: Int)
    /// Suspended until then (3 wrong passwords → 10 minutes); the password was not checked.
    case suspended(until: Date)
    /// The card is not registered for NHI online services.
    case notRegistered
    /// The person is not the owner of the unit they want to act for.
    case notOwner(of: UnitCode)
}

/// Checks an NHI card's registration password (註冊密碼). The service implements it
/// against its store, applying ``PasswordAttemptPolicy/nhiCard``; `NHITestSupport` has an
/// in-memory one for tests, and ``LoginFileStore`` a file-backed one for the `nhi` tool.
public protocol RegistrationPasswordVerifier: Sendable {
    /// Verifies `password` for the card's holder; with `unitCode`, also that the holder is
    /// that unit's owner (the seeds' "log in as owner to assign administrators").
    func verify(_ password: RegistrationPassword, for card: NHICardIdentity, actingAsOwnerOf unitCode: UnitCode?,
                at now: Date) async throws(LoginError) -> PasswordVerification
}

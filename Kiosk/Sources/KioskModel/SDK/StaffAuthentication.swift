import NHICore
import NHIService
// The sign-in types (sessions, credentials, unit choices) are the SDK's; screens name them directly.
@_exported import NHISignIn

/// How a member of staff signs in: the SDK's `SignInMethod` (NHISignIn), by the name the
/// kiosk's screens have always used.
public typealias LoginMethod = SignInMethod

extension StaffSession {
    /// Whether `other` is this session signed in again: the same person (or unit, for an
    /// organisation certificate), the same unit and the same way of signing in.
    public func resumes(as other: StaffSession) -> Bool {
        other.name == name && other.maskedID == maskedID && other.unitCode == unitCode && other.method == method
    }

    /// Who is signed in, as the header shows it: `陳志明（管理者）`, `陳志明（負責人）` for the
    /// owner signed in as owner, or for an organisation certificate
    /// `示範科技股份有限公司（單位憑證・管理者）`.
    public var badge: Text {
        if isOrganisation { return .organisationBadge(name: name) }
        return caller.standing == .owner ? .ownerBadge(name: name) : .staffBadge(name: name, role: role)
    }
}

/// **SDK contract:** signs staff in with every method of SPEC §2 — NHISignIn's
/// `StaffSignIn` (KioskSDK makes it one), or a stand-in in the kiosk's tests.
///
/// Errors thrown should be `CodedError`s carrying the seeds' codes (9039 wrong password,
/// 9041 PIN length, 9043 locked, 9056 no card, 9057 unrecognised card, 66501 expired
/// certificate); the kiosk shows their message and never the secret.
public protocol StaffAuthenticator: Sendable {
    /// Signs in with a card + password, a certificate + PIN, or an OTP. A person assigned
    /// to several units gets `StaffSignInOutcome.chooseUnit(_:)`.
    func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome
    /// Starts a QR-code sign-in and returns the code to show.
    func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge
    /// Waits until the app confirms `challenge` (or throws when it is refused). The kiosk
    /// cancels the task when the code expires, is regenerated, or the screen is wiped.
    func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome
    /// Opens the session for `unit`, one of `choice`'s units. The choice is used up either
    /// way; an unknown, used or expired one is refused (`signIn.unitChoiceExpired`).
    func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession
    /// Forgets `choice` (cancelled, idle, lock, sign-out): nothing of it is kept.
    func cancel(_ choice: StaffUnitChoice) async
    /// The session ended on this kiosk (sign-out, lock, idle): a session a server holds is
    /// revoked there. The local service keeps none, so by default nothing happens.
    func signOut(_ session: StaffSession) async
    /// The sign-in methods this authenticator offers, in the order the screen lists them.
    var methods: [SignInMethod] { get }
}

extension StaffAuthenticator {
    public func signOut(_ session: StaffSession) async {}
    public var methods: [SignInMethod] { SignInMethod.allCases }
}

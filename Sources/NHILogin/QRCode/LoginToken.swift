import Foundation
import NHICore

/// The phone app that confirms a QR login.
public enum ConfirmingApp: String, Sendable, Hashable, Codable, CaseIterable {
    /// 健保快易通 (the NHI app): QR-code login.
    case nhiApp = "nhi-app"
    /// TW FidO (行動自然人憑證): the mobile citizen certificate.
    case twFidO = "tw-fido"

    /// The login method this app stands for.
    public var method: LoginMethod { self == .nhiApp ? .appQRCode : .twFidO }
}

/// A one-time login token shown as a QR code: random, single use, living
/// ``LoginToken/lifetime`` (2:55, the countdown of seed 004).
public struct LoginToken: Sendable, Hashable, Codable {
    /// 2 minutes 55 seconds.
    public static let lifetime: TimeInterval = 175

    /// 128 random bits, base64url without padding (22 characters).
    public let value: String
    /// Which app must confirm it.
    public let app: ConfirmingApp
    /// The ID typed at the counter (the phone must belong to this person).
    public let requestedID: String
    /// The birth date typed at the counter.
    public let birthDate: CalendarDate
    /// The unit to act for as its owner, if any.
    public let unitCode: String?
    /// When it was issued.
    public let issuedAt: Date
    /// When it stops being accepted.
    public let expiresAt: Date

    /// Creates a token with a fresh random value.
    public init(app: ConfirmingApp, requestedID: PersonalID, birthDate: CalendarDate, unitCode: UnitCode?, issuedAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.value = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        self.app = app
        self.requestedID = requestedID.rawValue
        self.birthDate = birthDate
        self.unitCode = unitCode?.rawValue
        self.issuedAt = issuedAt
        self.expiresAt = issuedAt.addingTimeInterval(Self.lifetime)
    }

    /// The text the QR code encodes.
    public var payload: LoginQRPayload { LoginQRPayload(app: app, token: value, expiresAt: expiresAt) }

    /// Seconds left at `now` (0 once expired), for the countdown.
    public func secondsLeft(at now: Date) -> Int { max(0, Int(expiresAt.timeIntervalSince(now).rounded(.up))) }
}

/// The content of a login QR code — our own documented format (the NHI's is not public):
///
/// ```
/// nhilogin:v1:<app>:<token>:<expires>
/// nhilogin:v1:nhi-app:q3X0ZlV1c2VyVG9rZW4xMg:1767225775
/// ```
///
/// `<app>` is `nhi-app` or `tw-fido`, `<token>` the 22-character base64url token,
/// `<expires>` the expiry as Unix seconds (for the phone's countdown). The ID and the
/// birth date are not in the code: whoever photographs the screen learns nothing personal.
public struct LoginQRPayload: Sendable, Hashable, CustomStringConvertible {
    /// The app that must confirm.
    public let app: ConfirmingApp
    /// The token.
    public let token: String
    /// When the token expires.
    public let expiresAt: Date

    /// Creates a payload.
    public init(app: ConfirmingApp, token: String, expiresAt: Date) {
        self.app = app
        self.token = token
        self.expiresAt = expiresAt
    }

    /// Parses the text of a scanned code; throws ``LoginError/Code/payloadInvalid``.
    public init(parsing text: String) throws(LoginError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "nhilogin", parts[1] == "v1",
              let app = ConfirmingApp(rawValue: String(parts[2])),
              parts[3].count == 22, parts[3].utf8.allSatisfy({ Self.base64url.contains($0) }),
              let expires = Int(parts[4]), expires > 0 else {
            throw LoginError(.payloadInvalid)
        }
        self.init(app: app, token: String(parts[3]), expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)))
    }

    /// `nhilogin:v1:<app>:<token>:<expires>`.
    public var description: String { "nhilogin:v1:\(app.rawValue):\(token):\(Int(expiresAt.timeIntervalSince1970))" }

    private static let base64url = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}

/// Where a token stands.
public enum LoginTokenStatus: Sendable, Hashable {
    /// Waiting for the phone.
    case pending(expiresAt: Date)
    /// The phone confirmed; the counter may now consume the token.
    case confirmed(at: Date)
    /// Not confirmed in time.
    case expired
    /// Already used for a login.
    case consumed
}

/// The confirmation API between the counter and the phone (the "service" side of QR and
/// TW FidO logins). The counter issues a token and polls it; the phone app confirms it
/// for its bound identity; the counter consumes it once. ``LoginFileStore`` implements it
/// on a file (shared by the `nhi` tool and `nhi-phone`); the service implements it on SQLite.
public protocol LoginConfirmationService: Sendable {
    /// Issues a token for a login request typed at the counter.
    func issue(app: ConfirmingApp, for id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode?,
               at now: Date) async throws(LoginError) -> LoginToken
    /// The phone confirms `token` for the person its app is bound to. Throws
    /// ``LoginError/Code/tokenExpired``, ``LoginError/Code/tokenUnknown``,
    /// ``LoginError/Code/tokenUsed`` or ``LoginError/Code/tokenIdentityMismatch``.
    func confirm(_ token: String, by app: ConfirmingApp, as id: PersonalID, at now: Date) async throws(LoginError)
    /// Where `token` stands.
    func status(of token: String, at now: Date) async throws(LoginError) -> LoginTokenStatus
    /// Uses a confirmed token for the login, exactly once.
    func consume(_ token: String, at now: Date) async throws(LoginError) -> LoginToken
}

import Foundation
import NHICore
import NHILogin

/// The state of a personal NHI-card online-service registration (健保卡網路服務註冊).
public enum PersonalAccountStatus: String, Sendable, Hashable, Codable {
    /// Waiting for e-mail verification and a password (5 days).
    case pendingVerification
    /// Verified; the card + password log in.
    case active
    /// Cancelled by the person (刪除註冊申請) before verification.
    case cancelled
    /// Suspended in person at a service counter (註冊專用暫停).
    case suspended
}

/// A person's NHI-card online-service account.
public struct PersonalAccount: Sendable, Hashable, Codable {
    public let personID: PersonalID
    public var cardNumber: NHICardNumber?
    /// 戶號 (household number from the household register); nil for batch registrations.
    public var householdNumber: String?
    /// 戶籍鄉鎮里鄰.
    public var registeredVillage: String?
    public var phones: ContactPhones?
    public var email: EmailAddress
    public var status: PersonalAccountStatus
    public var passwordHash: PasswordHash?
    /// SHA-256 of the pending verification or reset token (the token itself is only mailed).
    public var tokenDigest: Data?
    public var tokenPurpose: String?
    public var tokenExpiresAt: Date?
    public var failedAttempts: Int
    public var suspendedUntil: Date?
    public let createdAt: Date
    /// The unit that batch-registered this person, if any.
    public var registeredByUnit: UnitCode?
    /// Wrong NHI-app OTPs under `PasswordAttemptPolicy` (nil: none yet).
    public var otpAttempts: PasswordAttemptPolicy.Record?

    /// The registration-password attempt record, as `PasswordAttemptPolicy` sees it.
    public var attempts: PasswordAttemptPolicy.Record {
        get { PasswordAttemptPolicy.Record(failures: failedAttempts, suspendedUntil: suspendedUntil) }
        set {
            failedAttempts = newValue.failures
            suspendedUntil = newValue.suspendedUntil
        }
    }

    public init(personID: PersonalID, cardNumber: NHICardNumber?, householdNumber: String?, registeredVillage: String?,
                phones: ContactPhones?, email: EmailAddress, status: PersonalAccountStatus, passwordHash: PasswordHash?,
                tokenDigest: Data?, tokenPurpose: String?, tokenExpiresAt: Date?, failedAttempts: Int, suspendedUntil: Date?,
                createdAt: Date, registeredByUnit: UnitCode?, otpAttempts: PasswordAttemptPolicy.Record? = nil) {
        self.personID = personID
        self.cardNumber = cardNumber
        self.householdNumber = householdNumber
        self.registeredVillage = registeredVillage
        self.phones = phones
        self.email = email
        self.status = status
        self.passwordHash = passwordHash
        self.tokenDigest = tokenDigest
        self.tokenPurpose = tokenPurpose
        self.tokenExpiresAt = tokenExpiresAt
        self.failedAttempts = failedAttempts
        self.suspendedUntil = suspendedUntil
        self.createdAt = createdAt
        self.registeredByUnit = registeredByUnit
        self.otpAttempts = otpAttempts
    }
}

/// A mobile device bound to a person in the NHI app (裝置認證): the secret behind OTP and
/// QR-code logins.
public struct BoundDevice: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let personID: PersonalID
    public let label: String
    /// The TOTP secret (RFC 6238). Never logged or shown after binding.
    public let secret: Data
    public let boundAt: Date
    public var revokedAt: Date?
    /// The birth date confirmed when the device was bound (OTP logins ask for it again).
    public let birthDate: CalendarDate?
    /// The last TOTP step accepted from this device: older or equal steps are replays.
    public var lastAcceptedCounter: Int64?

    public init(id: Int64, personID: PersonalID, label: String, secret: Data, boundAt: Date, revokedAt: Date?,
                birthDate: CalendarDate? = nil, lastAcceptedCounter: Int64? = nil) {
        self.id = id
        self.personID = personID
        self.label = label
        self.secret = secret
        self.boundAt = boundAt
        self.revokedAt = revokedAt
        self.birthDate = birthDate
        self.lastAcceptedCounter = lastAcceptedCounter
    }
}

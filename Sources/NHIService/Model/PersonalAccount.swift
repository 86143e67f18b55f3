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
    /// The card holder's national ID or resident number, the account's key.
    public let personID: PersonalID
    /// The NHI card number (健保卡號) read at registration; `nil` for a batch registration until the card is
    /// read at e-mail verification.
    public var cardNumber: NHICardNumber?
    /// 戶號 (household number from the household register); nil for batch registrations.
    public var householdNumber: String?
    /// 戶籍鄉鎮里鄰.
    public var registeredVillage: String?
    /// The holder's landline or mobile number, if given.
    public var phones: ContactPhones?
    /// The e-mail address verification and password-reset mails go to.
    public var email: EmailAddress
    /// Pending verification, active, cancelled or suspended.
    public var status: PersonalAccountStatus
    /// The registration password's hash (註冊密碼); `nil` until the password is set.
    public var passwordHash: PasswordHash?
    /// SHA-256 of the pending verification or reset token (the token itself is only mailed).
    public var tokenDigest: Data?
    /// What the pending token is for: `verify` (e-mail verification) or `reset` (password reset); `nil` when none.
    public var tokenPurpose: String?
    /// When the pending token lapses: 5 days after it was mailed.
    public var tokenExpiresAt: Date?
    /// Consecutive wrong registration passwords, counted by `PasswordAttemptPolicy`.
    public var failedAttempts: Int
    /// Until when password logins are refused after too many wrong passwords; `nil` when not suspended.
    public var suspendedUntil: Date?
    /// When the account was created (registration or batch registration).
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

    /// Creates an account record from its parts, as the store keeps it.
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
    /// The binding's number in the store.
    public let id: Int64
    /// The person the device is bound to.
    public let personID: PersonalID
    /// The device's name as the person gave it (裝置名稱).
    public let label: String
    /// The TOTP secret (RFC 6238). Never logged or shown after binding.
    public let secret: Data
    /// When the device was bound.
    public let boundAt: Date
    /// When the binding was revoked; `nil` while the device may still log in.
    public var revokedAt: Date?
    /// The birth date confirmed when the device was bound (OTP logins ask for it again).
    public let birthDate: CalendarDate?
    /// The last TOTP step accepted from this device: older or equal steps are replays.
    public var lastAcceptedCounter: Int64?

    /// Creates a binding record from its parts, as the store keeps it.
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

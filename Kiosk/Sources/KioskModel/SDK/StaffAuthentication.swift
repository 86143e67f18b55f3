import NHICore
import NHIService

/// How a member of staff signs in (SPEC §2).
public enum LoginMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 健保卡 + 註冊密碼.
    case nhiCard
    /// 憑證 (citizen or organisation certificate card) + PIN on the on-screen keypad.
    case certificate
    /// 健保快易通 OTP: national ID + birth date + the app's one-time code.
    case nhiAppOTP
    /// 健保快易通 QR code: the kiosk shows a code the app scans.
    case nhiAppQR
    /// TW FidO 行動自然人憑證: the kiosk shows a code the TW FidO app scans.
    case twFido

    /// Whether this method shows a QR code and waits for an app.
    public var usesApp: Bool { self == .nhiAppQR || self == .twFido }
    /// Whether this method reads a card in a reader.
    public var usesCard: Bool { self == .nhiCard || self == .certificate }
}

/// A signed-in member of staff — or an insured unit signed in by its organisation
/// certificate (工商／政府／組織團體憑證), which acts as the unit's administrator by itself
/// and has no person behind it.
public struct StaffSession: Sendable, Hashable {
    /// The person's name; for an organisation certificate the unit's name on record (or
    /// the certificate's subject).
    public let name: String
    /// Their ID, masked for display (`A12345****`); the full ID stays in the SDK. Nil
    /// exactly when an organisation certificate signed in (there is no person).
    public let maskedID: String?
    /// Administrator or operator in ``unitCode`` (an organisation certificate: administrator).
    public let role: StaffRole
    /// The insured unit the session acts for.
    public let unitCode: UnitCode
    /// 允許使用所有加退保業務功能: an operator assigned with this flag may file every change.
    public let mayFileAllChanges: Bool
    /// How they signed in.
    public let method: LoginMethod
    /// The service session the flows act with (authorisation and the audit log): the
    /// staff member in their unit, as `NHIService.staff.session` opened it (or
    /// `organisationSession` for a unit's certificate). Nil only for a sign-in that reached
    /// no service (then the flow screens refuse to file).
    public let caller: Caller?

    /// A session; `maskedID` nil for an organisation certificate.
    public init(name: String, maskedID: String?, role: StaffRole, unitCode: UnitCode,
                mayFileAllChanges: Bool, method: LoginMethod, caller: Caller? = nil) {
        self.name = name
        self.maskedID = maskedID
        self.role = role
        self.unitCode = unitCode
        self.mayFileAllChanges = mayFileAllChanges
        self.method = method
        self.caller = caller
    }

    /// Administrators may do everything an operator with every right may.
    public var mayFileChanges: Bool { role == .administrator || mayFileAllChanges }

    /// Whether the unit itself signed in with its organisation certificate (no person).
    public var isOrganisation: Bool { maskedID == nil }

    /// Who is signed in, as the header shows it: `陳志明（管理者）`, or for an organisation
    /// certificate `示範科技股份有限公司（單位憑證・管理者）`.
    public var badge: Text {
        isOrganisation ? .organisationBadge(name: name) : .staffBadge(name: name, role: role)
    }
}

/// What a member of staff types or presents for a direct sign-in. Secrets are NHICore's
/// secret types, which never print themselves.
public enum StaffCredential: Sendable, Hashable {
    /// NHI card in `reader` (nil: the configured one) + registration password;
    /// `ownerUnitCode` when the owner signs in to assign administrators.
    case nhiCard(reader: String?, password: RegistrationPassword, ownerUnitCode: UnitCode?)
    /// Certificate card in `reader` + PIN; `id` is the account a personal certificate must
    /// belong to (its last four digits are in the certificate).
    case certificate(reader: String?, id: PersonalID?, pin: PIN)
    /// Organisation-certificate card (工商／政府／組織團體憑證) in `reader` + PIN, signing in
    /// for the insured unit `unitCode` (投保單位代號) as its administrator: the certificate
    /// must match the unit's registration (its serial number or its UBN).
    case organisationCertificate(reader: String?, unitCode: UnitCode, pin: PIN)
    /// NHI app OTP.
    case nhiAppOTP(id: PersonalID, birthDate: CalendarDate, otp: String, ownerUnitCode: UnitCode?)
}

/// A unit a person may act for, as the unit picker lists it.
public struct StaffUnitOption: Sendable, Hashable, Identifiable {
    /// 投保單位代號.
    public let unitCode: UnitCode
    /// The unit's name on record.
    public let unitName: String
    /// The person's role in that unit.
    public let role: StaffRole

    /// A unit to choose.
    public init(unitCode: UnitCode, unitName: String, role: StaffRole) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.role = role
    }

    /// The unit code.
    public var id: String { unitCode.rawValue }
}

/// A person who has authenticated and works for several units: the kiosk asks which one
/// to act for (as the NHI's own site lists the units after login). The SDK keeps the
/// authentication behind ``reference`` until a unit is chosen or the choice is cancelled;
/// the kiosk holds nothing that could open a session by itself.
public struct StaffUnitChoice: Sendable, Hashable {
    /// Identifies the pending sign-in to the SDK (opaque, single use).
    public let reference: String
    /// The person's name, shown above the list.
    public let name: String
    /// The units, in the order the SDK lists them.
    public let units: [StaffUnitOption]
    /// How the person signed in.
    public let method: LoginMethod

    /// A choice among `units`.
    public init(reference: String, name: String, units: [StaffUnitOption], method: LoginMethod) {
        self.reference = reference
        self.name = name
        self.units = units
        self.method = method
    }
}

/// What a sign-in established: a session, or — for staff of several units — the units to
/// choose from.
public enum StaffSignInOutcome: Sendable, Hashable {
    /// Signed in (one unit, an owner's or an organisation certificate's sign-in).
    case signedIn(StaffSession)
    /// Authenticated; the kiosk must ask which unit (``StaffAuthenticator/openSession(_:unit:)``).
    case chooseUnit(StaffUnitChoice)

    /// The session, when no choice is needed.
    public var session: StaffSession? {
        if case .signedIn(let session) = self { session } else { nil }
    }
}

/// A request for an app-confirmed sign-in (QR code).
public struct AppSignInRequest: Sendable, Hashable {
    /// ``LoginMethod/nhiAppQR`` or ``LoginMethod/twFido``.
    public let method: LoginMethod
    /// The person signing in.
    public let id: PersonalID
    /// Their birth date.
    public let birthDate: CalendarDate
    /// The unit, when the owner signs in to assign administrators.
    public let ownerUnitCode: UnitCode?

    /// A QR-code sign-in request.
    public init(method: LoginMethod, id: PersonalID, birthDate: CalendarDate, ownerUnitCode: UnitCode?) {
        precondition(method.usesApp, "AppSignInRequest is for QR-code methods")
        self.method = method
        self.id = id
        self.birthDate = birthDate
        self.ownerUnitCode = ownerUnitCode
    }
}

/// A QR code to show and how long it is valid.
public struct AppSignInChallenge: Sendable, Hashable {
    /// Identifies the pending sign-in to the SDK.
    public let reference: String
    /// The text to encode in the QR code.
    public let qrPayload: String
    /// How long the code stays valid from the moment it is issued (TW FidO: 2:55).
    public let validFor: Duration

    /// A code to show.
    public init(reference: String, qrPayload: String, validFor: Duration) {
        self.reference = reference
        self.qrPayload = qrPayload
        self.validFor = validFor
    }
}

/// **SDK contract (NHILogin):** signs staff in with every method of SPEC §2.
///
/// Errors thrown should be `CodedError`s carrying the seeds' codes (9039 wrong password,
/// 9041 PIN length, 9043 locked, 9056 no card, 9057 unrecognised card, 66501 expired
/// certificate); the kiosk shows their message and never the secret.
public protocol StaffAuthenticator: Sendable {
    /// Signs in with a card + password, a certificate + PIN, or an OTP. A person assigned
    /// to several units gets ``StaffSignInOutcome/chooseUnit(_:)``.
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
}

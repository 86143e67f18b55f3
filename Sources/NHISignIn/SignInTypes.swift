import NHICore
import NHIService

/// How a member of staff signs in (SPEC §2).
public enum SignInMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 健保卡 + 註冊密碼.
    case nhiCard
    /// 憑證 (citizen or organisation certificate card) + PIN on the on-screen keypad.
    case certificate
    /// 健保快易通 OTP: national ID + birth date + the app's one-time code.
    case nhiAppOTP
    /// 健保快易通 QR code: the counter shows a code the app scans.
    case nhiAppQR
    /// TW FidO 行動自然人憑證: the counter shows a code the TW FidO app scans.
    case twFido

    /// Whether this method shows a QR code and waits for an app.
    public var usesApp: Bool { self == .nhiAppQR || self == .twFido }
    /// Whether this method reads a card in a reader.
    public var usesCard: Bool { self == .nhiCard || self == .certificate }
}

/// A signed-in member of staff — or an insured unit signed in by its organisation
/// certificate (工商／政府／組織團體憑證), which acts as the unit's administrator by itself
/// and has no person behind it.
///
/// What the session may do comes from the service (``permissions``), by the same rule the
/// service applies when it is asked: front ends show or hide functions by it and never
/// decide themselves.
public struct StaffSession: Sendable, Hashable {
    /// The person's name; for an organisation certificate the unit's name on record.
    public let name: String
    /// Their ID, masked for display (`A12345****`); the full ID stays in ``caller``. Nil
    /// exactly when an organisation certificate signed in (there is no person).
    public let maskedID: String?
    /// Administrator or operator in ``unitCode`` (an organisation certificate or the owner:
    /// administrator).
    public let role: StaffRole
    /// The insured unit the session acts for.
    public let unitCode: UnitCode
    /// How they signed in.
    public let method: SignInMethod
    /// The service session every request is made with (authorisation and the audit log).
    public let caller: Caller
    /// What the service allows this session in its unit, read when it was opened.
    public let permissions: UnitPermissions

    /// A session; `maskedID` nil for an organisation certificate.
    public init(name: String, maskedID: String?, role: StaffRole, unitCode: UnitCode, method: SignInMethod,
                caller: Caller, permissions: UnitPermissions) {
        self.name = name
        self.maskedID = maskedID
        self.role = role
        self.unitCode = unitCode
        self.method = method
        self.caller = caller
        self.permissions = permissions
    }

    /// Whether the service lets this session file changes (加退保等異動作業).
    public var mayFileChanges: Bool { permissions.mayFile }

    /// Whether the unit itself signed in with its organisation certificate (no person).
    public var isOrganisation: Bool { maskedID == nil }
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

/// How a unit proves itself when it registers for online services at the counter
/// (單位註冊作業, SPEC §3). What identifies the unit is read from a card or checked by the
/// NHI app, never typed: the certificate's issuer, subject and serial; the owner's card number.
public enum UnitRegistrationCredential: Sendable, Hashable {
    /// The unit's organisation certificate (工商／政府／組織團體憑證) in `reader` (nil: the
    /// first reader holding a card) + its PIN.
    case organisationCertificate(reader: String?, pin: PIN)
    /// The owner's NHI card (負責人健保卡) in `reader`, already registered for online services.
    case ownerNHICard(reader: String?)
    /// The owner's birth date and the 6-digit code of the NHI app (健保快易通) bound to them,
    /// valid 3 minutes and once.
    case ownerOTP(birthDate: CalendarDate, code: String)

    /// The three ways, as a form lists them (單位憑證, 負責人健保卡, 負責人健保快易通 OTP).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case organisationCertificate, ownerNHICard, ownerOTP
    }
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

/// A person who has authenticated and works for several units: the front end asks which one
/// to act for (as the NHI's own site lists the units after login). The SDK keeps the
/// authentication behind ``reference`` until a unit is chosen or the choice is cancelled;
/// the front end holds nothing that could open a session by itself.
public struct StaffUnitChoice: Sendable, Hashable {
    /// Identifies the pending sign-in to the SDK (opaque, single use).
    public let reference: String
    /// The person's name, shown above the list.
    public let name: String
    /// The units, in the order the SDK lists them.
    public let units: [StaffUnitOption]
    /// How the person signed in.
    public let method: SignInMethod

    /// A choice among `units`.
    public init(reference: String, name: String, units: [StaffUnitOption], method: SignInMethod) {
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
    /// Authenticated; the front end must ask which unit (``StaffSignIn/openSession(_:unit:)``).
    case chooseUnit(StaffUnitChoice)

    /// The session, when no choice is needed.
    public var session: StaffSession? {
        if case .signedIn(let session) = self { session } else { nil }
    }
}

/// A request for an app-confirmed sign-in (QR code).
public struct AppSignInRequest: Sendable, Hashable {
    /// ``SignInMethod/nhiAppQR`` or ``SignInMethod/twFido``.
    public let method: SignInMethod
    /// The person signing in.
    public let id: PersonalID
    /// Their birth date.
    public let birthDate: CalendarDate
    /// The unit, when the owner signs in to assign administrators.
    public let ownerUnitCode: UnitCode?

    /// A QR-code sign-in request.
    public init(method: SignInMethod, id: PersonalID, birthDate: CalendarDate, ownerUnitCode: UnitCode?) {
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


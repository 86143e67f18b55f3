import Foundation
import NHICore

/// The certificate data read from an organisation certificate at unit registration:
/// issuer, subject and serial number (filled from the card, never typed).
public struct OrganisationCertificateInfo: Sendable, Hashable, Codable {
    /// The kind of organisation certificate: 工商憑證 (MOEACA), 政府憑證 (GCA) or 組織及團體憑證 (XCA).
    public let kind: CertificateKind
    /// The certificate's issuer, as read from the card.
    public let issuer: String
    /// The certificate's subject, as read from the card.
    public let subject: String
    /// The certificate's serial number in hex (憑證序號).
    public let serialNumber: String
    /// The UBN in the certificate's subject-directory attributes, if it carries one; it must match the unit's UBN.
    public let ubn: UBN?

    /// Creates the record from what was read from the card.
    /// - Parameters:
    ///   - kind: The kind of organisation certificate.
    ///   - issuer: The issuer's name.
    ///   - subject: The subject's name.
    ///   - serialNumber: The serial number in hex.
    ///   - ubn: The UBN in the certificate, if any.
    public init(kind: CertificateKind, issuer: String, subject: String, serialNumber: String, ubn: UBN?) {
        self.kind = kind
        self.issuer = issuer
        self.subject = subject
        self.serialNumber = serialNumber
        self.ubn = ubn
    }
}

/// How a unit was registered (SPEC §3): by organisation certificate, by the owner's NHI
/// card, or by the owner's app OTP.
public enum UnitRegistrationMethod: Sendable, Hashable, Codable {
    /// By the unit's organisation certificate (單位憑證), with the certificate's data.
    case organisationCertificate(OrganisationCertificateInfo)
    /// By the owner's NHI card (負責人健保卡), already registered for online services, with its card number.
    case ownerNHICard(cardNumber: NHICardNumber)
    /// By the owner's birth date and an OTP from the NHI app (健保快易通).
    case ownerOTP

    /// `單位憑證`, `負責人健保卡`, `OTP`.
    public var label: String {
        switch self {
        case .organisationCertificate: "單位憑證"
        case .ownerNHICard: "負責人健保卡"
        case .ownerOTP: "OTP"
        }
    }
}

/// A unit registered for online services: the insured unit's data and how it registered.
public struct UnitAccount: Sendable, Hashable, Codable {
    /// The insured unit's data: code, name, UBN, labour-insurance number, owner, contacts, NHI-only flag.
    public var unit: InsuredUnit
    /// How the unit registered: by organisation certificate, owner's NHI card or owner's OTP.
    public let method: UnitRegistrationMethod
    /// 負責人為管理者.
    public var ownerIsAdministrator: Bool
    /// UBNs this unit's organisation certificate files for as an agent (代辦統編).
    public var agentUBNs: [UBN]
    /// When the unit registered.
    public let registeredAt: Date

    /// Creates the account of a registered unit.
    /// - Parameters:
    ///   - unit: The insured unit's data.
    ///   - method: How it registered.
    ///   - ownerIsAdministrator: Whether the owner (負責人) is an administrator of the unit.
    ///   - agentUBNs: UBNs the unit's organisation certificate files for as an agent (代辦統編).
    ///   - registeredAt: When it registered.
    public init(unit: InsuredUnit, method: UnitRegistrationMethod, ownerIsAdministrator: Bool, agentUBNs: [UBN] = [], registeredAt: Date) {
        self.unit = unit
        self.method = method
        self.ownerIsAdministrator = ownerIsAdministrator
        self.agentUBNs = agentUBNs
        self.registeredAt = registeredAt
    }
}

/// An administrator or operator assigned to a unit (單位管理者登錄作業).
public struct StaffMember: Sendable, Hashable, Codable, Identifiable {
    /// The assignment's number in the store.
    public let id: Int64
    /// The unit (投保單位代號) the person is assigned to.
    public let unitCode: UnitCode
    /// The assignee's national ID or resident number.
    public let personID: PersonalID
    /// The assignee's name.
    public var name: PersonName
    /// Administrator (管理者) or operator (承辦人).
    public var role: StaffRole
    /// 自然人憑證 (incl. 醫事人員卡) or 健保卡 (already registered for online services).
    public let credential: CertificateKind
    /// The assignee's own citizen-certificate serial number, read from their card.
    public let certificateSerial: String?
    /// The assignee's landline or mobile number, at least one.
    public var phones: ContactPhones
    /// Where filing errors are sent (申報錯誤會通知此信箱).
    public var email: EmailAddress
    /// 允許使用所有加退保業務功能.
    public var mayUseAllEnrolmentFunctions: Bool
    /// When the assignment was made.
    public let assignedAt: Date
    /// Who made the assignment: the assigning caller's description, for the audit trail.
    public let assignedBy: String
    /// When the assignment was deleted (staff leaving); `nil` while it is current.
    public var deletedAt: Date?

    /// Creates an assignment record from its parts, as the store keeps it.
    public init(id: Int64, unitCode: UnitCode, personID: PersonalID, name: PersonName, role: StaffRole, credential: CertificateKind,
                certificateSerial: String?, phones: ContactPhones, email: EmailAddress, mayUseAllEnrolmentFunctions: Bool,
                assignedAt: Date, assignedBy: String, deletedAt: Date? = nil) {
        self.id = id
        self.unitCode = unitCode
        self.personID = personID
        self.name = name
        self.role = role
        self.credential = credential
        self.certificateSerial = certificateSerial
        self.phones = phones
        self.email = email
        self.mayUseAllEnrolmentFunctions = mayUseAllEnrolmentFunctions
        self.assignedAt = assignedAt
        self.assignedBy = assignedBy
        self.deletedAt = deletedAt
    }

    /// Whether the assignment is current (not deleted).
    public var isActive: Bool { deletedAt == nil }
}

/// What an administrator enters to assign staff (the seeds' 單位管理者登錄作業 form).
public struct StaffAssignment: Sendable, Hashable, Codable {
    /// The assignee's national ID or resident number.
    public let personID: PersonalID
    /// The assignee's name.
    public let name: PersonName
    /// Administrator (管理者) or operator (承辦人).
    public let role: StaffRole
    /// How the assignee signs in: a citizen certificate (incl. 醫事人員卡) or an NHI card registered for online services.
    public let credential: CertificateKind
    /// For a citizen certificate, the serial read from the assignee's card with their PIN (or the card number);
    /// `nil` for an NHI card.
    public let certificateSerial: String?
    /// The assignee's landline or mobile number (聯絡電話或行動電話), at least one.
    public let phones: ContactPhones
    /// Where filing errors are sent (申報錯誤會通知此信箱).
    public let email: EmailAddress
    /// 允許使用所有加退保業務功能: whether the assignee may use all enrol and withdraw functions.
    public let mayUseAllEnrolmentFunctions: Bool
    /// Assign for this unit instead of the caller's own: an organisation certificate may
    /// assign administrators for the units of its agent UBNs.
    public let forUnit: UnitCode?

    /// Creates the form's content.
    /// - Parameters:
    ///   - personID: The assignee's national ID or resident number.
    ///   - name: The assignee's name.
    ///   - role: Administrator or operator.
    ///   - credential: A citizen certificate or an NHI card.
    ///   - certificateSerial: The serial read from the assignee's citizen certificate; `nil` for an NHI card.
    ///   - phones: The assignee's landline or mobile number.
    ///   - email: Where filing errors are sent.
    ///   - mayUseAllEnrolmentFunctions: Whether all enrol and withdraw functions may be used.
    ///   - forUnit: The unit to assign for, when an organisation certificate assigns for an agent UBN's unit.
    public init(personID: PersonalID, name: PersonName, role: StaffRole, credential: CertificateKind, certificateSerial: String? = nil,
                phones: ContactPhones, email: EmailAddress, mayUseAllEnrolmentFunctions: Bool = true, forUnit: UnitCode? = nil) {
        self.personID = personID
        self.name = name
        self.role = role
        self.credential = credential
        self.certificateSerial = certificateSerial
        self.phones = phones
        self.email = email
        self.mayUseAllEnrolmentFunctions = mayUseAllEnrolmentFunctions
        self.forUnit = forUnit
    }
}

import Foundation
import NHICore

/// The certificate data read from an organisation certificate at unit registration:
/// issuer, subject and serial number (filled from the card, never typed).
public struct OrganisationCertificateInfo: Sendable, Hashable, Codable {
    public let kind: CertificateKind
    public let issuer: String
    public let subject: String
    public let serialNumber: String
    public let ubn: UBN?

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
    case organisationCertificate(OrganisationCertificateInfo)
    case ownerNHICard(cardNumber: NHICardNumber)
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
    public var unit: InsuredUnit
    public let method: UnitRegistrationMethod
    /// 負責人為管理者.
    public var ownerIsAdministrator: Bool
    /// UBNs this unit's organisation certificate files for as an agent (代辦統編).
    public var agentUBNs: [UBN]
    public let registeredAt: Date

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
    public let id: Int64
    public let unitCode: UnitCode
    public let personID: PersonalID
    public var name: PersonName
    public var role: StaffRole
    /// 自然人憑證 (incl. 醫事人員卡) or 健保卡 (already registered for online services).
    public let credential: CertificateKind
    /// The assignee's own citizen-certificate serial number, read from their card.
    public let certificateSerial: String?
    public var phones: ContactPhones
    /// Where filing errors are sent (申報錯誤會通知此信箱).
    public var email: EmailAddress
    /// 允許使用所有加退保業務功能.
    public var mayUseAllEnrolmentFunctions: Bool
    public let assignedAt: Date
    public let assignedBy: String
    public var deletedAt: Date?

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
    public let personID: PersonalID
    public let name: PersonName
    public let role: StaffRole
    public let credential: CertificateKind
    public let certificateSerial: String?
    public let phones: ContactPhones
    public let email: EmailAddress
    public let mayUseAllEnrolmentFunctions: Bool
    /// Assign for this unit instead of the caller's own: an organisation certificate may
    /// assign administrators for the units of its agent UBNs.
    public let forUnit: UnitCode?

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

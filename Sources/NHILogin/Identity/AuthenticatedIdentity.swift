import Foundation
import NHICore

/// How someone logged in (SPEC §2).
public enum LoginMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// NHI card + registration password.
    case nhiCard
    /// Certificate card + PIN.
    case certificate
    /// NHI app (健保快易通) one-time password.
    case appOTP
    /// NHI app QR code.
    case appQRCode
    /// TW FidO mobile citizen certificate.
    case twFidO

    /// `健保卡`, `憑證`, `健保快易通OTP`, `健保快易通QR Code`, `TW FidO 行動自然人憑證`.
    public var label: String {
        switch self {
        case .nhiCard: "健保卡"
        case .certificate: "憑證"
        case .appOTP: "健保快易通OTP"
        case .appQRCode: "健保快易通QR Code"
        case .twFidO: "TW FidO 行動自然人憑證"
        }
    }
}

/// Who a successful login established: a person (by ID) or an organisation (by UBN or
/// organisation code), possibly acting for an insured unit.
public struct AuthenticatedIdentity: Sendable, Hashable {
    /// The person's ID; `nil` for an organisation certificate.
    public let personID: PersonalID?
    /// The name as the card or certificate gives it.
    public let name: String?
    /// The unit this login acts for as its owner (負責人) or, for an organisation
    /// certificate, as its administrator.
    public let unitCode: UnitCode?
    /// The UBN of an organisation certificate (.101).
    public let ubn: String?
    /// The organisation code of a GCA/XCA certificate (.102).
    public let organisationCode: String?
    /// The certificate kind behind the login (`CertificateKind/nhiCard` for NHI-card
    /// logins, `CertificateKind/citizen` for TW FidO); `nil` for NHI-app logins.
    public let certificateKind: CertificateKind?
    /// The method used.
    public let method: LoginMethod
    /// When the login succeeded.
    public let authenticatedAt: Date
    /// The certificate's serial number (hex) or the NHI card's number, when a card was used.
    public let credentialSerial: String?

    /// Creates an identity.
    public init(personID: PersonalID?, name: String?, unitCode: UnitCode? = nil, ubn: String? = nil,
                organisationCode: String? = nil, certificateKind: CertificateKind?, method: LoginMethod,
                authenticatedAt: Date, credentialSerial: String? = nil) {
        self.personID = personID
        self.name = name
        self.unitCode = unitCode
        self.ubn = ubn
        self.organisationCode = organisationCode
        self.certificateKind = certificateKind
        self.method = method
        self.authenticatedAt = authenticatedAt
        self.credentialSerial = credentialSerial
    }

    /// Whether this login carries a unit's administrator rights by itself: an organisation
    /// certificate, or an owner logging in for a unit code (SPEC §1, §3).
    public var isUnitAdministrator: Bool { certificateKind?.isOrganisation == true || unitCode != nil }
}

import NHICore

/// Who is calling the service: the authenticated person or certificate, and in which unit
/// and role. Every operation checks it for authorisation and records it in the audit log.
public struct Caller: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the caller holds rights in a unit.
    public enum Standing: Sendable, Hashable, Codable {
        /// An assigned staff member (administrator or operator), by staff record ID.
        case staff(id: Int64, role: StaffRole)
        /// The unit's organisation certificate (單位憑證): administrator by itself.
        case organisationCertificate
        /// The unit's owner (負責人) logged in "as owner to assign administrators".
        case owner
        /// A person acting for themselves (personal online services, a visitor at the counter).
        case person
        /// The service's own jobs (nightly conversion, billing).
        case system
    }

    /// The person behind the call (national ID or resident number); `nil` for an organisation certificate or the system.
    public let personID: PersonalID?
    /// The unit the caller acts for; `nil` for a person acting for themselves or the system.
    public let unitCode: UnitCode?
    /// How the caller holds rights in the unit: staff, organisation certificate, owner, person or system.
    public let standing: Standing
    /// The credential the caller logged in with.
    public let credential: CertificateKind?
    /// Where a system caller's request came from (`CLI`), shown in the audit log.
    public let origin: String?

    /// Creates a caller, as a sign-in produces it.
    /// - Parameters:
    ///   - personID: The person behind the call, if any.
    ///   - unitCode: The unit acted for, if any.
    ///   - standing: How the caller holds rights in the unit.
    ///   - credential: The credential the caller logged in with, if any.
    ///   - origin: For a system caller, the program it came from (`CLI`), shown in the audit log.
    public init(personID: PersonalID?, unitCode: UnitCode?, standing: Standing, credential: CertificateKind?, origin: String? = nil) {
        self.personID = personID
        self.unitCode = unitCode
        self.standing = standing
        self.credential = credential
        self.origin = origin
    }

    /// The service's own jobs.
    public static let system = Caller(personID: nil, unitCode: nil, standing: .system, credential: nil)

    /// The service's own rights, used by a named program on the counter PC (the `nhi` tool's
    /// `--system`): audited as `系統/CLI`.
    public static func system(origin: String) -> Caller {
        Caller(personID: nil, unitCode: nil, standing: .system, credential: nil, origin: origin)
    }

    /// A person acting for themselves.
    public static func person(_ id: PersonalID, credential: CertificateKind = .nhiCard) -> Caller {
        Caller(personID: id, unitCode: nil, standing: .person, credential: credential)
    }

    /// Whether the caller has administrator rights in `unit`.
    public func isAdministrator(of unit: UnitCode) -> Bool {
        guard unitCode == unit else { return false }
        switch standing {
        case .staff(_, let role): return role == .administrator
        case .organisationCertificate, .owner: return true
        case .person, .system: return false
        }
    }

    /// Whether the caller may file and upload for `unit` (administrators and operators).
    public func isStaff(of unit: UnitCode) -> Bool {
        guard unitCode == unit else { return false }
        switch standing {
        case .staff, .organisationCertificate, .owner: return true
        case .person, .system: return false
        }
    }

    /// The staff record ID, if the caller is assigned staff.
    public var staffID: Int64? { if case .staff(let id, _) = standing { id } else { nil } }

    /// The role shown in the audit log: 管理者, 承辦人, 單位憑證, 負責人, 本人, 系統.
    public var roleLabel: String {
        switch standing {
        case .staff(_, let role): role.label
        case .organisationCertificate: "單位憑證"
        case .owner: "負責人"
        case .person: "本人"
        case .system: origin.map { "系統/\($0)" } ?? "系統"
        }
    }

    /// Masked, for logs: `管理者 A12345**** @110001000`.
    public var description: String {
        "\(roleLabel) \(personID?.masked ?? "-") @\(unitCode?.rawValue ?? "-")"
    }
}

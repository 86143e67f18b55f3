import Foundation
import NHICore
import NHIService
import NHITestSupport

/// A real database (SQLite, or PostgreSQL for the `.postgres` variant of a parameterised
/// test: a fresh database on the test server), a manual clock at 2026-11-23 09:00 Taiwan time, and helpers to
/// build the seeds' actors.
final class Fixture {
    let database: TemporaryDatabase
    let clock: ManualClock
    let service: NHIService

    init(store: TestStoreKind = .sqlite, today: CalendarDate = try! CalendarDate(iso: "2026-11-23")) throws {
        database = try TemporaryDatabase(kind: store)
        clock = ManualClock(today, hour: 9)
        service = database.service(clock: clock)
    }

    static func id(_ text: String) -> PersonalID { try! PersonalID(parsing: text) }
    static let owner = id("A123456789")
    static let adminPerson = NationalID.make(letter: "B", sex: .female, serial: 1_000_001)
    static let operatorPerson = NationalID.make(letter: "C", sex: .male, serial: 2_000_002)
    static let otherOperator = NationalID.make(letter: "D", sex: .female, serial: 3_000_003)

    static func phones() -> ContactPhones {
        try! ContactPhones(landline: LandlineNumber(parsing: "02-23456789"), mobile: MobileNumber(parsing: "0912345678"))
    }

    static func unit(code: String = "110001000", ubn: String? = "04595257", owner: PersonalID = owner, nhiOnly: Bool = false) -> InsuredUnit {
        try! InsuredUnit(code: UnitCode(parsing: code), name: "數美科技股份有限公司", ubn: ubn.map { try! UBN(parsing: $0) },
                         labourInsuranceNumber: nhiOnly ? nil : LabourInsuranceNumber(parsing: "01234567A"),
                         ownerID: owner, ownerPhones: phones(), email: EmailAddress(parsing: "hr@example.com.tw"), nhiOnly: nhiOnly)
    }

    static func certificate(ubn: String = "04595257", serial: String = "0A1B2C3D") -> OrganisationCertificateInfo {
        OrganisationCertificateInfo(kind: .moeaca, issuer: "MOEACA", subject: "數美科技股份有限公司", serialNumber: serial,
                                    ubn: try! UBN(parsing: ubn))
    }

    /// Registers a unit by organisation certificate and returns the certificate's caller.
    func registerUnitByCertificate(code: String = "110001000", ubn: String = "04595257") throws -> Caller {
        try service.units.register(Self.unit(code: code, ubn: ubn), method: .organisationCertificate(Self.certificate(ubn: ubn)),
                                   registrant: nil, ownerIsAdministrator: false).caller
    }

    /// Registers and verifies a person's NHI-card online-service account.
    func activateAccount(_ person: PersonalID, card: String, password: String = "Abc123-!") throws {
        let token = try service.accounts.register(.init(
            personID: person, cardNumber: try NHICardNumber(parsing: card), householdNumber: "A1234567", registeredVillage: "臺北市大安區龍安里",
            phones: Self.phones(), email: try EmailAddress(parsing: "\(person.rawValue.lowercased())@example.com"),
            password: try RegistrationPassword(password)))
        try service.accounts.confirmEmail(token: token, personID: person, cardNumber: try NHICardNumber(parsing: card), newPassword: nil)
    }

    func assign(_ person: NationalID, role: StaffRole, by caller: Caller, serial: String = "TP03000001234567") throws -> StaffMember {
        try service.staff.assign(StaffAssignment(
            personID: .national(person), name: try PersonName(role == .administrator ? "王大明" : "陳小華"), role: role,
            credential: .citizen, certificateSerial: serial, phones: Self.phones(),
            email: try EmailAddress(parsing: "\(person.rawValue.lowercased())@example.com")), by: caller)
    }
}

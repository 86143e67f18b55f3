import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Units and staff on a real SQLite file")
struct UnitsAndStaffTests {
    @Test("Unit registration by organisation certificate; a second registration is refused", arguments: TestStoreKind.available)
    func registerByCertificate(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let caller = try f.registerUnitByCertificate()
        #expect(caller.standing == .organisationCertificate)
        #expect(caller.isAdministrator(of: try UnitCode(parsing: "110001000")))
        #expect(throws: ServiceError(.unitAlreadyRegistered)) { try f.registerUnitByCertificate() }
        #expect(throws: ServiceError(.unitCertificateMismatch)) {
            try f.service.units.register(Fixture.unit(code: "120000000", ubn: "22099131"),
                                         method: .organisationCertificate(Fixture.certificate(ubn: "04595257")),
                                         registrant: nil, ownerIsAdministrator: false)
        }
        let account = try f.service.units.account(try UnitCode(parsing: "110001000"))
        #expect(account.unit.name == "數美科技股份有限公司")
    }

    @Test("Owner NHI card registration needs the owner's registered card; owner becomes administrator", arguments: TestStoreKind.available)
    func registerByOwnerCard(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let card = try NHICardNumber(parsing: "000011112222")
        #expect(throws: ServiceError(.unitOwnerNotRegistered)) {
            try f.service.units.register(Fixture.unit(), method: .ownerNHICard(cardNumber: card), registrant: Fixture.owner, ownerIsAdministrator: true)
        }
        try f.activateAccount(Fixture.owner, card: "000011112222")
        #expect(throws: ServiceError(.unitOwnerMismatch)) {
            try f.service.units.register(Fixture.unit(), method: .ownerNHICard(cardNumber: card),
                                         registrant: .national(Fixture.adminPerson), ownerIsAdministrator: true)
        }
        let (_, caller) = try f.service.units.register(Fixture.unit(), method: .ownerNHICard(cardNumber: card),
                                                       registrant: Fixture.owner, ownerIsAdministrator: true)
        #expect(caller.standing == .owner)
        let unit = try UnitCode(parsing: "110001000")
        let staff = try f.service.staff.list(unit: unit, by: caller)
        #expect(staff.count == 1)
        #expect(staff[0].role == .administrator && staff[0].personID == Fixture.owner)
        let session = try f.service.staff.session(person: Fixture.owner, unit: unit, credential: .nhiCard)
        #expect(session.isAdministrator(of: unit))
    }

    @Test("Administrators assign and delete; operators see only themselves; deleted staff cannot log in", arguments: TestStoreKind.available)
    func assignAndDelete(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        let unit = try UnitCode(parsing: "110001000")
        let admin = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate)
        let adminSession = try f.service.staff.session(person: .national(Fixture.adminPerson), unit: unit, credential: .citizen,
                                                       certificateSerial: "TP03000001234567")
        let op = try f.assign(Fixture.operatorPerson, role: .operator, by: adminSession, serial: "TP03000009999999")
        _ = try f.assign(Fixture.otherOperator, role: .operator, by: adminSession, serial: "TP03000008888888")
        let opSession = try f.service.staff.session(person: .national(Fixture.operatorPerson), unit: unit, credential: .citizen,
                                                    certificateSerial: "TP03000009999999")
        #expect(!opSession.isAdministrator(of: unit))
        #expect(try f.service.staff.list(unit: unit, by: opSession).map(\.id) == [op.id])
        #expect(try f.service.staff.list(unit: unit, by: adminSession).count == 3)
        #expect(throws: ServiceError(.notAuthorised)) { try f.assign(Fixture.owner.asNational!, role: .operator, by: opSession) }
        #expect(throws: ServiceError(.staffAlreadyAssigned)) { try f.assign(Fixture.operatorPerson, role: .operator, by: adminSession) }
        #expect(throws: ServiceError(.staffCertificateSerialMismatch)) {
            try f.service.staff.session(person: .national(Fixture.operatorPerson), unit: unit, credential: .citizen, certificateSerial: "XX")
        }
        try f.service.staff.delete(op.id, by: adminSession)
        #expect(throws: ServiceError(.staffNotAssigned)) {
            try f.service.staff.session(person: .national(Fixture.operatorPerson), unit: unit, credential: .citizen)
        }
        #expect(throws: ServiceError(.notAuthorised)) {
            try f.service.staff.delete(admin.id, by: Caller(personID: .national(Fixture.otherOperator), unitCode: unit,
                                                            standing: .staff(id: 99, role: .operator), credential: .citizen))
        }
    }

    @Test("An NHI card can be assigned only once registered for online services; serial needed for certificates", arguments: TestStoreKind.available)
    func credentialRules(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        let assignment = StaffAssignment(personID: .national(Fixture.operatorPerson), name: try PersonName("陳小華"), role: .operator,
                                         credential: .nhiCard, phones: Fixture.phones(), email: try EmailAddress(parsing: "op@example.com"))
        #expect(throws: ServiceError(.staffCardNotRegistered)) { try f.service.staff.assign(assignment, by: certificate) }
        try f.activateAccount(.national(Fixture.operatorPerson), card: "000033334444")
        #expect(try f.service.staff.assign(assignment, by: certificate).credential == .nhiCard)
        let noSerial = StaffAssignment(personID: .national(Fixture.adminPerson), name: try PersonName("王大明"), role: .administrator,
                                       credential: .citizen, phones: Fixture.phones(), email: try EmailAddress(parsing: "ad@example.com"))
        #expect(throws: ServiceError(.staffCertificateSerialMissing)) { try f.service.staff.assign(noSerial, by: certificate) }
    }

    @Test("An organisation certificate assigns administrators (only) for its agent UBNs' units", arguments: TestStoreKind.available)
    func agentUBNs(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        let otherCertificate = try f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        let other = try UnitCode(parsing: "120000000")
        func assignment(_ role: StaffRole) throws -> StaffAssignment {
            StaffAssignment(personID: .national(Fixture.adminPerson), name: try PersonName("王大明"), role: role, credential: .citizen,
                            certificateSerial: "TP03000001234567", phones: Fixture.phones(),
                            email: try EmailAddress(parsing: "a@example.com"), forUnit: other)
        }
        #expect(throws: ServiceError(.notAuthorised)) { try f.service.staff.assign(try assignment(.administrator), by: certificate) }
        // Claimed by the agent itself: refused (issue 17); granted by the other unit: recorded.
        #expect(throws: ServiceError(.unitAgentNotGranted)) {
            try f.service.units.addAgentUBN(try UBN(parsing: "22099131"), by: certificate, grantedBy: certificate)
        }
        #expect(throws: ServiceError(.notAuthorised)) { try f.service.staff.assign(try assignment(.administrator), by: certificate) }
        try f.service.units.addAgentUBN(try UBN(parsing: "22099131"), by: certificate, grantedBy: otherCertificate)
        #expect(throws: ServiceError(.staffAgentAssignsAdministratorsOnly)) { try f.service.staff.assign(try assignment(.operator), by: certificate) }
        let member = try f.service.staff.assign(try assignment(.administrator), by: certificate)
        #expect(member.unitCode == other && member.role == .administrator)
    }

    @Test("Agent UBNs are granted by the unit with that UBN (or the system), never claimed at registration or by others", arguments: TestStoreKind.available)
    func agentUBNGrants(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        _ = try f.registerUnitByCertificate(code: "120000000", ubn: "22099131")
        let third = try f.registerUnitByCertificate(code: "133397421", ubn: "12345675")
        let ubn = try UBN(parsing: "22099131")
        // Any other unit's administrator cannot grant a UBN that is not theirs.
        #expect(throws: ServiceError(.unitAgentNotGranted)) { try f.service.units.addAgentUBN(ubn, by: certificate, grantedBy: third) }
        #expect(throws: ServiceError(.unitAgentNotGranted)) {
            try f.service.units.addAgentUBN(ubn, by: certificate, grantedBy: .person(Fixture.owner))
        }
        #expect(throws: ServiceError(.unitAgentNotGranted)) {
            try f.service.units.register(Fixture.unit(code: "140000000", ubn: "04595252"), method: .organisationCertificate(Fixture.certificate(ubn: "04595252")),
                                         registrant: nil, ownerIsAdministrator: false, agentUBNs: [ubn])
        }
        #expect(try f.service.units.account(try UnitCode(parsing: "110001000")).agentUBNs.isEmpty)
        try f.service.units.addAgentUBN(ubn, by: certificate, grantedBy: .system)
        #expect(try f.service.units.account(try UnitCode(parsing: "110001000")).agentUBNs == [ubn])
    }

    @Test("Unit data maintenance cannot replace the owner or the UBN", arguments: TestStoreKind.available)
    func updateKeepsOwnerAndUBN(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        #expect(throws: ServiceError(.unitFieldNotChangeable)) {
            try f.service.units.update(Fixture.unit(owner: Fixture.id("B123456780")), by: certificate)
        }
        #expect(throws: ServiceError(.unitFieldNotChangeable)) { try f.service.units.update(Fixture.unit(ubn: "22099131"), by: certificate) }
        #expect(throws: ServiceError(.unitFieldNotChangeable)) { try f.service.units.update(Fixture.unit(ubn: nil), by: certificate) }
        #expect(try f.service.units.account(try UnitCode(parsing: "110001000")).unit.ownerID == Fixture.owner)
        try f.service.units.update(Fixture.unit(nhiOnly: true), by: certificate)
        #expect(try f.service.units.account(try UnitCode(parsing: "110001000")).unit.nhiOnly)
    }

    @Test("The audit log records who, role, when and what, with IDs masked", arguments: TestStoreKind.available)
    func audit(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        _ = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate)
        let entries = try f.service.audit.entries(unit: try UnitCode(parsing: "110001000"), by: certificate)
        #expect(entries.map(\.action) == ["staff.assign", "unit.register"])
        #expect(entries[0].target == Fixture.adminPerson.masked)
        #expect(entries[0].role == "單位憑證")
        let everything = try f.service.audit.all().map { "\($0)" }.joined()
        #expect(!everything.contains(Fixture.adminPerson.rawValue), "full IDs never reach the audit log")
    }

    @Test("Data survives reopening the file; migrations are recorded once", arguments: TestStoreKind.available)
    func persistence(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        _ = try f.registerUnitByCertificate()
        let reopened = try f.database.reopen()
        let service = NHIService(store: reopened, clock: f.clock)
        #expect(try service.units.account(try UnitCode(parsing: "110001000")).unit.ubn?.rawValue == "04595257")
        #expect(try reopened.appliedMigrations().first == (store == .sqlite ? "v1-units-accounts" : "pg-v1-schema"))
        #expect(try reopened.appliedMigrations() == f.database.store.appliedMigrations())
    }

    @Test("The default database location honours NHI_DB and XDG_DATA_HOME")
    func defaultLocation() {
        #expect(SQLiteStore.defaultLocation(environment: ["NHI_DB": "/tmp/x.sqlite"]) == "/tmp/x.sqlite")
        #expect(SQLiteStore.defaultLocation(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == "/data/nhi/nhi.sqlite")
        #expect(SQLiteStore.defaultLocation(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/nhi/nhi.sqlite")
    }

    @Test("Partial: a staff certificate serial must have a serial's form: 12345 is refused; hex and card numbers are kept normalised", arguments: TestStoreKind.available)
    func certificateSerialForm(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        for bad in ["12345", "TP0300000123456", "0A1B2C3", "ZZZZZZZZZZ"] {
            #expect(throws: ServiceError(.staffCertificateSerialFormat)) {
                _ = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate, serial: bad)
            }
        }
        let member = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate, serial: "4d6f1a2b3c4d5e6f")
        #expect(member.certificateSerial == "4D6F1A2B3C4D5E6F")
        #expect(CertificateSerial.normalised("TP03000001234567") == "TP03000001234567")
    }
}

extension PersonalID {
    var asNational: NationalID? { if case .national(let id) = self { id } else { nil } }

}

import Foundation
import NHICore
import NHIService
import Testing

/// One rule per unit action, asked by front ends and applied by the service: what
/// `staff.permissions(of:)` lists is exactly what the service then allows or refuses.
@Suite("Unit permissions: the service's rule, listed and applied")
struct PermissionsTests {
    static let unit = try! UnitCode(parsing: "110001000")

    /// A unit registered by certificate (NHI only when `nhiOnly`), an administrator without
    /// the 允許使用所有加退保業務功能 flag, and an operator with it.
    func unitWithStaff(nhiOnly: Bool = false) throws -> (Fixture, certificate: Caller, admin: Caller, operator: Caller, adminID: Int64) {
        let f = try Fixture()
        let certificate = try f.service.units.register(Fixture.unit(nhiOnly: nhiOnly), method: .organisationCertificate(Fixture.certificate()),
                                                       registrant: nil, ownerIsAdministrator: false).caller
        let admin = try f.service.staff.assign(StaffAssignment(
            personID: .national(Fixture.adminPerson), name: try PersonName("王大明"), role: .administrator, credential: .citizen,
            certificateSerial: "TP03000001234567", phones: Fixture.phones(), email: try EmailAddress(parsing: "admin@example.com"),
            mayUseAllEnrolmentFunctions: false), by: certificate)
        _ = try f.assign(Fixture.operatorPerson, role: .operator, by: certificate, serial: "TP03000009999999")
        let adminSession = try f.service.staff.session(person: .national(Fixture.adminPerson), unit: Self.unit, credential: .citizen,
                                                       certificateSerial: "TP03000001234567")
        let operatorSession = try f.service.staff.session(person: .national(Fixture.operatorPerson), unit: Self.unit, credential: .citizen,
                                                          certificateSerial: "TP03000009999999")
        return (f, certificate, adminSession, operatorSession, admin.id)
    }

    @Test("An administrator without the filing flag administers but may not file, and is refused on submit the same way")
    func administratorWithoutFlag() throws {
        let (f, _, admin, _, _) = try unitWithStaff()
        let permissions = try f.service.staff.permissions(of: admin)
        #expect(permissions.allows(.administer) && permissions.allows(.viewRoster) && permissions.allows(.statements))
        #expect(!permissions.mayFile && !permissions.allows(.fileThreeInOne))
        #expect(permissions.refusals[.file]?.code == .filingNotPermitted)
        // The same answer when the administrator files anyway.
        #expect(throws: ServiceError(.filingNotPermitted)) {
            try f.service.filings.enrol(EnrolmentRequest(personID: .national(NationalID.make(letter: "E", sex: .male, serial: 1_234_567)),
                                                         name: try PersonName("林志明"), birthDate: try CalendarDate(iso: "1990-01-01"),
                                                         effectiveDate: f.clock.today, insuredAmount: Money(30_300)), by: admin)
        }
    }

    @Test("An operator with the flag files but does not administer; the unit's certificate does both")
    func operatorAndCertificate() throws {
        let (f, certificate, _, op, _) = try unitWithStaff()
        let operatorPermissions = try f.service.staff.permissions(of: op)
        #expect(operatorPermissions.mayFile && operatorPermissions.allows(.fileThreeInOne))
        #expect(!operatorPermissions.allows(.administer))
        #expect(operatorPermissions.refusals[.administer]?.code == .notAuthorised)
        #expect(throws: ServiceError(.notAuthorised)) {
            try f.assign(Fixture.otherOperator, role: .operator, by: op, serial: "TP03000008888888")
        }
        #expect(try f.service.staff.permissions(of: certificate).allowed == Set(UnitAction.allCases))
    }

    @Test("Three-in-one needs the unit's labour-insurance number; the owner signed in as owner only administers")
    func threeInOneAndOwner() throws {
        let (f, _, _, op, _) = try unitWithStaff(nhiOnly: true)
        let permissions = try f.service.staff.permissions(of: op)
        #expect(permissions.mayFile && !permissions.allows(.fileThreeInOne))
        #expect(permissions.refusals[.fileThreeInOne]?.code == .filingThreeInOneNeedsLabourNumber)
        let owner = Caller(personID: Fixture.owner, unitCode: Self.unit, standing: .owner, credential: .nhiCard)
        let ownerPermissions = try f.service.staff.permissions(of: owner)
        #expect(ownerPermissions.allows(.administer) && !ownerPermissions.mayFile)
        #expect(ownerPermissions.refusals[.file]?.code == .filingOwnerNeedsAssignment)
    }

    @Test("A session of a deleted member is refused everything, including the roster and batch uploads")
    func deletedMember() throws {
        let (f, certificate, admin, _, adminID) = try unitWithStaff()
        try f.service.staff.delete(adminID, by: certificate)
        let permissions = try f.service.staff.permissions(of: admin)
        #expect(permissions.allowed.isEmpty)
        #expect(permissions.refusals[.viewRoster]?.code == .staffNotAssigned)
        #expect(throws: ServiceError(.staffNotAssigned)) { try f.service.roster.inForce(unit: Self.unit, by: admin) }
        #expect(throws: ServiceError(.staffNotAssigned)) {
            try f.service.batchRegistrations.upload(Array("A123456789,a@example.com,0912345678,\n".utf8),
                                                    fileName: "110001000\(try ROCDate(f.clock.today).formatted(.compact)).csv",
                                                    unit: Self.unit, by: admin)
        }
    }

    @Test("Another unit's session lists no rights here and is refused")
    func otherUnit() throws {
        let (f, _, _, op, _) = try unitWithStaff()
        let other = try UnitCode(parsing: "110009999")
        #expect(throws: ServiceError(.notAuthorised)) { try f.service.roster.inForce(unit: other, by: op) }
        let stranger = Caller(personID: Fixture.owner, unitCode: nil, standing: .person, credential: .nhiCard)
        #expect(throws: ServiceError(.notAuthorised)) { try f.service.staff.permissions(of: stranger) }
    }

    @Test("perform runs the operation on the service's own threads, never the caller's")
    func performOffThePool() async throws {
        let (f, _, _, op, _) = try unitWithStaff()
        #expect(!BlockingWorkers.isWorkerThread)
        let (onWorker, thread, roster) = try await f.service.perform { service in
            (BlockingWorkers.isWorkerThread, Thread.current.name ?? "", try service.roster.inForce(unit: Self.unit, by: op).count)
        }
        #expect(onWorker, "ran on \(thread)")
        #expect(roster == 0)
        // Errors arrive typed, as the synchronous call throws them.
        await #expect(throws: ServiceError(.notAuthorised)) {
            try await f.service.perform { try $0.roster.inForce(unit: try UnitCode(parsing: "110009999"), by: op) }
        }
        // Many at once: more operations than threads all finish.
        let service = f.service
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 { group.addTask { try await service.perform { try $0.roster.inForce(unit: Self.unit, by: op).count } } }
            return try await group.reduce(0, +)
        }
        #expect(counts == 0)
    }
}

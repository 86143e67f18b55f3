// The home menu shows filing screens by the service's permissions, not a rule of the
// kiosk's: an administrator assigned without 允許使用所有加退保業務功能 is not shown them
// (and the service would refuse the filing with the same code).
@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Home menu by the service's permissions")
struct ServicePermissionsTests {
    @Test("an administrator without the filing flag sees no filing screens; with it, they do")
    func administratorWithoutFlag() throws {
        let (template, sample) = try SeededTemplate.shared.get()
        let database = try DatabaseCopy(of: template)
        let service = NHIService(store: database.store)
        let unit = sample.unit.code
        let admin = try service.staff.session(person: sample.administrator.id, unit: unit, credential: .nhiCard)
        let person = PersonalID.national(NationalID.make(letter: "F", sex: .female, serial: 1_357_913))
        _ = try service.staff.assign(StaffAssignment(
            personID: person, name: try PersonName("周美玲"), role: .administrator, credential: .citizen,
            certificateSerial: "TP03000007654321", phones: try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678")),
            email: try EmailAddress(parsing: "chou@example.com.tw"), mayUseAllEnrolmentFunctions: false), by: admin)
        let caller = try service.staff.session(person: person, unit: unit, credential: .citizen, certificateSerial: "TP03000007654321")
        let session = StaffSession(name: "周美玲", maskedID: person.masked, role: .administrator, unitCode: unit, method: .certificate,
                                   caller: caller, permissions: try service.staff.permissions(of: caller))
        let tasks = HomeMenu.tasks(for: session, kioskMode: true)
        #expect(!tasks.contains(.enrol) && !tasks.contains(.withdraw) && !tasks.contains(.salaryAdjustment))
        #expect(tasks.contains(.settings) && tasks.contains(.batchUpload), "still an administrator: \(tasks)")

        let flagged = StaffSession(name: sample.administrator.name, maskedID: sample.administrator.id.masked, role: .administrator,
                                   unitCode: unit, method: .nhiCard, caller: admin, permissions: try service.staff.permissions(of: admin))
        #expect(HomeMenu.tasks(for: flagged, kioskMode: true).contains(.enrol))
    }
}

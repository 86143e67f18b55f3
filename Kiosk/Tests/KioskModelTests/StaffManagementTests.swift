@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Staff management: list, assign and delete administrators and operators through NHIService.staff")
@MainActor
struct StaffManagementTests {
    func opened() async throws -> (ServiceFixture, StaffManagementModel) {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.tasks.contains(.staff))
        #expect(fixture.shell.open(.staff))
        let model = fixture.shell.staffManagement
        #expect(await eventually { model.listStatus.result != nil })
        return (fixture, model)
    }

    @Test("the administrator sees the unit's staff, IDs masked; their own row cannot be deleted here")
    func list() async throws {
        let (fixture, model) = try await opened()
        #expect(Set(model.members.map(\.name.value)) == ["陳志明", "林雅婷"])
        let lines = model.members.map { model.line($0, .traditionalChinese) }
        #expect(lines.contains { $0.hasPrefix("林雅婷 \(DemoData.operator.id.masked)　承辦人　健保卡") }, "\(lines)")
        #expect(!lines.joined().contains(DemoData.operator.id.rawValue))
        let me = try #require(model.members.first { $0.role == .administrator })
        #expect(model.isSelf(me))
        #expect(!model.isSelf(try #require(model.members.first { $0.role == .operator })))
        _ = fixture
    }

    @Test("an NHI card not registered for online services is refused by the service; nothing is assigned")
    func refused() async throws {
        let (_, model) = try await opened()
        model.assign_(id: DemoData.employee.id.rawValue, name: "王小明")
        await model.assign()
        #expect(model.assignStatus.error?.code == ServiceError.Code.staffCardNotRegistered.rawValue)
        #expect(model.members.count == 2)
        #expect(model.idText == DemoData.employee.id.rawValue, "the form keeps what was typed after a refusal")
    }

    @Test("missing fields are shown after an attempt, and nothing is sent")
    func fields() async throws {
        let (_, model) = try await opened()
        #expect(model.error(.email) == nil, "not before an attempt")
        model.idText = DemoData.employee.id.rawValue
        await model.assign()
        #expect(model.error(.name) != nil && model.error(.email) != nil && model.error(.landline) != nil)
        #expect(model.assignStatus == .idle)
        model.credential = .citizen
        #expect(model.fields.contains(.certificateSerial) && model.error(.certificateSerial) != nil)
    }

    @Test("assign with a citizen certificate, then delete only after the alert is answered 刪除")
    func assignAndDelete() async throws {
        let (fixture, model) = try await opened()
        model.assign_(id: DemoData.employee.id.rawValue, name: "王小明")
        model.credential = .citizen
        model.serialText = "0A1B2C3D4E5F6789"
        model.mayUseAllEnrolmentFunctions = true
        await model.assign()
        let member = try #require(model.assignStatus.result)
        #expect(member.role == .operator && member.mayUseAllEnrolmentFunctions && member.credential == .citizen)
        #expect(model.members.count == 3 && model.idText.isEmpty, "the list reloads; the form is cleared")

        let added = try #require(model.members.first { $0.personID == DemoData.employee.id })
        model.requestDelete(added)
        #expect(model.pendingDelete == added)
        model.cancelDelete()
        #expect(model.pendingDelete == nil && model.members.count == 3, "取消 deletes nothing")
        await model.confirmDelete()
        #expect(model.members.count == 3, "no question, no delete")

        model.requestDelete(added)
        await model.confirmDelete()
        #expect(model.deleteStatus.result == added)
        #expect(model.members.count == 2)
        #expect(throws: ServiceError.self) {
            _ = try fixture.service.staff.session(person: DemoData.employee.id, unit: fixture.sample.unit.code,
                                                  credential: .citizen, certificateSerial: "0A1B2C3D4E5F6789")
        }
    }

    @Test("an operator is not offered the screen and cannot open it")
    func operatorRefused() async throws {
        let fixture = try ServiceFixture(role: .operator)
        await fixture.signIn()
        #expect(!fixture.shell.tasks.contains(.staff))
        #expect(!fixture.shell.open(.staff))
    }

    @Test("lock and leaving the screen wipe the list and the form")
    func wiped() async throws {
        let (fixture, model) = try await opened()
        model.idText = "A123456789"
        #expect(fixture.shell.leavingDiscardsInput)
        fixture.shell.lock(.manual)
        #expect(model.members.isEmpty && model.idText.isEmpty)
    }
}

extension StaffManagementModel {
    /// Fills the assignment form's person and contact fields.
    func assign_(id: String, name: String) {
        idText = id
        nameText = name
        mobileText = "0912345678"
        emailText = "staff@demo.example"
    }
}

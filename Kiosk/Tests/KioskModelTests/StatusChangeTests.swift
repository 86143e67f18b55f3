@testable import KioskModel
import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Status changes, the roster and the audit log: 停保／育嬰留停／復保／續保, basic data, a searchable roster, the unit's audit log")
@MainActor
struct StatusChangeTests {
    func opened() async throws -> (ServiceFixture, StatusChangeModel) {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.tasks.contains(.statusChange) && fixture.shell.open(.statusChange))
        let model = fixture.shell.statusChange
        #expect(await eventually { model.roster.status.result != nil })
        return (fixture, model)
    }

    @Test("a suspension is reviewed (who, what, from when, why — ID masked) and filed only when confirmed; the service's refusal shows at the ID")
    func suspend() async throws {
        let (fixture, model) = try await opened()
        let employee = DemoData.employee
        #expect(model.dateText == ServiceFixture.today.rocCompact, "the date starts at today")
        model.requestReview()
        #expect(model.review == nil && model.error(.id) != nil, "an empty ID is named, nothing reviewed")
        model.idText = employee.id.rawValue
        model.reasonText = "出國六個月以上"
        model.requestReview()
        let review = try #require(model.review)
        let text = review.message(.traditionalChinese)
        #expect(review.kind == .statusChange && text.contains("停保") && text.contains(employee.id.masked) && !text.contains(employee.id.rawValue),
                "\(text)")
        #expect(text.contains("民國 " + ServiceFixture.today.rocSlashed) && text.contains("出國六個月以上"))
        #expect(try fixture.filedToday().isEmpty, "nothing filed while the review is up")
        model.cancelReview()
        #expect(model.review == nil && model.status == .idle)
        model.requestReview()
        await model.confirmReview()
        let filing = try #require(model.status.result)
        #expect(filing.kind == .suspend && filing.personID == employee.id && filing.reason == "出國六個月以上")
        #expect(try fixture.filedToday().contains { $0.id == filing.id })
        let receipt = Text.statusChange(.filed(filing)).localized(.traditionalChinese)
        #expect(receipt.contains("停保") && receipt.contains(employee.id.masked) && !receipt.contains(employee.id.rawValue))

        // A second suspension the same day: the service's refusal, shown at the ID.
        model.startOver()
        model.idText = employee.id.rawValue
        model.requestReview()
        await model.confirmReview()
        #expect(model.status.error?.code == ServiceError.Code.filingDuplicatePending.rawValue)
        #expect(model.error(.id)?.code == ServiceError.Code.filingDuplicatePending.rawValue)
    }

    @Test("resuming someone not suspended is refused by the service; choosing another change keeps the person, clears the outcome")
    func resumeRefused() async throws {
        let (_, model) = try await opened()
        model.choose(.resume)
        #expect(model.fields == [.id, .date, .reason])
        model.idText = DemoData.spouse.id.rawValue
        model.requestReview()
        await model.confirmReview()
        #expect(model.status.error?.code == ServiceError.Code.filingNotSuspended.rawValue)
        model.choose(.parentalLeave)
        #expect(model.status == .idle && model.idText == DemoData.spouse.id.rawValue)
        #expect(Text.statusChange(.caption(.date, .parentalLeave)).localized(.traditionalChinese).contains("育嬰留職停薪"))
    }

    @Test("basic data: nothing to change is named; a new birth date asks for proof; a new name is filed")
    func basicData() async throws {
        let (_, model) = try await opened()
        model.choose(.basicData)
        #expect(model.fields == [.id, .name, .birthDate])
        model.idText = DemoData.spouse.id.rawValue
        model.requestReview()
        #expect(model.review == nil && model.nothingToChange && model.error(.name)?.code == ServiceError.Code.filingNothingToChange.rawValue)
        model.birthDateText = "0790203"
        #expect(model.needsProof)
        model.requestReview()
        await model.confirmReview()
        #expect(model.status.error?.code == ServiceError.Code.filingProofRequired.rawValue, "the service's proof rule")
        model.birthDateText = ""
        model.nameText = "李美鈴"
        #expect(!model.needsProof)
        model.requestReview()
        let text = try #require(model.review).message(.english)
        #expect(text.contains("New name：李美鈴") && text.contains("Change of basic data"), "\(text)")
        await model.confirmReview()
        #expect(model.status.result?.kind == .basicDataChange && model.status.result?.name == "李美鈴")
    }

    @Test("leaving a half-filled form asks; wiping clears every field")
    func unsaved() async throws {
        let (_, model) = try await opened()
        #expect(!model.hasUnsavedInput)
        model.reasonText = "出國"
        #expect(model.hasUnsavedInput)
        model.wipePersonalData()
        #expect(model.reasonText.isEmpty && model.idText.isEmpty && model.roster.lines.isEmpty)
    }

    @Test("the roster: everyone in force, each insured person followed by their dependants; search by name or ID start narrows it, keeping context")
    func roster() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.roster))
        let model = fixture.shell.roster
        #expect(await eventually { model.lines.result != nil })
        let all = try #require(model.lines.result)
        #expect(model.shown.count == all.count && !all.isEmpty)
        let shown = model.shown
        for (index, line) in shown.enumerated() where line.principalID != nil {
            let principal = shown[..<index].last { $0.principalID == nil }
            #expect(principal?.personID == line.principalID, "a dependant follows their insured person")
        }
        model.searchText = "李美玲"  // a dependant: her insured person comes along
        #expect(model.shown.map(\.personID).contains(DemoData.spouse.id) && model.shown.map(\.personID).contains(DemoData.employee.id))
        #expect(!model.shown.contains { $0.personID == DemoData.administrator.id })
        model.searchText = String(DemoData.administrator.id.rawValue.prefix(5)).lowercased()
        #expect(model.shown.first?.personID == DemoData.administrator.id, "an ID's start, in any case")
        let line = model.line(try #require(model.shown.first), .traditionalChinese)
        #expect(line.contains(DemoData.administrator.id.masked) && !line.contains(DemoData.administrator.id.rawValue))
        model.searchText = "沒有這個人"
        #expect(model.shown.isEmpty)
        model.dayText = "1150230"
        await model.load()
        #expect(model.dayError != nil, "a day that does not exist is named at the field")
        model.wipePersonalData()
        #expect(model.lines == .idle && model.searchText.isEmpty)
    }

    @Test("the audit log: the administrator reads the unit's entries newest first, IDs masked, searchable; an operator is not offered it")
    func auditLog() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.statusChange))
        let form = fixture.shell.statusChange
        form.idText = DemoData.employee.id.rawValue
        form.requestReview()
        await form.confirmReview()
        #expect(form.status.result != nil)
        #expect(fixture.shell.open(.auditLog))
        let model = fixture.shell.auditLog
        #expect(await eventually { model.entries.result != nil })
        let first = try #require(model.shown.first)
        #expect(first.action == "filing.suspend", "newest first: \(first.action)")
        #expect(model.shown.allSatisfy { !$0.target.contains(DemoData.employee.id.rawValue) })
        model.searchText = "filing.suspend"
        #expect(!model.shown.isEmpty && model.shown.allSatisfy { $0.action == "filing.suspend" })
        let line = model.line(first, .traditionalChinese)
        #expect(line.contains("filing.suspend") && line.contains(DemoData.employee.id.masked))
        #expect(!HomeMenu.tasks(for: staff(.operator, mayFileAllChanges: true), kioskMode: true).contains(.auditLog))
    }
}

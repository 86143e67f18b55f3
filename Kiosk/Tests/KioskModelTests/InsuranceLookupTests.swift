@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Insurance status and the proof by ID, for someone not at the counter")
@MainActor
struct InsuranceLookupTests {
    func opened() async throws -> (ServiceFixture, InsuranceLookupModel) {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.tasks.contains(.insuranceLookup))
        #expect(fixture.shell.open(.insuranceLookup))
        return (fixture, fixture.shell.insuranceLookup)
    }

    @Test("an employee of the unit: coverage and dependants, IDs masked on screen")
    func employee() async throws {
        let (_, model) = try await opened()
        model.idText = DemoData.employee.id.rawValue
        await model.lookUp()
        let status = try #require(model.status.result)
        #expect(status.isInsured && status.dependants.count == 2)
        let lines = model.statusLines(.traditionalChinese)
        #expect(lines.first == "王小明 \(DemoData.employee.id.masked)")
        #expect(!lines.joined().contains(DemoData.employee.id.rawValue))
    }

    @Test("the proof laid out as a document: title, reference, person, coverage table, dependants; masked on screen only")
    func proof() async throws {
        let (_, model) = try await opened()
        model.idText = DemoData.employee.id.rawValue
        await model.lookUp()
        let proof = try #require(await model.issueProof())
        #expect(model.proof.result == proof)
        let screen = ProofLayout(proof, language: .traditionalChinese, onScreen: true)
        #expect(screen.blocks.first == .title("全民健康保險投保證明"))
        #expect(screen.blocks.contains(.field(label: "身分證號（居留證統一證號）", value: DemoData.employee.id.masked)))
        #expect(screen.blocks.contains(.row(["投保單位", "身分", "加保日期"], header: true)))
        #expect(screen.blocks.contains(.heading("依附眷屬")))
        #expect(screen.text.contains { $0.contains("李美玲") && $0.contains(DemoData.spouse.id.masked) && $0.contains("配偶") })
        #expect(!screen.text.joined().contains(DemoData.employee.id.rawValue), "masked on screen")
        let paper = ProofLayout(proof, language: .english, onScreen: false)
        #expect(paper.text.contains("ID or resident certificate number：\(DemoData.employee.id.rawValue)"), "the person's own certificate")
        #expect(!paper.text.joined().contains(DemoData.spouse.id.rawValue), "dependants stay masked on paper")
        #expect(paper.text.contains { $0.hasPrefix("Reference \(proof.reference)") })
    }

    @Test("someone not insured with the unit: the service refuses, and nothing is shown")
    func notOurs() async throws {
        let (_, model) = try await opened()
        model.idText = DemoData.uninsured.id.rawValue
        await model.lookUp()
        #expect(model.status.error?.code == ServiceError.Code.notAuthorised.rawValue)
        #expect(model.statusLines(.traditionalChinese).isEmpty)
        #expect(await model.issueProof() == nil)
    }

    @Test("a mistyped ID or date is pointed out and nothing is sent; leaving wipes the lookup")
    func invalid() async throws {
        let (fixture, model) = try await opened()
        model.idText = "A12345678"
        await model.lookUp()
        #expect(model.idError != nil && model.status == .idle)
        model.idText = DemoData.employee.id.rawValue
        model.dateText = "1159999"
        await model.lookUp()
        #expect(model.dateError != nil && model.status == .idle)
        model.dateText = ""
        await model.lookUp()
        #expect(model.status.result != nil)
        fixture.shell.goHome()
        #expect(model.idText.isEmpty && model.status == .idle)
    }

    @Test("offered exactly when the service lets the session see the roster")
    func permission() async throws {
        let fixture = try ServiceFixture(role: .operator)
        await fixture.signIn()
        let staff = try #require(fixture.shell.staff)
        #expect(fixture.shell.tasks.contains(.insuranceLookup) == staff.permissions.allows(.viewRoster))
    }
}

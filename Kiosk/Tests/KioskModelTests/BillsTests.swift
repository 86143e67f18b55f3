@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Bills and payment slips through NHIService.premiums")
@MainActor
struct BillsTests {
    @Test("the unit's bills are listed; a slip is issued per bill, laid out from the bill's data; the service's daily limit is shown")
    func slips() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.tasks.contains(.bills))
        #expect(fixture.shell.open(.bills))
        let model = fixture.shell.billsModel
        #expect(await eventually { model.bills.result != nil })
        let bills = try #require(model.bills.result)
        let unpaid = try #require(bills.first { $0.month == fixture.sample.unpaidMonth })
        let line = model.line(unpaid, .traditionalChinese)
        #expect(line.contains(unpaid.month.compact) && line.contains("應繳 \(unpaid.amount.display) 元"), "\(line)")
        let issued = try #require(await model.issueSlip(unpaid))
        #expect(issued.id == unpaid.id && model.slip.result == issued)
        let lines = model.slipLines(issued, unitName: fixture.sample.unit.name, .traditionalChinese).map(\.text)
        #expect(lines.first == "全民健康保險保險費繳款單")
        #expect(lines.contains("繳款單位：\(fixture.sample.unit.code.rawValue) \(fixture.sample.unit.name)"))
        #expect(lines.contains("尚未繳納：\(issued.unpaid.display) 元"))
        _ = await model.issueSlip(unpaid)
        _ = await model.issueSlip(unpaid)
        #expect(await model.issueSlip(unpaid) == nil)
        #expect(model.slip.error?.code == ServiceError.Code.slipDownloadLimit.rawValue, "the service counts: 3 a day")
        fixture.shell.lock(.manual)
        #expect(model.bills == .idle && model.slip == .idle)
    }

    @Test("offered exactly when the service lets the session read statements")
    func permission() async throws {
        let fixture = try ServiceFixture(role: .operator)
        await fixture.signIn()
        let staff = try #require(fixture.shell.staff)
        #expect(fixture.shell.tasks.contains(.bills) == staff.permissions.allows(.statements))
    }
}

@testable import KioskModel
import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("DPR filing at the counter: checked as the service checks it, filed once after a confirmation, the slip made")
@MainActor
struct DPRFilingTests {
    static func dpr(premium: Int) -> String {
        "1,04595257,62,11401,11412,1,150000,\(premium),示範科技股份有限公司,02-27065866,pay@example.com.tw,王小明\r\n"
            + "2,I,1140131,A123456789,陳志明,150000,\(premium),,110001000,31800,150000,年終獎金\r\n"
    }

    @Test("a wrong premium is an error on its row, nothing filed; the right file is filed after the confirmation, its slip is a bill; again counts nothing twice")
    func file() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        try Data(Self.dpr(premium: 480).utf8).write(to: URL(fileURLWithPath: fixture.filesFolder + "/DPR045952571150301001.csv"))
        try Data(Self.dpr(premium: 481).utf8).write(to: URL(fileURLWithPath: fixture.filesFolder + "/DPR045952571150301002.csv"))
        #expect(fixture.shell.tasks.contains(.dpr) && fixture.shell.open(.dpr))
        let model = fixture.shell.dprFiling
        #expect(await eventually { model.shelf.files.count == 2 })
        await model.choose(try #require(model.shelf.files.first { $0.name.hasSuffix("001.csv") }))
        let wrong = try #require(model.check.result)
        #expect(!wrong.isValid && !model.canImport)
        let lines = model.issueLines(.traditionalChinese)
        #expect(lines.count == 1 && lines[0].isError && lines[0].text.hasPrefix("錯誤：第2列") && lines[0].text.contains("計算為481元")
                 && !lines[0].text.contains("premium"), "the row and the rule in words, no code: \(lines.map(\.text))")

        await model.choose(try #require(model.shelf.files.first { $0.name.hasSuffix("002.csv") }))
        #expect(model.check.result?.isValid == true && model.canImport)
        model.requestImport()
        model.dismissImport()
        #expect(try fixture.service.supplementary.details(ubn: UBN(parsing: "04595257")).isEmpty, "取消 files nothing")
        model.requestImport()
        await model.confirmImport()
        let result = try #require(model.importStatus.result)
        #expect(result.imported == 1 && result.duplicates == 0)
        let caller = try #require(fixture.shell.staff?.caller)
        let bills = try fixture.service.premiums.bills(payerKey: "110001000", by: caller)
        #expect(bills.contains { $0.category == .supplementary && $0.payerKey == "04595257" && $0.amount == 481 }, "the slip is the payer's bill")

        await model.choose(try #require(model.shelf.files.first { $0.name.hasSuffix("002.csv") }))
        #expect(model.check.result?.previousImport != nil, "the check says the same file was filed before")
        model.requestImport()
        await model.confirmImport()
        #expect(model.importStatus.result?.imported == 0 && model.importStatus.result?.duplicates == 1)
        #expect(Text.dpr(.imported(model.importStatus.result!)).localized(.traditionalChinese).contains("未重複計算"))
    }
}

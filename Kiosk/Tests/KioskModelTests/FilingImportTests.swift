@testable import KioskModel
import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Filing import and the filed-data listing: files from the exchange folder only, checked row by row, imported once after a confirmation")
@MainActor
struct FilingImportTests {
    func write(_ text: String, _ name: String, in fixture: ServiceFixture) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: fixture.filesFolder + "/" + name))
    }

    @Test("the shelf lists CSV files only: no link followed, no folder, no other extension; a file over 5 MB is refused")
    func shelf() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        try write("kind,id\n", "a.csv", in: fixture)
        try write("x", "notes.pdf", in: fixture)
        try FileManager.default.createDirectory(atPath: fixture.filesFolder + "/sub.csv", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.filesFolder + "/link.csv", withDestinationPath: "/etc/passwd")
        try Data(count: FileShelf.maximumSize + 1).write(to: URL(fileURLWithPath: fixture.filesFolder + "/big.csv"))
        #expect(fixture.shell.open(.filingImport))
        let model = fixture.shell.filingImport
        #expect(await eventually { model.shelf.status.result != nil })
        #expect(Set(model.shelf.files.map(\.name)) == ["a.csv", "big.csv"], "\(model.shelf.files.map(\.name))")
        await model.choose(try #require(model.shelf.files.first { $0.name == "big.csv" }))
        #expect(model.check.error?.code == KioskError.Code.fileTooLarge.rawValue && model.fileName == nil)
        if case .failure(let error) = FileShelf.readBounded(fixture.filesFolder + "/link.csv") {
            #expect(error.code == .fileUnreadable, "a link is never read")
        } else {
            Issue.record("a link was read")
        }
    }

    @Test("a file with a bad row: 第N筆 and the rule, nothing imported; a clean file imported once after the confirmation, then listed and printed")
    func importAndList() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        let employee = DemoData.employee.id.rawValue, nobody = DemoData.uninsured.id.rawValue
        try write("kind,id,name,birthDate,amount,date,dependantOf,relation\nadjust,\(employee),,,38200,\nwithdraw,\(nobody),,,,2026-11-23\n",
                  "bad.csv", in: fixture)
        try write("adjust,\(employee),,,38200,\n", "good.csv", in: fixture)
        #expect(fixture.shell.open(.filingImport))
        let model = fixture.shell.filingImport
        #expect(await eventually { model.shelf.files.count == 2 })
        await model.choose(try #require(model.shelf.files.first { $0.name == "bad.csv" }))
        let rejected = try #require(model.check.result)
        #expect(rejected.map(\.row) == [2] && !model.canImport)
        let line = model.line(rejected[0], .traditionalChinese)
        #expect(line.hasPrefix("第2筆：") && !line.contains(nobody), "\(line)")
        model.requestImport()
        #expect(!model.askingImport, "a file with refused rows is not offered for import")

        await model.choose(try #require(model.shelf.files.first { $0.name == "good.csv" }))
        #expect(model.check.result == [] && model.rowCount == 1 && model.canImport)
        #expect(model.hasUnsavedInput)
        model.requestImport()
        model.dismissImport()
        #expect(try fixture.filedToday().isEmpty, "取消 files nothing")
        model.requestImport()
        await model.confirmImport()
        let result = try #require(model.importStatus.result)
        #expect(result.imported == 1 && !result.alreadyImported && !model.canImport)
        #expect(try fixture.filedToday().contains { $0.kind == .salaryAdjustment && $0.adjustedAmount == 38_200 })
        await model.choose(try #require(model.shelf.files.first { $0.name == "good.csv" }))
        model.requestImport()
        await model.confirmImport()
        #expect(model.importStatus.result?.alreadyImported == true, "the same file is never filed twice")

        await model.loadListing()
        let listed = try #require(model.listing.result)
        let filing = try #require(listed.first { $0.kind == .salaryAdjustment })
        let shown = model.line(filing, .traditionalChinese)
        #expect(shown.contains(DemoData.employee.id.masked) && !shown.contains(employee) && shown.contains("38,200"))
        let print = model.printLines(listed, .traditionalChinese)
        #expect(print.first?.text == "全民健康保險申報資料套印表" && print.contains { $0.text.contains(employee) } && print.last?.text == "共 \(listed.count) 筆")
        model.fromText = "1151201"
        model.throughText = "1151101"
        await model.loadListing()
        #expect(model.listing.error?.code == KioskError.Code.rangeReversed.rawValue)
        model.wipePersonalData()
        #expect(model.fileName == nil && model.listing == .idle)
    }
}

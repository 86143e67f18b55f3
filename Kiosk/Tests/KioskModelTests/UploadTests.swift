import Foundation
@testable import KioskModel
import NHICore
import NHIService
import Testing

@Suite("Batch registration upload and upload records (against the backend contract)")
@MainActor
struct UploadTests {
    static let report = BatchCheckReport(
        fileName: "1100010001151123.csv", fileNameProblem: nil, encoding: "Big5 (CP950)", rows: 3, validRows: 2,
        issues: [BatchRowIssue(row: 2, field: "行動電話", maskedID: "A12345****",
                               error: PresentableError(code: "batch.mobileExcel", message: "行動電話遺失開頭的 0", messageEn: "the mobile lost its leading 0"),
                               suggestion: "0912345678", isWarning: true),
                 BatchRowIssue(row: 3, field: "身分證號", maskedID: "A12345****",
                               error: PresentableError(code: "nationalID.checksum", message: "身分證號：檢查碼錯誤", messageEn: "ID: wrong check digit"),
                               suggestion: nil, isWarning: false)])

    @Test("choose → check report with row errors and suggested fixes → submit → result log")
    func upload() async throws {
        let fixture = try ServiceFixture()
        fixture.batch.script(report: Self.report)
        await fixture.signIn()
        #expect(fixture.shell.open(.batchUpload))
        let model = fixture.shell.batchUpload
        #expect(model.isAvailable && !model.canSubmit)
        await model.choose(path: "/tmp/1100010001151123.csv")
        #expect(model.fileName == "1100010001151123.csv")
        let report = try #require(model.check.result)
        #expect(report.rejectedRows == 1 && model.canSubmit)
        let line = Text.uploads(.issueLine(report.issues[0])).localized(.traditionalChinese)
        #expect(line == "第 2 筆 A12345****［行動電話］：行動電話遺失開頭的 0；建議修正為 0912345678（已自動修正）")
        #expect(Text.uploads(.issueLine(report.issues[1])).localized(.english) == "Row 3 A12345**** [身分證號]: ID: wrong check digit")
        await model.submit()
        let record = try #require(model.submission.result)
        #expect(record.uploaded == 3 && record.succeeded == 2 && record.failed == 1)
        #expect(fixture.batch.submitted == ["/tmp/1100010001151123.csv"])
        #expect(!model.canSubmit, "a file is submitted once")
        #expect(KioskSnapshot(fixture.shell).flowStatus == "submit:succeeded")
    }

    @Test("a file with no valid row cannot be submitted")
    func nothingValid() async throws {
        let fixture = try ServiceFixture()
        fixture.batch.script(report: BatchCheckReport(fileName: "x.csv", fileNameProblem: nil, encoding: "UTF-8", rows: 1, validRows: 0,
                                                      issues: []))
        await fixture.signIn()
        await fixture.shell.batchUpload.choose(path: "/tmp/x.csv")
        #expect(!fixture.shell.batchUpload.canSubmit)
        await fixture.shell.batchUpload.submit()
        #expect(fixture.batch.submitted.isEmpty)
    }

    @Test("idling after the check wipes the report")
    func idle() async throws {
        let fixture = try ServiceFixture()
        fixture.batch.script(report: Self.report)
        await fixture.signIn()
        fixture.shell.open(.batchUpload)
        await fixture.shell.batchUpload.choose(path: "/tmp/1100010001151123.csv")
        fixture.idleOut()
        #expect(fixture.shell.batchUpload.check == .idle && fixture.shell.batchUpload.filePath == nil)
    }

    @Test("upload records: the last 3 months by default, filtered by status, with the log on request")
    func records() async throws {
        let fixture = try ServiceFixture()
        fixture.batch.script(report: Self.report)
        await fixture.signIn()
        await fixture.shell.batchUpload.choose(path: "/tmp/a.csv")
        await fixture.shell.batchUpload.submit()
        #expect(fixture.shell.open(.uploadRecords))
        let model = fixture.shell.uploadRecords
        #expect(model.fromText == "1150823" && model.throughText == "1151123")
        #expect(await eventually { model.status.result != nil })
        #expect(model.records.map(\.fileName) == ["a.csv"])
        model.filter = .waiting
        #expect(model.records.isEmpty)
        model.filter = .done
        model.showLog(model.records.first)
        #expect(model.openLog?.logLines.first == "開始執行...")
        model.fromText = "115/13/01"
        await model.search()
        #expect(model.error(.from) != nil)
    }

    @Test("without the backend the screens say what is missing instead of showing anything")
    func notConnected() throws {
        let fixture = Fixture()
        #expect(fixture.shell.missingModule(for: .batchUpload) == "NHIFormats, NHIService")
        #expect(fixture.shell.missingModule(for: .enrol) == "NHIService, NHIGrades")
        #expect(!fixture.shell.batchUpload.isAvailable)
    }
}

/// A deck that records what the tray asked for.
actor RecordingDeck: VirtualCardDeck {
    nonisolated let readerName = "Virtual PCD 00 00"
    private(set) var log: [String] = []
    var failNext = false
    func insert(_ card: DemoCard) async throws {
        if failNext { failNext = false; throw KioskError(.unexpected, subject: "vpcd") }
        log.append("insert \(card.name)")
    }
    func remove() async throws { log.append("remove") }
    func failOnce() { failNext = true }
}

@Suite("Demo card tray")
@MainActor
struct DemoCardTrayTests {
    @Test("inserts and removes through the deck; shown only in demo mode with a deck")
    func tray() async {
        let deck = RecordingDeck()
        let card = DemoCard(card: visitorCard(), role: "員工", roleEn: "employee")
        let tray = DemoCardTray(cards: [card], deck: deck)
        #expect(tray.isAvailable)
        await tray.insert(card)
        #expect(tray.inserted == card)
        await tray.remove()
        #expect(tray.inserted == nil)
        #expect(await deck.log == ["insert 王小明", "remove"])
        await deck.failOnce()
        await tray.insert(card)
        #expect(tray.status.error?.code == KioskError.Code.unexpected.rawValue && tray.inserted == nil)
        #expect(!DemoCardTray(cards: [card], deck: nil).isAvailable)
        let shell = Fixture().shell
        #expect(!shell.demoTray.isAvailable, "outside demo mode there is no tray")
    }
}

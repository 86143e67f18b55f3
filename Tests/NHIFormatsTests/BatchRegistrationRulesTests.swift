import Foundation
import Testing
import NHICore
@testable import NHIFormats

@Suite("Batch registration rules")
struct BatchRegistrationRulesTests {
    func check(_ text: String, _ options: BatchRegistrationChecker.Options = .init(fileName: "")) throws -> BatchRegistrationReport {
        try BatchRegistrationChecker(options).check(.bytes(Array(text.utf8), name: "t.csv"))
    }

    @Test("Seed 003's sample row: Z987654321 fails the resident-number checksum; everything else is valid")
    func seedRow() throws {
        let report = try check("Z987654321,Z987654321@eg.com.tw,0912345678,03-1234567#123\n")
        #expect(report.invalid == 1)
        #expect(report.errors.map(\.code) == [.batchInvalidID])
        #expect(report.errors[0].error.underlying?.code == .residentIDChecksum)
        // The same row with a valid ID is accepted without a single warning.
        let fixed = try check("Z123456780,Z987654321@eg.com.tw,0912345678,03-1234567#123\n")
        #expect(fixed.valid == 1 && fixed.errors.isEmpty && fixed.warnings.isEmpty)
    }

    @Test("Both file-name conventions parse; the ROC form is produced; anything else is rejected")
    func fileNames() throws {
        let roc = try BatchRegistrationFileName(parsing: "1100010001050801.csv")
        #expect(roc.unitCode.rawValue == "110001000")
        #expect(roc.date == (try CalendarDate(year: 2016, month: 8, day: 1)))
        #expect(roc.convention == .roc)
        let gregorian = try BatchRegistrationFileName(parsing: "11000000120160207")
        #expect(gregorian.unitCode.rawValue == "110000001")
        #expect(gregorian.date == (try CalendarDate(year: 2016, month: 2, day: 7)))
        #expect(gregorian.convention == .gregorian)
        #expect(gregorian.rocName == "1100000011050207.csv")
        #expect(try BatchRegistrationFileName(parsing: "/tmp/x/1200000001050530.CSV").fileExtension == ".CSV")
        #expect(try BatchRegistrationFileName(parsing: "1333974211050713.csv").unitCode.rawValue == "133397421")
        let built = BatchRegistrationFileName(unitCode: try UnitCode(parsing: "120000000"), date: try CalendarDate(year: 2016, month: 5, day: 30))
        #expect(built.name == "1200000001050530.csv")
        #expect(throws: FormatError(.batchFileName)) { try BatchRegistrationFileName(parsing: "roster.csv") }
        #expect(throws: FormatError(.batchFileName)) { try BatchRegistrationFileName(parsing: "110001000105080.csv") }
        #expect(throws: FormatError(.batchFileNameDate)) { try BatchRegistrationFileName(parsing: "1100010001050230.csv") }
        #expect(throws: FormatError(.batchFileNameExtension)) { try BatchRegistrationFileName(parsing: "1100010001050801.xlsx") }
    }

    @Test("A badly named file gets a warning suggesting the ROC name for the unit and today")
    func fileNameWarning() throws {
        let options = BatchRegistrationChecker.Options(unitCode: try UnitCode(parsing: "110001000"), fileName: "employees.csv",
                                                       today: try CalendarDate(year: 2025, month: 3, day: 4))
        let report = try check("A123456789,a@b.tw,,\n", options)
        #expect(report.warnings.map(\.code) == [.batchFileName])
        #expect(report.warnings[0].suggestion == "1100010001140304.csv")
        #expect(report.warnings[0].row == 0)
        let other = BatchRegistrationChecker.Options(unitCode: try UnitCode(parsing: "110001000"), fileName: "1200000001050530.csv")
        #expect(try check("A123456789,a@b.tw,,\n", other).warnings.map(\.code) == [.batchFileNameUnitCode])
    }

    @Test("Header rows are recognised; they decide the layout")
    func headers() throws {
        #expect(try check("身分證號,電子郵件,行動電話,聯絡電話\nA123456789,a@b.tw,,\n").hasHeader)
        #expect(try check("ID,E-mail,Mobile,Phone\nA123456789,a@b.tw,,\n").hasHeader)
        let legacy = try check("身分證號(必填),電子郵件(必填),電話\nA123456789,a@b.tw,0912345678\n")
        #expect(legacy.variant == .legacy2016 && legacy.valid == 1)
        let noHeader = try check("A123456789,a@b.tw,0227065866\n")
        #expect(!noHeader.hasHeader && noHeader.variant == .legacy2016 && noHeader.valid == 1 && noHeader.warnings.isEmpty)
        // A broken first data row is data, not a header.
        #expect(try !check("A12345678X,a@b.tw,,\n").hasHeader)
    }

    @Test("Scientific notation: recoverable only when every digit survives")
    func scientific() {
        #expect(ExcelNumberDamage.scientific("9.12345678E+08")?.exactInteger == "912345678")
        #expect(ExcelNumberDamage.scientific("9.12E+08")?.exactInteger == nil)
        #expect(ExcelNumberDamage.scientific("9.12E+08")?.integerDigitCount == 9)
        #expect(ExcelNumberDamage.scientific("2.27065866e8")?.exactInteger == "227065866")
        #expect(ExcelNumberDamage.scientific("9.1234567800E+08")?.exactInteger == "912345678")
        #expect(ExcelNumberDamage.scientific("1.5E+00")?.exactInteger == nil)
        for text in ["abc", "E+08", "9.E8", "-9.1E+08", "09.1E+08", "9.1E+", "9.1X+08"] {
            #expect(ExcelNumberDamage.scientific(text) == nil, "\(text)")
        }
    }

    @Test("A landline whose leading zero Excel dropped is restored in the 2016 layout without reformatting")
    func legacyPhone() throws {
        let report = try check("A123456789,a@b.tw,227065866\n", .init(variant: .legacy2016, fileName: ""))
        #expect(report.warnings.map(\.code) == [.excelLeadingZeroDropped])
        #expect(report.warnings[0].suggestion == "0227065866")
        #expect(try check("A123456789,a@b.tw,912345678\n", .init(variant: .legacy2016, fileName: "")).warnings.first?.suggestion == "0912345678")
    }

    @Test("Ambiguous damage stays an error")
    func ambiguous() throws {
        let report = try check("A123456789,a@b.tw,9.1E+08,2.3E+08\n")
        #expect(report.errors.map(\.code) == [.excelScientificNotation, .excelScientificNotation])
        #expect(report.errors[0].messageEn.contains("keeps only 2 significant digits of 9"))
        #expect(report.changes.isEmpty)
    }

    @Test("Repair: suggestions applied, blank rows and empty extra columns removed, errors untouched, CP950 CRLF, no header")
    func repair() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("1100010001150101.csv")
        let result = try BatchRegistrationRepair.repair(.file(Vectors.path("batch/1100010001150102.csv")), to: .file(out))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        let lines = try records(bytes, encoding: .cp950).map(\.fields)
        #expect(result.rowsWritten == 26 && lines.count == 26)
        #expect(result.invalidRowsWritten == 9)
        #expect(lines[0] == ["A123456789", "a@example.com.tw", "0912345678", "02-27065866"], "no header")
        #expect(lines[1][2] == "0912345678")
        #expect(lines[3][2] == "9.12E+08", "an unrecoverable value is left as it was")
        #expect(lines[4][0] == "Z123456780")
        #expect(lines.contains { $0[0] == "A123456788" }, "invalid rows are kept, unchanged")
        #expect(lines.filter { $0.count != 4 } == [[lines.first { $0.count == 5 }![0], "n@example.com.tw", "0912345678", "02-27065866", "extra"]],
                "only the row with data beyond the layout keeps its fifth column")
        // The repaired file checks clean apart from the rows that were errors.
        let again = try BatchRegistrationChecker(.init(fileName: "")).check(.file(out))
        #expect(again.warnings.map(\.code) == [.excelFormulaLike])
        #expect(again.invalid == 9)
        // A blank row is no record: it is named by its line; data rows by 第N筆.
        #expect(result.report.changes.contains { $0.row == 0 && $0.line == 12 && $0.codes == [.batchBlankRow] })
        #expect(result.report.changes.contains { $0.row == 5 && $0.from == "z12345****" && $0.to == "Z12345****" })
    }

    @Test("Files with undecodable text or broken quoting are not repaired automatically")
    func notRepairable() throws {
        let dir = TemporaryDirectory()
        #expect(throws: FormatError(.batchNotRepairable)) {
            try BatchRegistrationRepair.repair(.file(Vectors.path("batch/1100010001150107.csv")), to: .file(dir.file("x.csv")))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("x.csv")))
    }

    @Test("Row outcomes carry the entry, the masked ID and the NHI log reason")
    func outcomes() throws {
        let roster = InForceIDSet([try PersonalID(parsing: "A123456789")])
        var outcomes: [BatchRowOutcome] = []
        _ = try BatchRegistrationChecker(.init(roster: roster, fileName: "")).check(
            .bytes(Array("A123456789,a@b.tw,,\nF131104093,f@b.tw,,\nA123456788,x@b.tw,,\n".utf8))
        ) { (outcome: BatchRowOutcome) throws(FormatError) in outcomes.append(outcome) }
        #expect(outcomes.map(\.record) == [1, 2, 3])
        #expect(outcomes[0].entry?.id.rawValue == "A123456789")
        #expect(outcomes[1].rejection?.text == "非該單位在保險對象")
        #expect(outcomes[1].maskedID == "F13110****")
        #expect(outcomes[2].rejection?.code == .batchInvalidID)
    }

    @Test("The upload writer writes what Excel saves, configurable")
    func writer() throws {
        let entry = BatchRegistrationEntry(id: try PersonalID(parsing: "A123456789"), email: try EmailAddress(parsing: "a@b.tw"),
                                           mobile: try MobileNumber(parsing: "0912345678"), landline: try LandlineNumber(parsing: "03-1234567#123"))
        let writer = try BatchRegistrationWriter(.memory)
        try writer.write(entry)
        #expect(try writer.finish() == Array("A123456789,a@b.tw,0912345678,03-1234567#123\r\n".utf8))
        let utf8 = try BatchRegistrationWriter(.memory, variant: .legacy2016,
                                               options: .init(encoding: .utf8, byteOrderMark: true, lineEnding: .lf, includeHeader: true))
        try utf8.write(entry)
        #expect(try utf8.finish() == [0xEF, 0xBB, 0xBF] + Array("身分證號,電子郵件,電話\nA123456789,a@b.tw,0912345678\n".utf8))
    }
}

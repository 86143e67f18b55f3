import Foundation
import Testing
import NHICore
@testable import NHIFormats

/// The vectors in Vectors/batch against the hand-written expectations in expected.json:
/// the seeds' examples and Excel-damaged files in CP950, UTF-8 (with and without BOM),
/// UTF-16LE with BOM, and CRLF/LF/CR line endings.
@Suite("Batch registration vectors")
struct BatchRegistrationVectorTests {
    static let files = ["1100010001050801.csv", "1200000001050530.csv", "11000000120150807.CSV",
                        "1100010001150101.csv", "1100010001150102.csv", "1100010001150103.csv", "1100010001150104.csv",
                        "1100010001150105.csv", "1100010001150106.csv", "1100010001150107.csv"]

    struct Expected {
        let encoding: String, variant: String, header: Bool
        let rows: Int, valid: Int, invalid: Int, blankRows: Int
        let errors: [[String: Any]], warnings: [[String: Any]]

        init(_ key: String) throws {
            let object = try #require(Vectors.expected[key])
            encoding = object["encoding"] as! String
            variant = object["variant"] as! String
            header = object["header"] as! Bool
            rows = object["rows"] as! Int
            valid = object["valid"] as! Int
            invalid = object["invalid"] as! Int
            blankRows = object["blankRows"] as! Int
            errors = object["errors"] as! [[String: Any]]
            warnings = object["warnings"] as! [[String: Any]]
        }
    }

    static func compare(_ report: BatchRegistrationReport, _ expected: Expected, _ file: String) {
        #expect(report.encoding.reportedName == expected.encoding, "\(file) encoding")
        #expect(report.variant.rawValue == expected.variant, "\(file) variant")
        #expect(report.hasHeader == expected.header, "\(file) header")
        #expect(report.rows == expected.rows, "\(file) rows")
        #expect(report.valid == expected.valid, "\(file) valid")
        #expect(report.invalid == expected.invalid, "\(file) invalid")
        #expect(report.blankRows == expected.blankRows, "\(file) blank rows")
        #expect(report.valid + report.invalid == report.rows)
        let errors = report.errors.map { "\($0.row):\($0.column):\($0.code.rawValue)" }
        let wantErrors = expected.errors.map { "\($0["row"]!):\($0["column"]!):\($0["code"]!)" }
        #expect(errors == wantErrors, "\(file) errors")
        for (issue, want) in zip(report.errors, expected.errors) {
            if let rule = want["rule"] as? String { #expect(issue.error.underlying?.errorCode == rule, "\(file) row \(issue.row) rule") }
        }
        let warnings = report.warnings.map { "\($0.row):\($0.column):\($0.code.rawValue):\($0.suggestion ?? "nil")" }
        let wantWarnings = expected.warnings.map { "\($0["row"]!):\($0["column"]!):\($0["code"]!):\(($0["suggestion"] as? String) ?? "nil")" }
        #expect(warnings == wantWarnings, "\(file) warnings")
    }

    @Test("Each vector gives exactly the expected rows, errors and warnings", arguments: files)
    func vector(_ file: String) throws {
        let checker = BatchRegistrationChecker(.init(today: try CalendarDate(year: 2026, month: 1, day: 1)))
        let report = try checker.check(.file(Vectors.path("batch/" + file)))
        Self.compare(report, try Expected(file), file)
    }

    @Test("The reference path alone gives the same report as the byte fast path", arguments: files)
    func fastPathMatchesReference(_ file: String) throws {
        var options = BatchRegistrationChecker.Options()
        let fast = try BatchRegistrationChecker(options).check(.file(Vectors.path("batch/" + file)))
        options.referencePathOnly = true
        let reference = try BatchRegistrationChecker(options).check(.file(Vectors.path("batch/" + file)))
        #expect(fast == reference)
        #expect(fast.errors.map(\.message) == reference.errors.map(\.message))
    }

    @Test("With the unit's roster, the person who is not in force is rejected with the NHI's words")
    func roster() throws {
        let loaded = try InForceRoster.loadIDs(from: .file(Vectors.path("roster/roster-110001000.csv")))
        #expect(loaded.errors.isEmpty)
        #expect(loaded.ids.count == Vectors.expected["roster-110001000.csv"]!["people"] as! Int)
        let checker = BatchRegistrationChecker(.init(roster: loaded.ids))
        let report = try checker.check(.file(Vectors.path("batch/1100010001150101.csv")))
        Self.compare(report, try Expected("1100010001150101.csv+roster"), "roster")
        let notInForce = try #require(report.errors.first { $0.code == .batchNotInForce })
        #expect(notInForce.message.hasSuffix("非該單位在保險對象"))
        #expect(notInForce.value?.hasSuffix("****") == true)
    }

    @Test("Loading the roster on another thread while the file is read gives the same report", arguments: files)
    func concurrentRoster(_ file: String) throws {
        let rosterFile = ByteInput.file(Vectors.path("roster/roster-110001000.csv"))
        let loaded = try InForceRoster.loadIDs(from: rosterFile)
        let sequential = try BatchRegistrationChecker(.init(roster: loaded.ids)).check(.file(Vectors.path("batch/" + file)))
        for _ in 0..<3 {
            let (concurrent, roster) = try BatchRegistrationChecker().check(.file(Vectors.path("batch/" + file)), rosterFile: rosterFile)
            #expect(concurrent == sequential)
            #expect(concurrent.errors.map(\.message) == sequential.errors.map(\.message))
            #expect(roster.ids.count == loaded.ids.count)
        }
        #expect(throws: FormatError(.fileOpen)) {
            try BatchRegistrationChecker().check(.file(Vectors.path("batch/" + file)), rosterFile: .file("/nonexistent/roster.csv"))
        }
    }

    @Test("Duplicate IDs name both rows")
    func duplicates() throws {
        let report = try BatchRegistrationChecker().check(.file(Vectors.path("batch/1100010001150101.csv")))
        let duplicate = try #require(report.errors.first { $0.code == .batchDuplicateID })
        // Numbered as the NHI's result log numbers rows (第N筆): spreadsheet rows 2 and 11
        // are the 1st and 10th data rows (the header is not counted).
        #expect(duplicate.row == 10 && duplicate.error.line == 11)
        #expect(duplicate.message.contains("第1筆與第10筆"))
        #expect(duplicate.messageEn.contains("rows 1 and 10"))
        #expect(duplicate.value == "A12345****")
    }

    @Test("Multi-line records report the line they start on")
    func lines() throws {
        let report = try BatchRegistrationChecker().check(.file(Vectors.path("batch/1100010001150106.csv")))
        let lines = try #require(Vectors.expected["1100010001150106.csv"]?["lines"] as? [String: Int])
        for (row, line) in lines {
            let issue = try #require(report.errors.first { $0.row == Int(row) })
            #expect(issue.error.line == line, "row \(row)")
        }
    }

    @Test("Values are masked for IDs and shown for other fields")
    func masking() throws {
        let report = try BatchRegistrationChecker().check(.file(Vectors.path("batch/1100010001150101.csv")))
        for issue in report.errors + report.warnings where issue.column == 1 && issue.value != nil {
            #expect(issue.value!.hasSuffix("****"), "\(issue.code) row \(issue.row)")
        }
        #expect(report.errors.first { $0.code == .batchInvalidEmail && $0.row == 23 }?.value == "碁@example.com.tw")
    }
}

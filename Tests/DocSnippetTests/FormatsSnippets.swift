// The code snippets of the NHIFormats catalog, copied verbatim; compiled only (they read
// files the reader supplies). The free names of each snippet are the function's parameters.
import Foundation
import NHICore
import NHIFormats

enum FormatsSnippets {
    // Source: Sources/NHIFormats/NHIFormats.docc/CheckingABatchRegistrationFile.md, snippet 1
    static func checkingABatchRegistrationFile1() throws {
        let roster = try InForceRoster.loadIDs(from: .file("roster-110001000.csv"))
        let checker = BatchRegistrationChecker(.init(
            unitCode: try UnitCode(parsing: "110001000"),
            roster: roster.ids))
        let report = try checker.check(.file("1100010001050801.csv"))

        print(report.encoding, report.variant, report.rows, report.valid, report.invalid)
        for error in report.errors {
            print(error.row, error.column, error.code, error.message, error.value ?? "")
            // 2 1 batch.invalidID 身分證號或居留證號：不是有效的身分證號或居留證號（檢查碼不符） Z98765****
        }
    }

    // Source: Sources/NHIFormats/NHIFormats.docc/CheckingABatchRegistrationFile.md, snippet 2
    static func checkingABatchRegistrationFile2(checker: BatchRegistrationChecker, path: String,
                                                uploaded: LocalDateTime, started: LocalDateTime, finished: LocalDateTime) throws {
        var outcomes: [BatchRowOutcome] = []
        let report = try checker.check(.file(path)) { (outcome: BatchRowOutcome) throws(FormatError) in
            outcomes.append(outcome)
        }
        print(report.valid, "of", report.rows, "rows valid")
        let log = try BatchRegistrationLog(uploadFileName: "1100010001050801.csv", stampedAt: uploaded,
                                           startedAt: started, finishedAt: finished,
                                           entries: BatchRegistrationLog.entries(from: outcomes, at: finished))
        _ = log
    }

    /// What the DPR snippet calls `premiumCalculator` and `store`.
    struct PremiumSource: Sendable {
        func premium(for detail: DPRDetailRecord, code: DPRIncomeCode) -> Money? { nil }
    }
    struct Store {
        func importOnce(_ detail: DPRDetailRecord, key: String) throws {}
    }

    // Source: Sources/NHIFormats/NHIFormats.docc/ReadingAndWritingDPRFiles.md, snippet 1
    static func readingAndWritingDPRFiles1(premiumCalculator: PremiumSource, store: Store) throws {
        let reader = DPRReader(.init(expectedPremium: { detail, code in
            premiumCalculator.premium(for: detail, code: code)   // e.g. from NHIGrades
        }))
        let report = try reader.check(.file("DPR045952571150301001.csv"))
        for error in report.errors { print(error.row, error.column, error.message) }

        let file = try reader.read(.file("DPR045952571150301001.csv"))   // throws on any error
        for (detail, hash) in zip(file.details, file.contentHashes) {
            try store.importOnce(detail, key: hash)    // the same detail always has the same hash
        }
    }

    static func use(_ fields: [String]) {}

    // Source: Sources/NHIFormats/NHIFormats.docc/ReadingCSVInAnyEncoding.md, snippet 1
    static func readingCSVInAnyEncoding1() throws {
        let reader = try CSVReader(.file("upload.csv"))           // encoding detected
        while let record = try reader.next() {
            for problem in record.problems {
                print(problem.message)      // 第3列第2欄 含無法解碼的位元組…（欄位第1個位元組（81 20）不是有效的cp950）
            }
            use(record.fields)
        }
        print(reader.detection)             // cp950, utf-8 (BOM), utf-16le (BOM), ascii…
    }

    // Source: Sources/NHIFormats/NHIFormats.docc/RepairingExcelDamage.md, snippet 1
    static func repairingExcelDamage1(roster: InForceRoster.IDLoadResult) throws {
        let result = try BatchRegistrationRepair.repair(
            .file("1100010001050801.csv"),
            checker: BatchRegistrationChecker(.init(roster: roster.ids)),
            to: .file("fixed/1100010001050801.csv"))    // CP950, CRLF, no header: what Excel saves
        for change in result.report.changes {
            print(change.row, change.column, change.codes, change.from, "→", change.to)
        }
    }

    // Source: Sources/NHIFormats/NHIFormats.docc/RostersAndLists.md, snippet 1
    static func rostersAndLists1() throws {
        let result = try InForceRoster.read(.file("roster.csv"))
        _ = try result.roster.write(to: .file("roster-export.csv"))   // the bytes written (empty for a file)

        // Only the IDs, fast (a million people in well under a second):
        let ids = try InForceRoster.loadIDs(from: .file("roster.csv")).ids
        print(ids.count)
    }

    // Source: Sources/NHIFormats/NHIFormats.docc/WritingAndReadingResultLogs.md, snippet 1
    static func writingAndReadingResultLogs1(outcomes: [BatchRowOutcome]) throws {
        let at = try LocalDateTime(parsing: "2016-07-13T11:56:45")
        let log = try BatchRegistrationLog(uploadFileName: "1333974211050713.csv",
                                           stampedAt: try LocalDateTime(parsing: "1050713104533"),
                                           startedAt: at, finishedAt: at,
                                           entries: BatchRegistrationLog.entries(from: outcomes, at: at))
        let path = try log.write(toDirectory: "/var/lib/nhi/logs")   // …/1333974211050713.1050713104533.log

        let parsed = try BatchRegistrationLog.read(.file(path))
        print(parsed.total, parsed.succeeded, parsed.failed)
    }
}

import Foundation
import NHICore
import Testing
@testable import NHIGrades

@Suite("Table files are checked when loaded")
struct TableValidationTests {
    func load(_ files: [(String, String)], includingBundled: Bool = false) throws(GradeError) -> GradeTables {
        let directory: TableDirectory
        do {
            directory = try TableDirectory()
            for (path, text) in files { try directory.write(path, text) }
        } catch {
            Issue.record("cannot write test files: \(error)")
            throw GradeError(.tableUnreadable)
        }
        return try GradeTables(loadingFrom: directory.url, includingBundled: includingBundled)
    }

    @Test("A well-formed extra file is merged with the bundled tables: next year is a file, not code")
    func nextYearIsAFile() throws {
        let grades: [Int64] = [31_000] + Spec10.shared.nhiCommon.filter { $0 > 31_000 } + Spec10.shared.nhiFrom2025
        let merged = try load([("nhi/2027-01-01.json", tableJSON(effectiveFrom: "2027-01-01", grades: numbered(grades)))], includingBundled: true)
        #expect(try merged.table(.nhi, on: d("2026-12-31")).effectiveFrom == d("2026-01-01"))
        let found = try merged.lookup(salary: m(30_000), on: d("2027-03-01"))
        #expect(found.insuredAmount == m(31_000))
        #expect(found.grade.number == 1)
        #expect(found.table.file == "nhi/2027-01-01.json")
        #expect(merged.tables(.nhi).count == tables.tables(.nhi).count + 1)
        // The bundled rates still apply to the new table.
        #expect(try PremiumCalculator(tables: merged).nhi(insuredAmount: m(31_000), on: d("2027-03-01")).perHead == m(481))
    }

    @Test("Unsorted rows are refused, naming the file and row")
    func unsorted() {
        #expect {
            _ = try load([("nhi/x.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000), (2, 29_000)]))])
        } throws: { error in
            let error = error as? GradeError
            return error?.code == .tableUnsorted && error?.file == "nhi/x.json" && error?.row == 2
                && error?.message.contains("nhi/x.json 第2筆") == true && error?.messageEn.contains("row 2") == true
        }
    }

    @Test("Duplicate grade numbers or amounts are refused")
    func duplicates() {
        #expect(throws: GradeError(.tableDuplicateGrade)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000), (1, 31_000)]))])
        }
        #expect(throws: GradeError(.tableDuplicateGrade)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000), (2, 30_000)]))])
        }
    }

    @Test("Gaps in grade numbering are refused")
    func gaps() {
        #expect(throws: GradeError(.tableGap)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000), (3, 31_000)]))])
        }
        #expect(throws: GradeError(.tableGap)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(2, 30_000)]))])
        }
    }

    @Test("Two tables of one kind on the same date are refused, also against the bundled ones")
    func overlap() {
        #expect(throws: GradeError(.tableOverlap)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)])),
                          ("b.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 31_000)]))])
        }
        #expect {
            _ = try load([("nhi/2026-01-01.json", tableJSON(effectiveFrom: "2026-01-01", grades: [(1, 29_500)]))], includingBundled: true)
        } throws: { error in
            (error as? GradeError)?.code == .tableOverlap && (error as? GradeError)?.input?.contains("2026-01-01") == true
        }
        // Different kinds on the same date are fine.
        #expect(throws: Never.self) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)])),
                          ("b.json", tableJSON(kind: "pension", effectiveFrom: "2030-01-01", grades: [(1, 1_500)]))])
        }
    }

    @Test("Missing provenance is refused: no source, or no instrument number without notes")
    func provenance() {
        #expect(throws: GradeError(.tableProvenance)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)], source: "{}"))])
        }
        #expect(throws: GradeError(.tableProvenance)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)], instrument: #"{"issuer": "衛生福利部"}"#))])
        }
        #expect(throws: GradeError(.tableProvenance)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)], instrument: #"{"issuer": " ", "number": "x"}"#))])
        }
        #expect(throws: Never.self) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)], instrument: #"{"issuer": "衛生福利部"}"#,
                                               notes: "instrument number not yet published"))])
        }
        #expect(throws: GradeError(.tableMalformed)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: [(1, 30_000)], instrument: "null"))])
        }
    }

    @Test("Empty tables, part-time grades above the first grade, bad JSON and unknown kinds are refused")
    func otherErrors() {
        #expect(throws: GradeError(.tableEmpty)) { _ = try load([("a.json", tableJSON(effectiveFrom: "2030-01-01", grades: []))]) }
        #expect(throws: GradeError(.tablePartTime)) {
            _ = try load([("a.json", tableJSON(kind: "labour", effectiveFrom: "2030-01-01", grades: [(1, 30_000)], partTime: [(1, 11_100), (2, 30_000)]))])
        }
        #expect(throws: GradeError(.tableMalformed)) { _ = try load([("a.json", "{\"kind\": \"nhi\", ")]) }
        #expect(throws: GradeError(.tableMalformed)) {
            _ = try load([("a.json", tableJSON(effectiveFrom: "2030-02-30", grades: [(1, 30_000)]))])
        }
        #expect(throws: GradeError(.tableKind)) { _ = try load([("a.json", #"{"kind": "holidays"}"#)]) }
        #expect(throws: GradeError(.tableDirectory)) {
            _ = try GradeTables(loadingFrom: URL(fileURLWithPath: "/nonexistent/tables"))
        }
    }

    @Test("A malformed-file error names the JSON path")
    func malformedPath() {
        #expect {
            _ = try load([("nhi/a.json", #"{"kind": "nhi", "effectiveFrom": "2030-01-01", "title": "t", "titleEn": "t", "instrument": {"issuer": "x", "number": "y"}, "source": {"title": "s"}, "grades": [{"grade": 1}]}"#)])
        } throws: { error in
            let error = error as? GradeError
            return error?.code == .tableMalformed && error?.messageEn.contains("amount") == true && error?.messageEn.contains("grades[0]") == true
        }
    }

    @Test("Rate files: bad values, unknown series and same-date entries are refused")
    func rateFiles() {
        let entry = #"{"effectiveFrom": "2030-01-01", "value": "%V%", "instrument": {"issuer": "x", "number": "y"}, "source": {"title": "s"}}"#
        func rateFile(series: String = "nhi.premium", values: [String]) -> String {
            #"{"kind": "rate", "series": "\#(series)", "entries": ["# + values.map { entry.replacingOccurrences(of: "%V%", with: $0) }.joined(separator: ",") + "]}"
        }
        #expect(throws: GradeError(.rateFormat)) { _ = try load([("r.json", rateFile(values: ["5,17%"]))]) }
        #expect(throws: GradeError(.tableKind)) { _ = try load([("r.json", rateFile(series: "nhi.other", values: ["5%"]))]) }
        #expect(throws: GradeError(.tableOverlap)) { _ = try load([("r.json", rateFile(values: ["5%", "6%"]))]) }
        #expect(throws: GradeError(.tableOverlap)) {
            _ = try load([("r.json", rateFile(values: ["5%"]).replacingOccurrences(of: "2030-01-01", with: "2021-01-01"))], includingBundled: true)
        }
    }

    @Test("Share files must add up to 100 % and cover every category")
    func shareFiles() {
        func sharesFile(_ body: String) -> String {
            #"{"kind": "shares", "scheme": "nhi", "entries": [{"effectiveFrom": "2030-01-01", "instrument": {"issuer": "x", "number": "y"}, "source": {"title": "s"}, "shares": {\#(body)}}]}"#
        }
        #expect(throws: GradeError(.sharesSum)) {
            _ = try load([("s.json", sharesFile(#""employee": {"insured": "30%", "unit": "60%", "government": "11%"}"#))])
        }
        #expect(throws: GradeError(.sharesMissing)) {
            _ = try load([("s.json", sharesFile(#""employee": {"insured": "30%", "unit": "60%", "government": "10%"}"#))])
        }
    }
}

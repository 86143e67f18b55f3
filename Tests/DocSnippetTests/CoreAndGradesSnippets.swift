// The code snippets of README.md and the NHICore and NHIGrades catalogs, copied verbatim
// (DocSnippetDriftTests fails when a snippet in the docs is not found here). The ones that
// need no hardware or files run, and their printed claims are checked.
import Foundation
import NHICore
import NHIFormats
import NHIGrades
import Testing

@Suite("Doc snippets: README, NHICore, NHIGrades")
struct CoreAndGradesSnippets {
    // Source: README.md, snippet 1
    @Test func readme1() throws {
        let typed = Normalizer.identifier.normalize(" ａ１２３４５６７８９")
        print(typed.changes)                        // full-width → half-width, trimmed, upper-cased
        let id = try NationalID(parsing: typed.value)
        print(id.sex, id.region.name, id)           // male 臺北市 A12345****   (description is masked)
        #expect(id.region.name == "臺北市" && "\(id)" == "A12345****")
    }

    // Source: README.md, snippet 2 (runs: the batch file is missing, so the CodedError branch prints)
    @Test func readme2() throws {
        do {
            let premium = try PremiumCalculator(tables: .bundled)
                .nhi(salary: 29_500, on: CalendarDate(iso: "2026-01-01"), dependants: 2)
            print(String(decoding: try JSONEncoder().encode(premium), as: UTF8.self))   // {"insuredAmount":29500,…,"perHead":458,…}
            let report = try BatchRegistrationChecker().check(.file("1100010001150101.csv"))
            print(report.invalid, "invalid rows")
        } catch let error as any CodedError {
            print(error.errorCode, error.messageEn)     // e.g. file.open: the file cannot be opened …
        } catch {
            print(error.localizedDescription)
        }
    }

    // Source: Sources/NHICore/NHICore.docc/NHICore.md, snippet 1
    @Test func nhiCore1() throws {
        let id = try NationalID(parsing: "A123456789")
        print(id.sex)           // male
        print(id.region.name)   // 臺北市
        print(id)               // A12345****  — masked, so IDs never leak into logs
        #expect(id.sex == .male)
    }

    // Source: Sources/NHICore/NHICore.docc/NormalisingInput.md, snippet 1
    @Test func normalisingInput1() {
        let n = Normalizer.identifier.normalize("ａ１２３ ４５６ ７８９")
        print(n.value)     // A123456789
        print(n.changes)   // [.fullWidthToHalfWidth(count: 10), .removedSeparators(count: 2), .uppercased(count: 1)]
        #expect(n.value == "A123456789")
        #expect(n.changes == [.fullWidthToHalfWidth(count: 10), .removedSeparators(count: 2), .uppercased(count: 1)])
    }

    // Source: Sources/NHICore/NHICore.docc/ParsingIdentifiers.md, snippet 1
    @Test func parsingIdentifiers1() throws {
        switch try PersonalID(parsing: "A800000014") {
        case .national(let id): print("citizen", id.sex)
        case .resident(let id): print("resident", id.category)   // resident foreign
        }
    }

    // Source: Sources/NHICore/NHICore.docc/ParsingIdentifiers.md, snippet 2
    @Test func parsingIdentifiers2() throws {
        do { _ = try UBN(parsing: "12345678") }
        catch ValidationError(.ubnChecksum) { /* … */ }
    }

    // Source: Sources/NHICore/NHICore.docc/WorkingWithROCDates.md, snippet 1
    @Test func workingWithROCDates1() throws {
        let d = try ROCDate(parsing: "民國 111 年 12 月 27 日")
        print(d.gregorian.iso)          // 2022-12-27
        print(d.formatted(.compact))    // 1111227
        print(d.formatted(.slashed))    // 111/12/27
        #expect(d.gregorian.iso == "2022-12-27" && d.formatted(.compact) == "1111227" && d.formatted(.slashed) == "111/12/27")
    }

    // Source: Sources/NHIGrades/NHIGrades.docc/NHIGrades.md, snippet 1
    @Test func nhiGrades1() throws {
        let tables = GradeTables.bundled
        let on = try CalendarDate(iso: "2026-03-01")
        let found = try tables.lookup(salary: 30_000, on: on)
        print(found.insuredAmount)   // NT$30,300 (grade 2, band 29,501–30,300)

        let premium = try PremiumCalculator(tables: tables).nhi(insuredAmount: found.insuredAmount, on: on, dependants: 1)
        print(premium.insured)       // NT$940 (470 × 2)
        print(premium.unit)          // NT$1,466
        print(premium.government)    // NT$244
        #expect(found.insuredAmount == 30_300 && premium.insured == 940 && premium.unit == 1_466 && premium.government == 244)
    }

    // Source: Sources/NHIGrades/NHIGrades.docc/AddingATable.md, snippet 1 (compiled only: needs the directory)
    func addingATable1() throws {
        let tables = try GradeTables(loadingFrom: URL(fileURLWithPath: "/etc/nhi/tables"))
        print(tables.all.count)      // the bundled tables and yours
    }
}

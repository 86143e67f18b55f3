import Foundation
import Testing
import NHICore
@testable import NHIFormats

@Suite("Rosters and lists")
struct RosterTests {
    @Test("The roster vector reads completely; the fast ID loader finds the same people")
    func roster() throws {
        let result = try InForceRoster.read(.file(Vectors.path("roster/roster-110001000.csv")))
        #expect(result.errors.isEmpty && result.warnings.isEmpty)
        #expect(result.encoding.encoding == .cp950)
        let people = result.roster.entries
        #expect(people.count == Vectors.expected["roster-110001000.csv"]!["people"] as! Int)
        #expect(people[0].name?.value == "測試00碁")
        #expect(people[0].role == .insured)
        #expect(people[0].birthDate == (try CalendarDate(year: 1991, month: 1, day: 1)))
        #expect(people[0].insuredAmount == 29_500)
        let ids = try InForceRoster.loadIDs(from: .file(Vectors.path("roster/roster-110001000.csv")))
        #expect(ids.ids.count == people.count)
        #expect(people.allSatisfy { ids.ids.contains($0.id) })
        #expect(!ids.ids.contains(try PersonalID(parsing: "L123456788")), "a valid ID that is not on the roster")
    }

    @Test("Write and read back: same people, formula-protected names, header in any order")
    func roundTrip() throws {
        let entries = [
            InForceRosterEntry(id: try PersonalID(parsing: "A123456789"), name: try PersonName("@SUM(A1)"), role: .insured,
                               birthDate: try CalendarDate(year: 1990, month: 5, day: 4), insuredAmount: 45_800,
                               enrolledOn: try CalendarDate(year: 2025, month: 1, day: 1)),
            InForceRosterEntry(id: try PersonalID(parsing: "A800000014"), name: try PersonName("ＪＯＨＮ　ＳＭＩＴＨ"), role: .dependant,
                               principalID: try PersonalID(parsing: "A123456789")),
        ]
        let bytes = try InForceRoster(entries: entries).write(to: .memory)
        #expect(String(decoding: try records(bytes)[1].fields[1].utf8, as: UTF8.self).hasPrefix("'@"))
        let read = try InForceRoster.read(.bytes(bytes))
        #expect(read.errors.isEmpty)
        #expect(read.roster.entries == entries)
        let shuffled = "投保金額,name,身分證號\n45800,王小明,A123456789\n,李,F131104093\n"
        let other = try InForceRoster.read(.bytes(Array(shuffled.utf8)))
        #expect(other.roster.entries.map(\.id.rawValue) == ["A123456789", "F131104093"])
        #expect(other.roster.entries[0].insuredAmount == 45_800)
    }

    @Test("Rosters without a header, with invalid and duplicated IDs")
    func problems() throws {
        let text = "A123456789,甲\na123456789,乙\nA123456788,丙\n\nF131104093\n"
        let read = try InForceRoster.read(.bytes(Array(text.utf8)))
        #expect(read.roster.entries.map(\.id.rawValue) == ["A123456789", "F131104093"])
        #expect(read.errors.map { "\($0.row):\($0.code.rawValue)" } == ["3:roster.invalidID"])
        #expect(read.warnings.map { "\($0.row):\($0.code.rawValue)" } == ["2:roster.duplicateID"])
        let ids = try InForceRoster.loadIDs(from: .bytes(Array(text.utf8)))
        #expect(ids.ids.count == 2 && ids.rows == 4 && ids.errors.count == 1)
        #expect(throws: FormatError(.rosterMissingIDColumn)) { try InForceRoster.read(.bytes(Array("姓名,電話\n王,02\n".utf8))) }
    }

    @Test("Bulk salary-adjustment list: write, tick in Excel, read back")
    func salaryList() throws {
        let items = [
            SalaryAdjustmentItem(id: try PersonalID(parsing: "A123456789"), name: try PersonName("王小明"), oldAmount: 25_250, newAmount: 26_400, selected: true),
            SalaryAdjustmentItem(id: try PersonalID(parsing: "F131104093"), name: try PersonName("-林"), oldAmount: 25_250, newAmount: 26_400, selected: false),
        ]
        let bytes = try SalaryAdjustmentList.write(items, to: .memory)
        #expect(try records(bytes)[2].fields == ["F131104093", "'-林", "25250", "26400", "N"])
        #expect(try SalaryAdjustmentList.read(.bytes(bytes)).items == items)
        let ticked = "身分證號,姓名,原投保金額,新投保金額,選取\nA123456789,王小明,25250,26400,是\nF131104093,林,25250,26400,v\nO158238845,歐,25250,26400,maybe\n"
        let read = try SalaryAdjustmentList.read(.bytes(Array(ticked.utf8)))
        #expect(read.items.map(\.selected) == [true, true])
        #expect(read.errors.map { "\($0.row):\($0.column):\($0.code.rawValue)" } == ["4:5:list.selection"])
        #expect(throws: FormatError(.listHeader)) { try SalaryAdjustmentList.read(.bytes(Array("a,b\n".utf8))) }
    }

    @Test("Filed-data listing: the SPEC §4 columns, round trip")
    func filedListing() throws {
        let rows = [
            FiledDataListingRow(changeType: .enrol, family: .nhiOnly, filingDate: try CalendarDate(year: 2025, month: 3, day: 4), role: .insured,
                                insuredID: try PersonalID(parsing: "A123456789"), name: try PersonName("王小明"), sex: .male,
                                birthDate: try CalendarDate(year: 1990, month: 1, day: 2), reason: "到職起薪", insuredAmount: 30_300,
                                effectiveDate: try CalendarDate(year: 2025, month: 3, day: 1)),
            FiledDataListingRow(changeType: .salaryAdjustment, family: .threeInOne, filingDate: try CalendarDate(year: 2025, month: 3, day: 4),
                                role: .dependant, insuredID: try PersonalID(parsing: "A123456789"), dependantID: try PersonalID(parsing: "A800000014"),
                                name: try PersonName("林美"), sex: .female, insuredAmount: 30_300, adjustedAmount: 31_800),
        ]
        let bytes = try FiledDataListing.write(rows, to: .memory)
        let table = try records(bytes)
        #expect(table[0].fields == FiledDataListing.header)
        #expect(table[1].fields == ["加保", "健保專用", "114/03/04", "本人", "A123456789", "", "王小明", "男", "079/01/02", "到職起薪", "30300", "", "114/03/01"])
        let read = try FiledDataListing.read(.bytes(bytes))
        #expect(read.errors.isEmpty)
        #expect(read.rows == rows)
    }
}

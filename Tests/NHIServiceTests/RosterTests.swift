import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("In-force roster")
struct RosterTests {
    static let unit = try! UnitCode(parsing: "110001000")

    @Test("the roster shows names and birth dates, insured first then dependants; a basic-data change shows at once after conversion", arguments: TestStoreKind.available)
    func namesFollowPeople(_ store: TestStoreKind) throws {
        let fixture = try Fixture(store: store)
        let certificate = try fixture.registerUnitByCertificate()
        let insured = PersonalID.national(NationalID.make(letter: "E", sex: .male, serial: 1_234_567))
        let spouse = PersonalID.national(NationalID.make(letter: "E", sex: .female, serial: 7_654_321))
        let start = try CalendarDate(iso: "2026-01-01")
        let lines = [
            RosterLine(personID: spouse, name: "林美華", birthDate: try CalendarDate(iso: "1991-02-03"), principalID: insured,
                       relation: .spouse, category: .employee, insuredAmount: Money(36300), startDate: start, status: .active),
            RosterLine(personID: insured, name: "陳大文", birthDate: try CalendarDate(iso: "1990-01-02"), principalID: nil,
                       relation: nil, category: .employee, insuredAmount: Money(36300), startDate: start, status: .active),
        ]
        let result = try fixture.service.roster.importInForce(unit: Self.unit, lines, by: certificate)
        #expect(result.imported == 2 && result.duplicates == 0)
        let roster = try fixture.service.roster.inForce(unit: Self.unit, by: certificate)
        #expect(roster.map(\.personID) == [insured, spouse])
        #expect(roster.map(\.name) == ["陳大文", "林美華"])
        #expect(roster.map(\.birthDate) == [try CalendarDate(iso: "1990-01-02"), try CalendarDate(iso: "1991-02-03")])

        // A basic-data change (name) filed today and converted tonight is what the roster shows.
        _ = try fixture.service.filings.changeBasicData(
            BasicDataChangeRequest(personID: insured, name: try PersonName("陳大衛")), by: certificate)
        fixture.clock.set(try CalendarDate(iso: "2026-11-23"), hour: 22, minute: 31)
        _ = try fixture.service.filings.runNightlyConversion()
        let after = try fixture.service.roster.inForce(unit: Self.unit, by: certificate)
        #expect(after.map(\.name) == ["陳大衛", "林美華"])
        #expect(after.count == 2)
    }
}

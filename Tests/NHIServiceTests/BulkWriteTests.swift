import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

/// The stores' bulk paths (PostgreSQL streams thousands of filings with COPY and upserts
/// people a thousand at a time) store exactly what the one-by-one paths store.
@Suite("Bulk writes store every field as given")
struct BulkWriteTests {
    /// Text that COPY's text format must escape, and text it must not touch.
    static let awkward = ["tab\there", "line\nbreak", "carriage\rreturn", "back\\slash \\N", "\\", "全形　空白「引號」", "𠀋 ext-B", "'quote\"", ""]

    static func filings(_ count: Int, unit: UnitCode) throws -> [Filing] {
        try (0..<count).map { n in
            let labour = n % 3 == 0 ? LabourSide(monthlySalary: 36_300, labourInsuranceSalary: 36_300, pensionWage: 36_300,
                                                 voluntaryRatePercent: n % 7) : nil
            return Filing(id: 0, unitCode: unit, family: n % 3 == 0 ? .threeInOne : .nhiOnly, kind: n % 2 == 0 ? .enrol : .withdraw,
                          personID: .national(NationalID.make(letter: "K", sex: n % 2 == 0 ? .male : .female, serial: n + 1)),
                          principalID: n % 5 == 0 ? try PersonalID(parsing: "A123456789") : nil, relation: n % 5 == 0 ? .spouse : nil,
                          name: "員工\(n)\(awkward[n % awkward.count])", birthDate: n % 4 == 0 ? nil : try CalendarDate(iso: "1990-01-01"),
                          category: .employee, reason: awkward[(n + 3) % awkward.count],
                          insuredAmount: n % 6 == 0 ? nil : Money(Int64(30_000 + n)), adjustedAmount: n % 2 == 0 ? Money(Int64(n)) : nil,
                          effectiveDate: try CalendarDate(iso: "2026-11-01"), filedOn: try CalendarDate(iso: "2026-11-23"),
                          filedAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(n) * 0.125),
                          filedBy: "承辦人 \(awkward[n % awkward.count])", staffID: n % 2 == 0 ? Int64(n) : nil, status: .pending,
                          checkCode: n % 9 == 0 ? "E\(n)" : nil, checkMessage: n % 9 == 0 ? awkward[n % awkward.count] : nil,
                          convertedAt: n % 8 == 0 ? Date(timeIntervalSince1970: 1_795_100_000.5) : nil, labour: labour,
                          foreignNational: n % 11 == 0, issueCardTo: n % 13 == 0 ? "台北市\t信義區\\1號" : nil)
        }
    }

    @Test("2,500 filings in one call (COPY on PostgreSQL) read back field for field; 10 (INSERT) too",
          arguments: TestStoreKind.available)
    func filingsRoundTrip(store: TestStoreKind) throws {
        let database = try TemporaryDatabase(kind: store)
        let unit = try UnitCode(parsing: "110001000")
        for count in [2_500, 10] {
            let written = try Self.filings(count, unit: unit)
            let ids = try database.store.write { try $0.insert(written, batch: nil) }
            #expect(ids.count == count && Set(ids).count == count && ids == ids.sorted(), "one new ID per filing, in order")
            let read = try database.store.read { r in try ids.map { try r.filing(id: $0) } }
            for (index, (filing, back)) in zip(written, read).enumerated() {
                let expected = Filing(id: ids[index], unitCode: filing.unitCode, family: filing.family, kind: filing.kind,
                                      personID: filing.personID, principalID: filing.principalID, relation: filing.relation,
                                      name: filing.name, birthDate: filing.birthDate, category: filing.category, reason: filing.reason,
                                      insuredAmount: filing.insuredAmount, adjustedAmount: filing.adjustedAmount,
                                      effectiveDate: filing.effectiveDate, filedOn: filing.filedOn, filedAt: filing.filedAt,
                                      filedBy: filing.filedBy, staffID: filing.staffID, status: filing.status,
                                      checkCode: filing.checkCode, checkMessage: filing.checkMessage, convertedAt: filing.convertedAt,
                                      batchID: nil, labour: filing.labour, foreignNational: filing.foreignNational,
                                      issueCardTo: filing.issueCardTo)
                #expect(back == expected, "filing \(index) of \(count)")
                if back != expected { break }
            }
        }
    }

    @Test("People upserted in bulk: the last row for a person wins, as one by one", arguments: TestStoreKind.available)
    func peopleInBulk(store: TestStoreKind) throws {
        let database = try TemporaryDatabase(kind: store)
        let ids = (1...2_100).map { PersonalID.national(NationalID.make(letter: "M", sex: .male, serial: $0)) }
        var people = try ids.map { Person(id: $0, name: try PersonName("甲\($0.rawValue.suffix(4))"), birthDate: try CalendarDate(iso: "1980-02-29")) }
        // The first person twice in one call (the later row wins), and one already stored.
        people.append(Person(id: ids[0], name: try PersonName("後來的名字"), birthDate: try CalendarDate(iso: "1981-03-01"), indigenous: true))
        try database.store.write { try $0.upsert(Person(id: ids[1], name: try PersonName("舊名"), birthDate: try CalendarDate(iso: "1970-01-01"))) }
        try database.store.write { try $0.upsert(people) }
        let back = try database.store.read { r in try ids.map { try r.person($0) } }
        #expect(back.compactMap { $0 }.count == ids.count)
        #expect(back[0]?.name.value == "後來的名字" && back[0]?.indigenous == true)
        #expect(back[1]?.name.value == "甲\(ids[1].rawValue.suffix(4))", "the stored person was updated")
        #expect(back[2_099]?.birthDate == (try CalendarDate(iso: "1980-02-29")))
    }
}

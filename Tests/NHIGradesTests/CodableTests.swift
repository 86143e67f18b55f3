import Foundation
import NHICore
import Testing
@testable import NHIGrades

/// Issue 16: results a backend returns encode with `JSONEncoder` to the `nhi` CLI's keys.
@Suite("Codable grades and premiums")
struct GradesCodableTests {
    static func object(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("NHIPremium encodes to the keys and values of `nhi premium --json`")
    func premium() throws {
        let premium = try calculator.nhi(salary: m(29_500), on: d("2026-01-01"), dependants: 2)
        let json = try Self.object(premium)
        #expect(Set(json.keys) == ["insuredAmount", "grade", "perHead", "insured", "unit", "government", "rate",
                                   "averageDependants", "category", "dependants", "chargedDependants", "total",
                                   "date", "effectiveFrom", "shares", "perPerson"])
        #expect(json["perHead"] as? Int == 458 && json["insured"] as? Int == 1374)
        #expect(json["unit"] as? Int == 1428 && json["government"] as? Int == 238)
        #expect(json["rate"] as? String == "5.17%" && json["averageDependants"] as? String == "0.56")
        #expect(json["date"] as? String == "2026-01-01" && json["category"] as? String == "employee")
        let shares = try #require(json["shares"] as? [String: String])
        #expect(shares == ["insured": "30%", "unit": "60%", "government": "10%"])
        let people = try #require(json["perPerson"] as? [[String: Any]])
        #expect(people.count == 3 && people[0]["person"] as? String == "本人" && people[2]["charged"] as? Bool == true)
        let charge = try JSONDecoder().decode(NHIPremium.PersonCharge.self, from: JSONEncoder().encode(premium.perPerson[2]))
        #expect(charge == premium.perPerson[2])
    }

    @Test("GradeLookup encodes to the keys of `nhi grade --json`")
    func lookup() throws {
        let found = try tables.lookup(salary: m(30_000), on: d("2026-03-01"))
        let json = try Self.object(found)
        #expect(json["table"] as? String == "nhi" && json["grade"] as? Int == 2)
        #expect(json["insuredAmount"] as? Int == 30_300 && json["lower"] as? Int == 29_501 && json["upper"] as? Int == 30_300)
        #expect(json.keys.count == 11)
    }

    @Test("Rates and shares round-trip; a rate is the CLI's exact string")
    func rates() throws {
        for rate in [Rate.percent(30), Rate(517, over: 10_000), Rate(56, over: 100), Rate(1, over: 3)] {
            let data = try JSONEncoder().encode(rate)
            #expect(try JSONDecoder().decode(Rate.self, from: data) == rate)
        }
        #expect(String(decoding: try JSONEncoder().encode(Rate(517, over: 10_000)), as: UTF8.self) == "\"5.17%\"")
        // A negative fraction from outside is a decoding error, not a crash.
        for bad in ["\"-1/3\"", "\"1/0\"", "\"-5%\""] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(Rate.self, from: Data(bad.utf8)) }
        }
        // A late fee (its rates as strings) travels whole: nhi-server's unpaid premiums.
        let fee = try calculator.lateFee(unpaid: 10_000, premiumMonth: ROCMonth(year: 115, month: 9),
                                         paymentDate: CalendarDate(year: 2026, month: 12, day: 31))
        #expect(fee.fee > .zero, "a fee is owed, so the rates and dates are all exercised")
        #expect(try JSONDecoder().decode(LateFee.self, from: JSONEncoder().encode(fee)) == fee)
        let shares = try ContributionShares(insured: .percent(30), unit: .percent(60), government: .percent(10))
        #expect(try JSONDecoder().decode(ContributionShares.self, from: JSONEncoder().encode(shares)) == shares)
    }

    @Test("GradeError round-trips with its code, context and messages")
    func gradeError() throws {
        let error = GradeError(.tableMalformed, file: "nhi/2026-01-01.json", row: 3, input: "x")
        let back = try JSONDecoder().decode(GradeError.self, from: JSONEncoder().encode(error))
        #expect(back == error && back.message == error.message && back.messageEn == error.messageEn && back.row == 3)
        #expect(try Self.object(error)["code"] as? String == "table.malformed")
    }
}

@Suite("Embedded tables")
struct EmbeddedTablesTests {
    @Test("The compiled-in tables are exactly the files under Resources/Tables (rerun scripts/embed-grade-tables)")
    func embeddedMatchFiles() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/NHIGrades/Resources/Tables").standardizedFileURL
        let files = try TableLoader.jsonFiles(under: directory)
        #expect(files.map(\.1) == EmbeddedTables.files.map(\.path))
        for ((url, path), embedded) in zip(files, EmbeddedTables.files) {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.trimmingCharacters(in: .newlines) == embedded.json, "\(path)")
        }
    }

    @Test("bundledDirectory() still hands out the files, and they load to the same tables")
    func directory() throws {
        let loaded = try GradeTables(directories: [try GradeTables.bundledDirectory()])
        #expect(loaded.all == GradeTables.bundled.all)
    }
}

@Suite("Codable labour premiums")
struct LabourCodableTests {
    @Test("LabourPremium, PremiumSplit: the keys of `nhi labour-premium --json`; a split round-trips")
    func labour() throws {
        let labour = try calculator.labour(insuredSalary: m(11_100), on: d("2026-01-01"))
        let json = try GradesCodableTests.object(labour)
        #expect(Set(json.keys) == ["insuredSalary", "grade", "partTime", "days", "effectiveFrom", "ordinaryRate",
                                   "employmentRate", "ordinary", "employment", "worker", "unit", "government"])
        #expect(json["worker"] as? Int == 277 && json["unit"] as? Int == 972)
        let split = labour.ordinary
        #expect(try JSONDecoder().decode(PremiumSplit.self, from: JSONEncoder().encode(split)) == split)
    }
}

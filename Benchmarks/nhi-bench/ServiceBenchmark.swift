import ArgumentParser
import Foundation
import NHICore
import NHIService

/// `nhi-bench service`: the local service on a fresh SQLite file — importing filings,
/// importing a large roster, and the in-force roster query of a 10,000-person unit.
struct ServiceBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service", abstract: "Service: filing import, roster import, roster query.")

    @Option(help: "Directory for the benchmark databases (removed afterwards).") var directory: String = NSTemporaryDirectory()
    @Option(help: "Filings to import in one file.") var filings: Int = 100_000
    @Option(help: "Roster rows to import.") var rosterRows: Int = 1_000_000
    @Option(help: "People in the unit whose roster is queried.") var unitSize: Int = 10_000
    @Option(help: "Roster queries to time.") var queries: Int = 50
    @Flag var json = false

    func run() throws {
        let base = URL(fileURLWithPath: directory).appendingPathComponent("nhi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let clock = ManualClock(try CalendarDate(iso: "2026-11-23"), hour: 9)
        let unit = try UnitCode(parsing: "110001000")
        let start = try CalendarDate(iso: "2026-01-01")

        func freshService(_ name: String) throws -> NHIService {
            let service = NHIService(store: try SQLiteStore(path: base.appendingPathComponent(name).path), clock: clock)
            let owner = try PersonalID(parsing: "A123456789")
            let info = OrganisationCertificateInfo(kind: .moeaca, issuer: "MOEACA", subject: "bench", serialNumber: "1", ubn: nil)
            _ = try service.units.register(try InsuredUnit(code: unit, name: "基準測試", ubn: nil, labourInsuranceNumber: nil, ownerID: owner,
                                                           ownerPhones: try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678")),
                                                           email: try EmailAddress(parsing: "b@example.com"), nhiOnly: true),
                                           method: .organisationCertificate(info), registrant: nil, ownerIsAdministrator: false)
            return service
        }
        let certificate = Caller(personID: nil, unitCode: unit, standing: .organisationCertificate, credential: .moeaca)
        let amounts: [Money] = [29_500, 30_300, 31_800, 33_300, 36_300, 40_100, 45_800, 50_600]

        // 1. Filing import: N enrolments in one file, validated and stored in one transaction.
        let importService = try freshService("filings.sqlite")
        var rows: [FilingImportRow] = []
        rows.reserveCapacity(filings)
        for n in 0..<filings {
            let id = PersonalID.national(NationalID.make(letter: "ABCDEFGH".randomLetter(n), sex: n % 2 == 0 ? .male : .female, serial: n))
            rows.append(.enrol(EnrolmentRequest(personID: id, name: try PersonName("員工\(n)"), birthDate: start.adding(days: -10_000 - n % 9000),
                                                effectiveDate: start, insuredAmount: amounts[n % amounts.count])))
        }
        let c0 = ContinuousClock.now
        let result = try importService.filings.importBatch(rows, fileName: "bench.csv", sha256: "bench-\(filings)", by: certificate)
        let importSeconds = (ContinuousClock.now - c0).seconds
        precondition(result.imported == filings)

        // 2. Roster import: N in-force lines (insured persons) in one transaction.
        let rosterService = try freshService("roster.sqlite")
        var lines: [RosterLine] = []
        lines.reserveCapacity(rosterRows)
        for n in 0..<rosterRows {
            lines.append(RosterLine(personID: .national(NationalID.make(letter: "JKMNPQTU".randomLetter(n), sex: .male, serial: n % 10_000_000)),
                                    name: "保險對象", birthDate: nil, principalID: nil, relation: nil, category: .employee,
                                    insuredAmount: amounts[n % amounts.count], startDate: start, status: .active))
        }
        let c1 = ContinuousClock.now
        let rosterResult = try rosterService.roster.importInForce(unit: unit, lines, by: certificate)
        let rosterSeconds = (ContinuousClock.now - c1).seconds
        precondition(rosterResult.imported + rosterResult.duplicates == rosterRows)

        // 3. Roster query of a unit with `unitSize` people among other units' rows.
        let queryService = try freshService("query.sqlite")
        _ = try queryService.roster.importInForce(unit: unit, Array(lines.prefix(unitSize)), by: certificate)
        var timings: [Double] = []
        var count = 0
        for _ in 0..<queries {
            let c2 = ContinuousClock.now
            count = try queryService.roster.inForce(unit: unit, on: clock.today, by: certificate).count
            timings.append((ContinuousClock.now - c2).seconds * 1000)
        }
        timings.sort()
        let median = timings[timings.count / 2], p95 = timings[min(timings.count - 1, timings.count * 95 / 100)]

        if json {
            print("""
                {"filings":\(filings),"filingImportSeconds":\(importSeconds),"filingsPerSecond":\(Int(Double(filings) / importSeconds)),\
                "rosterRows":\(rosterRows),"rosterImportSeconds":\(rosterSeconds),"rosterRowsPerSecond":\(Int(Double(rosterRows) / rosterSeconds)),\
                "unitSize":\(count),"rosterQueryMedianMs":\(median),"rosterQueryP95Ms":\(p95)}
                """)
        } else {
            print(String(format: "filing import: %d filings in %.3f s (%.0f filings/s)", filings, importSeconds, Double(filings) / importSeconds))
            print(String(format: "roster import: %d rows in %.2f s (%.0f rows/s), %d duplicates", rosterRows, rosterSeconds,
                         Double(rosterRows) / rosterSeconds, rosterResult.duplicates))
            print(String(format: "roster query (%d people): median %.2f ms, p95 %.2f ms over %d runs", count, median, p95, queries))
        }
    }
}

extension String {
    /// A letter of this string chosen by `n` (spreads generated IDs over letters).
    func randomLetter(_ n: Int) -> Character { let a = Array(self); return a[(n / 10_000_000) % a.count] }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

import ArgumentParser
import Foundation
import NHICore
import NHIPostgres
import NHIService

/// `nhi-bench service`: the service on a fresh store — importing filings, importing a large
/// roster, and the in-force roster query of a 10,000-person unit. SQLite files in
/// `--directory` by default; with `--postgres URL` (a maintenance database) the same
/// workloads on PostgreSQL, each in a database of its own that is dropped afterwards.
struct ServiceBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service", abstract: "Service: filing import, roster import, roster query.")

    @Option(help: "Directory for the benchmark databases (removed afterwards).") var directory: String = NSTemporaryDirectory()
    @Option(help: "A PostgreSQL server's maintenance database (postgres://…): benchmark the PostgreSQL store there.") var postgres: String?
    @Option(help: "Filings to import in one file.") var filings: Int = 100_000
    @Option(help: "Roster rows to import.") var rosterRows: Int = 1_000_000
    @Option(help: "People in the unit whose roster is queried.") var unitSize: Int = 10_000
    @Option(help: "Roster queries to time.") var queries: Int = 50
    @Flag var json = false

    func run() throws {
        let stores = try BenchStores(directory: directory, postgres: postgres)
        defer { stores.removeAll() }
        let clock = ManualClock(try CalendarDate(iso: "2026-11-23"), hour: 9)
        let unit = BenchUnit.code
        let start = try CalendarDate(iso: "2026-01-01")

        func freshService(_ name: String) throws -> NHIService {
            let service = NHIService(store: try stores.fresh(name), clock: clock)
            try BenchUnit.register(in: service)
            return service
        }
        let certificate = BenchUnit.caller

        // 1. Filing import: N enrolments in one file, validated and stored in one transaction.
        let importService = try freshService("filings")
        var rows: [FilingImportRow] = []
        rows.reserveCapacity(filings)
        for n in 0..<filings {
            rows.append(.enrol(try BenchUnit.enrolment(n, letters: "ABCDEFGH", start: start)))
        }
        let c0 = ContinuousClock.now
        let result = try importService.filings.importBatch(rows, fileName: "bench.csv", sha256: "bench-\(filings)", by: certificate)
        let importSeconds = (ContinuousClock.now - c0).seconds
        precondition(result.imported == filings)

        // 2. Roster import: N in-force lines (insured persons) of units of `unitSize` people,
        //    one transaction per unit (as the reference spreads its rows over units).
        let rosterService = try freshService("roster")
        let units = [unit] + (1..<max(1, rosterRows / unitSize)).map { try! UnitCode(parsing: String(format: "%09d", 110_001_000 + $0)) }
        for other in units.dropFirst() { try BenchUnit.register(in: rosterService, code: other) }
        var byUnit: [[RosterLine]] = Array(repeating: [], count: units.count)
        for n in 0..<rosterRows {
            byUnit[n % units.count].append(RosterLine(
                personID: .national(NationalID.make(letter: "JKMNPQTU".randomLetter(n), sex: .male, serial: n % 10_000_000)),
                name: "保險對象", birthDate: nil, principalID: nil, relation: nil, category: .employee,
                insuredAmount: BenchUnit.amounts[n % BenchUnit.amounts.count], startDate: start, status: .active))
        }
        var rosterImported = 0, rosterDuplicates = 0
        let c1 = ContinuousClock.now
        for (code, lines) in zip(units, byUnit) {
            let result = try rosterService.roster.importInForce(unit: code, lines, by: BenchUnit.caller(of: code))
            rosterImported += result.imported
            rosterDuplicates += result.duplicates
        }
        let rosterSeconds = (ContinuousClock.now - c1).seconds
        precondition(rosterImported + rosterDuplicates == rosterRows)

        // 3. Roster query of a unit with `unitSize` people among the other units' rows.
        var timings: [Double] = []
        var count = 0
        for _ in 0..<queries {
            let c2 = ContinuousClock.now
            count = try rosterService.roster.inForce(unit: unit, on: clock.today, by: certificate).count
            timings.append((ContinuousClock.now - c2).seconds * 1000)
        }
        timings.sort()
        let median = timings[timings.count / 2], p95 = timings[min(timings.count - 1, timings.count * 95 / 100)]

        if json {
            print("""
                {"store":"\(stores.kind)","filings":\(filings),"filingImportSeconds":\(importSeconds),\
                "filingsPerSecond":\(Int(Double(filings) / importSeconds)),\
                "rosterRows":\(rosterRows),"rosterImportSeconds":\(rosterSeconds),"rosterRowsPerSecond":\(Int(Double(rosterRows) / rosterSeconds)),\
                "unitSize":\(count),"rosterQueryMedianMs":\(median),"rosterQueryP95Ms":\(p95)}
                """)
        } else {
            print("store: \(stores.kind)")
            print(String(format: "filing import: %d filings in %.3f s (%.0f filings/s)", filings, importSeconds, Double(filings) / importSeconds))
            print(String(format: "roster import: %d rows in %.2f s (%.0f rows/s), %d duplicates", rosterRows, rosterSeconds,
                         Double(rosterRows) / rosterSeconds, rosterDuplicates))
            print(String(format: "roster query (%d people): median %.2f ms, p95 %.2f ms over %d runs", count, median, p95, queries))
        }
    }
}

/// The unit every service benchmark files for, and how its people are made.
enum BenchUnit {
    static let code = try! UnitCode(parsing: "110001000")
    static let amounts: [Money] = [29_500, 30_300, 31_800, 33_300, 36_300, 40_100, 45_800, 50_600]
    /// An organisation-certificate caller of the unit (no staff account: the owner's certificate).
    static let caller = Caller(personID: nil, unitCode: code, standing: .organisationCertificate, credential: .moeaca)

    /// An organisation-certificate caller of another unit.
    static func caller(of unit: UnitCode) -> Caller {
        Caller(personID: nil, unitCode: unit, standing: .organisationCertificate, credential: .moeaca)
    }

    static func register(in service: NHIService, code: UnitCode = code) throws {
        let owner = try PersonalID(parsing: "A123456789")
        let info = OrganisationCertificateInfo(kind: .moeaca, issuer: "MOEACA", subject: "bench", serialNumber: "1", ubn: nil)
        _ = try service.units.register(try InsuredUnit(code: code, name: "基準測試", ubn: nil, labourInsuranceNumber: nil, ownerID: owner,
                                                       ownerPhones: try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678")),
                                                       email: try EmailAddress(parsing: "b@example.com"), nhiOnly: true),
                                       method: .organisationCertificate(info), registrant: nil, ownerIsAdministrator: false)
    }

    /// The `n`th employee's enrolment; `letters` keeps different runs' people apart.
    static func enrolment(_ n: Int, letters: String, start: CalendarDate) throws -> EnrolmentRequest {
        let id = PersonalID.national(NationalID.make(letter: letters.randomLetter(n), sex: n % 2 == 0 ? .male : .female, serial: n % 10_000_000))
        return EnrolmentRequest(personID: id, name: try PersonName("員工\(n)"), birthDate: start.adding(days: -10_000 - n % 9000),
                                effectiveDate: start, insuredAmount: amounts[n % amounts.count])
    }
}

/// Fresh stores for one benchmark run: SQLite files in a folder of their own, or PostgreSQL
/// databases on a server; all removed by ``removeAll()``.
final class BenchStores {
    let kind: String
    private let folder: URL
    private let server: PostgresLocation?
    private var databases: [String] = []
    private var opened: [any NHIStoreAdministration] = []

    init(directory: String, postgres: String?) throws {
        folder = URL(fileURLWithPath: directory).appendingPathComponent("nhi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        server = try postgres.map { try PostgresLocation(url: $0) }
        kind = server == nil ? "sqlite" : "postgres"
    }

    func fresh(_ name: String) throws -> any NHIStoreAdministration {
        let store: any NHIStoreAdministration
        if let server {
            let database = "nhi_bench_\(name)_\(UUID().uuidString.prefix(8).lowercased())"
            try PostgresServer.createDatabase(database, on: server)
            databases.append(database)
            store = try PostgresStore(location: server.with(database: database), key: StoreKey.generate())
        } else {
            store = try SQLiteStore(path: folder.appendingPathComponent("\(name).sqlite").path)
        }
        opened.append(store)
        return store
    }

    func removeAll() {
        for store in opened { (store as? PostgresStore)?.close() }
        opened = []
        if let server { for database in databases { try? PostgresServer.dropDatabase(database, on: server) } }
        try? FileManager.default.removeItem(at: folder)
    }
}

extension String {
    /// A letter of this string chosen by `n` (spreads generated IDs over letters).
    func randomLetter(_ n: Int) -> Character { let a = Array(self); return a[(n / 10_000_000) % a.count] }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

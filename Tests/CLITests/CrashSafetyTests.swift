import Foundation
import NHICore
import NHIService
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Crash safety with a real child process: `kill -9` during a 100,000-row filing import,
/// then a rerun → every row exactly once, never a partial import or duplicates.
@Suite("Crash safety: kill -9 during a 100,000-row import")
struct CrashSafetyTests {
    static let rows = 100_000
    static let unit = try! UnitCode(parsing: "110001000")

    @Test("Killed mid-transaction → nothing stored; rerun → all 100,000 exactly once; a third run imports nothing")
    func killDuringImport() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("nhi.sqlite").path
        let env = ["NHI_NOW": "2026-11-23T09:00:00+08:00"]
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])   // NHI_NOW needs a test database
        let register = try CLI.run(["service", "unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--nhi-only",
                                    "--owner", "A123456789", "--mobile", "0912345678", "--email", "hr@example.com.tw",
                                    "--serial", "0A1B2C3D", "--db", db], environment: env)
        #expect(register.status == 0, "\(register.stderr)")

        var csv = "kind,id,name,birthDate,amount,date\n"
        csv.reserveCapacity(Self.rows * 48)
        for n in 0..<Self.rows {
            let id = NationalID.make(letter: n % 2 == 0 ? "E" : "F", sex: n % 3 == 0 ? .female : .male, serial: 1_000_000 + n)
            csv += "enrol,\(id.rawValue),員工\(n),1990-01-01,36300,2026-11-01\n"
        }
        let file = directory.appendingPathComponent("filings.csv")
        try Data(csv.utf8).write(to: file)
        let arguments = ["service", "filing", "import", file.path, "--db", db, "--unit", "110001000", "--certificate-serial", "0A1B2C3D", "--json"]

        // 1. Start the import and kill it once the write transaction has spilled pages into the WAL.
        let child = Process()
        child.executableURL = CLI.binary()
        child.arguments = arguments
        child.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        let wal = db + "-wal"
        let baseline = Self.size(wal)
        try child.run()
        let deadline = Date().addingTimeInterval(300)
        while child.isRunning, Self.size(wal) < baseline + 4 << 20, Date() < deadline { usleep(5_000) }
        let killedMidWay = child.isRunning
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(killedMidWay, "the import finished before it could be killed")
        #expect(child.terminationReason == .uncaughtSignal)

        // Nothing of the killed transaction is visible.
        let service = NHIService(store: try SQLiteStore(path: db))
        #expect(try Self.filingCount(service) == 0)

        // 2. Rerun: everything, exactly once.
        let rerun = try CLI.run(arguments, environment: env)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let result = try rerun.json()
        #expect(result["imported"] as? Int == Self.rows && result["alreadyImported"] as? Bool == false)
        let stored = try Self.filings(service)
        #expect(stored.count == Self.rows)
        #expect(Set(stored.map(\.personID)).count == Self.rows, "no person twice")

        // 3. The same file again: recognised, nothing added.
        let again = try CLI.run(arguments, environment: env)
        #expect(again.status == 0)
        #expect(try again.json()["alreadyImported"] as? Bool == true && again.json()["imported"] as? Int == 0)
        #expect(try Self.filingCount(service) == Self.rows)
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func filings(_ service: NHIService) throws -> [Filing] {
        let day = try CalendarDate(iso: "2026-11-23")
        return try service.store.read { try $0.filings(unit: unit, filedFrom: day, through: day, staffID: nil) }
    }

    static func filingCount(_ service: NHIService) throws -> Int { try filings(service).count }
}

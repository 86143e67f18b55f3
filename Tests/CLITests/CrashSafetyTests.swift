import Foundation
import NHICore
import NHIPostgres
import NHIService
import NHITestSupport
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
        let arguments = try Self.prepareImport(db: db, in: directory, environment: env)

        // 1. Start the import and kill it once the write transaction has spilled pages into the WAL.
        let wal = db + "-wal"
        let baseline = Self.size(wal)
        let child = try Self.startImport(arguments, environment: env)
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

    @Test("PostgreSQL: killed while it holds the write lock → nothing stored; rerun → all 100,000 exactly once",
          .enabled(if: TestStoreKind.available.contains(.postgres)))
    func killDuringImportOnPostgres() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (db, name) = try ServiceCommandTests.newPostgresDatabase()
        guard case .postgres(let server) = try StoreLocation(parsing: db) else { throw TemporaryDatabaseError(message: "not a PostgreSQL URL") }
        let env = ["NHI_NOW": "2026-11-23T09:00:00+08:00", "XDG_CONFIG_HOME": directory.path]
        let arguments = try Self.prepareImport(db: db, in: directory, environment: env)

        // 1. Start the import; kill it once it has held the database's write lock (its one
        //    transaction is inserting) for a moment, as the server sees it in pg_locks.
        let child = try Self.startImport(arguments, environment: env)
        let deadline = Date().addingTimeInterval(300)
        var heldSince: Date?
        while child.isRunning, Date() < deadline {
            if try Self.advisoryLocksHeld(server) > 0 {
                heldSince = heldSince ?? Date()
                if Date().timeIntervalSince(heldSince!) > 0.5 { break }
            }
            usleep(20_000)
        }
        let killedMidWay = child.isRunning && heldSince != nil
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(killedMidWay, "the import finished (or never took the write lock) before it could be killed")
        #expect(child.terminationReason == .uncaughtSignal)

        // The server rolled the dead session's transaction back: nothing of it is visible.
        var store = try NHIStores.open(option: db, environment: env)
        #expect(try Self.filingCount(NHIService(store: store)) == 0)

        // 2. Rerun: everything, exactly once. 3. Again: recognised, nothing added.
        let rerun = try CLI.run(arguments, environment: env)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try rerun.json()["imported"] as? Int == Self.rows)
        store = try NHIStores.open(option: db, environment: env)
        let stored = try Self.filings(NHIService(store: store))
        #expect(stored.count == Self.rows && Set(stored.map(\.personID)).count == Self.rows, "every row once")
        let again = try CLI.run(arguments, environment: env)
        #expect(try again.json()["alreadyImported"] as? Bool == true && again.json()["imported"] as? Int == 0)
        #expect(try Self.filingCount(NHIService(store: store)) == Self.rows)
        try? PostgresServer.dropDatabase(name, on: server)
    }

    /// Makes `db` a test database with the unit registered and writes the CSV into
    /// `directory`; returns the import command's arguments.
    static func prepareImport(db: String, in directory: URL, environment env: [String: String]) throws -> [String] {
        let initialised = try CLI.run(["service", "init", "--test-clock", "--db", db], environment: env)  // NHI_NOW needs a test database
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let register = try CLI.run(["service", "unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--nhi-only",
                                    "--owner", "A123456789", "--mobile", "0912345678", "--email", "hr@example.com.tw",
                                    "--serial", "0A1B2C3D", "--db", db], environment: env)
        #expect(register.status == 0, "\(register.stderr)")
        let file = directory.appendingPathComponent("filings.csv")
        try Data(csv().utf8).write(to: file)
        return ["service", "filing", "import", file.path, "--db", db, "--unit", "110001000", "--certificate-serial", "0A1B2C3D", "--json"]
    }

    /// Starts `nhi ARGUMENTS` as a child process (output discarded), to be killed.
    static func startImport(_ arguments: [String], environment env: [String: String]) throws -> Process {
        let child = Process()
        child.executableURL = CLI.binary()
        child.arguments = arguments
        child.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        return child
    }

    /// The CSV of `rows` enrolments.
    static func csv() -> String {
        var csv = "kind,id,name,birthDate,amount,date\n"
        csv.reserveCapacity(rows * 48)
        for n in 0..<rows {
            let id = NationalID.make(letter: n % 2 == 0 ? "E" : "F", sex: n % 3 == 0 ? .female : .male, serial: 1_000_000 + n)
            csv += "enrol,\(id.rawValue),員工\(n),1990-01-01,36300,2026-11-01\n"
        }
        return csv
    }

    /// How many advisory locks the database's sessions hold now (the store's write lock), by psql.
    static func advisoryLocksHeld(_ server: PostgresLocation) throws -> Int {
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        var arguments = ["-X", "-A", "-t", "-U", server.user, "-d", server.database, "-p", "\(server.port)",
                         "-c", "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = "
                            + "(SELECT oid FROM pg_database WHERE datname = current_database())"]
        arguments += ["-h", server.socketDirectory ?? server.host ?? "localhost"]
        psql.arguments = arguments
        let pipe = Pipe()
        psql.standardOutput = pipe
        psql.standardError = FileHandle.nullDevice
        try psql.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        psql.waitUntilExit()
        return Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
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

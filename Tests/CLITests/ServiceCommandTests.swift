import Foundation
import NHIPostgres
import NHIService
import NHITestSupport
import Testing

/// The seeds' workflows end to end through `nhi service …` against a fresh database file.
@Suite("nhi service: seed workflows against a fresh database")
struct ServiceCommandTests {
    let directory: URL
    let db: String
    /// The environment every command gets (PostgreSQL: the key file's folder).
    let storeEnvironment: [String: String]

    init() throws { try self.init(store: .sqlite) }

    /// A fresh SQLite file, or a fresh database on the test PostgreSQL server (`--db postgres://…`).
    init(store: TestStoreKind) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch store {
        case .sqlite:
            db = directory.appendingPathComponent("nhi.sqlite").path
            storeEnvironment = [:]
        case .postgres:
            (db, _) = try Self.newPostgresDatabase()
            storeEnvironment = ["XDG_CONFIG_HOME": directory.path]
        }
        // --now / NHI_NOW work only on a database made for tests.
        let initialised = try CLI.run(["service", "init", "--test-clock", "--db", db], environment: storeEnvironment)
        #expect(initialised.status == 0, "\(initialised.stderr)")
    }

    /// A new, empty database on `$NHI_TEST_POSTGRES_URL`'s server: its `--db` URL and name.
    static func newPostgresDatabase() throws -> (url: String, name: String) {
        guard let url = ProcessInfo.processInfo.environment[TestStoreKind.postgresVariable],
              case .postgres(let server) = try StoreLocation(parsing: url) else {
            throw TemporaryDatabaseError(message: "\(TestStoreKind.postgresVariable) is not set: run under scripts/test")
        }
        let name = "nhi_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresServer.createDatabase(name, on: server)
        let where_ = server.socketDirectory.map { "/\(name)?host=\($0)&port=\(server.port)" } ?? "\(server.host ?? ""):\(server.port)/\(name)?"
        return ("postgres://\(server.user)@\(where_)", name)
    }

    /// Runs `nhi service ARGS --db DB` at a fixed time.
    func service(_ args: [String], now: String = "2026-11-23T09:00:00+08:00", stdin: String? = nil,
                 env: [String: String] = [:]) throws -> CLI.Result {
        var environment = storeEnvironment.merging(env) { _, b in b }
        environment["NHI_NOW"] = now
        return try CLI.run(["service"] + args + ["--db", db], stdin: stdin.map { Data($0.utf8) }, environment: environment)
    }

    func require(_ r: CLI.Result, _ status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.stdout)\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    let unit = ["--unit", "110001000"]
    let asCertificate = ["--unit", "110001000", "--certificate-serial", "0A1B2C3D"]
    let asOperator = ["--unit", "110001000", "--person", "C100000003"]

    @Test("Register, assign, enrol, convert, roster, adjust, bill, pay, prove — and the errors say why")
    func workflow() throws {
        require(try service(["init", "--json"]))
        let register = try service(["unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--ubn", "04595257",
                                    "--labour-number", "01234567A", "--owner", "A123456789", "--mobile", "0912345678",
                                    "--email", "hr@example.com.tw", "--method", "certificate", "--serial", "0A1B2C3D", "--json"])
        require(register)
        #expect(try register.json()["canFileThreeInOne"] as? Bool == true)
        // A second registration of the same code fails with a coded, bilingual error.
        let again = try service(["unit", "register", "--code", "110001000", "--name", "x", "--nhi-only", "--owner", "A123456789",
                                 "--mobile", "0912345678", "--email", "a@b.com", "--serial", "1"])
        require(again, 1)
        #expect(again.stderr.contains("unit.alreadyRegistered") && again.stderr.contains("此投保單位代號已註冊"))

        require(try service(["staff", "assign", "--id", "B200000004", "--name", "王大明", "--role", "administrator",
                             "--serial", "TP03000001234567", "--mobile", "0911111111", "--email", "admin@example.com"] + asCertificate))
        require(try service(["staff", "assign", "--id", "C100000003", "--name", "陳小華", "--role", "operator",
                             "--serial", "TP03000009999999", "--mobile", "0922222222", "--email", "op@example.com"] + asCertificate))
        // Operators cannot assign.
        require(try service(["staff", "assign", "--id", "D200000006", "--name", "x", "--serial", "TP1", "--mobile", "0933333333",
                             "--email", "x@example.com"] + asOperator), 1)

        for (id, amount) in [("E100000005", "29500"), ("E100000014", "36300")] {
            require(try service(["filing", "enrol", "--id", id, "--name", "員工", "--birth-date", "1990-01-01", "--amount", amount,
                                 "--effective", "2026-01-01", "--json"] + asOperator))
        }
        let dependant = try service(["filing", "enrol", "--id", "E200000016", "--name", "眷屬", "--birth-date", "2018-12-04",
                                     "--dependant-of", "E100000005", "--relation", "子女", "--effective", "2026-01-01", "--json"] + asOperator)
        require(dependant)
        #expect(try dependant.json()["insuredAmount"] as? Int == 29_500)
        let inLaw = try service(["filing", "enrol", "--id", "F131104093", "--name", "岳母", "--birth-date", "1960-01-01",
                                 "--dependant-of", "E100000005", "--relation", "岳母"] + asOperator)
        require(inLaw, 1)
        #expect(inLaw.stderr.contains("relation.inLaw"))

        let today = try service(["filing", "today", "--json"] + asOperator)
        #expect(today.lines.count == 3)
        let convert = try service(["convert", "--json", "--system"], now: "2026-11-23T22:31:00+08:00")
        require(convert)
        #expect(try convert.json()["accepted"] as? Int == 3)

        let roster = try service(["roster", "110001000", "--json"] + asOperator, now: "2026-11-24T09:00:00+08:00")
        require(roster)
        let people = try #require(try roster.json()["people"] as? [[String: Any]])
        #expect(people.map { $0["id"] as? String } == ["E100000005", "E200000016", "E100000014"])
        #expect(people[1]["role"] as? String == "眷屬")

        let bulk = try service(["filing", "bulk-adjust", "--from", "36300", "--to", "38200", "--file", "--json"] + asOperator,
                               now: "2026-11-24T09:00:00+08:00")
        require(bulk)
        #expect(bulk.lines.count == 1 && bulk.stdout.contains("\"effectiveDate\":\"2026-12-01\""))

        let detail = try service(["premium-detail", "--month", "11510", "--json"] + asOperator, now: "2026-11-24T09:00:00+08:00")
        require(detail)
        let lines = try #require(try detail.json()["lines"] as? [[String: Any]])
        #expect(lines.first { $0["id"] as? String == "E100000005" }?["insured"] as? Int == 916, "458 × (1 + 1 dependant)")

        let bills = try service(["bills", "issue", "--month", "11510", "--json", "--system"], now: "2026-11-24T09:00:00+08:00")
        require(bills)
        let billID = try #require(bills.jsonLines().first?["id"] as? Int)
        let unpaid = try service(["unpaid", "--expected", "2027-01-10", "--json"] + asOperator, now: "2026-12-20T09:00:00+08:00")
        require(unpaid)
        #expect((try unpaid.json()["lateFeeTotal"] as? Int ?? 0) > 0)
        require(try service(["pay", "--bill", String(billID), "--amount", String(try bills.jsonLines()[0]["amount"] as! Int),
                             "--date", "2026-12-21", "--json", "--system"]))
        // Paid after the grace period: the late fee accrued is owed on its own until paid.
        let paid = try service(["unpaid", "--expected", "2027-01-10", "--json"] + asOperator, now: "2026-12-22T09:00:00+08:00")
        let fees = try #require(try paid.json()["items"] as? [[String: Any]])
        #expect(fees.count == 1 && fees.first?["category"] as? String == "lateFee" && (fees.first?["amount"] as? Int ?? 0) > 0, "\(paid.stdout)")
        require(try service(["pay", "--bill", String(try #require(fees.first?["bill"] as? Int)), "--amount",
                             String(try #require(fees.first?["amount"] as? Int)), "--date", "2026-12-22", "--json", "--system"]))
        let settled = try service(["unpaid", "--expected", "2027-01-10", "--json"] + asOperator, now: "2026-12-22T09:00:00+08:00")
        #expect((try settled.json()["items"] as? [Any])?.isEmpty == true)

        let status = try service(["insurance", "status", "E100000005", "--json", "--system"], now: "2026-11-24T09:00:00+08:00")
        require(status)
        #expect((try status.json()["dependants"] as? [[String: Any]])?.first?["id"] as? String == "E200000016")
        let proof = try service(["insurance", "proof", "E100000005", "--system"], now: "2026-11-24T09:00:00+08:00")
        require(proof)
        #expect(proof.stdout.contains("全民健康保險投保證明") && proof.stdout.contains("Certificate of Coverage"))

        let audit = try service(["audit", "--json", "--unit", "110001000", "--person", "B200000004"], now: "2026-11-24T09:00:00+08:00")
        require(audit)
        #expect(audit.lines.count >= 6)
        #expect(!audit.stdout.contains("E100000005"), "IDs are masked in the audit log")
    }

    @Test("Personal online-service registration through the CLI; passwords never on the command line")
    func account() throws {
        let register = try service(["account", "register", "--id", "A123456789", "--card-number", "000011112222", "--household", "A1234567",
                                    "--village", "臺北市大安區龍安里", "--email", "me@example.com", "--mobile", "0912345678", "--json"],
                                   env: ["NHI_PASSWORD": "Abc123-!"])
        require(register)
        let token = try #require(try register.json()["token"] as? String)
        #expect(try register.json()["strength"] as? String == "強")
        // The token is read like a password (stdin, $NHI_TOKEN or a prompt); --token still works with a warning.
        // A token that differs from the real one (in its first character, whatever that is).
        let wrongToken = (token.first == "0" ? "1" : "0") + token.dropFirst()
        let flag = try service(["account", "verify", "--id", "A123456789", "--card-number", "000011112222", "--token", wrongToken])
        require(flag, 1)
        #expect(flag.stderr.contains("--token is deprecated") && flag.stderr.contains("account.tokenInvalid"))
        require(try service(["account", "verify", "--id", "A123456789", "--card-number", "000011112222", "--json"], stdin: token + "\n"))
        let wrong = try service(["account", "check-password", "--id", "A123456789", "--json"], stdin: "nope12\n")
        require(wrong, 1)
        #expect(try wrong.json()["remaining"] as? Int == 2)
        let right = try service(["account", "check-password", "--id", "A123456789", "--json"], stdin: "Abc123-!\n")
        require(right)
        #expect(!(register.stdout + right.stdout + right.stderr).contains("Abc123-!"))
    }

    @Test("System access is an explicit, audited --system; the clock override works only on a test database, audited")
    func systemAndClock() throws {
        // Without --unit or --system: refused with the reason (no more acting as "system" by default).
        for args in [["insurance", "status", "E100000005"], ["convert"], ["bills", "issue", "--month", "11510"],
                     ["pay", "--bill", "1", "--amount", "1", "--date", "2026-12-21"], ["batch-register", "log", "1"],
                     ["batch-register", "process"], ["mail", "pending"], ["audit"], ["account", "show", "A123456789"]] {
            let refused = try service(args)
            #expect(refused.status != 0 && refused.stderr.contains("--system"), "\(args)")
        }
        require(try service(["convert", "--json", "--system"]))
        let audit = try service(["audit", "--json", "--system"])
        require(audit)
        let entries = try audit.jsonLines()
        #expect(entries.contains { $0["action"] as? String == "cli.system" && $0["role"] as? String == "系統/CLI"
            && $0["target"] as? String == "service convert" })
        #expect(entries.contains { $0["action"] as? String == "filing.conversion" && $0["role"] as? String == "系統/CLI" })
        #expect(entries.contains { $0["action"] as? String == "clock.override" && ($0["detail"] as? String ?? "").hasPrefix("2026-11-23T01:00:00") })
        #expect(entries.contains { $0["action"] as? String == "store.testClock" })

        // A database not made for tests: --now and NHI_NOW are refused; it cannot be marked once in use.
        let plain = directory.appendingPathComponent("plain.sqlite").path
        let byEnvironment = try CLI.run(["service", "convert", "--system", "--db", plain], environment: ["NHI_NOW": "2026-11-23T09:00:00+08:00"])
        #expect(byEnvironment.status != 0 && byEnvironment.stderr.contains("--test-clock"))
        let byFlag = try CLI.run(["service", "convert", "--system", "--db", plain, "--now", "2026-11-23T09:00:00+08:00"], environment: ["NHI_NOW": ""])
        #expect(byFlag.status != 0 && byFlag.stderr.contains("--test-clock"))
        require(try CLI.run(["service", "convert", "--system", "--db", plain], environment: ["NHI_NOW": ""]))
        let late = try CLI.run(["service", "init", "--test-clock", "--db", plain], environment: ["NHI_NOW": ""])
        #expect(late.status == 1 && late.stderr.contains("store.notNew"))
    }

    @Test("A database readable by other users: a warning on standard error")
    func widerDatabaseWarns() throws {
        require(try service(["init"]))
        chmod(db, 0o644)
        let warned = try service(["init"])
        require(warned)
        #expect(warned.stderr.contains(db) && warned.stderr.contains("chmod 600"))
    }

    @Test("$NHI_DB_KEY instead of the key file; no key or another key is refused")
    func keyFromEnvironment() throws {
        let path = directory.appendingPathComponent("env-key.sqlite").path
        let key = Data((0..<32).map { UInt8($0) }).base64EncodedString()
        require(try CLI.run(["service", "init", "--db", path], environment: ["NHI_DB_KEY": key]))
        #expect(!FileManager.default.fileExists(atPath: path + ".key"))
        require(try CLI.run(["service", "init", "--db", path], environment: ["NHI_DB_KEY": key]))
        let missing = try CLI.run(["service", "init", "--db", path], environment: ["NHI_DB_KEY": ""])
        require(missing, 1)
        #expect(missing.stderr.contains("store.keyMissing") && !FileManager.default.fileExists(atPath: path + ".key"))
        let other = try CLI.run(["service", "init", "--db", path], environment: ["NHI_DB_KEY": Data(repeating: 7, count: 32).base64EncodedString()])
        require(other, 1)
        #expect(other.stderr.contains("store.keyMismatch"))
    }

    @Test("Two processes creating the same database at once share one key file")
    func concurrentCreation() throws {
        for round in 0..<5 {
            let path = directory.appendingPathComponent("race-\(round).sqlite").path
            let processes = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = CLI.binary()
                process.arguments = ["service", "init", "--db", path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            require(try CLI.run(["service", "init", "--db", path]))
        }
    }

    @Test("Usage errors exit 2")
    func usage() throws {
        require(try service(["filing", "enrol"]), 2)
        require(try service(["roster"]), 2)
    }
}

/// The same workflow with `--db postgres://…`, and moving an SQLite office to PostgreSQL.
@Suite("nhi service on PostgreSQL: the workflow, init, migrate", .enabled(if: TestStoreKind.available.contains(.postgres)))
struct ServiceCommandPostgresTests {
    @Test("The seed workflow, every command with --db postgres://…")
    func workflow() throws {
        let t = try ServiceCommandTests(store: .postgres)
        let initialised = try t.service(["init", "--json"])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(try initialised.json()["migrations"] as? [String] == ["pg-v1-schema", "pg-v2-request-records"])
        #expect((try initialised.json()["db"] as? String)?.hasPrefix("postgres://") == true)
        try t.workflow()
    }

    @Test("migrate --from FILE.sqlite --to postgres://… copies everything once, all or nothing, and says what it moved")
    func migrate() throws {
        let source = try ServiceCommandTests(store: .sqlite)
        try source.workflow()
        let (url, _) = try ServiceCommandTests.newPostgresDatabase()
        let config = source.directory.appendingPathComponent("config").path
        let moved = try CLI.run(["service", "migrate", "--from", source.db, "--to", url, "--json"], environment: ["XDG_CONFIG_HOME": config])
        #expect(moved.status == 0, "\(moved.stderr)")
        let report = try moved.json()
        let tables = report["tables"] as? [[String: Any]] ?? []
        let rows = Dictionary(uniqueKeysWithValues: tables.map { ($0["table"] as? String ?? "", $0["rows"] as? Int ?? -1) })
        #expect(rows["unit"] == 1 && (rows["filing"] ?? 0) > 0 && (rows["audit"] ?? 0) > 0)
        #expect(report["totalRows"] as? Int == rows.values.reduce(0, +))

        // The same records on both: the audit log (IDs kept) read through each store.
        func audit(_ db: String) throws -> String {
            let r = try CLI.run(["service", "audit", "--system", "--limit", "1000", "--json", "--db", db],
                                environment: ["XDG_CONFIG_HOME": config, "NHI_NOW": "2026-12-31T09:00:00+08:00"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        #expect(try audit(source.db) == audit(url))

        // A target with records is refused, and nothing is copied twice.
        let again = try CLI.run(["service", "migrate", "--from", source.db, "--to", url], environment: ["XDG_CONFIG_HOME": config])
        #expect(again.status != 0 && again.stderr.contains("store.targetNotEmpty"))
    }

    @Test("init from two processes at once on a new database: both succeed, the schema is made once")
    func concurrentInit() throws {
        let (url, _) = try ServiceCommandTests.newPostgresDatabase()
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-cli-init-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: config) }
        let results = ResultsBox()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                if let r = try? CLI.run(["service", "init", "--json", "--db", url], environment: ["XDG_CONFIG_HOME": config]) { results.add(r) }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(results.all.count == 2)
        for r in results.all {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try r.json()["migrations"] as? [String] == ["pg-v1-schema", "pg-v2-request-records"])
        }
    }

    final class ResultsBox: @unchecked Sendable {
        private var items: [CLI.Result] = []
        private let lock = NSLock()
        func add(_ r: CLI.Result) { lock.lock(); items.append(r); lock.unlock() }
        var all: [CLI.Result] { lock.lock(); defer { lock.unlock() }; return items }
    }
}

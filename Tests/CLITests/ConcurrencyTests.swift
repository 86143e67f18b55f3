import Foundation
import NHICore
import NHIPostgres
import NHIService
import NHITestSupport
import Testing

/// Two processes (say the kiosk and the CLI) writing to one database at the same time.
@Suite("Two writers on one database file")
struct ConcurrencyTests {
    @Test("Two processes filing at once: no lost writes, no 'database is locked'")
    func twoWriters() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-conc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("nhi.sqlite").path
        let env = ["NHI_NOW": "2026-11-23T09:00:00+08:00"]
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])   // NHI_NOW needs a test database
        let register = try CLI.run(["service", "unit", "register", "--code", "110001000", "--name", "並行測試", "--nhi-only",
                                    "--owner", "A123456789", "--mobile", "0912345678", "--email", "c@example.com",
                                    "--serial", "S1", "--db", db], environment: env)
        #expect(register.status == 0, "\(register.stderr)")

        // Each writer is a shell loop of CLI processes, so both hold and wait for the lock
        // many times while the other writes.
        func writer(_ letter: Character, count: Int) throws -> Process {
            let ids = (1...count).map { NationalID.make(letter: letter, sex: .male, serial: $0).rawValue }
            let script = """
                for id in \(ids.joined(separator: " ")); do
                  "\(CLI.binary().path)" service filing enrol --id $id --name 員工 --birth-date 1990-01-01 --amount 36300 \\
                    --unit 110001000 --certificate-serial S1 --db "\(db)" >/dev/null || exit 1
                done
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            var environment = ProcessInfo.processInfo.environment
            environment["NHI_NOW"] = env["NHI_NOW"]
            process.environment = environment
            try process.run()
            return process
        }
        let a = try writer("F", count: 25), b = try writer("G", count: 25)
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let today = try CLI.run(["service", "filing", "today", "--json", "--unit", "110001000", "--certificate-serial", "S1", "--db", db],
                                environment: env)
        #expect(today.status == 0)
        #expect(today.lines.count == 50, "every write of both processes landed")
        #expect(Set(try today.jsonLines().compactMap { $0["employeeID"] as? String }).count == 50)
    }
}

/// A counter office on one PostgreSQL database: eight counter programs (separate processes,
/// each its own connections) filing for 30 seconds at once.
@Suite("Eight counters on one PostgreSQL database", .enabled(if: TestStoreKind.available.contains(.postgres)))
struct CountersOnPostgresTests {
    static let counters = 8
    static let seconds = 30

    @Test("Eight counters file enrolments for 30 s: none fails, every filing is stored exactly once")
    func eightCountersForThirtySeconds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-counters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (db, name) = try ServiceCommandTests.newPostgresDatabase()
        defer {
            if case .postgres(let server)? = try? StoreLocation(parsing: db) {
                try? PostgresServer.dropDatabase(name, on: server.with(database: "postgres"))
            }
        }
        let env = ["NHI_NOW": "2026-11-23T09:00:00+08:00", "XDG_CONFIG_HOME": directory.path]
        #expect(try CLI.run(["service", "init", "--test-clock", "--db", db], environment: env).status == 0)
        let register = try CLI.run(["service", "unit", "register", "--code", "110001000", "--name", "櫃檯測試", "--nhi-only",
                                    "--owner", "A123456789", "--mobile", "0912345678", "--email", "c@example.com",
                                    "--serial", "S1", "--db", db], environment: env)
        #expect(register.status == 0, "\(register.stderr)")

        // Each counter: a loop of `nhi service filing enrol`, one person after another (from
        // a list of its own), until the time is up. What it was told succeeded goes to
        // filed-N, what failed to failed-N.
        let letters = Array("BCDEFGHJ")
        let processes = try (0..<Self.counters).map { index -> Process in
            let people = (1...20_000).map { NationalID.make(letter: letters[index], sex: .male, serial: $0).rawValue }
            let list = directory.appendingPathComponent("people-\(index)")
            try Data((people.joined(separator: "\n") + "\n").utf8).write(to: list)
            let script = """
                end=$((SECONDS + \(Self.seconds)))
                while read -r id && [ $SECONDS -lt $end ]; do
                  if "\(CLI.binary().path)" service filing enrol --id "$id" --name 員工 --birth-date 1990-01-01 --amount 36300 \\
                       --unit 110001000 --certificate-serial S1 --db "\(db)" </dev/null >/dev/null 2>>"\(directory.path)/errors-\(index)"; then
                    echo "$id" >> "\(directory.path)/filed-\(index)"
                  else
                    echo "$id" >> "\(directory.path)/failed-\(index)"
                  fi
                done < "\(list.path)"
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            process.environment = ProcessInfo.processInfo.environment.merging(env) { _, b in b }
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })

        func lines(_ file: String) -> [String] {
            ((try? String(contentsOfFile: directory.appendingPathComponent(file).path, encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init)
        }
        let filed = (0..<Self.counters).flatMap { lines("filed-\($0)") }
        let failed = (0..<Self.counters).flatMap { lines("failed-\($0)") }
        let errors = (0..<Self.counters).flatMap { lines("errors-\($0)") }
        #expect(failed.isEmpty, "\(failed.count) filings failed: \(errors.prefix(5).joined(separator: " | "))")
        #expect(filed.count >= Self.counters, "each counter filed at least once (\(filed.count) in all)")

        let today = try CLI.run(["service", "filing", "today", "--json", "--unit", "110001000", "--certificate-serial", "S1", "--db", db],
                                environment: env)
        #expect(today.status == 0, "\(today.stderr)")
        let stored = try today.jsonLines().compactMap { $0["employeeID"] as? String }
        #expect(stored.count == filed.count, "the database holds \(stored.count) filings; the counters were told \(filed.count)")
        #expect(Set(stored) == Set(filed), "the same people, each once")
    }
}

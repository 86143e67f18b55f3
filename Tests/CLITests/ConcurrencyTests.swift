import Foundation
import NHICore
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

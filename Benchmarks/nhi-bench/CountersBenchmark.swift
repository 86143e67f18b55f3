import ArgumentParser
import Foundation
import NHICore
import NHIPostgres
import NHIService

/// `nhi-bench counters`: several counters — separate processes, each with its own store and
/// connections, as counter PCs are — filing enrolments one at a time into one PostgreSQL
/// database for a fixed time. Prints filings per second and the latency per filing
/// (p50/p99 over every filing of every counter), and checks that the database holds each
/// reported filing exactly once.
struct CountersBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counters", abstract: "PostgreSQL: several counter processes filing at once (filings/s, p50/p99 per filing).")

    @Option(help: "A PostgreSQL server's maintenance database (postgres://…).") var postgres: String
    @Option(help: "Counter processes.") var counters: Int = 8
    @Option(help: "Seconds of filing.") var seconds: Double = 10
    @Flag var json = false

    func run() throws {
        let server = try PostgresLocation(url: postgres)
        let database = "nhi_bench_counters_\(UUID().uuidString.prefix(8).lowercased())"
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nhi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PostgresServer.createDatabase(database, on: server)
        defer {
            try? PostgresServer.dropDatabase(database, on: server)
            try? FileManager.default.removeItem(at: folder)
        }
        let location = server.with(database: database)
        let keyFile = folder.appendingPathComponent("store.key").path
        let clock = ManualClock(try CalendarDate(iso: "2026-11-23"), hour: 9)
        let store = try PostgresStore(location: location, keyFile: keyFile)
        defer { store.close() }
        let service = NHIService(store: store, clock: clock)
        try BenchUnit.register(in: service)

        // Every counter connects first, then all start at one instant.
        let startAt = Date().timeIntervalSince1970 + 1.5
        let outputs = (0..<counters).map { folder.appendingPathComponent("counter-\($0).json") }
        let processes = try (0..<counters).map { index in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            process.arguments = ["counter", "--postgres", postgres, "--database", database, "--key-file", keyFile, "--index", "\(index)",
                                 "--start-at", "\(startAt)", "--seconds", "\(seconds)"]
            _ = FileManager.default.createFile(atPath: outputs[index].path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: outputs[index])
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        guard processes.allSatisfy({ $0.terminationStatus == 0 }) else {
            throw ValidationError("a counter failed: exit statuses \(processes.map(\.terminationStatus))")
        }
        let reports = try outputs.map { try JSONDecoder().decode(CounterReport.self, from: Data(contentsOf: $0)) }
        let latencies = reports.flatMap(\.latenciesMs).sorted()
        let filed = reports.reduce(0) { $0 + $1.filed }
        let elapsed = reports.map(\.seconds).max() ?? seconds

        // Exactly once: the database holds as many filings, for as many distinct people.
        let stored = try service.filings.filedToday(unit: BenchUnit.code, by: BenchUnit.caller)
        let distinct = Set(stored.map(\.personID.rawValue)).count
        guard stored.count == filed, distinct == filed else {
            throw ValidationError("counters reported \(filed) filings; the database holds \(stored.count) for \(distinct) people")
        }
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        let perSecond = Double(filed) / elapsed
        if json {
            print("""
                {"counters":\(counters),"seconds":\(elapsed),"filings":\(filed),"stored":\(stored.count),"filingsPerSecond":\(perSecond),\
                "p50Ms":\(percentile(0.50)),"p99Ms":\(percentile(0.99)),"maxMs":\(latencies.last ?? 0)}
                """)
        } else {
            print(String(format: "%d counters, %.1f s: %d filings (%.0f/s), stored exactly once; per filing p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                         counters, elapsed, filed, perSecond, percentile(0.50), percentile(0.99), latencies.last ?? 0))
        }
    }
}

/// What one counter process reports to `nhi-bench counters`.
struct CounterReport: Codable {
    var filed: Int
    var seconds: Double
    var latenciesMs: [Double]
}

/// `nhi-bench counter`: one counter of `nhi-bench counters` (not run by hand).
struct CounterProcess: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "counter", abstract: "One counter process of `counters`.",
                                                    shouldDisplay: false)
    @Option var postgres: String
    @Option var database: String
    @Option var keyFile: String
    @Option var index: Int
    @Option var startAt: Double
    @Option var seconds: Double

    func run() throws {
        let store = try PostgresStore(location: try PostgresLocation(url: postgres).with(database: database), keyFile: keyFile)
        defer { store.close() }
        let service = NHIService(store: store, clock: ManualClock(try CalendarDate(iso: "2026-11-23"), hour: 9))
        let start = try CalendarDate(iso: "2026-11-01")
        // One letter per counter keeps the counters' people apart.
        let letters = Array("ABCDEFGHJKLMNPQRSTUVXYWZIO")
        let letter = String(letters[index % letters.count])
        let serialBase = (index / letters.count) * 1_000_000
        _ = try service.units.account(BenchUnit.code) // connect before the common start
        let wait = startAt - Date().timeIntervalSince1970
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        var latencies: [Double] = []
        let began = ContinuousClock.now
        let deadline = began + .milliseconds(Int(seconds * 1000))
        var n = 0
        while ContinuousClock.now < deadline {
            let request = try BenchUnit.enrolment(serialBase + n, letters: letter, start: start)
            let t0 = ContinuousClock.now
            _ = try service.filings.enrol(request, by: BenchUnit.caller)
            latencies.append((ContinuousClock.now - t0).seconds * 1000)
            n += 1
        }
        let report = CounterReport(filed: n, seconds: (ContinuousClock.now - began).seconds, latenciesMs: latencies)
        FileHandle.standardOutput.write(try JSONEncoder().encode(report))
    }
}

import ArgumentParser
import Foundation
import Logging
import NHICore
import NHIPostgres
import NHIServer
import NHIService
import NHIServiceClient
import NHITestSupport

/// `nhi-bench-server`: filings through `nhi-server` (HTTP on loopback, the server in this
/// process over a fresh PostgreSQL database seeded with the demo office) with 1, 4 and 16
/// concurrent counters, each signed in with its own session and filing enrolments one at a
/// time for a fixed time; and the same enrolments as in-process calls (`NHIService.perform`)
/// as the floor. Prints requests per second and p50/p99 latency per filing.
@main
struct ServerBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nhi-bench-server",
                                                    abstract: "nhi-server: filings per second and latency with 1, 4, 16 counters.")

    @Option(help: "A PostgreSQL server's maintenance database (postgres://…).") var postgres: String
    @Option(help: "Seconds per run.") var seconds: Double = 10
    @Option(parsing: .upToNextOption, help: "Concurrent counters of each run.") var counters: [Int] = [1, 4, 16]
    @Flag var json = false

    struct Figures: Codable {
        var mode: String
        var counters: Int
        var filings: Int
        var perSecond: Double
        var p50Ms: Double
        var p99Ms: Double
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let server = try PostgresLocation(url: postgres)
        let database = "nhi_bench_server_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresServer.createDatabase(database, on: server)
        defer { try? PostgresServer.dropDatabase(database, on: server) }
        let store = try PostgresStore(location: server.with(database: database), key: StoreKey.generate())
        defer { store.close() }
        try DemoData.seed(store, today: .today())
        let service = NHIService(store: store)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.loginRateLimit = 10_000
        // Critical only: cancelling the server at the end logs its closed channels as errors.
        var serverLogger = Logger(label: "nhi.server")
        serverLogger.logLevel = .critical
        let application = NHIServerApplication(service: service, configuration: configuration, logger: serverLogger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try application.application { port in continuation.yield(port) }
        let serverTask = Task { try await app.runService(gracefulShutdownSignals: []) }
        var listening = 0
        for await value in ports { listening = value; break }
        let port = listening

        let today = service.clock.today
        let amount = try service.tables.table(.nhi, on: today).top.amount
        let admin = DemoData.administrator
        var serial = 0
        func nextPeople(_ count: Int) -> [PersonalID] {
            defer { serial += count }
            return (serial..<serial + count).map { .national(NationalID.make(letter: "W", sex: .male, serial: 1_000_000 + $0)) }
        }
        let request: @Sendable (PersonalID) throws -> RemoteEnrolment = { person in
            RemoteEnrolment(personID: person, name: try PersonName("員工"), birthDate: try CalendarDate(iso: "1990-01-01"),
                            effectiveDate: today, insuredAmount: amount, eligibilityReason: "到職起薪")
        }
        var results: [Figures] = []

        // The floor: in-process calls, one counter.
        let caller = try await service.perform { s in
            try s.staff.session(person: admin.id, unit: DemoData.unit.code, credential: .nhiCard)
        }
        do {
            let people = nextPeople(100_000)
            var latencies: [Double] = []
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            var index = 0
            while ContinuousClock.now < deadline {
                let enrolment = try request(people[index]).service
                let t0 = ContinuousClock.now
                _ = try await service.perform { s in try s.filings.enrol(enrolment, by: caller) }
                latencies.append(ms(ContinuousClock.now - t0))
                index += 1
            }
            results.append(figures("in-process", 1, latencies))
        }

        // Over HTTP: N counters, each its own client and session.
        for count in counters {
            let people = nextPeople(count * 100_000)
            let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
                for counter in 0..<count {
                    group.addTask {
                        let client = try NHIServiceClient(.init(url: "http://127.0.0.1:\(port)"))
                        try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
                        var latencies: [Double] = []
                        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
                        var index = counter * 100_000
                        while ContinuousClock.now < deadline {
                            let body = try request(people[index])
                            let t0 = ContinuousClock.now
                            _ = try await client.enrol(body)
                            latencies.append(ms(ContinuousClock.now - t0))
                            index += 1
                        }
                        try await client.shutdown()
                        return latencies
                    }
                }
                var all: [Double] = []
                for try await part in group { all += part }
                return all
            }
            results.append(figures("http", count, latencies))
        }
        serverTask.cancel()
        _ = try? await serverTask.value

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            for r in results {
                print(String(format: "%-10@ %2d counter(s): %6d filings, %7.1f/s, p50 %7.2f ms, p99 %7.2f ms",
                             r.mode, r.counters, r.filings, r.perSecond, r.p50Ms, r.p99Ms))
            }
        }

        func figures(_ mode: String, _ counters: Int, _ latencies: [Double]) -> Figures {
            let sorted = latencies.sorted()
            func at(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            return Figures(mode: mode, counters: counters, filings: sorted.count, perSecond: Double(sorted.count) / seconds,
                           p50Ms: at(0.5), p99Ms: at(0.99))
        }
    }
}

func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

extension RemoteEnrolment {
    /// The same enrolment as the service's request (for the in-process floor).
    var service: EnrolmentRequest {
        EnrolmentRequest(personID: personID, name: name, birthDate: birthDate, eligibilityReason: eligibilityReason ?? "到職起薪",
                         effectiveDate: effectiveDate, insuredAmount: insuredAmount)
    }
}

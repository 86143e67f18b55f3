import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NHICore
import NHIPostgres
import NHIService
import NHIServiceClient
import NHITestSupport
import Testing

/// A counter office under load: 16 counters filing through `nhi-server` (a real child
/// process on PostgreSQL) for 60 s; half-way the server is killed with SIGKILL and started
/// again. The counters recover (retry, sign in again, send the same filing with the same
/// idempotency key) and the database holds every filing a counter was told of, exactly once,
/// and nothing else.
@Suite("nhi-server under load, killed and restarted", .enabled(if: TestStoreKind.available.contains(.postgres)))
struct ServerLoadTests {
    static let counters = 16
    static let seconds = Double(ProcessInfo.processInfo.environment["NHI_LOAD_SECONDS"] ?? "") ?? 60

    /// What the counters saw, gathered from their tasks.
    actor Tally {
        var acknowledged: [PersonalID: Int64] = [:]
        var acknowledgedAfterRestart = 0
        var failures: [String] = []
        var signIns = 0
        var restartedAt: ContinuousClock.Instant?
        func ack(_ person: PersonalID, _ id: Int64) {
            acknowledged[person] = id
            if let restartedAt, ContinuousClock.now > restartedAt { acknowledgedAfterRestart += 1 }
        }
        func fail(_ text: String) { failures.append(text) }
        var lastSignInError: String?
        func signedIn() { signIns += 1 }
        func signInFailed(_ text: String) { lastSignInError = text }
        func restarted() { restartedAt = .now }
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")),
                                  sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs the counters' tasks on threads of their own: the tests beside this one block the
    /// cooperative pool's threads (processes, sleeps) for tens of seconds, which would starve
    /// the counters and turn the test into a measure of the machine.
    final class OwnThreads: TaskExecutor, @unchecked Sendable {
        private let condition = NSCondition()
        private var jobs: [UnownedJob] = []

        init(_ count: Int) {
            for _ in 0..<count {
                let thread = Thread { [unowned self] in
                    while true {
                        condition.lock()
                        while jobs.isEmpty { condition.wait() }
                        let job = jobs.removeFirst()
                        condition.unlock()
                        job.runSynchronously(on: asUnownedTaskExecutor())
                    }
                }
                thread.start()
            }
        }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            condition.lock()
            jobs.append(job)
            condition.signal()
            condition.unlock()
        }
    }

    /// Lives as long as the test process (its threads wait for work).
    static let threads = OwnThreads(4)

    @Test("16 counters for 60 s, the server SIGKILLed and restarted half-way: every acknowledged filing stored exactly once, nothing else")
    func killAndRestartUnderLoad() async throws {
        try await withTaskExecutorPreference(Self.threads) { try await load() }
    }

    func load() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (db, name) = try ServiceCommandTests.newPostgresDatabase()
        defer {
            if case .postgres(let server)? = try? StoreLocation(parsing: db) {
                try? PostgresServer.dropDatabase(name, on: server.with(database: "postgres"))
            }
        }
        let environment = ["XDG_CONFIG_HOME": directory.path]
        let store = try NHIStores.open(option: db, environment: environment)
        try DemoData.seed(store, today: .today())
        let service = NHIService(store: store)
        let port = Self.freePort()

        func startServer() throws -> Process {
            let process = Process()
            process.executableURL = CLI.binary("nhi-server")
            process.arguments = ["--db", db, "--insecure-http", "--port", "\(port)", "--login-rate-limit", "100000"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, b in b }
                .merging(["SWIFT_BACKTRACE": "enable=no"]) { _, b in b }
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            process.standardError = try FileHandle(forWritingTo: {
                let log = directory.appendingPathComponent("server.log")
                if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
                return log
            }())
            try process.run()
            return process
        }
        var server = try startServer()

        let today = service.clock.today
        let amount = try service.tables.table(.nhi, on: today).top.amount
        let admin = DemoData.administrator
        let tally = Tally()
        let start = ContinuousClock.now
        let end = start + .seconds(Self.seconds)
        let giveUp = end + .seconds(60)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for counter in 0..<Self.counters {
                group.addTask {
                    let client = try NHIServiceClient(.init(url: "http://127.0.0.1:\(port)", attempts: 6))
                    func signIn() async {
                        while ContinuousClock.now < giveUp {
                            do {
                                try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
                                await tally.signedIn()
                                return
                            } catch {
                                await tally.signInFailed("\(error)")
                                try? await Task.sleep(for: .milliseconds(300))
                            }
                        }
                    }
                    await signIn()
                    var n = 0
                    while ContinuousClock.now < end {
                        let person = PersonalID.national(NationalID.make(letter: "W", sex: .male, serial: 5_000_000 + counter * 100_000 + n))
                        let request = RemoteEnrolment(personID: person, name: try PersonName("員工\(n)"), birthDate: try CalendarDate(iso: "1990-01-01"),
                                                      effectiveDate: today, insuredAmount: amount, eligibilityReason: "到職起薪")
                        let key = UUID().uuidString // one filing, one key, however often it is sent
                        while true {
                            do {
                                let filing = try await client.enrol(request, idempotencyKey: key)
                                await tally.ack(person, filing.id)
                                break
                            } catch let error as ServiceClientError where ["session.expired", "session.missing", "client.notSignedIn"].contains(error.errorCode) {
                                await signIn() // the restarted server has no sessions
                            } catch let error as ServiceClientError where error.errorCode == "client.unreachable" || error.errorCode == "request.idempotencyInProgress" {
                                try? await Task.sleep(for: .milliseconds(300))
                            } catch {
                                await tally.fail("\(person.masked): \(error)")
                                break
                            }
                            if ContinuousClock.now > giveUp {
                                await tally.fail("\(person.masked): no answer before the deadline")
                                break
                            }
                        }
                        n += 1
                    }
                    try await client.shutdown()
                }
            }
            // Half-way: SIGKILL (no graceful anything), then the same server again.
            try await Task.sleep(for: .seconds(Self.seconds / 2))
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            #expect(server.terminationReason == .uncaughtSignal)
            try await Task.sleep(for: .seconds(1))
            server = try startServer()
            await tally.restarted()
            try await group.waitForAll()
        }
        server.terminate()
        server.waitUntilExit()

        let acknowledged = await tally.acknowledged
        let failures = await tally.failures
        #expect(failures.isEmpty, "\(failures.count) filings failed: \(failures.prefix(3))")
        let lastSignInError = await tally.lastSignInError ?? ""
        #expect(await tally.signIns >= 2 * Self.counters, "every counter signed in again after the restart; \(lastSignInError)")
        #expect(await tally.acknowledgedAfterRestart > 0, "the counters filed again after the restart")
        #expect(acknowledged.count > Self.counters)

        // The database: the load's people (letter W) are exactly the acknowledged ones, each once,
        // with the acknowledged filing.
        let caller = try service.staff.session(person: admin.id, unit: DemoData.unit.code, credential: .nhiCard)
        let stored = try service.filings.filedToday(unit: DemoData.unit.code, by: caller).filter { $0.personID.rawValue.hasPrefix("W") }
        #expect(stored.count == acknowledged.count, "stored \(stored.count), acknowledged \(acknowledged.count)")
        #expect(Set(stored.map(\.personID)) == Set(acknowledged.keys))
        #expect(stored.allSatisfy { acknowledged[$0.personID] == $0.id }, "each stored filing is the one its counter was told of")
        print("server load: \(Self.counters) counters, \(Int(Self.seconds)) s: \(acknowledged.count) filings acknowledged "
              + "(\(await tally.acknowledgedAfterRestart) after the restart), \(stored.count) stored, \(await tally.signIns) sign-ins")
    }
}

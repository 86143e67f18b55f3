import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NHICore
@_spi(StoreImplementation) import NHIPostgres
import NHIService
import NHITestSupport
import Testing

/// What only PostgreSQL has: several counters (separate stores, separate connections, as
/// separate processes are to the server) at the same instant, a server that restarts, and
/// two programs creating a new database's schema at once. Real server, no mocks.
@Suite("PostgreSQL store: counters at once, restarts, concurrent set-up",
       .enabled(if: TestStoreKind.available.contains(.postgres)))
struct PostgresStoreTests {
    /// Results gathered from threads.
    final class Collected<T>: @unchecked Sendable {
        private var items: [T] = []
        private let lock = NSLock()
        func add(_ item: T) { lock.lock(); items.append(item); lock.unlock() }
        var all: [T] { lock.lock(); defer { lock.unlock() }; return items }
    }

    /// Runs a script and returns its standard output. Spawned with an empty signal mask (Swift's
    /// threads block SIGTERM, which a server started by the script would inherit) and output
    /// to a file (a server it starts must not hold a pipe of ours open).
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-run-\(UUID().uuidString)").path
        defer { unlink(output) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGQUIT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw TemporaryDatabaseError(message: "cannot run \(path): errno \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw TemporaryDatabaseError(message: "\(path) \(arguments.joined(separator: " ")) failed with status \(status)")
        }
        return (try? String(contentsOfFile: output, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// Runs `count` bodies on threads of their own (never the cooperative pool: the store blocks).
    static func atOnce(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for index in 0..<count {
            group.enter()
            Thread {
                start.wait()
                body(index)
                group.leave()
            }.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
    }

    @Test("Two counters enrol the same person at the same instant: one filing, the other a clear error naming it")
    func sameEnrolmentAtOnce() throws {
        let x = try FilingFixture(store: .postgres)
        // A second counter: its own store (own connections) over the same database.
        let second = NHIService(store: try x.f.database.reopen(), clock: x.f.clock)
        let op2 = try second.staff.session(person: .national(Fixture.otherOperator), unit: x.unit, credential: .citizen,
                                           certificateSerial: "TP03000008888888")
        for n in 1...6 {
            let id = FilingFixture.person(500 + n)
            let request = EnrolmentRequest(personID: id, name: try PersonName("員工\(n)"), birthDate: try CalendarDate(iso: "1990-05-04"),
                                           effectiveDate: x.today, insuredAmount: 36_300)
            let outcomes = Collected<Result<Filing, ServiceError>>()
            let (service1, service2, op1) = (x.service, second, x.op1)
            Self.atOnce(2) { index in
                do throws(ServiceError) {
                    outcomes.add(.success(index == 0 ? try service1.filings.enrol(request, by: op1) : try service2.filings.enrol(request, by: op2)))
                } catch {
                    outcomes.add(.failure(error))
                }
            }
            let filed = outcomes.all.compactMap { try? $0.get() }
            let refused = outcomes.all.compactMap { if case .failure(let e) = $0 { e } else { nil } }
            #expect(filed.count == 1 && refused.count == 1)
            #expect(refused.first?.code == .filingDuplicatePending)
            #expect(refused.first?.context["filing"] == filed.first.map { "\($0.id)" }, "the error names the other filing")
            let stored = try x.f.database.store.read { try $0.filings(status: .pending, filedBefore: .distantFuture) }
            #expect(stored.filter { $0.personID == id }.count == 1)
        }
    }

    @Test("Two nightly conversions started at once convert each filing once")
    func conversionOnce() throws {
        let x = try FilingFixture(store: .postgres)
        for n in 1...12 { _ = try x.enrol(FilingFixture.person(700 + n)) }
        let second = NHIService(store: try x.f.database.reopen(), clock: x.f.clock)
        x.f.clock.set(x.today, hour: 22, minute: 31)
        let reports = Collected<ConversionReport>()
        let first = x.service
        Self.atOnce(2) { index in
            if let report = try? (index == 0 ? first : second).filings.runNightlyConversion() { reports.add(report) }
        }
        #expect(reports.all.count == 2)
        #expect(reports.all.map(\.accepted).sorted() == [0, 12])
        for n in 1...12 { #expect(try x.coverage(FilingFixture.person(700 + n)).count == 1) }
    }

    @Test("Two programs opening a new database at once: the schema is made once, both work, with one key")
    func concurrentInit() throws {
        guard let url = ProcessInfo.processInfo.environment[TestStoreKind.postgresVariable],
              case .postgres(let server) = try StoreLocation(parsing: url) else {
            Issue.record("\(TestStoreKind.postgresVariable) is not set")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-pg-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "nhi_init_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresServer.createDatabase(name, on: server)
        defer { try? PostgresServer.dropDatabase(name, on: server) }
        let keyFile = folder.appendingPathComponent("db.key").path
        let stores = Collected<PostgresStore>()
        let failures = Collected<String>()
        Self.atOnce(2) { _ in
            do { stores.add(try PostgresStore(location: server.with(database: name), keyFile: keyFile)) } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        #expect(stores.all.count == 2)
        for store in stores.all { #expect(try store.appliedMigrations() == ["pg-v1-schema", "pg-v2-request-records"]) }
        // Both sealed with the same key: a device bound through one opens through the other.
        let clock = ManualClock(try CalendarDate(iso: "2026-11-23"), hour: 9)
        let a = NHIService(store: stores.all[0], clock: clock), b = NHIService(store: stores.all[1], clock: clock)
        _ = try a.units.register(Fixture.unit(), method: .organisationCertificate(Fixture.certificate()), registrant: nil,
                                 ownerIsAdministrator: false)
        #expect(try b.units.account(try UnitCode(parsing: "110001000")).unit.name == "數美科技股份有限公司")
        for store in stores.all { store.close() }
    }

    @Test("The server restarts: the call that meets it fails clearly, the next works, nothing committed is lost")
    func reconnect() throws {
        guard let cluster = ProcessInfo.processInfo.environment["NHI_TEST_POSTGRES_CLUSTER"], !cluster.isEmpty else {
            Issue.record("NHI_TEST_POSTGRES_CLUSTER is not set: run under scripts/test (it names scripts/lib/pg-cluster)")
            return
        }
        // A server of its own: restarting the shared one would break the tests running beside this one.
        let folder = "/tmp/nhi-pg-restart-\(UUID().uuidString.prefix(8))"
        func pg(_ command: String) throws -> String {
            try Self.run(cluster, [command, folder])
        }
        let url = try pg("start")
        defer { _ = try? pg("destroy") }
        guard case .postgres(let server) = try StoreLocation(parsing: url) else { Issue.record("bad URL \(url)"); return }
        try PostgresServer.createDatabase("nhi", on: server)
        let keyFile = "\(folder)-key"
        defer { unlink(keyFile) }
        let store = try PostgresStore(location: server.with(database: "nhi"), keyFile: keyFile)
        let clock = ManualClock(try CalendarDate(iso: "2026-11-23"), hour: 9)
        let service = NHIService(store: store, clock: clock)
        let unit = try UnitCode(parsing: "110001000")
        _ = try service.units.register(Fixture.unit(), method: .organisationCertificate(Fixture.certificate()), registrant: nil,
                                       ownerIsAdministrator: false)

        // Stopped: a clear store.unavailable; started again: the next call works and the unit is there.
        _ = try pg("stop")
        #expect(throws: ServiceError(.storeUnavailable)) { try service.units.account(unit) }
        _ = try pg("start")
        #expect(try service.units.account(unit).unit.code == unit)

        // Restarted between calls: the pooled connection is dead; it is replaced without an error.
        _ = try pg("restart")
        #expect(try service.units.account(unit).unit.code == unit)

        // Restarted in the middle of a transaction: that call fails clearly and its change is not
        // kept; the next works.
        let other = try UnitCode(parsing: "120000000")
        #expect(throws: ServiceError(.storeUnavailable)) {
            try store.write { w in
                try w.insert(UnitAccount(unit: Fixture.unit(code: "120000000", ubn: "22099131"),
                                         method: .organisationCertificate(Fixture.certificate(ubn: "22099131")), ownerIsAdministrator: false,
                                         registeredAt: clock.now))
                _ = try pg("restart")
                _ = try w.unit(other)
            }
        }
        #expect(try store.read { try $0.unit(other) } == nil, "nothing partial")
        #expect(try service.units.account(unit).unit.code == unit)
        store.close()
    }
}

/// The applied migrations are listed in the order they are applied, not by name (which put
/// `pg-v10-…` before `pg-v2-…`).
@Suite("PostgreSQL store: the migrations' order")
struct PostgresMigrationOrderTests {
    @Test("Known migrations in their order, then unknown ones by version number, then by name")
    func order() {
        let listed = PostgresStore.inMigrationOrder(["pg-v10-later", "pg-v2-request-records", "zz-odd", "pg-v9-newer", "pg-v1-schema"])
        #expect(listed == ["pg-v1-schema", "pg-v2-request-records", "pg-v9-newer", "pg-v10-later", "zz-odd"])
    }
}

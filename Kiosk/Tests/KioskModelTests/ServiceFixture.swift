// A real NHIService over a temporary SQLite file, seeded with NHITestSupport's sample
// (DemoData), behind a kiosk shell: the flow models are tested against the SDK itself.
import Foundation
@testable import KioskModel
import NHICore
import NHICards
import NHIService
import NHISignIn
import KioskSDK
import NHITestSupport

/// The service's clock, set by the test (a stand-in below the real service).
final class ServiceTestClock: ServiceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ date: CalendarDate, hour: Int) { current = date.startInTaiwan.addingTimeInterval(TimeInterval(hour * 3600)) }
    var now: Date { lock.withLock { current } }
    func set(_ date: CalendarDate, hour: Int, minute: Int = 0) {
        lock.withLock { current = date.startInTaiwan.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60)) }
    }
}

/// The kiosk signed in as the sample's administrator or operator, on 2026-11-23 at 10:00.
@MainActor
final class ServiceFixture {
    nonisolated static let today = try! CalendarDate(iso: "2026-11-23")
    let database: DatabaseCopy
    let serviceClock: ServiceTestClock
    let service: NHIService
    let sample: DemoData.Sample
    let clock: ManualClock
    let cards: CardFeed
    let directory: TemporaryDirectory
    let shell: KioskShell
    let authenticator: ScriptedAuthenticator
    let batch: BatchBackendStandIn

    /// The exchange folder (`--files`) the shelf lists: `<directory>/files`.
    var filesFolder: String { directory.path + "/files" }

    /// - Parameter unitRegistrar: registers units with the SDK's own `StaffSignIn` over this
    ///   service (cards through pcscd when a test inserts one).
    init(role: StaffRole = .administrator, unitRegistrar: Bool = false) throws {
        let serviceClock = ServiceTestClock(Self.today, hour: 10)
        let clock = ManualClock(), cards = CardFeed(), directory = TemporaryDirectory()
        self.serviceClock = serviceClock
        self.clock = clock
        self.cards = cards
        self.directory = directory
        let (template, sample) = try SeededTemplate.shared.get()
        let database = try DatabaseCopy(of: template)
        let service = NHIService(store: database.store, clock: serviceClock)
        self.database = database
        self.sample = sample
        self.service = service
        let person = role == .administrator ? sample.administrator : sample.operator
        let unit = sample.unit.code
        let caller = try service.staff.session(person: person.id, unit: unit, credential: .nhiCard)
        let session = StaffSession(name: person.name, maskedID: person.id.masked, role: role, unitCode: unit,
                                   method: .nhiCard, caller: caller, permissions: try service.staff.permissions(of: caller))
        let authenticator = ScriptedAuthenticator(outcome: .success(session))
        let batch = BatchBackendStandIn()
        self.authenticator = authenticator
        self.batch = batch
        try FileManager.default.createDirectory(atPath: directory.path + "/files", withIntermediateDirectories: true)
        var backends = KioskBackends(cards: cards, authenticator: authenticator, service: KioskService(service), batchRegistration: batch)
        backends.filesFolder = directory.path + "/files"
        if unitRegistrar {
            backends.unitRegistrar = StaffSignIn(service: service, context: PCSCContext(), verifier: ServiceLoginVerifier(service: service))
        }
        shell = KioskShell(settings: KioskSettings(), store: SettingsStore(path: directory.path + "/kiosk.json"),
                           backends: backends,
                           clock: clock, isKioskMode: false, isDemo: true)
    }

    func signIn() async {
        shell.signIn.method = .nhiCard
        shell.signIn.setPassword(DemoData.staffPassword)
        await shell.signIn.submit()
    }

    /// The visitor card of a sample person.
    func card(_ person: DemoData.Person) -> VisitorCard {
        VisitorCard(cardNumber: person.cardNumber, name: person.name, id: person.id, birthDate: person.birthDate,
                    sex: person.sex, issueDate: person.cardIssued)
    }

    /// Idles past the timeout: the shell locks.
    func idleOut() {
        clock.advance(seconds: 121)
        shell.tick()
    }

    /// Filings stored for the unit today.
    func filedToday() throws -> [Filing] {
        let admin = try service.staff.session(person: sample.administrator.id, unit: sample.unit.code, credential: .nhiCard)
        return try service.filings.filedToday(unit: sample.unit.code, by: admin)
    }
}

/// The sample seeded once per test run (seeding hashes two passwords with 600,000 PBKDF2
/// rounds); each fixture works on its own copy of the file.
enum SeededTemplate {
    static let directory = NSTemporaryDirectory() + "kiosk-tests-template-\(getpid())"
    static let shared: Result<(String, DemoData.Sample), any Error> = Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: SeededTemplate.directory) }
        let path = directory + "/nhi.sqlite"
        let sample = try DemoData.seed(try SQLiteStore(path: path), today: ServiceFixture.today)
        return (path, sample)
    }
}

/// A copy of the template database in a directory of its own, removed at the end.
final class DatabaseCopy {
    let directory = TemporaryDirectory()
    let store: SQLiteStore

    init(of template: String) throws {
        let path = directory.path + "/nhi.sqlite"
        for suffix in ["", "-wal", StoreKey.fileSuffix] where FileManager.default.fileExists(atPath: template + suffix) {
            try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
        }
        store = try SQLiteStore(path: path)
    }
}

/// A batch-registration backend that reports what the test scripts.
final class BatchBackendStandIn: BatchRegistrationBackend, @unchecked Sendable {
    private let lock = NSLock()
    private var _report: BatchCheckReport?
    private var _records: [BatchUploadRecord] = []
    private(set) var submitted: [String] = []

    func script(report: BatchCheckReport) { lock.withLock { _report = report } }

    func check(fileAt path: String, unit: UnitCode, by caller: Caller) async throws -> BatchCheckReport {
        guard let report = lock.withLock({ _report }) else { throw KioskError(.fileUnreadable, subject: path) }
        return report
    }

    func submit(fileAt path: String, by caller: Caller) async throws -> BatchUploadRecord {
        lock.withLock {
            submitted.append(path)
            let record = BatchUploadRecord(id: Int64(_records.count + 1), fileName: (path as NSString).lastPathComponent,
                                           uploadedAt: Date(), uploaded: _report?.rows ?? 0, succeeded: _report?.validRows ?? 0,
                                           failed: _report?.rejectedRows ?? 0, status: .done, uploader: caller.description,
                                           logFileName: "log.log", logLines: ["開始執行...", "結束執行..."])
            _records.append(record)
            return record
        }
    }

    func uploads(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) async throws -> [BatchUploadRecord] {
        lock.withLock { _records }
    }
}

import Foundation
import Logging
import NHICore
import NHIGrades
import NHILogin

/// The local NHI service: the rules the NHI's servers apply, over a store.
///
/// One counter PC runs everything with ``SQLiteStore`` as the default store:
///
/// ```swift
/// let service = try NHIService.openDefault()       // $NHI_DB or ~/.local/share/nhi/nhi.sqlite
/// let unit = try service.units.register(…)
/// ```
///
/// The service is grouped by job — ``units``, ``staff``, ``accounts``, ``devices``,
/// ``audit`` — each a lightweight view over the same store and clock. Every operation takes
/// the ``Caller`` for authorisation and the audit log.
public final class NHIService: Sendable {
    /// Where the data lives: ``SQLiteStore`` by default, or a test store.
    public let store: any NHIStore
    /// What "now" is for every rule (filing days, 22:30 conversion, billing period); ``ManualClock`` in tests.
    public let clock: any ServiceClock
    /// How registration passwords are hashed and verified (PBKDF2-HMAC-SHA256).
    public let passwords: PasswordHasher
    /// The grade and rate tables the rules use.
    public let tables: GradeTables
    /// The billing period during which filings wait in the staging area.
    public let billingPeriod: ClosedRange<Int>
    /// Who the service's own jobs are recorded as in the audit log: ``Caller/system``, or
    /// ``Caller/system(origin:)`` for a program such as the `nhi` tool acting with `--system`.
    public let systemCaller: Caller
    /// The threads that run the service's blocking work for ``perform(_:)``.
    public let workers: BlockingWorkers
    let logger: Logger

    /// Creates the service over a store.
    ///
    /// - Parameters:
    ///   - store: where the data lives (``SQLiteStore``, or a test store).
    ///   - clock: what "now" is; ``ManualClock`` in tests.
    ///   - passwords: how passwords are hashed.
    ///   - tables: the grade and rate tables the rules use.
    ///   - billingPeriod: the days of the month on which converted filings are staged
    ///     instead (11–14 in the current manual; some screens say 13–16).
    ///   - logger: where the service logs; its level and handler are the caller's (the
    ///     default logs through whatever `LoggingSystem` the program bootstrapped).
    ///   - systemCaller: who the service's own jobs are recorded as in the audit log.
    ///   - workers: the threads ``perform(_:)`` runs operations on (shared by default).
    public init(store: any NHIStore, clock: any ServiceClock = SystemClock(), passwords: PasswordHasher = PasswordHasher(),
                tables: GradeTables = .bundled, billingPeriod: ClosedRange<Int> = 11...14,
                logger: Logger = NHIService.defaultLogger, systemCaller: Caller = .system,
                workers: BlockingWorkers = .shared) {
        self.workers = workers
        self.store = store
        self.clock = clock
        self.passwords = passwords
        self.tables = tables
        self.billingPeriod = billingPeriod
        self.logger = logger
        self.systemCaller = systemCaller
    }

    /// The service over the default SQLite file (`$NHI_DB` or the XDG data directory).
    public static func openDefault(clock: any ServiceClock = SystemClock()) throws(ServiceError) -> NHIService {
        NHIService(store: try SQLiteStore(path: SQLiteStore.defaultLocation()), clock: clock)
    }

    /// The `nhi.service` logger of the program's `LoggingSystem`, at the level its handler
    /// chose — never pinned here, so `NHI_LOG_LEVEL=info` (in the `nhi` tool and the kiosk) or
    /// an integrator's own bootstrap shows the per-operation lines (at `info`). IDs in log lines
    /// are always masked. Pass your own `Logger` to ``init(store:clock:passwords:tables:billingPeriod:logger:systemCaller:workers:)``
    /// to choose label, level and metadata.
    public static var defaultLogger: Logger { Logger(label: "nhi.service") }

    /// Unit registration and unit data (SPEC §1, §3, §8).
    public var units: Units { Units(core: self) }
    /// Administrators and operators (SPEC §1, §3).
    public var staff: Staff { Staff(core: self) }
    /// Personal NHI-card online-service accounts (SPEC §5, §6).
    public var accounts: Accounts { Accounts(core: self) }
    /// NHI-app device binding: the secrets behind OTP and QR logins.
    public var devices: Devices { Devices(core: self) }
    /// The audit log.
    public var audit: Audit { Audit(core: self) }
    /// The mail outbox.
    public var mail: Mail { Mail(core: self) }

    /// Runs service operations from async code: `body` runs on one of ``workers``' threads
    /// (never a thread of Swift's cooperative pool, which a store waiting for its lock or the
    /// network would stall), and the calling task resumes with its result.
    ///
    /// ```swift
    /// let roster = try await service.perform { service in
    ///     try service.roster.inForce(unit: unit, on: day, by: caller)
    /// }
    /// ```
    public func perform<T: Sendable, Failure: Error>(_ body: @escaping @Sendable (NHIService) throws(Failure) -> T) async throws(Failure) -> T {
        let request = RequestInProgress.current
        return try await workers.run { () throws(Failure) -> T in
            guard let request else { return try body(self) }
            return try RequestScope.with(request) { () throws(Failure) -> T in try body(self) }
        }
    }

    /// Runs a write transaction, mapping store errors.
    func write<T>(_ body: (any StoreWriter) throws -> T) throws(ServiceError) -> T {
        do {
            // A request being recorded (`recording(_:_:)`): its answer goes in with the change.
            guard let scope = RequestScope.current, !scope.recorded else { return try store.write(body) }
            var recorded = false
            let result = try store.write { w in
                let result = try body(w)
                if let response = scope.request.encode(result) {
                    try w.insert(RequestRecord(owner: scope.request.owner, key: scope.request.key,
                                               requestDigest: scope.request.requestDigest, status: scope.request.status,
                                               response: response, at: clock.now))
                    recorded = true
                }
                return result
            }
            if recorded { scope.recorded = true }
            return result
        } catch let error as ServiceError { throw error } catch {
            throw ServiceError(.storeFailure, wrapping: error)
        }
    }

    /// Runs a read, mapping store errors.
    func read<T>(_ body: (any StoreReader) throws -> T) throws(ServiceError) -> T {
        do { return try store.read(body) } catch let error as ServiceError { throw error } catch {
            throw ServiceError(.storeFailure, wrapping: error)
        }
    }

    /// Appends an audit entry inside the current transaction.
    func record(_ writer: any StoreWriter, _ caller: Caller, unit: UnitCode?, action: String, target: String, detail: String = "") throws {
        let caller = caller.standing == .system && caller.origin == nil ? systemCaller : caller
        try writer.append(AuditEntry(id: 0, at: clock.now, actor: caller.description, role: caller.roleLabel,
                                     unitCode: unit ?? caller.unitCode, action: action, target: target, detail: detail))
        logger.info("\(action)", metadata: ["actor": "\(caller)", "target": "\(target)"])
    }
}

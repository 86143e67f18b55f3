import Foundation
import Logging
import NHICore
@_spi(StoreImplementation) import NHIService
import PostgresNIO
import Synchronization

/// The store for offices with several counters: one PostgreSQL database shared by every
/// counter PC, the CLI and the nightly jobs, with the same tables, constraints and
/// behaviour as `SQLiteStore` (the same service tests run on both).
///
/// **Transactions.** The store protocols run a synchronous body inside one transaction, as
/// GRDB does: `read` in a `REPEATABLE READ READ ONLY` snapshot, `write` in a transaction that
/// first takes the database's write lock (`pg_advisory_xact_lock`), so writes run one at a
/// time, like SQLite's single writer, and every statement after the lock sees everything
/// committed before it (READ COMMITTED). The service's read-then-write checks ("is this
/// person already enrolled?", "which filings are still pending?") therefore hold across
/// processes: two counters enrolling the same person at the same instant give one filing
/// and one `filing.duplicatePending` that names it; two nightly conversions started at once
/// convert each filing once (the second finds nothing pending). Reads never wait for the
/// lock. The lock is per database, held only until COMMIT or ROLLBACK.
///
/// **Threads.** `read` and `write` block the calling thread until PostgreSQL answers
/// (through postgres-nio's event loops, never the Swift cooperative pool). Call them from a
/// thread of your own (the SDK's application layer runs service operations on dedicated
/// threads), **not from a task on the cooperative pool**.
///
/// **Connections.** The store owns a small pool of connections, each used by one transaction
/// at a time. A connection that fails (the server restarted, the network dropped) is
/// discarded: the call that saw the failure throws `store.unavailable`, and the next call
/// connects again. A pooled connection found dead before a transaction starts is replaced
/// silently (nothing had run on it).
///
/// **Secrets.** Secrets are sealed with a `StoreKey` that the server never sees:
/// `$NHI_DB_KEY`, or a key file on the client (`PostgresLocation.keyFile(environment:)`,
/// 0600, created for a database that has no sealed secrets yet).
public final class PostgresStore: NHIStoreAdministration, @unchecked Sendable {
    /// The database (without its password: `PostgresLocation.description`).
    public let location: PostgresLocation
    let configuration: PostgresConnection.Configuration
    /// The key that seals secrets (set once, while opening).
    @_spi(StoreImplementation) public private(set) var key: StoreKey
    let logger: Logger
    public private(set) var permissionWarnings: [String] = []

    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Mutex(0)
    /// Connections kept open between transactions.
    let maxIdle: Int

    static let eventLoops = MultiThreadedEventLoopGroup.singleton

    /// Opens (creating the schema if needed) the database at `location`.
    ///
    /// - Parameters:
    ///   - location: the server and database (`StoreLocation.postgres`: host and port or a
    ///     Unix socket folder, user, database).
    ///   - password: the password (`$NHI_DB_PASSWORD`; else the URL's, discouraged); nil for
    ///     trust or peer authentication on a Unix socket.
    ///   - key: the key that seals secrets; else `$NHI_DB_KEY`, else `keyFile` (created when
    ///     the database has no sealed secret yet; missing for one that has is `store.keyMissing`).
    ///   - keyFile: default `PostgresLocation.keyFile(environment:)`.
    ///   - maxIdleConnections: how many open connections are kept for the next transactions.
    ///   - logger: where the store logs reconnects and failures (never SQL values).
    public init(location: PostgresLocation, password: String? = nil, key: StoreKey? = nil, keyFile: String? = nil,
                maxIdleConnections: Int = 4, logger: Logger = Logger(label: "nhi.store.postgres")) throws(ServiceError) {
        self.location = location
        self.logger = logger
        self.maxIdle = maxIdleConnections
        let secret = password ?? location.password
        if let socket = location.socketPath {
            configuration = .init(unixSocketPath: socket, username: location.user, password: secret, database: location.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            do {
                switch location.tls {
                case .disable: tls = .disable
                case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
            } catch {
                throw ServiceError(.storeUnavailable, wrapping: error, context: ["location": location.description])
            }
            configuration = .init(host: location.host ?? "localhost", port: location.port, username: location.user, password: secret,
                                  database: location.database, tls: tls)
        }
        var warnings: [String] = []
        if location.password != nil {
            warnings.append("警告：資料庫網址含密碼，請改用 $NHI_DB_PASSWORD — warning: the database URL holds a password; use $NHI_DB_PASSWORD instead")
        }
        // The key and the schema: the store is usable only after both.
        self.key = StoreKey.generate() // a placeholder: replaced below, before anything is sealed
        do {
            try migrate()
            let file = keyFile ?? location.keyFile()
            var resolved = key
            if resolved == nil, let loaded = try StoreKey.existing(keyFile: file) {
                resolved = loaded.key
                warnings += loaded.warnings
            }
            if resolved == nil {
                if try keyCheck() != nil {
                    throw ServiceError(.storeKeyMissing, context: ["file": file])
                }
                try Self.prepareKeyFolder(file)
                resolved = try StoreKey.create(file)
            }
            guard let resolved else { throw ServiceError(.storeKeyUnavailable) }
            try installKeyCheck(resolved)
            self.key = resolved
        } catch let error as ServiceError {
            close()
            throw ServiceError(error.code, context: error.context.merging(["location": location.description]) { a, _ in a })
        } catch {
            close()
            throw ServiceError(.storeUnavailable, wrapping: error, context: ["location": location.description])
        }
        permissionWarnings = warnings
        for warning in warnings { logger.warning("\(warning)") }
    }

    deinit { close() }

    /// Closes the pooled connections (a transaction in progress keeps its own until it ends).
    public func close() {
        let connections = idle.withLock { list -> [PostgresConnection] in
            defer { list.removeAll() }
            return list
        }
        for connection in connections { try? connection.close().wait() }
    }

    // MARK: Transactions

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", writeLock: false) { try body($0) }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", writeLock: true) { try body($0) }
    }

    /// The advisory-lock key every write transaction takes ("NHI-W" in ASCII); per database.
    static let writeLockKey: Int64 = 0x4E48_492D_57
    /// The advisory-lock key the migrations take ("NHI-M").
    static let migrationLockKey: Int64 = 0x4E48_492D_4D

    /// Runs `body` in one transaction on a leased connection: COMMIT after it, ROLLBACK when it
    /// throws. A dead pooled connection found at BEGIN is replaced once.
    func transaction<T>(begin: String, writeLock: Bool, _ body: (PostgresSession) throws -> T) throws -> T {
        var retried = false
        while true {
            let (connection, pooled) = try lease()
            let session = PostgresSession(connection: connection, key: key, logger: logger)
            do {
                try session.execute(PostgresQuery(unsafeSQL: begin))
            } catch {
                discard(connection)
                if pooled && !retried && Self.isConnectionFailure(error) {
                    retried = true
                    continue
                }
                throw mapped(error)
            }
            do {
                if writeLock { try session.execute("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))") }
                let result = try body(session)
                try session.execute("COMMIT")
                release(connection)
                return result
            } catch {
                if connection.isClosed || Self.isConnectionFailure(error) {
                    discard(connection)
                } else if (try? session.execute("ROLLBACK")) != nil {
                    release(connection)
                } else {
                    discard(connection)
                }
                throw mapped(error)
            }
        }
    }

    /// An idle pooled connection, else a new one.
    private func lease() throws -> (PostgresConnection, pooled: Bool) {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return (connection, true) }
        }
        do {
            let connection = try PostgresConnection.connect(on: Self.eventLoops.next(), configuration: configuration,
                                                            id: nextID.withLock { $0 += 1; return $0 }, logger: logger).wait()
            return (connection, false)
        } catch {
            throw ServiceError(.storeUnavailable, context: ["location": location.description, "detail": Self.describe(error)])
        }
    }

    private func release(_ connection: PostgresConnection) {
        let kept = idle.withLock { list -> Bool in
            guard list.count < maxIdle, !connection.isClosed else { return false }
            list.append(connection)
            return true
        }
        if !kept { discard(connection) }
    }

    private func discard(_ connection: PostgresConnection) {
        // Kept alive until closed: a connection released while its channel is open is a bug
        // postgres-nio asserts on (seen with more concurrent transactions than idle slots).
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    // MARK: Errors

    static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return error is PostgresConnectionLost || error is ChannelError || error is IOError }
        switch error.code {
        case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection, .poolClosed: return true
        case .server:
            // admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away.
            return ["57P01", "57P02", "57P03"].contains(error.serverInfo?[.sqlState] ?? "")
        default: return false
        }
    }

    /// postgres-nio's errors as `ServiceError`s; every other error passes through.
    func mapped(_ error: any Error) -> any Error {
        if error is ServiceError { return error }
        if Self.isConnectionFailure(error) {
            return ServiceError(.storeUnavailable, context: ["location": location.description, "detail": Self.describe(error)])
        }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            let detail = [error.serverInfo?[.message], error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: " — ")
            if state.hasPrefix("23") { return ServiceError(.storeConstraint, context: ["sqlState": state, "detail": detail]) }
            return ServiceError(.storeFailure, context: ["sqlState": state, "detail": detail])
        }
        if error is PostgresDecodingError { return ServiceError(.storeCorrupt, context: ["detail": "\(error)"]) }
        if error is PSQLError { return ServiceError(.storeFailure, context: ["detail": Self.describe(error)]) }
        // The body's own errors (the service's, a login verifier's) pass through, as with SQLite.
        return error
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    // MARK: Key

    private func keyCheck() throws -> String? {
        try transaction(begin: "BEGIN READ ONLY", writeLock: false) { session in
            try session.rows("SELECT key_check FROM store_secret WHERE id = 1").first?.text("key_check")
        }
    }

    /// Checks `key` against the database, storing its check value in a new database.
    private func installKeyCheck(_ key: StoreKey) throws {
        try transaction(begin: "BEGIN", writeLock: true) { session in
            if let check = try session.rows("SELECT key_check FROM store_secret WHERE id = 1").first?.text("key_check") {
                try key.verify(keyCheck: check)
            } else {
                let check = try key.makeKeyCheck()
                try session.execute("INSERT INTO store_secret (id, key_check) VALUES (1, \(check))")
            }
        }
    }

    /// Creates the key file's folder (0700) when missing.
    static func prepareKeyFolder(_ file: String) throws {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    // MARK: Administration

    public var locationDescription: String { location.description }

    /// The applied migrations in the order they are applied (as SQLite's store lists them),
    /// not by name: `pg-v10-…` comes after `pg-v9-…`. A name this build does not know (a newer
    /// program migrated the database) comes last.
    public func appliedMigrations() throws -> [String] {
        let names = try transaction(begin: "BEGIN READ ONLY", writeLock: false) { session in
            try session.rows("SELECT name FROM schema_migrations").compactMap { $0.text("name") }
        }
        return Self.inMigrationOrder(names)
    }

    /// `names` in the order of ``migrations``; unknown names after them, by their version
    /// number (`pg-v12-…`), then by name.
    @_spi(StoreImplementation) public static func inMigrationOrder(_ names: [String]) -> [String] {
        let position = Dictionary(uniqueKeysWithValues: migrations.enumerated().map { ($0.element.name, $0.offset) })
        return names.sorted { a, b in
            switch (position[a], position[b]) {
            case let (x?, y?): x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): (version(a), a) < (version(b), b)
            }
        }
    }

    /// The number after `pg-v` (`pg-v12-x` → 12), or `Int.max`.
    private static func version(_ name: String) -> Int {
        guard name.hasPrefix("pg-v") else { return .max }
        return Int(name.dropFirst(4).prefix { $0.isNumber }) ?? .max
    }

    public func isTestClockDatabase() throws(ServiceError) -> Bool {
        try typed {
            try transaction(begin: "BEGIN READ ONLY", writeLock: false) { session in
                try session.rows("SELECT value FROM store_setting WHERE name = 'testClock'").first?.text("value") == "1"
            }
        }
    }

    public func markAsTestClockDatabase() throws(ServiceError) {
        try typed {
            try transaction(begin: "BEGIN", writeLock: true) { session in
                guard try session.rows("SELECT COUNT(*) AS n FROM audit").first?.int64("n") == 0 else {
                    throw ServiceError(.storeNotNew, context: ["location": location.description])
                }
                try session.execute("""
                    INSERT INTO store_setting (name, value) VALUES ('testClock', '1') ON CONFLICT (name) DO UPDATE SET value = '1'
                    """)
            }
        }
    }

    func typed<T>(_ body: () throws -> T) throws(ServiceError) -> T {
        do { return try body() } catch let error as ServiceError { throw error } catch {
            throw ServiceError(.storeFailure, wrapping: error)
        }
    }
}

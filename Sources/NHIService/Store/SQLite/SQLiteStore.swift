import Foundation
import GRDB
import Logging
import NHICore
#if canImport(Glibc)
import Glibc
#endif

/// The default store: one SQLite file, WAL journal, versioned migrations, busy waits
/// instead of "database is locked" errors, every write in one IMMEDIATE transaction.
///
/// The file is `$NHI_DB`, else `$XDG_DATA_HOME/nhi/nhi.sqlite`
/// (`~/.local/share/nhi/nhi.sqlite`); see ``defaultLocation(environment:)``.
public final class SQLiteStore: NHIStoreAdministration {
    let pool: DatabasePool
    /// The file the store uses.
    public let path: String
    /// The file the store uses (``NHIStoreAdministration``).
    public var locationDescription: String { path }
    /// The key that seals secrets at rest (``StoreKey``); `nhi service migrate` carries it to the new store.
    @_spi(StoreImplementation) public let key: StoreKey
    /// Files readable by other users (the database, its key file), one bilingual line each;
    /// they are also logged. The CLI prints them on standard error.
    public let permissionWarnings: [String]

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// A new database folder is created 0700, the database file 0600 (its `-wal` and `-shm`
    /// files inherit that mode; existing ones wider than 0600 are narrowed). An existing
    /// database or key file readable by others is used, with a warning. Secrets are sealed
    /// with `key`, else `$NHI_DB_KEY`, else the key file `<path>.key` — created for a database
    /// that has no secrets sealed yet; for one that has, a missing key is `store.keyMissing`.
    public init(path: String, key: StoreKey? = nil) throws(ServiceError) {
        self.path = path
        var warnings: [String] = []
        do {
            warnings += try Self.prepareFiles(path)
            var resolved = key
            if resolved == nil, let loaded = try StoreKey.existing(forDatabase: path) {
                resolved = loaded.key
                warnings += loaded.warnings
            }
            var config = Configuration()
            // Another process (the kiosk and the CLI) may hold the write lock: wait, do not fail.
            config.busyMode = .timeout(30)
            config.foreignKeysEnabled = true
            config.label = "nhi"
            // Deleted and replaced content (a redacted token, a re-sealed secret) is overwritten.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrate(pool)
            if resolved == nil {
                let sealed = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM store_secret") } != 0
                if let loaded = try StoreKey.existing(forDatabase: path) {
                    // Another process opening the new database at the same time has just made it.
                    resolved = loaded.key
                    warnings += loaded.warnings
                } else if sealed {
                    // A database whose secrets were sealed never gets a new key: that key would open nothing.
                    throw ServiceError(.storeKeyMissing, context: ["file": path + StoreKey.fileSuffix])
                } else {
                    resolved = try StoreKey.create(path + StoreKey.fileSuffix)
                }
            }
            guard let resolved else { throw ServiceError(.storeKeyUnavailable) }
            self.key = resolved
            try Self.sealSecrets(pool, key: resolved)
            for suffix in ["-wal", "-shm"] where FilePermissions.widerThanOwner(path + suffix) != nil { chmod(path + suffix, 0o600) }
        } catch let error as ServiceError where error.code == .storeKeyMismatch || error.code == .storeKeyInvalid
            || error.code == .storeKeyUnavailable || error.code == .storeKeyMissing {
            throw ServiceError(error.code, context: error.context.merging(["path": path]) { a, _ in a })
        } catch {
            throw ServiceError(.storeUnavailable, wrapping: error, context: ["path": path])
        }
        permissionWarnings = warnings
        for warning in warnings { Self.logger.warning("\(warning)") }
    }

    static let logger = Logger(label: "nhi.store")

    /// Runs the migrations. Each runs in its own transaction, but the list of applied ones is
    /// read before: two processes opening a new database at once (the kiosk and the CLI) can
    /// both try the same migration, and the second fails ("table … already exists") although
    /// nothing is wrong. It then reads the list again, for up to 10 seconds.
    static func migrate(_ pool: DatabasePool) throws {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Creates the folder (0700) and an empty database file (0600) when missing; narrows
    /// existing `-wal`/`-shm` files to 0600; returns warnings for a database file readable by
    /// others.
    static func prepareFiles(_ path: String) throws -> [String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o700)
        }
        var warnings: [String] = []
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if let mode = FilePermissions.widerThanOwner(path) {
            warnings.append(FilePermissions.warning(path, mode: mode))
        }
        for suffix in ["-wal", "-shm"] where FilePermissions.widerThanOwner(path + suffix) != nil {
            chmod(path + suffix, 0o600)
        }
        return warnings
    }

    /// The default database file for an environment.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        NHIPaths.dataFile("nhi.sqlite", overriddenBy: "NHI_DB", environment: environment)
    }

    /// Whether this database was made for tests and demos (`nhi service init --test-clock`):
    /// only then may a program pretend another time (`--now`, `$NHI_NOW`), which revives
    /// expired tokens and lifts lockouts. A counter's or a server's database is never marked.
    public func isTestClockDatabase() throws(ServiceError) -> Bool {
        try mappedTyped { try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_setting WHERE name = 'testClock'") == "1" } }
    }

    /// Marks a new database (no audit entry yet) as a test and demo database
    /// (``isTestClockDatabase()``); a database in use is refused (`store.notNew`).
    public func markAsTestClockDatabase() throws(ServiceError) {
        try mappedTyped {
            try pool.write { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") == 0 else { throw ServiceError(.storeNotNew, context: ["path": path]) }
                try db.execute(sql: "INSERT OR REPLACE INTO store_setting (name, value) VALUES ('testClock', '1')")
            }
        }
    }

    private func mappedTyped<T>(_ body: () throws -> T) throws(ServiceError) -> T {
        do { return try mapped(body) } catch let error as ServiceError { throw error } catch {
            throw ServiceError(.storeFailure, wrapping: error)
        }
    }

    /// The schema version the migrations have reached (for diagnostics).
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try mapped { try pool.read { db in try body(SQLiteSession(db: db, key: key)) } }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try mapped { try pool.write { db in try body(SQLiteSession(db: db, key: key)) } }
    }

    /// SQLite errors become ``ServiceError``s; the service's own errors pass through.
    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ServiceError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_CONSTRAINT {
                throw ServiceError(.storeConstraint, context: ["sqlite": "\(error.extendedResultCode)", "detail": error.message ?? ""])
            }
            throw ServiceError(.storeFailure, context: ["sqlite": "\(error.extendedResultCode)", "detail": error.message ?? ""])
        }
    }
}

/// A GRDB connection seen through the store protocols.
struct SQLiteSession: StoreWriter {
    let db: Database
    /// Seals TOTP secrets and pending mail bodies.
    let key: StoreKey
}

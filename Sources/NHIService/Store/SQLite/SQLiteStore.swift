import Foundation
import GRDB
import NHICore

/// The default store: one SQLite file, WAL journal, versioned migrations, busy waits
/// instead of "database is locked" errors, every write in one IMMEDIATE transaction.
///
/// The file is `$NHI_DB`, else `$XDG_DATA_HOME/nhi/nhi.sqlite`
/// (`~/.local/share/nhi/nhi.sqlite`); see ``defaultLocation(environment:)``.
public final class SQLiteStore: NHIStore {
    let pool: DatabasePool
    /// The file the store uses.
    public let path: String

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws(ServiceError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            var config = Configuration()
            // Another process (the kiosk and the CLI) may hold the write lock: wait, do not fail.
            config.busyMode = .timeout(30)
            config.foreignKeysEnabled = true
            config.label = "nhi"
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch {
            throw ServiceError(.storeUnavailable, wrapping: error, context: ["path": path])
        }
    }

    /// The default database file for an environment.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["NHI_DB"], !explicit.isEmpty { return explicit }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/nhi/nhi.sqlite"
    }

    /// The schema version the migrations have reached (for diagnostics).
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try mapped { try pool.read { db in try body(SQLiteSession(db: db)) } }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try mapped { try pool.write { db in try body(SQLiteSession(db: db)) } }
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
}

import Foundation
import Logging
import NHIService

/// Opens the store a location names — the one opener the CLI and the kiosk use, so both
/// take `--db` / `$NHI_DB` the same way.
public enum NHIStores {
    /// Opens (creating or migrating) the store at `location`: an `SQLiteStore` for a path,
    /// a ``PostgresStore`` for a `postgres://` URL. The PostgreSQL password comes from
    /// `$NHI_DB_PASSWORD` (never a command line), the key from `$NHI_DB_KEY` or the key file
    /// `PostgresLocation.keyFile(environment:)`.
    public static func open(_ location: StoreLocation, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceError) -> any NHIStoreAdministration {
        switch location {
        case .sqlite(let path):
            return try SQLiteStore(path: path)
        case .postgres(let database):
            let password = environment[PostgresLocation.passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
            return try PostgresStore(location: database, password: password, keyFile: database.keyFile(environment: environment))
        }
    }

    /// Opens the store named by `--db` (`option`), else `$NHI_DB`, else the default SQLite file.
    public static func open(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceError) -> any NHIStoreAdministration {
        try open(try StoreLocation.resolve(option, environment: environment), environment: environment)
    }
}

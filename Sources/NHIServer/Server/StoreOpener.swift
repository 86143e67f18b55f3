import Foundation
import NHIService

/// Opens the store named by `--db` / `$NHI_DB`: the one place that picks a store kind, so
/// another (PostgreSQL, `postgres://…`) is added here and nowhere else.
public enum StoreOpener {
    /// The store at `location` (nil: `$NHI_DB`, else the XDG data file).
    public static func open(_ location: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any NHIStore {
        let location = location ?? SQLiteStore.defaultLocation(environment: environment)
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw ServiceError(.storeUnavailable, detail: ("此版本的 nhi-server 尚未支援 PostgreSQL", "PostgreSQL stores are not built into this nhi-server yet"))
        }
        return try SQLiteStore(path: location)
    }
}

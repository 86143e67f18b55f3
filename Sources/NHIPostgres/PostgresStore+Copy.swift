import Foundation
import GRDB
@_spi(StoreImplementation) import NHIService
import PostgresNIO

/// What `nhi service migrate` moved: rows per table, in copy order.
public struct StoreCopyReport: Sendable, Codable, Equatable {
    public struct Table: Sendable, Codable, Equatable {
        public let name: String
        public let rows: Int
    }
    public let from: String
    public let to: String
    public let tables: [Table]
    public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }
}

extension PostgresStore {
    /// Moves an office from one PC to the shared server: copies every table of the SQLite
    /// database at `path` into this (new, empty) PostgreSQL database in ONE transaction — all
    /// or nothing — and returns the rows copied per table.
    ///
    /// The SQLite file is opened (and migrated to the current schema) first; its secrets stay
    /// sealed with its key, so the PostgreSQL store must have been opened with the same key
    /// (``NHIStores/migrate(fromSQLite:to:environment:)`` takes care of that). A target with
    /// any record is refused (`store.targetNotEmpty`); IDs are kept, and the ID sequences
    /// continue after the highest copied ID.
    public func copy(fromSQLite path: String) throws(ServiceError) -> StoreCopyReport {
        do {
            let source = try DatabaseQueue(path: path, configuration: {
                var c = Configuration()
                c.readonly = true
                return c
            }())
            let tables = try source.read { db in
                try Self.tablesInOrder.map { table -> (String, [Row]) in
                    let order = table == "attachment_link" ? " ORDER BY rowid" : ""
                    return (table, try Row.fetchAll(db, sql: "SELECT * FROM \(table)\(order)"))
                }
            }
            let counts = try transaction(begin: "BEGIN", writeLock: true) { session -> [StoreCopyReport.Table] in
                for table in Self.tablesInOrder {
                    if try session.rows(PostgresQuery(unsafeSQL: "SELECT 1 AS one FROM \(table) LIMIT 1")).isEmpty == false {
                        throw ServiceError(.storeTargetNotEmpty, context: ["table": table, "location": location.description])
                    }
                }
                var report: [StoreCopyReport.Table] = []
                for (table, rows) in tables {
                    try Self.copy(rows, into: table, session)
                    report.append(.init(name: table, rows: rows.count))
                }
                return report
            }
            return StoreCopyReport(from: path, to: location.description, tables: counts)
        } catch let error as ServiceError {
            throw error
        } catch let error as DatabaseError {
            throw ServiceError(.storeUnavailable, context: ["path": path, "detail": error.message ?? "\(error.resultCode)"])
        } catch {
            throw ServiceError(.storeFailure, wrapping: error)
        }
    }

    /// Inserts SQLite rows into a PostgreSQL table, column by column in the target's types;
    /// columns the target does not have (SQLite's roster copies of names) are left behind.
    private static func copy(_ rows: [Row], into table: String, _ session: PostgresSession) throws {
        let columns = try session.rows("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) AND NOT (is_identity = 'YES' AND identity_generation = 'ALWAYS')
            ORDER BY ordinal_position
            """).compactMap { row -> (String, String)? in
            guard let name = row.text("column_name"), let type = row.text("data_type") else { return nil }
            return (name, type)
        }
        guard let first = rows.first else { return }
        let present = columns.filter { first.hasColumn($0.0) }
        let perRow = present.count
        let chunk = max(1, 30_000 / max(perRow, 1))
        var start = 0
        while start < rows.count {
            let end = min(start + chunk, rows.count)
            var binds = PostgresBindings(capacity: (end - start) * perRow)
            var values: [String] = []
            for index in start..<end {
                let row = rows[index]
                let base = (index - start) * perRow
                values.append("(" + (1...perRow).map { "$\(base + $0)" }.joined(separator: ",") + ")")
                for (name, type) in present {
                    let value = row[name] as DatabaseValue
                    switch type {
                    case "boolean": binds.append(value.isNull ? nil : (Int64.fromDatabaseValue(value) ?? 0) != 0)
                    case "bigint": binds.append(Int64.fromDatabaseValue(value))
                    case "double precision": binds.append(Double.fromDatabaseValue(value))
                    case "bytea": try binds.append(Data.fromDatabaseValue(value))
                    default: binds.append(String.fromDatabaseValue(value))
                    }
                }
            }
            let list = present.map { "\"\($0.0)\"" }.joined(separator: ", ")
            try session.execute(PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(list)) VALUES \(values.joined(separator: ","))", binds: binds))
            start = end
        }
        if present.contains(where: { $0.0 == "id" && $0.1 == "bigint" }) {
            try session.execute(PostgresQuery(unsafeSQL: """
                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)
                """))
        }
    }
}

extension NHIStores {
    /// `nhi service migrate`: copies the SQLite database at `path` into the new, empty
    /// PostgreSQL database `target` (all or nothing) with the SQLite database's key, which is
    /// written to the target's key file (`PostgresLocation.keyFile(environment:)`) unless
    /// `$NHI_DB_KEY` is set.
    public static func migrate(fromSQLite path: String, to target: PostgresLocation,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServiceError) -> StoreCopyReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ServiceError(.storeUnavailable, context: ["path": path, "detail": "no such file"])
        }
        let sqlite = try SQLiteStore(path: path)
        let key = sqlite.key
        let keyFile = target.keyFile(environment: environment)
        if let existing = try StoreKey.existing(keyFile: keyFile, environment: environment) {
            // $NHI_DB_KEY or an earlier key file must be the SQLite database's key.
            do { try existing.key.verify(keyCheck: try key.makeKeyCheck()) } catch {
                throw ServiceError(.storeKeyMismatch, context: ["file": keyFile])
            }
        } else {
            do { try PostgresStore.prepareKeyFolder(keyFile) } catch { throw ServiceError(.storeKeyUnavailable, context: ["file": keyFile]) }
            _ = try StoreKey.create(keyFile, key: key)
        }
        let password = environment[PostgresLocation.passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        let store = try PostgresStore(location: target, password: password, key: key, keyFile: keyFile)
        defer { store.close() }
        return try store.copy(fromSQLite: path)
    }
}

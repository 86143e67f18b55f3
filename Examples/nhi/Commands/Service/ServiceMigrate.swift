import ArgumentParser
import Foundation
import NHIPostgres
import NHIService

/// `nhi service migrate --from FILE.sqlite --to postgres://…`: moves an office from one PC's
/// SQLite file to the shared PostgreSQL server.
struct ServiceMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "搬移資料庫至 PostgreSQL — Copy an SQLite database into a new PostgreSQL database.",
        discussion: """
            Copies every table in one PostgreSQL transaction (all or nothing) and prints the rows per table. The target \
            must be a new, empty database (its schema is created); a target with any record is refused. The SQLite \
            database's key (<file>.key or $NHI_DB_KEY) keeps sealing the secrets: unless $NHI_DB_KEY is set it is \
            written to the target's key file ($XDG_CONFIG_HOME/nhi/<host>-<port>-<db>.key, 0600). The password comes \
            from $NHI_DB_PASSWORD.
            """)

    @Option(help: "SQLite 資料庫檔案 The SQLite database file.") var from: String
    @Option(help: "PostgreSQL 資料庫 postgres://user@host:port/db") var to: String
    @Flag(name: .long, help: "輸出 JSON — JSON output.") var json = false

    func run() throws {
        guard case .postgres(let target) = try StoreLocation(parsing: to) else {
            throw ValidationError("--to 需為 postgres:// 網址 — --to must be a postgres:// URL")
        }
        let report = try NHIStores.migrate(fromSQLite: from, to: target)
        if json {
            JSONValue.object([
                ("from", .string(report.from)), ("to", .string(report.to)),
                ("tables", .array(report.tables.map { .object([("table", .string($0.name)), ("rows", .int(Int64($0.rows)))]) })),
                ("totalRows", .int(Int64(report.totalRows))),
            ]).printLine()
        } else {
            print("搬移 migrated \(report.from) → \(report.to)")
            for table in report.tables { print("  \(table.name): \(table.rows)") }
            print("合計 total: \(report.totalRows)")
        }
    }
}

import Foundation
import Logging
import NHICore
@_spi(StoreImplementation) import NHIService
import PostgresNIO

/// One leased connection inside a transaction, seen through the store protocols. Every
/// query blocks the calling thread until the server answers (see ``PostgresStore``).
struct PostgresSession {
    let connection: PostgresConnection
    /// Seals TOTP secrets and pending mail bodies.
    let key: StoreKey
    let logger: Logger

    /// Runs a statement, discarding any rows.
    func execute(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
    }

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func changes(_ query: PostgresQuery) throws -> Int {
        try connection.query(query, logger: logger).wait().metadata.rows ?? 0
    }

    /// Runs a query and returns its rows.
    func rows(_ query: PostgresQuery) throws -> [PGRow] {
        try connection.query(query, logger: logger).wait().map { PGRow($0.makeRandomAccess()) }
    }

    /// The `data` column (JSON) of every row, decoded.
    func decoded<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) throws -> [T] {
        try rows(query).map { try StoreCodec.decode(type, try $0.requiredText("data")) }
    }

    /// The new row's `id` of an `INSERT … RETURNING id`.
    func insertedID(_ query: PostgresQuery) throws -> Int64 {
        guard let id = try rows(query).first?.int64("id") else { throw ServiceError(.storeFailure, context: ["detail": "no id returned"]) }
        return id
    }
}

/// A PostgreSQL row answering the shared row mappings (``StoreRows``) by column name.
struct PGRow: StoreRow {
    let row: PostgresRandomAccessRow
    init(_ row: PostgresRandomAccessRow) { self.row = row }

    private func cell(_ column: String) -> PostgresCell? { row.contains(column) ? row[column] : nil }
    func text(_ column: String) -> String? { (try? cell(column)?.decode(String?.self)) ?? nil }
    func int64(_ column: String) -> Int64? { (try? cell(column)?.decode(Int64?.self)) ?? nil }
    func double(_ column: String) -> Double? { (try? cell(column)?.decode(Double?.self)) ?? nil }
    func bool(_ column: String) -> Bool? { (try? cell(column)?.decode(Bool?.self)) ?? nil }
    func bytes(_ column: String) -> Data? { (try? cell(column)?.decode(Data?.self)) ?? nil }
}

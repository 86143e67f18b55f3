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

    /// How long one statement may take before the connection is given up (a server that
    /// vanished without closing the socket).
    static let statementTimeout: TimeAmount = .seconds(120)

    /// Runs a query, blocking this thread. A connection the server has closed (a restart)
    /// fails at once, before anything is sent on it; one that stops answering is closed after
    /// ``statementTimeout``.
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        guard !connection.isClosed else { throw PostgresConnectionLost() }
        let loop = connection.eventLoop
        let promise = loop.makePromise(of: PostgresQueryResult.self)
        connection.query(query, logger: logger).cascade(to: promise)
        let connection = self.connection
        let timeout = loop.scheduleTask(in: Self.statementTimeout) {
            promise.fail(PostgresConnectionLost())
            connection.close().whenComplete { _ in }
        }
        defer { timeout.cancel() }
        return try promise.futureResult.wait()
    }

    /// Runs a statement, discarding any rows.
    func execute(_ query: PostgresQuery) throws {
        _ = try run(query)
    }

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func changes(_ query: PostgresQuery) throws -> Int {
        try run(query).metadata.rows ?? 0
    }

    /// Runs a query and returns its rows.
    func rows(_ query: PostgresQuery) throws -> [PGRow] {
        try run(query).map { PGRow($0.makeRandomAccess()) }
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

/// The connection was closed by the server (or stopped answering).
struct PostgresConnectionLost: Error, CustomStringConvertible {
    var description: String { "the connection to the PostgreSQL server was lost" }
}

/// A PostgreSQL row answering the shared row mappings (`StoreRows`) by column name.
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

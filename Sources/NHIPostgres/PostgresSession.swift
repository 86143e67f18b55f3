import Foundation
import Logging
import NHICore
@_spi(StoreImplementation) import NHIService
import PostgresNIO
import Synchronization

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
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
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

extension PostgresSession {
    /// `count` new IDs of `table`'s ID sequence, in order, in one statement. Only inside a
    /// write transaction: the write lock keeps every other writer off the sequence meanwhile
    /// (a rolled-back transaction leaves a gap, as `nextval` does).
    func reserveIDs(_ table: String, count: Int) throws -> [Int64] {
        precondition(count > 0)
        let sequence = "pg_get_serial_sequence('\(table)', 'id')"
        guard let last = try rows(PostgresQuery(unsafeSQL: "SELECT setval(\(sequence), nextval(\(sequence)) + \(count - 1)) AS id"))
                .first?.int64("id") else {
            throw ServiceError(.storeFailure, context: ["detail": "\(table) ids"])
        }
        return Array(last - Int64(count) + 1...last)
    }

    /// Runs `COPY table (columns) FROM STDIN` in text format with `rowCount` lines made by
    /// `line` (each from ``copyLine(_:)``), streamed in chunks of about 1 MB; blocks this
    /// thread until the server has them all (or refused one: the transaction then fails).
    func copy(into table: String, columns: [String], rowCount: Int, line: @escaping @Sendable (Int) throws -> String) throws {
        let connection = self.connection, logger = self.logger
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Void, any Error>>(.success(()))
        // postgres-nio's COPY is async only: a task streams it while this thread waits. The task
        // runs on the connection's event loop, never the cooperative pool — this thread may be
        // one of the pool's (a synchronous caller), and the pool may have no other free.
        Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for index in 0..<rowCount {
                        buffer.writeString(try line(index))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        try outcome.withLock { $0 }.get()
    }

    /// One line of COPY's text format: tab-separated, `\N` for NULL, backslash, tab, newline
    /// and carriage return escaped.
    static func copyLine(_ values: [String?]) -> String {
        var line = ""
        for (index, value) in values.enumerated() {
            if index > 0 { line.append("\t") }
            guard let value else { line.append("\\N"); continue }
            if value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                for character in value.unicodeScalars {
                    switch character {
                    case "\\": line.append("\\\\")
                    case "\t": line.append("\\t")
                    case "\n": line.append("\\n")
                    case "\r": line.append("\\r")
                    default: line.unicodeScalars.append(character)
                    }
                }
            } else {
                line.append(value)
            }
        }
        line.append("\n")
        return line
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

/// Runs a task's jobs on a NIO event loop instead of the cooperative pool (for ``PostgresSession/copy(into:columns:rowCount:line:)``).
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}

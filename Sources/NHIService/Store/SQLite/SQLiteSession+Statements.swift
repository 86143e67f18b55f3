import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func statementRequest(id: Int64) throws -> StatementRequest? {
        try String.fetchOne(db, sql: "SELECT data FROM statement_request WHERE id = ?", arguments: [id])
            .map { try StoreCodec.decode(StatementRequest.self, $0) }
    }

    func statementRequests(unit: UnitCode) throws -> [StatementRequest] {
        try String.fetchAll(db, sql: "SELECT data FROM statement_request WHERE unit_code = ? ORDER BY id DESC", arguments: [unit.rawValue])
            .map { try StoreCodec.decode(StatementRequest.self, $0) }
    }

    func statementRequests(status: StatementStatus) throws -> [StatementRequest] {
        try String.fetchAll(db, sql: "SELECT data FROM statement_request WHERE status = ? ORDER BY id", arguments: [status.rawValue])
            .map { try StoreCodec.decode(StatementRequest.self, $0) }
    }

    func statementContent(id: Int64) throws -> StatementTable? {
        try String.fetchOne(db, sql: "SELECT content FROM statement_request WHERE id = ? AND content IS NOT NULL", arguments: [id])
            .map { try StoreCodec.decode(StatementTable.self, $0) }
    }

    func insert(_ request: StatementRequest) throws -> Int64 {
        try db.execute(sql: "INSERT INTO statement_request (unit_code, status, data) VALUES (?, ?, '{}')",
                       arguments: [request.unitCode.rawValue, request.status.rawValue])
        let id = db.lastInsertedRowID
        let stored = StatementRequest(id: id, unitCode: request.unitCode, kind: request.kind, month: request.month, through: request.through,
                                      requestedAt: request.requestedAt, requestedBy: request.requestedBy, status: request.status,
                                      generatedAt: request.generatedAt)
        try db.execute(sql: "UPDATE statement_request SET data = ? WHERE id = ?", arguments: [try StoreCodec.encode(stored), id])
        return id
    }

    func update(_ request: StatementRequest, content: StatementTable?) throws {
        try db.execute(sql: "UPDATE statement_request SET status = ?, data = ?, content = ? WHERE id = ?",
                       arguments: [request.status.rawValue, try StoreCodec.encode(request), try content.map { try StoreCodec.encode($0) },
                                   request.id])
    }
}

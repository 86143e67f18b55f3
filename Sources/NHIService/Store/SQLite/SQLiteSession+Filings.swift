import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func filing(id: Int64) throws -> Filing? {
        try Row.fetchOne(db, sql: "SELECT \(StoreRows.filingColumns) FROM filing WHERE id = ?", arguments: [id]).map(StoreRows.filing)
    }

    func filings(person: PersonalID, unit: UnitCode) throws -> [Filing] {
        try Row.fetchAll(db, sql: "SELECT \(StoreRows.filingColumns) FROM filing WHERE person_id = ? AND unit_code = ? ORDER BY id",
                         arguments: [person.rawValue, unit.rawValue]).map(StoreRows.filing)
    }

    func filings(unit: UnitCode, filedFrom: CalendarDate, through: CalendarDate, staffID: Int64?) throws -> [Filing] {
        var sql = "SELECT \(StoreRows.filingColumns) FROM filing WHERE unit_code = ? AND filed_on >= ? AND filed_on <= ?"
        var arguments: StatementArguments = [unit.rawValue, filedFrom.iso, through.iso]
        if let staffID {
            sql += " AND staff_id = ?"
            arguments += [staffID]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(StoreRows.filing)
    }

    func filings(status: FilingStatus, filedBefore: Date) throws -> [Filing] {
        try Row.fetchAll(db, sql: "SELECT \(StoreRows.filingColumns) FROM filing WHERE status = ? AND filed_at < ? ORDER BY filed_at, id",
                         arguments: [status.rawValue, filedBefore.timeIntervalSince1970]).map(StoreRows.filing)
    }

    func filingBatch(fileSHA256: String) throws -> FilingBatch? {
        try Row.fetchOne(db, sql: "SELECT * FROM filing_batch WHERE file_sha256 = ?", arguments: [fileSHA256]).map(StoreRows.filingBatch)
    }

    func insert(_ filings: [Filing], batch: Int64?) throws -> [Int64] {
        let raw = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO filing (unit_code, family, kind, person_id, principal_id, relation, name, birth_date, category, reason,
                insured_amount, adjusted_amount, effective_date, filed_on, filed_at, filed_by, staff_id, status, check_code,
                check_message, converted_at, batch_id, labour, foreign_national, issue_card_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        var ids: [Int64] = []
        ids.reserveCapacity(filings.count)
        for f in filings {
            raw.bind(1, f.unitCode.rawValue)
            raw.bind(2, f.family.rawValue)
            raw.bind(3, f.kind.rawValue)
            raw.bind(4, f.personID.rawValue)
            raw.bind(5, f.principalID?.rawValue)
            raw.bind(6, f.relation?.rawValue)
            raw.bind(7, f.name)
            raw.bind(8, f.birthDate?.iso)
            raw.bind(9, f.category.rawValue)
            raw.bind(10, f.reason)
            raw.bind(11, f.insuredAmount?.amount)
            raw.bind(12, f.adjustedAmount?.amount)
            raw.bind(13, f.effectiveDate.iso)
            raw.bind(14, f.filedOn.iso)
            raw.bind(15, f.filedAt.timeIntervalSince1970)
            raw.bind(16, f.filedBy)
            raw.bind(17, f.staffID)
            raw.bind(18, f.status.rawValue)
            raw.bind(19, f.checkCode)
            raw.bind(20, f.checkMessage)
            raw.bind(21, f.convertedAt?.timeIntervalSince1970)
            raw.bind(22, batch ?? f.batchID)
            raw.bind(23, try f.labour.map { try StoreCodec.encode($0) })
            raw.bind(24, f.foreignNational)
            raw.bind(25, f.issueCardTo)
            try raw.execute(in: db)
            ids.append(db.lastInsertedRowID)
        }
        return ids
    }

    func update(_ f: Filing) throws {
        try db.execute(sql: "UPDATE filing SET status = ?, check_code = ?, check_message = ?, converted_at = ? WHERE id = ?",
                       arguments: [f.status.rawValue, f.checkCode, f.checkMessage, f.convertedAt?.timeIntervalSince1970, f.id])
    }

    func insert(_ b: FilingBatch) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO filing_batch (unit_code, kind, file_name, file_sha256, count, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [b.unitCode.rawValue, b.kind, b.fileName, b.fileSHA256, b.count, b.createdAt.timeIntervalSince1970, b.createdBy])
        return db.lastInsertedRowID
    }

    func labourOutbox(dueBy: Date) throws -> [LabourOutboxEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM labour_outbox WHERE forwarded_at IS NULL AND due_at <= ? ORDER BY id",
                         arguments: [dueBy.timeIntervalSince1970]).map(StoreRows.outboxEntry)
    }

    func labourOutbox(filing: Int64) throws -> [LabourOutboxEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM labour_outbox WHERE filing_id = ? ORDER BY id", arguments: [filing]).map(StoreRows.outboxEntry)
    }

    func insert(_ e: LabourOutboxEntry) throws -> Int64 {
        try db.execute(sql: "INSERT INTO labour_outbox (filing_id, unit_code, action, due_at, forwarded_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [e.filingID, e.unitCode.rawValue, e.action, e.dueAt.timeIntervalSince1970, e.forwardedAt?.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    func update(_ e: LabourOutboxEntry) throws {
        try db.execute(sql: "UPDATE labour_outbox SET action = ?, forwarded_at = ? WHERE id = ?",
                       arguments: [e.action, e.forwardedAt?.timeIntervalSince1970, e.id])
    }
}

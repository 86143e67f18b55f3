import Foundation
import GRDB
import NHICore
import NHIFormats

extension SQLiteSession {
    func dprImport(fileSHA256: String) throws -> DPRImportRecord? {
        try String.fetchOne(db, sql: "SELECT data FROM dpr_import WHERE file_sha256 = ? ORDER BY id LIMIT 1", arguments: [fileSHA256])
            .map { try StoreCodec.decode(DPRImportRecord.self, $0) }
    }

    func dprDetails(ubn: UBN) throws -> [StoredDPRDetail] {
        try Row.fetchAll(db, sql: """
            SELECT content_hash, import_id, income_code, data FROM dpr_detail WHERE ubn = ? ORDER BY import_id, payment_date, person_id
            """, arguments: [ubn.rawValue]).map { try StoreRows.dprDetail($0, ubn: ubn) }
    }

    func dprPremiumsByMonth(importID: Int64) throws -> [ROCMonth: Money] {
        var result: [ROCMonth: Money] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT substr(payment_date, 1, 7) AS month, SUM(premium) AS premium FROM dpr_detail WHERE import_id = ? GROUP BY 1
            """, arguments: [importID]) {
            let month = try StoreCodec.parse((row["month"] as String) + "-01", CalendarDate.init(iso:))
            result[try ROCMonth(month)] = Money(row["premium"] as Int64)
        }
        return result
    }

    func insert(_ record: DPRImportRecord) throws -> Int64 {
        try db.execute(sql: "INSERT INTO dpr_import (file_sha256, ubn, data) VALUES (?, ?, '{}')",
                       arguments: [record.fileSHA256, record.ubn.rawValue])
        return db.lastInsertedRowID
    }

    func update(_ record: DPRImportRecord) throws {
        try db.execute(sql: "UPDATE dpr_import SET data = ? WHERE id = ?", arguments: [try StoreCodec.encode(record), record.id])
    }

    func insertDPRDetails(_ details: [StoredDPRDetail]) throws -> Int {
        let raw = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO dpr_detail (content_hash, import_id, ubn, income_code, payment_date, person_id, amount, premium, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(content_hash) DO NOTHING
            """))
        var inserted = 0
        for d in details {
            raw.bind(1, d.contentHash)
            raw.bind(2, d.importID)
            raw.bind(3, d.ubn.rawValue)
            raw.bind(4, d.incomeCode.rawValue)
            raw.bind(5, d.detail.paymentDate.gregorian.iso)
            raw.bind(6, d.detail.id.rawValue)
            raw.bind(7, d.detail.amount.amount)
            raw.bind(8, d.detail.premium.amount)
            raw.bind(9, try StoreCodec.encode(d.detail))
            try raw.execute(in: db)
            inserted += db.changesCount
        }
        return inserted
    }
}

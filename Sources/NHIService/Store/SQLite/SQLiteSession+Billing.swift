import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func bill(id: Int64) throws -> PremiumBill? {
        try Row.fetchOne(db, sql: StoreRows.billSelect + " WHERE b.id = ?", arguments: [id]).map(StoreRows.bill)
    }

    func bill(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> PremiumBill? {
        try Row.fetchOne(db, sql: StoreRows.billSelect + " WHERE b.payer_key = ? AND b.month = ? AND b.category = ?",
                         arguments: [payerKey, month.compact, category.rawValue]).map(StoreRows.bill)
    }

    func bills(payerKey: String) throws -> [PremiumBill] {
        try Row.fetchAll(db, sql: StoreRows.billSelect + " WHERE b.payer_key = ? ORDER BY b.month, b.category", arguments: [payerKey])
            .map(StoreRows.bill)
    }

    func payments(bill: Int64) throws -> [PremiumPayment] {
        try Row.fetchAll(db, sql: "SELECT * FROM payment WHERE bill_id = ? ORDER BY id", arguments: [bill]).map(StoreRows.payment)
    }

    func slipDownloads(bill: Int64, on day: CalendarDate) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count FROM slip_download WHERE bill_id = ? AND day = ?", arguments: [bill, day.iso]) ?? 0
    }

    func unitsWithCoverage(on day: CalendarDate) throws -> [UnitCode] {
        try String.fetchAll(db, sql: """
            SELECT DISTINCT unit_code FROM coverage WHERE start_date <= ? AND (end_date IS NULL OR end_date > ?) ORDER BY unit_code
            """, arguments: [day.iso, day.iso]).map { try StoreCodec.parse($0, UnitCode.init(parsing:)) }
    }

    func insert(_ b: PremiumBill) throws -> Int64 {
        try db.execute(sql: "INSERT INTO bill (payer_key, month, category, amount, due_date, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [b.payerKey, b.month.compact, b.category.rawValue, b.amount.amount, b.dueDate.iso, b.issuedAt.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    func insert(_ p: PremiumPayment) throws -> Int64 {
        try db.execute(sql: "INSERT INTO payment (bill_id, amount, paid_on, channel) VALUES (?, ?, ?, ?)",
                       arguments: [p.billID, p.amount.amount, p.paidOn.iso, p.channel])
        return db.lastInsertedRowID
    }

    func recordSlipDownload(bill: Int64, on day: CalendarDate) throws {
        try db.execute(sql: """
            INSERT INTO slip_download (bill_id, day, count) VALUES (?, ?, 1)
            ON CONFLICT(bill_id, day) DO UPDATE SET count = count + 1
            """, arguments: [bill, day.iso])
    }

    func billLines(bill: Int64) throws -> [BillLine] {
        try Row.fetchAll(db, sql: "SELECT * FROM bill_line WHERE bill_id = ? ORDER BY id", arguments: [bill]).map(StoreRows.billLine)
    }

    func billed(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> Money? {
        try Int64.fetchOne(db, sql: """
            SELECT SUM(l.amount) FROM bill_line l JOIN bill b ON b.id = l.bill_id
            WHERE b.payer_key = ? AND b.category = ? AND l.month = ? AND l.kind IN ('premium', 'adjustment')
            """, arguments: [payerKey, category.rawValue, month.compact]).map { Money($0) }
    }

    func billingBaseline(unit: UnitCode) throws -> ROCMonth? {
        try String.fetchOne(db, sql: "SELECT month FROM billing_baseline WHERE unit_code = ?", arguments: [unit.rawValue])
            .map { try StoreCodec.parse($0, ROCMonth.init(parsing:)) }
    }

    func insert(_ line: BillLine) throws {
        try db.execute(sql: "INSERT INTO bill_line (bill_id, month, kind, amount) VALUES (?, ?, ?, ?)",
                       arguments: [line.billID, line.month.compact, line.kind.rawValue, line.amount.amount])
        try db.execute(sql: "UPDATE bill SET amount = amount + ? WHERE id = ?", arguments: [line.amount.amount, line.billID])
    }

    func setBillingBaseline(unit: UnitCode, month: ROCMonth) throws {
        try db.execute(sql: """
            INSERT INTO billing_baseline (unit_code, month) VALUES (?, ?)
            ON CONFLICT(unit_code) DO UPDATE SET month = MAX(month, excluded.month)
            """, arguments: [unit.rawValue, month.compact])
    }
}

import Foundation
import NHICore
@_spi(StoreImplementation) import NHIService
import NHIFormats
import PostgresNIO

extension PostgresSession {
    // MARK: Filings

    func filing(id: Int64) throws -> Filing? {
        try rows("SELECT \(unescaped: StoreRows.filingColumns) FROM filing WHERE id = \(id)").first.map(StoreRows.filing)
    }

    func filings(person: PersonalID, unit: UnitCode) throws -> [Filing] {
        try rows("""
            SELECT \(unescaped: StoreRows.filingColumns) FROM filing WHERE person_id = \(person.rawValue) AND unit_code = \(unit.rawValue)
            ORDER BY id
            """).map(StoreRows.filing)
    }

    func filings(unit: UnitCode, filedFrom: CalendarDate, through: CalendarDate, staffID: Int64?) throws -> [Filing] {
        let base: PostgresQuery = """
            SELECT \(unescaped: StoreRows.filingColumns) FROM filing
            WHERE unit_code = \(unit.rawValue) AND filed_on >= \(filedFrom.iso) AND filed_on <= \(through.iso)
              AND (\(staffID)::bigint IS NULL OR staff_id = \(staffID)) ORDER BY id
            """
        return try rows(base).map(StoreRows.filing)
    }

    func filings(status: FilingStatus, filedBefore: Date) throws -> [Filing] {
        // `distantFuture` and other instants beyond a double's exact range compare as in SQLite.
        try rows("""
            SELECT \(unescaped: StoreRows.filingColumns) FROM filing
            WHERE status = \(status.rawValue) AND filed_at < \(filedBefore.timeIntervalSince1970) ORDER BY filed_at, id
            """).map(StoreRows.filing)
    }

    func filingBatch(fileSHA256: String) throws -> FilingBatch? {
        try rows("SELECT * FROM filing_batch WHERE file_sha256 = \(fileSHA256)").first.map(StoreRows.filingBatch)
    }

    /// Rows per multi-row INSERT of the bulk paths (25 columns: well under 65,535 parameters).
    static let bulkRows = 1_000

    func insert(_ filings: [Filing], batch: Int64?) throws -> [Int64] {
        guard !filings.isEmpty else { return [] }
        // One filing (a counter's): its ID from RETURNING, one round trip.
        if filings.count == 1 { return [try insertedID(Self.filingInsert(filings, from: 0, to: 1, ids: nil, batch: batch))] }
        // The IDs first, in order, so each filing's ID is known without relying on RETURNING's order.
        let ids = try reserveIDs("filing", count: filings.count)
        // Many rows: COPY, one stream (a third of the INSERTs' time for 100,000 filings).
        if filings.count >= Self.copyThreshold {
            try copy(into: "filing", columns: Self.filingColumns, rowCount: filings.count) { index in
                let f = filings[index]
                return Self.copyLine([
                    "\(ids[index])", f.unitCode.rawValue, f.family.rawValue, f.kind.rawValue, f.personID.rawValue, f.principalID?.rawValue,
                    f.relation?.rawValue, f.name, f.birthDate?.iso, f.category.rawValue, f.reason, f.insuredAmount.map { "\($0.amount)" },
                    f.adjustedAmount.map { "\($0.amount)" }, f.effectiveDate.iso, f.filedOn.iso, "\(f.filedAt.timeIntervalSince1970)",
                    f.filedBy, f.staffID.map { "\($0)" }, f.status.rawValue, f.checkCode, f.checkMessage,
                    f.convertedAt.map { "\($0.timeIntervalSince1970)" }, (batch ?? f.batchID).map { "\($0)" },
                    try f.labour.map { try StoreCodec.encode($0) }, f.foreignNational ? "t" : "f", f.issueCardTo,
                ])
            }
            return ids
        }
        var start = 0
        while start < filings.count {
            let end = min(start + Self.bulkRows, filings.count)
            try execute(Self.filingInsert(filings, from: start, to: end, ids: ids, batch: batch))
            start = end
        }
        return ids
    }

    /// From how many rows the bulk paths COPY instead of INSERT.
    static let copyThreshold = 2_000

    static let filingColumns = ["id", "unit_code", "family", "kind", "person_id", "principal_id", "relation", "name", "birth_date",
                                "category", "reason", "insured_amount", "adjusted_amount", "effective_date", "filed_on", "filed_at",
                                "filed_by", "staff_id", "status", "check_code", "check_message", "converted_at", "batch_id", "labour",
                                "foreign_national", "issue_card_to"]

    /// `INSERT INTO filing` of `filings[from..<to]`, with the given IDs (or the sequence's
    /// next one, `RETURNING id`, when `ids` is nil).
    static func filingInsert(_ filings: [Filing], from start: Int, to end: Int, ids: [Int64]?, batch: Int64?) throws -> PostgresQuery {
        // Without IDs, the id column takes the sequence's next value and is not a parameter.
        let columns = ids == nil ? 25 : 26
        var binds = PostgresBindings(capacity: (end - start) * columns)
        var values: [String] = []
        values.reserveCapacity(end - start)
        for index in start..<end {
            let f = filings[index]
            let base = (index - start) * columns
            let parameters = (1...columns).map { "$\(base + $0)" }.joined(separator: ",")
            values.append(ids == nil ? "(nextval(pg_get_serial_sequence('filing', 'id')),\(parameters))" : "(\(parameters))")
            if let ids { binds.append(ids[index]) }
            binds.append(f.unitCode.rawValue)
            binds.append(f.family.rawValue)
            binds.append(f.kind.rawValue)
            binds.append(f.personID.rawValue)
            binds.append(f.principalID?.rawValue)
            binds.append(f.relation?.rawValue)
            binds.append(f.name)
            binds.append(f.birthDate?.iso)
            binds.append(f.category.rawValue)
            binds.append(f.reason)
            binds.append(f.insuredAmount?.amount)
            binds.append(f.adjustedAmount?.amount)
            binds.append(f.effectiveDate.iso)
            binds.append(f.filedOn.iso)
            binds.append(f.filedAt.timeIntervalSince1970)
            binds.append(f.filedBy)
            binds.append(f.staffID)
            binds.append(f.status.rawValue)
            binds.append(f.checkCode)
            binds.append(f.checkMessage)
            binds.append(f.convertedAt?.timeIntervalSince1970)
            binds.append(batch ?? f.batchID)
            binds.append(try f.labour.map { try StoreCodec.encode($0) })
            binds.append(f.foreignNational)
            binds.append(f.issueCardTo)
        }
        return PostgresQuery(unsafeSQL: """
            INSERT INTO filing (\(filingColumns.joined(separator: ", ")))
            VALUES \(values.joined(separator: ","))\(ids == nil ? " RETURNING id" : "")
            """, binds: binds)
    }

    func update(_ f: Filing) throws {
        try execute("""
            UPDATE filing SET status = \(f.status.rawValue), check_code = \(f.checkCode), check_message = \(f.checkMessage),
                converted_at = \(f.convertedAt?.timeIntervalSince1970) WHERE id = \(f.id)
            """)
    }

    func insert(_ b: FilingBatch) throws -> Int64 {
        try insertedID("""
            INSERT INTO filing_batch (unit_code, kind, file_name, file_sha256, count, created_at, created_by)
            VALUES (\(b.unitCode.rawValue), \(b.kind), \(b.fileName), \(b.fileSHA256), \(Int64(b.count)), \(b.createdAt.timeIntervalSince1970),
                    \(b.createdBy)) RETURNING id
            """)
    }

    func labourOutbox(dueBy: Date) throws -> [LabourOutboxEntry] {
        try rows("SELECT * FROM labour_outbox WHERE forwarded_at IS NULL AND due_at <= \(dueBy.timeIntervalSince1970) ORDER BY id")
            .map(StoreRows.outboxEntry)
    }

    func labourOutbox(filing: Int64) throws -> [LabourOutboxEntry] {
        try rows("SELECT * FROM labour_outbox WHERE filing_id = \(filing) ORDER BY id").map(StoreRows.outboxEntry)
    }

    func insert(_ e: LabourOutboxEntry) throws -> Int64 {
        try insertedID("""
            INSERT INTO labour_outbox (filing_id, unit_code, action, due_at, forwarded_at)
            VALUES (\(e.filingID), \(e.unitCode.rawValue), \(e.action), \(e.dueAt.timeIntervalSince1970), \(e.forwardedAt?.timeIntervalSince1970))
            RETURNING id
            """)
    }

    func update(_ e: LabourOutboxEntry) throws {
        try execute("UPDATE labour_outbox SET action = \(e.action), forwarded_at = \(e.forwardedAt?.timeIntervalSince1970) WHERE id = \(e.id)")
    }

    // MARK: Bills and payments

    /// Bills with what has been paid on them (SUM is numeric in PostgreSQL: cast back).
    static let billSelect = """
        SELECT b.*, COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.bill_id = b.id), 0)::bigint AS paid FROM bill b
        """

    func bill(id: Int64) throws -> PremiumBill? {
        try rows("\(unescaped: Self.billSelect) WHERE b.id = \(id)").first.map(StoreRows.bill)
    }

    func bill(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> PremiumBill? {
        try rows("""
            \(unescaped: Self.billSelect) WHERE b.payer_key = \(payerKey) AND b.month = \(month.compact) AND b.category = \(category.rawValue)
            """).first.map(StoreRows.bill)
    }

    func bills(payerKey: String) throws -> [PremiumBill] {
        try rows("\(unescaped: Self.billSelect) WHERE b.payer_key = \(payerKey) ORDER BY b.month, b.category").map(StoreRows.bill)
    }

    func payments(bill: Int64) throws -> [PremiumPayment] {
        try rows("SELECT * FROM payment WHERE bill_id = \(bill) ORDER BY id").map(StoreRows.payment)
    }

    func billLines(bill: Int64) throws -> [BillLine] {
        try rows("SELECT * FROM bill_line WHERE bill_id = \(bill) ORDER BY id").map(StoreRows.billLine)
    }

    func billed(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> Money? {
        try rows("""
            SELECT SUM(l.amount)::bigint AS total FROM bill_line l JOIN bill b ON b.id = l.bill_id
            WHERE b.payer_key = \(payerKey) AND b.category = \(category.rawValue) AND l.month = \(month.compact)
              AND l.kind IN ('premium', 'adjustment')
            """).first?.int64("total").map { Money($0) }
    }

    func billingBaseline(unit: UnitCode) throws -> ROCMonth? {
        try rows("SELECT month FROM billing_baseline WHERE unit_code = \(unit.rawValue)").first?.optional("month", ROCMonth.init(parsing:))
    }

    func slipDownloads(bill: Int64, on day: CalendarDate) throws -> Int {
        Int(try rows("SELECT count FROM slip_download WHERE bill_id = \(bill) AND day = \(day.iso)").first?.int64("count") ?? 0)
    }

    func unitsWithCoverage(on day: CalendarDate) throws -> [UnitCode] {
        try rows("""
            SELECT DISTINCT unit_code FROM coverage WHERE start_date <= \(day.iso) AND (end_date IS NULL OR end_date > \(day.iso))
            ORDER BY unit_code
            """).map { try $0.required("unit_code", UnitCode.init(parsing:)) }
    }

    func insert(_ b: PremiumBill) throws -> Int64 {
        try insertedID("""
            INSERT INTO bill (payer_key, month, category, amount, due_date, issued_at)
            VALUES (\(b.payerKey), \(b.month.compact), \(b.category.rawValue), \(b.amount.amount), \(b.dueDate.iso),
                    \(b.issuedAt.timeIntervalSince1970)) RETURNING id
            """)
    }

    func insert(_ p: PremiumPayment) throws -> Int64 {
        try insertedID("""
            INSERT INTO payment (bill_id, amount, paid_on, channel) VALUES (\(p.billID), \(p.amount.amount), \(p.paidOn.iso), \(p.channel))
            RETURNING id
            """)
    }

    func insert(_ line: BillLine) throws {
        try execute("""
            INSERT INTO bill_line (bill_id, month, kind, amount)
            VALUES (\(line.billID), \(line.month.compact), \(line.kind.rawValue), \(line.amount.amount))
            """)
        try execute("UPDATE bill SET amount = amount + \(line.amount.amount) WHERE id = \(line.billID)")
    }

    func setBillingBaseline(unit: UnitCode, month: ROCMonth) throws {
        try execute("""
            INSERT INTO billing_baseline (unit_code, month) VALUES (\(unit.rawValue), \(month.compact))
            ON CONFLICT (unit_code) DO UPDATE SET month = GREATEST(billing_baseline.month, excluded.month)
            """)
    }

    func recordSlipDownload(bill: Int64, on day: CalendarDate) throws {
        try execute("""
            INSERT INTO slip_download (bill_id, day, count) VALUES (\(bill), \(day.iso), 1)
            ON CONFLICT (bill_id, day) DO UPDATE SET count = slip_download.count + 1
            """)
    }

    // MARK: Supplementary premiums (DPR)

    func dprImport(fileSHA256: String) throws -> DPRImportRecord? {
        try decoded(DPRImportRecord.self, "SELECT data FROM dpr_import WHERE file_sha256 = \(fileSHA256) ORDER BY id LIMIT 1").first
    }

    func dprDetails(ubn: UBN) throws -> [StoredDPRDetail] {
        try rows("""
            SELECT content_hash, import_id, income_code, data FROM dpr_detail WHERE ubn = \(ubn.rawValue)
            ORDER BY import_id, payment_date, person_id
            """).map { try StoreRows.dprDetail($0, ubn: ubn) }
    }

    func dprPremiumsByMonth(importID: Int64) throws -> [ROCMonth: Money] {
        var result: [ROCMonth: Money] = [:]
        for row in try rows("""
            SELECT substr(payment_date, 1, 7) AS month, SUM(premium)::bigint AS premium FROM dpr_detail WHERE import_id = \(importID) GROUP BY 1
            """) {
            let month = try StoreCodec.parse(try row.requiredText("month") + "-01", CalendarDate.init(iso:))
            result[try ROCMonth(month)] = Money(try row.requiredInt64("premium"))
        }
        return result
    }

    func insert(_ record: DPRImportRecord) throws -> Int64 {
        try insertedID("""
            INSERT INTO dpr_import (file_sha256, ubn, data) VALUES (\(record.fileSHA256), \(record.ubn.rawValue), '{}') RETURNING id
            """)
    }

    func update(_ record: DPRImportRecord) throws {
        try execute("UPDATE dpr_import SET data = \(try StoreCodec.encode(record)) WHERE id = \(record.id)")
    }

    func insertDPRDetails(_ details: [StoredDPRDetail]) throws -> Int {
        var inserted = 0
        var start = 0
        while start < details.count {
            let end = min(start + Self.bulkRows, details.count)
            var binds = PostgresBindings(capacity: (end - start) * 9)
            var values: [String] = []
            for index in start..<end {
                let d = details[index]
                let base = (index - start) * 9
                values.append("(" + (1...9).map { "$\(base + $0)" }.joined(separator: ",") + ")")
                binds.append(d.contentHash)
                binds.append(d.importID)
                binds.append(d.ubn.rawValue)
                binds.append(d.incomeCode.rawValue)
                binds.append(d.detail.paymentDate.gregorian.iso)
                binds.append(d.detail.id.rawValue)
                binds.append(d.detail.amount.amount)
                binds.append(d.detail.premium.amount)
                binds.append(try StoreCodec.encode(d.detail))
            }
            inserted += try changes(PostgresQuery(unsafeSQL: """
                INSERT INTO dpr_detail (content_hash, import_id, ubn, income_code, payment_date, person_id, amount, premium, data)
                VALUES \(values.joined(separator: ",")) ON CONFLICT (content_hash) DO NOTHING
                """, binds: binds))
            start = end
        }
        return inserted
    }

    // MARK: Statements

    func statementRequest(id: Int64) throws -> StatementRequest? {
        try decoded(StatementRequest.self, "SELECT data FROM statement_request WHERE id = \(id)").first
    }

    func statementRequests(unit: UnitCode) throws -> [StatementRequest] {
        try decoded(StatementRequest.self, "SELECT data FROM statement_request WHERE unit_code = \(unit.rawValue) ORDER BY id DESC")
    }

    func statementRequests(status: StatementStatus) throws -> [StatementRequest] {
        try decoded(StatementRequest.self, "SELECT data FROM statement_request WHERE status = \(status.rawValue) ORDER BY id")
    }

    func statementContent(id: Int64) throws -> StatementTable? {
        try rows("SELECT content FROM statement_request WHERE id = \(id) AND content IS NOT NULL").first
            .map { try StoreCodec.decode(StatementTable.self, try $0.requiredText("content")) }
    }

    func insert(_ request: StatementRequest) throws -> Int64 {
        let id = try insertedID("""
            INSERT INTO statement_request (unit_code, status, data) VALUES (\(request.unitCode.rawValue), \(request.status.rawValue), '{}')
            RETURNING id
            """)
        let stored = StatementRequest(id: id, unitCode: request.unitCode, kind: request.kind, month: request.month, through: request.through,
                                      requestedAt: request.requestedAt, requestedBy: request.requestedBy, status: request.status,
                                      generatedAt: request.generatedAt)
        try execute("UPDATE statement_request SET data = \(try StoreCodec.encode(stored)) WHERE id = \(id)")
        return id
    }

    func update(_ request: StatementRequest, content: StatementTable?) throws {
        try execute("""
            UPDATE statement_request SET status = \(request.status.rawValue), data = \(try StoreCodec.encode(request)),
                content = \(try content.map { try StoreCodec.encode($0) }) WHERE id = \(request.id)
            """)
    }

    // MARK: Batch registration jobs

    func batchJob(id: Int64) throws -> BatchRegistrationJob? {
        try decoded(BatchRegistrationJob.self, "SELECT data FROM batch_job WHERE id = \(id)").first
    }

    func batchJobFile(id: Int64) throws -> [UInt8]? {
        try rows("SELECT file FROM batch_job WHERE id = \(id)").first.flatMap { $0.bytes("file") }.map { Array($0) }
    }

    func batchJobs(unit: UnitCode, uploadedFrom from: Date, before: Date) throws -> [BatchRegistrationJob] {
        try decoded(BatchRegistrationJob.self, """
            SELECT data FROM batch_job WHERE unit_code = \(unit.rawValue) AND uploaded_at >= \(from.timeIntervalSince1970)
              AND uploaded_at < \(before.timeIntervalSince1970) ORDER BY uploaded_at DESC, id DESC
            """)
    }

    func batchJobs(status: BatchRegistrationJobStatus) throws -> [BatchRegistrationJob] {
        try decoded(BatchRegistrationJob.self, "SELECT data FROM batch_job WHERE status = \(status.rawValue) ORDER BY id")
    }

    func insert(_ job: BatchRegistrationJob, file: [UInt8]) throws -> Int64 {
        let id = try insertedID(try """
            INSERT INTO batch_job (unit_code, uploader_id, uploaded_at, status, data, file)
            VALUES (\(job.unitCode.rawValue), \(job.uploaderID?.rawValue), \(job.uploadedAt.timeIntervalSince1970), \(job.status.rawValue),
                    '{}', \(Data(file))) RETURNING id
            """)
        try update(BatchRegistrationJob(id: id, unitCode: job.unitCode, fileName: job.fileName, fileSHA256: job.fileSHA256,
                                        contactName: job.contactName, contactEmail: job.contactEmail, uploadedAt: job.uploadedAt,
                                        uploaderID: job.uploaderID, uploadedBy: job.uploadedBy, status: job.status, total: job.total,
                                        succeeded: job.succeeded, failed: job.failed, processedAt: job.processedAt,
                                        logFileName: job.logFileName, logText: job.logText))
        return id
    }

    func update(_ job: BatchRegistrationJob) throws {
        try execute("UPDATE batch_job SET status = \(job.status.rawValue), data = \(try StoreCodec.encode(job)) WHERE id = \(job.id)")
    }

    func deleteBatchJobs(uploadedBefore date: Date) throws {
        try execute("DELETE FROM batch_job WHERE uploaded_at < \(date.timeIntervalSince1970)")
    }
}

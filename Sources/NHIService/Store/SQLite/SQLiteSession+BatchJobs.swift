import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func batchJob(id: Int64) throws -> BatchRegistrationJob? {
        try String.fetchOne(db, sql: "SELECT data FROM batch_job WHERE id = ?", arguments: [id])
            .map { try StoreCodec.decode(BatchRegistrationJob.self, $0) }
    }

    func batchJobFile(id: Int64) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT file FROM batch_job WHERE id = ?", arguments: [id]).map { Array($0) }
    }

    func batchJobs(unit: UnitCode, uploadedFrom from: Date, before: Date) throws -> [BatchRegistrationJob] {
        try String.fetchAll(db, sql: """
            SELECT data FROM batch_job WHERE unit_code = ? AND uploaded_at >= ? AND uploaded_at < ? ORDER BY uploaded_at DESC, id DESC
            """, arguments: [unit.rawValue, from.timeIntervalSince1970, before.timeIntervalSince1970])
            .map { try StoreCodec.decode(BatchRegistrationJob.self, $0) }
    }

    func batchJobs(status: BatchRegistrationJobStatus) throws -> [BatchRegistrationJob] {
        try String.fetchAll(db, sql: "SELECT data FROM batch_job WHERE status = ? ORDER BY id", arguments: [status.rawValue])
            .map { try StoreCodec.decode(BatchRegistrationJob.self, $0) }
    }

    func insert(_ job: BatchRegistrationJob, file: [UInt8]) throws -> Int64 {
        try db.execute(sql: "INSERT INTO batch_job (unit_code, uploader_id, uploaded_at, status, data, file) VALUES (?, ?, ?, ?, '{}', ?)",
                       arguments: [job.unitCode.rawValue, job.uploaderID?.rawValue, job.uploadedAt.timeIntervalSince1970,
                                   job.status.rawValue, Data(file)])
        let id = db.lastInsertedRowID
        try update(BatchRegistrationJob(id: id, unitCode: job.unitCode, fileName: job.fileName, fileSHA256: job.fileSHA256,
                                        contactName: job.contactName, contactEmail: job.contactEmail, uploadedAt: job.uploadedAt,
                                        uploaderID: job.uploaderID, uploadedBy: job.uploadedBy, status: job.status, total: job.total,
                                        succeeded: job.succeeded, failed: job.failed, processedAt: job.processedAt,
                                        logFileName: job.logFileName, logText: job.logText))
        return id
    }

    func update(_ job: BatchRegistrationJob) throws {
        try db.execute(sql: "UPDATE batch_job SET status = ?, data = ? WHERE id = ?",
                       arguments: [job.status.rawValue, try StoreCodec.encode(job), job.id])
    }

    func deleteBatchJobs(uploadedBefore date: Date) throws {
        try db.execute(sql: "DELETE FROM batch_job WHERE uploaded_at < ?", arguments: [date.timeIntervalSince1970])
    }
}

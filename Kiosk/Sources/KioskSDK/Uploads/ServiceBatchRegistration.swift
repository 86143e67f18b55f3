import Foundation
import KioskModel
import NHICore
import NHIFormats
import NHIService

/// Batch NHI-card registration for the kiosk: NHIFormats' `BatchRegistrationChecker`
/// reads and checks the file (encoding, layout, file name against the unit, every row, and
/// IDs against the unit's in-force roster from the service), and its findings become the
/// check report with row errors and suggested fixes.
///
/// Submission and the upload records are the service's batch-registration jobs
/// (`NHIService.batchRegistrations`): an upload is stored as 已上傳,等待入檔 and processed by
/// the service's job run (入檔), which writes the result log; the records follow the
/// service's visibility rule (operators see their own uploads).
///
/// On a counter PC the local service is the only thing that would run that job, so by
/// default the kiosk runs it right after the upload (``processesOnUpload``) and the result
/// log is there at once; a deployment with its own scheduled job run
/// (`nhi service batch-register process`) turns it off and sees 等待入檔 until then.
public struct ServiceBatchRegistration: BatchRegistrationBackend {
    public let service: KioskService
    /// Whether an upload is processed (入檔) as soon as it is stored.
    public let processesOnUpload: Bool

    public init(service: KioskService, processesOnUpload: Bool = true) {
        self.service = service
        self.processesOnUpload = processesOnUpload
    }

    public func check(fileAt path: String, unit: UnitCode, by caller: Caller) async throws -> BatchCheckReport {
        let name = URL(fileURLWithPath: path).lastPathComponent
        // The service's own check (the unit's in-force roster, today): it stores nothing. The
        // file is read as an upload is (no link followed, at most 10 MB).
        return Self.report(try await service.run { service in
            let bytes = try NHIService.BatchRegistrations.readFile(atPath: path)
            return try service.batchRegistrations.checkedForDisplay(.bytes(bytes, name: name), fileName: name, unit: unit, by: caller)
        })
    }

    public func submit(fileAt path: String, by caller: Caller) async throws -> BatchUploadRecord {
        guard let unit = caller.unitCode else { throw KioskError(.sessionMissing) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let processes = processesOnUpload
        let job = try await service.run { service in
            let bytes = try NHIService.BatchRegistrations.readFile(atPath: path)
            let uploaded = try service.batchRegistrations.upload(bytes, fileName: name, unit: unit, by: caller)
            return processes ? try service.batchRegistrations.process(uploaded.id, by: .system) : uploaded
        }
        return Self.record(job)
    }

    public func uploads(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) async throws -> [BatchUploadRecord] {
        try await service.run { service in
            try service.batchRegistrations.records(unit: unit, from: from, through: through, by: caller).map(Self.record)
        }
    }

    /// A job as the upload records list it; IDs in the log are masked.
    static func record(_ job: BatchRegistrationJob) -> BatchUploadRecord {
        BatchUploadRecord(id: job.id, fileName: job.fileName, uploadedAt: job.uploadedAt, uploaded: job.total,
                          succeeded: job.succeeded, failed: job.failed, status: job.status == .processed ? .done : .waiting,
                          uploader: job.contactName, logFileName: job.logFileName,
                          logLines: (job.logText ?? "").split(whereSeparator: \.isNewline).map { maskingIDs(String($0)) })
    }

    /// `A123456789` → `A12345****` wherever an ID-shaped token appears.
    static func maskingIDs(_ line: String) -> String {
        line.replacing(/[A-Z][A-Z0-9][0-9]{8}/) { Masking.id(String($0.output)) }
    }

    /// The check as the screen lists it: file-level problems first, then every record's
    /// findings in record order (errors reject the record; warnings are repairs). The same
    /// for a check made here and one that came from `nhi-server`.
    static func report(_ check: BatchRegistrationCheck) -> BatchCheckReport {
        let fileLevel = check.errors.first { ($0.row ?? 0) == 0 }
        let issues = (check.errors.map { ($0, false) } + check.warnings.map { ($0, true) })
            .filter { ($0.0.row ?? 0) > 0 }
            .sorted { ($0.0.row ?? 0, $0.0.column ?? 0) < ($1.0.row ?? 0, $1.0.column ?? 0) }
            .map { issue, isWarning in
                BatchRowIssue(row: issue.row ?? 0, field: issue.fieldLabel, maskedID: issue.maskedID ?? "",
                              error: PresentableError(code: issue.code, message: issue.message, messageEn: issue.messageEn),
                              suggestion: issue.suggestion, isWarning: isWarning)
            }
        return BatchCheckReport(fileName: check.file,
                                fileNameProblem: fileLevel.map { PresentableError(code: $0.code, message: $0.message, messageEn: $0.messageEn) },
                                encoding: check.encoding, rows: check.rows, validRows: fileLevel == nil ? check.valid : 0, issues: issues)
    }
}

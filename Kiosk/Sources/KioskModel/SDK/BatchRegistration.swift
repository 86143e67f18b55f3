import Foundation
import NHICore
import NHIService

/// One finding in a row of a batch-registration file, with the fix the checker suggests.
public struct BatchRowIssue: Sendable, Hashable {
    /// The data row (1-based, the header not counted).
    public let row: Int
    /// The field the finding is about (`電子郵件`), when it is about one.
    public let field: String?
    /// The row's ID, masked (`A12345****`).
    public let maskedID: String
    /// What is wrong (code and bilingual message).
    public let error: PresentableError
    /// The value the checker would put instead (`0912345678` for Excel's `912345678`), if
    /// it can tell.
    public let suggestion: String?
    /// A warning (the row was repaired and will be submitted) rather than a rejection.
    public let isWarning: Bool

    public init(row: Int, field: String?, maskedID: String, error: PresentableError, suggestion: String?, isWarning: Bool) {
        self.row = row
        self.field = field
        self.maskedID = maskedID
        self.error = error
        self.suggestion = suggestion
        self.isWarning = isWarning
    }
}

/// The check report of a batch-registration file (before anything is submitted).
public struct BatchCheckReport: Sendable, Hashable {
    /// The file's name as chosen.
    public let fileName: String
    /// A problem with the file's name (unit code + date), if any.
    public let fileNameProblem: PresentableError?
    /// The encoding found (`Big5 (CP950)`, `UTF-8`).
    public let encoding: String
    /// Data rows read.
    public let rows: Int
    /// Rows that will be submitted.
    public let validRows: Int
    /// Every finding, in row order.
    public let issues: [BatchRowIssue]

    public init(fileName: String, fileNameProblem: PresentableError?, encoding: String, rows: Int, validRows: Int,
                issues: [BatchRowIssue]) {
        self.fileName = fileName
        self.fileNameProblem = fileNameProblem
        self.encoding = encoding
        self.rows = rows
        self.validRows = validRows
        self.issues = issues
    }

    /// Rows that will be rejected.
    public var rejectedRows: Int { rows - validRows }
}

/// Where an upload stands (上傳紀錄的處理狀態).
public enum BatchUploadStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已上傳,等待入檔.
    case waiting
    /// 入檔完畢.
    case done
}

/// One upload as the upload records list it (健保卡註冊申請上傳紀錄查詢).
public struct BatchUploadRecord: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let fileName: String
    public let uploadedAt: Date
    public let uploaded: Int
    public let succeeded: Int
    public let failed: Int
    public let status: BatchUploadStatus
    /// Who uploaded it (name, or masked ID).
    public let uploader: String
    /// The result log's name and lines (IDs masked), once processed.
    public let logFileName: String?
    public let logLines: [String]

    public init(id: Int64, fileName: String, uploadedAt: Date, uploaded: Int, succeeded: Int, failed: Int,
                status: BatchUploadStatus, uploader: String, logFileName: String?, logLines: [String]) {
        self.id = id
        self.fileName = fileName
        self.uploadedAt = uploadedAt
        self.uploaded = uploaded
        self.succeeded = succeeded
        self.failed = failed
        self.status = status
        self.uploader = uploader
        self.logFileName = logFileName
        self.logLines = logLines
    }
}

/// **SDK contract (NHIFormats + NHIService batch jobs):** checks a batch NHI-card
/// registration file, submits it as a job of the unit, and lists the unit's uploads.
///
/// Errors thrown should be `CodedError`s (`FormatError`, `ServiceError`).
public protocol BatchRegistrationBackend: Sendable {
    /// Reads and checks the file at `path` for `unit` without storing anything.
    func check(fileAt path: String, unit: UnitCode, by caller: Caller) async throws -> BatchCheckReport
    /// Submits the file as one job; returns the upload with its result log.
    func submit(fileAt path: String, by caller: Caller) async throws -> BatchUploadRecord
    /// Uploads of `unit` in a date range, as `caller` may see them (operators: their own;
    /// administrators: the whole unit).
    func uploads(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) async throws -> [BatchUploadRecord]
}

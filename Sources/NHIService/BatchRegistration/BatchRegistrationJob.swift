import Foundation
import NHICore

/// Where an upload stands (處理狀態).
public enum BatchRegistrationJobStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已上傳,等待入檔: stored, not processed yet.
    case waiting
    /// 入檔完畢: processed; the log is ready.
    case processed

    /// The seed's label.
    public var label: String {
        switch self {
        case .waiting: "已上傳,等待入檔"
        case .processed: "入檔完畢"
        }
    }
}

/// One batch NHI-card registration upload (健保卡註冊申請整批資料上傳) and its result: the row
/// of the upload-record query (健保卡註冊申請上傳紀錄查詢) and its log.
public struct BatchRegistrationJob: Sendable, Hashable, Codable, Identifiable {
    /// The job's number.
    public let id: Int64
    /// The unit the file was uploaded for.
    public let unitCode: UnitCode
    /// 上傳檔名 (as uploaded).
    public let fileName: String
    /// SHA-256 (hex) of the uploaded bytes.
    public let fileSHA256: String
    /// 聯絡人 from the upload form.
    public let contactName: String
    /// 聯絡人E-Mail from the upload form: the result mail goes there.
    public let contactEmail: EmailAddress
    /// 上傳時間.
    public let uploadedAt: Date
    /// Who uploaded it (the person; operators see only their own uploads).
    public let uploaderID: PersonalID?
    /// 上傳人員, masked, with the role (`承辦人 C10000**** @110001000`).
    public let uploadedBy: String
    /// 處理狀態.
    public var status: BatchRegistrationJobStatus
    /// 上傳筆數 (0 until processed).
    public var total: Int
    /// 成功筆數.
    public var succeeded: Int
    /// 失敗筆數.
    public var failed: Int
    /// When it was processed.
    public var processedAt: Date?
    /// The log file's name (`<upload stem>.<ROC yyyMMddHHmmss>.log`), once processed.
    public var logFileName: String?
    /// The log's text (CRLF line ends), once processed.
    public var logText: String?

    /// Creates a job record.
    public init(id: Int64, unitCode: UnitCode, fileName: String, fileSHA256: String, contactName: String, contactEmail: EmailAddress,
                uploadedAt: Date, uploaderID: PersonalID?, uploadedBy: String, status: BatchRegistrationJobStatus = .waiting,
                total: Int = 0, succeeded: Int = 0, failed: Int = 0, processedAt: Date? = nil, logFileName: String? = nil,
                logText: String? = nil) {
        self.id = id
        self.unitCode = unitCode
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.uploadedAt = uploadedAt
        self.uploaderID = uploaderID
        self.uploadedBy = uploadedBy
        self.status = status
        self.total = total
        self.succeeded = succeeded
        self.failed = failed
        self.processedAt = processedAt
        self.logFileName = logFileName
        self.logText = logText
    }
}

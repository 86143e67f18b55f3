import Foundation
import NHICore

/// A group of filings made together: a bulk salary adjustment or an imported file.
public struct FilingBatch: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let unitCode: UnitCode
    /// `bulkSalaryAdjustment` or `import`.
    public let kind: String
    public let fileName: String?
    /// SHA-256 of an imported file: the same file is never imported twice.
    public let fileSHA256: String?
    public let count: Int
    public let createdAt: Date
    public let createdBy: String

    public init(id: Int64, unitCode: UnitCode, kind: String, fileName: String?, fileSHA256: String?, count: Int, createdAt: Date, createdBy: String) {
        self.id = id
        self.unitCode = unitCode
        self.kind = kind
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.count = count
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// The labour-insurance side of a three-in-one filing, waiting to be forwarded to the
/// Bureau of Labor Insurance at 18:00 on the filing day.
public struct LabourOutboxEntry: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let filingID: Int64
    public let unitCode: UnitCode
    /// `file`, `cancel` (a filing deleted after it was forwarded) or `void` (deleted before).
    public var action: String
    public let dueAt: Date
    public var forwardedAt: Date?

    public init(id: Int64, filingID: Int64, unitCode: UnitCode, action: String, dueAt: Date, forwardedAt: Date?) {
        self.id = id
        self.filingID = filingID
        self.unitCode = unitCode
        self.action = action
        self.dueAt = dueAt
        self.forwardedAt = forwardedAt
    }
}

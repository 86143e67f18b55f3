import Foundation
import NHICore

/// A group of filings made together: a bulk salary adjustment or an imported file.
public struct FilingBatch: Sendable, Hashable, Codable, Identifiable {
    /// The batch's number in the store, carried by each of its filings as ``Filing/batchID``.
    public let id: Int64
    /// The insured unit (投保單位代號) that filed the batch.
    public let unitCode: UnitCode
    /// `bulkSalaryAdjustment` or `import`.
    public let kind: String
    /// The imported file's name; `nil` for a bulk salary adjustment.
    public let fileName: String?
    /// SHA-256 of an imported file: the same file is never imported twice.
    public let fileSHA256: String?
    /// How many filings the batch made.
    public let count: Int
    /// When the batch was filed.
    public let createdAt: Date
    /// Who filed it: the caller's description, as the audit log records it.
    public let createdBy: String

    /// Creates a batch record from its parts, as the store keeps it.
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
    /// The entry's number in the store.
    public let id: Int64
    /// The ``Filing/id`` of the three-in-one filing whose labour side this is.
    public let filingID: Int64
    /// The insured unit (投保單位代號) that filed.
    public let unitCode: UnitCode
    /// `file`, `cancel` (a filing deleted after it was forwarded) or `void` (deleted before).
    public var action: String
    /// When the entry is to be forwarded: 18:00 on the filing day, or at once for a cancellation.
    public let dueAt: Date
    /// When the entry was forwarded; `nil` while it waits.
    public var forwardedAt: Date?

    /// Creates an outbox entry from its parts, as the store keeps it.
    public init(id: Int64, filingID: Int64, unitCode: UnitCode, action: String, dueAt: Date, forwardedAt: Date?) {
        self.id = id
        self.filingID = filingID
        self.unitCode = unitCode
        self.action = action
        self.dueAt = dueAt
        self.forwardedAt = forwardedAt
    }
}

import Foundation
import NHICore

/// One line of the audit log: who (masked), in which role, when, what.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let at: Date
    /// The caller, masked (`管理者 A12345**** @110001000`).
    public let actor: String
    public let role: String
    public let unitCode: UnitCode?
    /// A stable action name (`staff.assign`, `filing.enrol`, `dpr.import`).
    public let action: String
    /// What was acted on, masked (`A23084****`, `batch #12`).
    public let target: String
    /// Free detail, never containing secrets or unmasked IDs.
    public let detail: String

    public init(id: Int64, at: Date, actor: String, role: String, unitCode: UnitCode?, action: String, target: String, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.unitCode = unitCode
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// A message waiting in the outbox for a ``MailSender``.
public struct OutboxMail: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let to: EmailAddress
    public let subject: String
    public let body: String
    /// `verification`, `batchResult`, `passwordReset`, `filingError`, …
    public let kind: String
    public let createdAt: Date
    public var sentAt: Date?
    public var attempts: Int

    public init(id: Int64, to: EmailAddress, subject: String, body: String, kind: String, createdAt: Date, sentAt: Date?, attempts: Int) {
        self.id = id
        self.to = to
        self.subject = subject
        self.body = body
        self.kind = kind
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.attempts = attempts
    }
}

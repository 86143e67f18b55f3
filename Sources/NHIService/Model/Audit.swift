import Foundation
import NHICore

/// One line of the audit log: who (masked), in which role, when, what.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    /// The entry's number in the store.
    public let id: Int64
    /// When the action happened.
    public let at: Date
    /// The caller, masked (`管理者 A12345**** @110001000`).
    public let actor: String
    /// The caller's role label: `管理者`, `承辦人`, `單位憑證`, `負責人`, `本人`, or `系統`
    /// (`系統/<origin>` for a program acting as the system).
    public let role: String
    /// The unit the action concerns, if any.
    public let unitCode: UnitCode?
    /// A stable action name (`staff.assign`, `filing.enrol`, `dpr.import`).
    public let action: String
    /// What was acted on, masked (`A23084****`, `batch #12`).
    public let target: String
    /// Free detail, never containing secrets or unmasked IDs.
    public let detail: String

    /// Creates an audit entry from its parts; entries are appended, never changed.
    /// - Parameters:
    ///   - id: The entry's number (0 for a new entry; the store assigns it).
    ///   - at: When the action happened.
    ///   - actor: The caller, masked.
    ///   - role: The caller's role label.
    ///   - unitCode: The unit concerned, if any.
    ///   - action: The stable action name.
    ///   - target: What was acted on, masked.
    ///   - detail: Free detail without secrets or unmasked IDs.
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
    /// The mail's number in the store, also used in spool file names.
    public let id: Int64
    /// The recipient's address.
    public let to: EmailAddress
    /// The subject line (Traditional Chinese).
    public let subject: String
    /// The plain-text body; a verification or reset mail carries a one-time token until it is sent.
    public let body: String
    /// `verification`, `batchResult`, `passwordReset`, `filingError`, …
    public let kind: String
    /// When the mail was written to the outbox, in the same transaction as the change that caused it.
    public let createdAt: Date
    /// When a ``MailSender`` delivered it; `nil` while it waits.
    public var sentAt: Date?
    /// How many delivery attempts failed; a failed mail is retried on the next delivery.
    public var attempts: Int

    /// Creates an outbox mail from its parts, as the store keeps it.
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

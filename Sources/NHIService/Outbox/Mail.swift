import Foundation
import NHICore
import NHIFormats

/// Delivers mails from the outbox: SMTP in production, a spool directory at a counter PC
/// without mail, a collector in tests. Implementations are called outside any transaction.
public protocol MailSender: Sendable {
    /// Delivers one mail; a thrown error leaves the mail in the outbox, counted in ``OutboxMail/attempts`` and retried.
    func send(_ mail: OutboxMail) throws
}

/// Writes each mail as an RFC 5322 `.eml` file into a directory (for counters without a
/// mail server, and for demos). Files are written through `SafeFile`: mode 0600 (a mail
/// can carry a verification token), complete or absent, and a symbolic link or anything
/// but a regular file planted at the predictable name is refused, not followed.
public struct SpoolDirectoryMailSender: MailSender {
    /// The directory the `.eml` files are written to; it is created if missing.
    public let directory: URL

    /// Creates a sender that spools into `directory`.
    public init(directory: URL) { self.directory = directory }

    /// Writes `mail` as `<8-digit id>-<kind>.eml`, with the subject encoded as UTF-8 base64 and an `X-NHI-Kind` header.
    public func send(_ mail: OutboxMail) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = """
            To: \(mail.to.rawValue)
            Subject: =?UTF-8?B?\(Data(mail.subject.utf8).base64EncodedString())?=
            Content-Type: text/plain; charset=UTF-8
            X-NHI-Kind: \(mail.kind)

            \(mail.body)
            """
        try SafeFile.write(Array(text.utf8), to: directory.appendingPathComponent(String(format: "%08lld-%@.eml", mail.id, mail.kind)).path)
    }
}

extension NHIService {
    /// The mail outbox: mails are written in the same transaction as the change that
    /// causes them and delivered afterwards by a ``MailSender``.
    public struct Mail: Sendable {
        let core: NHIService

        /// Delivers up to `limit` pending mails; a failure is counted and retried next time.
        /// Returns how many were sent. While a mail waits its body is sealed in the store; once
        /// sent, the store keeps it with one-time tokens redacted (``OutboxMail/redactingTokens()``).
        @discardableResult
        public func deliver(using sender: any MailSender, limit: Int = 100) throws(ServiceError) -> Int {
            let pending = try core.read { try $0.pendingMail(limit: limit) }
            var sent = 0
            for var mail in pending {
                do {
                    try sender.send(mail)
                    mail.sentAt = core.clock.now
                    sent += 1
                } catch {
                    mail.attempts += 1
                    core.logger.warning("mail delivery failed", metadata: ["id": "\(mail.id)", "error": "\(error)"])
                }
                let update = mail
                try core.write { try $0.update(update) }
            }
            return sent
        }

        /// Mails addressed to `address`, sent or not (for support and tests).
        public func messages(to address: EmailAddress) throws(ServiceError) -> [OutboxMail] {
            try core.read { try $0.mail(to: address) }
        }

        /// Mails not yet delivered.
        public func pending(limit: Int = 1000) throws(ServiceError) -> [OutboxMail] {
            try core.read { try $0.pendingMail(limit: limit) }
        }
    }

    /// The audit log (who, role, when, what), IDs masked.
    public struct Audit: Sendable {
        let core: NHIService

        /// The newest entries of a unit; administrators only.
        public func entries(unit: UnitCode, by caller: Caller, limit: Int = 200) throws(ServiceError) -> [AuditEntry] {
            guard caller.isAdministrator(of: unit) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            return try core.read { try $0.auditEntries(unit: unit, limit: limit) }
        }

        /// The newest entries of the whole service (for the counter's supervisor).
        public func all(limit: Int = 200) throws(ServiceError) -> [AuditEntry] {
            try core.read { try $0.auditEntries(unit: nil, limit: limit) }
        }

        /// Records an event of the service's own (``NHIService/systemCaller``): a program using
        /// system rights, a clock override. Never pass a secret in `target` or `detail`.
        public func recordSystemEvent(action: String, target: String, detail: String = "") throws(ServiceError) {
            try core.write { w in try core.record(w, core.systemCaller, unit: nil, action: action, target: target, detail: detail) }
        }
    }
}

import Foundation
import GRDB
import NHICore

/// Secrets at rest: the TOTP secret of a bound device and the body of a mail waiting in the
/// outbox are stored sealed with the ``StoreKey`` (never in plain text); a sent mail keeps
/// its body with one-time tokens redacted (``OutboxMail/redactingTokens()``).
///
/// The `store_secret` row holds a value sealed with the key, so that a database opened with
/// another key (a missing or wrong key file) is refused instead of failing later.
extension SQLiteStore {
    /// Checks the key against the database; on the first open with a key, seals the rows
    /// that older versions stored in plain text (device secrets, pending mail) and redacts
    /// tokens in mail already sent — once, in one transaction.
    static func sealSecrets(_ pool: DatabasePool, key: StoreKey) throws {
        if let check = try pool.read({ db in try String.fetchOne(db, sql: "SELECT key_check FROM store_secret WHERE id = 1") }) {
            try key.verify(keyCheck: check)
            return
        }
        let converted = try pool.write { db -> Bool in
            if let check = try String.fetchOne(db, sql: "SELECT key_check FROM store_secret WHERE id = 1") {
                try key.verify(keyCheck: check)
                return false
            }
            var converted = false
            let session = SQLiteSession(db: db, key: key)
            for row in try Row.fetchAll(db, sql: "SELECT id, data FROM device") {
                let text: String = row["data"]
                guard let legacy = try? StoreCodec.decoder.decode(BoundDevice.self, from: Data(text.utf8)) else { continue }
                try session.update(legacy)
                converted = true
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, data FROM outbox_mail") {
                let text: String = row["data"]
                guard let legacy = try? StoreCodec.decoder.decode(OutboxMail.self, from: Data(text.utf8)) else { continue }
                try session.update(legacy.sentAt == nil ? legacy : legacy.redactingTokens())
                converted = true
            }
            try db.execute(sql: "INSERT INTO store_secret (id, key_check) VALUES (1, ?)", arguments: [try key.makeKeyCheck()])
            return converted
        }
        guard converted else { return }
        // The plain-text rows may survive in free pages and in the WAL until overwritten.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}

extension SQLiteSession {
    func encodeDevice(_ d: BoundDevice) throws -> String { try key.encodeSealed(d) }
    func decodeDevice(_ text: String) throws -> BoundDevice { try key.decodeDevice(text) }
    func encodeMail(_ m: OutboxMail) throws -> String { try key.encodeSealed(m) }
    func decodeMail(_ text: String) throws -> OutboxMail { try key.decodeMail(text) }
}

extension OutboxMail {
    /// The text that replaces a one-time token in a sent mail.
    public static let redactedToken = "[已遮蔽 redacted]"

    /// The mail with every one-time token (64 hexadecimal digits) replaced by
    /// ``redactedToken``: what the outbox keeps once a mail is sent.
    public func redactingTokens() -> OutboxMail {
        OutboxMail(id: id, to: to, subject: subject, body: body.replacing(#/[0-9a-fA-F]{64}/#, with: Self.redactedToken), kind: kind,
                   createdAt: createdAt, sentAt: sentAt, attempts: attempts)
    }
}

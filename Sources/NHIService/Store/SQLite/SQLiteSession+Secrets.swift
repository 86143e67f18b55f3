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
    static let keyCheckPlaintext = Data("nhi-store-key-check-v1".utf8)

    /// Checks the key against the database; on the first open with a key, seals the rows
    /// that older versions stored in plain text (device secrets, pending mail) and redacts
    /// tokens in mail already sent — once, in one transaction.
    static func sealSecrets(_ pool: DatabasePool, key: StoreKey) throws {
        if let check = try pool.read({ db in try String.fetchOne(db, sql: "SELECT key_check FROM store_secret WHERE id = 1") }) {
            _ = try key.open(check)
            return
        }
        let converted = try pool.write { db -> Bool in
            if let check = try String.fetchOne(db, sql: "SELECT key_check FROM store_secret WHERE id = 1") {
                _ = try key.open(check)
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
            try db.execute(sql: "INSERT INTO store_secret (id, key_check) VALUES (1, ?)", arguments: [try key.seal(keyCheckPlaintext)])
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

/// A bound device as stored: the secret sealed.
struct SealedDevice: Codable {
    let id: Int64
    let personID: PersonalID
    let label: String
    let sealedSecret: String
    let boundAt: Date
    let revokedAt: Date?
    let birthDate: CalendarDate?
    let lastAcceptedCounter: Int64?
}

/// A mail as stored: a pending mail's body sealed, a sent mail's body redacted.
struct StoredMail: Codable {
    let id: Int64
    let to: EmailAddress
    let subject: String
    let body: String?
    let sealedBody: String?
    let kind: String
    let createdAt: Date
    let sentAt: Date?
    let attempts: Int
}

extension SQLiteSession {
    func encodeDevice(_ d: BoundDevice) throws -> String {
        try StoreCodec.encode(SealedDevice(id: d.id, personID: d.personID, label: d.label, sealedSecret: try key.seal(d.secret),
                                           boundAt: d.boundAt, revokedAt: d.revokedAt, birthDate: d.birthDate,
                                           lastAcceptedCounter: d.lastAcceptedCounter))
    }

    func decodeDevice(_ text: String) throws -> BoundDevice {
        let d = try StoreCodec.decode(SealedDevice.self, text)
        return BoundDevice(id: d.id, personID: d.personID, label: d.label, secret: try key.open(d.sealedSecret), boundAt: d.boundAt,
                           revokedAt: d.revokedAt, birthDate: d.birthDate, lastAcceptedCounter: d.lastAcceptedCounter)
    }

    func encodeMail(_ m: OutboxMail) throws -> String {
        let pending = m.sentAt == nil
        return try StoreCodec.encode(StoredMail(id: m.id, to: m.to, subject: m.subject,
                                                body: pending ? nil : m.redactingTokens().body,
                                                sealedBody: pending ? try key.seal(Data(m.body.utf8)) : nil,
                                                kind: m.kind, createdAt: m.createdAt, sentAt: m.sentAt, attempts: m.attempts))
    }

    func decodeMail(_ text: String) throws -> OutboxMail {
        let m = try StoreCodec.decode(StoredMail.self, text)
        let body = try m.sealedBody.map { String(decoding: try key.open($0), as: UTF8.self) } ?? m.body ?? ""
        return OutboxMail(id: m.id, to: m.to, subject: m.subject, body: body, kind: m.kind, createdAt: m.createdAt,
                          sentAt: m.sentAt, attempts: m.attempts)
    }
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

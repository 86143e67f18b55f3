import Foundation
import NHICore

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

@_spi(StoreImplementation)
extension StoreKey {
    static let keyCheckPlaintext = Data("nhi-store-key-check-v1".utf8)

    /// A value sealed with this key, stored once in the database (`store_secret`), so that a
    /// database opened with another key is refused instead of failing later.
    public func makeKeyCheck() throws -> String { try seal(Self.keyCheckPlaintext) }

    /// Checks the database's `store_secret` value against this key (`store.keyMismatch`).
    public func verify(keyCheck: String) throws { _ = try open(keyCheck) }

    /// A device as stored (JSON, the TOTP secret sealed).
    public func encodeSealed(_ d: BoundDevice) throws -> String {
        try StoreCodec.encode(SealedDevice(id: d.id, personID: d.personID, label: d.label, sealedSecret: try seal(d.secret),
                                           boundAt: d.boundAt, revokedAt: d.revokedAt, birthDate: d.birthDate,
                                           lastAcceptedCounter: d.lastAcceptedCounter))
    }

    public func decodeDevice(_ text: String) throws -> BoundDevice {
        let d = try StoreCodec.decode(SealedDevice.self, text)
        return BoundDevice(id: d.id, personID: d.personID, label: d.label, secret: try open(d.sealedSecret), boundAt: d.boundAt,
                           revokedAt: d.revokedAt, birthDate: d.birthDate, lastAcceptedCounter: d.lastAcceptedCounter)
    }

    /// A mail as stored (JSON): a pending mail's body sealed, a sent mail's redacted.
    public func encodeSealed(_ m: OutboxMail) throws -> String {
        let pending = m.sentAt == nil
        return try StoreCodec.encode(StoredMail(id: m.id, to: m.to, subject: m.subject,
                                                body: pending ? nil : m.redactingTokens().body,
                                                sealedBody: pending ? try seal(Data(m.body.utf8)) : nil,
                                                kind: m.kind, createdAt: m.createdAt, sentAt: m.sentAt, attempts: m.attempts))
    }

    public func decodeMail(_ text: String) throws -> OutboxMail {
        let m = try StoreCodec.decode(StoredMail.self, text)
        let body = try m.sealedBody.map { String(decoding: try open($0), as: UTF8.self) } ?? m.body ?? ""
        return OutboxMail(id: m.id, to: m.to, subject: m.subject, body: body, kind: m.kind, createdAt: m.createdAt,
                          sentAt: m.sentAt, attempts: m.attempts)
    }
}

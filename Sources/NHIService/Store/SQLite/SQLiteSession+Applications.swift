import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func cardApplications(person: PersonalID) throws -> [CardApplication] {
        try String.fetchAll(db, sql: "SELECT data FROM card_application WHERE person_id = ? ORDER BY id", arguments: [person.rawValue])
            .map { try StoreCodec.decode(CardApplication.self, $0) }
    }

    func cardApplications(unit: UnitCode) throws -> [CardApplication] {
        try String.fetchAll(db, sql: "SELECT data FROM card_application WHERE unit_code = ? ORDER BY id", arguments: [unit.rawValue])
            .map { try StoreCodec.decode(CardApplication.self, $0) }
    }

    func insert(_ a: CardApplication) throws -> Int64 {
        try db.execute(sql: "INSERT INTO card_application (person_id, unit_code, data) VALUES (?, ?, '{}')",
                       arguments: [a.personID.rawValue, a.unitCode?.rawValue])
        let id = db.lastInsertedRowID
        let stored = CardApplication(id: id, personID: a.personID, appliedBy: a.appliedBy, unitCode: a.unitCode, reason: a.reason,
                                     email: a.email, phones: a.phones, pickup: a.pickup, photoSHA256: a.photoSHA256, createdAt: a.createdAt)
        try db.execute(sql: "UPDATE card_application SET data = ? WHERE id = ?", arguments: [try StoreCodec.encode(stored), id])
        return id
    }

    func ePaymentSubscription(unit: UnitCode) throws -> EPaymentSubscription? {
        try String.fetchOne(db, sql: "SELECT data FROM epayment_subscription WHERE unit_code = ?", arguments: [unit.rawValue])
            .map { try StoreCodec.decode(EPaymentSubscription.self, $0) }
    }

    func upsert(_ s: EPaymentSubscription) throws {
        try db.execute(sql: """
            INSERT INTO epayment_subscription (unit_code, data) VALUES (?, ?)
            ON CONFLICT(unit_code) DO UPDATE SET data = excluded.data
            """, arguments: [s.unitCode.rawValue, try StoreCodec.encode(s)])
    }

    func store(_ a: UploadedDocument, owner: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO attachment_blob (sha256, file_name, purpose, content) VALUES (?, ?, ?, ?)",
                       arguments: [a.sha256, a.fileName, a.purpose.rawValue, a.data])
        try db.execute(sql: "INSERT OR IGNORE INTO attachment_link (owner, sha256, file_name) VALUES (?, ?, ?)",
                       arguments: [owner, a.sha256, a.fileName])
    }

    func attachments(owner: String) throws -> [UploadedDocument] {
        try Row.fetchAll(db, sql: """
            SELECT l.file_name, b.purpose, b.content FROM attachment_link l JOIN attachment_blob b ON b.sha256 = l.sha256
            WHERE l.owner = ? ORDER BY l.rowid
            """, arguments: [owner]).map(StoreRows.attachment)
    }
}

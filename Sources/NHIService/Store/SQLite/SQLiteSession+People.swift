import Foundation
import GRDB
import GRDBSQLite
import NHICore

extension SQLiteSession {
    func person(_ id: PersonalID) throws -> Person? {
        try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id.rawValue]).map(StoreRows.person)
    }

    func upsert(_ person: Person) throws {
        let raw = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO person (id, name, birth_date, indigenous) VALUES (?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date, indigenous = excluded.indigenous
            """))
        raw.bind(1, person.id.rawValue)
        raw.bind(2, person.name.value)
        raw.bind(3, person.birthDate.iso)
        raw.bind(4, person.indigenous)
        try raw.execute(in: db)
    }

    func personalAccount(_ id: PersonalID) throws -> PersonalAccount? {
        try String.fetchOne(db, sql: "SELECT data FROM personal_account WHERE person_id = ?", arguments: [id.rawValue])
            .map { try StoreCodec.decode(PersonalAccount.self, $0) }
    }

    func personalAccount(cardNumber: NHICardNumber) throws -> PersonalAccount? {
        try String.fetchOne(db, sql: "SELECT data FROM personal_account WHERE card_number = ?", arguments: [cardNumber.rawValue])
            .map { try StoreCodec.decode(PersonalAccount.self, $0) }
    }

    func upsert(_ account: PersonalAccount) throws {
        try db.execute(sql: """
            INSERT INTO personal_account (person_id, card_number, status, data) VALUES (?, ?, ?, ?)
            ON CONFLICT(person_id) DO UPDATE SET card_number = excluded.card_number, status = excluded.status, data = excluded.data
            """, arguments: [account.personID.rawValue, account.cardNumber?.rawValue, account.status.rawValue, try StoreCodec.encode(account)])
    }

    func devices(person: PersonalID) throws -> [BoundDevice] {
        try String.fetchAll(db, sql: "SELECT data FROM device WHERE person_id = ? ORDER BY id", arguments: [person.rawValue])
            .map { try decodeDevice($0) }
    }

    func insert(_ device: BoundDevice) throws -> Int64 {
        try db.execute(sql: "INSERT INTO device (person_id, data) VALUES (?, '{}')", arguments: [device.personID.rawValue])
        let id = db.lastInsertedRowID
        let stored = BoundDevice(id: id, personID: device.personID, label: device.label, secret: device.secret,
                                 boundAt: device.boundAt, revokedAt: device.revokedAt, birthDate: device.birthDate,
                                 lastAcceptedCounter: device.lastAcceptedCounter)
        try db.execute(sql: "UPDATE device SET data = ? WHERE id = ?", arguments: [try encodeDevice(stored), id])
        return id
    }

    func update(_ device: BoundDevice) throws {
        try db.execute(sql: "UPDATE device SET data = ? WHERE id = ?", arguments: [try encodeDevice(device), device.id])
    }

    // MARK: Coverage

    func coverages(person: PersonalID) throws -> [Coverage] {
        try Row.fetchAll(db, sql: "SELECT \(StoreRows.coverageColumns) FROM coverage WHERE person_id = ? ORDER BY start_date, id",
                         arguments: [person.rawValue]).map(StoreRows.coverage)
    }

    func coverages(unit: UnitCode, inForceOn date: CalendarDate) throws -> [Coverage] {
        try Row.fetchAll(db, sql: """
            SELECT \(StoreRows.coverageColumns) FROM coverage
            WHERE unit_code = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)
            ORDER BY person_id
            """, arguments: [unit.rawValue, date.iso, date.iso]).map(StoreRows.coverage)
    }

    func roster(unit: UnitCode, on date: CalendarDate) throws -> [RosterLine] {
        let raw = RawStatement(try db.cachedStatement(sql: """
            SELECT person_id, COALESCE(person_name, ''), person_birth_date, principal_id, relation, category, insured_amount,
                   COALESCE(enrolled_date, start_date), status
            FROM coverage
            WHERE unit_code = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)
            """))
        let day = date.iso
        raw.bind(1, unit.rawValue)
        raw.bind(2, day)
        raw.bind(3, day)
        defer { sqlite3_reset_statement(raw) }
        var lines: [RosterLine] = []
        func corrupt(_ column: String) -> ServiceError { ServiceError(.storeCorrupt, context: ["column": column]) }
        while try raw.step(in: db) {
            guard let person = raw.text(0), let category = raw.text(5).flatMap(InsuredCategory.init(rawValue:)),
                  let start = raw.text(7), let status = raw.text(8).flatMap(CoverageStatus.init(rawValue:)) else {
                throw corrupt("roster")
            }
            lines.append(RosterLine(
                personID: try StoreCodec.parse(person, PersonalID.init(parsing:)), name: raw.text(1) ?? "",
                birthDate: try raw.text(2).map { try StoreCodec.parse($0, CalendarDate.init(iso:)) },
                principalID: try raw.text(3).map { try StoreCodec.parse($0, PersonalID.init(parsing:)) },
                relation: raw.text(4).flatMap(DependantRelation.init(rawValue:)),
                category: category, insuredAmount: Money(raw.int64(6)),
                startDate: try StoreCodec.parse(start, CalendarDate.init(iso:)), status: status))
        }
        // Sorted here rather than by SQLite (no temporary B-tree).
        return StoreRows.sortedRoster(lines)
    }


    func coverage(id: Int64) throws -> Coverage? {
        try Row.fetchOne(db, sql: "SELECT \(StoreRows.coverageColumns) FROM coverage WHERE id = ?", arguments: [id]).map(StoreRows.coverage)
    }

    func insert(_ c: Coverage) throws -> Int64 {
        let raw = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO coverage (unit_code, person_id, principal_id, relation, category, insured_amount, start_date, end_date, status,
                                  foreign_national, enrolled_date, person_name, person_birth_date)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                    (SELECT name FROM person WHERE id = ?2), (SELECT birth_date FROM person WHERE id = ?2))
            """))
        raw.bind(1, c.unitCode.rawValue)
        raw.bind(2, c.personID.rawValue)
        raw.bind(3, c.principalID?.rawValue)
        raw.bind(4, c.relation?.rawValue)
        raw.bind(5, c.category.rawValue)
        raw.bind(6, c.insuredAmount.amount)
        raw.bind(7, c.startDate.iso)
        raw.bind(8, c.endDate?.iso)
        raw.bind(9, c.status.rawValue)
        raw.bind(10, c.foreignNational)
        raw.bind(11, c.enrolledOn.iso)
        try raw.execute(in: db)
        return db.lastInsertedRowID
    }

    func update(_ c: Coverage) throws {
        try db.execute(sql: """
            UPDATE coverage SET category = ?, insured_amount = ?, end_date = ?, status = ? WHERE id = ?
            """, arguments: [c.category.rawValue, c.insuredAmount.amount, c.endDate?.iso, c.status.rawValue, c.id])
    }

    func delete(coverage id: Int64) throws {
        try db.execute(sql: "DELETE FROM coverage WHERE id = ?", arguments: [id])
    }

    // MARK: Audit and outbox

    func requestRecord(owner: String, key: String) throws -> RequestRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM request_record WHERE owner = ? AND key = ?", arguments: [owner, key]).map { row in
            RequestRecord(owner: row["owner"], key: row["key"], requestDigest: row["request_digest"], status: row["status"],
                          response: row["response"], at: Date(timeIntervalSince1970: row["at"]))
        }
    }

    func insert(_ record: RequestRecord) throws {
        try db.execute(sql: "INSERT INTO request_record (owner, key, request_digest, status, response, at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [record.owner, record.key, record.requestDigest, record.status, record.response,
                                   record.at.timeIntervalSince1970])
    }

    func deleteRequestRecords(before date: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM request_record WHERE at < ?", arguments: [date.timeIntervalSince1970])
        return db.changesCount
    }

    func auditEntries(unit: UnitCode?, limit: Int) throws -> [AuditEntry] {
        let rows: [String]
        if let unit {
            rows = try String.fetchAll(db, sql: "SELECT data FROM audit WHERE unit_code = ? ORDER BY id DESC LIMIT ?", arguments: [unit.rawValue, limit])
        } else {
            rows = try String.fetchAll(db, sql: "SELECT data FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
        return try rows.map { try StoreCodec.decode(AuditEntry.self, $0) }
    }

    func append(_ entry: AuditEntry) throws {
        try db.execute(sql: "INSERT INTO audit (at, unit_code, action, data) VALUES (?, ?, ?, '{}')",
                       arguments: [entry.at.timeIntervalSince1970, entry.unitCode?.rawValue, entry.action])
        let id = db.lastInsertedRowID
        let stored = AuditEntry(id: id, at: entry.at, actor: entry.actor, role: entry.role, unitCode: entry.unitCode,
                                action: entry.action, target: entry.target, detail: entry.detail)
        try db.execute(sql: "UPDATE audit SET data = ? WHERE id = ?", arguments: [try StoreCodec.encode(stored), id])
    }

    func pendingMail(limit: Int) throws -> [OutboxMail] {
        try String.fetchAll(db, sql: "SELECT data FROM outbox_mail WHERE sent_at IS NULL ORDER BY id LIMIT ?", arguments: [limit])
            .map { try decodeMail($0) }
    }

    func mail(to address: EmailAddress) throws -> [OutboxMail] {
        try String.fetchAll(db, sql: "SELECT data FROM outbox_mail WHERE recipient = ? ORDER BY id", arguments: [address.rawValue])
            .map { try decodeMail($0) }
    }

    func enqueue(_ mail: OutboxMail) throws -> Int64 {
        try db.execute(sql: "INSERT INTO outbox_mail (recipient, sent_at, data) VALUES (?, NULL, '{}')", arguments: [mail.to.rawValue])
        let id = db.lastInsertedRowID
        let stored = OutboxMail(id: id, to: mail.to, subject: mail.subject, body: mail.body, kind: mail.kind,
                                createdAt: mail.createdAt, sentAt: mail.sentAt, attempts: mail.attempts)
        try db.execute(sql: "UPDATE outbox_mail SET data = ? WHERE id = ?", arguments: [try encodeMail(stored), id])
        return id
    }

    func update(_ mail: OutboxMail) throws {
        try db.execute(sql: "UPDATE outbox_mail SET sent_at = ?, data = ? WHERE id = ?",
                       arguments: [mail.sentAt?.timeIntervalSince1970, try encodeMail(mail), mail.id])
    }
}

/// Where a line sits in the roster: its household (the insured person's ID), the insured
/// person before their dependants, then the person's own ID.
struct RosterSortKey: Comparable {
    let household: String
    let dependant: Bool
    let person: String

    static func < (a: Self, b: Self) -> Bool {
        if a.household != b.household { return a.household < b.household }
        if a.dependant != b.dependant { return !a.dependant }
        return a.person < b.person
    }
}

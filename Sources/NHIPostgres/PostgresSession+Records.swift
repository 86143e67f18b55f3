import Foundation
import NHICore
@_spi(StoreImplementation) import NHIService
import NHIFormats
import PostgresNIO

/// The store protocols in PostgreSQL: the same statements as SQLiteSession's, with `$n`
/// parameters (postgres-nio's interpolation binds every value) and PostgreSQL's upserts.
extension PostgresSession: StoreWriter {
    // MARK: Units and staff

    func unit(_ code: UnitCode) throws -> UnitAccount? {
        try decoded(UnitAccount.self, "SELECT data FROM unit WHERE code = \(code.rawValue)").first
    }

    func units(withUBN ubn: UBN) throws -> [UnitAccount] {
        try decoded(UnitAccount.self, "SELECT data FROM unit WHERE ubn = \(ubn.rawValue) ORDER BY code")
    }

    func insert(_ unit: UnitAccount) throws {
        try execute("""
            INSERT INTO unit (code, name, ubn, data, registered_at)
            VALUES (\(unit.unit.code.rawValue), \(unit.unit.name), \(unit.unit.ubn?.rawValue), \(try StoreCodec.encode(unit)),
                    \(unit.registeredAt.timeIntervalSince1970))
            """)
    }

    func update(_ unit: UnitAccount) throws {
        try execute("""
            UPDATE unit SET name = \(unit.unit.name), ubn = \(unit.unit.ubn?.rawValue), data = \(try StoreCodec.encode(unit))
            WHERE code = \(unit.unit.code.rawValue)
            """)
    }

    func staff(id: Int64) throws -> StaffMember? {
        try decoded(StaffMember.self, "SELECT data FROM staff WHERE id = \(id)").first
    }

    func staff(unit: UnitCode, includeDeleted: Bool) throws -> [StaffMember] {
        includeDeleted
            ? try decoded(StaffMember.self, "SELECT data FROM staff WHERE unit_code = \(unit.rawValue) ORDER BY id")
            : try decoded(StaffMember.self, "SELECT data FROM staff WHERE unit_code = \(unit.rawValue) AND deleted_at IS NULL ORDER BY id")
    }

    func staff(person: PersonalID) throws -> [StaffMember] {
        try decoded(StaffMember.self, "SELECT data FROM staff WHERE person_id = \(person.rawValue) ORDER BY id")
    }

    func insert(_ staff: StaffMember) throws -> Int64 {
        let id = try insertedID("""
            INSERT INTO staff (unit_code, person_id, role, deleted_at, data)
            VALUES (\(staff.unitCode.rawValue), \(staff.personID.rawValue), \(staff.role.rawValue),
                    \(staff.deletedAt?.timeIntervalSince1970), '{}') RETURNING id
            """)
        let stored = StaffMember(id: id, unitCode: staff.unitCode, personID: staff.personID, name: staff.name, role: staff.role,
                                 credential: staff.credential, certificateSerial: staff.certificateSerial, phones: staff.phones,
                                 email: staff.email, mayUseAllEnrolmentFunctions: staff.mayUseAllEnrolmentFunctions,
                                 assignedAt: staff.assignedAt, assignedBy: staff.assignedBy, deletedAt: staff.deletedAt)
        try execute("UPDATE staff SET data = \(try StoreCodec.encode(stored)) WHERE id = \(id)")
        return id
    }

    func update(_ staff: StaffMember) throws {
        try execute("""
            UPDATE staff SET role = \(staff.role.rawValue), deleted_at = \(staff.deletedAt?.timeIntervalSince1970),
                data = \(try StoreCodec.encode(staff)) WHERE id = \(staff.id)
            """)
    }

    func withholdingUnit(_ ubn: UBN) throws -> WithholdingUnit? {
        try decoded(WithholdingUnit.self, "SELECT data FROM withholding_unit WHERE ubn = \(ubn.rawValue)").first
    }

    func upsert(_ unit: WithholdingUnit) throws {
        try execute("""
            INSERT INTO withholding_unit (ubn, data) VALUES (\(unit.ubn.rawValue), \(try StoreCodec.encode(unit)))
            ON CONFLICT (ubn) DO UPDATE SET data = excluded.data
            """)
    }

    // MARK: People and accounts

    func person(_ id: PersonalID) throws -> Person? {
        try rows("SELECT * FROM person WHERE id = \(id.rawValue)").first.map(StoreRows.person)
    }

    func upsert(_ person: Person) throws {
        try execute("""
            INSERT INTO person (id, name, birth_date, indigenous)
            VALUES (\(person.id.rawValue), \(person.name.value), \(person.birthDate.iso), \(person.indigenous))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date, indigenous = excluded.indigenous
            """)
    }

    func upsert(_ persons: [Person]) throws {
        // One statement may not change a row twice: the last row for a person wins, as one by one.
        var last: [PersonalID: Int] = [:]
        for (index, person) in persons.enumerated() { last[person.id] = index }
        let unique = persons.enumerated().filter { last[$0.element.id] == $0.offset }.map(\.element)
        var start = 0
        while start < unique.count {
            let end = min(start + PostgresSession.bulkRows, unique.count)
            var binds = PostgresBindings(capacity: (end - start) * 4)
            var values: [String] = []
            for (offset, person) in unique[start..<end].enumerated() {
                values.append("($\(offset * 4 + 1),$\(offset * 4 + 2),$\(offset * 4 + 3),$\(offset * 4 + 4))")
                binds.append(person.id.rawValue)
                binds.append(person.name.value)
                binds.append(person.birthDate.iso)
                binds.append(person.indigenous)
            }
            try execute(PostgresQuery(unsafeSQL: """
                INSERT INTO person (id, name, birth_date, indigenous) VALUES \(values.joined(separator: ","))
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date, indigenous = excluded.indigenous
                """, binds: binds))
            start = end
        }
    }

    func personalAccount(_ id: PersonalID) throws -> PersonalAccount? {
        try decoded(PersonalAccount.self, "SELECT data FROM personal_account WHERE person_id = \(id.rawValue)").first
    }

    func personalAccount(cardNumber: NHICardNumber) throws -> PersonalAccount? {
        try decoded(PersonalAccount.self, "SELECT data FROM personal_account WHERE card_number = \(cardNumber.rawValue)").first
    }

    func upsert(_ account: PersonalAccount) throws {
        try execute("""
            INSERT INTO personal_account (person_id, card_number, status, data)
            VALUES (\(account.personID.rawValue), \(account.cardNumber?.rawValue), \(account.status.rawValue), \(try StoreCodec.encode(account)))
            ON CONFLICT (person_id) DO UPDATE SET card_number = excluded.card_number, status = excluded.status, data = excluded.data
            """)
    }

    func devices(person: PersonalID) throws -> [BoundDevice] {
        try rows("SELECT data FROM device WHERE person_id = \(person.rawValue) ORDER BY id")
            .map { try key.decodeDevice(try $0.requiredText("data")) }
    }

    func insert(_ device: BoundDevice) throws -> Int64 {
        let id = try insertedID("INSERT INTO device (person_id, data) VALUES (\(device.personID.rawValue), '{}') RETURNING id")
        let stored = BoundDevice(id: id, personID: device.personID, label: device.label, secret: device.secret,
                                 boundAt: device.boundAt, revokedAt: device.revokedAt, birthDate: device.birthDate,
                                 lastAcceptedCounter: device.lastAcceptedCounter)
        try execute("UPDATE device SET data = \(try key.encodeSealed(stored)) WHERE id = \(id)")
        return id
    }

    func update(_ device: BoundDevice) throws {
        try execute("UPDATE device SET data = \(try key.encodeSealed(device)) WHERE id = \(device.id)")
    }

    func loginToken(_ value: String) throws -> LoginTokenRecord? {
        try decoded(LoginTokenRecord.self, "SELECT data FROM login_token WHERE value = \(value)").first
    }

    func upsert(_ token: LoginTokenRecord) throws {
        try execute("""
            INSERT INTO login_token (value, expires_at, data)
            VALUES (\(token.token.value), \(token.token.expiresAt.timeIntervalSince1970), \(try StoreCodec.encode(token)))
            ON CONFLICT (value) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data
            """)
    }

    func deleteLoginTokens(expiredBefore date: Date) throws {
        try execute("DELETE FROM login_token WHERE expires_at < \(date.timeIntervalSince1970)")
    }

    // MARK: Coverage

    func coverages(person: PersonalID) throws -> [Coverage] {
        try rows("SELECT \(unescaped: StoreRows.coverageColumns) FROM coverage WHERE person_id = \(person.rawValue) ORDER BY start_date, id")
            .map(StoreRows.coverage)
    }

    func coverages(unit: UnitCode, inForceOn date: CalendarDate) throws -> [Coverage] {
        try rows("""
            SELECT \(unescaped: StoreRows.coverageColumns) FROM coverage
            WHERE unit_code = \(unit.rawValue) AND start_date <= \(date.iso) AND (end_date IS NULL OR end_date > \(date.iso))
            ORDER BY person_id
            """).map(StoreRows.coverage)
    }

    func coverage(id: Int64) throws -> Coverage? {
        try rows("SELECT \(unescaped: StoreRows.coverageColumns) FROM coverage WHERE id = \(id)").first.map(StoreRows.coverage)
    }

    func roster(unit: UnitCode, on date: CalendarDate) throws -> [RosterLine] {
        let day = date.iso
        let lines = try rows("""
            SELECT c.person_id, COALESCE(p.name, '') AS name, p.birth_date, c.principal_id, c.relation, c.category, c.insured_amount,
                   COALESCE(c.enrolled_date, c.start_date) AS enrolled_date, c.status
            FROM coverage c LEFT JOIN person p ON p.id = c.person_id
            WHERE c.unit_code = \(unit.rawValue) AND c.start_date <= \(day) AND (c.end_date IS NULL OR c.end_date > \(day))
            """).map { row in
            RosterLine(personID: try row.required("person_id", PersonalID.init(parsing:)), name: row.text("name") ?? "",
                       birthDate: try row.optional("birth_date", CalendarDate.init(iso:)),
                       principalID: try row.optional("principal_id", PersonalID.init(parsing:)),
                       relation: row.text("relation").flatMap(DependantRelation.init(rawValue:)),
                       category: try row.enumValue("category"), insuredAmount: Money(try row.requiredInt64("insured_amount")),
                       startDate: try row.required("enrolled_date", CalendarDate.init(iso:)), status: try row.enumValue("status"))
        }
        return StoreRows.sortedRoster(lines)
    }

    func insert(_ c: Coverage) throws -> Int64 {
        try insertedID("""
            INSERT INTO coverage (unit_code, person_id, principal_id, relation, category, insured_amount, start_date, end_date, status,
                                  foreign_national, enrolled_date)
            VALUES (\(c.unitCode.rawValue), \(c.personID.rawValue), \(c.principalID?.rawValue), \(c.relation?.rawValue),
                    \(c.category.rawValue), \(c.insuredAmount.amount), \(c.startDate.iso), \(c.endDate?.iso), \(c.status.rawValue),
                    \(c.foreignNational), \(c.enrolledOn.iso))
            RETURNING id
            """)
    }

    func insert(_ coverages: [Coverage]) throws -> [Int64] {
        guard !coverages.isEmpty else { return [] }
        // The IDs first, in order (as for filings): RETURNING's order is not promised.
        let ids = try reserveIDs("coverage", count: coverages.count)
        var start = 0
        while start < coverages.count {
            let end = min(start + PostgresSession.bulkRows, coverages.count)
            var binds = PostgresBindings(capacity: (end - start) * 12)
            var values: [String] = []
            for index in start..<end {
                let c = coverages[index], base = (index - start) * 12
                values.append("(" + (1...12).map { "$\(base + $0)" }.joined(separator: ",") + ")")
                binds.append(ids[index])
                binds.append(c.unitCode.rawValue)
                binds.append(c.personID.rawValue)
                binds.append(c.principalID?.rawValue)
                binds.append(c.relation?.rawValue)
                binds.append(c.category.rawValue)
                binds.append(c.insuredAmount.amount)
                binds.append(c.startDate.iso)
                binds.append(c.endDate?.iso)
                binds.append(c.status.rawValue)
                binds.append(c.foreignNational)
                binds.append(c.enrolledOn.iso)
            }
            try execute(PostgresQuery(unsafeSQL: """
                INSERT INTO coverage (id, unit_code, person_id, principal_id, relation, category, insured_amount, start_date, end_date,
                                      status, foreign_national, enrolled_date)
                VALUES \(values.joined(separator: ","))
                """, binds: binds))
            start = end
        }
        return ids
    }

    func update(_ c: Coverage) throws {
        try execute("""
            UPDATE coverage SET category = \(c.category.rawValue), insured_amount = \(c.insuredAmount.amount), end_date = \(c.endDate?.iso),
                status = \(c.status.rawValue) WHERE id = \(c.id)
            """)
    }

    func delete(coverage id: Int64) throws {
        try execute("DELETE FROM coverage WHERE id = \(id)")
    }

    // MARK: Applications, subscriptions, attachments

    func cardApplications(person: PersonalID) throws -> [CardApplication] {
        try decoded(CardApplication.self, "SELECT data FROM card_application WHERE person_id = \(person.rawValue) ORDER BY id")
    }

    func cardApplications(unit: UnitCode) throws -> [CardApplication] {
        try decoded(CardApplication.self, "SELECT data FROM card_application WHERE unit_code = \(unit.rawValue) ORDER BY id")
    }

    func insert(_ a: CardApplication) throws -> Int64 {
        let id = try insertedID("""
            INSERT INTO card_application (person_id, unit_code, data) VALUES (\(a.personID.rawValue), \(a.unitCode?.rawValue), '{}')
            RETURNING id
            """)
        let stored = CardApplication(id: id, personID: a.personID, appliedBy: a.appliedBy, unitCode: a.unitCode, reason: a.reason,
                                     email: a.email, phones: a.phones, pickup: a.pickup, photoSHA256: a.photoSHA256, createdAt: a.createdAt)
        try execute("UPDATE card_application SET data = \(try StoreCodec.encode(stored)) WHERE id = \(id)")
        return id
    }

    func ePaymentSubscription(unit: UnitCode) throws -> EPaymentSubscription? {
        try decoded(EPaymentSubscription.self, "SELECT data FROM epayment_subscription WHERE unit_code = \(unit.rawValue)").first
    }

    func upsert(_ s: EPaymentSubscription) throws {
        try execute("""
            INSERT INTO epayment_subscription (unit_code, data) VALUES (\(s.unitCode.rawValue), \(try StoreCodec.encode(s)))
            ON CONFLICT (unit_code) DO UPDATE SET data = excluded.data
            """)
    }

    func store(_ a: UploadedDocument, owner: String) throws {
        try execute(try """
            INSERT INTO attachment_blob (sha256, file_name, purpose, content) VALUES (\(a.sha256), \(a.fileName), \(a.purpose.rawValue), \(a.data))
            ON CONFLICT DO NOTHING
            """)
        try execute("""
            INSERT INTO attachment_link (owner, sha256, file_name) VALUES (\(owner), \(a.sha256), \(a.fileName)) ON CONFLICT DO NOTHING
            """)
    }

    func attachments(owner: String) throws -> [UploadedDocument] {
        try rows("""
            SELECT l.file_name, b.purpose, b.content FROM attachment_link l JOIN attachment_blob b ON b.sha256 = l.sha256
            WHERE l.owner = \(owner) ORDER BY l.seq
            """).map(StoreRows.attachment)
    }

    // MARK: Audit and outbox

    func requestRecord(owner: String, key: String) throws -> RequestRecord? {
        guard let row = try rows("SELECT * FROM request_record WHERE owner = \(owner) AND key = \(key)").first else { return nil }
        return RequestRecord(owner: try row.requiredText("owner"), key: try row.requiredText("key"),
                             requestDigest: try row.requiredText("request_digest"), status: Int(try row.requiredInt64("status")),
                             response: row.bytes("response") ?? Data(), at: Date(timeIntervalSince1970: row.double("at") ?? 0))
    }

    func insert(_ record: RequestRecord) throws {
        try execute("""
            INSERT INTO request_record (owner, key, request_digest, status, response, at)
            VALUES (\(record.owner), \(record.key), \(record.requestDigest), \(record.status), \(record.response),
                    \(record.at.timeIntervalSince1970))
            """)
    }

    func deleteRequestRecords(before date: Date) throws -> Int {
        try changes("DELETE FROM request_record WHERE at < \(date.timeIntervalSince1970)")
    }

    func auditEntries(unit: UnitCode?, limit: Int) throws -> [AuditEntry] {
        let found = if let unit {
            try rows("SELECT id, data FROM audit WHERE unit_code = \(unit.rawValue) ORDER BY id DESC LIMIT \(limit)")
        } else {
            try rows("SELECT id, data FROM audit ORDER BY id DESC LIMIT \(limit)")
        }
        // The entry's ID is the row's (an entry is stored in one statement, before its ID is known).
        return try found.map { row in
            let e = try StoreCodec.decode(AuditEntry.self, try row.requiredText("data"))
            return AuditEntry(id: try row.requiredInt64("id"), at: e.at, actor: e.actor, role: e.role, unitCode: e.unitCode,
                              action: e.action, target: e.target, detail: e.detail)
        }
    }

    func append(_ entry: AuditEntry) throws {
        // One statement (one round trip inside the write lock): the data's `id` is filled in on reading.
        try execute("""
            INSERT INTO audit (at, unit_code, action, data) VALUES (\(entry.at.timeIntervalSince1970), \(entry.unitCode?.rawValue),
                \(entry.action), \(try StoreCodec.encode(entry)))
            """)
    }

    func pendingMail(limit: Int) throws -> [OutboxMail] {
        try rows("SELECT data FROM outbox_mail WHERE sent_at IS NULL ORDER BY id LIMIT \(limit)")
            .map { try key.decodeMail(try $0.requiredText("data")) }
    }

    func mail(to address: EmailAddress) throws -> [OutboxMail] {
        try rows("SELECT data FROM outbox_mail WHERE recipient = \(address.rawValue) ORDER BY id")
            .map { try key.decodeMail(try $0.requiredText("data")) }
    }

    func enqueue(_ mail: OutboxMail) throws -> Int64 {
        let id = try insertedID("INSERT INTO outbox_mail (recipient, sent_at, data) VALUES (\(mail.to.rawValue), NULL, '{}') RETURNING id")
        let stored = OutboxMail(id: id, to: mail.to, subject: mail.subject, body: mail.body, kind: mail.kind,
                                createdAt: mail.createdAt, sentAt: mail.sentAt, attempts: mail.attempts)
        try execute("UPDATE outbox_mail SET data = \(try key.encodeSealed(stored)) WHERE id = \(id)")
        return id
    }

    func update(_ mail: OutboxMail) throws {
        try execute("""
            UPDATE outbox_mail SET sent_at = \(mail.sentAt?.timeIntervalSince1970), data = \(try key.encodeSealed(mail)) WHERE id = \(mail.id)
            """)
    }
}

import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func unit(_ code: UnitCode) throws -> UnitAccount? {
        try String.fetchOne(db, sql: "SELECT data FROM unit WHERE code = ?", arguments: [code.rawValue])
            .map { try StoreCodec.decode(UnitAccount.self, $0) }
    }

    func units(withUBN ubn: UBN) throws -> [UnitAccount] {
        try String.fetchAll(db, sql: "SELECT data FROM unit WHERE ubn = ? ORDER BY code", arguments: [ubn.rawValue])
            .map { try StoreCodec.decode(UnitAccount.self, $0) }
    }

    func insert(_ unit: UnitAccount) throws {
        try db.execute(sql: "INSERT INTO unit (code, name, ubn, data, registered_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [unit.unit.code.rawValue, unit.unit.name, unit.unit.ubn?.rawValue,
                                   try StoreCodec.encode(unit), unit.registeredAt.timeIntervalSince1970])
    }

    func update(_ unit: UnitAccount) throws {
        try db.execute(sql: "UPDATE unit SET name = ?, ubn = ?, data = ? WHERE code = ?",
                       arguments: [unit.unit.name, unit.unit.ubn?.rawValue, try StoreCodec.encode(unit), unit.unit.code.rawValue])
    }

    func staff(id: Int64) throws -> StaffMember? {
        try String.fetchOne(db, sql: "SELECT data FROM staff WHERE id = ?", arguments: [id])
            .map { try StoreCodec.decode(StaffMember.self, $0) }
    }

    func staff(unit: UnitCode, includeDeleted: Bool) throws -> [StaffMember] {
        let sql = includeDeleted
            ? "SELECT data FROM staff WHERE unit_code = ? ORDER BY id"
            : "SELECT data FROM staff WHERE unit_code = ? AND deleted_at IS NULL ORDER BY id"
        return try String.fetchAll(db, sql: sql, arguments: [unit.rawValue]).map { try StoreCodec.decode(StaffMember.self, $0) }
    }

    func staff(person: PersonalID) throws -> [StaffMember] {
        try String.fetchAll(db, sql: "SELECT data FROM staff WHERE person_id = ? ORDER BY id", arguments: [person.rawValue])
            .map { try StoreCodec.decode(StaffMember.self, $0) }
    }

    func insert(_ staff: StaffMember) throws -> Int64 {
        try db.execute(sql: "INSERT INTO staff (unit_code, person_id, role, deleted_at, data) VALUES (?, ?, ?, ?, '{}')",
                       arguments: [staff.unitCode.rawValue, staff.personID.rawValue, staff.role.rawValue,
                                   staff.deletedAt?.timeIntervalSince1970])
        let id = db.lastInsertedRowID
        let stored = StaffMember(id: id, unitCode: staff.unitCode, personID: staff.personID, name: staff.name, role: staff.role,
                                 credential: staff.credential, certificateSerial: staff.certificateSerial, phones: staff.phones,
                                 email: staff.email, mayUseAllEnrolmentFunctions: staff.mayUseAllEnrolmentFunctions,
                                 assignedAt: staff.assignedAt, assignedBy: staff.assignedBy, deletedAt: staff.deletedAt)
        try db.execute(sql: "UPDATE staff SET data = ? WHERE id = ?", arguments: [try StoreCodec.encode(stored), id])
        return id
    }

    func update(_ staff: StaffMember) throws {
        try db.execute(sql: "UPDATE staff SET role = ?, deleted_at = ?, data = ? WHERE id = ?",
                       arguments: [staff.role.rawValue, staff.deletedAt?.timeIntervalSince1970, try StoreCodec.encode(staff), staff.id])
    }

    func withholdingUnit(_ ubn: UBN) throws -> WithholdingUnit? {
        try String.fetchOne(db, sql: "SELECT data FROM withholding_unit WHERE ubn = ?", arguments: [ubn.rawValue])
            .map { try StoreCodec.decode(WithholdingUnit.self, $0) }
    }

    func upsert(_ unit: WithholdingUnit) throws {
        try db.execute(sql: "INSERT INTO withholding_unit (ubn, data) VALUES (?, ?) ON CONFLICT(ubn) DO UPDATE SET data = excluded.data",
                       arguments: [unit.ubn.rawValue, try StoreCodec.encode(unit)])
    }
}

import ArgumentParser
import Foundation
import NHICore
import NHIService

/// Options every `nhi service` command shares: the database, JSON output, the clock and who
/// is acting.
///
/// The CLI runs on the counter PC next to the database file and trusts its user to say who
/// is acting (`--unit` with `--person` for assigned staff, or `--certificate-serial` for the
/// unit's organisation certificate); the service still checks that this person is assigned
/// and what their role allows. The kiosk uses the real login flows instead.
struct ServiceOptions: ParsableArguments {
    @Option(name: .long, help: "資料庫檔案 Database file (default: $NHI_DB or ~/.local/share/nhi/nhi.sqlite).")
    var db: String?

    @Flag(name: .long, help: "輸出 JSON — JSON output.")
    var json = false

    @Option(name: .long, help: "現在時間 Pretend it is this instant (ISO 8601, e.g. 2026-11-23T22:31:00+08:00); also $NHI_NOW.")
    var now: String?

    @Option(name: .long, help: "投保單位代號 The unit acted for.")
    var unit: String?

    @Option(name: [.customLong("person"), .customLong("as")], help: "承辦人或管理者身分證號 The staff member acting (assigned to --unit).")
    var person: String?

    @Option(name: .customLong("certificate-serial"), help: "以單位憑證身分 Act as the unit's organisation certificate with this serial number.")
    var certificateSerial: String?

    /// The clock: `--now`, `$NHI_NOW`, or the system clock.
    func clock() throws -> any ServiceClock {
        guard let text = now ?? ProcessInfo.processInfo.environment["NHI_NOW"], !text.isEmpty else { return SystemClock() }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else {
            throw ValidationError("--now: 時間格式應為 ISO 8601 — expected ISO 8601, e.g. 2026-11-23T22:31:00+08:00")
        }
        return ManualClock(date)
    }

    /// The service over the chosen database.
    func service() throws -> NHIService {
        let path = db ?? SQLiteStore.defaultLocation()
        return NHIService(store: try SQLiteStore(path: path), clock: try clock())
    }

    /// The acting caller.
    func caller(_ service: NHIService) throws -> Caller {
        guard let unitText = unit else { throw ValidationError("需要 --unit — give --unit (and --person or --certificate-serial)") }
        let unit = try UnitCode(parsing: Normalizer.identifier.normalize(unitText).value)
        if let serial = certificateSerial {
            let account = try service.units.account(unit)
            guard case .organisationCertificate(let info) = account.method, info.serialNumber == serial else {
                throw ServiceError(.unitCertificateMismatch, context: ["unit": unit.rawValue])
            }
            return try service.staff.organisationSession(unit: unit, certificate: info)
        }
        guard let personText = person else { throw ValidationError("需要 --person 或 --certificate-serial — give --person or --certificate-serial") }
        let id = try PersonalID(parsing: Normalizer.identifier.normalize(personText).value)
        if let member = try service.staff.memberships(person: id).first(where: { $0.unitCode == unit }) {
            // The local CLI trusts its user: a certificate member acts with the serial their
            // assignment records (the kiosk and the server check the card's own serial).
            return try service.staff.session(person: id, unit: unit, credential: member.credential,
                                             certificateSerial: member.certificateSerial)
        }
        if try service.units.account(unit).unit.ownerID == id {
            return try service.staff.ownerSession(person: id, unit: unit, credential: .nhiCard)
        }
        return try service.staff.session(person: id, unit: unit, credential: .citizen)
    }
}

/// Parses a person ID after normalisation.
func parsePersonalID(_ text: String) throws -> PersonalID { try PersonalID(parsing: Normalizer.identifier.normalize(text).value) }

extension JSONValue {
    static func money(_ m: Money) -> JSONValue { .int(m.amount) }
    static func date(_ d: CalendarDate?) -> JSONValue { d.map { .string($0.iso) } ?? .null }
    static func string(_ s: String?) -> JSONValue { s.map { JSONValue.string($0) } ?? .null }
}

extension Filing {
    /// The JSON form of a filing: the listing columns of SPEC §4 plus its life cycle.
    var json: JSONValue {
        .object([
            ("id", .int(id)), ("unit", .string(unitCode.rawValue)), ("kind", .string(kind.rawValue)), ("kindLabel", .string(kind.label)),
            ("family", .string(family.rawValue)), ("filedOn", .date(filedOn)), ("role", .string(roleLabel)),
            ("employeeID", .string(employeeID.rawValue)), ("dependantID", .string(dependantID?.rawValue)), ("name", .string(name)),
            ("sex", .string(personID.sex.rawValue)), ("birthDate", .date(birthDate)), ("reason", .string(reason)),
            ("insuredAmount", insuredAmount.map(JSONValue.money) ?? .null), ("adjustedAmount", adjustedAmount.map(JSONValue.money) ?? .null),
            ("effectiveDate", .date(effectiveDate)), ("status", .string(status.rawValue)), ("checkCode", .string(checkCode)),
            ("checkMessage", .string(checkMessage)), ("batch", batchID.map { .int($0) } ?? .null),
        ])
    }
}

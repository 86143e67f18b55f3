import ArgumentParser
import Foundation
import NHICore
import NHIPostgres
import NHIService

/// Options every `nhi service` command shares: the database, JSON output, the clock and who
/// is acting.
///
/// The local CLI trusts whoever runs it: it runs on the counter PC next to the database
/// file, and its user says who is acting (`--unit` with `--person` for assigned staff, or
/// `--certificate-serial` for the unit's organisation certificate); the service still checks
/// that this person is assigned and what their role allows. The service's own rights
/// (nightly jobs, payments, any unit's records) need `--system`, which the audit log records
/// as `系統/CLI`. Anyone who can run `nhi` as the database's owner can do all of this: protect
/// the account and the files, not the command. The kiosk uses the real login flows instead.
struct ServiceOptions: ParsableArguments {
    @Option(name: .long, help: """
        資料庫 Database: a file path, or postgres://user@host:port/db (postgres:///db?host=/socket/dir);         default $NHI_DB or ~/.local/share/nhi/nhi.sqlite. The PostgreSQL password goes in $NHI_DB_PASSWORD, never here.
        """)
    var db: String?

    @Flag(name: .long, help: "輸出 JSON — JSON output.")
    var json = false

    @Option(name: .long, help: """
        現在時間 Pretend it is this instant (ISO 8601, e.g. 2026-11-23T22:31:00+08:00); also $NHI_NOW. \
        Only on a test database (`nhi service init --test-clock`); every use is audited.
        """)
    var now: String?

    @Option(name: .long, help: "投保單位代號 The unit acted for.")
    var unit: String?

    @Option(name: [.customLong("person"), .customLong("as")], help: "承辦人或管理者身分證號 The staff member acting (assigned to --unit).")
    var person: String?

    @Option(name: .customLong("certificate-serial"), help: "以單位憑證身分 Act as the unit's organisation certificate with this serial number.")
    var certificateSerial: String?

    @Option(name: .customLong("service"), help: """
        服務主機 Work through nhi-server (https://host:port) with the session of `nhi service login` instead of a database;         for: \(ServiceOptions.remoteCommands).
        """)
    var serviceURL: String?

    @Option(name: .customLong("ca-file"), help: "服務主機憑證的簽發機構 The office CA (PEM) nhi-server's certificate must chain to.")
    var caFile: String?

    @Flag(name: .long, help: "以系統身分執行（夜間作業、繳款登錄、任一單位紀錄），記入稽核紀錄 — Act with the service's own rights (nightly jobs, payments, any unit's records); audited as 系統/CLI.")
    var system = false

    /// The clock override (`--now`, else `$NHI_NOW`), if any.
    private var clockOverride: String? {
        guard let text = now ?? ProcessInfo.processInfo.environment["NHI_NOW"], !text.isEmpty else { return nil }
        return text
    }

    /// The clock: `--now` / `$NHI_NOW` on a test database, else the system clock.
    private func clock(_ store: any NHIStoreAdministration) throws -> any ServiceClock {
        guard let text = clockOverride else { return SystemClock() }
        guard try store.isTestClockDatabase() else {
            throw ValidationError("""
                --now / NHI_NOW：只能用於以 `nhi service init --test-clock` 建立的測試資料庫 — \
                the clock can only be overridden on a test database made with `nhi service init --test-clock`
                """)
        }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw ValidationError("--now: 時間格式應為 ISO 8601 — expected ISO 8601, e.g. 2026-11-23T22:31:00+08:00")
        }
        return ManualClock(date)
    }

    /// The store over the chosen database, SQLite or PostgreSQL (permission warnings go to standard error).
    func store() throws -> any NHIStoreAdministration {
        try refuseRemote()
        return try NHIStores.open(option: db)
    }

    /// The service over the chosen database. `--system` and a clock override are recorded in
    /// the audit log before anything else happens.
    func service(billingPeriod: ClosedRange<Int> = 11...14) throws -> NHIService {
        let store = try store()
        let clock = try clock(store)
        let service = NHIService(store: store, clock: clock, billingPeriod: billingPeriod, systemCaller: .system(origin: "CLI"))
        if clockOverride != nil {
            try service.audit.recordSystemEvent(action: "clock.override", target: Self.commandName,
                                                detail: ISO8601DateFormatter().string(from: clock.now))
        }
        if system { try service.audit.recordSystemEvent(action: "cli.system", target: Self.commandName) }
        return service
    }

    /// The subcommand words (`service batch-register process`), never option values.
    static var commandName: String {
        CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }.prefix(3).joined(separator: " ")
    }

    /// For the service's own jobs: refuses unless `--system` was given.
    func requireSystem() throws {
        guard system else {
            throw ValidationError("需要 --system：此作業以系統身分執行並記入稽核紀錄 — give --system: this runs with the service's own rights and is audited")
        }
        guard unit == nil, person == nil, certificateSerial == nil else {
            throw ValidationError("--system 不可與 --unit/--person/--certificate-serial 併用 — --system excludes --unit, --person and --certificate-serial")
        }
    }

    /// The acting caller: the unit's staff (`--unit` …) or, with `--system`, the service
    /// itself; neither is an error.
    func callerOrSystem(_ service: NHIService) throws -> Caller {
        if system {
            try requireSystem()
            return service.systemCaller
        }
        guard unit != nil else {
            throw ValidationError("需要 --unit（及 --person 或 --certificate-serial）或 --system — give --unit (and --person or --certificate-serial), or --system")
        }
        return try caller(service)
    }

    /// The acting caller.
    func caller(_ service: NHIService) throws -> Caller {
        guard !system else { throw ValidationError("此指令需以單位身分執行，不接受 --system — this command acts for a unit: give --unit, not --system") }
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

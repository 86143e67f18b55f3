import ArgumentParser
import Foundation
import NHICore
import NHIService

/// `nhi service …`: every operation of the local service against the default database.
struct ServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "本機服務作業 — Operations of the NHI service (SQLite, or PostgreSQL for several counters).",
        discussion: """
            Every command takes --db PATH or --db postgres://user@host:port/db (default $NHI_DB or \
            ~/.local/share/nhi/nhi.sqlite; the PostgreSQL password in $NHI_DB_PASSWORD) and --json.

            本機指令信任執行者 — The local CLI trusts whoever runs it: --unit with --person (or --certificate-serial) \
            says who acts, and the service checks only that this person is assigned and what the role allows. \
            The service's own rights (convert, bills issue, pay, mail, any unit's batch uploads and logs, DPR import \
            for no unit, anyone's insurance status and account, the whole audit log) need --system, recorded in \
            the audit log as 系統/CLI; without --unit or --system these commands fail. --now and \
            $NHI_NOW work only on a test database (init --test-clock) and are audited. Protect the account that \
            owns the database and its key file (<db>.key, or $NHI_DB_KEY): whoever can use them can do all of this.
            """,
        subcommands: [ServiceInit.self, ServiceMigrate.self, ServiceLoginCommand.self, ServiceWhoAmICommand.self, ServiceLogoutCommand.self, UnitCommand.self, StaffCommand.self, AccountCommand.self, FilingCommand.self,
                      ConvertCommand.self, RosterCommand.self, PremiumDetailCommand.self, BillsCommand.self, UnpaidCommand.self,
                      PayCommand.self, InsuranceCommand.self, MailCommand.self, AuditCommand.self, ServiceDPRCommand.self,
                      ServiceBatchRegisterCommand.self, StatementsCommand.self, CardsCommand.self, EPaymentCommand.self,
                      SlipCommand.self, PaymentCertificateCommand.self])
}

/// `nhi service init`: creates or migrates the database and prints where it is.
struct ServiceInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "建立資料庫 — Create or migrate the database.",
        discussion: """
            A new database folder is created 0700 and the database 0600, with its key file <db>.key (0600) that seals \
            TOTP secrets and pending mail (or the key from $NHI_DB_KEY). --test-clock marks a new database as a test \
            and demo database: only there do --now and $NHI_NOW work (they revive expired tokens and lift lockouts).
            """)
    @OptionGroup var options: ServiceOptions
    @Flag(name: .customLong("test-clock"), help: "測試用資料庫 Mark this new database as a test database: --now / $NHI_NOW allowed (audited).")
    var testClock = false

    func run() throws {
        let store = try options.store()
        let path = store.locationDescription
        if testClock {
            try store.markAsTestClockDatabase()
            try NHIService(store: store, systemCaller: .system(origin: "CLI")).audit.recordSystemEvent(action: "store.testClock", target: path)
        }
        let migrations = try store.appliedMigrations()
        if options.json {
            JSONValue.object([("db", .string(path)), ("migrations", .array(migrations.map { .string($0) }))]).printLine()
        } else {
            print("資料庫 database: \(path)\n版本 migrations: \(migrations.joined(separator: ", "))")
        }
    }
}

/// `nhi service unit register|show`.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unit", abstract: "單位註冊及資料 — Unit registration and data.",
                                                    subcommands: [Register.self, Show.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "單位註冊作業 — Register a unit.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "投保單位代號") var code: String
        @Option(help: "投保單位名稱") var name: String
        @Option(help: "統一編號") var ubn: String?
        @Option(name: .customLong("labour-number"), help: "勞(農)保證號 (omit with --nhi-only)") var labourNumber: String?
        @Flag(name: .customLong("nhi-only"), help: "僅使用健保專用相關作業") var nhiOnly = false
        @Option(help: "負責人身分證號") var owner: String
        @Option(help: "負責人聯絡電話") var landline: String?
        @Option(help: "負責人行動電話") var mobile: String?
        @Option(help: "電子郵件信箱") var email: String
        @Option(help: "certificate | owner-card | owner-otp") var method: String = "certificate"
        @Option(name: .customLong("certificate-kind"), help: "moeaca | gca | xca") var certificateKind: String = "moeaca"
        @Option(name: .customLong("serial"), help: "單位憑證序號 (certificate)") var serial: String?
        @Option(name: .customLong("card-number"), help: "負責人健保卡號 (owner-card)") var cardNumber: String?
        @Option(name: .customLong("owner-birth-date"),
                help: "負責人出生日期 (owner-otp; the app's 6-digit code is read from $NHI_LOGIN_OTP, a prompt or standard input)")
        var ownerBirthDate: String?
        @Flag(name: .customLong("owner-is-administrator"), help: "負責人為管理者") var ownerIsAdministrator = false

        func run() throws {
            let service = try options.service()
            let id = try parsePersonalID(owner)
            let phones = try ContactPhones(landline: try landline.map { try LandlineNumber(parsing: Normalizer.text.normalize($0).value) },
                                           mobile: try mobile.map { try MobileNumber(parsing: Normalizer.text.normalize($0).value) })
            let unit = try InsuredUnit(code: UnitCode(parsing: Normalizer.identifier.normalize(code).value), name: name,
                                       ubn: try ubn.map { try UBN(parsing: Normalizer.identifier.normalize($0).value) },
                                       labourInsuranceNumber: try labourNumber.map { try LabourInsuranceNumber(parsing: Normalizer.identifier.normalize($0).value) },
                                       ownerID: id, ownerPhones: phones, email: EmailAddress(parsing: Normalizer.text.normalize(email).value),
                                       nhiOnly: nhiOnly)
            let registration: UnitRegistrationMethod
            switch method {
            case "certificate":
                guard let serial, let kind = CertificateKind(rawValue: certificateKind), kind.isOrganisation else {
                    throw ValidationError("--method certificate 需要 --serial 及 --certificate-kind moeaca|gca|xca")
                }
                registration = .organisationCertificate(OrganisationCertificateInfo(kind: kind, issuer: kind.label, subject: name,
                                                                                    serialNumber: serial, ubn: unit.ubn))
            case "owner-card":
                guard let cardNumber else { throw ValidationError("--method owner-card 需要 --card-number") }
                registration = .ownerNHICard(cardNumber: try NHICardNumber(parsing: Normalizer.identifier.normalize(cardNumber).value))
            case "owner-otp":
                registration = .ownerOTP
            default:
                throw ValidationError("--method: certificate | owner-card | owner-otp")
            }
            var proof: OwnerOTPProof?
            if method == "owner-otp" {
                guard let ownerBirthDate else { throw ValidationError("--method owner-otp 需要 --owner-birth-date — needs --owner-birth-date") }
                // The app's code: $NHI_LOGIN_OTP, a prompt or standard input — never the command line.
                proof = OwnerOTPProof(birthDate: try parseDate(ownerBirthDate),
                                      code: readSecret(prompt: "健保快易通動態密碼 app code: ", variable: "NHI_LOGIN_OTP"))
            }
            let (account, _) = try service.units.register(unit, method: registration, registrant: method == "certificate" ? nil : id,
                                                          ownerIsAdministrator: ownerIsAdministrator, ownerOTP: proof)
            output(account, json: options.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "投保單位基本資料 — Show a unit.")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "投保單位代號") var code: String

        func run() throws {
            let service = try options.service()
            output(try service.units.account(try UnitCode(parsing: Normalizer.identifier.normalize(code).value)), json: options.json)
        }
    }

    static func json(_ a: UnitAccount) -> JSONValue {
        .object([("code", .string(a.unit.code.rawValue)), ("name", .string(a.unit.name)), ("ubn", .string(a.unit.ubn?.rawValue)),
                 ("labourInsuranceNumber", .string(a.unit.labourInsuranceNumber?.rawValue)), ("nhiOnly", .bool(a.unit.nhiOnly)),
                 ("canFileThreeInOne", .bool(a.unit.canFileThreeInOne)), ("owner", .string(a.unit.ownerID.masked)),
                 ("email", .string(a.unit.email.rawValue)), ("method", .string(a.method.label)),
                 ("ownerIsAdministrator", .bool(a.ownerIsAdministrator)), ("agentUBNs", .array(a.agentUBNs.map { .string($0.rawValue) }))])
    }
}

private func output(_ account: UnitAccount, json: Bool) {
    if json { UnitCommand.json(account).printLine(); return }
    print("投保單位 unit \(account.unit.code)  \(account.unit.name)")
    print("  統一編號 UBN: \(account.unit.ubn?.rawValue ?? "-")   勞保證號: \(account.unit.labourInsuranceNumber?.rawValue ?? "-")   三合一: \(account.unit.canFileThreeInOne ? "可 yes" : "否 no")")
    print("  負責人 owner: \(account.unit.ownerID.masked)   註冊方式 registered by: \(account.method.label)")
}

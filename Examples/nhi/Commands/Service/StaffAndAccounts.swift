import ArgumentParser
import Foundation
import NHICore
import NHIService
#if canImport(Glibc)
import Glibc
#endif

/// Reads a secret (password, PIN) without echo: from `$variable` when set (for scripts),
/// else from the terminal with echo off, else the first line of standard input. Secrets
/// are never taken from the command line, where `ps` and shell history would show them.
func readSecret(prompt: String, variable: String) -> String {
    if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return value }
    if isatty(0) == 1 {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(0, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &silent)
        defer {
            tcsetattr(0, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine() ?? ""
    }
    return readLine() ?? ""
}

/// Warns that a secret was given on the command line (visible to `ps`, kept in shell history).
func warnDeprecatedSecretFlag(_ flag: String, variable: String) {
    printToStandardError("警告：\(flag) 已淘汰，命令列參數會被其他使用者以 ps 看到；請改用 $\(variable) 或標準輸入 — "
        + "warning: \(flag) is deprecated: other users see command-line arguments in ps; use $\(variable) or standard input")
}

/// `nhi service staff assign|delete|list`.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "管理者及承辦人 — Administrators and operators.",
                                                    subcommands: [Assign.self, Delete.self, List.self, Permissions.self])

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "單位管理者登錄作業 — Assign an administrator or operator.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "被指派人身分證號") var id: String
        @Option(help: "姓名") var name: String
        @Option(help: "administrator | operator") var role: String = "operator"
        @Option(help: "citizen | healthcareProfessional | nhiCard") var credential: String = "citizen"
        @Option(help: "自然人憑證序號") var serial: String?
        @Option(help: "聯絡電話") var landline: String?
        @Option(help: "行動電話") var mobile: String?
        @Option(help: "電子郵件信箱 (申報錯誤會通知此信箱)") var email: String
        @Flag(name: .customLong("no-enrolment-functions"), help: "不允許使用所有加退保業務功能") var noEnrolment = false
        @Option(name: .customLong("for-unit"), help: "代辦統編之投保單位 (organisation certificate only)") var forUnit: String?

        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            guard let role = StaffRole(rawValue: role), let credential = CertificateKind(rawValue: credential) else {
                throw ValidationError("--role administrator|operator, --credential citizen|healthcareProfessional|nhiCard")
            }
            let member = try service.staff.assign(StaffAssignment(
                personID: try parsePersonalID(id), name: try PersonName(name), role: role, credential: credential, certificateSerial: serial,
                phones: try ContactPhones(landline: try landline.map { try LandlineNumber(parsing: Normalizer.text.normalize($0).value) },
                                          mobile: try mobile.map { try MobileNumber(parsing: Normalizer.text.normalize($0).value) }),
                email: try EmailAddress(parsing: Normalizer.text.normalize(email).value), mayUseAllEnrolmentFunctions: !noEnrolment,
                forUnit: try forUnit.map { try UnitCode(parsing: $0) }), by: caller)
            StaffCommand.print([member], json: options.json)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "刪除指派 — Delete an assignment (staff leaving).")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "staff record ID") var staffID: Int64

        func run() throws {
            let service = try options.service()
            try service.staff.delete(staffID, by: try options.caller(service))
            if options.json { JSONValue.object([("deleted", .int(staffID))]).printLine() } else { Swift.print("已刪除 deleted #\(staffID)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "管理者及承辦人清單 — List staff (operators see themselves).")
        @OptionGroup var options: ServiceOptions

        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            StaffCommand.print(try service.staff.list(unit: caller.unitCode!, by: caller), json: options.json)
        }
    }

    /// `nhi service staff permissions`: what the acting session may do in its unit, by the
    /// service's own rule (the one it applies to every request), with the reason for each refusal.
    struct Permissions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "可執行的作業 — What the acting session may do in its unit (the service's rule), and why not.")
        @OptionGroup var options: ServiceOptions

        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            let permissions = try service.staff.permissions(of: caller)
            if options.json {
                let refused = UnitAction.allCases.compactMap { action in
                    permissions.refusals[action].map { error in
                        JSONValue.object([("action", .string(action.rawValue)), ("code", .string(error.code.rawValue)),
                                          ("message", .string(error.message)), ("messageEn", .string(error.messageEn))])
                    }
                }
                JSONValue.object([("unit", .string(permissions.unitCode.rawValue)), ("caller", .string(caller.description)),
                                  ("allowed", .array(UnitAction.allCases.filter(permissions.allows).map { .string($0.rawValue) })),
                                  ("refused", .array(refused))]).printLine()
                return
            }
            printTable(header: ["作業 action", "", "可否 allowed", "原因 reason"],
                       rows: UnitAction.allCases.map { action in
                           [action.label, action.rawValue, permissions.allows(action) ? "可 yes" : "否 no",
                            permissions.refusals[action].map { "\($0.message) / \($0.messageEn)" } ?? ""]
                       })
        }
    }

    static func print(_ members: [StaffMember], json: Bool) {
        if json {
            for m in members {
                JSONValue.object([("id", .int(m.id)), ("unit", .string(m.unitCode.rawValue)), ("person", .string(m.personID.masked)),
                                  ("name", .string(m.name.value)), ("role", .string(m.role.rawValue)), ("credential", .string(m.credential.rawValue)),
                                  ("email", .string(m.email.rawValue)), ("mayUseAllEnrolmentFunctions", .bool(m.mayUseAllEnrolmentFunctions))]).printLine()
            }
            return
        }
        printTable(header: ["#", "身分證號 ID", "姓名 name", "角色 role", "憑證 credential"],
                   rows: members.map { ["\($0.id)", $0.personID.masked, $0.name.value, $0.role.label, $0.credential.label] })
    }
}

/// `nhi service account …`: personal NHI-card online-service accounts.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "account", abstract: "健保卡網路服務註冊 — Personal online-service accounts.",
                                                    subcommands: [Register.self, Verify.self, Resend.self, Cancel.self, CheckPassword.self, Show.self,
                                                                  AccountResetRequest.self, AccountReset.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "註冊 — Register a card (password from $NHI_PASSWORD or a prompt).")
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String
        @Option(name: .customLong("card-number"), help: "健保卡號") var cardNumber: String
        @Option(help: "戶號") var household: String
        @Option(help: "戶籍鄉鎮里鄰") var village: String
        @Option(help: "電子郵件") var email: String
        @Option(help: "行動電話") var mobile: String?
        @Option(help: "聯絡電話") var landline: String?

        func run() throws {
            let service = try options.service()
            let password = try RegistrationPassword(readSecret(prompt: "註冊密碼 password: ", variable: "NHI_PASSWORD"))
            let token = try service.accounts.register(.init(
                personID: try parsePersonalID(id), cardNumber: try NHICardNumber(parsing: Normalizer.identifier.normalize(cardNumber).value),
                householdNumber: household, registeredVillage: village,
                phones: try ContactPhones(landline: try landline.map { try LandlineNumber(parsing: $0) }, mobile: try mobile.map { try MobileNumber(parsing: $0) }),
                email: try EmailAddress(parsing: email), password: password))
            if options.json {
                JSONValue.object([("status", .string("pendingVerification")), ("token", .string(token)), ("strength", .string(password.strength.label))]).printLine()
            } else {
                print("已送出認證信，請於5日內完成認證 — verification mail queued (5 days). token: \(token)  密碼強度 strength: \(password.strength.label)")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "電子信箱認證 — Verify with the token and the card (new password from $NHI_PASSWORD if needed).",
            discussion: """
                The token is read like a password: from $NHI_TOKEN, else a prompt with echo off, else the first line of \
                standard input (then the new password, with --set-password, from the next line). --token still works but \
                shows the token to `ps` and shell history; it prints a deprecation warning.
                """)
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String
        @Option(name: .customLong("card-number")) var cardNumber: String
        @Option(help: ArgumentHelp("已淘汰 Deprecated: visible to other users in `ps`; use $NHI_TOKEN or standard input.",
                                   visibility: .hidden)) var token: String?
        @Flag(name: .customLong("set-password"), help: "設定新的註冊密碼 (batch registrations)") var setPassword = false

        func run() throws {
            let service = try options.service()
            if token != nil { warnDeprecatedSecretFlag("--token", variable: "NHI_TOKEN") }
            let token = token ?? readSecret(prompt: "認證碼 verification token: ", variable: "NHI_TOKEN")
            let password = setPassword ? try RegistrationPassword(readSecret(prompt: "新的註冊密碼 new password: ", variable: "NHI_PASSWORD")) : nil
            try service.accounts.confirmEmail(token: token, personID: try parsePersonalID(id),
                                              cardNumber: try NHICardNumber(parsing: cardNumber), newPassword: password)
            if options.json { JSONValue.object([("status", .string("active"))]).printLine() } else { print("您已完成電子郵件信箱認證 — verified") }
        }
    }

    struct Resend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重寄認證信 — Resend the verification mail.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String
        @Option(help: "新的電子郵件") var email: String?

        func run() throws {
            let service = try options.service()
            let token = try service.accounts.resendVerification(personID: try parsePersonalID(id), email: try email.map { try EmailAddress(parsing: $0) })
            if options.json { JSONValue.object([("token", .string(token))]).printLine() } else { print("已重寄認證信 — resent. token: \(token)") }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "刪除註冊申請 — Cancel a pending registration.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String
        @Option(name: .customLong("card-number")) var cardNumber: String

        func run() throws {
            let service = try options.service()
            try service.accounts.cancel(personID: try parsePersonalID(id), cardNumber: try NHICardNumber(parsing: cardNumber))
            if options.json { JSONValue.object([("status", .string("cancelled"))]).printLine() } else { print("已刪除註冊申請 — cancelled") }
        }
    }

    struct CheckPassword: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check-password", abstract: "驗證註冊密碼 — Check a password ($NHI_PASSWORD or prompt).")
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String

        func run() throws {
            let service = try options.service()
            let result = try service.accounts.checkPassword(personID: try parsePersonalID(id),
                                                            password: readSecret(prompt: "註冊密碼 password: ", variable: "NHI_PASSWORD"))
            switch result {
            case .accepted:
                if options.json { JSONValue.object([("result", .string("accepted"))]).printLine() } else { print("密碼正確 — accepted") }
            case .rejected(let remaining):
                if options.json { JSONValue.object([("result", .string("rejected")), ("remaining", .int(remaining))]).printLine() }
                else { print("密碼不正確 (9039)，尚可再試\(remaining)次 — wrong password, \(remaining) tries left") }
                throw ExitStatus.invalid
            case .suspended(let until):
                if options.json { JSONValue.object([("result", .string("suspended")), ("until", .string(ISO8601DateFormatter().string(from: until)))]).printLine() }
                else { print("錯誤3次，暫停10分鐘至 \(ROCDate.timestamp(until)) — suspended until \(ROCDate.timestamp(until)) (Taiwan time)") }
                throw ExitStatus.invalid
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "註冊狀態 — Show anyone's account status and e-mail (--system, audited).")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "身分證號") var id: String

        func run() throws {
            try options.requireSystem()
            let service = try options.service()
            guard let account = try service.accounts.account(try parsePersonalID(id)) else { throw ServiceError(.accountNotRegistered) }
            if options.json {
                JSONValue.object([("person", .string(account.personID.masked)), ("status", .string(account.status.rawValue)),
                                  ("email", .string(account.email.rawValue)), ("registeredByUnit", .string(account.registeredByUnit?.rawValue))]).printLine()
            } else {
                print("\(account.personID.masked)  \(account.status.rawValue)  \(account.email.rawValue)")
            }
        }
    }
}

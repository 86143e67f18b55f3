import ArgumentParser
import Foundation
import NHICards
import NHICore
import NHILogin

/// `nhi login`: runs each login flow from a terminal against the local login store.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "登入 — Run a login flow: NHI card + password, certificate + PIN, app OTP, QR code / TW FidO.",
        discussion: """
            Passwords, PINs and codes are read from the terminal with echo off, or — for scripts — one \
            per line from standard input, or from NHI_LOGIN_PASSWORD / NHI_LOGIN_PIN / NHI_LOGIN_OTP, never \
            from the command line (`otp --code` still works, with a deprecation warning). They are never \
            printed. The login store (registration passwords, bound app devices, QR tokens) is --store, \
            else $NHI_LOGIN_STORE, else ~/.local/share/nhi/login-store.json; `nhi login register` and \
            `nhi-phone bind` fill it. With --json a successful login prints {"authenticated": true, \
            "method", "personId", "name", "unitCode", "ubn", "organisationCode", "certificateKind", \
            "credentialSerial", "authenticatedAt"}. Exit status 0 logged in, 1 refused, 2 usage error.
            """,
        subcommands: [LoginNHICard.self, LoginCertificate.self, LoginOTP.self, LoginQR.self, LoginRegister.self])
}

/// Options every login subcommand shares.
struct LoginCommonOptions: ParsableArguments {
    @Option(help: "登入資料檔 The login store file.")
    var store: String?

    @Option(name: .customLong("unit-code"), help: "以負責人身分登入此投保單位（需指派授權管理者） Act as the owner of this unit.")
    var unitCode: String?

    @Flag(help: "成功時輸出一行 JSON — one JSON object on success.")
    var json = false

    var loginStore: LoginFileStore { LoginFileStore(path: store ?? LoginFileStore.defaultPath) }

    func parsedUnitCode() throws -> UnitCode? {
        try unitCode.map { try UnitCode(parsing: $0) }
    }

    func report(_ state: some LoginOutcome) throws {
        switch state.outcome {
        case .success(let identity):
            let out = ByteOutput()
            if json {
                var object = JSONObject()
                object["authenticated"] = .bool(true)
                object["method"] = .string(identity.method.rawValue)
                object["personId"] = .text(identity.personID?.rawValue)
                object["name"] = .text(identity.name)
                object["unitCode"] = .text(identity.unitCode?.rawValue)
                object["ubn"] = .text(identity.ubn)
                object["organisationCode"] = .text(identity.organisationCode)
                object["certificateKind"] = .text(identity.certificateKind?.rawValue)
                object["credentialSerial"] = .text(identity.credentialSerial)
                object["unitAdministrator"] = .bool(identity.isUnitAdministrator)
                object["authenticatedAt"] = .string(identity.authenticatedAt.formatted(.iso8601))
                object.writeLine(to: out)
            } else {
                let who = identity.personID.map { "\(identity.name ?? "") \($0.masked)" } ?? (identity.name ?? "")
                out.write("登入成功 Logged in: \(who) — \(identity.method.label)")
                if let unit = identity.unitCode { out.write("，投保單位 unit \(unit)") }
                out.write("\n")
                out.flush()
            }
        case .failure(let error):
            throw error
        }
    }
}

/// A flow's final state, as success or failure.
protocol LoginOutcome {
    var outcome: Result<AuthenticatedIdentity, LoginError> { get }
}

extension NHICardLogin.State: LoginOutcome {
    var outcome: Result<AuthenticatedIdentity, LoginError> {
        switch self {
        case .authenticated(let identity): .success(identity)
        case .failed(let error): .failure(error)
        default: .failure(LoginError(.unexpectedEvent, detail: "flow stopped early"))
        }
    }
}

extension CertificateLogin.State: LoginOutcome {
    var outcome: Result<AuthenticatedIdentity, LoginError> {
        switch self {
        case .authenticated(let identity): .success(identity)
        case .failed(let error): .failure(error)
        default: .failure(LoginError(.unexpectedEvent, detail: "flow stopped early"))
        }
    }
}

extension OTPLogin.State: LoginOutcome {
    var outcome: Result<AuthenticatedIdentity, LoginError> {
        switch self {
        case .authenticated(let identity): .success(identity)
        case .failed(let error): .failure(error)
        default: .failure(LoginError(.unexpectedEvent, detail: "flow stopped early"))
        }
    }
}

extension QRLogin.State: LoginOutcome {
    var outcome: Result<AuthenticatedIdentity, LoginError> {
        switch self {
        case .authenticated(let identity): .success(identity)
        case .failed(let error): .failure(error)
        case .expired: .failure(LoginError(.tokenExpired))
        default: .failure(LoginError(.unexpectedEvent, detail: "flow stopped early"))
        }
    }
}

/// Shows a recoverable error (wrong password with tries left) before asking again.
func showRetry(_ error: LoginError?) {
    if let error { printError(error) }
}

/// The reader to use: the named one, else the only reader holding a card.
func chooseReader(_ name: String?, context: PCSCContext) async throws -> String {
    if let name { return name }
    let withCards = try await context.readers().filter { if case .empty = $0.slot { false } else { true } }
    guard let first = withCards.first else { throw CardError(.cardAbsent) }
    guard withCards.count == 1 else {
        throw ValidationError("卡片在多台讀卡機中，請以 --reader 指定 cards in several readers (\(withCards.map(\.name).joined(separator: ", "))); give --reader")
    }
    return first.name
}

/// `nhi login nhi-card`.
struct LoginNHICard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-card", abstract: "健保卡 + 註冊密碼 — NHI card and registration password.")

    @Option(help: "讀卡機名稱 Reader (default: the one holding a card).") var reader: String?
    @OptionGroup var common: LoginCommonOptions

    func run() async throws {
        let context = PCSCContext()
        let readerName = try await chooseReader(reader, context: context)
        var flow = NHICardLogin(actingAsOwnerOf: try common.parsedUnitCode())
        let secrets = SecretInput(environment: "NHI_LOGIN_PASSWORD")
        let state = await flow.run(reader: readerName, context: context, verifier: common.loginStore) { card, previous in
            showRetry(previous)
            return secrets.next(prompt: "\(card.name) \(card.id.masked) 註冊密碼 Registration password: ")
        }
        await context.disconnectAll()
        try common.report(state)
    }
}

/// `nhi login certificate`.
struct LoginCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate", abstract: "憑證 + PIN — Citizen, healthcare-professional or organisation certificate and PIN.",
        discussion: """
            The certificate is read from the card (no PIN) and checked first: an expired or not-yet-valid \
            certificate (66501), a foreign issuer, or a citizen certificate whose last 4 ID digits differ \
            from --id is refused before any PIN is asked. The PIN and the signature go through the PKCS#11 \
            module (--pkcs11-module, else $NHI_PKCS11_MODULE, else libHicos_p11.so), or with --card-pin \
            straight to the card (the emulator's certificate profile).
            """)

    @Option(help: "讀卡機名稱 Reader (default: the one holding a card).") var reader: String?
    @Option(help: "帳號身分證號 The account's ID (needed for citizen certificates).") var id: String?
    @Option(help: "PKCS#11 module path.") var pkcs11Module: String?
    @Option(help: "PKCS#11 token label (default: the first token).") var tokenLabel: String?
    @Flag(help: "Verify the PIN and sign on the card itself (ISO 7816 VERIFY / PSO), not through PKCS#11.") var cardPin = false
    @OptionGroup var common: LoginCommonOptions

    func run() async throws {
        let account = try id.map { try PersonalID(parsing: $0) }
        let context = PCSCContext()
        let readerName = try await chooseReader(reader, context: context)
        let token: any SigningToken
        if cardPin {
            token = CardPINToken(card: try await context.connection(to: readerName))
        } else {
            let module = try PKCS11Module.load(pkcs11Module ?? PKCS11Module.configuredPath)
            token = try PKCS11Token.find(in: module, label: tokenLabel)
        }
        var flow = CertificateLogin(account: account, unitCode: try common.parsedUnitCode())
        let secrets = SecretInput(environment: "NHI_LOGIN_PIN")
        let state = await flow.run(reader: readerName, context: context, token: token, issuer: CertificateChallengeIssuer()) { certificate, status, previous in
            showRetry(previous)
            let tries = status.knownRemainingTries.map { "（剩餘 \($0) 次 \($0) left）" } ?? ""
            return secrets.next(prompt: "\(certificate.holderName) 憑證PIN碼 PIN\(tries): ")
        }
        await context.disconnectAll()
        try common.report(state)
    }
}

/// `nhi login otp`.
struct LoginOTP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otp", abstract: "健保快易通 OTP — NHI-app one-time code (valid 3 minutes).")

    @Option(help: "身分證號 National ID or resident number.") var id: String
    @Option(help: "出生日期 Birth date, ROC (0850504, 85/05/04) or YYYY-MM-DD.") var birthDate: String
    @Option(help: ArgumentHelp("已淘汰 Deprecated: visible to other users in `ps`; the code is read from $NHI_LOGIN_OTP, a prompt or standard input.",
                               visibility: .hidden)) var code: String?
    @OptionGroup var common: LoginCommonOptions

    func run() async throws {
        if code != nil { warnDeprecatedSecretFlag("--code", variable: "NHI_LOGIN_OTP") }
        var flow = OTPLogin(id: try PersonalID(parsing: id), birthDate: try parseBirthDate(birthDate), actingAsOwnerOf: try common.parsedUnitCode())
        let secrets = SecretInput(environment: "NHI_LOGIN_OTP")
        var given = code
        let state = await flow.run(verifier: common.loginStore) { previous in
            showRetry(previous)
            if let value = given {
                given = nil
                return value
            }
            if code != nil { return nil }
            return secrets.next(prompt: "OTP驗證碼 OTP code: ")
        }
        try common.report(state)
    }
}

/// `nhi login qr`.
struct LoginQR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr", abstract: "QR Code / TW FidO — show a one-time code (2:55) and wait for the phone.",
        discussion: """
            Prints the QR payload (nhilogin:v1:<app>:<token>:<expires>) on one line — with --json as \
            {"qrPayload", "expiresAt"} — then waits until the phone confirms (nhi-phone confirm), the \
            code expires, or --regenerate codes have run out.
            """)

    @Option(help: "身分證號 National ID or resident number.") var id: String
    @Option(help: "出生日期 Birth date, ROC or YYYY-MM-DD.") var birthDate: String
    @Option(help: "nhi-app (健保快易通) or tw-fido (行動自然人憑證).") var app: String = "nhi-app"
    @Option(help: "Replace an expired code this many times.") var regenerate: Int = 0
    @OptionGroup var common: LoginCommonOptions

    func run() async throws {
        guard let confirmingApp = ConfirmingApp(rawValue: app) else { throw ValidationError("--app must be nhi-app or tw-fido") }
        var flow = QRLogin(app: confirmingApp, id: try PersonalID(parsing: id), birthDate: try parseBirthDate(birthDate),
                           actingAsOwnerOf: try common.parsedUnitCode())
        let asJSON = common.json
        let state = await flow.run(service: common.loginStore, interval: .milliseconds(250), regenerateOnExpiry: regenerate) { token in
            let out = ByteOutput()
            if asJSON {
                var object = JSONObject()
                object["qrPayload"] = .string(token.payload.description)
                object["expiresAt"] = .string(token.expiresAt.formatted(.iso8601))
                object.writeLine(to: out)
            } else {
                out.write(token.payload.description + "\n")
                out.flush()
                printToStandardError("請以\(confirmingApp == .nhiApp ? "健保快易通" : "TW FidO")掃描 QR Code，有效時間 2:55 — scan with the app within 2:55")
            }
        }
        try common.report(state)
    }
}

/// `nhi login register`: stores a registration password for the card in the reader (what
/// the NHI-card online-service registration does), in the local login store.
struct LoginRegister: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "註冊健保卡密碼 — Register the card's password in the local login store.")

    @Option(help: "讀卡機名稱 Reader (default: the one holding a card).") var reader: String?
    @Option(help: "此人為負責人的投保單位 Units this person owns.") var owns: [String] = []
    @Option(help: "登入資料檔 The login store file.") var store: String?

    func run() async throws {
        let context = PCSCContext()
        let readerName = try await chooseReader(reader, context: context)
        let card = try await NHICardReader(context).readIdentity(reader: readerName)
        await context.disconnectAll()
        let secrets = SecretInput(environment: "NHI_LOGIN_PASSWORD")
        guard let text = secrets.next(prompt: "\(card.name) \(card.id.masked) 設定註冊密碼 New registration password: ") else {
            throw ValidationError("未輸入密碼 no password given")
        }
        let password = try RegistrationPassword(text)
        try LoginFileStore(path: store ?? LoginFileStore.defaultPath)
            .registerPassword(password, for: card.id, name: card.name.value, birthDate: card.birthDate.gregorian,
                              ownedUnits: try owns.map { try UnitCode(parsing: $0) })
        printToStandardError("已註冊 registered: \(card.name) \(card.id.masked)，密碼強度 strength \(password.strength.label) \(password.strength.labelEn)")
    }
}

/// A birth date in ROC form (`0850504`, `85/05/04`, `民國85年5月4日`) or `YYYY-MM-DD`: the
/// CLI's one date-option parser, ``parseDate(_:)``.
func parseBirthDate(_ text: String) throws -> CalendarDate {
    try parseDate(text)
}

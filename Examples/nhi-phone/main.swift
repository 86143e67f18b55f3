import ArgumentParser
import Foundation
import NHICore
import NHILogin

/// `nhi-phone`: plays the phone's part of the app logins — the NHI app (健保快易通) and
/// TW FidO. It binds a device (裝置認證), shows the app's OTP code, and confirms a
/// scanned QR login through the confirmation API (here: the local login store).
struct Phone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-phone",
        abstract: "模擬手機 App — The phone's side of NHI-app and TW FidO logins.",
        subcommands: [Bind.self, OTPCode.self, Confirm.self])

    struct StoreOption: ParsableArguments {
        @Option(help: "登入資料檔 The login store (else $NHI_LOGIN_STORE, else ~/.local/share/nhi/login-store.json).")
        var store: String?
        var loginStore: LoginFileStore { LoginFileStore(path: store ?? LoginFileStore.defaultPath) }
    }

    /// `nhi-phone bind`: 裝置認證 — binds this "phone" to a person; prints the TOTP secret.
    struct Bind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "裝置認證 — Bind the phone to a person (prints the OTP secret).")
        @Option(help: "身分證號 National ID or resident number.") var id: String
        @Option(help: "出生日期 Birth date, ROC (0850504) or YYYY-MM-DD.") var birthDate: String
        @Option(help: "姓名 Name.") var name: String?
        @Option(help: "此人為負責人的投保單位 Units this person owns.") var owns: [String] = []
        @OptionGroup var store: StoreOption

        func run() async throws {
            let person = try PersonalID(parsing: id)
            let secret = try store.loginStore.bindDevice(for: person, birthDate: try birth(birthDate), name: name,
                                                         ownedUnits: try owns.map { try UnitCode(parsing: $0) })
            let base32 = TOTP.base32Encode(secret)
            print(base32)
            FileHandle.standardError.write(Data("已完成裝置認證 bound: \(person.masked)\notpauth://totp/NHI:\(person.masked)?secret=\(base32)&issuer=NHI&algorithm=SHA1&digits=6&period=30\n".utf8))
        }
    }

    /// `nhi-phone otp`: the code the app shows now.
    struct OTPCode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "otp", abstract: "產製OTP驗證碼 — Print the app's current OTP code.")
        @Option(help: "身分證號 (the secret comes from the store).") var id: String?
        @Option(help: "The base32 secret instead of the store.") var secret: String?
        @Option(help: "The time as Unix seconds (default now).") var time: Double?
        @OptionGroup var store: StoreOption

        func run() async throws {
            let bytes: [UInt8]
            if let secret {
                guard let decoded = TOTP.base32Decode(secret), !decoded.isEmpty else { throw ValidationError("--secret is not base32") }
                bytes = decoded
            } else if let id {
                guard let stored = try store.loginStore.deviceSecret(for: try PersonalID(parsing: id)) else {
                    throw LoginError(.deviceNotBound)
                }
                bytes = stored
            } else {
                throw ValidationError("give --id or --secret")
            }
            print(TOTP(secret: bytes).code(at: time.map { Date(timeIntervalSince1970: $0) } ?? Date()))
        }
    }

    /// `nhi-phone confirm`: scan a login QR code and confirm it as the bound person.
    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "掃描並確認登入 — Confirm a login QR code as this phone's person.")
        @Option(help: "此手機綁定的身分證號 The ID this phone's app is bound to.") var id: String
        @Argument(help: "The scanned QR payload (nhilogin:v1:…).") var payload: String
        @OptionGroup var store: StoreOption

        func run() async throws {
            let scanned = try LoginQRPayload(parsing: payload)
            try await store.loginStore.confirm(scanned.token, by: scanned.app, as: try PersonalID(parsing: id), at: Date())
            print("confirmed")
        }
    }
}

func birth(_ text: String) throws -> CalendarDate { try CalendarDate(parsingISOOrROC: text) }

extension AsyncParsableCommand {
    /// Runs the command's `async` entry point (an existential call would pick the sync one).
    mutating func runAsync() async throws { try await run() }
}

do {
    var command = try Phone.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.runAsync()
    } else {
        try command.run()
    }
} catch let error as any CodedError {
    FileHandle.standardError.write(Data("錯誤 [\(error.errorCode)] \(error.message)\nerror [\(error.errorCode)] \(error.messageEn)\n".utf8))
    exit(1)
} catch {
    Phone.exit(withError: error)
}

import Foundation

/// The kiosk's settings, kept in `$XDG_CONFIG_HOME/nhi/kiosk.json`.
///
/// JSON keys: `readerName`, `pkcs11ModulePath`, `databasePath`, `language` (`zh-Hant` or
/// `en`), `idleTimeoutSeconds`. Missing keys take their defaults, so an older file keeps
/// working; `null` and empty strings mean "use the default".
public struct KioskSettings: Sendable, Hashable, Codable {
    /// The PC/SC reader for cards (nil: the first reader).
    public var readerName: String?
    /// The certificate issuer's PKCS#11 module (e.g. `/usr/lib/libHicos_p11.so`; nil: none).
    public var pkcs11ModulePath: String?
    /// The local SQLite store (nil: the SDK's default location).
    public var databasePath: String?
    public var language: Language
    /// Seconds without input before the kiosk locks and wipes personal data.
    public var idleTimeoutSeconds: Int

    /// Allowed idle timeouts: half a minute to half an hour.
    public static let idleTimeoutRange = 30...1800
    /// Two minutes.
    public static let defaultIdleTimeoutSeconds = 120

    public init(readerName: String? = nil, pkcs11ModulePath: String? = nil, databasePath: String? = nil,
                language: Language = .traditionalChinese, idleTimeoutSeconds: Int = defaultIdleTimeoutSeconds) {
        self.readerName = readerName
        self.pkcs11ModulePath = pkcs11ModulePath
        self.databasePath = databasePath
        self.language = language
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case readerName, pkcs11ModulePath, databasePath, language, idleTimeoutSeconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            guard let value = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        readerName = try text(.readerName)
        pkcs11ModulePath = try text(.pkcs11ModulePath)
        databasePath = try text(.databasePath)
        if let tag = try container.decodeIfPresent(String.self, forKey: .language) {
            guard let language = Language(tag: tag) else { throw KioskError(.settingsLanguage, subject: "language", input: tag) }
            self.language = language
        } else {
            language = .traditionalChinese
        }
        let idle = try container.decodeIfPresent(Int.self, forKey: .idleTimeoutSeconds) ?? Self.defaultIdleTimeoutSeconds
        guard Self.idleTimeoutRange.contains(idle) else {
            throw KioskError(.idleTimeoutRange, subject: "idleTimeoutSeconds", input: String(idle))
        }
        idleTimeoutSeconds = idle
    }
}

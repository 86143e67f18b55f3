import NHICore

/// The one error type of the kiosk's own logic: start-up options, the settings file and
/// settings fields. Errors from the SDK keep their own types and codes; the kiosk shows
/// them through ``PresentableError``.
///
/// Equality compares codes only, like every error type of the project.
public struct KioskError: CodedError, Hashable {
    /// A stable, dotted code (`settings.pathNotAbsolute`).
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
    }

    /// Which rule was broken.
    public let code: Code
    /// The option, settings key or file the error is about (`--lang`, `pkcs11ModulePath`, a path).
    public let subject: String?
    /// The offending value, when it is not secret.
    public let input: String?
    /// Traditional Chinese message.
    public let message: String
    /// English message.
    public let messageEn: String

    /// An error with the catalogue's message, prefixed with its subject.
    public init(_ code: Code, subject: String? = nil, input: String? = nil) {
        self.code = code
        self.subject = subject
        self.input = input
        let entry = Self.catalog.first { $0.code == code }
        let zh = entry?.zh ?? code.rawValue
        let en = entry?.en ?? code.rawValue
        let shown = input.map { "「\($0)」" } ?? ""
        let shownEn = input.map { " (\"\($0)\")" } ?? ""
        message = (subject.map { "\($0)：" } ?? "") + zh + shown
        messageEn = (subject.map { "\($0): " } ?? "") + en + shownEn
    }

    public var errorCode: String { code.rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension KioskError.Code {
    public static let optionUnknown: Self = "options.unknown"
    public static let optionMissingValue: Self = "options.missingValue"
    public static let optionLanguage: Self = "options.language"
    public static let optionIdleTimeout: Self = "options.idleTimeout"
    /// `options.serviceURL`: `--service` is not an https:// URL (http:// only on loopback).
    public static let optionServiceURL: Self = "options.serviceURL"
    /// `options.serviceAndDatabase`: `--service` and `--db` were both given.
    public static let optionServiceAndDatabase: Self = "options.serviceAndDatabase"
    public static let settingsUnreadable: Self = "settings.unreadable"
    public static let settingsMalformed: Self = "settings.malformed"
    public static let settingsUnwritable: Self = "settings.unwritable"
    public static let settingsLanguage: Self = "settings.language"
    public static let pathNotAbsolute: Self = "settings.pathNotAbsolute"
    public static let fileMissing: Self = "settings.fileMissing"
    public static let directoryMissing: Self = "settings.directoryMissing"
    public static let idleTimeoutRange: Self = "settings.idleTimeoutRange"
    public static let fieldRequired: Self = "form.required"
    public static let wholeNumber: Self = "form.wholeNumber"
    public static let fileUnreadable: Self = "form.fileUnreadable"
    public static let serviceMissing: Self = "flow.serviceMissing"
    public static let sessionMissing: Self = "flow.sessionMissing"
    public static let nothingSelected: Self = "flow.nothingSelected"
    public static let passwordMismatch: Self = "form.passwordMismatch"
    public static let unexpected: Self = "kiosk.unexpected"
    public static let rangeReversed: Self = "form.rangeReversed"
    public static let fileTooLarge: Self = "form.fileTooLarge"
}

extension KioskError {
    /// Every code with its messages (`nhi error-codes` lists them).
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.optionUnknown, "不認得的啟動參數", "unknown option"),
        (.rangeReversed, "起日（起月）不可晚於迄日（迄月）", "the start may not be after the end"),
        (.fileTooLarge, "檔案超過 5 MB，請分批處理", "the file is larger than 5 MB: split it"),
        (.optionMissingValue, "此參數需要一個值", "this option needs a value"),
        (.optionLanguage, "語言只能是 zh-Hant 或 en", "the language must be zh-Hant or en"),
        (.optionIdleTimeout, "閒置秒數必須是 1 以上的整數", "the idle timeout must be a whole number of seconds, 1 or more"),
        (.optionServiceAndDatabase, "--service 與 --db 不可同時使用：經由服務主機時本機不開資料庫", "--service and --db exclude each other: through the server the kiosk opens no database"),
        (.optionServiceURL, "服務主機網址須為 https://（本機測試可用 http://127.0.0.1）", "the service URL must be https:// (http:// on loopback only)"),
        (.settingsUnreadable, "無法讀取設定檔", "the settings file cannot be read"),
        (.settingsMalformed, "設定檔格式錯誤（應為 JSON 物件）", "the settings file is not a valid JSON object"),
        (.settingsUnwritable, "無法寫入設定檔", "the settings file cannot be written"),
        (.settingsLanguage, "語言只能是 zh-Hant 或 en", "the language must be zh-Hant or en"),
        (.pathNotAbsolute, "請輸入完整路徑（以 / 開頭）", "enter an absolute path (starting with /)"),
        (.fileMissing, "找不到這個檔案", "no such file"),
        (.directoryMissing, "所在資料夾不存在", "the folder does not exist"),
        (.idleTimeoutRange, "閒置鎖定秒數須介於 \(KioskSettings.idleTimeoutRange.lowerBound) 到 \(KioskSettings.idleTimeoutRange.upperBound) 之間",
         "the idle lock must be between \(KioskSettings.idleTimeoutRange.lowerBound) and \(KioskSettings.idleTimeoutRange.upperBound) seconds"),
        (.fieldRequired, "此欄位必填", "this field is required"),
        (.wholeNumber, "請輸入整數", "enter a whole number"),
        (.fileUnreadable, "無法讀取這個檔案", "the file cannot be read"),
        (.serviceMissing, "本機健保服務尚未接上（需要 SDK 模組 NHIService），無法辦理", "the local NHI service is not connected (it needs the SDK module NHIService)"),
        (.sessionMissing, "登入身分沒有服務授權，請登出後重新登入", "the sign-in carries no service session: sign out and sign in again"),
        (.nothingSelected, "請至少勾選一筆資料", "select at least one row"),
        (.passwordMismatch, "兩次輸入的密碼不一致", "the two passwords differ"),
        (.unexpected, "發生未預期的錯誤", "an unexpected error occurred"),
    ]
}

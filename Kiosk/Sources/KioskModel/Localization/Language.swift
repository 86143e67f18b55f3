/// The kiosk's display language: Traditional Chinese by default, English on request.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    /// 繁體中文 (zh-Hant), the default.
    case traditionalChinese = "zh-Hant"
    /// English.
    case english = "en"

    /// The other language (what the header's switch offers).
    public var other: Language { self == .traditionalChinese ? .english : .traditionalChinese }

    /// The language's own name: `中文` / `English` (the switch's label).
    public var nativeName: String { self == .traditionalChinese ? "中文" : "English" }

    /// Parses `zh-Hant` / `zh-TW` / `zh` / `en` (case-insensitive); nil for anything else.
    public init?(tag: String) {
        switch tag.lowercased() {
        case "zh-hant", "zh-tw", "zh_tw", "zh", "zh-hant-tw": self = .traditionalChinese
        case "en", "en-us", "en-gb", "en_us": self = .english
        default: return nil
        }
    }

    /// Picks the string for this language.
    @inlinable
    public func pick(_ zh: String, _ en: String) -> String { self == .traditionalChinese ? zh : en }
}

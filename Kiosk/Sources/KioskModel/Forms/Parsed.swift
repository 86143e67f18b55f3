import NHICore

/// A form field's text after the SDK's parser has looked at it: nothing typed yet, a
/// value, or the parser's error (with its code and bilingual message, ready to show under
/// the field).
public enum Parsed<Value: Sendable & Hashable>: Sendable, Hashable {
    case empty
    case valid(Value)
    case invalid(PresentableError)

    /// The value, when valid.
    public var value: Value? { if case .valid(let value) = self { value } else { nil } }

    /// The parser's error, when invalid.
    public var error: PresentableError? { if case .invalid(let error) = self { error } else { nil } }

    /// Whether nothing was typed.
    public var isEmpty: Bool { self == .empty }

    /// The error to show under the field: the parser's, or "required" once the form was
    /// submitted with the field empty.
    public func shownError(required: Bool, attempted: Bool, caption: Text) -> PresentableError? {
        switch self {
        case .invalid(let error): error
        case .empty where required && attempted: PresentableError(KioskError(.fieldRequired, subject: caption.localized(.traditionalChinese)))
        case .empty, .valid: nil
        }
    }
}

/// The NHICore parsers the kiosk's forms use, each after the matching normaliser, so that
/// full-width digits, spaces and lower-case letters typed at the counter are accepted the
/// same way the SDK accepts them in files.
public enum FieldParser {
    private static func parse<Value>(_ text: String, _ normalizer: Normalizer,
                                     _ body: (String) throws(ValidationError) -> Value) -> Parsed<Value> {
        let value = normalizer.normalize(text).value
        guard !value.isEmpty else { return .empty }
        do { return .valid(try body(value)) } catch { return .invalid(PresentableError(error)) }
    }

    /// 身分證號或居留證號 (national or resident ID).
    public static func personalID(_ text: String) -> Parsed<PersonalID> {
        parse(text, .identifier) { text throws(ValidationError) in try PersonalID(parsing: text) }
    }

    /// A ROC date (`1150105`, `115/01/05`, `民國115年1月5日`) as a calendar date.
    public static func rocDate(_ text: String) -> Parsed<CalendarDate> {
        parse(text, .text) { text throws(ValidationError) in try ROCDate(parsing: text).gregorian }
    }

    /// A ROC month (`11510`, `115/10`, `民國115年10月`).
    public static func rocMonth(_ text: String) -> Parsed<ROCMonth> {
        parse(text, .text) { text throws(ValidationError) in try ROCMonth(parsing: text) }
    }

    /// An amount of money (`36300`, `36,300`, `NT$36,300`).
    public static func money(_ text: String) -> Parsed<Money> {
        parse(text, .text) { text throws(ValidationError) in try Money(parsing: text) }
    }

    /// A person's name (＊ for a character the font lacks).
    public static func name(_ text: String) -> Parsed<PersonName> {
        parse(text, Normalizer(steps: [.trim])) { text throws(ValidationError) in try PersonName(text) }
    }

    /// A mobile number (`0912-345-678`).
    public static func mobile(_ text: String) -> Parsed<MobileNumber> {
        parse(text, .text) { text throws(ValidationError) in try MobileNumber(parsing: text) }
    }

    /// A landline (`02-23456789`, `03-1234567#123`).
    public static func landline(_ text: String) -> Parsed<LandlineNumber> {
        parse(text, .text) { text throws(ValidationError) in try LandlineNumber(parsing: text) }
    }

    /// An e-mail address.
    public static func email(_ text: String) -> Parsed<EmailAddress> {
        parse(text, .text) { text throws(ValidationError) in try EmailAddress(parsing: text) }
    }

    /// 投保單位代號 (9 characters).
    public static func unitCode(_ text: String) -> Parsed<UnitCode> {
        parse(text, .identifier) { text throws(ValidationError) in try UnitCode(parsing: text) }
    }

    /// 統一編號 (8 digits with their check).
    public static func ubn(_ text: String) -> Parsed<UBN> {
        parse(text, .identifier) { text throws(ValidationError) in try UBN(parsing: text) }
    }

    /// 勞(農)保證號 (8 digits and a check letter).
    public static func labourInsuranceNumber(_ text: String) -> Parsed<LabourInsuranceNumber> {
        parse(text, .identifier) { text throws(ValidationError) in try LabourInsuranceNumber(parsing: text) }
    }

    /// A whole number (pension rates in per cent); the SDK checks the allowed range.
    public static func wholeNumber(_ text: String, subject: Text) -> Parsed<Int> {
        let value = Normalizer.text.normalize(text).value
        guard !value.isEmpty else { return .empty }
        guard let number = Int(value), number >= 0 else {
            return .invalid(PresentableError(KioskError(.wholeNumber, subject: subject.localized(.traditionalChinese), input: value)))
        }
        return .valid(number)
    }
}

/// The decoded facts ValueCheck reports for a valid ID, as a short hint under the field
/// (`男性・臺北市` / `male · Taipei City`); nil for invalid input.
public func idHint(_ text: String, _ language: Language) -> String? {
    let check = ValueCheck.check(Normalizer.identifier.normalize(text).value)
    guard check.isValid, check.kind == .nationalID || check.kind == .residentID else { return nil }
    var zh: [String] = [], en: [String] = []
    for (key, value) in check.details {
        guard case .string(let text) = value else { continue }
        switch key {
        case "sex":
            zh.append(text == "M" ? "男性" : "女性")
            en.append(text == "M" ? "male" : "female")
        case "region": zh.append(text)
        case "regionEn": en.append(text)
        case "categoryLabel": zh.append(text)
        default: break
        }
    }
    return language.pick(zh.joined(separator: "・"), en.joined(separator: " · "))
}

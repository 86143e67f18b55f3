/// The kinds of value ``ValueCheck`` can check: every identifier, contact and date type
/// of NHICore under one name, for forms, files and the `nhi validate` command.
public enum ValueKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// `national-id`: a national ID (身分證字號), ``NationalID``.
    case nationalID = "national-id"
    /// `resident-id`: a resident certificate number (居留證統一證號), ``ResidentID``.
    case residentID = "resident-id"
    /// `ubn`: a unified business number (統一編號), ``UBN``.
    case ubn
    /// `unit-code`: an insured-unit code (投保單位代號), ``UnitCode``.
    case unitCode = "unit-code"
    /// `labour-insurance-number`: a labour-insurance number (勞保證號), ``LabourInsuranceNumber``.
    case labourInsuranceNumber = "labour-insurance-number"
    /// `nhi-card-number`: an NHI card number (健保卡號), ``NHICardNumber``.
    case nhiCardNumber = "nhi-card-number"
    /// `certificate-card-number`: a certificate card number (憑證卡號), ``CertificateCardNumber``.
    case certificateCardNumber = "certificate-card-number"
    /// `mobile`: a mobile number (行動電話), ``MobileNumber``.
    case mobile
    /// `landline`: a landline number (聯絡電話), ``LandlineNumber``.
    case landline
    /// `email`: an e-mail address (電子郵件), ``EmailAddress``.
    case email
    /// `roc-date`: an ROC date (民國日期), ``ROCDate``.
    case rocDate = "roc-date"
    /// `password`: a registration password (註冊密碼), ``RegistrationPassword``; never echoed, never detected.
    case password

    /// The normaliser that suits this kind.
    public var normalizer: Normalizer {
        switch self {
        case .nationalID, .residentID, .ubn, .unitCode, .labourInsuranceNumber, .nhiCardNumber, .certificateCardNumber:
            .identifier
        case .mobile, .landline, .email, .rocDate:
            .text
        case .password:
            Normalizer(steps: [])
        }
    }

    /// Whether the value is secret and must never be echoed.
    public var isSecret: Bool { self == .password }

    /// Guesses the kind of a value from its shape (never ``password``). Returns nil when
    /// nothing fits.
    public static func detect(_ input: String) -> ValueKind? {
        let text = Normalizer.text.normalize(input).value
        if text.contains("@") { return .email }
        if text.contains("年") || text.hasPrefix("民國") { return .rocDate }
        let id = Normalizer.identifier.normalize(input).value
        let b = Array(id.utf8)
        let digits = b.allSatisfy(IDChecksum.isDigit)
        if b.count == 10 && IDChecksum.isUpper(b[0]) {
            if b[1] == 0x31 || b[1] == 0x32 { return .nationalID }
            if b[1] == 0x38 || b[1] == 0x39 || (b[1] >= 0x41 && b[1] <= 0x44) { return .residentID }
        }
        if b.count == 9 && b.prefix(8).allSatisfy(IDChecksum.isDigit) && IDChecksum.isUpper(b[8]) { return .labourInsuranceNumber }
        if b.count == 16 && IDChecksum.isUpper(b[0]) { return .certificateCardNumber }
        let phoneish = text.allSatisfy { "0123456789-+() #".contains($0) } || text.lowercased().contains("ext") || text.contains("分機")
        if digits {
            switch b.count {
            case 5, 7: return .rocDate
            case 8: return .ubn
            case 9 where b.first != 0x30: return .unitCode
            case 12: return .nhiCardNumber
            default: break
            }
            if b.first == 0x30 && b.dropFirst().first == 0x39 { return .mobile }
            if b.first == 0x30 { return .landline }
            if b.count == 9 { return .unitCode }
        }
        if text.contains("/") && text.split(separator: "/").count >= 2 { return .rocDate }
        if phoneish && text.contains(where: \.isNumber) {
            let stripped = text.filter(\.isNumber)
            return stripped.hasPrefix("09") || stripped.hasPrefix("8869") ? .mobile : .landline
        }
        return nil
    }
}

/// A decoded fact about a checked value (`sex: "M"`, `region: "臺北市"`).
public enum DetailValue: Sendable, Hashable {
    /// Text, such as the issuing region of an ID (`region`) or its holder's sex (`sex`, `M`).
    case string(String)
    /// A yes/no fact, such as whether a UBN passes the pre-2023 rule.
    case bool(Bool)
    /// A number, such as the ROC year of a date (`rocYear`).
    case int(Int)
}

/// The outcome of checking one value of a ``ValueKind``: normalised form, decoded details
/// and errors. This is what `nhi validate --json` prints and what the kiosk's live field
/// validation shows.
public struct ValueCheck: Sendable, Hashable {
    /// The input as given (`******` for secrets).
    public let input: String
    /// The kind checked, or nil when auto-detection found none.
    public let kind: ValueKind?
    /// The normalised, canonical value when valid (nil for secrets and invalid values).
    public let normalized: String?
    /// What normalisation changed before parsing.
    public let changes: [Normalization.Change]
    /// Decoded facts, in a stable order.
    public let details: [(key: String, value: DetailValue)]
    /// The broken rules; empty when valid.
    public let errors: [ValidationError]

    /// Whether the value is valid.
    public var isValid: Bool { errors.isEmpty }

    /// Two checks are equal when input, kind, normalised value and error codes are equal.
    public static func == (lhs: ValueCheck, rhs: ValueCheck) -> Bool {
        lhs.input == rhs.input && lhs.kind == rhs.kind && lhs.normalized == rhs.normalized && lhs.errors == rhs.errors
    }

    /// Hashes the input and the kind.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(input)
        hasher.combine(kind)
    }

    /// Checks `input` as `kind`, or as the detected kind when `kind` is nil.
    public static func check(_ input: String, as kind: ValueKind? = nil) -> ValueCheck {
        guard let kind = kind ?? ValueKind.detect(input) else {
            return ValueCheck(input: input, kind: nil, normalized: nil, changes: [], details: [],
                              errors: [ValidationError.make(.valueUnrecognised, .value, input: Masking.id(input))])
        }
        let normalization = kind.normalizer.normalize(input)
        let value = normalization.value
        let shownInput = kind.isSecret ? Masking.secret : input
        do {
            let (normalized, details) = try parse(value, as: kind)
            return ValueCheck(input: shownInput, kind: kind, normalized: kind.isSecret ? nil : normalized,
                              changes: normalization.changes, details: details, errors: [])
        } catch {
            return ValueCheck(input: shownInput, kind: kind, normalized: nil, changes: normalization.changes, details: [], errors: [error])
        }
    }

    private static func parse(_ value: String, as kind: ValueKind) throws(ValidationError) -> (String, [(key: String, value: DetailValue)]) {
        switch kind {
        case .nationalID:
            let id = try NationalID(parsing: value)
            let region = id.region
            return (id.rawValue, [("sex", .string(id.sex.rawValue)), ("letter", .string(String(region.letter))),
                                  ("region", .string(region.name)), ("regionEn", .string(region.nameEn)),
                                  ("letterStillIssued", .bool(region.isStillIssued))])
        case .residentID:
            let id = try ResidentID(parsing: value)
            return (id.rawValue, [("form", .string(id.form.rawValue)), ("sex", .string(id.sex.rawValue)),
                                  ("category", .string(id.category.rawValue)), ("categoryLabel", .string(id.category.label))])
        case .ubn:
            let ubn = try UBN(parsing: value)
            return (ubn.rawValue, [("rule", .string(UBN.Rule.since2023.rawValue)),
                                   ("validUnderPre2023Rule", .bool(ubn.isValidUnderPre2023Rule))])
        case .unitCode:
            return (try UnitCode(parsing: value).rawValue, [])
        case .labourInsuranceNumber:
            let n = try LabourInsuranceNumber(parsing: value)
            return (n.rawValue, [("checkLetter", .string(String(n.checkLetter))), ("checkLetterVerified", .bool(false))])
        case .nhiCardNumber:
            let n = try NHICardNumber(parsing: value)
            return (n.rawValue, [("grouped", .string(n.grouped))])
        case .certificateCardNumber:
            let n = try CertificateCardNumber(parsing: value)
            return (n.rawValue, [("shape", .string(n.shape.rawValue))])
        case .mobile:
            let n = try MobileNumber(parsing: value)
            return (n.rawValue, [("grouped", .string(n.grouped))])
        case .landline:
            let n = try LandlineNumber(parsing: value)
            var details: [(key: String, value: DetailValue)] = [
                ("areaCode", .string(n.areaCode.code)), ("area", .string(n.areaCode.area)),
                ("areaEn", .string(n.areaCode.areaEn)), ("subscriber", .string(n.subscriber)),
            ]
            if let ext = n.extension { details.append(("extension", .string(ext))) }
            return (n.rawValue, details)
        case .email:
            let e = try EmailAddress(parsing: value)
            return (e.rawValue, [("localPart", .string(e.localPart)), ("domain", .string(e.domain))])
        case .rocDate:
            if let date = try? ROCDate(parsing: value) {
                return (date.formatted(.compact), [("precision", .string("day")), ("gregorian", .string(date.gregorian.iso)),
                                                   ("rocYear", .int(date.year)), ("slashed", .string(date.formatted(.slashed))),
                                                   ("chinese", .string(date.formatted(.chinese)))])
            }
            if let month = try? ROCMonth(parsing: value) {
                let first = month.firstDay
                return (month.compact, [("precision", .string("month")),
                                        ("gregorian", .string(String(first.iso.prefix(7)))), ("rocYear", .int(month.year))])
            }
            _ = try ROCDate(parsing: value)  // throws the precise error
            return ("", [])
        case .password:
            let p = try RegistrationPassword(value)
            return ("", [("strength", .string(p.strength.label)), ("strengthEn", .string(p.strength.labelEn)),
                         ("strong", .bool(p.strength == .strong))])
        }
    }
}

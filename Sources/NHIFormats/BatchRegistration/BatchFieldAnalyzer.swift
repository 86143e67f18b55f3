import NHICore

/// Where a field sits, for issues.
struct FieldSite {
    let row: Int
    let line: Int
    let column: Int
    let field: Field
    /// Whether the field holds an ID (masked in every issue).
    let isID: Bool

    func show(_ text: String) -> String { isID ? Masking.id(text) : text }

    func error(_ code: FormatError.Code, value: String?, underlying: ValidationError? = nil,
               detail: String? = nil, detailEn: String? = nil) -> FormatError {
        FormatError(code, line: line, row: row, column: column, field: field, value: value.map(show),
                    underlying: underlying,
                    detail: detail ?? underlying?.ruleText, detailEn: detailEn ?? underlying?.ruleTextEn)
    }
}

/// The verdict on one field: the parsed value (when valid), the text a repair would write,
/// and the issues that explain both.
struct FieldAnalysis<Value> {
    /// The parsed value, nil when the field is empty or invalid.
    var value: Value?
    /// The text as read.
    let original: String
    /// The text a repair writes: the repaired value, or the original when nothing is
    /// repaired (invalid fields are never changed).
    var output: String
    /// Errors and warnings, in the order found.
    var issues: [FormatIssue] = []

    init(original: String) {
        self.original = original
        self.output = original
    }

    var hasError: Bool { issues.contains { $0.severity == .error } }
    var isRepaired: Bool { output != original }
}

/// The rules for each column of a batch registration file: normalisation, Excel damage,
/// and the NHICore parsers. This is the reference implementation; the byte-level fast
/// path in ``BatchRegistrationChecker`` only ever accepts fields this code accepts
/// unchanged (the fuzz target `batchfile` checks that).
enum BatchFieldAnalyzer {
    /// Warnings for what a normaliser changed.
    static func normalizationWarnings(_ normalization: Normalization, site: FieldSite) -> [FormatError.Code] {
        var codes: [FormatError.Code] = []
        for change in normalization.changes {
            switch change {
            case .fullWidthToHalfWidth: codes.append(.excelFullWidth)
            case .trimmedWhitespace: codes.append(.excelWhitespace)
            case .uppercased: codes.append(.excelLowercase)
            case .removedSeparators:
                let text = normalization.original
                if text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) { codes.append(.excelWhitespace) }
                if text.contains(where: { $0 == "-" || $0 == "." || $0 == "－" || $0 == "．" }) { codes.append(.batchReformatted) }
            }
        }
        var unique: [FormatError.Code] = []
        for code in codes where !unique.contains(code) { unique.append(code) }
        return unique
    }

    /// Adds one warning per code, all suggesting `replacement`, and sets the output.
    static func repair<V>(_ analysis: inout FieldAnalysis<V>, codes: [FormatError.Code], replacement: String, site: FieldSite,
                          details: [FormatError.Code: (String, String)] = [:]) {
        guard !codes.isEmpty, replacement != analysis.original else { return }
        analysis.output = replacement
        for code in codes {
            let detail = details[code]
            analysis.issues.append(FormatIssue(.warning, site.error(code, value: analysis.original, detail: detail?.0, detailEn: detail?.1),
                                               suggestion: site.show(replacement)))
        }
    }

    // MARK: ID

    static func id(_ text: String, site: FieldSite) -> FieldAnalysis<PersonalID> {
        var analysis = FieldAnalysis<PersonalID>(original: text)
        let normalized = Normalizer.identifier.normalize(text)
        if normalized.value.isEmpty {
            analysis.issues.append(FormatIssue(.error, site.error(.batchMissingID, value: text.isEmpty ? nil : text)))
            return analysis
        }
        do {
            let id = try PersonalID(parsing: normalized.value)
            analysis.value = id
            repair(&analysis, codes: normalizationWarnings(normalized, site: site), replacement: id.rawValue, site: site)
        } catch {
            analysis.issues.append(FormatIssue(.error, site.error(.batchInvalidID, value: text, underlying: error)))
        }
        return analysis
    }

    // MARK: E-mail

    static func email(_ text: String, site: FieldSite) -> FieldAnalysis<EmailAddress> {
        var analysis = FieldAnalysis<EmailAddress>(original: text)
        let normalized = Normalizer.text.normalize(text)
        if normalized.value.isEmpty {
            analysis.issues.append(FormatIssue(.error, site.error(.batchMissingEmail, value: text.isEmpty ? nil : text)))
            return analysis
        }
        do {
            let email = try EmailAddress(parsing: normalized.value)
            analysis.value = email
            repair(&analysis, codes: normalizationWarnings(normalized, site: site), replacement: normalized.value, site: site)
            if ExcelFormulaGuard.needsProtection(analysis.output) {
                analysis.issues.append(FormatIssue(.warning, site.error(.excelFormulaLike, value: analysis.output)))
            }
        } catch {
            analysis.issues.append(FormatIssue(.error, site.error(.batchInvalidEmail, value: text, underlying: error)))
        }
        return analysis
    }

    // MARK: Phones

    /// What a phone column may hold.
    enum PhoneKind {
        case mobile
        case landline
        /// The 2016 layout's single phone column.
        case either
    }

    /// A parsed phone of either kind.
    enum Phone {
        case mobile(MobileNumber)
        case landline(LandlineNumber)

        var rawValue: String {
            switch self {
            case .mobile(let m): m.rawValue
            case .landline(let l): l.rawValue
            }
        }
    }

    private static func parsePhone(_ text: String, _ kind: PhoneKind) -> Result<Phone, ValidationError> {
        switch kind {
        case .mobile:
            do { return .success(.mobile(try MobileNumber(parsing: text))) } catch { return .failure(error) }
        case .landline:
            do { return .success(.landline(try LandlineNumber(parsing: text))) } catch { return .failure(error) }
        case .either:
            let mobile = parsePhone(text, .mobile)
            if case .success = mobile { return mobile }
            let landline = parsePhone(text, .landline)
            if case .success = landline { return landline }
            // Explain with the rule of the kind the text looks like.
            let digits = text.filter { $0.isASCII && $0.isNumber }
            return digits.hasPrefix("09") || digits.hasPrefix("8869") ? mobile : landline
        }
    }

    /// Analyses a mobile, landline or 2016 phone column. With `canonicalize`, a valid
    /// value not in the canonical form (`0912-345-678`, `0227065866`) gets a
    /// `batch.reformatted` warning and is rewritten (`0912345678`, `02-27065866`).
    static func phone(_ text: String, kind: PhoneKind, canonicalize: Bool, site: FieldSite) -> FieldAnalysis<Phone> {
        var analysis = FieldAnalysis<Phone>(original: text)
        let normalized = Normalizer.text.normalize(text)
        var codes = normalizationWarnings(normalized, site: site)
        var details: [FormatError.Code: (String, String)] = [:]
        if normalized.value.isEmpty {
            repair(&analysis, codes: codes, replacement: "", site: site)
            return analysis
        }
        var candidate = normalized.value
        if let scientific = ExcelNumberDamage.scientific(candidate) {
            guard let exact = scientific.exactInteger else {
                let kept = scientific.significantDigits.count, total = scientific.integerDigitCount
                analysis.issues.append(FormatIssue(.error, site.error(
                    .excelScientificNotation, value: text,
                    detail: "\(candidate)只保留\(kept)位有效數字，原本\(total)位數字中其餘已遺失，無法還原；請將欄位格式設為「文字」後重新輸入",
                    detailEn: "\(candidate) keeps only \(kept) significant digits of \(total); the rest are lost and cannot be recovered — format the column as Text and type the number again")))
                return analysis
            }
            candidate = exact
            codes.append(.excelScientificNotationRecovered)
            details[.excelScientificNotationRecovered] = ("\(normalized.value)的每一位數字都還在：\(exact)", "every digit of \(normalized.value) survives: \(exact)")
        }
        var parsed = parsePhone(candidate, kind)
        if case .failure = parsed,
           let restored = ExcelNumberDamage.restoringLeadingZero(candidate, accepts: { if case .success = parsePhone($0, kind) { true } else { false } }) {
            candidate = restored
            codes.append(.excelLeadingZeroDropped)
            parsed = parsePhone(candidate, kind)
        }
        switch parsed {
        case .success(let phone):
            analysis.value = phone
            var replacement = candidate
            if canonicalize && phone.rawValue != candidate {
                codes.append(.batchReformatted)
                replacement = phone.rawValue
            }
            repair(&analysis, codes: codes, replacement: replacement, site: site, details: details)
        case .failure(let error):
            let code: FormatError.Code = switch kind {
            case .mobile: .batchInvalidMobile
            case .landline: .batchInvalidLandline
            case .either: .batchInvalidPhone
            }
            analysis.issues.append(FormatIssue(.error, site.error(code, value: text, underlying: error)))
        }
        return analysis
    }
}

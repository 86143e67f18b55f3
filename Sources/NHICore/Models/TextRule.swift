/// The rule for free text that is stored and shown again — unit names, villages, labels,
/// contact names, certificate serials: the one home of "how long, which characters".
///
/// Every rule trims surrounding spaces (half- and full-width) and refuses:
/// - an empty value (`text.empty`) and more than ``maxLength`` characters (`text.length`);
/// - control and invisible format characters: CR, LF, tab, NUL, bidi overrides (U+202A–U+202E,
///   U+2066–U+2069), zero-width characters (`text.characters`) — they forge lines in logs,
///   mails and CSV files or hide what a screen shows;
/// - a leading `=`, `+`, `-` or `@`, which Excel runs as a formula (`text.formula`);
/// - for an ASCII-only rule (``asciiIdentifier``), anything but letters, digits and `:` `-` `.`.
///
/// Errors name the field in both languages (`投保單位名稱：過長（最多 60 字）`).
public struct TextRule: Sendable, Hashable {
    /// The field the text is for (named in errors).
    public let field: Field
    /// The most characters (grapheme clusters) allowed.
    public let maxLength: Int
    /// Letters, digits, `:`, `-` and `.` only (serial numbers).
    public let asciiIdentifier: Bool

    /// Creates a rule for text of `field`.
    /// - Parameters:
    ///   - field: The field named in errors (`投保單位名稱`).
    ///   - maxLength: The most characters (grapheme clusters) allowed.
    ///   - asciiIdentifier: Whether only letters, digits, `:`, `-` and `.` are allowed (serial numbers).
    public init(_ field: Field, maxLength: Int, asciiIdentifier: Bool = false) {
        self.field = field
        self.maxLength = maxLength
        self.asciiIdentifier = asciiIdentifier
    }

    /// The trimmed text, or the broken rule. The input in an error is cut to 40 characters.
    public func check(_ input: String) throws(ValidationError) -> String {
        let text = Normalizer.trimmed(input)
        let shown = input.count > 40 ? String(input.prefix(40)) + "…" : input
        guard !text.isEmpty else { throw ValidationError.make(.textEmpty, field, input: shown) }
        // Scalars are capped too: one character piled with combining marks is not "one character".
        guard text.count <= maxLength, text.unicodeScalars.count <= maxLength * 4 else {
            throw ValidationError(.textLength, field: field, input: shown,
                                  zh: "過長（最多 \(maxLength) 字）", en: "too long (at most \(maxLength) characters)")
        }
        if text.unicodeScalars.contains(where: Self.isForbidden) {
            throw ValidationError.make(.textCharacters, field, input: shown)
        }
        if asciiIdentifier, !text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ":-.".unicodeScalars.contains($0)) }) {
            throw ValidationError.make(.textCharacters, field, input: shown)
        }
        if let first = text.unicodeScalars.first, Self.formulaStarts.contains(first) {
            throw ValidationError.make(.textFormula, field, input: shown)
        }
        return text
    }

    /// The text, or `nil` for `nil` or blank input; otherwise as ``check(_:)``.
    public func checkOptional(_ input: String?) throws(ValidationError) -> String? {
        guard let input, !Normalizer.trimmed(input).isEmpty else { return nil }
        return try check(input)
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]

    /// Control characters (Cc: CR, LF, tab, NUL …), format characters (Cf: bidi overrides,
    /// zero-width spaces and joiners, BOM), line and paragraph separators. Private-use
    /// characters stay allowed: Taiwan's household registers use them for rare name characters.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

extension TextRule {
    /// 投保單位名稱: 60 characters (the NHI's forms allow about 30 CJK characters; company names run longer).
    public static let unitName = TextRule(.unitName, maxLength: 60)
    /// 戶籍鄉鎮里鄰: 40 characters.
    public static let registeredVillage = TextRule(.registeredVillage, maxLength: 40)
    /// A certificate or card serial number: 64 ASCII letters, digits, `:`, `-`, `.`.
    public static let certificateSerial = TextRule(.certificateSerial, maxLength: 64, asciiIdentifier: true)
    /// A certificate's issuer or subject name: 200 characters.
    public static let certificateName = TextRule(.certificateName, maxLength: 200)
    /// An NHI-app device's label: 40 characters.
    public static let deviceLabel = TextRule(.deviceLabel, maxLength: 40)
    /// An upload's contact person (聯絡人): 40 characters.
    public static let contactName = TextRule(.contactName, maxLength: 40)
    /// An uploaded file's name (kept with the record and shown in mails and logs): 255 characters.
    public static let fileName = TextRule(.fileName, maxLength: 255)
    /// The counter where a card is picked up (領卡地點): 40 characters.
    public static let counterOffice = TextRule(.counterOffice, maxLength: 40)
    /// A part of a mailing address (縣市, 鄉鎮市區, 村里, 鄰, 街路門牌): 60 characters.
    public static let addressPart = TextRule(.address, maxLength: 60)
}

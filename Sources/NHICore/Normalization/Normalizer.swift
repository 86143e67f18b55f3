/// Cleans up a typed or imported value before it is parsed, and reports what it changed.
///
/// Normalisation is a separate, explicit step: ``NationalID/init(parsing:)`` and the other
/// parsers accept only the canonical form, so nothing is ever changed silently. Run a
/// normaliser first, show its ``Normalization/changes`` to the user, then parse
/// ``Normalization/value``.
///
/// ```swift
/// let n = Normalizer.identifier.normalize(" ａ１２３４５６７８９ ")
/// n.value   // "A123456789"
/// n.changes // [.fullWidthToHalfWidth(count: 10), .trimmedWhitespace, .uppercased(count: 1)]
/// ```
///
/// Every normaliser is idempotent: normalising its own output changes nothing.
public struct Normalizer: Sendable, Hashable {
    /// The steps a normaliser may take. They run in the order width, trim, separators,
    /// trim again, upper-case, so that removing a separator never leaves white space for a
    /// second pass to find.
    public struct Steps: OptionSet, Sendable, Hashable {
        /// The bits of the set; see the static members for their meaning.
        public let rawValue: Int
        /// Creates a set from its bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) to half-width.
        public static let widthFold = Steps(rawValue: 1 << 0)
        /// Leading and trailing white space removed.
        public static let trim = Steps(rawValue: 1 << 1)
        /// Letters `a`–`z` upper-cased.
        public static let uppercase = Steps(rawValue: 1 << 2)
        /// Separators (see ``Normalizer/separators``) removed everywhere.
        public static let removeSeparators = Steps(rawValue: 1 << 3)
    }

    /// The steps this normaliser takes; they always run in the order given for ``Steps``.
    public var steps: Steps
    /// The characters ``Steps/removeSeparators`` removes.
    public var separators: Set<Character>

    /// Creates a normaliser; `separators` matter only with ``Steps/removeSeparators``.
    public init(steps: Steps, separators: Set<Character> = []) {
        self.steps = steps
        self.separators = separators
    }

    /// For identifiers (IDs, UBN, unit codes, card numbers): width, trim, upper-case, and
    /// spaces, hyphens and dots removed.
    public static let identifier = Normalizer(
        steps: [.widthFold, .trim, .uppercase, .removeSeparators], separators: [" ", "-", ".", "\t"])
    /// For phone numbers and dates: width and trim only; their parsers understand separators.
    public static let text = Normalizer(steps: [.widthFold, .trim])

    /// Normalises `input`.
    public func normalize(_ input: String) -> Normalization {
        var changes: [Normalization.Change] = []
        var scalars = String.UnicodeScalarView(input.unicodeScalars)

        if steps.contains(.widthFold) {
            var count = 0
            var folded = String.UnicodeScalarView()
            for scalar in scalars {
                if let half = Self.halfWidth(scalar) {
                    folded.append(half)
                    count += 1
                } else {
                    folded.append(scalar)
                }
            }
            if count > 0 {
                scalars = folded
                changes.append(.fullWidthToHalfWidth(count: count))
            }
        }
        var text = String(scalars)
        var trimmedAny = false
        if steps.contains(.trim) {
            let trimmed = Self.trimmed(text)
            if trimmed != text {
                text = trimmed
                trimmedAny = true
            }
        }
        if steps.contains(.removeSeparators) {
            var removed: [Character] = []
            var kept = ""
            for character in text {
                if separators.contains(character) { removed.append(character) } else { kept.append(character) }
            }
            if !removed.isEmpty {
                text = kept
                changes.append(.removedSeparators(count: removed.count))
            }
        }
        if steps.contains(.trim) {
            // Again: removing a separator may have exposed white space at an end.
            let trimmed = Self.trimmed(text)
            if trimmed != text {
                text = trimmed
                trimmedAny = true
            }
            if trimmedAny { changes.append(.trimmedWhitespace) }
        }
        if steps.contains(.uppercase) {
            var count = 0
            var upper = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar.value >= 0x61 && scalar.value <= 0x7A {
                    upper.append(Unicode.Scalar(scalar.value - 0x20)!)
                    count += 1
                } else {
                    upper.append(scalar)
                }
            }
            if count > 0 {
                text = String(upper)
                changes.append(.uppercased(count: count))
            }
        }
        return Normalization(original: input, value: text, changes: changes)
    }

    /// The half-width form of a full-width ASCII character or the ideographic space.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000: return " "
        default: return nil
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x3000, 0xFEFF, 0x200B: return true
        default: return false
        }
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
        return String(scalars[first...last])
    }
}

/// The result of ``Normalizer/normalize(_:)``: the cleaned value and every change made.
public struct Normalization: Sendable, Hashable {
    /// One kind of change a normaliser made.
    public enum Change: Sendable, Hashable, CustomStringConvertible {
        /// `count` full-width characters (`Ａ１`, U+3000) were turned into half-width ones (全形轉半形).
        case fullWidthToHalfWidth(count: Int)
        /// Leading or trailing white space was removed.
        case trimmedWhitespace
        /// `count` letters `a`–`z` were upper-cased.
        case uppercased(count: Int)
        /// `count` separators (spaces, hyphens, dots …) were removed.
        case removedSeparators(count: Int)

        /// A stable machine name for JSON output (`fullWidthToHalfWidth`).
        public var code: String {
            switch self {
            case .fullWidthToHalfWidth: "fullWidthToHalfWidth"
            case .trimmedWhitespace: "trimmedWhitespace"
            case .uppercased: "uppercased"
            case .removedSeparators: "removedSeparators"
            }
        }

        /// What changed, in Traditional Chinese.
        public var message: String {
            switch self {
            case .fullWidthToHalfWidth(let n): "全形字元轉為半形（\(n)個）"
            case .trimmedWhitespace: "移除前後空白"
            case .uppercased(let n): "英文字母改為大寫（\(n)個）"
            case .removedSeparators(let n): "移除分隔符號（\(n)個）"
            }
        }

        /// What changed, in English.
        public var messageEn: String {
            switch self {
            case .fullWidthToHalfWidth(let n): "converted \(n) full-width character(s) to half-width"
            case .trimmedWhitespace: "removed leading/trailing white space"
            case .uppercased(let n): "upper-cased \(n) letter(s)"
            case .removedSeparators(let n): "removed \(n) separator(s)"
            }
        }

        /// The change in English, as ``messageEn``.
        public var description: String { messageEn }
    }

    /// The input as given.
    public let original: String
    /// The normalised value, ready for parsing.
    public let value: String
    /// What was changed, in the order it happened; empty when nothing was.
    public let changes: [Change]

    /// Whether the normaliser changed anything.
    public var changed: Bool { !changes.isEmpty }
}

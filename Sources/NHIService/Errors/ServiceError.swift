import NHICore

/// The error NHIService throws: a stable dotted ``Code``, bilingual messages, and context
/// (the unit, the masked person, the row of an import, the underlying store error).
///
/// Equality compares codes only.
public struct ServiceError: CodedError, Hashable {
    /// A stable, dotted error code (`staff.notAuthorised`).
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The dotted code itself, such as `filing.notInsuredHere`.
        public let rawValue: String
        /// Creates a code from its dotted text, such as `filing.notInsuredHere`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a string literal, as the static constants do.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The dotted code, as ``rawValue``.
        public var description: String { rawValue }
    }

    /// Which rule or failure; see the static constants of ``Code`` and ``catalog``.
    public let code: Code
    /// The message in Traditional Chinese: the catalog text of the code, then `：` and the detail if any.
    public let message: String
    /// The message in English: the catalog text of the code, then `: ` and the detail if any.
    public let messageEn: String
    /// Extra context for logs and support (never a secret; IDs masked).
    public let context: [String: String]

    /// Creates an error whose message is the catalog text of `code`.
    /// - Parameters:
    ///   - code: Which rule or failure.
    ///   - context: Extra context for logs and support (unit code, masked ID, row); never a secret.
    ///   - detail: Text appended to the catalog message in each language, such as the rule that was broken.
    public init(_ code: Code, context: [String: String] = [:], detail: (zh: String, en: String)? = nil) {
        self.code = code
        let base = Self.catalogIndex[code] ?? (code.rawValue, code.rawValue)
        if let detail {
            self.message = base.zh + "：" + detail.zh
            self.messageEn = base.en + ": " + detail.en
        } else {
            self.message = base.zh
            self.messageEn = base.en
        }
        self.context = context
    }

    /// Wraps an SDK error from a lower module, keeping its code and messages in the context.
    public init(_ code: Code, wrapping error: any Error, context: [String: String] = [:]) {
        var ctx = context
        if let coded = error as? any CodedError {
            ctx["cause"] = coded.errorCode
            self.init(code, context: ctx, detail: (coded.message, coded.messageEn))
        } else {
            ctx["cause"] = String(describing: type(of: error))
            self.init(code, context: ctx, detail: ("\(error)", "\(error)"))
        }
    }

    /// The dotted code (``code``'s raw value), as `CodedError` requires.
    public var errorCode: String { code.rawValue }
    /// Two errors are equal when their codes are equal; messages and context are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    private static let catalogIndex: [Code: (zh: String, en: String)] = {
        var index: [Code: (zh: String, en: String)] = [:]
        for entry in catalog { index[entry.code] = (entry.zh, entry.en) }
        return index
    }()
}

import NHICore

/// The error NHIService throws: a stable dotted ``Code``, bilingual messages, and context
/// (the unit, the masked person, the row of an import, the underlying store error).
///
/// Equality compares codes only.
public struct ServiceError: CodedError, Hashable {
    /// A stable, dotted error code (`staff.notAuthorised`).
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
    }

    public let code: Code
    public let message: String
    public let messageEn: String
    /// Extra context for logs and support (never a secret; IDs masked).
    public let context: [String: String]

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

    public var errorCode: String { code.rawValue }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    private static let catalogIndex: [Code: (zh: String, en: String)] = {
        var index: [Code: (zh: String, en: String)] = [:]
        for entry in catalog { index[entry.code] = (entry.zh, entry.en) }
        return index
    }()
}

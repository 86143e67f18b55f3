/// The error NHICore throws when a value cannot be an identifier, a date, a secret or a
/// model: which ``Field``, which rule (a stable ``Code``), the input (masked where it is
/// personal) and a message in Traditional Chinese and English.
///
/// Two errors are equal when their codes are equal, which keeps tests short:
///
/// ```swift
/// #expect(throws: ValidationError(.nationalIDChecksum)) { try NationalID(parsing: "A123456788") }
/// ```
public struct ValidationError: CodedError, Hashable {
    /// A stable, dotted error code (`nationalID.checksum`). New codes are added as static
    /// constants, so adding one is not a breaking change.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The dotted code itself, such as `nationalID.checksum`.
        public let rawValue: String
        /// Creates a code from its dotted text, such as `nationalID.checksum`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a string literal, as the static constants do.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The dotted code, as ``rawValue``.
        public var description: String { rawValue }
    }

    /// Which rule was broken.
    public let code: Code
    /// Which field the value was meant for.
    public let field: Field
    /// The offending input; national IDs are masked (`A12345****`), secrets fully (`******`).
    public let input: String?
    /// The message in Traditional Chinese.
    public let message: String
    /// The message in English.
    public let messageEn: String

    /// Creates an error with a field-prefixed message.
    public init(_ code: Code, field: Field, input: String?, zh: String, en: String) {
        self.code = code
        self.field = field
        self.input = input
        self.message = "\(field.label)：\(zh)"
        self.messageEn = "\(field.labelEn): \(en)"
    }

    /// An error carrying only a code, for comparisons in tests and `catch` clauses.
    public init(_ code: Code) {
        self.code = code
        self.field = Field(code.rawValue.split(separator: ".").first.map(String.init) ?? "", label: "", labelEn: "")
        self.input = nil
        self.message = ""
        self.messageEn = ""
    }

    /// The dotted code (``code``'s raw value), as ``CodedError`` requires.
    public var errorCode: String { code.rawValue }

    /// Two errors are equal when their codes are equal; field, input and messages are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

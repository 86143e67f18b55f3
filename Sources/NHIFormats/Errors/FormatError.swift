import NHICore

/// The error NHIFormats throws and reports: which rule (a stable ``Code``), where
/// (``line``, ``row``, ``column``, all 1-based), which `Field`, the offending value (IDs
/// masked with `Masking.id`), the NHICore `ValidationError` underneath when a field
/// failed one of its parsers, and a message in Traditional Chinese and English.
///
/// Two errors are equal when their codes are equal, which keeps tests short:
///
/// ```swift
/// #expect(throws: FormatError(.csvUnterminatedQuote)) { try CSVReader.readAll(bytes) }
/// ```
public struct FormatError: CodedError, Hashable {
    /// A stable, dotted error code (`csv.unterminatedQuote`). New codes are added as static
    /// constants, so adding one is not a breaking change.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible, Codable {
        /// The dotted code.
        public let rawValue: String
        /// A code from its dotted form.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The dotted code, as ``rawValue``.
        public var description: String { rawValue }
    }

    /// Which rule was broken.
    public let code: Code
    /// The physical line of the file (1-based) where the problem is: where the record
    /// starts, or the line of the offending byte for encoding and quoting errors.
    public var line: Int?
    /// The record (row) as a spreadsheet numbers it (1-based, a header row included).
    public var row: Int?
    /// The column (field number, 1-based).
    public var column: Int?
    /// The field the value was meant for.
    public var field: Field?
    /// The offending value; IDs masked (`A12345****`).
    public var value: String?
    /// The byte offset in the input (0-based) where the problem is, when known.
    public var byteOffset: Int?
    /// The NHICore error underneath, when a field failed its parser.
    public var underlying: ValidationError?
    /// Extra explanation in Traditional Chinese (appended to the catalog text).
    public var detail: String?
    /// Extra explanation in English.
    public var detailEn: String?

    /// Creates an error; the message is the catalog's text for `code` plus `detail`.
    public init(_ code: Code, line: Int? = nil, row: Int? = nil, column: Int? = nil, field: Field? = nil,
                value: String? = nil, byteOffset: Int? = nil, underlying: ValidationError? = nil,
                detail: String? = nil, detailEn: String? = nil) {
        self.code = code
        self.line = line
        self.row = row
        self.column = column
        self.field = field
        self.value = value
        self.byteOffset = byteOffset
        self.underlying = underlying
        self.detail = detail
        self.detailEn = detailEn
    }

    /// The dotted code (``code``'s raw value), as `CodedError` requires.
    public var errorCode: String { code.rawValue }

    /// The rule in Traditional Chinese without the location: field label, catalog text,
    /// detail (`電子郵件：網域名稱不正確`).
    public var ruleMessage: String {
        var text = field.map { $0.label + "：" } ?? ""
        text += Self.catalogText(code).zh
        if let detail, !detail.isEmpty { text += "（" + detail + "）" }
        return text
    }

    /// The rule in English without the location.
    public var ruleMessageEn: String {
        var text = field.map { $0.labelEn + ": " } ?? ""
        text += Self.catalogText(code).en
        if let detailEn, !detailEn.isEmpty { text += " (" + detailEn + ")" }
        return text
    }

    /// `第3列第2欄` (`第3列（第4行）` when the record starts on another line).
    public var location: String {
        var text = ""
        if let row { text += "第\(row)列" }
        if let line, line != row { text += row == nil ? "第\(line)行" : "（第\(line)行）" }
        if let column { text += "第\(column)欄" }
        return text
    }

    /// `row 3, column 2` (`row 3 (line 4)`).
    public var locationEn: String {
        var parts: [String] = []
        if let row { parts.append(line.map { $0 != row ? "row \(row) (line \($0))" : "row \(row)" } ?? "row \(row)") }
        else if let line { parts.append("line \(line)") }
        if let column { parts.append("column \(column)") }
        return parts.joined(separator: ", ")
    }

    /// The full message in Traditional Chinese: location and rule.
    public var message: String {
        let place = location
        return place.isEmpty ? ruleMessage : place + " " + ruleMessage
    }

    /// The full message in English: location and rule.
    public var messageEn: String {
        let place = locationEn
        return place.isEmpty ? ruleMessageEn : place + ": " + ruleMessageEn
    }

    /// A copy placed at another location (used when a record-level error is reported).
    func at(line: Int? = nil, row: Int? = nil, column: Int? = nil) -> FormatError {
        var copy = self
        if let line { copy.line = line }
        if let row { copy.row = row }
        if let column { copy.column = column }
        return copy
    }

    /// Two errors are equal when their codes are equal; location, field, value and detail are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

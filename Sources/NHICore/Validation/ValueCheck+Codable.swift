/// A detail is a plain JSON string, boolean or number.
extension DetailValue: Codable {
    /// Writes the detail as a plain JSON string, boolean or number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        }
    }

    /// Reads a boolean, else an integer, else a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let i = try? container.decode(Int.self) { self = .int(i) }
        else { self = .string(try container.decode(String.self)) }
    }
}

/// `{"code", "message", "messageEn"}` — the objects of `nhi validate --json`'s `"changes"`.
/// Decoding takes the count from an optional `"count"` key, else from the English message.
extension Normalization.Change: Codable {
    enum CodingKeys: String, CodingKey { case code, message, messageEn, count }

    /// Writes the change's `code` and its messages in both languages.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
    }

    /// Reads `code` and the count (`count`, else the number in `messageEn`, else 1); throws `DecodingError` for an
    /// unknown code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let english = try container.decodeIfPresent(String.self, forKey: .messageEn) ?? ""
        let count = try container.decodeIfPresent(Int.self, forKey: .count)
            ?? Int(english.split(separator: " ").first { Int($0) != nil } ?? "") ?? 1
        switch code {
        case "fullWidthToHalfWidth": self = .fullWidthToHalfWidth(count: count)
        case "trimmedWhitespace": self = .trimmedWhitespace
        case "uppercased": self = .uppercased(count: count)
        case "removedSeparators": self = .removedSeparators(count: count)
        default:
            throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: "unknown change \(code)")
        }
    }
}

/// `{"original", "value", "changes"}`.
extension Normalization: Codable {
    enum CodingKeys: String, CodingKey { case original, value, changes }

    /// Writes the original, the normalised value and the changes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(original, forKey: .original)
        try container.encode(value, forKey: .value)
        try container.encode(changes, forKey: .changes)
    }

    /// Reads what ``encode(to:)`` wrote.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(original: try container.decode(String.self, forKey: .original),
                  value: try container.decode(String.self, forKey: .value),
                  changes: try container.decode([Change].self, forKey: .changes))
    }
}

/// `{"input", "kind", "valid", "normalized", "details", "errors", "changes"}` — exactly one
/// line of `nhi validate --json` (details keep their order). Encodable only: JSON objects do
/// not promise the details' order back.
extension ValueCheck: Encodable {
    enum CodingKeys: String, CodingKey { case input, kind, valid, normalized, details, errors, changes }

    private struct DetailKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Writes one line of `nhi validate --json`: the details as an object in their order, `kind` as its raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(kind?.rawValue, forKey: .kind)
        try container.encode(isValid, forKey: .valid)
        try container.encode(normalized, forKey: .normalized)
        var details = container.nestedContainer(keyedBy: DetailKey.self, forKey: .details)
        for detail in self.details { try details.encode(detail.value, forKey: DetailKey(stringValue: detail.key)) }
        try container.encode(errors, forKey: .errors)
        try container.encode(changes, forKey: .changes)
    }
}

import NHICore

/// `{"code", "message", "messageEn", "line", "row", "column", "field", "value", "rule",
/// "byteOffset", "detail", "detailEn"}`; absent context keys are left out. `rule` is the
/// code of the underlying ``ValidationError``.
extension FormatError: Codable {
    enum CodingKeys: String, CodingKey {
        case code, message, messageEn, line, row, column, field, value, rule, underlying, byteOffset, detail, detailEn
    }

    /// Writes the code, both messages and the context that is set; `rule` is the underlying validation error's code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(row, forKey: .row)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(underlying?.code, forKey: .rule)
        try container.encodeIfPresent(underlying, forKey: .underlying)
        try container.encodeIfPresent(byteOffset, forKey: .byteOffset)
        try container.encodeIfPresent(detail, forKey: .detail)
        try container.encodeIfPresent(detailEn, forKey: .detailEn)
    }

    /// Decodes the code and context written by ``encode(to:)``; the messages are rebuilt from the code's catalog text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Code.self, forKey: .code),
            line: try container.decodeIfPresent(Int.self, forKey: .line),
            row: try container.decodeIfPresent(Int.self, forKey: .row),
            column: try container.decodeIfPresent(Int.self, forKey: .column),
            field: try container.decodeIfPresent(Field.self, forKey: .field),
            value: try container.decodeIfPresent(String.self, forKey: .value),
            byteOffset: try container.decodeIfPresent(Int.self, forKey: .byteOffset),
            underlying: try container.decodeIfPresent(ValidationError.self, forKey: .underlying),
            detail: try container.decodeIfPresent(String.self, forKey: .detail),
            detailEn: try container.decodeIfPresent(String.self, forKey: .detailEn))
    }
}

/// `{"row", "column", "line", "code", "rule", "field", "message", "messageEn", "value",
/// "severity"[, "suggestion"]}` — the objects of `nhi batch-register check --json`'s
/// `"errors"` and `"warnings"` arrays (plus `severity` and the whole ``error``).
extension FormatIssue: Codable {
    enum CodingKeys: String, CodingKey {
        case row, column, line, code, rule, field, message, messageEn, value, severity, suggestion, error
    }

    /// Writes the location, the code, the field name, both messages, the value and the severity, a warning's suggestion,
    /// and the whole ``error``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(column, forKey: .column)
        try container.encode(error.line, forKey: .line)
        try container.encode(code, forKey: .code)
        try container.encode(error.underlying?.code, forKey: .rule)
        try container.encode(error.field?.name, forKey: .field)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        try container.encode(value, forKey: .value)
        try container.encode(severity, forKey: .severity)
        if severity == .warning { try container.encode(suggestion, forKey: .suggestion) }
        try container.encode(error, forKey: .error)
    }

    /// Decodes the severity, the ``error`` and the suggestion written by ``encode(to:)``; the other keys are derived from
    /// them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Severity.self, forKey: .severity),
                  try container.decode(FormatError.self, forKey: .error),
                  suggestion: try container.decodeIfPresent(String.self, forKey: .suggestion))
    }
}

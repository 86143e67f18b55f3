import NHICore

extension GradeError.Code: Codable {
    /// Reads the dotted code from a JSON string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    /// Writes the dotted code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `{"code", "message", "messageEn", "file", "row", "field", "input"}`; absent context
/// keys are left out.
extension GradeError: Codable {
    enum CodingKeys: String, CodingKey { case code, message, messageEn, file, row, field, input }

    /// Writes the code, both messages and the context (file, row, field, input) that is set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encodeIfPresent(row, forKey: .row)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(input, forKey: .input)
    }

    /// Decodes the code, messages and context written by ``encode(to:)``; the messages are taken as written.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.code = try container.decode(Code.self, forKey: .code)
        self.message = try container.decode(String.self, forKey: .message)
        self.messageEn = try container.decode(String.self, forKey: .messageEn)
        self.file = try container.decodeIfPresent(String.self, forKey: .file)
        self.row = try container.decodeIfPresent(Int.self, forKey: .row)
        self.field = try container.decodeIfPresent(String.self, forKey: .field)
        self.input = try container.decodeIfPresent(String.self, forKey: .input)
    }
}

import NHICore

/// `{"code", "message", "messageEn", "context"}` (`context` left out when empty).
extension ServiceError: Codable {
    enum CodingKeys: String, CodingKey { case code, message, messageEn, context }

    /// Writes the code and both messages, and the context when it is not empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code.rawValue, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        if !context.isEmpty { try container.encode(context, forKey: .context) }
    }

    /// Decodes what ``encode(to:)`` wrote; the messages are taken as written, a missing context is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.code = Code(rawValue: try container.decode(String.self, forKey: .code))
        self.message = try container.decode(String.self, forKey: .message)
        self.messageEn = try container.decode(String.self, forKey: .messageEn)
        self.context = try container.decodeIfPresent([String: String].self, forKey: .context) ?? [:]
    }
}

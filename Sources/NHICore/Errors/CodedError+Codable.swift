/// The JSON keys every coded error shares: `{"code", "message", "messageEn", …}` — the
/// same keys the `nhi` CLI prints.
public enum CodedErrorKey: String, CodingKey {
    case code, field, message, messageEn
}

extension Field: Codable {
    /// The fields NHICore names, by `name`.
    public static let known: [String: Field] = Dictionary(
        [nationalID, residentID, personalID, ubn, unitCode, labourInsuranceNumber, nhiCardNumber,
         certificateCardNumber, mobile, landline, email, rocDate, date, password, pin, money, name,
         relation, contactPhone, unitName, category, value, birthDate, registeredVillage,
         certificateSerial, certificateName, deviceLabel, contactName, address, fileName, counterOffice]
            .map { ($0.name, $0) },
        uniquingKeysWith: { first, _ in first })

    /// A field is encoded as its `name` (`"nationalID"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Decodes a `name`; a field NHICore knows gets its labels back.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = Field.known[name] ?? Field(name, label: name, labelEn: name)
    }
}

extension ValidationError.Code: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `{"code", "field", "message", "messageEn"}` — the objects of `nhi validate --json`'s
/// `"errors"` array.
extension ValidationError: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodedErrorKey.self)
        try container.encode(code, forKey: .code)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodedErrorKey.self)
        self.code = try container.decode(Code.self, forKey: .code)
        self.field = try container.decode(Field.self, forKey: .field)
        self.input = nil
        self.message = try container.decode(String.self, forKey: .message)
        self.messageEn = try container.decode(String.self, forKey: .messageEn)
    }
}

/// The JSON keys every coded error shares: `{"code", "message", "messageEn", …}` — the
/// same keys the `nhi` CLI prints.
public enum CodedErrorKey: String, CodingKey {
    /// `code`: the dotted error code (`nationalID.checksum`).
    case code
    /// `field`: the machine name of the field (`nationalID`).
    case field
    /// `message`: the message in Traditional Chinese.
    case message
    /// `messageEn`: the message in English.
    case messageEn
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

/// `{"code", "field", "message", "messageEn"}` — the objects of `nhi validate --json`'s
/// `"errors"` array.
extension ValidationError: Codable {
    /// Writes the code, the field's `name` and both messages, as `nhi validate --json` prints them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodedErrorKey.self)
        try container.encode(code, forKey: .code)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
    }

    /// Decodes what ``encode(to:)`` wrote; the messages are taken as written and ``input`` is not restored (`nil`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodedErrorKey.self)
        self.code = try container.decode(Code.self, forKey: .code)
        self.field = try container.decode(Field.self, forKey: .field)
        self.input = nil
        self.message = try container.decode(String.self, forKey: .message)
        self.messageEn = try container.decode(String.self, forKey: .messageEn)
    }
}

import NHICore

/// `{"code", "userCode", "message", "messageEn", "pcsc", "statusWord", …}` — the keys of
/// `nhi card read --json`'s `"error"` (`pcsc` is the `SCARD_*` name), then the raw foreign
/// codes (`pcscValue`, `pkcs11Value`) and the context, so that decoding rebuilds the same
/// error with the same messages.
extension CardError: Codable {
    enum CodingKeys: String, CodingKey {
        case code, userCode, message, messageEn, pcsc, statusWord
        case advice, adviceEn, reader, remainingTries, detail, pcscValue, statusWordValue, pkcs11, pkcs11Value
    }

    /// Writes the keys of `nhi card read --json`'s `"error"` object, then the raw PC/SC, status-word and PKCS#11
    /// values and the context.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code.rawValue, forKey: .code)
        try container.encode(userCode, forKey: .userCode)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        try container.encode(pcscStatus?.name, forKey: .pcsc)
        try container.encode(statusWord?.description, forKey: .statusWord)
        try container.encode(advice, forKey: .advice)
        try container.encode(adviceEn, forKey: .adviceEn)
        try container.encodeIfPresent(reader, forKey: .reader)
        try container.encodeIfPresent(remainingTries, forKey: .remainingTries)
        try container.encodeIfPresent(detail, forKey: .detail)
        try container.encodeIfPresent(pcscStatus?.rawValue, forKey: .pcscValue)
        try container.encodeIfPresent(statusWord.map { UInt16($0.sw1) << 8 | UInt16($0.sw2) }, forKey: .statusWordValue)
        try container.encodeIfPresent(pkcs11?.description, forKey: .pkcs11)
        try container.encodeIfPresent(pkcs11?.rawValue, forKey: .pkcs11Value)
    }

    /// Decodes the code, the raw foreign values and the context written by ``encode(to:)``; the messages and the
    /// advice are rebuilt from the catalog entry of the code, not read back.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(Code(rawValue: try container.decode(String.self, forKey: .code)),
                  reader: try container.decodeIfPresent(String.self, forKey: .reader),
                  pcsc: try container.decodeIfPresent(UInt32.self, forKey: .pcscValue).map(PCSCStatus.init(rawValue:)),
                  statusWord: try container.decodeIfPresent(UInt16.self, forKey: .statusWordValue).map { StatusWord($0) },
                  pkcs11: try container.decodeIfPresent(UInt.self, forKey: .pkcs11Value).map(PKCS11ReturnValue.init(rawValue:)),
                  remainingTries: try container.decodeIfPresent(Int.self, forKey: .remainingTries),
                  detail: try container.decodeIfPresent(String.self, forKey: .detail))
    }
}

import Foundation
import NHICards
import NHICore

/// `{"code", "userCode", "message", "messageEn", "advice", "adviceEn", "remainingAttempts",
/// "suspendedUntil", "detail", "cause"}`; absent context keys are left out. Decoding
/// rebuilds the error from its code and context (a card failure from its `cause`).
extension LoginError: Codable {
    enum CodingKeys: String, CodingKey {
        case code, userCode, message, messageEn, advice, adviceEn, remainingAttempts, suspendedUntil, detail, cause
    }

    /// Writes the code, the user code, both messages and both advice texts, then the context keys that are set
    /// (a card failure's `CardError` under `cause`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code.rawValue, forKey: .code)
        try container.encode(userCode, forKey: .userCode)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        try container.encode(advice, forKey: .advice)
        try container.encode(adviceEn, forKey: .adviceEn)
        try container.encodeIfPresent(remainingAttempts, forKey: .remainingAttempts)
        try container.encodeIfPresent(suspendedUntil, forKey: .suspendedUntil)
        try container.encodeIfPresent(detail, forKey: .detail)
        try container.encodeIfPresent(cause, forKey: .cause)
    }

    /// Decodes what ``encode(to:)`` wrote: a card failure is rebuilt from its `cause`, any other error from its code
    /// and context; the messages and advice come from the catalog entry of the code, not from the JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let cause = try container.decodeIfPresent(CardError.self, forKey: .cause) {
            self.init(card: cause)
        } else {
            self.init(Code(rawValue: try container.decode(String.self, forKey: .code)),
                      remainingAttempts: try container.decodeIfPresent(Int.self, forKey: .remainingAttempts),
                      suspendedUntil: try container.decodeIfPresent(Date.self, forKey: .suspendedUntil),
                      detail: try container.decodeIfPresent(String.self, forKey: .detail))
        }
    }
}

import NHICore

/// An error as the kiosk shows it: a code and a message in both languages.
///
/// Built from any error: SDK errors (`CodedError`) keep their code (`9039`,
/// `password.length`) and messages; anything else becomes ``KioskError/Code/unexpected``
/// with its type name, never its description (which might echo input).
public struct PresentableError: CodedError, Hashable {
    public let code: String
    public let message: String
    public let messageEn: String

    public init(code: String, message: String, messageEn: String) {
        self.code = code
        self.message = message
        self.messageEn = messageEn
    }

    public init(_ error: any Error) {
        if let coded = error as? any CodedError {
            self.init(code: coded.errorCode, message: coded.message, messageEn: coded.messageEn)
        } else {
            let unexpected = KioskError(.unexpected, subject: String(describing: type(of: error)))
            self.init(code: unexpected.errorCode, message: unexpected.message, messageEn: unexpected.messageEn)
        }
    }

    /// The code, as `CodedError` names it.
    public var errorCode: String { code }

    /// `錯誤 9039：密碼不正確` / `Error 9039: wrong password`.
    public func text(_ language: Language) -> String { Text.error(self).localized(language) }
}

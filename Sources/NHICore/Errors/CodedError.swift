import Foundation

/// An error every module of the SDK throws: a stable dotted code and a message in
/// Traditional Chinese and English.
///
/// Each module has exactly one concrete error type conforming to this protocol
/// (``ValidationError`` here; `GradeError`, `FormatError`, `CardError`, `LoginError`,
/// `ServiceError` elsewhere). Programs that show errors to people — the `nhi` CLI and the
/// kiosk — only need this protocol.
///
/// Every coded error is a `LocalizedError`: `localizedDescription` is the message in both
/// languages with its code. A `do` block that calls several modules reads the code through
/// the protocol, whatever module threw:
///
/// ```swift
/// do {
///     let id = try NationalID(parsing: "A123456789")
///     let cell = try MobileNumber(parsing: "0912-345-678")
///     print(id, cell)
/// } catch let error as any CodedError {
///     print(error.errorCode, error.message, error.messageEn)   // nationalID.checksum …
/// } catch {
///     print(error.localizedDescription)
/// }
/// ```
public protocol CodedError: LocalizedError, Sendable, CustomStringConvertible {
    /// A stable, dotted code such as `nationalID.checksum`. Codes are never renamed.
    var errorCode: String { get }
    /// The message in Traditional Chinese (zh-Hant), for counter staff and visitors.
    var message: String { get }
    /// The same message in English.
    var messageEn: String { get }
}

extension CodedError {
    /// `[code] 中文 / English`.
    public var description: String { "[\(errorCode)] \(message) / \(messageEn)" }

    /// The message in both languages with its code, so that `localizedDescription` (and
    /// every logger or UI that shows it) says what went wrong:
    /// `中文訊息 / English message [code]`.
    public var errorDescription: String? {
        let zh = message.isEmpty ? errorCode : message
        let en = messageEn.isEmpty || messageEn == message ? "" : " / " + messageEn
        return zh + en + " [" + errorCode + "]"
    }
}

/// An error every module of the SDK throws: a stable dotted code and a message in
/// Traditional Chinese and English.
///
/// Each module has exactly one concrete error type conforming to this protocol
/// (``ValidationError`` here; `GradeError`, `FormatError`, `CardError`, `LoginError`,
/// `ServiceError` elsewhere). Programs that show errors to people — the `nhi` CLI and the
/// kiosk — only need this protocol.
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    /// A stable, dotted code such as `nationalID.checksum`. Codes are never renamed.
    var errorCode: String { get }
    /// The message in Traditional Chinese (zh-Hant), for counter staff and visitors.
    var message: String { get }
    /// The same message in English.
    var messageEn: String { get }
}

extension CodedError {
    public var description: String { "[\(errorCode)] \(message) / \(messageEn)" }
}

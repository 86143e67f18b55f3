import NHICore

/// The server's own errors: what goes wrong at the HTTP layer, before or around the
/// service (no session, a malformed body, too many logins). Service and login errors keep
/// their own codes; ``ProblemMapping`` gives every code its HTTP status.
public struct ServerError: CodedError, Hashable {
    /// A stable code.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// No session token (`Authorization: Bearer …`) — 401.
        public static let unauthenticated: Self = "session.missing"
        /// The token is unknown, revoked, or past its idle or absolute expiry — 401.
        public static let sessionExpired: Self = "session.expired"
        /// Too many login requests from this address — 429.
        public static let rateLimited: Self = "request.rateLimited"
        /// The body is not the JSON the route expects — 422.
        public static let badRequest: Self = "request.invalidBody"
        /// A query or path parameter is malformed — 422.
        public static let badParameter: Self = "request.invalidParameter"
        /// A data-changing request without `Idempotency-Key` — 400 (draft-ietf-httpapi-idempotency-key-header §2.7).
        public static let idempotencyKeyRequired: Self = "request.idempotencyKeyRequired"
        /// The same `Idempotency-Key` with another body — 422.
        public static let idempotencyKeyReused: Self = "request.idempotencyKeyReused"
        /// The first request with this `Idempotency-Key` is still running — 409.
        public static let idempotencyInProgress: Self = "request.idempotencyInProgress"
        /// No such route — 404.
        public static let notFound: Self = "http.notFound"
        /// The route exists, not with this method — 405.
        public static let methodNotAllowed: Self = "http.methodNotAllowed"
        /// The body is larger than the server accepts — 413.
        public static let tooLarge: Self = "http.tooLarge"
        /// Anything else (logged with the request id) — 500.
        public static let internalError: Self = "server.internal"
    }

    public let code: Code
    public let message: String
    public let messageEn: String
    /// Extra facts for the client (never secrets).
    public let detail: String?

    /// The error with its catalogue messages, and an optional detail appended.
    public init(_ code: Code, detail: String? = nil) {
        self.code = code
        let base = Self.catalog.first { $0.code == code }.map { ($0.zh, $0.en) } ?? (code.rawValue, code.rawValue)
        self.message = base.0
        self.messageEn = detail.map { base.1 + ": " + $0 } ?? base.1
        self.detail = detail
    }

    public var errorCode: String { code.rawValue }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Every server code with both messages (Documentation/Server.md lists them).
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.unauthenticated, "請先登入", "Sign in first (no session token)"),
        (.sessionExpired, "登入已逾時或已登出，請重新登入", "The session has expired or was signed out; sign in again"),
        (.rateLimited, "登入嘗試過於頻繁，請稍後再試", "Too many sign-in requests; try again later"),
        (.badRequest, "請求內容格式錯誤", "The request body is not valid"),
        (.badParameter, "請求參數格式錯誤", "A request parameter is not valid"),
        (.idempotencyKeyRequired, "異動請求須附 Idempotency-Key", "A data-changing request needs an Idempotency-Key header"),
        (.idempotencyKeyReused, "Idempotency-Key 已用於不同內容的請求", "The Idempotency-Key was used for a different request"),
        (.idempotencyInProgress, "相同 Idempotency-Key 的請求仍在處理中", "A request with this Idempotency-Key is still being processed"),
        (.notFound, "查無此服務路徑", "No such route"),
        (.methodNotAllowed, "此路徑不接受此方法", "The route does not accept this method"),
        (.tooLarge, "請求內容過大", "The request body is too large"),
        (.internalError, "系統發生錯誤，請洽系統管理者", "Internal server error; tell the administrator the request id"),
    ]
}

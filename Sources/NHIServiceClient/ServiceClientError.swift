import Foundation
import NHICore

/// Why a call to `nhi-server` failed: the server's own problem (its stable code, both
/// languages and the HTTP status), or the client's when no answer came.
public struct ServiceClientError: CodedError, Equatable {
    /// The client's own codes; the server's codes (Documentation/ErrorCodes.md) pass through.
    public enum Code: String, Sendable, CaseIterable {
        /// No answer from the server after every retry (refused, reset, timed out).
        case unreachable = "client.unreachable"
        /// The server's certificate did not verify against the CA file, or the CA file is unreadable.
        case tls = "client.tls"
        /// The server's answer was not the JSON the API documents.
        case badResponse = "client.badResponse"
        /// The service URL is not an `https://` (or loopback `http://`) URL.
        case badURL = "client.badURL"
        /// The call needs a session and there is none (sign in first).
        case notSignedIn = "client.notSignedIn"
        /// The request has a part the server's API does not carry yet (detail: which); nothing
        /// was sent, so nothing was filed without it.
        case unsupported = "client.unsupported"
        /// The person works for several units: sign in with `signIn(_:)` and choose one.
        case unitChoiceNeeded = "client.unitChoiceNeeded"
    }

    /// The stable code: the server's (`filing.duplicatePending`, `session.expired`…) or the client's.
    public let errorCode: String
    /// The HTTP status of the server's answer (nil when none came).
    public let status: Int?
    public let message: String
    public let messageEn: String
    /// How many times the request was sent (retries after a dropped connection).
    public let attempts: Int

    /// A client-side error (tests and callers that wrap the client use it too).
    public init(_ code: Code, detail: String = "", attempts: Int = 1) {
        let (zh, en): (String, String) = switch code {
        case .unreachable: ("無法連線到服務主機", "the service could not be reached")
        case .tls: ("服務主機的憑證無法驗證", "the service's certificate could not be verified")
        case .badResponse: ("服務主機的回應格式不符", "the service's answer is not what the API documents")
        case .badURL: ("服務網址須為 https://（本機測試可用 http://127.0.0.1）", "the service URL must be https:// (http:// on loopback only)")
        case .notSignedIn: ("尚未登入服務主機", "not signed in to the service")
        case .unitChoiceNeeded: ("此人為多個投保單位的管理者或承辦人，請選擇單位", "the person works for several units: choose one")
        case .unsupported: ("此項目尚無法經由服務主機辦理，未送出", "not available through the service yet; nothing was sent")
        }
        errorCode = code.rawValue
        status = nil
        message = detail.isEmpty ? zh : "\(zh)：\(detail)"
        messageEn = detail.isEmpty ? en : "\(en): \(detail)"
        self.attempts = attempts
    }

    /// The server's problem+json answer.
    init(problem: Problem, status: Int, attempts: Int) {
        errorCode = problem.code
        self.status = status
        message = problem.message ?? problem.title ?? problem.code
        messageEn = problem.messageEn ?? problem.title ?? problem.code
        self.attempts = attempts
    }

    /// `application/problem+json` as `nhi-server` sends it.
    struct Problem: Decodable {
        var code: String
        var title: String?
        var message: String?
        var messageEn: String?
    }
}

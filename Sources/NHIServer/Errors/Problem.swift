import Foundation
import HTTPTypes
import Hummingbird
import NHICards
import NHICore
import NHILogin
import NHIService

/// An `application/problem+json` body (RFC 9457) carrying the stable error code and the
/// message in both languages.
public struct Problem: Codable, Sendable, Hashable {
    /// `urn:nhi-swift:error:<code>`.
    public var type: String
    /// The English message without details.
    public var title: String
    /// The HTTP status.
    public var status: Int
    /// The stable error code (`auth.notAuthorised`, `password.incorrect` …).
    public var code: String
    /// The message in Traditional Chinese.
    public var message: String
    /// The message in English.
    public var messageEn: String
    /// Wrong passwords or codes left before a lockout, when the login flow says.
    public var remainingAttempts: Int?
    /// Until when a lockout lasts (ISO 8601), when the login flow says.
    public var suspendedUntil: String?
    /// The request id (also in the `X-Request-ID` header and every log line of the request).
    public var requestID: String?

    /// The problem for `error` (any error: coded ones keep their code; others are internal).
    public init(_ error: any Error, requestID: String?) {
        let (status, code, zh, en) = ProblemMapping.describe(error)
        self.type = "urn:nhi-swift:error:" + code
        self.title = en
        self.status = Int(status.code)
        self.code = code
        self.message = zh
        self.messageEn = en
        self.requestID = requestID
        if let login = error as? LoginError {
            remainingAttempts = login.remainingAttempts
            suspendedUntil = login.suspendedUntil.map { ISO8601DateFormatter().string(from: $0) }
        }
    }
}

/// The one table from error codes to HTTP statuses.
public enum ProblemMapping {
    /// Status, code and both messages for any error.
    public static func describe(_ error: any Error) -> (HTTPResponse.Status, String, String, String) {
        switch error {
        case is RateLimited:
            let server = ServerError(.rateLimited)
            return (.tooManyRequests, server.errorCode, server.message, server.messageEn)
        case let error as ServerError:
            return (status(server: error.code), error.errorCode, error.message, error.messageEn)
        case let error as ServiceError:
            return (status(service: error.code), error.errorCode, error.message, error.messageEn)
        case let error as LoginError:
            return (status(login: error.code), error.errorCode, error.message, error.messageEn)
        case let error as HTTPError:
            let code: ServerError.Code = switch error.status {
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .contentTooLarge: .tooLarge
            case .badRequest, .unprocessableContent: .badRequest
            default: .internalError
            }
            let server = ServerError(code)
            return (error.status.code >= 500 ? .internalServerError : error.status, server.errorCode, server.message, server.messageEn)
        case let error as any CodedError:
            // Validation of identifiers and dates (NHICore), card and file errors: the input is wrong.
            return (.unprocessableContent, error.errorCode, error.message, error.messageEn)
        case is DecodingError:
            let server = ServerError(.badRequest)
            return (.unprocessableContent, server.errorCode, server.message, server.messageEn)
        default:
            let server = ServerError(.internalError)
            return (.internalServerError, server.errorCode, server.message, server.messageEn)
        }
    }

    static func status(server code: ServerError.Code) -> HTTPResponse.Status {
        switch code {
        case .unauthenticated, .sessionExpired: .unauthorized
        case .rateLimited: .tooManyRequests
        case .badRequest, .badParameter, .idempotencyKeyReused: .unprocessableContent
        case .idempotencyKeyRequired: .badRequest
        case .idempotencyInProgress: .conflict
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .tooLarge: .contentTooLarge
        default: .internalServerError
        }
    }

    /// Service errors: refusals 403, missing things 404, conflicts 409, store trouble 503,
    /// everything else a rule the request broke (422).
    static func status(service code: ServiceError.Code) -> HTTPResponse.Status {
        switch code {
        case .notAuthorised, .staffNotAssigned, .filingNotPermitted, .filingOwnerNeedsAssignment,
             .filingThreeInOneNeedsLabourNumber, .dprNotPayer, .unitAgentNotGranted, .signInMethodUnavailable:
            .forbidden
        case .unitNotRegistered, .staffNotFound, .filingNotFound, .statementNotFound, .batchJobNotFound, .billNotFound,
             .deviceNotFound:
            .notFound
        case .unitAlreadyRegistered, .staffAlreadyAssigned, .accountAlreadyRegistered, .filingDuplicatePending,
             .storeConstraint, .statementNotReady, .batchJobNotProcessed:
            .conflict
        case .signInUnitChoiceExpired: .gone
        case .accountServiceSuspended: .locked
        case .slipDownloadLimit: .tooManyRequests
        case .storeUnavailable, .storeFailure: .serviceUnavailable
        case .storeCorrupt, .storeKeyInvalid, .storeKeyMismatch, .storeKeyUnavailable, .storeKeyMissing, .storeNotNew:
            .internalServerError
        default: .unprocessableContent
        }
    }

    /// Login errors: a credential that does not prove who you are 401, lockouts 423,
    /// tokens of app sign-ins by their state, the store 503.
    static func status(login code: LoginError.Code) -> HTTPResponse.Status {
        switch code {
        case .passwordIncorrect, .cardNotRegistered, .otpIncorrect, .otpExpired, .otpReused, .deviceNotBound, .identityMismatch,
             .signatureInvalid, .challengeExpired, .challengeUnknown, .certificateIssuerUnknown, .certificateIdentifierMissing,
             .certificateAccountMismatch, .certificateAccountRequired, .cardFailed, .tokenIdentityMismatch:
            .unauthorized
        case .passwordSuspended, .otpSuspended: .locked
        case .notUnitOwner: .forbidden
        case .tokenUnknown: .notFound
        case .tokenExpired: .gone
        case .tokenUsed, .tokenNotConfirmed: .conflict
        case .storeFailed: .serviceUnavailable
        case .passwordAlgorithm: .internalServerError
        default: .unprocessableContent
        }
    }
}

extension HTTPResponse.Status {
    /// 423 Locked (RFC 4918): a lockout after wrong passwords or codes.
    static var locked: Self { .init(code: 423, reasonPhrase: "Locked") }
}

import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NHICore
import NHILogin
import NHIService
import NHISignIn
import NIOCore

/// The HTTP application over one `NHIService`: sign-in, the session, the workflows.
/// Every service call runs through `NHIService.perform(_:)` with the session's `Caller`;
/// the service applies its own authorisation rule to each.
public struct ServerAPI: Sendable {
    /// The service (and its store).
    public let service: NHIService
    /// Open sessions.
    public let registry: SessionRegistry
    /// Store-backed login verification (passwords, OTPs, QR tokens).
    let verifier: ServiceLoginVerifier
    /// Authenticated person → session or unit choice (shared with the kiosk's sign-in).
    let sessions: StaffSessionOpener
    /// Certificate challenges (in memory, 2 minutes, once).
    let challenges: CertificateChallengeIssuer
    let limiter: RateLimiter
    let idempotency: IdempotencyStore
    let configuration: ServerConfiguration

    /// The application over `service`.
    public init(service: NHIService, configuration: ServerConfiguration) {
        self.service = service
        self.configuration = configuration
        registry = SessionRegistry(idleTimeout: configuration.sessionIdle, absoluteLifetime: configuration.sessionLifetime,
                                   clock: configuration.sessionClock)
        verifier = ServiceLoginVerifier(service: service)
        sessions = StaffSessionOpener(service: service)
        challenges = CertificateChallengeIssuer()
        limiter = RateLimiter(limit: configuration.loginRateLimit)
        idempotency = IdempotencyStore()
    }

    // MARK: Plumbing

    /// The session of the request's bearer token (401 without one or when it lapsed).
    func session(_ request: Request) throws(ServerError) -> (SessionRegistry.Entry, String) {
        guard let header = request.headers[.authorization] else { throw ServerError(.unauthenticated) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw ServerError(.unauthenticated) }
        let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
        return (try registry.resolve(token), token)
    }

    func body(_ request: Request, _ context: ServerContext) async throws -> [UInt8] {
        var buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ServerContext) async throws -> T {
        try JSONCoding.decode(type, from: try await body(request, context))
    }

    /// Runs a data-changing request once per `Idempotency-Key`: a retry with the same key
    /// and body gets the first answer (with `Idempotent-Replayed: true`) and changes nothing.
    /// Answers below 500 are kept (a refusal is an answer too); after a 5xx the key is free.
    /// Runs a data-changing request at most once per `Idempotency-Key`. With `persistAs`, the
    /// first successful answer is also stored in the service's store in the transaction of
    /// the change (`NHIService.recording`), so a retry after a restart is answered from there:
    /// `persistAs` turns the change's result into the answer's body (nil: not this result).
    func idempotent(_ request: Request, _ context: ServerContext, persistAs encode: (@Sendable (Any) -> Data?)? = nil,
                    persistStatus: Int = 201,
                    _ run: @escaping @Sendable (SessionRegistry.Entry, [UInt8]) async throws -> Reply) async throws -> Response {
        let (entry, _) = try session(request)
        guard let key = request.headers[.idempotencyKey], !key.isEmpty, key.count <= 200 else {
            throw ServerError(.idempotencyKeyRequired)
        }
        let bytes = try await body(request, context)
        let caller = entry.session.caller
        let owner = "\(caller.unitCode?.rawValue ?? "-")|\(caller.personID?.rawValue ?? "org")|\(caller.staffID.map(String.init) ?? "-")"
        switch try idempotency.begin(owner, key: key, body: Data(request.uri.path.utf8) + Data([0]) + Data(bytes)) {
        case .replay(let stored):
            var reply = Reply(status: stored.status, bytes: Array(stored.body))
            reply.replayed = true
            return reply.response
        case .proceed:
            let digest = SHA256.hash(data: Data(request.uri.path.utf8) + Data([0]) + Data(bytes)).map { String(format: "%02x", $0) }.joined()
            if encode != nil {
                // Not in memory (a restarted server): the store may have the answer.
                let stored: RequestRecord?
                do { stored = try await service.perform { try $0.recordedRequest(owner: owner, key: key) } } catch {
                    idempotency.abandon(owner, key: key)
                    throw error
                }
                if let stored {
                    guard stored.requestDigest == digest else {
                        idempotency.abandon(owner, key: key)
                        throw ServerError(.idempotencyKeyReused)
                    }
                    idempotency.finish(owner, key: key, response: .init(status: stored.status, body: stored.response))
                    var reply = Reply(status: stored.status, bytes: Array(stored.response))
                    reply.replayed = true
                    return reply.response
                }
            }
            let reply: Reply
            do {
                if let encode {
                    let recording = RequestInProgress(owner: owner, key: key, requestDigest: digest, status: persistStatus, encode: encode)
                    reply = try await RequestInProgress.$current.withValue(recording) { try await run(entry, bytes) }
                } else {
                    reply = try await run(entry, bytes)
                }
            } catch {
                let problem = Problem(error, requestID: context.id)
                reply = Reply(status: problem.status, bytes: JSONCoding.encode(problem))
            }
            if reply.status >= 500 {
                idempotency.abandon(owner, key: key)
            } else {
                idempotency.finish(owner, key: key, response: .init(status: reply.status, body: Data(reply.bytes)))
            }
            return reply.response
        }
    }

    /// A unit code from the path.
    func unit(_ context: ServerContext) throws -> UnitCode {
        try UnitCode(parsing: try context.parameters.require("unit"))
    }

    /// An optional ISO date from the query (absent is nil; present and empty is malformed).
    func date(_ request: Request, _ name: String) throws -> CalendarDate? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        return try CalendarDate(iso: text)
    }
}

/// An answer as bytes (what an idempotency record keeps).
struct Reply: Sendable {
    var status: Int
    var bytes: [UInt8]
    var replayed = false

    init(status: Int, bytes: [UInt8]) {
        self.status = status
        self.bytes = bytes
    }

    init<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) {
        self.status = Int(status.code)
        self.bytes = JSONCoding.encode(value)
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = status >= 400 ? "application/problem+json" : "application/json"
        if replayed { headers[.idempotentReplayed] = "true" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension HTTPField.Name {
    static var idempotencyKey: Self { .init("Idempotency-Key")! }
    static var idempotentReplayed: Self { .init("Idempotent-Replayed")! }
    static var requestID: Self { .init("X-Request-ID")! }
}

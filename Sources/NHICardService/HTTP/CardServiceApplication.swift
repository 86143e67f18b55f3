import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NHICards
import NHICore
import NIOCore
import ServiceLifecycle

/// `nhi card serve`: the card readers as a local HTTP service for browser-based payroll
/// and HR systems.
///
/// | route | answer |
/// |---|---|
/// | `GET /readers` | ``ReadersSnapshot``: every reader and its state; an NHI card's identity as `nhi card read --json` gives it |
/// | `GET /events` | Server-Sent Events: a `snapshot`, then each ``CardServiceEvent`` as it happens (one read per insertion) |
/// | `GET /ws` | a WebSocket with the same events as `/events`, one JSON text message each (`"event": "snapshot"` first) |
/// | `GET /certificates` | ``CertificatesReport``: each certificate card's certificates (no PIN) |
/// | `POST /sign` | ``SignResult``: a ``SignRequest``'s challenge signed with the card's key, after the PIN is typed at this PC (``CardSigner``) |
/// | `GET /openapi.json` | the OpenAPI 3.1 document |
///
/// Only loopback by default; web pages only from the allowed origins (CORS), every other
/// origin refused with 403 and logged; a per-origin rate limit; a `Host:` that is not this
/// machine refused (DNS rebinding). Logs carry readers, states and origins, never an
/// identity.
///
/// ```swift
/// let monitor = ReaderMonitor()
/// await monitor.start()
/// let configuration = try CardServiceConfiguration(allowedOrigins: ["https://payroll.example.com"])
/// let service = CardServiceApplication(monitor: monitor, configuration: configuration)
/// try await service.run { port in print("listening on", port) }
/// ```
public struct CardServiceApplication: Sendable {
    /// The readers' state and events.
    public let monitor: ReaderMonitor
    /// Address, origins, limits.
    public let configuration: CardServiceConfiguration
    /// Signs with certificate cards (`POST /sign`); `nil`: signing is refused.
    public let signer: CardSigner?
    /// How often an idle event stream gets a comment line (keeps proxies and browsers from
    /// timing it out).
    public var heartbeat: Duration = .seconds(15)
    let logger: Logger
    let limiter: RateLimiter

    /// The service over `monitor`'s readers.
    public init(monitor: ReaderMonitor, configuration: CardServiceConfiguration, signer: CardSigner? = nil,
                logger: Logger = Logger(label: "nhi.card-service")) {
        self.monitor = monitor
        self.configuration = configuration
        self.signer = signer
        self.logger = logger
        limiter = RateLimiter(limit: configuration.requestsPerMinute, window: 60)
    }

    /// Every route, as `GET /readers` (the OpenAPI test compares them with the document).
    public var routes: [String] {
        makeRouter().routes.map { "\($0.method.rawValue) \($0.path)" }
    }

    /// The router.
    public func makeRouter() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.add(middleware: AccessMiddleware(configuration: configuration, limiter: limiter, logger: logger))
        let monitor = monitor, heartbeat = heartbeat
        router.get("/readers") { _, _ in try Self.json(await monitor.snapshot) }
        router.get("/events") { _, _ in await Self.events(monitor, heartbeat: heartbeat) }
        router.ws("/ws") { _, _ in .upgrade([:]) } onUpgrade: { inbound, outbound, _ in
            try await Self.webSocket(monitor, inbound: inbound, outbound: outbound)
        }
        router.get("/certificates") { _, _ in try Self.json(CertificatesReport(await monitor.certificateCards)) }
        let signer = signer
        router.post("/sign") { request, _ in
            do {
                let body = try await request.body.collect(upTo: 16 * 1024)
                let sign: SignRequest
                do {
                    sign = try JSONDecoder().decode(SignRequest.self, from: body)
                } catch {
                    throw CardServiceError(.requestInvalid, detail: "a JSON object {reader, challenge, serialNumber?}")
                }
                guard let signer else { throw CardServiceError(.signingUnavailable) }
                return try Self.json(try await signer.sign(sign, origin: request.headers[.origin]))
            } catch let error as CardServiceError {
                return CardServiceProblem.response(error, error.httpStatus)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                return CardServiceProblem.response(CardServiceError(.requestInvalid, detail: "the body is over 16 KiB"), .contentTooLarge)
            }
        }
        router.get("/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: CardServiceOpenAPI.json)))
        }
        return router
    }

    /// The Hummingbird application; `onListening` gets the bound port (useful with port 0).
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let router = makeRouter()
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            server = try .tls(.http1WebSocketUpgrade(webSocketRouter: router), tlsConfiguration: tls)
        } else {
            server = .http1WebSocketUpgrade(webSocketRouter: router)
        }
        return Application(router: router, server: server,
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "nhi-card-service"),
                           onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
                           logger: logger)
    }

    /// Serves until the task is cancelled or, with `handlingSignals`, until SIGINT or SIGTERM
    /// (then it stops gracefully: the event streams and WebSockets end first, so pages still
    /// listening do not keep the service from stopping).
    public func run(handlingSignals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = try application(onListening: onListening)
        // A group shuts its services down last to first: the streams end, then the server.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: application), .init(service: StreamsShutdown(monitor: monitor))],
            gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: logger))
        try await group.run()
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder().encode(value))))
    }

    /// One Server-Sent Events frame: `event: NAME` and the JSON on one `data:` line.
    static func frame(_ name: String, _ value: some Encodable, encoder: JSONEncoder) -> ByteBuffer {
        let data = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n")
    }

    /// `GET /events`: the current readers as a `snapshot` event, then every event as it happens.
    static func events(_ monitor: ReaderMonitor, heartbeat: Duration) async -> Response {
        let updates = await monitor.subscribe()
        let snapshot = await monitor.snapshot
        // Bounded both ways: a client that stops reading keeps at most the newest 256 frames.
        let (body, out) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(256))
        let encoder = encoder()   // one per stream, not one per frame
        let forward = Task {
            out.yield(frame("snapshot", snapshot, encoder: encoder))
            for await event in updates { out.yield(frame(event.event.rawValue, event, encoder: encoder)) }
            out.finish()
        }
        let beat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                out.yield(ByteBuffer(string: ": keep-alive\n\n"))
            }
        }
        out.onTermination = { _ in
            forward.cancel()
            beat.cancel()
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: body))
    }
}

extension CardServiceApplication {
    /// `GET /ws`: the snapshot, then every event, each a JSON text message; what the page
    /// sends is read and ignored (the connection's pings are the library's). Ends when the
    /// page closes the socket or the monitor stops.
    static func webSocket(_ monitor: ReaderMonitor, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let updates = await monitor.subscribe()
        let snapshot = await monitor.snapshot
        let encoder = encoder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // Drain the page's messages; when it closes, the stream ends and so does the socket.
                for try await _ in inbound.messages(maxSize: 4096) {}
            }
            group.addTask {
                try await outbound.write(.text(String(decoding: try encoder.encode(SnapshotMessage(snapshot)), as: UTF8.self)))
                for await event in updates {
                    try await outbound.write(.text(String(decoding: try encoder.encode(event), as: UTF8.self)))
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}

/// Ends every event stream and WebSocket when a graceful shutdown begins (the monitor stops;
/// each subscriber's stream finishes and its connection closes).
struct StreamsShutdown: Service {
    let monitor: ReaderMonitor

    func run() async throws {
        try? await gracefulShutdown()
        await monitor.stop()
    }
}

/// The first WebSocket message: `{"event": "snapshot", "status", "readers"}`.
struct SnapshotMessage: Encodable {
    let event = "snapshot"
    let status: ReadersSnapshot.Status
    let readers: [ReaderReport]

    init(_ snapshot: ReadersSnapshot) {
        status = snapshot.status
        readers = snapshot.readers
    }
}

/// The problem body of a refused request: `{"status", "code", "message", "messageEn"}`,
/// and for a card's refusal its own code with `userCode` (the NHI's number: 9039 wrong PIN,
/// 9043 locked …) and `remainingTries`.
struct CardServiceProblem: Codable {
    let status: Int
    let code: String
    let message: String
    let messageEn: String
    let userCode: Int?
    let remainingTries: Int?

    init(_ error: CardServiceError, status: HTTPResponse.Status) {
        self.status = status.code
        code = error.cardError?.errorCode ?? error.errorCode
        message = error.message
        messageEn = error.messageEn
        userCode = error.cardError?.userCode
        remainingTries = error.cardError?.remainingTries
    }

    static func response(_ error: CardServiceError, _ status: HTTPResponse.Status) -> Response {
        var response = (try? CardServiceApplication.json(CardServiceProblem(error, status: status), status: status))
            ?? Response(status: status)
        response.headers[.contentType] = "application/problem+json; charset=utf-8"
        return response
    }
}

/// Who may ask: the `Host:` must be this machine (unless remote use was allowed), a web
/// page's `Origin` must be on the list (CORS headers for it, 403 and a log line for any
/// other), and each origin has a rate limit.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = BasicWebSocketRequestContext
    let configuration: CardServiceConfiguration
    let limiter: RateLimiter
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !configuration.allowRemote, let authority = request.head.authority, !CardServiceConfiguration.isLoopback(Self.hostname(authority)) {
            logger.warning("refused a request for another host", metadata: ["host": "\(authority)"])
            return CardServiceProblem.response(CardServiceError(.hostForbidden, detail: authority), .forbidden)
        }
        let origin = request.headers[.origin]
        if let origin, !configuration.allowedOrigins.contains(origin) {
            logger.warning("refused a web page", metadata: ["origin": "\(origin)", "path": "\(request.uri.path)"])
            return CardServiceProblem.response(CardServiceError(.originForbidden, detail: origin), .forbidden)
        }
        let admitted = limiter.admit(origin ?? "local")
        var response: Response
        if !admitted.allowed {
            response = CardServiceProblem.response(CardServiceError(.rateLimited), .tooManyRequests)
            response.headers[.retryAfter] = String(admitted.retryAfter)
        } else if request.method == .options, origin != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? "content-type"
            response.headers[.accessControlMaxAge] = "600"
            // Private Network Access: a public page asking for a loopback service says so in its
            // preflight; the service agrees only for the origins it allows.
            if request.headers[Self.requestPrivateNetwork] == "true" { response.headers[Self.allowPrivateNetwork] = "true" }
        } else if request.uri.path == "/ws", request.method == .get,
                  request.headers[.upgrade]?.lowercased().contains("websocket") != true {
            // A plain GET of the WebSocket's path: say what it takes.
            response = CardServiceProblem.response(CardServiceError(.webSocketUpgradeRequired), .upgradeRequired)
            response.headers[.upgrade] = "websocket"
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                if let allowed = Self.paths[request.uri.path] {
                    // A route's path with another method.
                    response = CardServiceProblem.response(CardServiceError(.methodNotAllowed, detail: "\(request.method) \(request.uri.path)"),
                                                           .methodNotAllowed)
                    response.headers[.allow] = "\(allowed), OPTIONS"
                } else {
                    response = CardServiceProblem.response(CardServiceError(.notFound, detail: request.uri.path), .notFound)
                }
            }
        }
        if let origin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.vary] = "Origin"
        }
        return response
    }

    static let requestPrivateNetwork = HTTPField.Name("Access-Control-Request-Private-Network")!
    static let allowPrivateNetwork = HTTPField.Name("Access-Control-Allow-Private-Network")!

    /// The routes' paths and the method each answers.
    static let paths: [String: String] = ["/readers": "GET", "/events": "GET", "/certificates": "GET", "/sign": "POST",
                                          "/ws": "GET", "/openapi.json": "GET"]

    /// `127.0.0.1:7780` → `127.0.0.1`; `[::1]:7780` → `::1`.
    static func hostname(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? authority
    }
}

extension CardServiceError {
    /// The HTTP status `POST /sign` answers with.
    var httpStatus: HTTPResponse.Status {
        switch code {
        case .requestInvalid: .badRequest
        case .readerUnknown, .certificateUnknown: .notFound
        case .notCertificateCard, .signBusy: .conflict
        case .signDeclined, .signingUnavailable: .forbidden
        case .pinTimeout: .requestTimeout
        case .cardFailed:
            switch cardError?.code {
            case .pinLocked?: HTTPResponse.Status(code: 423, reasonPhrase: "Locked")
            case .pinIncorrect?, .pinLength?: .unprocessableContent
            default: .conflict
            }
        default: .badRequest
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NHICore
import NHIService
import NIOConcurrencyHelpers
import NIOCore

/// The request context: Hummingbird's (its logger carries `hb.request.id`, so every log
/// line of a request names it) plus the client's address.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address (rate limits).
    public let remoteAddress: String
    /// The largest body accepted (batch files arrive base64 in JSON).
    public var maxUploadSize: Int { 16 << 20 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Turns every error into `application/problem+json`, sets `X-Request-ID`, logs one line per
/// request (method, route, status, time — never a body, a header value or a query) and
/// counts requests and their duration (swift-metrics).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    /// The routes' paths and methods: a known path with another method is 405 with `Allow`.
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = context.id
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && !routes.allowed(request.uri.path).isEmpty {
            // The router found no responder; the path is a route's, the method is not one of its methods.
            response = Self.problemResponse(ServerError(.methodNotAllowed), requestID: requestID)
            response.headers[.allow] = routes.allowed(request.uri.path).joined(separator: ", ")
        } catch {
            response = Self.problemResponse(error, requestID: requestID)
            let status = response.status.code
            if status >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))", "code": "\(Problem(error, requestID: nil).code)"])
            }
        }
        response.headers[.requestID] = requestID
        let elapsed = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        let millis = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("\(request.method) \(route) \(response.status.code)",
                            metadata: ["ms": "\(String(format: "%.1f", millis))"])
        let dimensions = [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))]
        Counter(label: "nhi_server_requests_total", dimensions: dimensions).increment()
        Metrics.Timer(label: "nhi_server_request_duration_seconds", dimensions: [("method", request.method.rawValue), ("route", route)],
                      preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(elapsed.components.seconds) * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        return response
    }

    static func problemResponse(_ error: any Error, requestID: String?) -> Response {
        let problem = Problem(error, requestID: requestID)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let limited = error as? RateLimited { headers[.retryAfter] = String(limited.retryAfter) }
        return Response(status: .init(code: problem.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: JSONCoding.encode(problem))))
    }
}

/// Every route's path template and methods (filled once, when the router is made).
final class RouteMethods: Sendable {
    private let table = NIOLockedValueBox<[(template: [Substring], methods: [String])]>([])

    /// Records the router's routes (`/v1/units/{unit}/roster` …).
    func record(_ routes: [(method: String, path: String)]) {
        var grouped: [String: [String]] = [:]
        for route in routes { grouped[route.path, default: []].append(route.method) }
        table.withLockedValue { table in
            table = grouped.map { (template: $0.key.split(separator: "/"), methods: $0.value.sorted()) }
        }
    }

    /// The methods of the route whose template matches `path` (none when no route does).
    /// As the router does, a literal segment wins over a parameter: `/v1/filings/withdrawals`
    /// is that route's, not `/v1/filings/{id}`'s.
    func allowed(_ path: String) -> [String] {
        let parts = path.split(separator: "/")
        return table.withLockedValue { table in
            table.filter { entry in
                entry.template.count == parts.count && zip(entry.template, parts).allSatisfy { pair in pair.0.first == "{" || pair.0 == pair.1 }
            }
            .max { a, b in a.template.filter { $0.first != "{" }.count < b.template.filter { $0.first != "{" }.count }?
            .methods ?? []
        }
    }
}

/// A refusal by the rate limiter, with its `Retry-After` (a `request.rateLimited` problem).
struct RateLimited: Error {
    let retryAfter: Int
}

/// The server's JSON: sorted keys, ISO 8601 dates.
enum JSONCoding {
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do { return Array(try encoder.encode(value)) } catch {
            return Array(#"{"code":"server.internal"}"#.utf8)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // An identifier or date that fails its own rule keeps its code (nationalID.checksum …).
        do { return try decoder.decode(type, from: Data(bytes)) } catch let error as any CodedError { throw error } catch {
            throw ServerError(.badRequest, detail: Self.describe(error))
        }
    }

    /// Which field was wrong, without its value.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "invalid value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "invalid"
        }
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NHIService
import NIOCore
import Prometheus
import ServiceLifecycle

/// `nhi-server`'s application: the router over ``ServerAPI`` and the Hummingbird server
/// (HTTPS with a certificate, or plain HTTP on loopback only).
///
/// ```swift
/// let server = NHIServerApplication(service: service, configuration: configuration, logger: logger)
/// try await server.application { port in print("listening on", port) }.runService()
/// ```
public struct NHIServerApplication: Sendable {
    /// The handlers and their state (sessions, idempotency records, rate limits).
    public let api: ServerAPI
    /// Where `/metrics` reads from (the executable bootstraps swift-metrics with it).
    public let metrics: PrometheusCollectorRegistry?
    let logger: Logger

    /// The application over `service`.
    public init(service: NHIService, configuration: ServerConfiguration, metrics: PrometheusCollectorRegistry? = nil, logger: Logger) {
        api = ServerAPI(service: service, configuration: configuration)
        self.metrics = metrics
        self.logger = logger
    }

    /// Every route, as `GET /v1/session` (the OpenAPI test compares them with the document).
    public var routes: [String] {
        makeRouter().routes.map { "\($0.method.rawValue) \($0.path)" }
    }

    /// The router: operations, sign-in, the session, the workflows.
    public func makeRouter() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        let methods = RouteMethods()
        router.add(middleware: ProblemMiddleware(routes: methods))
        let api = api, metrics = metrics

        router.get("/healthz") { _, _ in JSONCoding.response(["status": "ok"]) }
        router.get("/readyz") { _, _ in
            do {
                _ = try await api.service.perform { service in try service.store.read { _ in true } }
                return JSONCoding.response(["status": "ready"])
            } catch {
                throw ServiceError(.storeUnavailable)
            }
        }
        router.get("/metrics") { _, _ in
            var bytes: [UInt8] = []
            metrics?.emit(into: &bytes)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }

        router.post("/v1/sessions") { try await api.signIn($0, $1) }
        router.post("/v1/sessions/challenges") { try await api.issueChallenge($0, $1) }
        router.post("/v1/sessions/app") { try await api.startAppSignIn($0, $1) }
        router.get("/v1/sessions/app/{reference}") { try await api.appSignInStatus($0, $1) }
        router.post("/v1/sessions/unit-choice") { try await api.chooseUnit($0, $1) }
        router.get("/v1/session") { try await api.showSession($0, $1) }
        router.delete("/v1/session") { try await api.signOut($0, $1) }

        router.get("/v1/units/{unit}/roster") { try await api.roster($0, $1) }
        router.get("/v1/units/{unit}/filings") { try await api.filings($0, $1) }
        router.get("/v1/units/{unit}/filings/today") { try await api.filedToday($0, $1) }
        router.delete("/v1/filings/{id}") { try await api.deleteFiling($0, $1) }
        router.post("/v1/filings/enrolments") { try await api.enrol($0, $1) }
        router.post("/v1/filings/withdrawals") { try await api.withdraw($0, $1) }
        router.post("/v1/filings/salary-adjustments") { try await api.adjustSalary($0, $1) }
        router.get("/v1/units/{unit}/audit") { try await api.auditLog($0, $1) }
        router.post("/v1/filings/status-changes") { try await api.changeStatus($0, $1) }
        router.post("/v1/filings/basic-data-changes") { try await api.changeBasicData($0, $1) }
        router.post("/v1/units/{unit}/batch-registrations/check") { try await api.batchCheck($0, $1) }
        router.post("/v1/units/{unit}/batch-registrations") { try await api.batchUpload($0, $1) }
        router.get("/v1/units/{unit}/batch-registrations") { try await api.batchRecords($0, $1) }
        router.post("/v1/insurance/status") { try await api.insuranceStatus($0, $1) }
        router.post("/v1/insurance/proofs") { try await api.insuranceProof($0, $1) }
        router.get("/v1/units/{unit}/staff") { try await api.staffList($0, $1) }
        router.post("/v1/units/{unit}/staff") { try await api.assignStaff($0, $1) }
        router.delete("/v1/staff/{id}") { try await api.deleteStaff($0, $1) }
        router.get("/v1/units/{unit}/bills") { try await api.bills($0, $1) }
        router.post("/v1/bills/{id}/slips") { try await api.issueSlip($0, $1) }
        router.get("/v1/units/{unit}/unpaid") { try await api.unpaid($0, $1) }
        router.get("/v1/units/{unit}/statements") { try await api.statements($0, $1) }
        router.post("/v1/units/{unit}/statements") { try await api.requestStatement($0, $1) }
        router.post("/v1/units/{unit}/filing-imports/check") { try await api.checkFilingImport($0, $1) }
        router.post("/v1/units/{unit}/filing-imports") { try await api.importFilings($0, $1) }
        router.get("/v1/units/{unit}/filings/listing") { try await api.filingListing($0, $1) }
        router.get("/v1/units/{unit}/bulk-adjustments/proposal") { try await api.bulkAdjustmentProposal($0, $1) }
        router.get("/v1/units/{unit}/bulk-adjustments/by-grade") { try await api.bulkAdjustmentByGrade($0, $1) }
        router.post("/v1/units/{unit}/bulk-adjustments") { try await api.fileBulkAdjustment($0, $1) }
        router.post("/v1/card-applications") { try await api.applyForCard($0, $1) }
        router.post("/v1/card-applications/search") { try await api.cardApplications($0, $1) }
        router.get("/v1/statements/{id}") { try await api.downloadStatement($0, $1) }
        router.get("/v1/units/{unit}/premium-detail") { try await api.premiumDetail($0, $1) }
        router.get("/v1/units/{unit}/payment-certificate") { try await api.paymentCertificate($0, $1) }
        router.get("/v1/units/{unit}/e-payment") { try await api.ePayment($0, $1) }
        router.put("/v1/units/{unit}/e-payment") { try await api.subscribeEPayment($0, $1) }
        router.delete("/v1/units/{unit}/e-payment") { try await api.cancelEPayment($0, $1) }
        methods.record(router.routes.map { (method: $0.method.rawValue, path: $0.path.description) })
        return router
    }

    /// The Hummingbird application; `onListening` gets the bound port (useful with port 0).
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let configuration = api.configuration
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        return Application(router: makeRouter(), server: server,
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "nhi-server"),
                           onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
                           logger: logger)
    }
}

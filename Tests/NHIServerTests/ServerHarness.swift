import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NHICore
import NHIServer
import NHIService
import NHITestSupport
import NIOCore
import NIOHTTP1
import NIOSSL

/// A real `nhi-server` application on a loopback port over a working copy of the demo
/// database (SQLite file), and an async-http-client client for it.
final class ServerHarness: @unchecked Sendable {
    /// The SQLite working copy of the demo database (nil on PostgreSQL).
    let demo: DemoDatabase?
    /// The PostgreSQL database seeded with the demo (nil on SQLite); dropped with the harness.
    let database: TemporaryDatabase?
    let service: NHIService
    let server: NHIServerApplication
    let sessionClock: ManualClock
    let logs = CapturedLogs()
    let client: HTTPClient
    let baseURL: String
    private let task: Task<Void, any Error>

    /// The demo template is seeded once per test process (seeding hashes passwords); each
    /// harness gets its own copy.
    static let cache: URL = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-server-tests-\(getpid())")
        _ = try? DemoDatabase(cacheDirectory: cache)
        return cache
    }()

    /// A server over the demo data: a copy of the SQLite template, or (`store: .postgres`) a
    /// fresh database on `$NHI_TEST_POSTGRES_URL` seeded with the same demo.
    /// `reusing`: a new server (fresh sessions and memory) over another harness's service —
    /// a restarted server over the same database.
    init(store: TestStoreKind = .sqlite, tls: TLSConfiguration? = nil, clientTLS: TLSConfiguration? = nil,
         reusing previous: ServerHarness? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }) async throws {
        let logger = logs.logger(label: "nhi.server")
        switch store {
        case _ where previous != nil:
            demo = previous!.demo
            database = previous!.database
            service = previous!.service
        case .sqlite:
            let demo = try DemoDatabase(cacheDirectory: Self.cache)
            self.demo = demo
            database = nil
            service = NHIService(store: try SQLiteStore(path: demo.path), logger: logs.logger(label: "nhi.service"))
        case .postgres:
            let database = try TemporaryDatabase(kind: .postgres)
            try DemoData.seed(database.store, today: .today())
            self.database = database
            demo = nil
            service = NHIService(store: database.store, logger: logs.logger(label: "nhi.service"))
        }
        sessionClock = ManualClock(Date())
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.tls = tls
        configuration.sessionClock = sessionClock
        configure(&configuration)
        server = NHIServerApplication(service: service, configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try server.application { port in continuation.yield(port) }
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        baseURL = "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)"
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.tlsConfiguration = clientTLS
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }

    func stop() async {
        try? await client.shutdown()
        task.cancel()
        _ = try? await task.value
    }

    struct Answer: @unchecked Sendable {
        let status: Int
        let headers: [String: String]
        let bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:] }
        var code: String? { json["code"] as? String }
        var contentType: String? { headers["content-type"] }
    }

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
              headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let json {
            request.body = .bytes(ByteBuffer(string: json))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 8 << 20)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return Answer(status: Int(response.status.code), headers: fields, bytes: Array(body.readableBytesView))
    }

    /// Signs a demo member of staff in with their NHI card and the demo password.
    func signIn(_ person: DemoData.Person, password: String = DemoData.staffPassword) async throws -> Answer {
        try await send(.POST, "/v1/sessions", json: """
            {"method":"nhiCard","cardNumber":"\(person.cardNumber.rawValue)","personID":"\(person.id.rawValue)","password":"\(password)"}
            """)
    }

    func token(_ person: DemoData.Person) async throws -> String {
        let answer = try await signIn(person)
        guard answer.status == 201, let token = answer.json["token"] as? String else {
            throw HarnessError(message: "sign-in failed: \(answer.status) \(answer.text)")
        }
        return token
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}


import Testing

/// Writes a working copy of the demo database to `$NHI_EXPORT_DEMO_DB` (for
/// scripts/schemathesis and Benchmarks/server.sh); does nothing otherwise.
@Suite("DemoDatabaseExport")
struct DemoDatabaseExport {
    @Test("Export the demo database when asked")
    func export() throws {
        guard let target = ProcessInfo.processInfo.environment["NHI_EXPORT_DEMO_DB"] else { return }
        let demo = try DemoDatabase(cacheDirectory: ServerHarness.cache)
        for suffix in ["", "-wal", StoreKey.fileSuffix] where FileManager.default.fileExists(atPath: demo.path + suffix) {
            try? FileManager.default.removeItem(atPath: target + suffix)
            try FileManager.default.copyItem(atPath: demo.path + suffix, toPath: target + suffix)
        }
    }
}

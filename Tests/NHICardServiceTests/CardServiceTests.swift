import AsyncHTTPClient
import Foundation
import Logging
import NHICardService
import NHICards
import NHICore
import NHITestSupport
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization
import Testing

/// `nhi card serve` as a library: the real HTTP server on loopback, real pcscd with vpcd's
/// virtual readers and the emulator's cards. Fails (does not skip) without pcscd.
@Suite("Card service: readers over HTTP and Server-Sent Events", .serialized)
struct CardServiceTests {
    static let allowed = "https://payroll.example.com"

    static func nhiCard(_ name: String = "陳大文", _ id: String = "A123456789") throws -> VirtualNHICard {
        try VirtualNHICard(identity: VirtualCardProfile.nhi(name: name, id: id, birthDate: "0850504", sex: "M",
                                                            cardNumber: "000012345678", issueDate: "1120301").nhiIdentity())
    }

    @Test("GET /readers: each reader's state, an NHI card's identity as nhi card read --json gives it, other cards by kind")
    func readers() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            try await Harness.with { service in
                try await first.insert(Self.nhiCard())
                let snapshot = try await service.waitForReaders { readers in
                    readers.first { $0.name == first.reader.name }?.state == .nhiCard
                        && readers.first { $0.name == second.reader.name }?.state == .empty
                }
                #expect(snapshot.status == .ok)
                let card = try #require(snapshot.readers.first { $0.name == first.reader.name }?.card)
                #expect(card.name == "陳大文" && card.id == "A123456789" && card.birthDate == "1996-05-04" && card.sex == "M")
                #expect(card.cardType == .nhiCard && card.error == nil)
                // The same report nhi card read --json prints for this reader.
                let inspected = try await CardInspector(PCSCContext()).inspect(reader: first.reader.name)
                #expect(card == CardReport(inspected))

                try await second.insert(VirtualOpaqueCard(atr: ATR(hex: "3B 02 14 50")!))
                _ = try await service.waitForReaders { $0.first { $0.name == second.reader.name }?.state == .unsupportedCard }
                first.removeCard()
                let profile = CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明",
                                                     authority: "citizen", idLastFour: "6789")
                first.insertCard(try profile.makeCard())
                let certificate = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .certificateCard }
                let report = try #require(certificate.readers.first { $0.name == first.reader.name }?.card)
                #expect(report.cardNumber == "TP03000001234567" && report.certificate?.kind == "citizen")
                #expect(report.certificate?.idLastFour == "6789")

                let answer = try await service.get("/readers")
                #expect(answer.status == 200 && answer.headers["content-type"]?.hasPrefix("application/json") == true)
                #expect(answer.headers["access-control-allow-origin"] == nil)   // no Origin, no CORS header
            }
        }
    }

    @Test("GET /events: a snapshot, then each insertion with the card (read once for every listener) and each removal")
    func events() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await Harness.with { service in
                let a = try await service.events(origin: Self.allowed)
                let b = try await service.events()
                let snapshot = try await a.next()
                #expect(snapshot.name == "snapshot")
                let readsBefore = await service.monitor.reads
                try await first.insert(Self.nhiCard("林碁", "BD01300667"))   // an ETEN character (碁)
                for stream in [a, b] {
                    let inserted = try await stream.next { $0.name == "cardInserted" }
                    let event = try JSONDecoder().decode(CardServiceEvent.self, from: Data(inserted.data.utf8))
                    #expect(event.reader == first.reader.name && event.state == .nhiCard)
                    #expect(event.card?.name == "林碁" && event.card?.id == "BD01300667")
                }
                #expect(await service.monitor.reads == readsBefore + 1)
                first.removeCard()
                for stream in [a, b] {
                    let removed = try await stream.next { $0.name == "cardRemoved" }
                    #expect(removed.data.contains("\"state\":\"empty\""))
                }
                a.cancel()
                b.cancel()
                try await service.waitFor { await service.monitor.subscriberCount == 0 }
            }
        }
    }

    @Test("A card pulled mid-read: the insertion reports the error, the reader ends empty, the next card reads")
    func pulledMidRead() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await Harness.with { service in
                let stream = try await service.events()
                _ = try await stream.next()
                // The card goes at the READ PROFILE (INS CA), after the SELECT.
                let identity = try VirtualCardProfile.nhi(name: "陳大文", id: "A123456789", birthDate: "0850504", sex: "M",
                                                          cardNumber: "000012345678", issueDate: "1120301").nhiIdentity()
                try await first.insert(VirtualNHICard(identity: identity, faults: VirtualCardFaults(pullOnInstruction: 0xCA)))
                let inserted = try await stream.next { $0.name == "cardInserted" }
                let event = try JSONDecoder().decode(CardServiceEvent.self, from: Data(inserted.data.utf8))
                #expect(event.state == .error && event.card?.error != nil && event.card?.id == nil)
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .empty }
                first.insertCard(try Self.nhiCard())
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .nhiCard }
                stream.cancel()
            }
        }
    }

    @Test("Origins: an allowed page gets CORS headers; any other gets 403 without them, logged without an identity; a foreign Host is refused")
    func origins() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await Harness.with { service in
                try await first.insert(Self.nhiCard())
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .nhiCard }

                let allowed = try await service.get("/readers", headers: [("Origin", Self.allowed)])
                #expect(allowed.status == 200 && allowed.headers["access-control-allow-origin"] == Self.allowed)
                #expect(allowed.headers["vary"] == "Origin" && allowed.text.contains("A123456789"))

                let other = try await service.get("/readers", headers: [("Origin", "https://evil.example")])
                #expect(other.status == 403 && other.headers["access-control-allow-origin"] == nil)
                #expect(other.json["code"] as? String == "cardService.originForbidden" && !other.text.contains("A123456789"))
                let events = try await service.get("/events", headers: [("Origin", "https://evil.example")])
                #expect(events.status == 403)

                let preflight = try await service.send(.OPTIONS, "/readers", headers: [("Origin", Self.allowed),
                                                                                    ("Access-Control-Request-Method", "GET")])
                #expect(preflight.status == 204 && preflight.headers["access-control-allow-methods"] == "GET, POST, OPTIONS")
                #expect(preflight.headers["access-control-allow-private-network"] == nil)
                // Private Network Access (a public page reaching a loopback service): agreed for an allowed origin.
                let network = try await service.send(.OPTIONS, "/events", headers: [("Origin", Self.allowed), ("Access-Control-Request-Method", "GET"),
                                                                                 ("Access-Control-Request-Private-Network", "true")])
                #expect(network.status == 204 && network.headers["access-control-allow-private-network"] == "true")
                let refusedPreflight = try await service.send(.OPTIONS, "/readers", headers: [("Origin", "https://evil.example")])
                #expect(refusedPreflight.status == 403)

                let rebinding = try await service.get("/readers", headers: [("Host", "attacker.example:7780")])
                #expect(rebinding.status == 403 && rebinding.json["code"] as? String == "cardService.hostForbidden")

                let missing = try await service.get("/nothing")
                #expect(missing.status == 404 && missing.json["code"] as? String == "cardService.notFound")
                let wrongMethod = try await service.send(.POST, "/readers")
                #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "GET, OPTIONS")

                let lines = service.logs.lines
                #expect(lines.contains { $0.contains("refused a web page") && $0.contains("https://evil.example") })
                #expect(lines.contains { $0.contains("card inserted") && $0.contains("nhi_card") })
                #expect(!lines.contains { $0.contains("A123456789") || $0.contains("陳大文") })
            }
        }
    }

    @Test("Each origin has a rate limit: 429 with Retry-After past it, other origins unaffected")
    func rateLimit() async throws {
        try await Harness.with(requestsPerMinute: 3) { service in
            for _ in 0..<3 {
                #expect(try await service.get("/openapi.json", headers: [("Origin", Self.allowed)]).status == 200)
            }
            let limited = try await service.get("/openapi.json", headers: [("Origin", Self.allowed)])
            #expect(limited.status == 429 && limited.headers["retry-after"] != nil)
            #expect(limited.json["code"] as? String == "cardService.rateLimited")
            #expect(try await service.get("/openapi.json").status == 200)   // programs on this PC: their own budget
        }
    }

    @Test("pcscd restarted while serving: pcsc_unavailable, then the readers and the card come back by themselves")
    func pcscdRestart() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await Harness.with { service in
                try await first.insert(Self.nhiCard())
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .nhiCard }
                let stream = try await service.events()
                _ = try await stream.next()
                try PCSCTestEnvironment.restartPCSCD()
                _ = try await stream.next { $0.name == "serviceUnavailable" }
                _ = try await stream.next { $0.name == "serviceAvailable" }
                let back = try await stream.next(timeout: .seconds(20)) { $0.name == "cardInserted" }
                #expect(back.data.contains("\"id\":\"A123456789\""))
                let snapshot = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .nhiCard }
                #expect(snapshot.status == .ok)
                stream.cancel()
            }
        }
    }

    @Test("HTTPS with --tls-cert and --tls-key: a client trusting the certificate reads the readers; unreadable files are refused with their rule")
    func https() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-card-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        var clientTLS = TLSConfiguration.makeClientConfiguration()
        clientTLS.trustRoots = .file(cert)
        try await Harness.with(tls: try CardServiceConfiguration.tls(certificateFile: cert, keyFile: key), clientTLS: clientTLS) { service in
            #expect(service.baseURL.hasPrefix("https://"))
            let answer = try await service.get("/readers")
            #expect(answer.status == 200 && answer.json["status"] as? String != nil)
        }
        #expect(throws: CardServiceError(.tlsFiles)) { try CardServiceConfiguration.tls(certificateFile: directory.path + "/none.pem", keyFile: key) }
    }

    @Test("Loopback only unless told: other addresses, bad addresses and bad origins are refused with their rule")
    func configuration() throws {
        #expect(throws: CardServiceError(.listenNotLoopback)) { try CardServiceConfiguration(host: "0.0.0.0") }
        #expect(throws: CardServiceError(.listenNotLoopback)) { try CardServiceConfiguration(host: "192.168.1.20") }
        #expect(try CardServiceConfiguration(host: "0.0.0.0", allowRemote: true).host == "0.0.0.0")
        #expect(try CardServiceConfiguration(host: "localhost").host == "localhost")
        #expect(try CardServiceConfiguration(host: "::1").host == "::1")
        #expect(try CardServiceConfiguration(host: "127.0.0.53").host == "127.0.0.53")
        #expect(throws: CardServiceError(.listenNotLoopback)) { try CardServiceConfiguration(host: "127.example.com") }
        #expect(try CardServiceConfiguration.parseListen("127.0.0.1:7780") == ("127.0.0.1", 7780))
        #expect(try CardServiceConfiguration.parseListen("[::1]:0") == ("::1", 0))
        #expect(throws: CardServiceError(.listenAddress)) { try CardServiceConfiguration.parseListen("127.0.0.1") }
        #expect(throws: CardServiceError(.listenAddress)) { try CardServiceConfiguration.parseListen("127.0.0.1:70000") }
        #expect(throws: CardServiceError(.originFormat)) { try CardServiceConfiguration(allowedOrigins: ["https://a.example/"]) }
        #expect(throws: CardServiceError(.originFormat)) { try CardServiceConfiguration(allowedOrigins: ["payroll.example.com"]) }
        let error = CardServiceError(.originForbidden, detail: "https://evil.example")
        #expect(error.message.contains("https://evil.example") && error.messageEn.contains("--allow-origin"))
        #expect(Set(CardServiceError.catalog.map(\.code)).count == CardServiceError.catalog.count)
    }

    @Test("The OpenAPI document names exactly the routes the router has")
    func openAPI() throws {
        let service = CardServiceApplication(monitor: ReaderMonitor(), configuration: try CardServiceConfiguration(port: 0))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(CardServiceOpenAPI.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(documented == Set(service.routes))
    }
}

/// A card service on a free loopback port, with an HTTP client and its captured logs.
final class Harness: Sendable {
    let monitor: ReaderMonitor
    let baseURL: String
    let client: HTTPClient
    let logs: CapturedLogs
    private let task: Task<Void, any Error>

    private init(monitor: ReaderMonitor, baseURL: String, client: HTTPClient, logs: CapturedLogs, task: Task<Void, any Error>) {
        self.monitor = monitor
        self.baseURL = baseURL
        self.client = client
        self.logs = logs
        self.task = task
    }

    static func with(requestsPerMinute: Int = 600, tls: TLSConfiguration? = nil, clientTLS: TLSConfiguration? = nil,
                     prompt: (any PINPrompt)? = nil, _ body: (Harness) async throws -> Void) async throws {
        let logs = CapturedLogs()
        let logger = logs.logger(label: "nhi.card-service")
        let monitor = ReaderMonitor(logger: logger)
        await monitor.start()
        let configuration = try CardServiceConfiguration(port: 0, allowedOrigins: [CardServiceTests.allowed], requestsPerMinute: requestsPerMinute,
                                                         tls: tls)
        // Signing on the card itself (the emulator's certificate profile), the PIN from `prompt`.
        let signer = CardSigner(monitor: monitor, tokens: .card, prompt: prompt, logger: logger)
        var application = CardServiceApplication(monitor: monitor, configuration: configuration, signer: signer, logger: logger)
        application.heartbeat = .seconds(1)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let service = application
        let task = Task { try await service.run(handlingSignals: false) { port in continuation.yield(port) } }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.tlsConfiguration = clientTLS
        let harness = Harness(monitor: monitor, baseURL: "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)",
                              client: HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration), logs: logs, task: task)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func stop() async {
        try? await client.shutdown()
        await monitor.stop()
        task.cancel()
        _ = try? await task.value
    }

    struct Answer: @unchecked Sendable {
        let status: Int
        let headers: [String: String]
        let bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:] }
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Answer {
        try await send(.GET, path, headers: headers)
    }

    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        for (name, value) in headers {
            if name == "Host" { request.headers.replaceOrAdd(name: name, value: value) } else { request.headers.add(name: name, value: value) }
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return Answer(status: Int(response.status.code), headers: fields, bytes: Array(body.readableBytesView))
    }

    /// Polls `GET /readers` until `condition` holds (10 s).
    func waitForReaders(_ condition: ([ReaderReport]) -> Bool) async throws -> ReadersSnapshot {
        let deadline = ContinuousClock.now + .seconds(10)
        var last: ReadersSnapshot?
        while ContinuousClock.now < deadline {
            let answer = try await get("/readers")
            let snapshot = try JSONDecoder().decode(ReadersSnapshot.self, from: Data(answer.bytes))
            if condition(snapshot.readers) { return snapshot }
            last = snapshot
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("readers never reached the expected state; last: \(String(describing: last))")
    }

    func waitFor(_ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("condition not met in 10 s")
    }

    /// Opens `GET /events` and reads its frames as they come.
    func events(origin: String? = nil) async throws -> EventReader {
        var request = HTTPClientRequest(url: baseURL + "/events")
        if let origin { request.headers.add(name: "Origin", value: origin) }
        let response = try await client.execute(request, timeout: .seconds(120))
        guard response.status == .ok, response.headers["content-type"].first?.hasPrefix("text/event-stream") == true else {
            throw HarnessError("GET /events answered \(response.status)")
        }
        return EventReader(response.body)
    }
}

/// The frames of one event stream, read by a task of its own.
final class EventReader: Sendable {
    struct Frame: Sendable {
        let name: String
        let data: String
    }

    private let reader: Task<Void, Never>
    private let consumed = Mutex(0)
    private let sink: FrameSink

    init(_ body: HTTPClientResponse.Body) {
        let sink = FrameSink()
        reader = Task {
            var pending = ""
            do {
                for try await buffer in body {
                    pending += String(buffer: buffer)
                    while let end = pending.range(of: "\n\n") {
                        let block = String(pending[..<end.lowerBound])
                        pending = String(pending[end.upperBound...])
                        var name = "message", data = ""
                        for line in block.split(separator: "\n") {
                            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                        }
                        if !block.hasPrefix(":") { sink.append(Frame(name: name, data: data)) }
                    }
                }
            } catch {}
        }
        self.sink = sink
    }

    /// The next frame (after those already returned) that matches, waiting up to `timeout`.
    func next(timeout: Duration = .seconds(10), where matches: (Frame) -> Bool = { _ in true }) async throws -> Frame {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let start = consumed.withLock { $0 }
            let all = sink.frames
            if let index = all.indices.first(where: { $0 >= start && matches(all[$0]) }) {
                consumed.withLock { $0 = index + 1 }
                return all[index]
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("no matching event in \(timeout); got \(sink.frames.map(\.name))")
    }

    /// The frames received and not yet returned by ``next(timeout:where:)``.
    var pending: [Frame] {
        let start = consumed.withLock { $0 }
        return Array(sink.frames.dropFirst(start))
    }

    func cancel() { reader.cancel() }
}

final class FrameSink: Sendable {
    private let stored = Mutex<[EventReader.Frame]>([])
    func append(_ frame: EventReader.Frame) { stored.withLock { $0.append(frame) } }
    var frames: [EventReader.Frame] { stored.withLock { $0 } }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

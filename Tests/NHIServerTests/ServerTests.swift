import AsyncHTTPClient
import Foundation
import NHICore
import NHIServer
import NHIService
import NHITestSupport
import NIOSSL
import Testing

@Suite("nhi-server over HTTP on loopback")
struct ServerTests {
    @Test("The OpenAPI document is the contract: every route is in it, every path in it is a route; the embedded copy is the file")
    func openAPIMatchesRouter() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        let service = NHIService(store: try TemporaryDatabase().store)
        let routes = Set(NHIServerApplication(service: service, configuration: .init(), logger: .init(label: "test")).routes)
        #expect(routes.subtracting(documented).sorted() == [], "routes missing from openapi.json")
        #expect(documented.subtracting(routes).sorted() == [], "documented paths the router lacks")
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NHIServer/Resources/openapi.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .newlines) == OpenAPIDocument.json.trimmingCharacters(in: .newlines),
                "run scripts/embed-openapi")
    }

    @Test("Sign-in with an NHI card + password: a session bound to person, unit and role; GET shows permissions; DELETE revokes; no secret in any log line")
    func signInSessionAndLogs() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let answer = try await harness.signIn(DemoData.administrator)
        #expect(answer.status == 201)
        let token = try #require(answer.json["token"] as? String)
        #expect(token.count >= 43)  // 256 bits, base64url
        let session = try await harness.send(.GET, "/v1/session", token: token)
        #expect(session.status == 200)
        #expect(session.json["role"] as? String == "administrator")
        #expect(session.json["unitCode"] as? String == DemoData.unit.code.rawValue)
        #expect(session.json["maskedID"] as? String == DemoData.administrator.id.masked)
        let permissions = try #require(session.json["permissions"] as? [String])
        #expect(permissions.contains("file") && permissions.contains("administer"))

        let wrong = try await harness.signIn(DemoData.operator, password: "Wrong-pass9")
        #expect(wrong.status == 401)
        #expect(wrong.code == "password.incorrect")
        #expect(wrong.json["remainingAttempts"] as? Int == 2)

        let out = try await harness.send(.DELETE, "/v1/session", token: token)
        #expect(out.status == 204)
        let after = try await harness.send(.GET, "/v1/session", token: token)
        #expect(after.status == 401)
        #expect(after.code == "session.expired")

        let lines = harness.logs.lines
        #expect(lines.contains { $0.contains("signed in") })
        #expect(lines.contains { $0.contains("hb.request.id") }, "log lines carry the request id")
        for secret in [DemoData.staffPassword, "Wrong-pass9", token, DemoData.administrator.id.rawValue] {
            #expect(!lines.contains { $0.contains(secret) }, "a secret or a full ID reached the log")
        }
    }

    @Test("Authorisation over HTTP: no token, idle-expired token, operator vs administrator, another unit, a deleted member of staff")
    func authorisation() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let unit = DemoData.unit.code.rawValue

        let none = try await harness.send(.GET, "/v1/units/\(unit)/roster")
        #expect(none.status == 401)
        #expect(none.code == "session.missing")

        let admin = try await harness.token(DemoData.administrator)
        let roster = try await harness.send(.GET, "/v1/units/\(unit)/roster", token: admin)
        #expect(roster.status == 200)
        #expect(((roster.json["items"] as? [Any])?.count ?? 0) >= 5)

        let other = try await harness.send(.GET, "/v1/units/110009999/roster", token: admin)
        #expect(other.status == 403)
        #expect(other.code == "auth.notAuthorised")

        let operatorToken = try await harness.token(DemoData.operator)
        let operatorSession = try await harness.send(.GET, "/v1/session", token: operatorToken)
        #expect(operatorSession.json["role"] as? String == "operator")
        #expect(!((operatorSession.json["permissions"] as? [String]) ?? []).contains("administer"))
        let enrol = try await harness.send(.POST, "/v1/filings/enrolments", json: try enrolment(harness), token: operatorToken,
                                           headers: [("Idempotency-Key", "op-1")])
        #expect(enrol.status == 403)
        #expect(enrol.code == "filing.notPermitted")

        // The operator's assignment is deleted: their open session is refused by the service.
        let adminCaller = try harness.service.staff.session(person: DemoData.administrator.id, unit: DemoData.unit.code, credential: .nhiCard)
        let member = try #require(try harness.service.staff.memberships(person: DemoData.operator.id).first)
        try harness.service.staff.delete(member.id, by: adminCaller)
        let deleted = try await harness.send(.GET, "/v1/units/\(unit)/roster", token: operatorToken)
        #expect(deleted.status == 403)
        #expect(deleted.code == "staff.notAssigned")
        let again = try await harness.signIn(DemoData.operator)
        #expect(again.status == 403)
        #expect(again.code == "staff.notAssigned")

        // Idle expiry on the session clock.
        harness.sessionClock.advance(by: 16 * 60)
        let expired = try await harness.send(.GET, "/v1/session", token: admin)
        #expect(expired.status == 401)
        #expect(expired.code == "session.expired")
    }

    @Test("Today's filings, deletion and slips over HTTP: another unit refused, a key required, a malformed number 422, a replayed deletion answered once")
    func todayDeletionAndSlips() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let unit = DemoData.unit.code.rawValue
        let admin = try await harness.token(DemoData.administrator)
        #expect(try await harness.send(.GET, "/v1/units/\(unit)/filings/today").status == 401)
        #expect(try await harness.send(.GET, "/v1/units/110009999/filings/today", token: admin).code == "auth.notAuthorised")

        let filed = try await harness.send(.POST, "/v1/filings/enrolments", json: try enrolment(harness), token: admin,
                                           headers: [("Idempotency-Key", "today-1")])
        let id = try #require(filed.json["id"] as? Int)
        let today = try await harness.send(.GET, "/v1/units/\(unit)/filings/today", token: admin)
        #expect((today.json["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == id } == true)

        // A literal path wins over /v1/filings/{id}, in the router and in 405's Allow.
        let wrongMethod = try await harness.send(.GET, "/v1/filings/withdrawals", token: admin)
        #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "POST", "\(wrongMethod.headers)")
        let noKey = try await harness.send(.DELETE, "/v1/filings/\(id)", token: admin)
        #expect(noKey.status == 400 && noKey.code == "request.idempotencyKeyRequired")
        let malformed = try await harness.send(.DELETE, "/v1/filings/abc", token: admin, headers: [("Idempotency-Key", "d-0")])
        #expect(malformed.status == 422 && malformed.code == "request.invalidParameter")
        let deleted = try await harness.send(.DELETE, "/v1/filings/\(id)", token: admin, headers: [("Idempotency-Key", "d-1")])
        #expect(deleted.status == 200 && deleted.json["deleted"] as? Int == id, "\(deleted.text)")
        let replayed = try await harness.send(.DELETE, "/v1/filings/\(id)", token: admin, headers: [("Idempotency-Key", "d-1")])
        #expect(replayed.status == 200 && replayed.headers["idempotent-replayed"] == "true", "a lost answer's retry gets the first answer")
        let again = try await harness.send(.DELETE, "/v1/filings/\(id)", token: admin, headers: [("Idempotency-Key", "d-2")])
        #expect(again.status >= 400 && again.status < 500 && again.code != nil, "a second deletion is refused by the service (\(again.status))")
        let status = try harness.service.filings.filedToday(unit: DemoData.unit.code, by: try adminCaller(harness)).first { $0.id == Int64(id) }?.status
        #expect(status == .deleted)

        let bills = try await harness.send(.GET, "/v1/units/\(unit)/bills", token: admin)
        let bill = try #require((bills.json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        let slip = try await harness.send(.POST, "/v1/bills/\(bill)/slips", token: admin, headers: [("Idempotency-Key", "s-1")])
        #expect(slip.status == 201 && slip.json["id"] as? Int == bill, "\(slip.text)")
        let missing = try await harness.send(.POST, "/v1/bills/987654321/slips", token: admin, headers: [("Idempotency-Key", "s-2")])
        #expect(missing.status == 404 || missing.status == 403, "an unknown bill (\(missing.status) \(missing.code ?? "-"))")
    }

    @Test("A retried enrolment with the same Idempotency-Key files once and returns the first answer; another body with the key is refused",
          arguments: TestStoreKind.available)
    func idempotentRetry(_ store: TestStoreKind) async throws {
        let harness = try await ServerHarness(store: store)
        defer { Task { await harness.stop() } }
        let admin = try await harness.token(DemoData.administrator)
        let body = try enrolment(harness)
        let missing = try await harness.send(.POST, "/v1/filings/enrolments", json: body, token: admin)
        #expect(missing.status == 400)
        #expect(missing.code == "request.idempotencyKeyRequired")

        let first = try await harness.send(.POST, "/v1/filings/enrolments", json: body, token: admin, headers: [("Idempotency-Key", "k-1")])
        #expect(first.status == 201, "\(first.text)")
        let second = try await harness.send(.POST, "/v1/filings/enrolments", json: body, token: admin, headers: [("Idempotency-Key", "k-1")])
        #expect(second.status == 201)
        #expect(second.headers["idempotent-replayed"] == "true")
        #expect(second.json["id"] as? Int == first.json["id"] as? Int)
        let filed = try harness.service.filings.filedToday(unit: DemoData.unit.code, by: try adminCaller(harness))
        #expect(filed.filter { $0.personID == DemoData.uninsured.id }.count == 1)

        let other = try await harness.send(.POST, "/v1/filings/enrolments", json: body.replacingOccurrences(of: "到職起薪", with: "到職"),
                                           token: admin, headers: [("Idempotency-Key", "k-1")])
        #expect(other.status == 422)
        #expect(other.code == "request.idempotencyKeyReused")
        // A new key for the same person: the service's own rule refuses the duplicate.
        let duplicate = try await harness.send(.POST, "/v1/filings/enrolments", json: body, token: admin, headers: [("Idempotency-Key", "k-2")])
        #expect(duplicate.status == 409 || duplicate.status == 422)
    }

    @Test("After a restart the store still knows the answer: the retry is replayed (same filing, same body), nothing filed twice",
          arguments: TestStoreKind.available)
    func idempotentAcrossRestart(_ store: TestStoreKind) async throws {
        let first = try await ServerHarness(store: store)
        let body = try enrolment(first)
        let token = try await first.token(DemoData.administrator)
        let answered = try await first.send(.POST, "/v1/filings/enrolments", json: body, token: token, headers: [("Idempotency-Key", "r-1")])
        #expect(answered.status == 201, "\(answered.text)")
        await first.stop()

        // A new server over the same database: no sessions, no memory of the key.
        let restarted = try await ServerHarness(store: store, reusing: first)
        let again = try await restarted.token(DemoData.administrator)
        let retry = try await restarted.send(.POST, "/v1/filings/enrolments", json: body, token: again, headers: [("Idempotency-Key", "r-1")])
        #expect(retry.status == 201, "\(retry.text)")
        #expect(retry.headers["idempotent-replayed"] == "true")
        #expect(retry.bytes == answered.bytes, "the first answer, byte for byte")
        let filed = try restarted.service.filings.filedToday(unit: DemoData.unit.code, by: try adminCaller(restarted))
        #expect(filed.filter { $0.personID == DemoData.uninsured.id }.count == 1)
        // The key with another body is still refused; a refused request records nothing.
        let other = try await restarted.send(.POST, "/v1/filings/enrolments", json: body.replacingOccurrences(of: "到職起薪", with: "到職"),
                                             token: again, headers: [("Idempotency-Key", "r-1")])
        #expect(other.code == "request.idempotencyKeyReused")
        let refused = try await restarted.send(.POST, "/v1/filings/enrolments", json: body, token: again, headers: [("Idempotency-Key", "r-2")])
        #expect(refused.status >= 400)
        let caller = try adminCaller(restarted)
        let owner = "\(DemoData.unit.code.rawValue)|\(DemoData.administrator.id.rawValue)|\(caller.staffID.map(String.init) ?? "-")"
        #expect(try restarted.service.recordedRequest(owner: owner, key: "r-1")?.status == 201)
        #expect(try restarted.service.recordedRequest(owner: owner, key: "r-2") == nil)

        // A deletion and a slip whose answers were lost: after another restart, answered from the store.
        let filing = try #require(answered.json["id"] as? Int)
        let bill = try #require(((try await restarted.send(.GET, "/v1/units/\(DemoData.unit.code.rawValue)/bills", token: again))
            .json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        let deleted = try await restarted.send(.DELETE, "/v1/filings/\(filing)", token: again, headers: [("Idempotency-Key", "r-3")])
        let slip = try await restarted.send(.POST, "/v1/bills/\(bill)/slips", token: again, headers: [("Idempotency-Key", "r-4")])
        #expect(deleted.status == 200 && slip.status == 201, "\(deleted.text) \(slip.text)")
        await restarted.stop()
        let third = try await ServerHarness(store: store, reusing: first)
        let token3 = try await third.token(DemoData.administrator)
        let deletedAgain = try await third.send(.DELETE, "/v1/filings/\(filing)", token: token3, headers: [("Idempotency-Key", "r-3")])
        #expect(deletedAgain.status == 200 && deletedAgain.headers["idempotent-replayed"] == "true" && deletedAgain.bytes == deleted.bytes,
                "the deletion's first answer, not a refusal of a second deletion (\(deletedAgain.text))")
        let slipAgain = try await third.send(.POST, "/v1/bills/\(bill)/slips", token: token3, headers: [("Idempotency-Key", "r-4")])
        #expect(slipAgain.status == 201 && slipAgain.headers["idempotent-replayed"] == "true" && slipAgain.bytes == slip.bytes)
        let downloads = try third.service.store.read { try $0.slipDownloads(bill: Int64(bill), on: third.service.clock.today) }
        #expect(downloads == 1, "the slip was counted once against the daily limit")
        #expect(try third.service.pruneRequestRecords(before: Date().addingTimeInterval(3600)) >= 3)
        await third.stop()
    }

    @Test("Errors are application/problem+json with type, title, status, code and both messages")
    func problemShape() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        for (path, status, code) in [("/nope", 404, "http.notFound"), ("/v1/session", 401, "session.missing")] {
            let answer = try await harness.send(.GET, path)
            #expect(answer.status == status)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.code == code)
            for key in ["type", "title", "status", "message", "messageEn"] { #expect(answer.json[key] != nil, "\(key)") }
            #expect(answer.json["status"] as? Int == status)
            #expect(answer.headers["x-request-id"] != nil)
        }
        let bad = try await harness.send(.POST, "/v1/sessions", json: #"{"method":"nhiCard","cardNumber":"12"}"#)
        #expect(bad.status == 422)
        // A known path with a method it does not have: 405 with Allow (RFC 9110 §15.5.6).
        let wrongMethod = try await harness.send(.PUT, "/v1/units/110001000/statements")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.code == "http.methodNotAllowed")
        #expect(wrongMethod.contentType == "application/problem+json")
        #expect(wrongMethod.headers["allow"] == "GET, POST")
        let trace = try await harness.send(.TRACE, "/healthz")
        #expect(trace.status == 405)
        #expect(trace.headers["allow"] == "GET")
        let health = try await harness.send(.GET, "/healthz")
        #expect(health.status == 200)
        let ready = try await harness.send(.GET, "/readyz")
        #expect(ready.status == 200)
        let openapi = try await harness.send(.GET, "/openapi.json")
        #expect(openapi.json["openapi"] as? String == "3.1.0")
    }

    @Test("Sign-in routes are rate-limited per client address: the 11th request in a minute gets 429 with Retry-After")
    func rateLimit() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        for _ in 0..<10 {
            let answer = try await harness.send(.POST, "/v1/sessions", json: #"{"method":"none"}"#)
            #expect(answer.status == 422)
        }
        let limited = try await harness.send(.POST, "/v1/sessions", json: #"{"method":"none"}"#)
        #expect(limited.status == 429)
        #expect(limited.code == "request.rateLimited")
        #expect(limited.headers["retry-after"] != nil)
    }

    // MARK: Helpers

    func adminCaller(_ harness: ServerHarness) throws -> Caller {
        try harness.service.staff.session(person: DemoData.administrator.id, unit: DemoData.unit.code, credential: .nhiCard)
    }

    /// An enrolment of the demo's uninsured visitor from today at the top grade.
    func enrolment(_ harness: ServerHarness) throws -> String {
        let today = harness.service.clock.today
        let amount = try harness.service.tables.table(.nhi, on: today).top.amount
        let person = DemoData.uninsured
        return """
            {"personID":"\(person.id.rawValue)","name":"\(person.name)","birthDate":"\(person.birthDate.iso)",\
            "effectiveDate":"\(today.iso)","insuredAmount":\(amount.amount),"eligibilityReason":"到職起薪"}
            """
    }
}

@Suite("nhi-server over TLS")
struct ServerTLSTests {
    @Test("With a CA made by openssl: a client trusting the CA file connects; a client without it is refused")
    func tls() async throws {
        let pki = try OfficeCA.make()
        defer { try? FileManager.default.removeItem(at: pki.directory) }
        var clientTLS = TLSConfiguration.makeClientConfiguration()
        clientTLS.trustRoots = .file(pki.caCertificate)
        let harness = try await ServerHarness(tls: try ServerConfiguration.tls(certificateFile: pki.serverCertificate, keyFile: pki.serverKey),
                                              clientTLS: clientTLS)
        defer { Task { await harness.stop() } }
        #expect(harness.baseURL.hasPrefix("https://127.0.0.1:"))
        // A known path with a method it does not have: 405 with Allow (RFC 9110 §15.5.6).
        let wrongMethod = try await harness.send(.PUT, "/v1/units/110001000/statements")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.code == "http.methodNotAllowed")
        #expect(wrongMethod.contentType == "application/problem+json")
        #expect(wrongMethod.headers["allow"] == "GET, POST")
        let trace = try await harness.send(.TRACE, "/healthz")
        #expect(trace.status == 405)
        #expect(trace.headers["allow"] == "GET")
        let health = try await harness.send(.GET, "/healthz")
        #expect(health.status == 200)
        let signIn = try await harness.signIn(DemoData.administrator)
        #expect(signIn.status == 201)

        // The system's trust roots do not know the office CA.
        let stranger = HTTPClient(eventLoopGroupProvider: .singleton)
        await #expect(throws: (any Error).self) {
            _ = try await stranger.execute(HTTPClientRequest(url: harness.baseURL + "/healthz"), timeout: .seconds(10))
        }
        try await stranger.shutdown()
    }
}

/// An office CA and a server certificate for 127.0.0.1, made with openssl as
/// Documentation/Server.md shows.
struct OfficeCA {
    let directory: URL
    var caCertificate: String { directory.appendingPathComponent("ca.pem").path }
    var serverCertificate: String { directory.appendingPathComponent("server.pem").path }
    var serverKey: String { directory.appendingPathComponent("server.key").path }

    static func make() throws -> OfficeCA {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = """
            set -e
            cd '\(directory.path)'
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj '/CN=NHI Test Office CA' \
              -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1' 2>/dev/null
            printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > server.ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 -extfile server.ext 2>/dev/null
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError(message: "openssl failed") }
        return OfficeCA(directory: directory)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NHICore
import NHIService
import NHIServiceClient
import NHITestSupport
import Testing

/// A loopback TCP relay in front of the server that can lose answers: it forwards each
/// request whole, and for the first `drop` requests matching `path` closes the client's
/// connection instead of passing the server's answer back — an answer lost on the wire after
/// the server did the work. One request per connection (`Connection: close` is added).
final class LossyRelay: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let target: Int
    private let lock = NSLock()
    private var toDrop: Int
    private let path: String
    private(set) var dropped = 0

    init(to target: Int, dropFirst drop: Int, of path: String) throws {
        self.target = target
        self.toDrop = drop
        self.path = path
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")),
                                  sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 64) == 0
                && getsockname(fd, $0, &length) == 0 }
        }
        listener = fd
        guard bound else { throw HarnessError(message: "relay: cannot listen") }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    func close() { shutdown(listener, Int32(SHUT_RDWR)); Glibc.close(listener) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in relay(client) }.start()
        }
    }

    /// Reads one HTTP message (headers and a Content-Length body) from `fd`.
    private static func readMessage(_ fd: Int32) -> [UInt8]? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = data.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound {
                let head = String(decoding: data[..<end], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count >= end + length { return data }
            }
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { return data.isEmpty ? nil : data }
            data += buffer[0..<n]
        }
    }

    private func relay(_ client: Int32) {
        defer { Glibc.close(client) }
        guard var request = Self.readMessage(client) else { return }
        // One request per connection.
        if let end = request.firstRange(of: Array("\r\n".utf8))?.upperBound {
            request.insert(contentsOf: Array("Connection: close\r\n".utf8), at: end)
        }
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(server) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: UInt16(target).bigEndian,
                                  sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected, write(server, request, request.count) == request.count, let answer = Self.readMessage(server) else { return }
        let line = String(decoding: request.prefix(200), as: UTF8.self)
        let drop = lock.withLock { () -> Bool in
            guard toDrop > 0, line.contains(" \(path) ") else { return false }
            toDrop -= 1
            dropped += 1
            return true
        }
        if drop { return } // the server did the work; the client never hears of it
        // Tell the client this connection ends here, so its pool never reuses one the relay has closed.
        var reply = answer
        if let end = reply.firstRange(of: Array("\r\n".utf8))?.upperBound {
            reply.insert(contentsOf: Array("Connection: close\r\n".utf8), at: end)
        }
        _ = reply.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count) }
    }
}

@Suite("NHIServiceClient against nhi-server")
struct ServiceClientTests {
    @Test("Sign in, enrol, read the roster and the filings; a lost answer is retried with the same key and files once")
    func lostAnswerFilesOnce() async throws {
        let harness = try await ServerHarness()
        let serverPort = Int(harness.baseURL.split(separator: ":").last!)!
        let relay = try LossyRelay(to: serverPort, dropFirst: 1, of: "/v1/filings/enrolments")
        let notices = Collected()
        let client = try NHIServiceClient(.init(url: "http://127.0.0.1:\(relay.port)", onRetry: { notices.add($0.description) }))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            #expect(session.unitCode == DemoData.unit.code.rawValue && session.permissions.contains("file"))
            #expect(session.maskedID == admin.id.masked, "the server never sends a whole ID back")

            let today = harness.service.clock.today
            let amount = try harness.service.tables.table(.nhi, on: today).top.amount
            let person = DemoData.uninsured
            let filing = try await client.enrol(RemoteEnrolment(personID: person.id, name: try PersonName(person.name), birthDate: person.birthDate,
                                                                effectiveDate: today, insuredAmount: amount, eligibilityReason: "到職起薪"))
            #expect(relay.dropped == 1, "the first answer was lost")
            // At least the lost answer's retry is announced; a pooled connection the relay closed may add one more.
            #expect(!notices.all.isEmpty && notices.all.allSatisfy { $0.contains("重送") }, "the retry was announced: \(notices.all)")
            #expect(filing.personID == person.id && filing.kind == .enrol)

            // Filed once: the server's store holds one enrolment of the person, the one answered.
            let stored = try SQLiteStore(path: try #require(harness.demo).path).read { try $0.filings(person: person.id, unit: DemoData.unit.code) }
            #expect(stored.map(\.id) == [filing.id])
            #expect(try await client.checkResults(unit: DemoData.unit.code, from: today, through: today).allSatisfy { $0.status != .pending },
                    "check results list checked filings only")

            let roster = try await client.roster(unit: DemoData.unit.code)
            #expect(roster.contains { $0.personID == DemoData.employee.id })

            // The server's refusals come through with their code, status and both languages.
            let otherUnit = try UnitCode(parsing: "999999999")
            do {
                _ = try await client.roster(unit: otherUnit)
                Issue.record("another unit's roster was answered")
            } catch {
                #expect(error.errorCode == "auth.notAuthorised" && error.status == 403)
                #expect(!error.message.isEmpty && !error.messageEn.isEmpty)
            }
            try await client.signOut()
            do {
                _ = try await client.session()
                Issue.record("signed out, yet the session answered")
            } catch {
                #expect(error.errorCode == ServiceClientError.Code.notSignedIn.rawValue)
            }
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        relay.close()
        await harness.stop()
    }

    @Test("A server that is not there: the client tries the configured number of times, says so, and fails clearly")
    func unreachable() async throws {
        let notices = Collected()
        // A port nobody listens on: bind one and close it.
        let relay = try LossyRelay(to: 9, dropFirst: 0, of: "/")
        let port = relay.port
        relay.close()
        let client = try NHIServiceClient(.init(url: "http://127.0.0.1:\(port)", attempts: 3, onRetry: { notices.add($0.description) }))
        do {
            _ = try await client.signIn(nhiCard: DemoData.administrator.cardNumber, personID: nil, password: "x")
            Issue.record("signed in to nothing")
        } catch {
            #expect(error.errorCode == ServiceClientError.Code.unreachable.rawValue && error.attempts == 3)
            #expect(notices.all.count == 2)
            #expect(!error.message.contains("x\""), "no password in the error")
        }
        try await client.shutdown()
    }

    @Test("Only https://, or http:// on loopback; an unreadable CA file is a TLS error")
    func urls() {
        #expect(throws: ServiceClientError(.badURL)) { try NHIServiceClient(.init(url: "http://nhi.office.lan:8443")) }
        #expect(throws: ServiceClientError(.badURL)) { try NHIServiceClient(.init(url: "ftp://127.0.0.1")) }
        #expect(throws: ServiceClientError(.tls, detail: "/nonexistent/ca.pem")) {
            try NHIServiceClient(.init(url: "https://nhi.office.lan:8443", caFile: "/nonexistent/ca.pem"))
        }
    }
}

/// Strings gathered from callbacks.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

import Crypto
import Foundation
import NHICardService
import NHITestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `GET /ws`: the same events as `/events` over a WebSocket, against real pcscd and vpcd.
/// The client is RFC 6455 by hand over a TCP socket, so the test sends exactly the headers a
/// browser sends (one `Origin`) and checks the handshake's answer itself.
@Suite("Card service: the WebSocket", .serialized)
struct WebSocketTests {
    @Test("GET /ws: a snapshot, then the inserted card (with its identity) and its removal, one JSON text message each; another origin cannot connect")
    func events() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await Harness.with { service in
                let port = try #require(Int(service.baseURL.split(separator: ":").last ?? ""))
                let socket = try RawWebSocket(port: port, origin: CardServiceTests.allowed)
                #expect(socket.status == 101)
                try await service.waitFor { socket.events.first == "snapshot" }
                try await first.insert(CardServiceTests.nhiCard("林碁", "BD01300667"))
                try await service.waitFor { socket.events.contains("cardInserted") }
                first.removeCard()
                try await service.waitFor { socket.events.last == "cardRemoved" }
                let inserted = try #require(socket.objects.first { $0["event"] as? String == "cardInserted" })
                let card = try #require(inserted["card"] as? [String: Any])
                #expect(inserted["reader"] as? String == first.reader.name && inserted["state"] as? String == "nhi_card")
                #expect(card["name"] as? String == "林碁" && card["id"] as? String == "BD01300667")
                #expect(socket.events.filter { $0 == "cardInserted" }.count == 1)
                socket.close()
                try await service.waitFor { await service.monitor.subscriberCount == 0 }

                // Browsers do not apply CORS to WebSockets: the service checks Origin itself.
                let stranger = try RawWebSocket(port: port, origin: "https://evil.example")
                #expect(stranger.status != 101, "refused: the WebSocket library answers a refused handshake with 400")
                try await Task.sleep(for: .milliseconds(200))
                #expect(stranger.texts.isEmpty, "nothing reached the other origin")
                stranger.close()
                #expect(service.logs.lines.contains { $0.contains("refused a web page") && $0.contains("https://evil.example") && $0.contains("/ws") })
                let plain = try await service.get("/ws")
                #expect(plain.status == 426 && plain.headers["upgrade"] == "websocket")
                #expect(plain.json["code"] as? String == "cardService.webSocketUpgradeRequired")
            }
        }
    }
}

/// A WebSocket client over a plain TCP socket: the RFC 6455 handshake (with its
/// `Sec-WebSocket-Accept` check), then the server's text frames collected by a thread.
final class RawWebSocket: Sendable {
    let status: Int
    private let descriptor: Int32
    private let received = Mutex<[String]>([])

    init(port: Int, origin: String) throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HarnessError("cannot connect to port \(port)") }
        let key = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\nOrigin: \(origin)\r\n\r\n"
        var bytes = Array(request.utf8)
        _ = Glibc.write(descriptor, &bytes, bytes.count)
        // The answer's head, byte by byte up to the blank line.
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !head.ends(with: [13, 10, 13, 10]), Glibc.read(descriptor, &byte, 1) == 1 { head.append(byte) }
        let text = String(decoding: head, as: UTF8.self)
        status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        if status == 101 {
            let accept = Data(Insecure.SHA1.hash(data: Data((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
            guard text.lowercased().contains("sec-websocket-accept: \(accept.lowercased())") else {
                throw HarnessError("wrong Sec-WebSocket-Accept in \(text)")
            }
            Thread.detachNewThread { [self] in
                while let (opcode, payload) = Self.frame(descriptor) {
                    if opcode == 0x1 { self.received.withLock { $0.append(String(decoding: payload, as: UTF8.self)) } }
                    if opcode == 0x8 { return }
                }
            }
        }
    }

    var texts: [String] { received.withLock { $0 } }
    var objects: [[String: Any]] {
        texts.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }
    var events: [String] { objects.compactMap { $0["event"] as? String } }

    /// Sends a (masked) close frame and closes the socket.
    func close() {
        var frame: [UInt8] = [0x88, 0x80, 1, 2, 3, 4]
        _ = Glibc.write(descriptor, &frame, frame.count)
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        Glibc.close(descriptor)
    }

    /// One frame from the server (unmasked): its opcode and payload.
    private static func frame(_ fd: Int32) -> (UInt8, [UInt8])? {
        guard let head = read(fd, 2) else { return nil }
        var length = Int(head[1] & 0x7F)
        if length == 126 {
            guard let extended = read(fd, 2) else { return nil }
            length = Int(extended[0]) << 8 | Int(extended[1])
        } else if length == 127 {
            guard let extended = read(fd, 8) else { return nil }
            length = extended.reduce(0) { $0 << 8 | Int($1) }
        }
        guard let payload = read(fd, length) else { return nil }
        return (head[0] & 0x0F, payload)
    }

    private static func read(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, count - filled) }
            if got <= 0 { return nil }
            filled += got
        }
        return buffer
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}

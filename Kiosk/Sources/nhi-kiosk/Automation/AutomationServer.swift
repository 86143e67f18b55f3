import Foundation
import GtkKit
#if canImport(Glibc)
import Glibc
#endif

/// The automation hook's socket (`--automation-socket PATH`): a Unix stream socket, mode
/// 0600, one command line per connection, one JSON line back. It runs on the GTK main loop
/// (no thread), so a command sees exactly what the screen shows.
@MainActor
final class AutomationServer {
    let path: String
    private let fd: Int32
    private var watch: FileDescriptorWatch?

    /// Listens at `path` (replacing a stale socket file) and answers with `handle`.
    init(path: String, handle: @escaping @MainActor (String) async -> String) throws {
        self.path = path
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { throw AutomationServerError("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8)
            buffer[path.utf8.count] = 0
        }
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw AutomationServerError("socket: \(String(cString: strerror(errno)))") }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chmod(path, 0o600) == 0, listen(fd, 8) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw AutomationServerError("cannot listen at \(path): \(reason)")
        }
        let listener = fd
        watch = FileDescriptorWatch(fd: listener) { _ in
            Self.serveOne(listener: listener, handle: handle)
            return true
        }
    }

    /// Stops listening and removes the socket file.
    func stop() {
        watch?.cancel()
        watch = nil
        close(fd)
        unlink(path)
    }

    private static func serveOne(listener: Int32, handle: @escaping @MainActor (String) async -> String) {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        // A client that connects and sends nothing must not stall the kiosk.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65_536, !bytes.contains(0x0A) {
            let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        let line = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        // Answer once the command's effect is on screen (the handler lets the views update).
        Task { @MainActor in
            let reply = await handle(line)
            send(reply, to: client)
            close(client)
        }
    }

    private static func send(_ text: String, to client: Int32) {
        let reply = Array((text + "\n").utf8)
        var written = 0
        while written < reply.count {
            let count = reply[written...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            written += count
        }
    }
}

struct AutomationServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

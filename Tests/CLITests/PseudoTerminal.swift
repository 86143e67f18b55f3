import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal for a child program's standard input and error: what the program
/// writes is collected, what a test types goes to its input — as a person at a terminal.
final class PseudoTerminal: Sendable {
    /// The program's side.
    let follower: FileHandle
    private let leader: Int32
    private let collected = Mutex<[UInt8]>([])

    init() throws {
        // /dev/ptmx with the two ioctls behind posix_openpt/unlockpt/ptsname (which Swift's
        // Glibc module does not export): unlock the follower, ask its number.
        leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard leader >= 0, ioctl(leader, UInt(0x4004_5431), &unlock) == 0, ioctl(leader, UInt(0x8004_5430), &number) == 0 else {
            throw PseudoTerminalError("no pseudo-terminal")
        }
        let name = "/dev/pts/\(number)"
        let fd = open(name, O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw PseudoTerminalError("cannot open \(name)") }
        follower = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let leader = leader
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(leader, &buffer, buffer.count)
                if count <= 0 { return }
                self.collected.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
        }
    }

    /// Everything the program wrote so far.
    var output: String { String(decoding: collected.withLock { $0 }, as: UTF8.self) }

    /// Types `text` at the terminal.
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(leader, &bytes, bytes.count)
    }

    /// Waits (up to 20 s) until the output after its first `after` characters contains
    /// `text`; returns the whole output.
    func waitFor(_ text: String, after: Int = 0) async throws -> String {
        for _ in 0..<400 {
            let all = output
            if String(all.dropFirst(after)).contains(text) { return all }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw PseudoTerminalError("the terminal never showed \(text); it shows: \(output)")
    }
}

struct PseudoTerminalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

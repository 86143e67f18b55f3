import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with standard input, output and error redirected to files and reports
/// its peak resident memory, for the memory-bound tests (memory only: never time).
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`, package `time`), which reports its
/// child's `ru_maxrss`. It cannot be taken from `wait4` here: Linux carries the memory of the
/// process that spawns a program into the program's `ru_maxrss` (at exec it records the old
/// address space's high-water mark), so a child of this large test process would report at
/// least the test process's own size. GNU time is small, so its child's figure is the
/// program's own.
struct MeasuredRun {
    let status: Int32
    /// Peak resident set size of the child, in KiB.
    let peakKiB: Int
    let stdout: String
    let stderr: String

    var peakMiB: Double { Double(peakKiB) / 1024 }

    /// Runs `executable` (default: the built `nhi`) with `arguments`; `stdin` is a path
    /// (default /dev/null), `stdout` a path (default a scratch file that is read back,
    /// up to 4 MiB).
    static func run(_ arguments: [String], executable: String = CLI.binary().path, stdin: String = "/dev/null",
                    stdout: String? = nil, measure: Bool = true) throws -> MeasuredRun {
        let timeTool = "/usr/bin/time"
        if measure && !FileManager.default.isExecutableFile(atPath: timeTool) {
            Issue.record("peak memory needs GNU time (\(timeTool), Debian package `time`; scripts/setup-system test installs it)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = stdout ?? scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let peakPath = scratch.appendingPathComponent("peak").path
        let command = measure ? [timeTool, "-f", "%M", "-o", peakPath, executable] + arguments : [executable] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func text(_ path: String) -> String {
            guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
            defer { try? handle.close() }
            return String(decoding: (try? handle.read(upToCount: 4 << 20)) ?? Data(), as: UTF8.self)
        }
        // GNU time writes "Command exited with non-zero status N" before the figure.
        let peak = text(peakPath).split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if measure && peak == nil { Issue.record("no peak memory reported: \(text(peakPath))") }
        return MeasuredRun(status: code, peakKiB: peak ?? Int.max / 2048, stdout: stdout == nil ? text(outPath) : "",
                           stderr: text(errPath))
    }
}

/// Writes generated test inputs in chunks (never the whole input in memory).
enum GeneratedInput {
    /// A file of `count` repetitions of `line`.
    static func repeated(_ line: String, count: Int, to path: String) throws {
        let unit = Array(line.utf8)
        let perChunk = max(1, (1 << 20) / max(1, unit.count))
        var chunk: [UInt8] = []
        chunk.reserveCapacity(perChunk * unit.count)
        for _ in 0..<perChunk { chunk.append(contentsOf: unit) }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        var left = count
        while left > 0 {
            let n = min(left, perChunk)
            try handle.write(contentsOf: n == perChunk ? chunk : Array(chunk[0..<(n * unit.count)]))
            left -= n
        }
    }

    /// A file of `bytes` bytes of `byte` (one endless line when it is not a line feed),
    /// followed by `tail`.
    static func filled(_ byte: UInt8, bytes: Int, tail: String = "", to path: String) throws {
        let chunk = [UInt8](repeating: byte, count: 1 << 20)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        var left = bytes
        while left > 0 {
            let n = min(left, chunk.count)
            try handle.write(contentsOf: n == chunk.count ? chunk : Array(chunk[0..<n]))
            left -= n
        }
        try handle.write(contentsOf: Array(tail.utf8))
    }

    /// `bytes` pseudo-random bytes (a fixed seed, so a failure can be reproduced).
    static func random(bytes: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15, to path: String) throws {
        var state = seed
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        var left = bytes
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while left > 0 {
            for k in 0..<chunk.count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                chunk[k] = UInt8(truncatingIfNeeded: state >> 56)
            }
            let n = min(left, chunk.count)
            try handle.write(contentsOf: n == chunk.count ? chunk : Array(chunk[0..<n]))
            left -= n
        }
    }
}

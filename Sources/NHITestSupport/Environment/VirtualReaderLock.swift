import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A machine-wide lock on vpcd's two readers.
///
/// Only one emulator can sit in a vpcd reader at a time, and tests in different suites,
/// test targets or processes (the CLI tests, a benchmark) would otherwise push cards into
/// the same reader. Holders take an exclusive `flock` on a file in the temporary
/// directory; waiting polls so that no cooperative thread blocks.
public enum VirtualReaderLock {
    /// The lock file.
    public static let path = NSTemporaryDirectory() + "nhi-swift-vpcd.lock"

    /// Runs `body` while holding the lock.
    public static func withLock<T>(timeout: Duration = .seconds(300), _ body: () async throws -> T) async throws -> T {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw VirtualCardError("cannot open \(path): errno \(errno)") }
        defer { close(fd) }
        let deadline = ContinuousClock.now + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard ContinuousClock.now < deadline else {
                throw VirtualCardError("the virtual readers stayed busy for \(timeout) (lock \(path))")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        defer { flock(fd, LOCK_UN) }
        return try await body()
    }
}

import Foundation
import NHICards
#if canImport(Glibc)
import Glibc
#endif

/// The real PC/SC stack the hardware tests run against: pcscd with vpcd's two readers.
///
/// Tests call ``requireVirtualReaders()`` first; when pcscd is not reachable it throws an
/// error that says how to start it, so the test fails (never skips) with a clear message.
public enum PCSCTestEnvironment {
    /// Checks that pcscd answers and lists both vpcd readers.
    public static func requireVirtualReaders() async throws {
        let readers: [ReaderStatus]
        do {
            readers = try await PCSCContext().readers()
        } catch {
            throw VirtualCardError("""
                pcscd is not reachable (\(error.pcscStatus?.description ?? error.errorCode)). Hardware tests need the \
                real PC/SC stack: run them through scripts/test (it starts `pcscd --foreground` with vsmartcard-vpcd), \
                or start pcscd yourself with `sudo pcscd --foreground &` after `scripts/setup-system test`.
                """)
        }
        let names = Set(readers.map(\.name))
        let missing = VirtualReader.all.map(\.name).filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw VirtualCardError("""
                pcscd runs but does not list \(missing.joined(separator: ", ")) (it lists: \(names.sorted().joined(separator: ", "))). \
                Install vsmartcard-vpcd and restart pcscd: it reads /etc/reader.conf.d/vpcd only at start-up.
                """)
        }
    }

    /// Runs `body` with exclusive use of the virtual readers (see ``VirtualReaderLock``),
    /// after checking that they are there; both readers are empty when `body` starts and
    /// are emptied when it ends.
    public static func withVirtualReaders<T>(_ body: (_ first: VirtualCardSlot, _ second: VirtualCardSlot) async throws -> T) async throws -> T {
        // Checked while holding the lock: a test that restarts pcscd holds it too.
        try await VirtualReaderLock.withLock {
            try await requireVirtualReaders()
            let first = VirtualCardSlot(.first)
            let second = VirtualCardSlot(.second)
            // A card left behind by a crashed run would confuse the test: wait until both are empty.
            try await first.remove()
            try await second.remove()
            do {
                let result = try await body(first, second)
                first.removeCard()
                second.removeCard()
                return result
            } catch {
                first.removeCard()
                second.removeCard()
                throw error
            }
        }
    }

    /// Whether the harness offers a way to restart the pcscd it started.
    public static var canRestartPCSCD: Bool {
        ProcessInfo.processInfo.environment["NHI_PCSCD_CONTROL"].map { FileManager.default.isExecutableFile(atPath: $0) } ?? false
    }

    /// Restarts pcscd through the harness's hook (`$NHI_PCSCD_CONTROL restart`), which acts
    /// only on the pcscd that `scripts/lib/test-stack.sh` started. Throws when there is no
    /// hook (pcscd was not started by the harness).
    public static func restartPCSCD() throws {
        guard let control = ProcessInfo.processInfo.environment["NHI_PCSCD_CONTROL"], canRestartPCSCD else {
            throw VirtualCardError("""
                restarting pcscd needs the harness's hook: run the tests through scripts/test, which starts pcscd \
                itself and exports NHI_PCSCD_CONTROL (a pcscd started by someone else is never restarted by tests).
                """)
        }
        // Spawned with an empty signal mask: a child inherits the spawning thread's mask, and
        // Swift's threads block SIGTERM, which would leave the new pcscd unable to stop.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = [control, "restart"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, control, nil, &attributes, argv, environ)
        guard rc == 0 else { throw VirtualCardError("cannot run \(control): errno \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitCode == 0 else {
            throw VirtualCardError("\(control) restart failed with status \(exitCode)")
        }
    }
}

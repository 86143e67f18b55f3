import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The life of demo mode's database copies (`nhi-demo-…` folders in the temporary folder,
/// made by NHITestSupport's `DemoDatabase`).
///
/// A running kiosk *claims* its copy: it holds an exclusive `flock` on a lock file inside the
/// folder for as long as it runs. The kernel drops that lock when the process ends in any
/// way, so at the next start a copy whose lock nobody holds was left by a kiosk that crashed
/// (or was killed) and is removed. The kiosk removes its own copy when it exits (a clean
/// close, or SIGTERM/SIGINT/SIGHUP through the main loop).
///
/// Only our folders are touched: the name must start with ``prefix``, the entry must be a
/// real directory (a symbolic link is never followed, nor removed), owned by this process's
/// user; removal walks the folder with `openat`/`unlinkat` and never follows a link inside it.
public enum DemoCopies {
    /// The folders' name prefix (`DemoDatabase`'s).
    public static let prefix = "nhi-demo-"
    /// The lock file a running kiosk holds inside its copy.
    public static let lockName = ".nhi-kiosk.lock"
    /// A copy without a lock file (made by an older kiosk, or a kiosk that crashed before
    /// claiming it) is stale when it was last changed this long ago; a fresh one may be
    /// another program's copy being set up (tests make them too).
    public static let unclaimedAge: TimeInterval = 3600

    /// A running kiosk's hold on its copy.
    public final class Claim: Sendable {
        /// The copy's folder.
        public let directory: URL
        /// The lock file's descriptor, -1 once let go.
        private let fd: Mutex<Int32>

        init(directory: URL, fd: Int32) {
            self.directory = directory
            self.fd = Mutex(fd)
        }

        /// Removes the copy and lets go of the lock (safe to call more than once).
        public func removeCopy() {
            let directory = directory
            fd.withLock { fd in
                guard fd >= 0 else { return }
                DemoCopies.remove(directory)
                close(fd)
                fd = -1
            }
        }

        deinit { removeCopy() }
    }

    /// Claims `directory` (a copy this process just made) for as long as the returned value lives.
    public static func claim(_ directory: URL) throws -> Claim {
        let path = directory.appendingPathComponent(lockName).path
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EWOULDBLOCK)
        }
        return Claim(directory: directory, fd: fd)
    }

    /// Removes the copies in `temporaryDirectory` that no running kiosk holds (left by a
    /// crash). Returns the names removed.
    @discardableResult
    public static func removeStale(in temporaryDirectory: URL, now: Date = Date()) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporaryDirectory.path)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let folder = temporaryDirectory.appendingPathComponent(name)
            guard isOurs(folder), isStale(folder, now: now) else { continue }
            remove(folder)
            if !FileManager.default.fileExists(atPath: folder.path) { removed.append(name) }
        }
        return removed
    }

    /// Whether `folder` is a real directory (not a link) owned by this process's user.
    static func isOurs(_ folder: URL) -> Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR && info.st_uid == getuid()
    }

    /// Whether nobody holds `folder`'s lock (or, without a lock file, it is old).
    static func isStale(_ folder: URL, now: Date) -> Bool {
        let fd = open(folder.appendingPathComponent(lockName).path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            guard errno == ENOENT else { return false }  // a link, or not ours to open: leave it
            var info = stat()
            guard lstat(folder.path, &info) == 0 else { return false }
            let changed = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
            return now.timeIntervalSince(changed) > unclaimedAge
        }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }  // a running kiosk's
        // Held by us now: nobody else can claim it while it goes.
        return true
    }

    /// Removes `folder` and everything in it without following any symbolic link (a link
    /// inside is removed as a link; its target stays).
    static func remove(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        removeContents(of: fd)
        _ = rmdir(folder.path)
    }

    /// Empties the directory open at `fd` (and closes `fd`).
    private static func removeContents(of fd: Int32) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        let parent = dirfd(dir)
        for name in names {
            var info = stat()
            guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { removeContents(of: child) }
                _ = unlinkat(parent, name, AT_REMOVEDIR)
            } else {
                _ = unlinkat(parent, name, 0)
            }
        }
    }
}

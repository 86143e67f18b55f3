#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NHICore

/// The one way the SDK and the `nhi` tool write a file: complete or absent, never through a
/// planted link, never over a device or an input.
///
/// Every output file (DPR conversions, repaired upload files and their change lists,
/// rosters, result logs, spooled mails) goes through `SafeFile`:
///
/// - **Links are not followed.** An existing symbolic link at the target path is refused
///   (`file.symlink`) instead of being followed to whatever it points at.
/// - **Only regular files are replaced.** A device node (`/dev/full`), FIFO, socket or
///   folder at the path is refused (`file.notRegular`); a rename would otherwise replace
///   it with a regular file when run as root.
/// - **Inputs are not overwritten.** ``refuseOverwriting(_:inputs:)`` compares device and
///   inode numbers, so `./a.csv`, `a.csv` and a hard link to it are the same file
///   (`file.overwritesInput`).
/// - **Complete or absent.** The bytes go to a new temporary file in the same folder
///   (created with `O_EXCL | O_NOFOLLOW`, mode 0600 by default since our files hold
///   personal data), are `fsync`ed, and the file is renamed into place only when every
///   write succeeded; any failure (a full disk, a file-size limit) removes the temporary
///   file and throws `file.write`, and the target is left as it was.
///
/// ```swift
/// try SafeFile.refuseOverwriting("out.csv", inputs: ["in.csv"])
/// let file = try SafeFile(path: "out.csv")     // mode 0600
/// try file.write(bytes)
/// try file.commit()                            // fsync, rename, fsync the folder
/// ```
public final class SafeFile {
    /// The mode of files holding personal data (owner read/write only).
    public static let privateMode: mode_t = 0o600

    /// The path being written.
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var committed = false

    /// Checks `path` and opens a temporary file beside it.
    ///
    /// - Parameters:
    ///   - path: the file to create or replace (a regular file or nothing).
    ///   - mode: the new file's permission bits, whatever the umask (default 0600).
    ///   - inputs: files the caller reads; replacing one of them is refused.
    public init(path: String, mode: mode_t = SafeFile.privateMode, inputs: [String] = []) throws(FormatError) {
        self.path = path
        try Self.checkTarget(path)
        try Self.refuseOverwriting(path, inputs: inputs)
        var attempt = 0
        while true {
            let candidate = Self.temporaryName(for: path)
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if opened >= 0 {
                temporaryPath = candidate
                fd = opened
                break
            }
            let e = errno
            attempt += 1
            if e == EEXIST && attempt < 16 { continue }
            throw Self.error(.fileWrite, path, e)
        }
        // The umask may have narrowed the mode; make it exactly `mode`.
        _ = fchmod(fd, mode)
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporaryPath) }
    }

    /// Appends bytes; throws `file.write` when the system refuses them (disk full, the
    /// file-size limit), after which the file is never committed.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FormatError) {
        guard fd >= 0 else { throw Self.error(.fileWrite, path, EBADF) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                abandon()
                throw Self.error(.fileWrite, path, e)
            }
            offset += n
        }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws(FormatError) {
        var failure: FormatError?
        bytes.withUnsafeBytes { raw in
            do throws(FormatError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Flushes the file to disk and renames it into place (then flushes the folder). The
    /// target is checked again just before the rename.
    public func commit() throws(FormatError) {
        guard fd >= 0 else { throw Self.error(.fileWrite, path, EBADF) }
        if fsync(fd) != 0 {
            let e = errno
            abandon()
            throw Self.error(.fileWrite, path, e)
        }
        close(fd)
        fd = -1
        do { try Self.checkTarget(path) } catch {
            unlink(temporaryPath)
            throw error
        }
        if rename(temporaryPath, path) != 0 {
            let e = errno
            unlink(temporaryPath)
            throw Self.error(.fileWrite, path, e)
        }
        committed = true
        let folder = Self.folder(of: path)
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    /// Closes and removes the temporary file; the target is untouched.
    public func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        if !committed { unlink(temporaryPath) }
    }

    /// Writes `bytes` to `path` in one go (see the type's rules).
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = SafeFile.privateMode, inputs: [String] = []) throws(FormatError) {
        let file = try SafeFile(path: path, mode: mode, inputs: inputs)
        try file.write(bytes)
        try file.commit()
    }

    // MARK: Checks

    /// Refuses a target that exists and is a symbolic link (`file.symlink`) or not a
    /// regular file (`file.notRegular`). A missing target is fine.
    public static func checkTarget(_ path: String) throws(FormatError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let e = errno
            if e == ENOENT { return }
            throw error(.fileWrite, path, e)
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK { throw FormatError(.fileSymlink, value: path, detail: "不跟隨連結", detailEn: "the link is not followed") }
        if type != S_IFREG {
            let kind = type == S_IFDIR ? ("資料夾", "a folder") : type == S_IFCHR || type == S_IFBLK ? ("裝置", "a device") :
                type == S_IFIFO ? ("FIFO", "a FIFO") : ("特殊檔案", "a special file")
            throw FormatError(.fileNotRegular, value: path, detail: "目標為\(kind.0)", detailEn: "the target is \(kind.1)")
        }
    }

    /// Refuses `output` when it is the same file (device and inode) as one of `inputs`, or
    /// names the same path.
    public static func refuseOverwriting(_ output: String, inputs: [String]) throws(FormatError) {
        var target = stat()
        let exists = stat(output, &target) == 0
        for input in inputs {
            var info = stat()
            let same = input == output || (exists && stat(input, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino)
            if same {
                throw FormatError(.fileOverwritesInput, value: output, detail: "與輸入檔\(input)為同一檔案", detailEn: "it is the input file \(input)")
            }
        }
    }

    // MARK: Helpers

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func temporaryName(for path: String) -> String {
        let folder = folder(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? "out"
        return (folder == "/" ? "" : folder) + "/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Reads a whole file a person picked (an upload, a photo): never through a symbolic link
    /// (`file.open`), a regular file only (`file.open`), at most `maximumSize` bytes
    /// (`file.tooLarge`; a file that grows while it is read is refused, never cut).
    public static func read(_ path: String, maximumSize: Int) throws(FormatError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw error(.fileOpen, path, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(.fileRead, path, errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FormatError(.fileOpen, value: path, detail: "不是一般檔案", detailEn: "not a regular file")
        }
        let tooLarge = FormatError(.fileTooLarge, value: path, detail: "上限 \(maximumSize) 位元組", detailEn: "the limit is \(maximumSize) bytes")
        guard Int(info.st_size) <= maximumSize else { throw tooLarge }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if count < 0 { throw error(.fileRead, path, errno) }
            if count == 0 { break }
            done += count
        }
        var extra: UInt8 = 0
        guard done == bytes.count, Glibc.read(fd, &extra, 1) == 0 else { throw tooLarge }
        return bytes
    }

    static func error(_ code: FormatError.Code, _ path: String, _ e: Int32) -> FormatError {
        let text = String(cString: strerror(e))
        return FormatError(code, value: path, detail: text, detailEn: text)
    }
}

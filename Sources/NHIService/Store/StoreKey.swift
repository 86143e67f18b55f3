import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The key that seals secrets at rest in the store: the TOTP secrets of bound NHI-app
/// devices and the one-time token of a verification or reset mail waiting in the outbox.
///
/// The key never lives in the database: it comes from `$NHI_DB_KEY` (32 bytes, base64), or
/// else from a key file beside the database (`<database>.key`, e.g. `nhi.sqlite.key`),
/// created with mode 0600 on first use. A stolen database file without the key reveals no
/// TOTP secret and no pending token. Copy (and back up) the key file with the database: a
/// database opened with another key is refused (`store.keyMismatch`).
///
/// Sealing is AES-256-GCM with a random nonce; a sealed value is `v1:` + base64 of nonce,
/// ciphertext and tag.
public struct StoreKey: Sendable {
    /// The environment variable that carries the key (base64 of 32 bytes) instead of the key file.
    public static let environmentVariable = "NHI_DB_KEY"
    /// The key file's suffix: the database path + `.key`.
    public static let fileSuffix = ".key"

    let key: SymmetricKey

    /// A key from its base64 text (32 bytes).
    public init(base64: String) throws(ServiceError) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw ServiceError(.storeKeyInvalid)
        }
        key = SymmetricKey(data: data)
    }

    /// A new random key.
    public static func generate() -> StoreKey { StoreKey(key: SymmetricKey(size: .bits256)) }

    private init(key: SymmetricKey) { self.key = key }

    /// The key for the database at `path`: `$NHI_DB_KEY`, else the key file `<path>.key`,
    /// created (0600, 32 random bytes as base64) when missing. `warnings` lists a key file
    /// readable by others (it is used, but should be `chmod 600`).
    public static func load(forDatabase path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceError) -> (key: StoreKey, warnings: [String]) {
        if let existing = try existing(forDatabase: path, environment: environment) { return existing }
        return (try create(path + fileSuffix), [])
    }

    /// `$NHI_DB_KEY` or the key file if there is one; `nil` otherwise (nothing is created).
    static func existing(forDatabase path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceError) -> (key: StoreKey, warnings: [String])? {
        try existing(keyFile: path + fileSuffix, environment: environment)
    }

    /// `$NHI_DB_KEY`, else the key file `file` if there is one; `nil` otherwise (nothing is
    /// created). For stores whose key file is not beside a database file (PostgreSQL).
    @_spi(StoreImplementation)
    public static func existing(keyFile file: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceError) -> (key: StoreKey, warnings: [String])? {
        if let text = environment[environmentVariable], !text.isEmpty { return (try StoreKey(base64: text), []) }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let warnings = FilePermissions.widerThanOwner(file).map { [FilePermissions.warning(file, mode: $0)] } ?? []
        return (try StoreKey(base64: text), warnings)
    }

    /// Creates the key file (0600, `O_EXCL`, `O_NOFOLLOW`); when another process has just
    /// created it, its key.
    @_spi(StoreImplementation)
    public static func create(_ file: String, key: StoreKey = .generate()) throws(ServiceError) -> StoreKey {
        let fresh = key
        let text = fresh.key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        // Written whole to a private temporary file, then linked to its name in one step: the
        // key file never exists half-written, and of two processes creating it at once (two
        // counters starting on a new database) exactly one wins and the other reads its key.
        let temporary = file + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = Glibc.open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw ServiceError(.storeKeyUnavailable, context: ["file": file, "errno": "\(errno)"]) }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        let written = Glibc.write(fd, bytes, bytes.count) == bytes.count && fsync(fd) == 0
        close(fd)
        guard written else { throw ServiceError(.storeKeyUnavailable, context: ["file": file, "errno": "\(errno)"]) }
        if link(temporary, file) != 0 {
            var status = stat()
            guard errno == EEXIST, lstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, let theirs = try? String(contentsOfFile: file, encoding: .utf8), !theirs.isEmpty else {
                throw ServiceError(.storeKeyUnavailable, context: ["file": file, "errno": "\(errno)"])
            }
            return try StoreKey(base64: theirs)
        }
        return fresh
    }

    static let sealedPrefix = "v1:"

    /// Seals `plaintext` (AES-256-GCM, random nonce) as `v1:` + base64.
    func seal(_ plaintext: Data) throws -> String {
        guard let combined = try AES.GCM.seal(plaintext, using: key).combined else { throw ServiceError(.storeKeyMismatch) }
        return Self.sealedPrefix + combined.base64EncodedString()
    }

    /// Opens a value made by ``seal(_:)``; a wrong key or altered text is `store.keyMismatch`.
    func open(_ sealed: String) throws -> Data {
        guard sealed.hasPrefix(Self.sealedPrefix), let combined = Data(base64Encoded: String(sealed.dropFirst(Self.sealedPrefix.count))) else {
            throw ServiceError(.storeCorrupt, context: ["field": "sealed"])
        }
        do {
            return try AES.GCM.open(try AES.GCM.SealedBox(combined: combined), using: key)
        } catch {
            throw ServiceError(.storeKeyMismatch)
        }
    }

    static func isSealed(_ text: String) -> Bool { text.hasPrefix(sealedPrefix) }
}

/// Owner-only file modes for the database, its WAL and shared-memory files and the key file.
enum FilePermissions {
    /// The file's mode when group or others have any access, else `nil` (also when missing).
    static func widerThanOwner(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o777
        return mode & 0o077 != 0 ? mode : nil
    }

    static func warning(_ path: String, mode: mode_t) -> String {
        let octal = String(mode, radix: 8)
        return "警告：\(path) 的權限為 \(octal)，其他使用者可讀取，請執行 chmod 600 — warning: \(path) has mode \(octal) and is readable by other users; run chmod 600"
    }
}

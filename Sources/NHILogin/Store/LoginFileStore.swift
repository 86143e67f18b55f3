import Foundation
import NHICards
import NHICore
#if canImport(Glibc)
import Glibc
#endif

/// A login store in one JSON file (mode 0600): registration passwords hashed by
/// ``PasswordHasher`` (PBKDF2-SHA256, 600,000 rounds, random salt, constant-time check;
/// older hashes with fewer rounds are re-hashed at the next good login), NHI-app device secrets, unit ownership and QR/TW FidO tokens, with the
/// attempt rules of ``PasswordAttemptPolicy`` and ``OTPAcceptance``.
///
/// It lets the `nhi` tool, `nhi-phone` and tests run every login flow end to end across
/// processes (an exclusive `flock` on `<path>.lock` serialises them; writes replace the file
/// atomically). The service keeps the same facts in SQLite and implements the same
/// protocols; this store is not a replacement for it.
public struct LoginFileStore: RegistrationPasswordVerifier, OTPVerifier, LoginConfirmationService {
    /// The store file.
    public let path: String
    /// The rule for wrong passwords and wrong OTPs.
    public let policy: PasswordAttemptPolicy
    /// The OTP rule.
    public let acceptance: OTPAcceptance

    /// A store at `path` (created on first write).
    public init(path: String, policy: PasswordAttemptPolicy = .nhiCard, acceptance: OTPAcceptance = .nhiApp) {
        self.path = path
        self.policy = policy
        self.acceptance = acceptance
    }

    /// `$NHI_LOGIN_STORE`, else `$XDG_DATA_HOME/nhi/login-store.json` (`~/.local/share/…`;
    /// `NHIPaths`).
    public static var defaultPath: String {
        NHIPaths.dataFile("login-store.json", overriddenBy: "NHI_LOGIN_STORE")
    }

    // MARK: The document

    /// A ``PasswordHash`` in the file's format (base64 text).
    struct StoredPassword: Codable, Hashable {
        var salt: String
        var hash: String
        var rounds: Int

        init(_ hash: PasswordHash) {
            salt = hash.salt.base64EncodedString()
            self.hash = hash.hash.base64EncodedString()
            rounds = hash.iterations
        }

        var passwordHash: PasswordHash {
            PasswordHash(algorithm: PasswordHasher.algorithm, iterations: rounds, salt: Data(base64Encoded: salt) ?? Data(),
                         hash: Data(base64Encoded: hash) ?? Data())
        }
    }

    struct Device: Codable, Hashable {
        var secret: String
        var lastAcceptedCounter: Int64?
        var attempts: PasswordAttemptPolicy.Record
    }

    struct Account: Codable, Hashable {
        var name: String?
        var birthDate: CalendarDate?
        var ownedUnits: [String]
        var password: StoredPassword?
        var passwordAttempts: PasswordAttemptPolicy.Record
        var device: Device?
    }

    struct StoredToken: Codable, Hashable {
        var token: LoginToken
        var confirmedAt: Date?
        var consumedAt: Date?
    }

    struct Document: Codable {
        var accounts: [String: Account] = [:]
        var tokens: [String: StoredToken] = [:]
    }

    // MARK: Setting up accounts (what registration does in the real system)

    /// Registers (or replaces) the card holder's registration password, as the NHI-card
    /// online-service registration does.
    public func registerPassword(_ password: RegistrationPassword, for id: PersonalID, name: String? = nil,
                                 birthDate: CalendarDate? = nil, ownedUnits: [UnitCode] = []) throws(LoginError) {
        let hash = StoredPassword(try Self.hasher.hash(password))
        try update { document in
            var account = document.accounts[id.rawValue] ?? Account(ownedUnits: [], passwordAttempts: .init())
            account.password = hash
            account.passwordAttempts = .init()
            if let name { account.name = name }
            if let birthDate { account.birthDate = birthDate }
            account.ownedUnits = Array(Set(account.ownedUnits + ownedUnits.map(\.rawValue))).sorted()
            document.accounts[id.rawValue] = account
        }
    }

    /// Binds an NHI-app device to the person (裝置認證) and returns its TOTP secret
    /// (20 random bytes unless given).
    @discardableResult
    public func bindDevice(for id: PersonalID, birthDate: CalendarDate, name: String? = nil, ownedUnits: [UnitCode] = [],
                           secret: [UInt8]? = nil) throws(LoginError) -> [UInt8] {
        let bytes = secret ?? Self.randomBytes(20)
        try update { document in
            var account = document.accounts[id.rawValue] ?? Account(ownedUnits: [], passwordAttempts: .init())
            account.birthDate = birthDate
            if let name { account.name = name }
            account.ownedUnits = Array(Set(account.ownedUnits + ownedUnits.map(\.rawValue))).sorted()
            account.device = Device(secret: TOTP.base32Encode(bytes), lastAcceptedCounter: nil, attempts: .init())
            document.accounts[id.rawValue] = account
        }
        return bytes
    }

    /// The TOTP secret bound to `id`, if any (what the phone app holds).
    public func deviceSecret(for id: PersonalID) throws(LoginError) -> [UInt8]? {
        try read().accounts[id.rawValue]?.device.flatMap { TOTP.base32Decode($0.secret) }
    }

    // MARK: RegistrationPasswordVerifier

    /// Checks the password against its PBKDF2 hash, applying ``policy`` (suspended accounts are not checked).
    public func verify(_ password: RegistrationPassword, for card: NHICardIdentity, actingAsOwnerOf unitCode: UnitCode?,
                       at now: Date) async throws(LoginError) -> PasswordVerification {
        try update { (document) throws(LoginError) -> PasswordVerification in
            guard var account = document.accounts[card.id.rawValue], let stored = account.password else { return .notRegistered }
            if let until = policy.suspendedUntil(account.passwordAttempts, at: now) { return .suspended(until: until) }
            let matches = try Self.hasher.verify(password.value, against: stored.passwordHash)
            if matches, stored.passwordHash.needsRehash(for: Self.hasher) { account.password = StoredPassword(try Self.hasher.hash(password)) }
            let (record, outcome) = matches ? policy.afterSuccess(account.passwordAttempts)
                                            : policy.afterFailure(account.passwordAttempts, at: now)
            account.passwordAttempts = record
            document.accounts[card.id.rawValue] = account
            switch outcome {
            case .accepted:
                if let unitCode, !account.ownedUnits.contains(unitCode.rawValue) { return .notOwner(of: unitCode) }
                return .accepted(name: account.name)
            case .rejected(let left): return .rejected(remainingAttempts: left)
            case .suspended(let until): return .suspended(until: until)
            }
        }
    }

    // MARK: OTPVerifier

    /// Checks the code with ``TOTP`` and ``acceptance``; wrong codes count towards ``policy``.
    public func verify(code: String, for id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode?,
                       at now: Date) async throws(LoginError) -> OTPVerification {
        try update { document in
            guard var account = document.accounts[id.rawValue], account.birthDate == birthDate else { return .identityMismatch }
            guard var device = account.device, let secret = TOTP.base32Decode(device.secret) else { return .deviceNotBound }
            if let until = policy.suspendedUntil(device.attempts, at: now) { return .suspended(until: until) }
            let verdict = acceptance.judge(code, totp: TOTP(secret: secret), at: now, lastAcceptedCounter: device.lastAcceptedCounter)
            defer {
                account.device = device
                document.accounts[id.rawValue] = account
            }
            switch verdict {
            case .accepted(let counter):
                device.lastAcceptedCounter = counter
                device.attempts = policy.afterSuccess(device.attempts).0
                if let unitCode, !account.ownedUnits.contains(unitCode.rawValue) { return .notOwner(of: unitCode) }
                return .accepted(name: account.name)
            case .expired: return .expired
            case .reused: return .reused
            case .incorrect:
                let (record, outcome) = policy.afterFailure(device.attempts, at: now)
                device.attempts = record
                if case .suspended(let until) = outcome { return .suspended(until: until) }
                if case .rejected(let left) = outcome { return .incorrect(remainingAttempts: left) }
                return .incorrect(remainingAttempts: 0)
            }
        }
    }

    // MARK: LoginConfirmationService

    /// Stores a new token (and drops tokens that ended an hour ago).
    public func issue(app: ConfirmingApp, for id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode?,
                      at now: Date) async throws(LoginError) -> LoginToken {
        let token = LoginToken(app: app, requestedID: id, birthDate: birthDate, unitCode: unitCode, issuedAt: now)
        try update { document in
            // Tokens that ended long ago are dropped so the file stays small.
            document.tokens = document.tokens.filter { $0.value.token.expiresAt.addingTimeInterval(3600) > now }
            document.tokens[token.value] = StoredToken(token: token)
        }
        return token
    }

    /// Marks the token confirmed by the phone bound to `id`.
    public func confirm(_ value: String, by app: ConfirmingApp, as id: PersonalID, at now: Date) async throws(LoginError) {
        try update { (document) throws(LoginError) in
            guard var stored = document.tokens[value], stored.token.app == app else { throw LoginError(.tokenUnknown) }
            guard stored.consumedAt == nil, stored.confirmedAt == nil else { throw LoginError(.tokenUsed) }
            guard now <= stored.token.expiresAt else { throw LoginError(.tokenExpired) }
            guard stored.token.requestedID == id.rawValue else { throw LoginError(.tokenIdentityMismatch) }
            stored.confirmedAt = now
            document.tokens[value] = stored
        }
    }

    /// Where the token stands.
    public func status(of value: String, at now: Date) async throws(LoginError) -> LoginTokenStatus {
        guard let stored = try read().tokens[value] else { throw LoginError(.tokenUnknown) }
        if stored.consumedAt != nil { return .consumed }
        if let confirmed = stored.confirmedAt { return .confirmed(at: confirmed) }
        if now > stored.token.expiresAt { return .expired }
        return .pending(expiresAt: stored.token.expiresAt)
    }

    /// Uses a confirmed token, once.
    public func consume(_ value: String, at now: Date) async throws(LoginError) -> LoginToken {
        try update { (document) throws(LoginError) -> LoginToken in
            guard var stored = document.tokens[value] else { throw LoginError(.tokenUnknown) }
            guard stored.consumedAt == nil else { throw LoginError(.tokenUsed) }
            guard stored.confirmedAt != nil else { throw LoginError(.tokenNotConfirmed) }
            stored.consumedAt = now
            document.tokens[value] = stored
            return stored.token
        }
    }

    // MARK: File access

    func read() throws(LoginError) -> Document {
        try withLock { () throws(LoginError) -> Document in try load() }
    }

    func update<T>(_ body: (inout Document) throws(LoginError) -> T) throws(LoginError) -> T {
        try withLock { () throws(LoginError) -> T in
            var document = try load()
            let result = try body(&document)
            try save(document)
            return result
        }
    }

    private func withLock<T>(_ body: () throws(LoginError) -> T) throws(LoginError) -> T {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let fd = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LoginError(.storeFailed, detail: "\(path).lock: errno \(errno)") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw LoginError(.storeFailed, detail: "flock: errno \(errno)") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func load() throws(LoginError) -> Document {
        guard FileManager.default.fileExists(atPath: path) else { return Document() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if data.isEmpty { return Document() }
            return try Self.decoder.decode(Document.self, from: data)
        } catch {
            throw LoginError(.storeFailed, detail: "\(path): \(error)")
        }
    }

    private func save(_ document: Document) throws(LoginError) {
        do {
            let data = try Self.encoder.encode(document)
            let temporary = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw LoginError(.storeFailed, detail: "\(path): \(error)")
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The service's hasher: one rule for registration passwords.
    static let hasher = PasswordHasher()
}

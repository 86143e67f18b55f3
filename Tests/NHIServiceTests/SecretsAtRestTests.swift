import Foundation
import GRDB
import NHICore
import NHIService
import NHITestSupport
import Testing

/// Secrets at rest (issue 17): file modes, tokens in the outbox, TOTP secrets. Every test
/// reads the SQLite files' bytes (and rows) directly.
@Suite("Secrets at rest")
struct SecretsAtRestTests {
    /// A fresh folder (not created yet) for a database.
    final class Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-secrets-\(UUID().uuidString)")
        var directory: URL { root.appendingPathComponent("data") }
        var path: String { directory.appendingPathComponent("nhi.sqlite").path }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    /// Every byte of the database and its WAL.
    static func bytes(_ path: String) -> Data {
        var all = Data()
        for suffix in ["", "-wal"] { all += FileManager.default.contents(atPath: path + suffix) ?? Data() }
        return all
    }

    static func contains(_ haystack: Data, _ needle: String) -> Bool { haystack.range(of: Data(needle.utf8)) != nil }

    final class Collector: MailSender, @unchecked Sendable {
        private let lock = NSLock()
        private var _mails: [OutboxMail] = []
        var mails: [OutboxMail] { lock.withLock { _mails } }
        func send(_ mail: OutboxMail) throws { lock.withLock { _mails.append(mail) } }
    }

    static let person = Fixture.owner
    static let card = try! NHICardNumber(parsing: "000011112222")

    static func register(_ service: NHIService) throws -> String {
        try service.accounts.register(.init(personID: person, cardNumber: card, householdNumber: "A1234567", registeredVillage: "臺北市大安區龍安里",
                                            phones: Fixture.phones(), email: try EmailAddress(parsing: "me@example.com"),
                                            password: try RegistrationPassword("Abc123-!")))
    }

    @Test("A new database: folder 0700, database, WAL, SHM and key file 0600")
    func newFileModes() throws {
        let folder = Folder()
        let store = try SQLiteStore(path: folder.path)
        _ = try Self.register(NHIService(store: store, clock: ManualClock(try CalendarDate(iso: "2026-11-23"))))
        #expect(Self.mode(folder.directory.path) == 0o700)
        for suffix in ["", "-wal", "-shm", ".key"] {
            #expect(FileManager.default.fileExists(atPath: folder.path + suffix), "\(suffix)")
            #expect(Self.mode(folder.path + suffix) == 0o600, "nhi.sqlite\(suffix)")
        }
        #expect(store.permissionWarnings.isEmpty)
    }

    @Test("An existing database readable by others: a warning; its WAL and SHM are narrowed to 0600")
    func widerFiles() throws {
        let folder = Folder()
        let first = try SQLiteStore(path: folder.path)
        _ = try Self.register(NHIService(store: first, clock: ManualClock(try CalendarDate(iso: "2026-11-23"))))
        for suffix in ["", "-wal", "-shm", ".key"] { chmod(folder.path + suffix, 0o644) }
        let second = try SQLiteStore(path: folder.path)
        #expect(Self.mode(folder.path + "-wal") == 0o600 && Self.mode(folder.path + "-shm") == 0o600)
        #expect(second.permissionWarnings.count == 2)
        #expect(second.permissionWarnings.contains { $0.contains(folder.path + " ") && $0.contains("644") && $0.contains("chmod 600") })
        #expect(second.permissionWarnings.contains { $0.contains(folder.path + ".key") })
    }

    @Test("Tokens: sealed while the mail waits, redacted once sent; never in plain text in the file")
    func tokensInOutbox() throws {
        let folder = Folder()
        let token: String
        let collector = Collector()
        do {
            let store = try SQLiteStore(path: folder.path)
            let service = NHIService(store: store, clock: ManualClock(try CalendarDate(iso: "2026-11-23")))
            token = try Self.register(service)
            let reset = try EmailAddress(parsing: "me@example.com")
            #expect(try service.mail.messages(to: reset)[0].body.contains(token), "the pending mail can still be sent")
            #expect(!Self.contains(Self.bytes(folder.path), token), "a pending token is sealed in the file")
            #expect(try service.mail.deliver(using: collector) == 1)
            #expect(collector.mails[0].body.contains(token), "the sender gets the token")
            let kept = try service.mail.messages(to: reset)[0]
            #expect(!kept.body.contains(token) && kept.body.contains(OutboxMail.redactedToken))
            #expect(!Self.contains(Self.bytes(folder.path), token))
            // The token still works: only its digest is needed.
            try service.accounts.confirmEmail(token: token, personID: Self.person, cardNumber: Self.card, newPassword: nil)
        }
        // Closed (checkpointed): the file alone.
        #expect(!Self.contains(Self.bytes(folder.path), token))
        let queue = try DatabaseQueue(path: folder.path)
        let rows = try queue.read { db in try String.fetchAll(db, sql: "SELECT data FROM outbox_mail") }
        #expect(rows.count == 2 && !rows.contains { $0.contains(token) })
    }

    @Test("Bound devices' TOTP secrets are sealed with the key beside the database; another key is refused")
    func totpSealed() throws {
        let folder = Folder()
        let secret: Data
        do {
            let store = try SQLiteStore(path: folder.path)
            let service = NHIService(store: store, clock: ManualClock(try CalendarDate(iso: "2026-11-23")))
            let token = try Self.register(service)
            try service.accounts.confirmEmail(token: token, personID: Self.person, cardNumber: Self.card, newPassword: nil)
            secret = try service.devices.bind(personID: Self.person, label: "Pixel", by: .person(Self.person)).device.secret
            #expect(try service.devices.active(personID: Self.person).first?.secret == secret)
        }
        let bytes = Self.bytes(folder.path)
        #expect(bytes.range(of: secret) == nil && !Self.contains(bytes, secret.base64EncodedString()))
        let queue = try DatabaseQueue(path: folder.path)
        let row = try #require(try queue.read { db in try String.fetchOne(db, sql: "SELECT data FROM device") })
        #expect(row.contains("sealedSecret") && !row.contains(secret.base64EncodedString()))
        // Reopened with the key file: the secret is back. With another key: refused.
        let reopened = NHIService(store: try SQLiteStore(path: folder.path), clock: ManualClock(try CalendarDate(iso: "2026-11-23")))
        #expect(try reopened.devices.active(personID: Self.person).first?.secret == secret)
        #expect(throws: ServiceError(.storeKeyMismatch)) { try SQLiteStore(path: folder.path, key: StoreKey.generate()) }
        // Without its key file the database is refused, and no new key is made for it.
        let keyFile = folder.path + StoreKey.fileSuffix
        try FileManager.default.moveItem(atPath: keyFile, toPath: keyFile + ".saved")
        #expect(throws: ServiceError(.storeKeyMissing)) { try SQLiteStore(path: folder.path) }
        #expect(!FileManager.default.fileExists(atPath: keyFile))
        try FileManager.default.moveItem(atPath: keyFile + ".saved", toPath: keyFile)
        // $NHI_DB_KEY instead of the key file.
        let text = try String(contentsOfFile: folder.path + StoreKey.fileSuffix, encoding: .utf8)
        #expect(try StoreKey.load(forDatabase: "/nonexistent/x.sqlite", environment: [StoreKey.environmentVariable: text]).warnings.isEmpty)
        #expect(throws: ServiceError(.storeKeyInvalid)) {
            try StoreKey.load(forDatabase: "/nonexistent/x.sqlite", environment: [StoreKey.environmentVariable: "c2hvcnQ="])
        }
    }

    @Test("Migration: an older database's plain secrets are sealed and sent tokens redacted on first open")
    func migration() throws {
        let folder = Folder()
        let token: String, secret: Data
        do {
            let store = try SQLiteStore(path: folder.path)
            let service = NHIService(store: store, clock: ManualClock(try CalendarDate(iso: "2026-11-23")))
            token = try Self.register(service)
            secret = Data((0..<20).map { UInt8($0 * 7 + 1) })
        }
        // Write the rows as the previous version did: plain JSON, no key check.
        do {
            let queue = try DatabaseQueue(path: folder.path)
            try queue.write { db in
                let body = "認證碼：\(token)"
                try db.execute(sql: "UPDATE outbox_mail SET sent_at = 1, data = ?", arguments: [
                    #"{"attempts":0,"body":"\#(body)","createdAt":1,"id":1,"kind":"verification","sentAt":1,"subject":"s","to":"me@example.com"}"#])
                try db.execute(sql: "INSERT INTO outbox_mail (recipient, sent_at, data) VALUES ('b@example.com', NULL, ?)", arguments: [
                    #"{"attempts":0,"body":"\#(body)","createdAt":1,"id":2,"kind":"verification","subject":"s","to":"b@example.com"}"#])
                try db.execute(sql: "INSERT INTO device (person_id, data) VALUES (?, ?)", arguments: [Self.person.rawValue,
                    #"{"boundAt":1,"id":1,"label":"Pixel","personID":"\#(Self.person.rawValue)","secret":"\#(secret.base64EncodedString())"}"#])
                try db.execute(sql: "DELETE FROM store_secret")
            }
        }
        #expect(Self.contains(Self.bytes(folder.path), token))
        do {
            let service = NHIService(store: try SQLiteStore(path: folder.path), clock: ManualClock(try CalendarDate(iso: "2026-11-23")))
            #expect(try service.devices.active(personID: Self.person).first?.secret == secret)
            let pending = try service.mail.pending()
            #expect(pending.count == 1 && pending[0].body.contains(token))
            #expect(try service.mail.messages(to: try EmailAddress(parsing: "me@example.com"))[0].body.contains(OutboxMail.redactedToken))
        }
        let bytes = Self.bytes(folder.path)
        #expect(!Self.contains(bytes, token) && !Self.contains(bytes, secret.base64EncodedString()))
    }
}

@Suite("Secrets at rest: the demo database")
struct DemoDatabaseKeyTests {
    @Test("The demo's working copies carry the template's key file and open with it")
    func demoCopies() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-demo-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let today = try CalendarDate(iso: "2026-11-23")
        for _ in 0..<2 {   // seeded, then from the cached template
            let demo = try DemoDatabase(cacheDirectory: cache, today: today)
            #expect(FileManager.default.fileExists(atPath: demo.path + StoreKey.fileSuffix))
            let store = try SQLiteStore(path: demo.path)
            #expect(try store.appliedMigrations().contains("v10-sealed-secrets"))
        }
    }
}

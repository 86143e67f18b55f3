import Foundation
import NHICore
import NHIPostgres
import NHIService

/// Which store a test runs on.
public enum TestStoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The environment variable naming the PostgreSQL server for tests (its maintenance
    /// database, e.g. `postgres:///postgres?host=/tmp/nhi-pg.x`); `scripts/test` starts a
    /// private cluster and sets it.
    public static let postgresVariable = "NHI_TEST_POSTGRES_URL"

    /// The stores to run the service's tests on: SQLite always; PostgreSQL when a server is
    /// named, and always under `scripts/test` (`NHI_TEST_STACK=1`), where a missing server
    /// makes those tests fail instead of skipping them.
    public static var available: [TestStoreKind] {
        let environment = ProcessInfo.processInfo.environment
        let wanted = environment[postgresVariable].map { !$0.isEmpty } ?? false || environment["NHI_TEST_STACK"] == "1"
        return wanted ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// A real throw-away database, removed when the value is deinitialised: for tests of code
/// that uses `NHIService`. SQLite: a file in a fresh temporary directory. PostgreSQL: a fresh
/// database on the server `$NHI_TEST_POSTGRES_URL` names (tests run in parallel, each on its
/// own database), dropped at the end; its key lives in the temporary directory.
public final class TemporaryDatabase: @unchecked Sendable {
    public let kind: TestStoreKind
    /// A fresh directory for the test's files (the SQLite database, key files, spools).
    public let directory: URL
    /// The SQLite database file (for PostgreSQL: the location without password).
    public var path: String { kind == .sqlite ? directory.appendingPathComponent("nhi.sqlite").path : location.description }
    /// Where the database is.
    public let location: StoreLocation
    /// The store over the database.
    public let store: any NHIStoreAdministration
    /// The key file of a PostgreSQL database.
    public var keyFile: String { directory.appendingPathComponent("postgres.key").path }
    private let server: PostgresLocation?

    public init(kind: TestStoreKind = .sqlite) throws {
        self.kind = kind
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch kind {
        case .sqlite:
            server = nil
            location = .sqlite(path: directory.appendingPathComponent("nhi.sqlite").path)
            store = try SQLiteStore(path: directory.appendingPathComponent("nhi.sqlite").path)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[TestStoreKind.postgresVariable], !url.isEmpty else {
                throw TemporaryDatabaseError(message: """
                    PostgreSQL tests need a server: set \(TestStoreKind.postgresVariable) (scripts/test starts a private cluster \
                    and sets it; is Debian's postgresql installed?)
                    """)
            }
            guard case .postgres(let server) = try StoreLocation(parsing: url) else {
                throw TemporaryDatabaseError(message: "\(TestStoreKind.postgresVariable) is not a postgres:// URL")
            }
            self.server = server
            let name = "nhi_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try PostgresServer.createDatabase(name, on: server)
            location = .postgres(server.with(database: name))
            store = try PostgresStore(location: server.with(database: name), keyFile: directory.appendingPathComponent("postgres.key").path)
        }
    }

    /// Another store over the same database (as a second process would open it).
    public func reopen() throws -> any NHIStoreAdministration {
        switch location {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let database): try PostgresStore(location: database, keyFile: keyFile)
        }
    }

    /// A service over this database with `clock`.
    public func service(clock: any ServiceClock) -> NHIService {
        NHIService(store: store, clock: clock)
    }

    deinit {
        if let server, case .postgres(let database) = location {
            (store as? PostgresStore)?.close()
            try? PostgresServer.dropDatabase(database.database, on: server)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Why a temporary database could not be made.
public struct TemporaryDatabaseError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

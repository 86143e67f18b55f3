import Foundation
import NHICore
import NHIService

/// A real SQLite database in a fresh temporary directory, removed when the value is
/// deinitialised: for tests of code that uses `NHIService`.
public final class TemporaryDatabase: @unchecked Sendable {
    /// The directory holding the database file.
    public let directory: URL
    /// The database file.
    public var path: String { directory.appendingPathComponent("nhi.sqlite").path }
    /// The store over the file.
    public let store: SQLiteStore

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("nhi.sqlite").path)
    }

    /// A service over this database with `clock`.
    public func service(clock: any ServiceClock) -> NHIService {
        NHIService(store: store, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

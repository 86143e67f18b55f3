import Foundation
import NHICore
import NHIService

/// A working copy of the sample database (``DemoData``) for one demo session.
///
/// The sample is seeded once a day into a template under `cacheDirectory`
/// (`template-v3-2026-11-23.sqlite`, `v3` being ``seedVersion``; seeding hashes the staff
/// passwords, which takes a moment)
/// and copied into a fresh temporary folder for each session, so every demo starts from
/// the same state and leaves nothing behind: the folder is removed when the value is
/// deinitialised.
public final class DemoDatabase: @unchecked Sendable {
    /// The working copy's folder and file.
    public let directory: URL
    public var path: String { directory.appendingPathComponent("nhi.sqlite").path }
    /// The sample's people and unit.
    public let sample: DemoData.Sample

    /// The sample's layout version, part of the template's name: a template seeded by an
    /// older ``DemoData`` (v1: the unit registered by the owner's NHI card; v2: secrets not yet
    /// sealed, no key file) is never reused.
    public static let seedVersion = "v3"

    /// Prepares a working copy of the sample as of `today`.
    public init(cacheDirectory: URL, today: CalendarDate = .today()) throws {
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let template = cacheDirectory.appendingPathComponent("template-\(Self.seedVersion)-\(today.iso).sqlite").path
        if !FileManager.default.fileExists(atPath: template) {
            // Seed under a temporary name, then rename: a half-seeded template is never used.
            let partial = template + ".\(getpid()).partial"
            for suffix in ["", "-wal", "-shm", StoreKey.fileSuffix] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            try Self.seed(at: partial, today: today)
            // The key file travels with the database: it seals the sample's secrets.
            for suffix in ["-wal", "-shm", StoreKey.fileSuffix] where FileManager.default.fileExists(atPath: partial + suffix) {
                try FileManager.default.moveItem(atPath: partial + suffix, toPath: template + suffix)
            }
            try FileManager.default.moveItem(atPath: partial, toPath: template)
            // Older templates are of no use any more.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? []
            where name.hasPrefix("template-") && !name.hasPrefix("template-\(Self.seedVersion)-\(today.iso)") {
                try? FileManager.default.removeItem(at: cacheDirectory.appendingPathComponent(name))
            }
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let copy = directory.appendingPathComponent("nhi.sqlite").path
        for suffix in ["", "-wal", StoreKey.fileSuffix] where FileManager.default.fileExists(atPath: template + suffix) {
            try FileManager.default.copyItem(atPath: template + suffix, toPath: copy + suffix)
        }
        sample = DemoData.sample(today: today)
    }

    private static func seed(at path: String, today: CalendarDate) throws {
        // The store is closed (and its log checkpointed) when it goes out of scope.
        let store = try SQLiteStore(path: path)
        try DemoData.seed(store, today: today)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

import Foundation
@testable import KioskSDK
import NHITestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Demo mode's database copies: removed at exit, and at start only the ones a crashed
/// kiosk left (ours by name and owner, unheld; links never followed).
@Suite("Demo copies: deleted at exit, stale ones removed at start")
struct DemoCopiesTests {
    private let tmp = TemporaryDirectory()
    private var root: URL { URL(fileURLWithPath: tmp.path) }

    private func folder(_ name: String, files: [String: String] = ["nhi.sqlite": "db"]) throws -> URL {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(file)) }
        return url
    }

    private func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    private func age(_ url: URL, hours: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-hours * 3600)], ofItemAtPath: url.path)
    }

    @Test("a claimed copy is removed with everything in it when the kiosk lets go")
    func removedAtExit() throws {
        let copy = try folder("nhi-demo-A", files: ["nhi.sqlite": "db", "nhi.sqlite-wal": "wal", "nhi.sqlite.key": "key"])
        let claim = try DemoCopies.claim(copy)
        #expect(exists(copy.appendingPathComponent(DemoCopies.lockName)))
        claim.removeCopy()
        #expect(!exists(copy))
        claim.removeCopy()  // twice is harmless
    }

    @Test("a real demo database copy: claimed, then gone at exit")
    func realCopy() throws {
        let cache = root.appendingPathComponent("cache")
        let demo = try DemoDatabase(cacheDirectory: cache)
        let claim = try DemoCopies.claim(demo.directory)
        #expect(FileManager.default.fileExists(atPath: demo.path))
        #expect(!DemoCopies.isStale(demo.directory, now: Date()), "a copy held by a running kiosk is never stale")
        claim.removeCopy()
        #expect(!FileManager.default.fileExists(atPath: demo.directory.path))
    }

    @Test("at start: an unheld copy (a crashed kiosk's) goes; a running kiosk's stays; a second claim is refused")
    func staleAndLive() throws {
        let crashed = try folder("nhi-demo-crashed", files: ["nhi.sqlite": "db", DemoCopies.lockName: ""])
        let live = try folder("nhi-demo-live")
        let held = try DemoCopies.claim(live)
        #expect(throws: (any Error).self) { _ = try DemoCopies.claim(live) }
        let removed = DemoCopies.removeStale(in: root)
        #expect(removed == ["nhi-demo-crashed"])
        #expect(!exists(crashed))
        #expect(exists(live.appendingPathComponent("nhi.sqlite")))
        held.removeCopy()
    }

    @Test("a copy without a lock file goes only when old; other names are never touched")
    func unclaimed() throws {
        let old = try folder("nhi-demo-old")
        try age(old, hours: 3)
        let fresh = try folder("nhi-demo-fresh")
        let other = try folder("other-old")
        try age(other, hours: 3)
        let file = root.appendingPathComponent("nhi-demo-file")
        try Data("x".utf8).write(to: file)
        try age(file, hours: 3)
        #expect(DemoCopies.removeStale(in: root) == ["nhi-demo-old"])
        #expect(!exists(old) && exists(fresh) && exists(other) && exists(file))
    }

    @Test("symbolic links are never followed: not a link named like a copy, not a link inside one")
    func links() throws {
        let outside = try folder("precious", files: ["keep.txt": "keep", DemoCopies.lockName: ""])
        try age(outside, hours: 3)
        let link = root.appendingPathComponent("nhi-demo-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let crashed = try folder("nhi-demo-crashed", files: [DemoCopies.lockName: ""])
        try FileManager.default.createSymbolicLink(at: crashed.appendingPathComponent("escape"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: crashed.appendingPathComponent("keep.txt"),
                                                   withDestinationURL: outside.appendingPathComponent("keep.txt"))
        #expect(DemoCopies.removeStale(in: root) == ["nhi-demo-crashed"])
        #expect(exists(link), "the link itself stays")
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("keep.txt").path), "the target is untouched")
        #expect(!exists(crashed))
    }

    @Test("another user's copy is left alone", .enabled(if: getuid() == 0, "needs root to give a folder away"))
    func otherOwner() throws {
        let theirs = try folder("nhi-demo-theirs", files: [DemoCopies.lockName: ""])
        try age(theirs, hours: 3)
        #expect(chown(theirs.path, 65534, 65534) == 0)
        #expect(DemoCopies.removeStale(in: root).isEmpty)
        #expect(exists(theirs))
    }
}

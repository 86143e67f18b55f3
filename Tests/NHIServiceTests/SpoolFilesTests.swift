import Foundation
import NHICore
import NHIService
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, files written: the mail spool writes through the safe writer.
@Suite("Files written: the mail spool")
struct SpoolFilesTests {
    static func mail(_ id: Int64) throws -> OutboxMail {
        OutboxMail(id: id, to: try EmailAddress(parsing: "me@example.com"), subject: "驗證 verification",
                   body: "token 0123456789abcdef", kind: "verification", createdAt: Date(), sentAt: nil, attempts: 0)
    }

    @Test("Files written: .eml files are 0600 and a planted symlink at the predictable name is refused, not followed")
    func filesWrittenSpool() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sender = SpoolDirectoryMailSender(directory: directory)

        try sender.send(try Self.mail(1))
        let written = directory.appendingPathComponent("00000001-verification.eml").path
        let mode = try FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a mail can carry a token")
        #expect(try String(contentsOfFile: written, encoding: .utf8).contains("token 0123456789abcdef"))

        let victim = directory.appendingPathComponent("victim").path
        _ = FileManager.default.createFile(atPath: victim, contents: Data("precious".utf8))
        let planted = directory.appendingPathComponent("00000002-verification.eml").path
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        #expect(throws: (any Error).self) { try sender.send(try Self.mail(2)) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        var info = stat()
        #expect(lstat(planted, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link is left alone")
    }
}

/// Issue 17, memory: the service's upload uses the bounded checker.
@Suite("Memory bounded on any input: the service's batch upload")
struct BlankUploadTests {
    @Test("Memory bounded on any input: an upload of 300,000 blank lines is refused (file.noRows), not a processed job with 0 rows")
    func memoryBoundedBlankUpload() throws {
        let s = try BatchRegistrationJobTests.setUp()
        let blank = [UInt8](repeating: 0x0A, count: 300_000)
        do {
            _ = try s.f.service.batchRegistrations.upload(blank, fileName: BatchRegistrationJobTests.fileName,
                                                          unit: BatchRegistrationJobTests.unit, by: s.operatorA)
            Issue.record("a blank upload was accepted")
        } catch {
            #expect(error.code == .batchFileRejected)
            #expect(error.messageEn.contains("no data rows"), "\(error.messageEn)")
        }
    }
}

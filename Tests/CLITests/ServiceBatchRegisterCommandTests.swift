import Foundation
import Testing

/// `nhi service batch-register upload|records|log` against a fresh database: the seed 003
/// workflow and its authorisation rules.
@Suite("nhi service batch-register")
struct ServiceBatchRegisterCommandTests {
    let directory: URL
    let db: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-batchjob-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appendingPathComponent("nhi.sqlite").path
        // --now / NHI_NOW work only on a database made for tests.
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])
    }

    func service(_ args: [String], now: String = "2026-11-24T09:00:00+08:00") throws -> CLI.Result {
        try CLI.run(["service"] + args + ["--db", db], environment: ["NHI_NOW": now])
    }

    func require(_ r: CLI.Result, _ status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.stdout)\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    let cert = ["--unit", "110001000", "--certificate-serial", "0A1B2C3D"]

    /// A unit with an administrator (B200000004), operators C100000003 and D200000006, and two
    /// insured persons in force from the day before.
    func setUp() throws {
        let first = "2026-11-23T09:00:00+08:00"
        require(try service(["unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--ubn", "04595257",
                             "--labour-number", "01234567A", "--owner", "A123456789", "--mobile", "0912345678",
                             "--email", "hr@example.com.tw", "--method", "certificate", "--serial", "0A1B2C3D"], now: first))
        for (id, role, serial) in [("B200000004", "administrator", "TP03000001234567"), ("C100000003", "operator", "TP03000009999999"),
                                   ("D200000006", "operator", "TP03000008888888")] {
            require(try service(["staff", "assign", "--id", id, "--name", "王大明", "--role", role, "--serial", serial,
                                 "--mobile", "0911111111", "--email", "\(id.lowercased())@example.com"] + cert, now: first))
        }
        for id in ["E100000005", "E100000014"] {
            require(try service(["filing", "enrol", "--id", id, "--name", "員工", "--birth-date", "1990-01-01", "--amount", "36300",
                                 "--effective", "2026-11-01", "--unit", "110001000", "--as", "C100000003"], now: first))
        }
        require(try service(["convert", "--system"], now: "2026-11-23T22:31:00+08:00"))
    }

    func uploadFile() throws -> String {
        let path = directory.appendingPathComponent("1100010001151124.csv").path
        let text = "身分證號,電子郵件,行動電話,聯絡電話\r\nE100000005,e1@example.com,0912345678,\r\nF131104093,f@example.com,,02-23456789\r\nE100000014,e2@example.com,912345678,\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Upload as an operator: totals, the log in the seed's format, records with filters")
    func uploadRecordsLog() throws {
        try setUp()
        let file = try uploadFile()
        let upload = try service(["batch-register", "upload", file, "--unit", "110001000", "--as", "C100000003", "--json"])
        require(upload)
        let job = try upload.json()
        #expect(job["fileName"] as? String == "1100010001151124.csv")
        #expect(job["total"] as? Int == 3 && job["succeeded"] as? Int == 2 && job["failed"] as? Int == 1)
        #expect(job["status"] as? String == "processed" && job["statusLabel"] as? String == "入檔完畢")
        #expect(job["logFileName"] as? String == "1100010001151124.1151124090000.log")
        let id = try #require(job["id"] as? Int)

        let log = try service(["batch-register", "log", String(id), "--unit", "110001000", "--as", "C100000003"])
        require(log)
        #expect(log.lines == [
            "2026/11/24 上午 09:00:00 開始執行...",
            "2026/11/24 上午 09:00:00 第2筆資料:F13110****(非該單位在保險對象)不入檔!",
            "2026/11/24 上午 09:00:00 結束執行...",
            "2026/11/24 上午 09:00:00 ----總共上傳3筆,成功註冊2筆,失敗1筆----",
        ])
        // --out writes the NHI's file: CP950, CRLF, under the log's name.
        let written = try service(["batch-register", "log", String(id), "--out", directory.path, "--system"])
        require(written)
        let bytes = try Data(contentsOf: directory.appendingPathComponent("1100010001151124.1151124090000.log"))
        #expect(bytes.starts(with: Array("2026/11/24 ".utf8)) && bytes.contains(0x0D))

        let records = try service(["batch-register", "records", "--unit", "110001000", "--as", "C100000003",
                                   "--from", "1151101", "--to", "1151124", "--json"])
        require(records)
        #expect(records.stdout.hasPrefix("[{") && records.stdout.contains("\"id\":\(id)"))
        let none = try service(["batch-register", "records", "--unit", "110001000", "--as", "C100000003",
                                "--from", "1151101", "--to", "1151123", "--json"])
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let waiting = try service(["batch-register", "records", "--unit", "110001000", "--as", "C100000003", "--status", "waiting", "--json"])
        #expect(waiting.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let tooOld = try service(["batch-register", "records", "--unit", "110001000", "--as", "C100000003", "--from", "1150801"])
        require(tooOld, 1)
        #expect(tooOld.stderr.contains("batchJob.queryRange") && tooOld.stderr.contains("3 months"))

        // The registrants got verification mails; the log and the output never show full IDs.
        #expect(!log.stdout.contains("F131104093") && !upload.stdout.contains("C100000003"))
    }

    @Test("An operator cannot see another operator's uploads; the administrator sees all")
    func authorisation() throws {
        try setUp()
        let file = try uploadFile()
        let mine = try service(["batch-register", "upload", file, "--unit", "110001000", "--as", "C100000003", "--json"])
        require(mine)
        let id = try #require(try mine.json()["id"] as? Int)

        let other = try service(["batch-register", "records", "--unit", "110001000", "--as", "D200000006", "--json"])
        require(other)
        #expect(other.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let otherLog = try service(["batch-register", "log", String(id), "--unit", "110001000", "--as", "D200000006"])
        require(otherLog, 1)
        #expect(otherLog.stderr.contains("batchJob.notFound"))

        // Another operator cannot process a deferred upload either (nor see its contact and totals).
        let deferred = try service(["batch-register", "upload", file, "--unit", "110001000", "--as", "C100000003", "--defer", "--json"])
        require(deferred)
        let deferredID = try #require(try deferred.json()["id"] as? Int)
        let hijack = try service(["batch-register", "process", String(deferredID), "--unit", "110001000", "--as", "D200000006", "--json"])
        require(hijack, 1)
        #expect(hijack.stderr.contains("batchJob.notFound") && !hijack.stdout.contains("contactEmail"))
        let processed = try service(["batch-register", "process", String(deferredID), "--unit", "110001000", "--as", "C100000003", "--json"])
        require(processed)

        let admin = try service(["batch-register", "records", "--unit", "110001000", "--as", "B200000004", "--json"])
        require(admin)
        #expect(admin.stdout.contains("\"id\":\(id)"))
        // Someone not assigned to the unit cannot upload.
        let stranger = try service(["batch-register", "upload", file, "--unit", "110001000", "--as", "E100000005"])
        require(stranger, 1)
        #expect(stranger.stderr.contains("staff.notAssigned"))
    }
}

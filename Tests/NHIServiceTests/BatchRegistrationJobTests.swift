import Foundation
import NHICore
import NHIFormats
import NHIService
import Testing

/// Batch NHI-card registration jobs (SPEC §5, seed 003) on a real SQLite file.
@Suite("Batch NHI-card registration jobs")
struct BatchRegistrationJobTests {
    static let unit = try! UnitCode(parsing: "110001000")
    static let insured = [NationalID.make(letter: "E", sex: .male, serial: 1_000_005), NationalID.make(letter: "E", sex: .female, serial: 2_000_016)]
    static let outsider = NationalID.make(letter: "F", sex: .male, serial: 3_110_409)

    /// A unit with an administrator, two operators and two in-force insured persons.
    struct Setup {
        let f: Fixture
        let admin: Caller
        let operatorA: Caller
        let operatorB: Caller
    }

    static func setUp() throws -> Setup {
        let f = try Fixture()
        let certificate = try f.registerUnitByCertificate()
        _ = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate)
        _ = try f.assign(Fixture.operatorPerson, role: .operator, by: certificate, serial: "TP03000007654321")
        _ = try f.assign(Fixture.otherOperator, role: .operator, by: certificate, serial: "TP03000001111111")
        try f.database.store.write { w in
            for id in insured {
                _ = try w.insert(Coverage(id: 0, unitCode: unit, personID: .national(id), principalID: nil, relation: nil, category: .employee,
                                          insuredAmount: Money(36_300), startDate: try CalendarDate(iso: "2026-01-01"), endDate: nil,
                                          status: .active, foreignNational: false))
            }
        }
        let session = { (id: NationalID, serial: String) throws in
            try f.service.staff.session(person: .national(id), unit: unit, credential: .citizen, certificateSerial: serial)
        }
        return Setup(f: f, admin: try session(Fixture.adminPerson, "TP03000001234567"),
                     operatorA: try session(Fixture.operatorPerson, "TP03000007654321"),
                     operatorB: try session(Fixture.otherOperator, "TP03000001111111"))
    }

    /// A current-layout file: the two insured persons, one outsider, one bad e-mail.
    static func file() -> [UInt8] {
        let rows = [
            "\(insured[0].rawValue),e1@example.com,0912345678,02-23456789#12",
            "\(outsider.rawValue),f1@example.com,0912345679,",
            "\(insured[1].rawValue),e2@example.com,,03-1234567",
            "\(insured[1].rawValue),not-an-email,,",
        ]
        return Array((rows.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static let fileName = "1100010001151123.csv"

    @Test("An upload is read as a counter should: no link followed, a regular file, at most 10 MB; a larger upload is refused")
    func boundedUpload() throws {
        let folder = NSTemporaryDirectory() + "nhi-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + Self.fileName
        try Data(Self.file()).write(to: URL(fileURLWithPath: path))
        #expect(try NHIService.BatchRegistrations.readFile(atPath: path) == Self.file())

        let link = folder + "/link.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: ServiceError(.batchFileUnreadable)) { try NHIService.BatchRegistrations.readFile(atPath: link) }
        #expect(throws: ServiceError(.batchFileUnreadable)) { try NHIService.BatchRegistrations.readFile(atPath: folder) }

        let large = folder + "/large.csv"   // sparse: no 10 MB written
        _ = FileManager.default.createFile(atPath: large, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: large))
        try handle.truncate(atOffset: UInt64(NHIService.BatchRegistrations.maximumFileSize + 1))
        try handle.close()
        #expect(throws: ServiceError(.batchFileTooLarge)) { try NHIService.BatchRegistrations.readFile(atPath: large) }

        let s = try Self.setUp()
        let oversized = [UInt8](repeating: 0x2C, count: NHIService.BatchRegistrations.maximumFileSize + 1)
        #expect(throws: ServiceError(.batchFileTooLarge)) {
            try s.f.service.batchRegistrations.upload(oversized, fileName: Self.fileName, unit: Self.unit, by: s.operatorA)
        }
        #expect(try s.f.service.batchRegistrations.records(unit: Self.unit, from: nil, through: nil, status: nil, by: s.admin).isEmpty)
    }

    @Test("Upload → waiting; process → log in the seed's format, totals, accounts and verification mails, result mail")
    func uploadAndProcess() throws {
        let s = try Self.setUp()
        let job = try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.operatorA)
        #expect(job.status == .waiting && job.total == 0 && job.status.label == "已上傳,等待入檔")
        #expect(job.contactEmail.rawValue == Fixture.operatorPerson.rawValue.lowercased() + "@example.com")

        s.f.clock.advance(by: 3600)
        let done = try s.f.service.batchRegistrations.process(job.id)
        #expect(done.status == .processed && done.status.label == "入檔完畢")
        #expect(done.total == 4 && done.succeeded == 2 && done.failed == 2)
        // 2026-11-23 09:00:00 Taiwan = ROC 1151123090000.
        #expect(done.logFileName == "1100010001151123.1151123090000.log")
        let lines = try #require(done.logText).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines == [
            "2026/11/23 上午 10:00:00 開始執行...",
            "2026/11/23 上午 10:00:00 第2筆資料:\(String(Self.outsider.rawValue.prefix(6)))****(非該單位在保險對象)不入檔!",
            "2026/11/23 上午 10:00:00 第4筆資料:\(String(Self.insured[1].rawValue.prefix(6)))****(身分證號重複)不入檔!",
            "2026/11/23 上午 10:00:00 結束執行...",
            "2026/11/23 上午 10:00:00 ----總共上傳4筆,成功註冊2筆,失敗2筆----",
        ])
        // The log parses back with the NHIFormats reader, and its file name is the seed's form.
        let parsed = try BatchRegistrationLog(parsing: try #require(done.logText), fileName: try #require(done.logFileName))
        #expect(parsed.total == 4 && parsed.succeeded == 2 && parsed.failed == 2)

        for (id, mail) in [(Self.insured[0], "e1@example.com"), (Self.insured[1], "e2@example.com")] {
            let account = try #require(try s.f.service.accounts.account(.national(id)))
            #expect(account.status == .pendingVerification && account.registeredByUnit == Self.unit)
            let mails = try s.f.service.mail.messages(to: try EmailAddress(parsing: mail))
            #expect(mails.count == 1 && mails[0].kind == "verification" && mails[0].body.contains("5日內"))
        }
        #expect(try s.f.service.accounts.account(.national(Self.outsider)) == nil)
        let result = try s.f.service.mail.messages(to: job.contactEmail)
        #expect(result.count == 1 && result[0].body.contains("總共上傳4筆，成功註冊2筆，失敗2筆"))
        #expect(!result[0].body.contains(Self.outsider.rawValue), "IDs are masked in mails")

        // Processing again changes nothing.
        #expect(try s.f.service.batchRegistrations.process(job.id) == done)
        #expect(try s.f.service.mail.messages(to: job.contactEmail).count == 1)
    }

    @Test("A person already registered is a failed row with its reason; no second mail")
    func alreadyRegistered() throws {
        let s = try Self.setUp()
        try s.f.activateAccount(.national(Self.insured[0]), card: "000011112222")
        let job = try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.admin)
        let done = try s.f.service.batchRegistrations.process(job.id)
        #expect(done.succeeded == 1 && done.failed == 3)
        #expect(done.logText?.contains("第1筆資料:\(Self.insured[0].rawValue.prefix(6))****(已完成健保卡網路服務註冊)不入檔!") == true)
    }

    @Test("Visibility: an operator sees only their own uploads; an administrator the whole unit; outsiders nothing")
    func visibility() throws {
        let s = try Self.setUp()
        let mine = try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.operatorA)
        s.f.clock.advance(by: 60)
        let theirs = try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.operatorB)
        let records = s.f.service.batchRegistrations
        #expect(try records.records(unit: Self.unit, by: s.operatorA).map(\.id) == [mine.id])
        #expect(try records.records(unit: Self.unit, by: s.operatorB).map(\.id) == [theirs.id])
        #expect(try records.records(unit: Self.unit, by: s.admin).map(\.id) == [theirs.id, mine.id])
        #expect(throws: ServiceError(.batchJobNotFound)) { try records.job(theirs.id, by: s.operatorA) }
        #expect(try records.job(theirs.id, by: s.admin).id == theirs.id)

        // Staff of another unit, and a person acting for themselves, see nothing.
        _ = try s.f.registerUnitByCertificate(code: "110002000", ubn: "22099131")
        let other = try s.f.service.staff.organisationSession(unit: try UnitCode(parsing: "110002000"), certificate: Fixture.certificate(ubn: "22099131"))
        #expect(throws: ServiceError(.notAuthorised)) { try records.records(unit: Self.unit, by: other) }
        #expect(throws: ServiceError(.batchJobNotFound)) { try records.job(mine.id, by: other) }
        #expect(throws: ServiceError(.notAuthorised)) {
            try records.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: .person(.national(Self.insured[0])))
        }
    }

    @Test("Filters: ROC date range and status; records are kept 3 months")
    func filters() throws {
        let s = try Self.setUp()
        let records = s.f.service.batchRegistrations
        let old = try records.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.admin)
        try records.process(old.id)
        s.f.clock.advance(by: 10 * 86_400)
        let waiting = try records.upload(Self.file(), fileName: "1100010001151203.csv", unit: Self.unit, by: s.admin)
        let today = s.f.clock.today
        #expect(try records.records(unit: Self.unit, status: .waiting, by: s.admin).map(\.id) == [waiting.id])
        #expect(try records.records(unit: Self.unit, status: .processed, by: s.admin).map(\.id) == [old.id])
        let from = try ROCDate(parsing: "1151201").gregorian
        #expect(try records.records(unit: Self.unit, from: from, through: today, by: s.admin).map(\.id) == [waiting.id])
        #expect(try records.records(unit: Self.unit, from: try ROCDate(parsing: "1151123").gregorian,
                                    through: try ROCDate(parsing: "1151123").gregorian, by: s.admin).map(\.id) == [old.id])
        #expect(throws: ServiceError(.batchQueryRange)) {
            try records.records(unit: Self.unit, from: today.adding(months: -3).adding(days: -1), by: s.admin)
        }
        // Three months later the first upload is gone.
        s.f.clock.advance(by: 85 * 86_400)
        _ = try records.upload(Self.file(), fileName: "1100010001160226.csv", unit: Self.unit, by: s.admin)
        #expect(throws: ServiceError(.batchJobNotFound)) { try records.job(old.id, by: s.admin) }
        #expect(!(try records.records(unit: Self.unit, by: s.admin).contains { $0.id == old.id }))
    }

    @Test("A file named for another unit is refused at upload, with the format rule")
    func wrongUnit() throws {
        let s = try Self.setUp()
        #expect(throws: ServiceError(.batchFileRejected)) {
            try s.f.service.batchRegistrations.upload(Self.file(), fileName: "1200000001151123.csv", unit: Self.unit, by: s.admin)
        }
    }

    @Test("Processing: another operator's deferred upload is not found to them; the audit log names the real processor")
    func processVisibility() throws {
        let s = try Self.setUp()
        let job = try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.operatorA)
        #expect(throws: ServiceError(.batchJobNotFound)) { try s.f.service.batchRegistrations.process(job.id, by: s.operatorB) }
        #expect(try s.f.service.batchRegistrations.job(job.id, by: s.admin).status == .waiting, "nothing was processed")
        #expect(try s.f.service.batchRegistrations.process(job.id, by: s.operatorA).status == .processed)
        let entry = try #require(try s.f.service.audit.entries(unit: Self.unit, by: s.admin).first { $0.action == "batchRegistration.process" })
        #expect(entry.actor == s.operatorA.description && entry.role == "承辦人")
        // An administrator processes any upload of the unit.
        let second = try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit, by: s.operatorB)
        #expect(try s.f.service.batchRegistrations.process(second.id, by: s.admin).status == .processed)
    }

    @Test("Stored text of an upload: the contact's name and the file name follow the text rules")
    func uploadText() throws {
        let s = try Self.setUp()
        #expect(throws: ServiceError(.requestInvalidText)) {
            try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit,
                                                      contactName: "=HYPERLINK(\"http://x\")", by: s.operatorA)
        }
        #expect(throws: ServiceError(.requestInvalidText)) {
            try s.f.service.batchRegistrations.upload(Self.file(), fileName: Self.fileName, unit: Self.unit,
                                                      contactName: String(repeating: "王", count: 10_000), by: s.operatorA)
        }
        #expect(throws: ServiceError(.requestInvalidText)) {
            try s.f.service.batchRegistrations.upload(Self.file(), fileName: "1100010001151123\r\n.csv", unit: Self.unit, by: s.operatorA)
        }
    }
}

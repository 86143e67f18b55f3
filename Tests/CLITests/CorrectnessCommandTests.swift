import Foundation
import Testing

/// The correctness issue's scenarios as an employer meets them: `nhi service …` on a fresh
/// database with a fixed clock. Each test is named after its item.
@Suite("nhi service: correctness scenarios")
struct CorrectnessCommandTests {
    let directory: URL
    let db: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-correct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appendingPathComponent("nhi.sqlite").path
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])   // NHI_NOW needs a test database
        for (code, ubn, serial) in [("110001000", "04595257", "0A1B2C3D"), ("120000000", "22099131", "0B2C3D4E")] {
            require(try service(["unit", "register", "--code", code, "--name", "測試股份有限公司", "--ubn", ubn,
                                 "--labour-number", "01234567A", "--owner", "A123456789", "--mobile", "0912345678",
                                 "--email", "hr@example.com.tw", "--method", "certificate", "--serial", serial]))
            require(try service(["staff", "assign", "--id", "B200000004", "--name", "王大明", "--role", "administrator",
                                 "--serial", "TP03000001234567", "--mobile", "0911111111", "--email", "admin@example.com",
                                 "--unit", code, "--certificate-serial", serial]))
        }
    }

    func service(_ args: [String], now: String = "2026-11-23T09:00:00+08:00") throws -> CLI.Result {
        try CLI.run(["service"] + args + ["--db", db], environment: ["NHI_NOW": now])
    }

    func require(_ r: CLI.Result, _ status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.stdout)\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    let admin = ["--unit", "110001000", "--person", "B200000004"]
    let otherAdmin = ["--unit", "120000000", "--person", "B200000004"]

    func convert(_ now: String = "2026-11-23T22:31:00+08:00") throws {
        require(try service(["convert", "--json", "--system"], now: now))
    }

    @Test("1. filing enrol --salary 28000 --effective 2024-03-01: premium-detail and bills issue --month 11602 work for every unit")
    func retroactiveEnrolmentBillsEveryone() throws {
        require(try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--salary", "28000", "--effective", "2024-03-01", "--json"] + admin))
        require(try service(["filing", "enrol", "--id", "E100000014", "--name", "員工乙", "--birth-date", "1990-01-01",
                             "--amount", "36300", "--effective", "2026-01-01", "--json"] + otherAdmin))
        try convert()
        let detail = try service(["premium-detail", "--month", "11511", "--json"] + admin, now: "2026-11-24T09:00:00+08:00")
        require(detail)
        let line = try #require((try detail.json()["lines"] as? [[String: Any]])?.first)
        #expect(line["insuredAmount"] as? Int == 29_500 && line["insured"] as? Int == 458, "28,800 re-graded to 29,500 in 2026")
        let bills = try service(["bills", "issue", "--month", "11602", "--json", "--system"], now: "2026-11-24T09:00:00+08:00")
        require(bills)
        #expect(Set(try bills.jsonLines().compactMap { $0["payer"] as? String }) == ["110001000", "120000000"])
    }

    @Test("2. filing status parentalLeave --date 2027-01-20: the roster on 2026-12-08 and December's premium are unchanged")
    func datedStatusChange() throws {
        require(try service(["filing", "enrol", "--id", "E200000016", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "45800", "--effective", "2026-01-01"] + admin))
        try convert()
        let day = "2026-11-24T09:00:00+08:00"
        let before = try service(["premium-detail", "--month", "11512", "--json"] + admin, now: day).json()["amountDue"] as? Int
        require(try service(["filing", "status", "parentalLeave", "--id", "E200000016", "--date", "2027-01-20"] + admin, now: day))
        try convert("2026-11-24T22:31:00+08:00")
        let later = "2026-11-25T09:00:00+08:00"
        let roster = try service(["roster", "110001000", "--on", "2026-12-08", "--json"] + admin, now: later)
        #expect((try roster.json()["people"] as? [[String: Any]])?.first?["status"] as? String == "active")
        let december = try service(["premium-detail", "--month", "11512", "--json"] + admin, now: later).json()["amountDue"] as? Int
        #expect(december == before && (before ?? 0) > 0)
        let january = try service(["premium-detail", "--month", "11601", "--json"] + admin, now: later).json()["amountDue"] as? Int
        #expect(january == 0)
    }

    @Test("4. insurance proof --unit 120000000 of a dependant insured in 110001000 is refused")
    func dependantOfAnotherUnit() throws {
        require(try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "36300", "--effective", "2026-01-01"] + admin))
        try convert()
        require(try service(["filing", "enrol", "--id", "M223456781", "--name", "眷屬", "--birth-date", "2018-01-01",
                             "--dependant-of", "E100000005", "--relation", "子女", "--effective", "2026-01-01"] + admin,
                            now: "2026-11-24T09:00:00+08:00"))
        try convert("2026-11-24T22:31:00+08:00")
        for command in ["proof", "status"] {
            let r = try service(["insurance", command, "M223456781"] + otherAdmin, now: "2026-11-25T09:00:00+08:00")
            require(r, 1)
            #expect(!r.stdout.contains("M223456781") && r.stderr.contains("auth.notAuthorised"))
        }
        require(try service(["insurance", "proof", "M223456781"] + admin, now: "2026-11-25T09:00:00+08:00"))
    }

    @Test("5. filing adjust --family threeInOne with --labour-salary and --pension-wage; a labour salary that is no grade is refused")
    func threeInOneAdjustment() throws {
        require(try service(["filing", "enrol", "--family", "threeInOne", "--id", "E100000005", "--name", "員工",
                             "--birth-date", "1990-01-01", "--salary", "36000", "--effective", "2026-11-23"] + admin))
        try convert()
        let day = "2026-11-24T09:00:00+08:00"
        let bad = try service(["filing", "adjust", "--family", "threeInOne", "--id", "E100000005", "--amount", "38200",
                               "--salary", "38000", "--labour-salary", "33000", "--pension-wage", "38200"] + admin, now: day)
        require(bad, 1)
        #expect(bad.stderr.contains("filing.labourSalaryNotAGrade"))
        let good = try service(["filing", "adjust", "--family", "threeInOne", "--id", "E100000005", "--amount", "38200",
                                "--salary", "38000", "--labour-salary", "38200", "--pension-wage", "38200", "--json"] + admin, now: day)
        require(good)
        #expect(try good.json()["effectiveDate"] as? String == "2026-12-01")
    }

    @Test("7. The owner (never assigned) cannot file: filing enrol --unit 110001000 --as A123456789 is refused")
    func ownerWithoutAssignment() throws {
        let r = try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "36300", "--unit", "110001000", "--as", "A123456789"])
        require(r, 1)
        #expect(r.stderr.contains("filing.ownerNeedsAssignment"))
    }

    @Test("Partial: an employer enrolled without an amount gets the top grade")
    func employerDefaultsToTopGrade() throws {
        let r = try service(["filing", "enrol", "--id", "E100000005", "--name", "雇主", "--birth-date", "1970-01-01",
                             "--category", "employer", "--json"] + admin)
        require(r)
        #expect(try r.json()["insuredAmount"] as? Int == 313_000)
    }

    @Test("Partial: convert --billing-period changes the staging days")
    func billingPeriodOption() throws {
        require(try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "36300", "--effective", "2026-12-12"] + admin, now: "2026-12-12T09:00:00+08:00"))
        let staged = try service(["convert", "--json", "--system", "--billing-period", "11-14"], now: "2026-12-12T22:31:00+08:00")
        #expect(try staged.json()["staged"] as? Int == 1)
        let moved = try service(["convert", "--json", "--system", "--billing-period", "13-16"], now: "2026-12-12T22:40:00+08:00")
        #expect(try moved.json()["accepted"] as? Int == 1)
        require(try service(["convert", "--system", "--billing-period", "14-11"]), 2)
    }

    @Test("8. statements: request → 尚未產生 → convert → 可下載; CSV and JSON; 8 and 9 refused with the reason")
    func statements() throws {
        require(try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "29500", "--effective", "2026-01-01"] + admin))
        try convert()
        let day = "2026-11-24T09:00:00+08:00"
        let catalogue = try service(["statements", "catalogue", "--json"], now: day)
        let kinds = try catalogue.jsonLines()
        #expect(kinds.count == 14 && kinds.filter { $0["available"] as? Bool == false }.map { $0["kind"] as? String } == ["8", "9"])
        let refused = try service(["statements", "request", "--kind", "8", "--month", "11510"] + admin, now: day)
        require(refused, 1)
        #expect(refused.stderr.contains("statement.unavailable"))
        let request = try service(["statements", "request", "--kind", "3", "--month", "11510", "--json"] + admin, now: day)
        require(request)
        let id = try #require(try request.json()["id"] as? Int)
        #expect(try request.json()["statusLabel"] as? String == "尚未產生")
        require(try service(["statements", "download", String(id)] + admin, now: day), 1)
        try convert("2026-11-24T22:31:00+08:00")
        let list = try service(["statements", "list", "--json"] + admin, now: "2026-11-25T09:00:00+08:00")
        #expect(try list.jsonLines().first?["statusLabel"] as? String == "可下載")
        let csv = try service(["statements", "download", String(id)] + admin, now: "2026-11-25T09:00:00+08:00")
        require(csv)
        #expect(csv.stdout.hasPrefix("\u{FEFF}身分證號,姓名") && csv.stdout.contains("E100000005,員工,employee,29500,0,458"))
        let json = try service(["statements", "download", String(id), "--json"] + admin, now: "2026-11-25T09:00:00+08:00")
        #expect((try json.json()["rows"] as? [[String]])?.first?[5] == "458")
    }

    @Test("Partial: a foreigner who is not automatically eligible needs the two documents; the first card goes to the address given")
    func foreignerDocuments() throws {
        let refused = try service(["filing", "enrol", "--foreign", "--needs-permit", "--id", "A900207177", "--name", "外籍員工",
                                   "--birth-date", "1995-01-01", "--amount", "36300", "--json"] + admin)
        require(refused, 1)
        #expect(refused.stderr.contains("filing.foreignerDocuments"))
        let accepted = try service(["filing", "enrol", "--foreign", "--id", "A900207177", "--name", "外籍員工", "--birth-date", "1995-01-01",
                                    "--amount", "36300", "--first-card-county", "臺北市", "--first-card-district", "大安區",
                                    "--first-card-street", "信義路三段140號", "--json"] + admin)
        require(accepted)
    }

    @Test("Partial: text output for people prints ROC dates and Taiwan time; JSON keeps ISO")
    func rocDatesInText() throws {
        require(try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "36300", "--effective", "2026-01-01"] + admin))
        try convert()
        let day = "2026-11-24T09:00:00+08:00"
        let roster = try service(["roster", "110001000"] + admin, now: day)
        #expect(roster.stdout.contains("115/01/01") && !roster.stdout.contains("2026-01-01"), "\(roster.stdout)")
        require(try service(["bills", "issue", "--month", "11510", "--system"], now: day))
        let unpaid = try service(["unpaid", "--expected", "2026-12-20"] + admin, now: day)
        #expect(unpaid.stdout.contains("115/11/30") && unpaid.stdout.contains("115/12/17") && !unpaid.stdout.contains("2026-"), "\(unpaid.stdout)")
        let json = try service(["unpaid", "--expected", "2026-12-20", "--json"] + admin, now: day)
        #expect((try json.json()["items"] as? [[String: Any]])?.first?["dueDate"] as? String == "2026-11-30")
        let audit = try service(["audit", "--unit", "110001000", "--person", "B200000004"], now: day)
        #expect(audit.stdout.contains("115/11/2") && !audit.stdout.contains("Z "), "\(audit.stdout)")
    }
}

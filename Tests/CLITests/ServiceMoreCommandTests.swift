import Foundation
import Testing

/// Library features with a CLI command of their own: card applications, e-payment slips,
/// slip downloads, payment certificates, basic-data change, forgotten password.
@Suite("nhi service: cards, e-payment slips, slips, payment certificates, basic data, password reset")
struct ServiceMoreCommandTests {
    let directory: URL
    let db: String
    let admin = ["--unit", "110001000", "--person", "B200000004"]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-more-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appendingPathComponent("nhi.sqlite").path
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])   // NHI_NOW needs a test database
        require(try service(["unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--ubn", "04595257",
                             "--labour-number", "01234567A", "--owner", "A123456789", "--mobile", "0912345678",
                             "--email", "hr@example.com.tw", "--method", "certificate", "--serial", "0A1B2C3D"]))
        require(try service(["staff", "assign", "--id", "B200000004", "--name", "王大明", "--role", "administrator",
                             "--serial", "TP03000001234567", "--mobile", "0911111111", "--email", "admin@example.com",
                             "--unit", "110001000", "--certificate-serial", "0A1B2C3D"]))
        require(try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01",
                             "--amount", "36300", "--effective", "2026-10-01"] + admin))
        require(try service(["convert", "--system"], now: "2026-11-23T22:31:00+08:00"))
    }

    func service(_ args: [String], now: String = "2026-11-23T09:00:00+08:00", env: [String: String] = [:], stdin: String? = nil) throws -> CLI.Result {
        var environment = env
        environment["NHI_NOW"] = now
        return try CLI.run(["service"] + args + ["--db", db], stdin: stdin.map { Data($0.utf8) }, environment: environment)
    }

    func require(_ r: CLI.Result, _ status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.stdout)\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test("epayment subscribe/show/cancel; slip downloads 3 a day; payment-certificate lists the payment")
    func payments() throws {
        let day = "2026-11-24T09:00:00+08:00"
        let subscribed = try service(["epayment", "subscribe", "--email", "pay@example.com", "--json"] + admin, now: day)
        require(subscribed)
        #expect(try subscribed.json()["active"] as? Bool == true && subscribed.stdout.contains("11512"), "after the 5th: next month")
        #expect(try service(["epayment", "show", "--json"] + admin, now: day).json()["email"] as? String == "pay@example.com")
        require(try service(["epayment", "cancel"] + admin, now: day))

        let bill = try #require(try service(["bills", "issue", "--month", "11510", "--json", "--system"], now: day).jsonLines().first)
        let id = String(try #require(bill["id"] as? Int))
        for _ in 0..<3 { require(try service(["slip", "--bill", id] + admin, now: day)) }
        let fourth = try service(["slip", "--bill", id] + admin, now: day)
        require(fourth, 1)
        #expect(fourth.stderr.contains("slip"))
        require(try service(["slip", "--bill", id] + admin, now: "2026-11-25T09:00:00+08:00"), 0)

        require(try service(["pay", "--bill", id, "--amount", String(try #require(bill["amount"] as? Int)), "--date", "2026-11-30", "--system"]))
        let certificate = try service(["payment-certificate", "--from", "11501", "--to", "11512", "--paid-from", "2026-11-01",
                                       "--paid-to", "2026-12-31", "--json"] + admin, now: "2026-12-01T09:00:00+08:00")
        require(certificate)
        #expect(try certificate.json()["total"] as? Int == bill["amount"] as? Int)
        #expect(try certificate.json()["payerName"] as? String == "數美科技股份有限公司")
    }

    @Test("cards apply needs a photo for a new photo; posted to the address; listed; another person's card is not the unit's")
    func cards() throws {
        let photo = directory.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 100) + [0xFF, 0xD9]).write(to: photo)
        let address = ["--county", "臺北市", "--district", "大安區", "--street", "信義路三段140號"]
        let noPhoto = try service(["cards", "apply", "--id", "E100000005", "--reason", "newPhoto", "--email", "e@example.com",
                                   "--mobile", "0912345678"] + address + admin)
        require(noPhoto, 1)
        require(try service(["cards", "apply", "--id", "E100000005", "--reason", "newPhoto", "--email", "e@example.com",
                             "--mobile", "0912345678", "--photo", photo.path, "--json"] + address + admin))
        let list = try service(["cards", "list", "--id", "E100000005", "--json"] + admin)
        #expect(try list.jsonLines().first?["reason"] as? String == "newPhoto")
        let stranger = try service(["cards", "apply", "--id", "F131104093", "--reason", "lost", "--email", "e@example.com",
                                    "--mobile", "0912345678", "--counter", "臺北業務組"] + admin)
        require(stranger, 1)
    }

    @Test("filing basic-data: a new name is filed; a new birth date needs proof")
    func basicData() throws {
        let renamed = try service(["filing", "basic-data", "--id", "E100000005", "--name", "員工新", "--json"] + admin, now: "2026-11-24T09:00:00+08:00")
        require(renamed)
        #expect(try renamed.json()["kind"] as? String == "basicDataChange")
        let birth = try service(["filing", "basic-data", "--id", "E100000005", "--birth-date", "1990-02-01"] + admin, now: "2026-11-24T09:00:00+08:00")
        require(birth, 1)
        #expect(birth.stderr.contains("filing.proofRequired"))
    }

    @Test("account reset-request mails a code; account reset takes it from $NHI_TOKEN (never argv) and sets the new password")
    func passwordReset() throws {
        let register = try service(["account", "register", "--id", "A123456789", "--card-number", "000011112222", "--household", "A1234567",
                                    "--village", "臺北市大安區龍安里", "--email", "me@example.com", "--mobile", "0912345678", "--json"],
                                   env: ["NHI_PASSWORD": "Abc123-!"])
        let token = try #require(try register.json()["token"] as? String)
        require(try service(["account", "verify", "--id", "A123456789", "--card-number", "000011112222"], env: ["NHI_TOKEN": token]))
        require(try service(["account", "reset-request", "--id", "A123456789", "--card-number", "000011112222"]))
        let spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        require(try service(["mail", "deliver", "--spool", spool.path, "--system"]))
        var code: String?
        for file in try FileManager.default.contentsOfDirectory(atPath: spool.path) {
            let text = try String(contentsOf: spool.appendingPathComponent(file), encoding: .utf8)
            if let range = text.range(of: "Reset code: ") {
                code = String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            }
        }
        let resetCode = try #require(code)
        let wrong = try service(["account", "reset", "--id", "A123456789", "--card-number", "000011112222"],
                                env: ["NHI_TOKEN": "wrong-code", "NHI_PASSWORD": "Xyz789-!"])
        require(wrong, 1)
        let reset = try service(["account", "reset", "--id", "A123456789", "--card-number", "000011112222"],
                                env: ["NHI_TOKEN": resetCode, "NHI_PASSWORD": "Xyz789-!"])
        require(reset)
        require(try service(["account", "check-password", "--id", "A123456789"], stdin: "Xyz789-!\n"))
        #expect(!(reset.stdout + reset.stderr).contains(resetCode))
    }
}

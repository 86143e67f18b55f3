import Foundation
import Testing

/// `nhi service dpr import`: the JSON keys {"file","imported","duplicates","rejected"} are a
/// public contract; the import is all or nothing and idempotent.
@Suite("nhi service dpr import")
struct ServiceDPRCommandTests {
    let directory: URL
    let db: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-dpr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appendingPathComponent("nhi.sqlite").path
        // The payer of the vectors (UBN 04595257) is a registered insured unit; its
        // organisation certificate imports.
        try Self.register(db: db, code: "110001000", ubn: "04595257", serial: "0A1B2C3D")
    }

    static func register(db: String, code: String, ubn: String, serial: String) throws {
        let r = try CLI.run(["service", "unit", "register", "--code", code, "--name", "臺灣測試股份有限公司", "--ubn", ubn,
                             "--labour-number", "01234567A", "--owner", "A123456789", "--mobile", "0912345678",
                             "--email", "hr@example.com.tw", "--method", "certificate", "--serial", serial, "--db", db])
        precondition(r.status == 0, r.stderr)
    }

    static func vector(_ name: String) -> String { CLI.root.appendingPathComponent("Tests/NHIFormatsTests/Vectors/dpr/" + name).path }

    func importFile(_ name: String, json: Bool = true) throws -> CLI.Result {
        try CLI.run(["service", "dpr", "import", Self.vector(name), "--db", db, "--unit", "110001000", "--certificate-serial", "0A1B2C3D"]
                    + (json ? ["--json"] : []))
    }

    @Test("A valid file imports; the same file again imports nothing and says so; the same details in the fixed-width form are duplicates")
    func idempotent() throws {
        let first = try importFile("DPR045952571150301001.csv")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let object = try first.json()
        for key in ["file", "imported", "duplicates", "rejected"] { #expect(object[key] != nil, "missing key \(key)") }
        #expect(object["file"] as? String == "DPR045952571150301001.csv")
        #expect(object["imported"] as? Int == 2 && object["duplicates"] as? Int == 0 && object["rejected"] as? Int == 0)
        #expect(object["alreadyImported"] as? Bool == false)

        let second = try importFile("DPR045952571150301001.csv")
        #expect(second.status == 0)
        let again = try second.json()
        #expect(again["imported"] as? Int == 0 && again["duplicates"] as? Int == 2 && again["rejected"] as? Int == 0)
        #expect(again["alreadyImported"] as? Bool == true)
        #expect((again["previousImport"] as? [String: Any])?["id"] as? Int == object["importID"] as? Int)

        let text = try importFile("DPR045952571150301001.csv", json: false)
        #expect(text.status == 0)
        #expect(text.stdout.contains("已於") && text.stdout.contains("already imported"), "\(text.stdout)")

        // The same two payments in the fixed-width form: different bytes, same details.
        let fixedText = try importFile("DPR045952571150301001.txt", json: false)
        #expect(fixedText.status == 0, "\(fixedText.stdout)\(fixedText.stderr)")
        #expect(fixedText.stdout.contains("先前已匯入") && fixedText.stdout.contains("were already imported"), "\(fixedText.stdout)")
        let fixed = try importFile("DPR045952571150301001.txt")
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        let fixedObject = try fixed.json()
        #expect(fixedObject["imported"] as? Int == 0 && fixedObject["duplicates"] as? Int == 2)
    }

    @Test("The import is the payer's: another unit's staff are refused, and a UBN nobody registered is refused")
    func onlyThePayer() throws {
        try Self.register(db: db, code: "120000000", ubn: "22099131", serial: "0B2C3D4E")
        let other = try CLI.run(["service", "dpr", "import", Self.vector("DPR045952571150301001.csv"), "--db", db,
                                 "--unit", "120000000", "--certificate-serial", "0B2C3D4E"])
        #expect(other.status == 1 && other.stderr.contains("dpr.notPayer"), "\(other.stdout)\(other.stderr)")
        let freshDB = directory.appendingPathComponent("other.sqlite").path
        try Self.register(db: freshDB, code: "120000000", ubn: "22099131", serial: "0B2C3D4E")
        let nobody = try CLI.run(["service", "dpr", "import", Self.vector("DPR045952571150301001.csv"), "--db", freshDB,
                                  "--unit", "120000000", "--certificate-serial", "0B2C3D4E"])
        #expect(nobody.status == 1 && nobody.stderr.contains("dpr.payerNotRegistered"), "\(nobody.stdout)\(nobody.stderr)")
        // The payer's import is its supplementary-premium slip: unpaid shows it.
        #expect(try importFile("DPR045952571150301001.csv").status == 0)
        let unpaid = try CLI.run(["service", "unpaid", "--expected", "2025-02-10", "--json", "--db", db,
                                  "--unit", "110001000", "--certificate-serial", "0A1B2C3D"])
        let items = try #require(try unpaid.json()["items"] as? [[String: Any]])
        #expect(items.contains { $0["category"] as? String == "supplementary" && $0["amount"] as? Int == 481 && $0["premiumMonth"] as? String == "11401" })
        #expect(items.contains { $0["category"] as? String == "supplementary" && $0["amount"] as? Int == 354 && $0["premiumMonth"] as? String == "11402" })
    }

    @Test("A file with bad rows is rejected whole: every error with row, field and rule in both languages; nothing stored")
    func rejected() throws {
        let result = try importFile("DPR045952571150301002.csv")
        #expect(result.status == 1)
        let object = try result.json()
        #expect(object["imported"] as? Int == 0 && object["duplicates"] as? Int == 0)
        #expect(object["rejected"] as? Int == 4)
        #expect(object["valid"] as? Bool == false && object["importID"] is NSNull)
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count >= 3)
        for error in errors {
            for key in ["row", "column", "code", "field", "message", "messageEn"] { #expect(error[key] != nil, "error key \(key)") }
        }
        #expect(errors.contains { $0["code"] as? String == "dpr.duplicateDetail" && $0["row"] as? Int == 4 })
        #expect(errors.contains { $0["code"] as? String == "dpr.field" && $0["row"] as? Int == 5 && $0["field"] as? String != nil })
        let text = try importFile("DPR045952571150301002.csv", json: false)
        #expect(text.status == 1 && text.stdout.contains("整批未匯入") && text.stdout.contains("nothing was imported"))

        // Nothing of the rejected file was stored: the valid file's details are all new.
        let valid = try importFile("DPR045952571150301001.csv").json()
        #expect(valid["imported"] as? Int == 2 && valid["duplicates"] as? Int == 0)
    }

    @Test("An unreadable file is a coded, bilingual error (exit 1)")
    func missingFile() throws {
        let result = try CLI.run(["service", "dpr", "import", directory.appendingPathComponent("DPR045952571150301009.csv").path, "--db", db, "--system"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dpr.fileUnreadable") && result.stderr.contains("cannot be read"))
    }
}

import Foundation
import Testing

/// `nhi service staff permissions`: the service's own answer to "what may this session do?",
/// and the same answer when the session tries anyway.
@Suite("nhi service staff permissions")
struct PermissionsCommandTests {
    let directory: URL
    let db: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appendingPathComponent("nhi.sqlite").path
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])
    }

    func service(_ args: [String]) throws -> CLI.Result {
        try CLI.run(["service"] + args + ["--db", db], environment: ["NHI_NOW": "2026-11-23T09:00:00+08:00"])
    }

    @Test("an administrator without 允許使用所有加退保業務功能 may administer but not file; an operator with it files")
    func permissions() throws {
        let certificate = ["--unit", "110001000", "--certificate-serial", "0A1B2C3D"]
        #expect(try service(["unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--ubn", "04595257",
                             "--owner", "A123456789", "--mobile", "0912345678", "--nhi-only",
                             "--email", "hr@example.com.tw", "--method", "certificate", "--serial", "0A1B2C3D"]).status == 0)
        #expect(try service(["staff", "assign", "--id", "B200000004", "--name", "王大明", "--role", "administrator", "--no-enrolment-functions",
                             "--serial", "TP03000001234567", "--mobile", "0911111111", "--email", "admin@example.com"] + certificate).status == 0)
        #expect(try service(["staff", "assign", "--id", "C100000003", "--name", "陳小華", "--role", "operator",
                             "--serial", "TP03000009999999", "--mobile", "0922222222", "--email", "op@example.com"] + certificate).status == 0)

        let admin = try service(["staff", "permissions", "--json", "--unit", "110001000", "--person", "B200000004"])
        #expect(admin.status == 0, "\(admin.stderr)")
        let adminJSON = try admin.json()
        let allowed = adminJSON["allowed"] as? [String] ?? []
        #expect(allowed.contains("administer") && allowed.contains("viewRoster") && !allowed.contains("file"))
        let refused = adminJSON["refused"] as? [[String: Any]] ?? []
        let file = refused.first { $0["action"] as? String == "file" }
        #expect(file?["code"] as? String == "filing.notPermitted")
        #expect((file?["message"] as? String)?.contains("加退保") == true && file?["messageEn"] != nil)
        #expect(!admin.stdout.contains("B200000004"), "IDs are masked")

        // The same answer when the administrator files anyway.
        let enrol = try service(["filing", "enrol", "--id", "E100000005", "--name", "員工", "--birth-date", "1990-01-01", "--amount", "29500",
                                 "--effective", "2026-11-01", "--unit", "110001000", "--person", "B200000004"])
        #expect(enrol.status == 1 && enrol.stderr.contains("filing.notPermitted"), "\(enrol.stderr)")

        let op = try service(["staff", "permissions", "--json", "--unit", "110001000", "--person", "C100000003"])
        let opJSON = try op.json()
        #expect((opJSON["allowed"] as? [String] ?? []).contains("file"))
        #expect(!((opJSON["allowed"] as? [String] ?? []).contains("fileThreeInOne")), "an NHI-only unit files no three-in-one")
        let opRefused = opJSON["refused"] as? [[String: Any]] ?? []
        #expect(opRefused.first { $0["action"] as? String == "administer" }?["code"] as? String == "auth.notAuthorised")
        #expect(opRefused.first { $0["action"] as? String == "fileThreeInOne" }?["code"] as? String == "filing.threeInOneNeedsLabourNumber")

        let text = try service(["staff", "permissions", "--unit", "110001000", "--person", "C100000003"])
        #expect(text.status == 0 && text.stdout.contains("加退保等異動作業") && text.stdout.contains("可 yes"))
    }
}

import Foundation
import Testing

/// `nhi service filing import`: our CSV, all or nothing, idempotent by file hash.
@Suite("nhi service filing import")
struct FilingImportCommandTests {
    @Test("Malformed lines and rule-breaking rows refuse the whole file with line, field and rule; a good file imports once")
    func importFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-filing-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("nhi.sqlite").path
        let env = ["NHI_NOW": "2026-11-23T09:00:00+08:00"]
        _ = try CLI.run(["service", "init", "--test-clock", "--db", db])   // NHI_NOW needs a test database
        func run(_ args: [String]) throws -> CLI.Result { try CLI.run(["service"] + args + ["--db", db], environment: env) }
        let actor = ["--unit", "110001000", "--certificate-serial", "0A1B2C3D"]
        #expect(try run(["unit", "register", "--code", "110001000", "--name", "數美科技股份有限公司", "--nhi-only", "--owner", "A123456789",
                         "--mobile", "0912345678", "--email", "hr@example.com.tw", "--serial", "0A1B2C3D"]).status == 0)
        func write(_ name: String, _ text: String) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        let malformed = try write("bad.csv", "kind,id,name,birthDate,amount,date\nenrol,E100000005,員工,1990-01-01,36300,2026-11-01\nenrol,E100000014,員工,1990-13-01,36300,2026-11-01\n")
        let bad = try run(["filing", "import", malformed] + actor)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("filing.importFormat") && bad.stderr.contains("line 3 birthDate"), "\(bad.stderr)")

        let wrongGrade = try write("grade.csv", "enrol,E100000005,員工,1990-01-01,36301,2026-11-01\nenrol,E100000014,員工,1990-01-01,36300,2026-11-01\n")
        let refused = try run(["filing", "import", wrongGrade, "--json"] + actor)
        #expect(refused.status == 1 && refused.stderr.contains("filing.importRejected") && refused.stderr.contains("row 1 [filing.insuredAmount]"), "\(refused.stderr)")
        let none = try run(["filing", "today", "--json"] + actor)
        #expect(none.stdout.isEmpty, "nothing of a refused file is stored")

        let good = try write("good.csv", "enrol,E100000005,員工,1990-01-01,36300,1151101\nenrol,E100000014,員工,1990-01-01,36300,2026-11-01\n")
        let first = try run(["filing", "import", good, "--json"] + actor)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try first.json()["imported"] as? Int == 2 && first.json()["alreadyImported"] as? Bool == false)
        let second = try run(["filing", "import", good, "--json"] + actor)
        #expect(try second.json()["imported"] as? Int == 0 && second.json()["alreadyImported"] as? Bool == true)
        #expect(try run(["filing", "today", "--json"] + actor).lines.count == 2)
    }
}

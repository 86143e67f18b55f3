import Foundation
import NHICore
import NHIFormats
import NHIGrades
import Testing

/// Issue 16: the SDK's `Codable` results encode, with Foundation's `JSONEncoder`, to the
/// same JSON the `nhi` CLI prints — so a backend can return them as they are.
@Suite("SDK JSON equals the CLI's JSON")
struct CodableOutputTests {
    static func sdk(_ value: some Encodable) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! [String: Any]
    }

    static func same(_ cli: [String: Any], _ sdk: [String: Any], keys: [String]? = nil) -> Bool {
        let keys = keys ?? Array(cli.keys)
        let left = NSDictionary(dictionary: cli.filter { keys.contains($0.key) })
        let right = NSDictionary(dictionary: sdk.filter { keys.contains($0.key) })
        return left.isEqual(to: right as! [AnyHashable: Any])
    }

    let calculator = PremiumCalculator(tables: .bundled)
    let date = try! CalendarDate(iso: "2026-01-01")

    @Test("nhi premium --json == JSONEncoder(NHIPremium), key order included")
    func premium() throws {
        let result = try CLI.run(["premium", "--salary", "29500", "--dependants", "2", "--on", "2026-01-01", "--json"])
        let premium = try calculator.nhi(salary: 29_500, on: date, dependants: 2)
        let sdk = try Self.sdk(premium)
        let cli = try result.json()
        #expect(Self.same(cli, sdk) && sdk.count == cli.count)
        let keys = result.stdout.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        #expect(keys.prefix(3) == ["insuredAmount", "grade", "perHead"])
    }

    @Test("nhi grade --json and nhi labour-premium --json == JSONEncoder of GradeLookup, LabourPremium")
    func gradeAndLabour() throws {
        let grade = try CLI.run(["grade", "30000", "--on", "2026-01-01", "--json"]).json()
        let found = try GradeTables.bundled.lookup(salary: 30_000, on: date)
        let encoded = try Self.sdk(found)
        #expect(Self.same(grade, encoded) && grade.count == encoded.count)
        let labour = try CLI.run(["labour-premium", "--insured-salary", "11100", "--on", "2026-01-01", "--json"]).json()
        let premium = try calculator.labour(insuredSalary: 11_100, on: date)
        let sdk = try Self.sdk(premium)
        #expect(Self.same(labour, sdk, keys: Array(sdk.keys)))
    }

    @Test("nhi validate --json == JSONEncoder(ValueCheck)")
    func validate() throws {
        for input in ["Ａ１２３４５６７８９", "A123456788", "03-1234567#123"] {
            let cli = try CLI.run(["validate", "--json", input]).json()
            let check = ValueCheck.check(input)
            #expect(Self.same(cli, try Self.sdk(check)), "\(input)")
        }
    }

    @Test("nhi batch-register check --json == JSONEncoder(BatchRegistrationReport) on the CLI's keys")
    func batch() throws {
        let text = "A123456789,a@example.com,0912345678,\nZ987654321,b@example.com,0912345678,\n"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("codable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t.csv")
        try Data(text.utf8).write(to: url)
        let cli = try CLI.run(["batch-register", "check", url.path, "--json"]).json()
        let report = try BatchRegistrationChecker().check(.bytes(Array(text.utf8), name: url.path))
        let sdk = try Self.sdk(report)
        let keys = ["file", "encoding", "bom", "variant", "header", "rows", "valid", "invalid", "blankRows", "fileName", "changes"]
        #expect(Self.same(cli, sdk, keys: keys))
        let cliError = try #require((cli["errors"] as? [[String: Any]])?.first)
        let sdkError = try #require((sdk["errors"] as? [[String: Any]])?.first)
        #expect(Self.same(cliError, sdkError))
    }
}

/// Issue 16: the service's logger is not pinned at a level, so `NHI_LOG_LEVEL` shows its
/// info lines (and the default, warning, hides them).
@Suite("NHI_LOG_LEVEL reaches the service")
struct LogLevelTests {
    @Test("NHI_LOG_LEVEL=info shows nhi.service's info lines; the default does not")
    func infoLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loglevel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = ["NHI_DB": directory.appendingPathComponent("n.sqlite").path]
        #expect(try CLI.run(["service", "init"], environment: db).status == 0)
        let loud = try CLI.run(["service", "convert", "--system"], environment: db.merging(["NHI_LOG_LEVEL": "info"]) { $1 })
        #expect(loud.status == 0 && loud.stderr.contains("info nhi.service"))
        let quiet = try CLI.run(["service", "convert", "--system"], environment: db)
        #expect(quiet.status == 0 && !quiet.stderr.contains("nhi.service"))
    }
}

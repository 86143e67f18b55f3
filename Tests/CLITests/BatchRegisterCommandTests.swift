import CoreFoundation
import Foundation
import Testing

/// `nhi batch-register`, `nhi dpr`, `nhi roster`: the JSON keys named in issue 4 are a
/// contract; these tests pin them.
@Suite("nhi batch-register, dpr, roster")
struct BatchRegisterCommandTests {
    static func vector(_ path: String) -> String { CLI.root.appendingPathComponent("Tests/NHIFormatsTests/Vectors/" + path).path }

    static func scratch() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nhi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("check --json: the contract keys; rows without the header; IDs masked; exit 1 when a row is invalid")
    func checkJSON() throws {
        let result = try CLI.run(["batch-register", "check", Self.vector("batch/1100010001050801.csv"), "--json"])
        #expect(result.status == 1)
        let object = try result.json()
        for key in ["file", "encoding", "variant", "rows", "valid", "invalid", "errors", "warnings"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["encoding"] as? String == "cp950")
        #expect(object["variant"] as? String == "current")
        #expect(object["rows"] as? Int == 1)
        #expect(object["valid"] as? Int == 0 && object["invalid"] as? Int == 1)
        let error = try #require((object["errors"] as? [[String: Any]])?.first)
        for key in ["row", "column", "code", "message", "messageEn", "value"] { #expect(error[key] != nil, "error key \(key)") }
        // 第1筆: the NHI's log numbers the first data row 1 (the header is line 1).
        #expect(error["row"] as? Int == 1 && error["line"] as? Int == 2 && error["column"] as? Int == 1)
        #expect(error["code"] as? String == "batch.invalidID")
        #expect(error["value"] as? String == "Z98765****")
        #expect((error["message"] as? String)?.contains("檢查碼不符") == true)
        #expect((error["messageEn"] as? String)?.contains("check digit") == true)
        #expect(!result.stdout.contains("Z987654321,"), "the full ID never appears")
    }

    @Test("Warnings carry a suggestion; the seed 002 file is the 2016 layout with a Gregorian name")
    func warnings() throws {
        let object = try CLI.run(["batch-register", "check", Self.vector("batch/11000000120150807.CSV"), "--json"]).json()
        #expect(object["variant"] as? String == "2016")
        let warning = try #require((object["warnings"] as? [[String: Any]])?.first)
        for key in ["row", "column", "code", "message", "messageEn", "value", "suggestion"] { #expect(warning[key] != nil, "warning key \(key)") }
        #expect(warning["code"] as? String == "batch.fileNameGregorian")
        #expect(warning["suggestion"] as? String == "1100000011040807.csv")
    }

    @Test("Exit 0 when every row is valid")
    func valid() throws {
        let dir = try Self.scratch()
        let file = dir.appendingPathComponent("1100010001150301.csv")
        try Data("A123456789,a@example.com.tw,0912345678,03-1234567#123\r\n".utf8).write(to: file)
        let result = try CLI.run(["batch-register", "check", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("資料 rows: 1  有效 valid: 1  無效 invalid: 0"))
        #expect(result.stdout.contains("✓ 全部有效 every row is valid"))
    }

    @Test("--roster: people who are not in force are rejected with the NHI's reason")
    func roster() throws {
        let object = try CLI.run(["batch-register", "check", Self.vector("batch/1100010001150103.csv"), "--roster",
                                  Self.vector("roster/roster-110001000.csv"), "--json"]).json()
        #expect(object["encoding"] as? String == "utf-16le")
        let errors = try #require(object["errors"] as? [[String: Any]])
        let notInForce = try #require(errors.first { $0["code"] as? String == "batch.notInForce" })
        #expect(notInForce["row"] as? Int == 25 && notInForce["line"] as? Int == 27)
        #expect((notInForce["message"] as? String)?.hasSuffix("非該單位在保險對象") == true)
        #expect((object["roster"] as? [String: Any])?["people"] as? Int == 23)
        #expect(object["valid"] as? Int == 16)
    }

    @Test("--fix writes the repaired upload file (CP950, CRLF, no header) and the list of changes")
    func fix() throws {
        let dir = try Self.scratch()
        let out = dir.appendingPathComponent("1100010001150101.csv")
        let result = try CLI.run(["batch-register", "check", Self.vector("batch/1100010001150102.csv"), "--fix", out.path, "--json"])
        #expect(result.status == 1, "rows with errors remain")
        let object = try result.json()
        let fixed = try #require(object["fixed"] as? [String: Any])
        #expect(fixed["rows"] as? Int == 26 && fixed["invalidRows"] as? Int == 9)
        #expect(((object["changes"] as? [Any])?.count ?? 0) > 10)
        let bytes = try Data(contentsOf: out)
        #expect(bytes.starts(with: Data("A123456789,a@example.com.tw,0912345678,02-27065866\r\n".utf8)))
        let changes = try Data(contentsOf: URL(fileURLWithPath: out.path + ".changes.csv"))
        let text = String(data: changes, encoding: String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.dosChineseTrad.rawValue))))
        #expect(text?.contains("excel.leadingZeroDropped") == true)
        #expect(text?.contains("0912345678") == true)
        let again = try CLI.run(["batch-register", "check", out.path, "--json"]).json()
        #expect(again["invalid"] as? Int == 9 && again["encoding"] as? String == "cp950")
    }

    @Test("Encoding override, bad usage and unreadable files")
    func errors() throws {
        let mismatch = try CLI.run(["batch-register", "check", Self.vector("batch/1100010001150103.csv"), "--encoding", "cp950"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("[encoding.bomMismatch]"))
        #expect(try CLI.run(["batch-register", "check", "x.csv", "--variant", "1999"]).status == 2)
        #expect(try CLI.run(["batch-register", "check", "x.csv", "--encoding", "latin1"]).status == 2)
        let missing = try CLI.run(["batch-register", "check", "/nonexistent/1100010001150101.csv"])
        #expect(missing.status == 1 && missing.stderr.contains("[file.open]"))
    }

    @Test("name parse / build: both conventions, ROC form produced")
    func names() throws {
        let result = try CLI.run(["batch-register", "name", "parse", "--json", "1100010001050801.csv", "11000000120160207", "bad.csv"])
        #expect(result.status == 1)
        let lines = try result.jsonLines()
        #expect(lines[0]["unitCode"] as? String == "110001000" && lines[0]["date"] as? String == "2016-08-01" && lines[0]["convention"] as? String == "roc")
        #expect(lines[1]["convention"] as? String == "gregorian" && lines[1]["rocName"] as? String == "1100000011050207.csv")
        #expect(lines[2]["valid"] as? Bool == false && lines[2]["code"] as? String == "batch.fileName")
        let built = try CLI.run(["batch-register", "name", "build", "--unit-code", "120000000", "--date", "1050530"])
        #expect(built.stdout == "1200000001050530.csv\n")
        #expect(try CLI.run(["batch-register", "name", "build", "--unit-code", "133397421", "--date", "2016-07-13"]).stdout == "1333974211050713.csv\n")
    }

    @Test("log write / parse: the seed's format, file name and totals")
    func log() throws {
        let dir = try Self.scratch()
        let upload = dir.appendingPathComponent("1333974211050713.csv")
        try Data("A123456789,a@b.tw,,\r\nF131104093,f@b.tw,,\r\n".utf8).write(to: upload)
        let roster = dir.appendingPathComponent("roster.csv")
        try Data("身分證號\r\nA123456789\r\n".utf8).write(to: roster)
        let written = try CLI.run(["batch-register", "log", "write", upload.path, "--roster", roster.path, "--stamped-at", "1050713104533",
                                   "--started-at", "2016-07-13T11:56:45", "--out", dir.path])
        #expect(written.status == 0)
        let path = dir.appendingPathComponent("1333974211050713.1050713104533.log").path
        #expect(written.lines.first == path)
        #expect(written.lines.dropFirst().elementsEqual([
            "2016/7/13 上午 11:56:45 開始執行...",
            "2016/7/13 上午 11:56:45 第2筆資料:F13110****(非該單位在保險對象)不入檔!",
            "2016/7/13 上午 11:56:45 結束執行...",
            "2016/7/13 上午 11:56:45 ----總共上傳2筆,成功註冊1筆,失敗1筆----",
        ]))
        let parsed = try CLI.run(["batch-register", "log", "parse", Self.vector("log/1333974211050713.1050713104533.log"), "--json"]).json()
        #expect(parsed["uploadFile"] as? String == "1333974211050713.csv")
        #expect(parsed["stampedAt"] as? String == "2016-07-13T10:45:33")
        #expect(parsed["total"] as? Int == 4 && parsed["succeeded"] as? Int == 0 && parsed["failed"] as? Int == 4)
        let entries = try #require(parsed["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["A23084****", "A23057****", "C22028****", "P12123****"])
        #expect(entries.allSatisfy { $0["reason"] as? String == "非該單位在保險對象" })
        let bad = try CLI.run(["batch-register", "log", "parse", Self.vector("log/1333974211050713.1050713104534.log")])
        #expect(bad.status == 1 && bad.stderr.contains("[log.totals]"))
    }

    @Test("dpr check / convert: both forms, the same records and content hashes")
    func dpr() throws {
        let check = try CLI.run(["dpr", "check", Self.vector("dpr/DPR045952571150301001.csv"), "--json"])
        #expect(check.status == 0)
        let object = try check.json()
        #expect(object["valid"] as? Bool == true && object["details"] as? Int == 2 && object["form"] as? String == "csv")
        #expect((object["unit"] as? [String: Any])?["totalPremium"] as? Int == 835)
        let csv = try CLI.run(["dpr", "convert", Self.vector("dpr/DPR045952571150301001.csv"), "--to", "json"])
        let fixed = try CLI.run(["dpr", "convert", Self.vector("dpr/DPR045952571150301001.txt"), "--to", "json"])
        #expect(csv.status == 0 && csv.stdout == fixed.stdout)
        let details = try #require(try csv.json()["details"] as? [[String: Any]])
        #expect(details[0]["contentHash"] as? String == "5e618e2f1b28aefbc8d63fc47b59c11b1b411113b080b5be2fb36f3bb32d836e")
        #expect(details[0]["paymentDate"] as? String == "2025-01-31")
        let broken = try CLI.run(["dpr", "check", Self.vector("dpr/DPR045952571150301002.csv"), "--json"])
        #expect(broken.status == 1)
        #expect((try broken.json()["errors"] as? [Any])?.count == 9)
        #expect(try CLI.run(["dpr", "convert", Self.vector("dpr/DPR045952571150301002.csv"), "--to", "csv"]).status == 1)
    }

    @Test("roster check")
    func rosterCheck() throws {
        let result = try CLI.run(["roster", "check", Self.vector("roster/roster-110001000.csv"), "--json"])
        #expect(result.status == 0)
        #expect(try result.json()["people"] as? Int == 23)
    }
}

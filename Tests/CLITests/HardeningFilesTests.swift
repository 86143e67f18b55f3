import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, the file slice: memory bounded on any input, no silent data loss, honest exit
/// codes, one safe writer for every output file, no formula injection. Every test drives
/// the real `nhi` binary on real files.
@Suite("Hardening: hostile input files and files written (issue 17)")
struct HardeningFilesTests {
    /// The bound README states for any input.
    static let memoryBoundMiB = 100.0

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path(name)
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    func mode(_ file: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? -1
    }

    func isSymlink(_ file: String) -> Bool {
        var info = stat()
        return lstat(file, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// A valid DPR file (CSV, income code 65, UTF-8) with `count` details of one person on
    /// different days and amounts; `notes` replaces the notes of the first details.
    static func dpr(details count: Int, notes: [String] = []) -> String {
        var lines: [String] = []
        var paid = 0, premium = 0
        for k in 0..<count {
            let amount = 30000 + k
            let fee = amount * 211 / 10000
            paid += amount
            premium += fee
            let note = k < notes.count ? notes[k] : "bonus"
            lines.append("2,I,11403\(String(format: "%02d", 1 + k % 28)),A123456789,王小明,\(amount),\(fee),,\(note)")
        }
        let unit = "1,22099131,65,11403,11403,\(count),\(paid),\(premium),數美科技股份有限公司,02-27065866,pay@example.com.tw,林小姐"
        return ([unit] + lines).joined(separator: "\r\n") + "\r\n"
    }

    // MARK: 1. Memory bounded on any input

    @Test("Memory bounded on any input: batch-register check of 1,000,000 blank lines — no rows, issues counted, < 100 MB")
    func memoryBoundedBatchBlankLines() throws {
        let file = path("1100010001150101.csv")
        try GeneratedInput.repeated("\n", count: 1_000_000, to: file)
        let run = try MeasuredRun.run(["batch-register", "check", file, "--json"])
        #expect(run.status == 1, "a file of blank rows is an error, not 'every row valid'")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 0)
        #expect(object["blankRows"] as? Int == 1_000_000)
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.contains { $0["code"] as? String == "file.noRows" && ($0["message"] as? String)?.contains("檔案無資料列") == true })
        let omitted = try #require(object["omitted"] as? [String: Any])
        let listed = (object["warnings"] as? [Any])?.count ?? 0
        #expect(listed <= 200)
        #expect((omitted["batch.blankRow"] as? Int ?? 0) + listed == 1_000_000, "every blank row is counted")
        #expect(run.peakMiB < Self.memoryBoundMiB, "peak \(run.peakMiB) MiB for 1,000,000 blank lines (2 MB)")
        print("memory: batch-register check, 1,000,000 blank lines (1 MB): peak \(run.peakKiB) KiB")
    }

    @Test("Memory bounded on any input: dpr check of one 100 MB line (CSV and fixed-width) is an error naming line 1, < 100 MB")
    func memoryBoundedDPRHugeLine() throws {
        let file = path("DPR220991311150301001.csv")
        try GeneratedInput.filled(UInt8(ascii: "A"), bytes: 100 << 20, tail: "\r\n", to: file)
        for form in ["csv", "fixed"] {
            let run = try MeasuredRun.run(["dpr", "check", file, "--form", form, "--json"])
            #expect(run.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let errors = try #require(object["errors"] as? [[String: Any]])
            let expected = form == "csv" ? "csv.recordTooLong" : "dpr.recordLength"
            #expect(errors.contains { $0["code"] as? String == expected && $0["line"] as? Int == 1 }, "\(form): \(errors)")
            #expect(run.peakMiB < Self.memoryBoundMiB, "\(form): peak \(run.peakMiB) MiB for a 100 MB line")
            print("memory: dpr check --form \(form), one 100 MiB line: peak \(run.peakKiB) KiB")
        }
    }

    @Test("Memory bounded on any input: validate on stdin with a 100 MB line reports file.lineTooLong for line 1 and goes on, < 100 MB")
    func memoryBoundedValidateHugeLine() throws {
        let file = path("ids.txt")
        try GeneratedInput.filled(UInt8(ascii: "7"), bytes: 100 << 20, tail: "\nA123456789\n", to: file)
        let run = try MeasuredRun.run(["validate", "--json"], stdin: file)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "one result per input line")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let error = try #require((first["errors"] as? [[String: Any]])?.first)
        #expect(error["code"] as? String == "file.lineTooLong")
        #expect(error["line"] as? Int == 1)
        #expect((error["message"] as? String)?.contains("第1行") == true)
        #expect(lines[1].contains("\"valid\":true"))
        #expect(run.peakMiB < Self.memoryBoundMiB, "peak \(run.peakMiB) MiB for a 100 MB line")
        print("memory: validate, one 100 MiB line on stdin: peak \(run.peakKiB) KiB")
    }

    @Test("Memory bounded on any input: roster check of 600,000 rows (one person repeated) keeps counts, not 600,000 warnings, < 100 MB")
    func memoryBoundedRosterCheck() throws {
        let file = path("roster.csv")
        try GeneratedInput.repeated("A123456789,王小明\r\n", count: 600_000, to: file)
        let run = try MeasuredRun.run(["roster", "check", file, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["people"] as? Int == 1)
        #expect(object["rows"] as? Int == 600_000)
        #expect(object["warningCount"] as? Int == 599_999)
        #expect(((object["warnings"] as? [Any])?.count ?? 0) <= 200)
        #expect((object["omitted"] as? [String: Any])?["roster.duplicateID"] as? Int == 599_999 - 200)
        #expect(run.peakMiB < Self.memoryBoundMiB, "peak \(run.peakMiB) MiB for 600,000 roster rows")
        print("memory: roster check, 600,000 rows (14 MB): peak \(run.peakKiB) KiB")
    }

    @Test("Memory bounded on any input: roster check of 8 MB of random bytes — errors counted, exit 1, < 100 MB")
    func memoryBoundedRosterRandomBytes() throws {
        let file = path("random.csv")
        try GeneratedInput.random(bytes: 8 << 20, to: file)
        let run = try MeasuredRun.run(["roster", "check", file, "--json"])
        #expect(run.status == 1)
        #expect(run.peakMiB < Self.memoryBoundMiB, "peak \(run.peakMiB) MiB")
        print("memory: roster check, 8 MiB of random bytes: peak \(run.peakKiB) KiB")
    }

    // MARK: 2. Silent data loss

    @Test("Silent data loss: roster check and convert report an undecodable row with line and column, exit 1, write nothing")
    func silentDataLossRosterUndecodableRow() throws {
        let file = write("roster.csv", Array("A123456789\r\nF131104093".utf8) + [0x8C] + Array("\r\nO158238845\r\n".utf8))
        let check = try CLI.run(["roster", "check", file, "--json"])
        #expect(check.status == 1)
        let object = try check.json()
        let error = try #require((object["errors"] as? [[String: Any]])?.first)
        #expect(error["code"] as? String == "encoding.undecodable")
        #expect(error["line"] as? Int == 2 && error["row"] as? Int == 2 && error["column"] as? Int == 1)
        #expect(object["rows"] as? Int == 3, "every non-blank line is a row or an error")
        let out = path("out.csv")
        let convert = try CLI.run(["roster", "convert", file, out])
        #expect(convert.status == 1)
        #expect(convert.stderr.contains("encoding.undecodable"))
        #expect(!FileManager.default.fileExists(atPath: out), "nothing partial is written")
    }

    @Test("Silent data loss: random bytes and invalid Big5 are errors for roster check; --roster refuses a roster with unreadable rows")
    func silentDataLossRosterRandomAndBig5() throws {
        var bytes: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        #expect(try CLI.run(["roster", "check", write("random.csv", bytes)]).status == 1)
        // 0xA1 0x30 is no Big5 character.
        let big5 = write("big5.csv", Array("A123456789,".utf8) + [0xA4, 0xFD, 0xA1, 0x30] + Array("\r\n".utf8))
        let result = try CLI.run(["roster", "check", big5, "--encoding", "big5"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("encoding.undecodable") && result.stdout.contains("第1列第2欄"))

        let roster = write("roster.csv", Array("A123456789\r\nF131104093".utf8) + [0x8C] + Array("\r\n".utf8))
        let upload = write("1100010001150101.csv", "A123456789,a@example.com,0912345678,\r\n")
        let check = try CLI.run(["batch-register", "check", upload, "--roster", roster])
        #expect(check.status == 1, "a roster that lost a row is not used silently")
        #expect(check.stderr.contains("encoding.undecodable"))
    }

    // MARK: 3. Exit codes

    @Test("Exit codes: validate > /dev/full and validate < DIRECTORY fail with a bilingual error")
    func exitCodesStandardStreams() throws {
        let full = try MeasuredRun.run(["validate", "--json", "A123456789"], stdout: "/dev/full", measure: false)
        #expect(full.status == 1)
        #expect(full.stderr.contains("file.write") && full.stderr.contains("寫入") && full.stderr.contains("writing"))
        let directoryInput = try MeasuredRun.run(["validate"], stdin: directory.path, measure: false)
        #expect(directoryInput.status == 1)
        #expect(directoryInput.stderr.contains("file.read") && directoryInput.stderr.contains("讀取檔案失敗"))
    }

    @Test("Exit codes: dpr convert --to json under a file-size limit fails and leaves no file")
    func exitCodesFileSizeLimit() throws {
        let input = write("DPR220991311150301001.csv", Self.dpr(details: 3000))
        #expect(try CLI.run(["dpr", "check", input]).status == 0)
        let out = path("out.json")
        // dash counts 512-byte blocks: 256 blocks = 128 KiB, far less than the JSON.
        let run = try MeasuredRun.run(["-c", "ulimit -f 256; exec \"$0\" \"$@\"", CLI.binary().path,
                                       "dpr", "convert", input, "--to", "json", "--out", out], executable: "/bin/sh", measure: false)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("file.write"))
        #expect(!FileManager.default.fileExists(atPath: out), "complete or absent")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "no temporary file left: \(leftovers)")
        let ok = try CLI.run(["dpr", "convert", input, "--to", "json", "--out", out])
        #expect(ok.status == 0)
        #expect(try mode(out) == 0o600)
    }

    // MARK: 4. Files written

    @Test("Files written: planted symlinks are refused, never followed (dpr convert, roster convert, --fix, .changes.csv)")
    func filesWrittenSymlinks() throws {
        let victim = write("victim.txt", "precious\n")
        let dpr = write("DPR220991311150301001.csv", Self.dpr(details: 2))
        let roster = write("roster.csv", "A123456789,王小明\r\n")
        let upload = write("1100010001150101.csv", "A123456789,a@example.com,0912345678,\r\n")
        func plant(_ name: String) throws -> String {
            let link = path(name)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
            return link
        }
        let cases: [[String]] = [
            ["dpr", "convert", dpr, "--to", "json", "--out", try plant("dpr.json")],
            ["dpr", "convert", dpr, "--to", "csv", "--out", try plant("dpr.csv")],
            ["roster", "convert", roster, try plant("roster-out.csv")],
            ["batch-register", "check", upload, "--fix", try plant("fixed.csv")],
            ["batch-register", "check", upload, "--fix", path("fixed2.csv"), "--changes", try plant("changes.csv")],
        ]
        for arguments in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("file.symlink"), "\(arguments): \(result.stderr)")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n", "the link's target is untouched")
        for name in ["dpr.json", "dpr.csv", "roster-out.csv", "fixed.csv", "changes.csv"] { #expect(isSymlink(path(name))) }
    }

    @Test("Files written: a FIFO or a folder as --out is refused and stays what it was")
    func filesWrittenNonRegularTargets() throws {
        let dpr = write("DPR220991311150301001.csv", Self.dpr(details: 2))
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try CLI.run(["dpr", "convert", dpr, "--to", "csv", "--out", fifo])
        #expect(result.status == 1)
        #expect(result.stderr.contains("file.notRegular"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        let folder = try CLI.run(["dpr", "convert", dpr, "--to", "json", "--out", directory.path])
        #expect(folder.status == 1 && folder.stderr.contains("file.notRegular"))
    }

    @Test("Files written: outputs are 0600; an input is never overwritten (same path, ./path, hard link)")
    func filesWrittenModesAndInputs() throws {
        let upload = write("1100010001150101.csv", "a123456789 ,a@example.com,0912345678,\r\n")
        let original = try String(contentsOfFile: upload, encoding: .utf8)
        let fixed = path("fixed.csv")
        let run = try CLI.run(["batch-register", "check", upload, "--fix", fixed])
        #expect(FileManager.default.fileExists(atPath: fixed), "\(run.stderr)")
        #expect(try mode(fixed) == 0o600)
        #expect(try mode(fixed + ".changes.csv") == 0o600)
        let roster = write("roster.csv", "A123456789,王小明\r\n")
        #expect(try CLI.run(["roster", "convert", roster, path("roster-out.csv")]).status == 0)
        #expect(try mode(path("roster-out.csv")) == 0o600)

        let link = path("hard.csv")
        #expect(link_(upload, link) == 0)
        let dotted = directory.path + "/./1100010001150101.csv"
        for arguments in [["batch-register", "check", upload, "--fix", upload],
                          ["batch-register", "check", upload, "--fix", dotted],
                          ["batch-register", "check", upload, "--fix", link],
                          ["batch-register", "check", upload, "--fix", path("f.csv"), "--changes", upload],
                          ["batch-register", "check", upload, "--fix", path("f.csv"), "--changes", path("f.csv")]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("file.overwritesInput") && result.stderr.contains("輸出檔會覆蓋輸入檔"), "\(arguments): \(result.stderr)")
        }
        #expect(try String(contentsOfFile: upload, encoding: .utf8) == original)
        let dpr = write("DPR220991311150301001.csv", Self.dpr(details: 2))
        let dprText = try String(contentsOfFile: dpr, encoding: .utf8)
        let same = try CLI.run(["dpr", "convert", dpr, "--to", "csv", "--out", dpr])
        #expect(same.status == 1 && same.stderr.contains("file.overwritesInput"))
        #expect(try String(contentsOfFile: dpr, encoding: .utf8) == dprText)
    }

    // MARK: 5. Formula injection

    @Test("Formula injection: dpr check flags =HYPERLINK, @SUM, +cmd, -2+3+cmd as errors with row and field")
    func formulaInjectionDPRCheck() throws {
        let notes = ["\"=HYPERLINK(\"\"http://x.example\"\",\"\"請點此\"\")\"", "@SUM(1+1)", "+cmd", "-2+3+cmd|' /C calc'!A0"]
        let file = write("DPR220991311150301001.csv", Self.dpr(details: 5, notes: notes))
        let result = try CLI.run(["dpr", "check", file, "--json"])
        #expect(result.status == 1, "such a file is not valid")
        let errors = try #require(try result.json()["errors"] as? [[String: Any]])
        let formula = errors.filter { $0["code"] as? String == "excel.formulaLike" }
        #expect(formula.map { $0["row"] as? Int } == [2, 3, 4, 5])
        #expect(formula.allSatisfy { $0["field"] as? String == "note" && ($0["message"] as? String)?.contains("公式") == true
                                     && ($0["messageEn"] as? String)?.contains("formula") == true })
        let convert = try CLI.run(["dpr", "convert", file, "--to", "csv", "--out", path("out.csv")])
        #expect(convert.status == 1)
        #expect(!FileManager.default.fileExists(atPath: path("out.csv")))
    }

    @Test("Formula injection: batch-register check --fix never writes a live formula and flags it")
    func formulaInjectionBatchFix() throws {
        let upload = write("1100010001150101.csv", "\"=HYPERLINK(\"\"http://x.example\"\",\"\"a\"\")\",a@example.com,0912345678,\r\nA123456789,b@example.com,0912345678,\r\n")
        let fixed = path("fixed.csv")
        let result = try CLI.run(["batch-register", "check", upload, "--fix", fixed, "--out-encoding", "utf-8", "--json"])
        #expect(result.status == 1)
        let warnings = try #require(try result.json()["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["code"] as? String == "excel.formulaLike" && $0["row"] as? Int == 1 && $0["column"] as? Int == 1 })
        let text = try String(contentsOfFile: fixed, encoding: .utf8)
        #expect(text.contains("'=HYPERLINK"))
        #expect(!text.split(separator: "\r\n").contains { $0.hasPrefix("=") || $0.hasPrefix("\"=") })
    }
}

/// `link(2)` (the name `link` is taken by Foundation on some platforms).
private func link_(_ from: String, _ to: String) -> Int32 { link(from, to) }

import ArgumentParser
import NHICore
import NHIFormats

/// `nhi roster`: in-force rosters and the lists built from them.
struct Roster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "在保名冊與清單 — In-force rosters, bulk salary-adjustment lists.",
        subcommands: [Check.self, Convert.self, SalaryList.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "檢核在保名冊 — Check a roster file (our format: 身分證號,姓名,身分,被保險人身分證號,出生日期,投保金額,加保日期).",
            discussion: #"JSON: {"file","encoding","rows","people","valid","errorCount","warningCount","errors":[…],"warnings":[…],"omitted":{"code":count}}; the first 200 issues of each code are listed, all are counted. Streams in bounded memory. Exit 1 when a row is invalid or the file has no rows."#)

        @Argument(help: "名冊CSV — the roster file.")
        var file: String

        @Flag(name: .long, help: "輸出JSON — print JSON.")
        var json = false

        @Option(name: .long, help: "編碼 — encoding: auto, cp950, big5, utf-8, utf-16le.")
        var encoding: EncodingOption = .auto

        func run() throws {
            let result = try InForceRoster.scan(.file(file), encoding: encoding.encoding) { _ in }
            let summary = result.summary
            let output = ByteOutput()
            if json {
                var object = JSONObjectWriter(output)
                object.string("file", file)
                object.string("encoding", result.encoding.reportedName)
                object.int("rows", summary.rows)
                object.int("people", summary.people)
                object.bool("valid", summary.isValid)
                object.int("errorCount", summary.errorCount)
                object.int("warningCount", summary.warningCount)
                object.array("errors", result.errors.ordered) { IssueOutput.write($1, into: &$0) }
                object.array("warnings", result.warnings.ordered) { IssueOutput.write($1, into: &$0) }
                object.object("omitted") { IssueOutput.omitted(result.errors.omitted.merging(result.warnings.omitted, uniquingKeysWith: +), into: &$0) }
                object.close()
                output.write(byte: 0x0A)
            } else {
                output.write("名冊 roster: \(file)  編碼 encoding: \(result.encoding)  人數 people: \(summary.people)  資料列 rows: \(summary.rows)\n")
                for issue in result.errors.ordered + result.warnings.ordered { output.write(IssueOutput.text(issue) + "\n") }
                IssueOutput.writeOmitted(result.errors.omitted.merging(result.warnings.omitted, uniquingKeysWith: +), to: output)
                if !summary.isValid { output.write("✗ 有 \(summary.errorCount) 項錯誤 \(summary.errorCount) error(s)\n") }
            }
            output.flush()
            if !summary.isValid { throw ExitStatus.invalid }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "重寫名冊 — Rewrite a valid roster in our export format (CP950, CRLF, formula-protected by default).")

        @Argument(help: "來源 — the roster to read.")
        var input: String

        @Argument(help: "目的 — the file to write.")
        var output: String

        @Option(name: .long, help: "來源編碼 — input encoding.")
        var encoding: EncodingOption = .auto

        @Option(name: .long, help: "輸出編碼 — output encoding (default cp950).")
        var outEncoding: TextEncoding = .cp950

        @Flag(name: .long, help: "輸出加BOM — write a byte-order mark.")
        var outBOM = false

        func run() throws {
            try SafeFile.checkTarget(output)
            try SafeFile.refuseOverwriting(output, inputs: [input])
            let (result, _) = try InForceRoster.convert(.file(input), encoding: encoding.encoding, to: .file(output),
                                                        options: CSVWriteOptions(encoding: outEncoding, byteOrderMark: outBOM,
                                                                                 protectFormulas: true, numericColumns: [5]))
            if let first = result.errors.ordered.first {
                for issue in result.errors.ordered.prefix(20) { printToStandardError(IssueOutput.text(issue)) }
                if result.summary.errorCount > 20 { printToStandardError("… 共 \(result.summary.errorCount) 項錯誤 \(result.summary.errorCount) errors in all") }
                printToStandardError("未寫入 \(output) — nothing was written")
                throw first.error
            }
            print("\(output): \(result.summary.people) 人 people")
        }
    }

    struct SalaryList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "salary-list",
            abstract: "讀取整批薪調清單 — Read a ticked bulk salary-adjustment list (身分證號,姓名,原投保金額,新投保金額,選取).",
            discussion: #"JSON: {"file","items":[{"id","name","oldAmount","newAmount","selected"}],"selected","errors":[…]}"#)

        @Argument(help: "清單CSV — the list.")
        var file: String

        @Flag(name: .long, help: "輸出JSON — print JSON.")
        var json = false

        func run() throws {
            let result = try SalaryAdjustmentList.read(.file(file))
            let output = ByteOutput()
            if json {
                var object = JSONObjectWriter(output)
                object.string("file", file)
                object.array("items", result.items) { item, entry in
                    item.string("id", entry.id.masked)
                    item.string("name", entry.name.value)
                    item.int("oldAmount", Int(entry.oldAmount.amount))
                    item.int("newAmount", Int(entry.newAmount.amount))
                    item.bool("selected", entry.selected)
                }
                object.int("selected", result.items.filter(\.selected).count)
                object.array("errors", result.errors) { IssueOutput.write($1, into: &$0) }
                object.close()
                output.write(byte: 0x0A)
            } else {
                for item in result.items {
                    output.write("\(item.selected ? "☑" : "☐") \(item.id.masked) \(padded(item.name.value, to: 10)) \(item.oldAmount.grouped) → \(item.newAmount.grouped)\n")
                }
                for issue in result.errors { output.write(IssueOutput.text(issue) + "\n") }
            }
            output.flush()
            if !result.errors.isEmpty { throw ExitStatus.invalid }
        }
    }
}

import ArgumentParser
import NHICore
import NHIFormats

/// `nhi dpr`: supplementary-premium detail files (扣繳補充保險費明細, DPR…).
struct DPR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dpr",
        abstract: "補充保險費明細檔 — DPR supplementary-premium detail files: check and convert (CSV, fixed-width, JSON).",
        subcommands: [Check.self, Convert.self])

    /// `--form auto|csv|fixed`.
    struct FormOption: ExpressibleByArgument {
        let form: DPRFileName.Form?
        init?(argument: String) {
            switch argument.lowercased() {
            case "auto": form = nil
            case "csv": form = .csv
            case "fixed", "fixed-width": form = .fixedWidth
            default: return nil
            }
        }
        static var allValueStrings: [String] { ["auto", "csv", "fixed"] }
        var defaultValueDescription: String {
            switch form {
            case nil: "auto"
            case .csv: "csv"
            case .fixedWidth: "fixed"
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "檢核DPR檔 — Check a DPR file: fields, record order, period, count and totals, duplicates.",
            discussion: """
                JSON: {"file","form","encoding","valid","fileName","unit","detailRows","details","errorCount","errors":[{"row","column","code","message","messageEn","value"}],"warnings":[…],"omitted":{"code":count}}; \
                errors list the first 200 of each code, "omitted" counts the rest. \
                For the fixed-width form, "column" is the byte position in the 200-byte record. \
                Exit status 0 when the file is valid, 1 otherwise.
                """)

        @Argument(help: "DPR檔 — the file.")
        var file: String

        @Flag(name: .long, help: "輸出JSON — print JSON.")
        var json = false

        @Option(name: .long, help: "編碼 — encoding: auto, cp950, big5, utf-8.")
        var encoding: EncodingOption = .auto

        @Option(name: .long, help: "格式 — form: auto, csv, fixed.")
        var form: FormOption = FormOption(argument: "auto")!

        func run() throws {
            let report = try DPRReader(.init(encoding: encoding.encoding, form: form.form)).check(.file(file))
            let output = ByteOutput()
            if json {
                var object = JSONObjectWriter(output)
                object.string("file", report.file)
                object.string("form", report.form == .csv ? "csv" : "fixed")
                object.string("encoding", report.encoding.reportedName)
                object.bool("valid", report.isValid)
                object.object("fileName", present: report.fileName != nil) { name in
                    guard let fileName = report.fileName else { return }
                    name.string("ubn", fileName.ubn.rawValue)
                    name.string("date", fileName.date.gregorian.description)
                    name.int("sequence", fileName.sequence)
                }
                object.object("unit", present: report.unit != nil) { DPRJSON.unit(report.unit!, into: &$0) }
                object.int("detailRows", report.detailRows)
                object.int("details", report.details.count)
                object.int("errorCount", report.errorCount)
                object.array("errors", report.errors) { IssueOutput.write($1, into: &$0) }
                object.array("warnings", report.warnings) { IssueOutput.write($1, into: &$0) }
                object.object("omitted") { IssueOutput.omitted(report.omittedErrors, into: &$0) }
                object.close()
                output.write(byte: 0x0A)
            } else {
                output.write("檔案 file: \(report.file)  格式 form: \(report.form == .csv ? "CSV" : "固定長度 fixed-width")  編碼 encoding: \(report.encoding)\n")
                if let unit = report.unit {
                    output.write("扣費單位 payer: \(unit.payerName) (\(unit.ubn.rawValue))  所得類別 income code: \(unit.incomeCode.rawValue) \(unit.incomeCode.label)  期間 period: \(unit.periodStart)–\(unit.periodEnd)\n")
                    output.write("申報 declared: \(unit.count) 筆 details, 給付 paid NT$\(unit.totalPaid.grouped), 補充保險費 premium NT$\(unit.totalPremium.grouped)\n")
                }
                output.write("明細 details: \(report.detailRows)  有效 valid: \(report.details.count)\n")
                for issue in report.warnings + report.errors { output.write(IssueOutput.text(issue) + "\n") }
                IssueOutput.writeOmitted(report.omittedErrors, to: output)
                output.write(report.isValid ? "✓ 檔案有效 the file is valid\n" : "✗ 有 \(report.errorCount) 項錯誤 \(report.errorCount) error(s)\n")
            }
            output.flush()
            if !report.isValid { throw ExitStatus.invalid }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "轉換DPR檔 — Convert a valid DPR file to CSV, fixed-width or JSON (normalised records with content hashes).",
            discussion: """
                Only a completely valid file is converted (nothing partial). JSON: {"unit":{…},"details":[{"kind","paymentDate",\
                "paymentDateROC","id","name","amount","premium","filingNumber","unitCode","insuredAmount","yearToDateBonus","note","contentHash"}]}; \
                contentHash is a stable SHA-256 of the detail with its payer and income code, the same in every form.
                """)

        @Argument(help: "DPR檔 — the file.")
        var file: String

        @Option(name: .long, help: "目標格式 — target: csv, fixed or json.")
        var to: String

        @Option(name: .long, help: "輸出檔（省略時寫到標準輸出）— output file (standard output when omitted).")
        var out: String?

        @Option(name: .long, help: "編碼 — input encoding: auto, cp950, big5, utf-8.")
        var encoding: EncodingOption = .auto

        @Option(name: .long, help: "輸出編碼 — output encoding for csv and fixed (default cp950).")
        var outEncoding: TextEncoding = .cp950

        func validate() throws {
            guard ["csv", "fixed", "json"].contains(to) else { throw ValidationError("--to must be csv, fixed or json") }
        }

        func run() throws {
            if let out {
                // Checked before the input is read: never through a link, never over a
                // device or the input itself.
                try SafeFile.checkTarget(out)
                try SafeFile.refuseOverwriting(out, inputs: [file])
            }
            let dpr = try DPRReader(.init(encoding: encoding.encoding)).read(.file(file))
            let target: ByteOutputTarget = out.map { .file($0) } ?? .memory
            var bytes: [UInt8] = []
            switch to {
            case "csv": bytes = try DPRWriter.writeCSV(dpr, to: target, options: CSVWriteOptions(encoding: outEncoding))
            case "fixed": bytes = try DPRWriter.writeFixedWidth(dpr, to: target, encoding: outEncoding)
            default:
                let output = try out.map { ByteOutput(file: try SafeFile(path: $0, inputs: [file])) } ?? ByteOutput()
                var object = JSONObjectWriter(output)
                object.object("unit") { DPRJSON.unit(dpr.unit, into: &$0) }
                // Hashes one at a time, not an array of them beside the details.
                object.array("details", dpr.details) { item, detail in
                    DPRJSON.detail(detail, hash: detail.contentHash(ubn: dpr.unit.ubn, incomeCode: dpr.unit.incomeCode), into: &item)
                }
                object.close()
                output.write(byte: 0x0A)
                if out != nil { try output.commit() } else { output.flush() }
                return
            }
            if out == nil {
                let output = ByteOutput()
                output.write(bytes)
                output.flush()
            }
        }
    }
}

/// JSON shapes of DPR records.
enum DPRJSON {
    static func unit(_ unit: DPRUnitRecord, into object: inout JSONObjectWriter) {
        object.string("ubn", unit.ubn.rawValue)
        object.string("incomeCode", unit.incomeCode.rawValue)
        object.string("periodStart", unit.periodStart.compact)
        object.string("periodEnd", unit.periodEnd.compact)
        object.int("count", unit.count)
        object.int("totalPaid", Int(unit.totalPaid.amount))
        object.int("totalPremium", Int(unit.totalPremium.amount))
        object.string("payerName", unit.payerName)
        object.string("phone", unit.phone)
        object.string("email", unit.email?.rawValue)
        object.string("contact", unit.contact)
    }

    static func detail(_ detail: DPRDetailRecord, hash: String, into object: inout JSONObjectWriter) {
        object.string("kind", detail.kind.rawValue)
        object.string("paymentDate", detail.paymentDate.gregorian.description)
        object.string("paymentDateROC", detail.paymentDate.formatted(.compact))
        object.string("id", detail.id.rawValue)
        object.string("name", detail.name.value)
        object.int("amount", Int(detail.amount.amount))
        object.int("premium", Int(detail.premium.amount))
        object.string("filingNumber", detail.filingNumber)
        if case .bonus(let unitCode, let insured, let ytd, _) = detail.codeFields {
            object.string("unitCode", unitCode.rawValue)
            object.int("insuredAmount", Int(insured.amount))
            object.int("yearToDateBonus", Int(ytd.amount))
        }
        object.string("note", detail.codeFields.note)
        object.string("contentHash", hash)
    }
}

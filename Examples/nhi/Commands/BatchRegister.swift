import ArgumentParser
import NHICore
import NHIFormats

extension BatchRegistrationVariant: ExpressibleByArgument {}

/// `nhi batch-register`: batch NHI-card registration files (健保卡整批註冊).
struct BatchRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-register",
        abstract: "健保卡整批註冊檔 — Batch NHI-card registration files: check, repair, name, result logs.",
        subcommands: [Check.self, Name.self, Log.self])
}

extension BatchRegister {
    /// `nhi batch-register check FILE`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "檢核整批註冊檔 — Check a batch registration file (and repair it with --fix).",
            discussion: """
                Checks every row: ID or resident number, e-mail, mobile, landline (03-1234567#123); \
                duplicate IDs; with --roster, people who are not in-force insured of the unit \
                (非該單位在保險對象). Excel damage (leading zero dropped, scientific notation, \
                full-width digits, stray spaces, lower-case letters) is explained; --fix OUT writes \
                a repaired upload file (CP950, CRLF, no header) and OUT.changes.csv listing every \
                change. Rows with errors are never guessed: they stay as they were.
                JSON: {"file","encoding","variant","rows","valid","invalid","errors":[{"row","column","code","message","messageEn","value"}],\
                "warnings":[{…,"suggestion"}]} plus "bom","header","blankRows","fileName","changes","roster","fixed", \
                "errorCount","warningCount","omitted":{"code":count},"changesOmitted" (the first 200 issues of each code \
                and 20,000 changes are listed, all are counted). Outputs are refused over an input, a link or a device.
                Exit status 0 only when every row is valid (and the roster was read completely), 1 otherwise, 2 on a usage error.
                """)

        @Argument(help: "要檢核的CSV檔 — the CSV file.")
        var file: String

        @Option(name: .long, help: "投保單位代號 — the uploading unit's code (compared with the file name).")
        var unitCode: String?

        @Option(name: .long, help: "在保名冊CSV（至少一欄身分證號）— in-force roster export (CSV with an ID column).")
        var roster: String?

        @Option(name: .long, help: "名冊編碼 — roster encoding (auto, cp950, big5, utf-8, utf-16le).")
        var rosterEncoding: EncodingOption = .auto

        @Flag(name: .long, help: "輸出JSON — print the report as JSON.")
        var json = false

        @Option(name: .long, help: "修復後寫入此檔 — write the repaired file here.")
        var fix: String?

        @Option(name: .long, help: "變更清單 — where to write the list of changes (default: OUT.changes.csv).")
        var changes: String?

        @Option(name: .long, help: "檔案編碼 — encoding: auto, cp950, big5, utf-8, utf-16le, utf-16be.")
        var encoding: EncodingOption = .auto

        @Option(name: .long, help: "格式 — layout: auto, current (4 columns) or 2016 (3 columns).")
        var variant: String = "auto"

        @Option(name: .long, help: "修復檔編碼 — encoding of the repaired file (default cp950).")
        var outEncoding: TextEncoding = .cp950

        @Option(name: .long, help: "修復檔換行 — line ending of the repaired file: crlf, lf, cr.")
        var outLineEnding: LineEnding = .crlf

        @Flag(name: .long, help: "修復檔加BOM — start the repaired file with a byte-order mark.")
        var outBOM = false

        @Flag(name: .long, help: "修復檔含標題列 — write the template's header row (the NHI says not to upload it).")
        var outHeader = false

        func validate() throws {
            if variant != "auto" && BatchRegistrationVariant(rawValue: variant) == nil {
                throw ValidationError("未知的格式 unknown --variant '\(variant)'; use auto, current or 2016")
            }
            if let unitCode, (try? UnitCode(parsing: unitCode)) == nil {
                throw ValidationError("投保單位代號應為9碼數字 --unit-code must be 9 digits")
            }
        }

        func run() throws {
            var options = BatchRegistrationChecker.Options(encoding: encoding.encoding, variant: BatchRegistrationVariant(rawValue: variant),
                                                            unitCode: try unitCode.map { try UnitCode(parsing: $0) },
                                                            today: taiwanNow().date)
            var rosterResult: InForceRoster.IDLoadResult?
            let report: BatchRegistrationReport
            var repair: BatchRegistrationRepair.Result?
            if let fix {
                let changeList = changes ?? fix + ".changes.csv"
                let inputs = [file] + (roster.map { [$0] } ?? [])
                for target in [fix, changeList] {
                    try SafeFile.checkTarget(target)
                    try SafeFile.refuseOverwriting(target, inputs: inputs)
                }
                try SafeFile.refuseOverwriting(changeList, inputs: [fix])
                if let roster {
                    let loaded = try InForceRoster.loadIDs(from: .file(roster), encoding: rosterEncoding.encoding)
                    options.roster = loaded.ids
                    rosterResult = loaded
                }
                let writeOptions = BatchRegistrationWriter.Options(encoding: outEncoding, byteOrderMark: outBOM,
                                                                   lineEnding: outLineEnding, includeHeader: outHeader)
                let result = try BatchRegistrationRepair.repair(.file(file), checker: BatchRegistrationChecker(options),
                                                                to: .file(fix), options: writeOptions)
                report = result.report
                repair = result
                try writeChangeList(report, to: changeList)
            } else if let roster {
                // The roster loads on another thread while the file is read.
                (report, rosterResult) = try BatchRegistrationChecker(options).check(
                    .file(file), rosterFile: .file(roster), rosterEncoding: rosterEncoding.encoding)
            } else {
                report = try BatchRegistrationChecker(options).check(.file(file))
            }
            if let rosterResult, let roster, !rosterResult.errors.isEmpty {
                printToStandardError("名冊 roster \(roster): \(rosterResult.errorCount) 項錯誤，名冊不完整 errors; the roster is incomplete")
                for issue in rosterResult.errors.prefix(10) { printToStandardError("  " + IssueOutput.text(issue)) }
            }
            let output = ByteOutput()
            if json { writeJSON(report, roster: rosterResult, repair: repair, to: output) } else { writeText(report, roster: rosterResult, repair: repair, to: output) }
            output.flush()
            // A roster that could not be read completely would reject people wrongly.
            if !report.allRowsValid || rosterResult.map({ !$0.errors.isEmpty }) == true { throw ExitStatus.invalid }
        }

        private func writeChangeList(_ report: BatchRegistrationReport, to path: String) throws {
            let writer = try CSVWriter(.file(path), options: CSVWriteOptions(protectFormulas: true, numericColumns: [0, 1]))
            try writer.write(["列 row", "欄 column", "欄位 field", "代碼 codes", "原值 from", "新值 to", "說明", "explanation"])
            for change in report.changes {
                let zh = change.codes.map { FormatError($0).ruleMessage }.joined(separator: "；")
                let en = change.codes.map { FormatError($0).ruleMessageEn }.joined(separator: "; ")
                try writer.write([String(change.row), String(change.column), change.field,
                                  change.codes.map(\.rawValue).joined(separator: " "), change.from, change.to, zh, en])
            }
            if report.changesOmitted > 0 {
                try writer.write(["", "", "", "", "", "", "另有\(report.changesOmitted)項變更未列出（多為刪除空白列）",
                                  "\(report.changesOmitted) more changes not listed (mostly blank rows removed)"])
            }
            try writer.finish()
        }

        private func writeJSON(_ report: BatchRegistrationReport, roster: InForceRoster.IDLoadResult?,
                               repair: BatchRegistrationRepair.Result?, to output: ByteOutput) {
            var object = JSONObjectWriter(output)
            object.string("file", report.file)
            object.string("encoding", report.encoding.reportedName)
            object.bool("bom", report.encoding.byteOrderMark)
            object.string("variant", report.variant.rawValue)
            object.bool("header", report.hasHeader)
            object.int("rows", report.rows)
            object.int("valid", report.valid)
            object.int("invalid", report.invalid)
            object.int("blankRows", report.blankRows)
            object.object("fileName", present: report.fileName != nil) { name in
                guard let fileName = report.fileName else { return }
                name.string("unitCode", fileName.unitCode.rawValue)
                name.string("date", fileName.date.description)
                name.string("convention", fileName.convention.rawValue)
                name.string("rocName", fileName.rocName)
            }
            object.array("errors", report.errors) { IssueOutput.write($1, into: &$0) }
            object.array("warnings", report.warnings) { IssueOutput.write($1, into: &$0) }
            object.int("errorCount", report.errorCount)
            object.int("warningCount", report.warningCount)
            object.object("omitted") { IssueOutput.omitted(report.omittedErrors.merging(report.omittedWarnings, uniquingKeysWith: +), into: &$0) }
            object.int("changesOmitted", report.changesOmitted)
            object.array("changes", report.changes) { item, change in
                item.int("row", change.row)
                item.int("column", change.column)
                item.string("field", change.field)
                item.strings("codes", change.codes.map(\.rawValue))
                item.string("from", change.from)
                item.string("to", change.to)
            }
            object.object("roster", present: roster != nil) { item in
                guard let roster else { return }
                item.string("file", self.roster)
                item.int("people", roster.ids.count)
                item.int("rows", roster.rows)
                item.int("errors", roster.errorCount)
            }
            object.object("fixed", present: repair != nil) { item in
                guard let repair else { return }
                item.string("file", fix)
                item.string("changes", changes ?? (fix ?? "") + ".changes.csv")
                item.int("rows", repair.rowsWritten)
                item.int("invalidRows", repair.invalidRowsWritten)
            }
            object.close()
            output.write(byte: 0x0A)
        }

        private func writeText(_ report: BatchRegistrationReport, roster: InForceRoster.IDLoadResult?,
                               repair: BatchRegistrationRepair.Result?, to output: ByteOutput) {
            output.write("檔案 file: \(report.file)\n")
            output.write("編碼 encoding: \(report.encoding)  格式 variant: \(report.variant)\(report.hasHeader ? "  （標題列已略過 header row skipped）" : "")\n")
            if let roster { output.write("名冊 roster: \(roster.ids.count) 人 people\n") }
            output.write("資料 rows: \(report.rows)  有效 valid: \(report.valid)  無效 invalid: \(report.invalid)")
            output.write(report.blankRows > 0 ? "  空白列 blank rows: \(report.blankRows)\n" : "\n")
            let issues = (report.errors + report.warnings).sorted { ($0.row, $0.column) < ($1.row, $1.column) }
            for issue in issues { output.write(IssueOutput.text(issue) + "\n") }
            IssueOutput.writeOmitted(report.omittedErrors.merging(report.omittedWarnings, uniquingKeysWith: +), to: output)
            if let repair, let fix {
                output.write("已寫入修復檔 repaired file written: \(fix) (\(repair.rowsWritten) 列 rows, \(report.changes.count + report.changesOmitted) 項變更 changes")
                output.write(repair.invalidRowsWritten > 0 ? ", \(repair.invalidRowsWritten) 列仍有錯誤 rows still invalid)\n" : ")\n")
                output.write("變更清單 change list: \(changes ?? fix + ".changes.csv")\n")
            }
            if report.rows == 0 {
                output.write("✗ 檔案無資料列 the file has no data rows\n")
            } else {
                output.write(report.allRowsValid ? "✓ 全部有效 every row is valid\n" : "✗ 有 \(report.invalid) 列無效 \(report.invalid) row(s) invalid\n")
            }
        }
    }
}

extension BatchRegister {
    /// `nhi batch-register name parse|build`.
    struct Name: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "整批註冊檔名 — Parse or build file names (unit code + ROC yyyMMdd, or + Gregorian YYYYMMDD).",
            subcommands: [Parse.self, Build.self])

        struct Parse: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "解析檔名 — Parse file names; exit 1 if any follows neither convention.",
                discussion: #"JSON (one object per line): {"name","valid","unitCode","date","rocDate","convention","rocName","code","message","messageEn"}"#)

            @Argument(help: "檔名 — file names (paths allowed).")
            var names: [String]

            @Flag(name: .long, help: "輸出JSON — one JSON object per name.")
            var json = false

            func run() throws {
                let output = ByteOutput()
                var allValid = true
                for name in names {
                    do {
                        let parsed = try BatchRegistrationFileName(parsing: name)
                        let roc = try ROCDate(parsed.date)
                        if json {
                            var object = JSONObjectWriter(output)
                            object.string("name", name)
                            object.bool("valid", true)
                            object.string("unitCode", parsed.unitCode.rawValue)
                            object.string("date", parsed.date.description)
                            object.string("rocDate", roc.formatted(.compact))
                            object.string("convention", parsed.convention.rawValue)
                            object.string("rocName", parsed.rocName)
                            object.close()
                            output.write(byte: 0x0A)
                        } else {
                            output.write("✓ \(name)  投保單位 unit \(parsed.unitCode.rawValue)  日期 date \(roc.formatted(.chinese)) (\(parsed.date))  "
                                         + "\(parsed.convention == .roc ? "民國年 ROC" : "西元年 Gregorian")  → \(parsed.rocName)\n")
                        }
                    } catch let error as FormatError {
                        allValid = false
                        if json {
                            var object = JSONObjectWriter(output)
                            object.string("name", name)
                            object.bool("valid", false)
                            object.string("code", error.errorCode)
                            object.string("message", error.message)
                            object.string("messageEn", error.messageEn)
                            object.close()
                            output.write(byte: 0x0A)
                        } else {
                            output.write("✗ \(name)  [\(error.errorCode)] \(error.message) / \(error.messageEn)\n")
                        }
                    }
                }
                output.flush()
                if !allValid { throw ExitStatus.invalid }
            }
        }

        struct Build: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "產生檔名 — Build the ROC-form name: unit code + yyyMMdd + .csv.")

            @Option(name: .long, help: "投保單位代號 — unit code (9 digits).")
            var unitCode: String

            @Option(name: .long, help: "日期 — date: YYYY-MM-DD or ROC (1050801, 105/08/01); default today.")
            var date: String?

            func run() throws {
                let unit = try UnitCode(parsing: Normalizer.identifier.normalize(unitCode).value)
                let day: CalendarDate
                if let date {
                    day = try parseDate(date)
                } else {
                    day = taiwanNow().date
                }
                print(BatchRegistrationFileName(unitCode: unit, date: day).name)
            }
        }
    }
}

extension BatchRegister {
    /// `nhi batch-register log write|parse`.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "入檔記錄 — Write or parse the NHI's result log (<upload>.<ROC yyyMMddHHmmss>.log).",
            subcommands: [Write.self, Parse.self])

        struct Write: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "處理上傳檔並寫入檔記錄 — Process an upload against a roster and write its result log.",
                discussion: """
                    Does what the NHI does with an upload: every row must be an in-force insured \
                    person of the unit (--roster), and valid; the log lists every rejected row with \
                    its reason and the totals, in the seed's exact format (CP950, CRLF by default).
                    """)

            @Argument(help: "上傳的CSV檔 — the uploaded CSV file.")
            var file: String

            @Option(name: .long, help: "在保名冊CSV — in-force roster of the unit.")
            var roster: String

            @Option(name: .long, help: "上傳時間（檔名用）— upload time for the log name: YYYY-MM-DDTHH:MM:SS or ROC yyyMMddHHmmss; default now.")
            var stampedAt: String?

            @Option(name: .long, help: "開始執行時間 — processing start time; default now.")
            var startedAt: String?

            @Option(name: .long, help: "寫入目錄 — directory for the log (default: current directory).")
            var out: String = "."

            @Option(name: .long, help: "記錄檔編碼 — log encoding (default cp950).")
            var logEncoding: TextEncoding = .cp950

            @Option(name: .long, help: "換行 — line ending (default crlf).")
            var lineEnding: LineEnding = .crlf

            @Flag(name: .long, help: "列出成功的資料（本專案格式）— also list registered rows (our own line form).")
            var listRegistered = false

            @Option(name: .long, help: "檔案編碼 — encoding of the upload: auto, cp950, big5, utf-8, utf-16le.")
            var encoding: EncodingOption = .auto

            func run() throws {
                let now = taiwanNow()
                let stamp = try stampedAt.map { try LocalDateTime(parsing: $0) } ?? now
                let start = try startedAt.map { try LocalDateTime(parsing: $0) } ?? now
                let logPath = (out.hasSuffix("/") ? out : out + "/") + BatchRegistrationLog.fileName(
                    uploadFileName: String(file.split(separator: "/").last ?? Substring(file)), stampedAt: stamp)
                try SafeFile.checkTarget(logPath)
                try SafeFile.refuseOverwriting(logPath, inputs: [file, roster])
                let ids = try InForceRoster.loadIDs(from: .file(roster))
                var outcomes: [BatchRowOutcome] = []
                let checker = BatchRegistrationChecker(.init(encoding: encoding.encoding, roster: ids.ids, fileName: ""))
                _ = try checker.check(.file(file)) { (outcome: BatchRowOutcome) throws(FormatError) in outcomes.append(outcome) }
                let log = try BatchRegistrationLog(
                    uploadFileName: String(file.split(separator: "/").last ?? Substring(file)), stampedAt: stamp,
                    startedAt: start, finishedAt: start,
                    entries: BatchRegistrationLog.entries(from: outcomes, at: start))
                let options = BatchRegistrationLog.RenderOptions(encoding: logEncoding, lineEnding: lineEnding, listRegistered: listRegistered)
                let path = try log.write(toDirectory: out, options)
                print(path)
                print(log.lines(listRegistered: listRegistered).joined(separator: "\n"))
            }
        }

        struct Parse: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "解析入檔記錄 — Parse a result log and check its totals.",
                discussion: #"JSON: {"file","uploadFile","stampedAt","startedAt","finishedAt","total","succeeded","failed","entries":[{"record","id","outcome","reason","time"}]}"#)

            @Argument(help: "記錄檔 — the .log file.")
            var file: String

            @Flag(name: .long, help: "輸出JSON — print JSON.")
            var json = false

            @Option(name: .long, help: "編碼 — encoding: auto, cp950, big5, utf-8, utf-16le.")
            var encoding: EncodingOption = .auto

            func run() throws {
                let log = try BatchRegistrationLog.read(.file(file), encoding: encoding.encoding)
                let output = ByteOutput()
                if json {
                    var object = JSONObjectWriter(output)
                    object.string("file", file)
                    object.string("uploadFile", log.uploadFileName)
                    object.string("stampedAt", log.stampedAt.iso)
                    object.string("startedAt", log.startedAt.iso)
                    object.string("finishedAt", log.finishedAt.iso)
                    object.int("total", log.total)
                    object.int("succeeded", log.succeeded)
                    object.int("failed", log.failed)
                    object.array("entries", log.entries) { item, entry in
                        item.int("record", entry.record)
                        item.string("id", entry.maskedID)
                        switch entry.outcome {
                        case .registered:
                            item.string("outcome", "registered")
                            item.string("reason", nil)
                        case .rejected(let reason):
                            item.string("outcome", "rejected")
                            item.string("reason", reason)
                        }
                        item.string("time", entry.time.iso)
                    }
                    object.close()
                    output.write(byte: 0x0A)
                } else {
                    output.write("上傳檔 upload: \(log.uploadFileName)  上傳時間 stamped: \(log.stampedAt)\n")
                    output.write("執行 run: \(log.startedAt) – \(log.finishedAt)\n")
                    output.write("總共 total \(log.total)  成功 succeeded \(log.succeeded)  失敗 failed \(log.failed)  ✓ 總計一致 totals consistent\n")
                    for entry in log.entries {
                        switch entry.outcome {
                        case .registered: output.write("  第\(entry.record)筆 \(entry.maskedID)  入檔成功 registered\n")
                        case .rejected(let reason): output.write("  第\(entry.record)筆 \(entry.maskedID)  不入檔 rejected: \(reason)\n")
                        }
                    }
                }
                output.flush()
            }
        }
    }
}

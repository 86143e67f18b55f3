import ArgumentParser
import Foundation
import NHICore
import NHIFormats
import NHIService

/// `nhi service dpr import FILE`: the supplementary-premium (DPR) import.
struct ServiceDPRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dpr", abstract: "補充保險費明細申報 — Supplementary-premium (DPR) imports.",
                                                    subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "匯入DPR檔 — Check a DPR file and import its details (idempotent).",
            discussion: """
                The file is checked first (nhi dpr check); when any row fails, nothing is imported and every error is \
                listed with row, field and rule. Each detail is stored once, keyed by its content hash: importing the \
                same file (or the same details again) stores nothing new and reports them as duplicates. \
                JSON: {"file","imported","duplicates","rejected","valid","importID","rows","alreadyImported",\
                "previousImport":{"id","importedAt"}|null,"errors":[{"row","column","line","code","rule","field","message","messageEn","value"}],\
                "warnings":[…]}; imported + duplicates + rejected = rows. Exit status 0 when the file was valid, 1 otherwise.
                """)

        @OptionGroup var options: ServiceOptions
        @Argument(help: "DPR檔 — the file (CSV or fixed-width).") var file: String
        @Option(name: .long, help: "編碼 — encoding: auto, cp950, big5, utf-8.") var encoding: EncodingOption = .auto

        func run() throws {
            let service = try options.service()
            // --system: the counter's import recorded as the service's own job (系統/CLI).
            let caller = try options.callerOrSystem(service)
            let result = try service.supplementary.importDPR(.file(file), options: .init(encoding: encoding.encoding), by: caller)
            let rows = result.imported + result.duplicates + result.rejected
            if options.json {
                let output = ByteOutput()
                var object = JSONObjectWriter(output)
                object.string("file", result.file)
                object.int("imported", result.imported)
                object.int("duplicates", result.duplicates)
                object.int("rejected", result.rejected)
                object.bool("valid", result.isValid)
                object.int("rows", rows)
                object.int("importID", result.importID.map { Int($0) })
                object.bool("alreadyImported", result.previousImport != nil)
                object.object("previousImport", present: result.previousImport != nil) { previous in
                    guard let record = result.previousImport else { return }
                    previous.int("id", Int(record.id))
                    previous.string("importedAt", ISO8601DateFormatter().string(from: record.importedAt))
                }
                object.array("errors", result.errors) { IssueOutput.write($1, into: &$0) }
                object.array("warnings", result.warnings) { IssueOutput.write($1, into: &$0) }
                object.close()
                output.write(byte: 0x0A)
                output.flush()
            } else {
                print("檔案 file: \(result.file)  明細 rows: \(rows)")
                for issue in result.warnings + result.errors { print(IssueOutput.text(issue)) }
                if !result.isValid {
                    print("✗ 檔案有 \(result.errors.count) 項錯誤，整批未匯入 — \(result.errors.count) error(s): nothing was imported (\(result.rejected) rows rejected)")
                } else {
                    print("✓ 匯入 imported: \(result.imported)  重複 duplicates: \(result.duplicates)")
                    if let previous = result.previousImport {
                        print("此檔案已於 \(ROCDate.timestamp(previous.importedAt)) 匯入（第 \(previous.id) 次匯入）；重複明細未再匯入 — this file was already imported (import #\(previous.id)); duplicates were not imported again")
                    } else if result.duplicates > 0 {
                        print("有 \(result.duplicates) 筆明細先前已匯入，未重複匯入 — \(result.duplicates) detail(s) were already imported and were not imported again")
                    }
                }
            }
            if !result.isValid { throw ExitStatus.invalid }
        }
    }
}

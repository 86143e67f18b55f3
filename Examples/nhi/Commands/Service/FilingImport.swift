import ArgumentParser
import Foundation
import NHICore
import NHIService

extension FilingCommand {
    /// `nhi service filing import FILE`: a file of filings in one transaction.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "批次申報 — Import a CSV of filings (enrol, adjust, withdraw) in one transaction.",
            discussion: """
                The file is our documented CSV (UTF-8): kind,id,name,birthDate,amount,date,dependantOf,relation — see \
                FilingImportCSV in the NHIService docs. Every row is checked as a single filing would be; one bad row \
                refuses the whole file. The same file (by SHA-256) is never imported twice. A crash (even kill -9) \
                leaves either the whole file or nothing. JSON: {"file","imported","alreadyImported","batch","sha256"}.
                """)
        @OptionGroup var options: ServiceOptions
        @Argument(help: "申報檔 — the CSV file.") var file: String

        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ServiceError(.filingImportFormat, context: ["file": file], detail: ("無法讀取檔案", "the file cannot be read"))
            }
            let name = (file as NSString).lastPathComponent
            let (result, sha) = try service.filings.importFile(Array(data), fileName: name, by: caller)
            if options.json {
                JSONValue.object([("file", .string(name)), ("imported", .int(result.imported)), ("alreadyImported", .bool(result.alreadyImported)),
                                  ("batch", .int(result.batchID)), ("sha256", .string(sha))]).printLine()
            } else if result.alreadyImported {
                print("此檔案已匯入（批次 \(result.batchID)），未重複匯入 — this file was already imported (batch \(result.batchID)); nothing was imported again")
            } else {
                print("✓ 匯入 \(result.imported) 筆申報（批次 \(result.batchID)）— imported \(result.imported) filings (batch \(result.batchID))")
            }
        }
    }
}

import ArgumentParser
import Foundation
import NHICore
import NHIService

extension StatementKind: ExpressibleByArgument {}

/// `nhi service statements catalogue|request|list|generate|download`: 各類明細表申請及下載.
struct StatementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements",
        abstract: "各類明細表申請及下載 — Request, produce and download the unit's statements.",
        discussion: """
            A request is 尚未產生 (pending) until the statement run (`statements generate`, also run by `convert`) produces it \
            from the data the store holds then; it is then 可下載 (ready). Download writes an Excel-safe CSV (UTF-8 with BOM) \
            or, with --json, {"kind","title","titleEn","unit","month","through","columns","rows"} (each row an array in the columns' order).
            """,
        subcommands: [Catalogue.self, Request.self, List.self, Generate.self, Download.self])

    struct Catalogue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "明細表類別 — Every statement, and why some cannot be produced.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            for kind in StatementKind.allCases {
                if options.json {
                    JSONValue.object([("kind", .string(kind.rawValue)), ("title", .string(kind.title)), ("titleEn", .string(kind.titleEn)),
                                      ("available", .bool(kind.unavailableReason == nil)),
                                      ("reason", .string(kind.unavailableReason?.zh)), ("reasonEn", .string(kind.unavailableReason?.en))]).printLine()
                } else {
                    let note = kind.unavailableReason.map { "  ✗ \($0.zh) — \($0.en)" } ?? ""
                    print("\(kind.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)) \(kind.title) — \(kind.titleEn)\(note)")
                }
            }
        }
    }

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "明細表申請 — Request a statement.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "明細表類別 1, 1.1, 2, 3, 4, 5, 6, G1, W0, W1, W2, J1") var kind: StatementKind
        @Option(help: "申請月份 (ROC yyyMM or YYYY-MM)") var month: String
        @Option(help: "查詢年月迄 (G1 only)") var through: String?
        func run() throws {
            let service = try options.service()
            let request = try service.statements.request(kind, month: try parseMonth(month), through: try through.map(parseMonth),
                                                         by: try options.caller(service))
            printRequests([request], json: options.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "明細表下載作業 — The unit's requests and their status.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            printRequests(try service.statements.requests(unit: caller.unitCode!, by: caller), json: options.json)
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "產生明細表 — Produce every pending statement (the statement run).")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            let count = try options.service().statements.generatePending()
            if options.json { JSONValue.object([("generated", .int(count))]).printLine() } else { print("產生 generated: \(count)") }
        }
    }

    struct Download: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "下載 — Write a ready statement to standard output (CSV, or JSON with --json).")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "申請編號") var id: Int64
        func run() throws {
            let service = try options.service()
            let table = try service.statements.download(id, by: try options.caller(service))
            let output = FileHandle.standardOutput
            if options.json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                struct Out: Encodable {
                    let kind, title, titleEn, unit, month: String
                    let through: String?
                    let columns: [String]
                    let rows: [[String]]
                }
                var data = try encoder.encode(Out(kind: table.kind.rawValue, title: table.title, titleEn: table.titleEn,
                                                  unit: table.unitCode.rawValue, month: table.month.compact, through: table.through?.compact,
                                                  columns: table.columns, rows: table.rows))
                data.append(0x0A)
                try output.write(contentsOf: data)
            } else {
                try output.write(contentsOf: Data(try table.csv()))
            }
        }
    }
}

func printRequests(_ requests: [StatementRequest], json: Bool) {
    if json {
        for r in requests {
            JSONValue.object([("id", .int(r.id)), ("kind", .string(r.kind.rawValue)), ("title", .string(r.kind.title)),
                              ("month", .string(r.month.compact)), ("through", .string(r.through?.compact)),
                              ("status", .string(r.status.rawValue)), ("statusLabel", .string(r.status.label)),
                              ("requestedAt", .string(ISO8601DateFormatter().string(from: r.requestedAt)))]).printLine()
        }
        return
    }
    printTable(header: ["#", "明細表", "查詢年月起", "查詢年月迄", "狀態"],
               rows: requests.map { ["\($0.id)", $0.kind.title, $0.month.compact, $0.through?.compact ?? "", $0.status.label] },
               rightAligned: [0])
}

import ArgumentParser
import Foundation
import NHICore
import NHIGrades

extension TableKind: ExpressibleByArgument {}
extension InsuredCategory: ExpressibleByArgument {}
extension LateFeePayer: ExpressibleByArgument {}
extension SupplementaryExemption: ExpressibleByArgument {}
extension IncomeCode: ExpressibleByArgument {}

/// Options every grade and premium command shares: the date and an extra tables directory.
struct GradeOptions: ParsableArguments {
    @Option(name: .long, help: "日期 Date whose tables and rates apply: YYYY-MM-DD or ROC 115/01/01 (default: today in Taiwan).")
    var on: String?

    @Option(name: .customLong("tables-dir"), help: "額外的分級表目錄 Extra directory of table files merged with the bundled ones.")
    var tablesDir: String?

    /// The date of `--on`, or today in Taiwan.
    func date() throws -> CalendarDate {
        guard let on else { return CalendarDate.today() }
        return try parseDate(on)
    }

    /// The bundled tables, merged with `--tables-dir` when given.
    func tables() throws -> GradeTables {
        guard let tablesDir else { return .bundled }
        return try GradeTables(loadingFrom: URL(fileURLWithPath: tablesDir))
    }
}

/// The one parser of every date option and argument of the CLI: `YYYY-MM-DD` or an ROC
/// date (`1150101`, `115/01/01`, `民國115年1月1日`), by NHICore's rule.
func parseDate(_ text: String) throws -> CalendarDate { try CalendarDate(parsingISOOrROC: text) }

/// Parses an ROC month (`11411`, `114/11`) or a Gregorian one (`2025-11`), by NHICore's rule.
func parseMonth(_ text: String) throws -> ROCMonth { try ROCMonth(parsingISOOrROC: text) }

/// Parses a whole-dollar amount (`29500`, `29,500`, `NT$29,500`).
func parseMoney(_ text: String) throws -> Money { try Money(parsing: Normalizer.text.normalize(text).value) }

/// A rate given as a percentage on the command line: `6`, `6%`, `0.11%`.
func parsePercent(_ text: String) throws -> Rate { try Rate(percent: Normalizer.text.normalize(text).value) }

/// An amount written for people: `29,500`.
func grouped(_ money: Money) -> String { money.grouped }

/// Prints rows as an aligned text table with a header (display-width aware).
func printTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    var widths = header.map(displayWidth)
    for row in rows {
        for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            let pad = String(repeating: " ", count: max(0, widths[index] - displayWidth(cell)))
            return rightAligned.contains(index) ? pad + cell : cell + pad
        }.joined(separator: "  ")
    }
    var lines = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
    lines += rows.map(line)
    // Through `print`, so that it stays in order with the lines around it.
    print(lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(separator: "\n"))
}

import Crypto
import Foundation
import NHICore

/// The filing import file: our own documented CSV (the NHI's batch filing format is not
/// public). UTF-8, one filing per line, an optional header line starting with `kind`:
///
/// ```
/// kind,id,name,birthDate,amount,date,dependantOf,relation
/// enrol,E100000005,陳志明,1990-01-01,36300,2026-11-01
/// enrol,E200000016,陳小安,2018-12-04,,2026-11-01,E100000005,子女
/// adjust,E100000014,,,38200,
/// withdraw,E100000023,,,,2026-11-30
/// ```
///
/// - `kind`: `enrol` (加保), `adjust` (調整投保金額) or `withdraw` (退保, reason 離職).
/// - `date`: the effective date (enrol), the transfer-out date (withdraw); ISO `YYYY-MM-DD`
///   or ROC `yyyMMdd`. `birthDate` likewise.
/// - `amount`: the insured amount (enrol; a dependant's may be empty) or the new amount (adjust).
///
/// Every line is parsed before anything is imported; the errors name the line and the field.
public enum FilingImportCSV {
    /// The column names, in order.
    public static let columns = ["kind", "id", "name", "birthDate", "amount", "date", "dependantOf", "relation"]

    /// Parses the file; throws ``ServiceError/Code/filingImportFormat`` listing the bad
    /// lines (line number, field, rule) when any line is malformed.
    public static func parse(_ text: String) throws(ServiceError) -> [FilingImportRow] {
        var rows: [FilingImportRow] = []
        var problems: [String] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "," }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if lineNumber == 1, fields.first?.lowercased() == "kind" { continue }
            do {
                rows.append(try row(fields))
            } catch let problem as RowProblem {
                problems.append("第\(lineNumber)列 line \(lineNumber) \(problem.field): \(problem.rule)")
            } catch {
                problems.append("第\(lineNumber)列 line \(lineNumber): \(error)")
            }
        }
        guard problems.isEmpty else {
            throw ServiceError(.filingImportFormat, context: ["lines": problems.prefix(20).joined(separator: "; "), "count": "\(problems.count)"],
                               detail: (problems.prefix(5).joined(separator: "；"), problems.prefix(5).joined(separator: "; ")))
        }
        return rows
    }

    struct RowProblem: Error {
        let field: String
        let rule: String
    }

    private static func row(_ f: [String]) throws -> FilingImportRow {
        guard f.count >= 6, f.count <= 8 else { throw RowProblem(field: "columns", rule: "6–8 欄 columns expected, got \(f.count)") }
        let id = try parse("id") { try PersonalID(parsing: Normalizer.identifier.normalize(f[1]).value) }
        switch f[0].lowercased() {
        case "enrol", "加保":
            let name = try parse("name") { try PersonName(f[2]) }
            let birth = try parse("birthDate") { try date(f[3]) }
            let effective = try parse("date") { try date(f[5]) }
            var role = InsuredRole.insured
            if f.count >= 7, !f[6].isEmpty {
                let principal = try parse("dependantOf") { try PersonalID(parsing: Normalizer.identifier.normalize(f[6]).value) }
                let relation = try parse("relation") { try DependantRelation(parsing: f.count == 8 ? f[7] : "") }
                role = .dependant(of: principal, relation: relation)
            }
            let amount = f[4].isEmpty && role != .insured ? Money(0) : try parse("amount") { try Money(parsing: f[4]) }
            return .enrol(EnrolmentRequest(role: role, personID: id, name: name, birthDate: birth, effectiveDate: effective,
                                           insuredAmount: amount))
        case "adjust", "調整":
            return .adjust(SalaryAdjustmentRequest(personID: id, newAmount: try parse("amount") { try Money(parsing: f[4]) }))
        case "withdraw", "退保":
            return .withdraw(WithdrawalRequest(personID: id, reason: .leftJob, transferOutDate: try parse("date") { try date(f[5]) }))
        default:
            throw RowProblem(field: "kind", rule: "enrol | adjust | withdraw")
        }
    }

    private static func parse<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any CodedError {
            throw RowProblem(field: field, rule: "[\(error.errorCode)] \(error.message) / \(error.messageEn)")
        } catch {
            throw RowProblem(field: field, rule: "\(error)")
        }
    }

    private static func date(_ text: String) throws -> CalendarDate {
        if text.count == 10, text.dropFirst(4).first == "-" { return try CalendarDate(iso: text) }
        return try ROCDate(parsing: text).gregorian
    }
}

extension NHIService.Filings {
    /// Imports a ``FilingImportCSV`` file: parsed whole first, then ``importBatch(_:fileName:sha256:by:)``
    /// keyed on the SHA-256 of `bytes` (the same file twice imports nothing the second time).
    public func importFile(_ bytes: [UInt8], fileName: String, by caller: Caller) throws(ServiceError) -> (result: FilingImportResult, sha256: String) {
        let rows = try FilingImportCSV.parse(String(decoding: bytes, as: UTF8.self))
        let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return (try importBatch(rows, fileName: (fileName as NSString).lastPathComponent, sha256: sha, by: caller), sha)
    }

    /// Checks a ``FilingImportCSV`` file without storing anything: every refused row (第N筆,
    /// the header not counted) with the rule it broke. A file that cannot be parsed throws.
    public func checkFile(_ bytes: [UInt8], by caller: Caller) throws(ServiceError) -> [FilingImportRejection] {
        try checkBatch(try FilingImportCSV.parse(String(decoding: bytes, as: UTF8.self)), by: caller)
    }
}

// modules: NHICore NHIFormats
// Fuzzes the roster reader. Invariants checked on every input:
// - no crash, no hang, whatever the bytes;
// - every non-blank input line is either a row or an error: the CSV records that are not
//   blank are the header (at most one) and the rows, and every row is a person, a
//   duplicate (warning) or has an error — nothing is dropped silently (an undecodable byte
//   is an error, never a blank row);
// - the ID-only fast load counts the same rows and knows every person the full read found;
// - a valid roster converts, and the converted file reads back to the same people.
@testable import NHICore
@testable import NHIFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let input = ByteInput.bytes(bytes, name: "roster.csv")
    var people: [InForceRosterEntry] = []
    let scanned: InForceRoster.ScanResult
    do {
        scanned = try InForceRoster.scan(input) { people.append($0) }
    } catch {
        // Only an unknown header row throws, and then nothing else is reported.
        precondition(error.code == .rosterMissingIDColumn, "unexpected throw: \(error.code)")
        return 0
    }
    let summary = scanned.summary
    precondition(summary.people == people.count)

    // Independent count of the non-blank records.
    let (records, _) = try! CSVReader.readAll(input)
    let nonBlank = records.filter { !$0.isBlank }
    let hasHeader = nonBlank.count == summary.rows + 1
    precondition(nonBlank.count == summary.rows || hasHeader, "non-blank records \(nonBlank.count), rows \(summary.rows): a row was dropped")
    if summary.rows == 0 { precondition(scanned.errors.issues.contains { $0.code == .fileNoRows }, "no rows without file.noRows") }
    if scanned.errors.omitted.isEmpty && scanned.warnings.omitted.isEmpty {
        let errorRows = Set(scanned.errors.issues.filter { $0.row != 0 }.map(\.row))
        precondition(summary.people + summary.warningCount + errorRows.count == summary.rows,
                     "rows \(summary.rows) ≠ people \(summary.people) + duplicates \(summary.warningCount) + rows with errors \(errorRows.count)")
    }
    for issue in scanned.errors.issues + scanned.warnings.issues where issue.row != 0 {
        precondition(issue.row >= 1 && issue.error.line != nil, "issue without a place")
    }

    // The fast ID load agrees.
    let ids = try! InForceRoster.loadIDs(from: input)
    precondition(ids.rows == summary.rows, "loadIDs counts \(ids.rows) rows, scan \(summary.rows)")
    for person in people { precondition(ids.ids.contains(person.id), "loadIDs lost a person") }

    // A valid roster converts and reads back the same.
    guard summary.isValid else { return 0 }
    guard let converted = try? InForceRoster.convert(input, to: .memory, options: .init(encoding: .utf8, protectFormulas: true, numericColumns: [5])),
          converted.result.summary.isValid else { return 0 }
    var again: [InForceRosterEntry] = []
    let back = try! InForceRoster.scan(.bytes(converted.bytes, name: "converted.csv"), encoding: .utf8) { again.append($0) }
    precondition(back.summary.isValid && again == people, "the converted roster reads back differently")
    return 0
}

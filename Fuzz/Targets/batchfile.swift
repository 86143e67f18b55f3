// modules: NHICore NHIFormats
// Fuzzes the batch registration checker, its repair, and the result log. Invariants
// checked on every input:
// - no crash, no hang, whatever the bytes (any encoding, any layout);
// - the byte-level fast path and the reference path give the same report;
// - the counts add up (valid + invalid = rows) and every issue has a place: a row and
//   column ≥ 1, or row 0 for the file as a whole, and a line for every row issue;
// - values in the ID column are masked;
// - malformed input (broken CSV syntax, undecodable bytes) always yields an error;
// - a repair never makes a valid row invalid: re-checking the repaired file finds at
//   least as many valid rows, and no warning that a repair would have fixed;
// - the result log built from the rows parses back to the same totals.
@testable import NHICore
@testable import NHIFormats

let rosterIDs = ["A123456789", "F131104093", "A800000014"]
let roster = InForceIDSet(rosterIDs.map { try! PersonalID(parsing: $0) })
let rosterFile = ByteInput.bytes(Array(("身分證號\r\n" + rosterIDs.joined(separator: "\r\n")).utf8), name: "roster.csv")
let at = try! LocalDateTime(date: CalendarDate(year: 2016, month: 7, day: 13), hour: 11, minute: 56, second: 45)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let useRoster = size > 0 && bytes[size - 1] & 1 == 1
    var options = BatchRegistrationChecker.Options(roster: useRoster ? roster : nil, fileName: "")
    guard let fast = try? BatchRegistrationChecker(options).check(.bytes(bytes)) else { return 0 }
    // The reference path, with every row's outcome (a callback turns the fast path off).
    options.referencePathOnly = true
    var outcomes: [BatchRowOutcome] = []
    let reference = try! BatchRegistrationChecker(options).check(.bytes(bytes)) { (outcome: BatchRowOutcome) throws(FormatError) in
        outcomes.append(outcome)
    }
    precondition(fast == reference, "fast path and reference path disagree")
    precondition(fast.errors.map(\.message) == reference.errors.map(\.message))
    precondition(fast.valid + fast.invalid == fast.rows)
    for issue in fast.errors + fast.warnings {
        if issue.row == 0 { continue }
        precondition(issue.row >= 1 && issue.column >= 0 && issue.error.line != nil, "issue without a place")
        if issue.column == 1, let value = issue.value, value.count >= 10 { precondition(value.hasSuffix("****"), "unmasked ID") }
    }
    if !fast.isRepairable { precondition(!fast.errors.isEmpty, "broken input without an error") }
    if useRoster {
        // The roster loading on another thread while the file is read: the same report.
        let (concurrent, _) = try! BatchRegistrationChecker(.init(fileName: "")).check(.bytes(bytes), rosterFile: rosterFile)
        precondition(concurrent == fast, "the concurrent roster gives another report")
    }

    // Outcomes in order, and the log built from them.
    precondition(outcomes.count == fast.rows && outcomes.filter(\.isValid).count == fast.valid)
    precondition(outcomes.allSatisfy { $0.isValid == ($0.entry != nil) })
    let log = try! BatchRegistrationLog(uploadFileName: "1100010001050801.csv", stampedAt: at, startedAt: at, finishedAt: at,
                                        entries: BatchRegistrationLog.entries(from: outcomes, at: at))
    for list in [false, true] {
        let parsed = try! BatchRegistrationLog(parsing: log.text(.init(listRegistered: list)), fileName: log.fileName)
        precondition(parsed.total == fast.rows && parsed.failed == fast.invalid && parsed.succeeded == fast.valid)
    }

    // Repair, then check again (for one input in four: the checks above dominate the value,
    // and this keeps the target fast enough for millions of inputs).
    guard fast.isRepairable, (size + Int(bytes.first ?? 0)) % 4 == 0 else { return 0 }
    let repaired: BatchRegistrationRepair.Result
    do {
        repaired = try BatchRegistrationRepair.repair(.bytes(bytes), checker: BatchRegistrationChecker(.init(fileName: "")), to: .memory,
                                                     options: .init(encoding: .utf8))
    } catch {
        preconditionFailure("repair of a repairable file failed: \(error)")
    }
    precondition(repaired.rowsWritten == fast.rows)
    // The repaired file is in the original's layout (its first row may no longer tell).
    let again = try! BatchRegistrationChecker(.init(encoding: .utf8, variant: fast.variant, fileName: "")).check(.bytes(repaired.bytes))
    precondition(again.valid >= fast.valid, "a repair made a valid row invalid")
    let invalidRows = Set(again.errors.map(\.row))
    for warning in again.warnings where warning.row != 0 && warning.suggestion != nil {
        precondition(invalidRows.contains(warning.row), "a repairable warning survived the repair on a valid row")
    }
    return 0
}

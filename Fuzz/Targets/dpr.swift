// modules: NHICore NHIFormats
// Fuzzes the DPR reader (CSV and fixed-width forms). Invariants checked on every input:
// - no crash, no hang, whatever the bytes, in either form and with detection;
// - every non-blank, non-comment line of the fixed-width form is a record (a row or an
//   error), none is dropped;
// - every error has a place (row ≥ 1 with a line, or row 0 for the file) and the report's
//   counts are consistent (listed + omitted = counted; a valid file has no error);
// - a valid file converts to CSV and fixed-width and reads back to the same details and
//   content hashes, and no CSV cell it writes would run as an Excel formula.
@testable import NHICore
@testable import NHIFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let input = ByteInput.bytes(bytes, name: "")
    for form in [nil, DPRFileName.Form.csv, .fixedWidth] {
        let reader = DPRReader(.init(form: form, fileName: ""))
        guard let report = try? reader.check(input) else { continue }
        let listed = report.errors.count
        precondition(listed + report.omittedErrors.values.reduce(0, +) == report.errorCount, "error counts do not add up")
        precondition(report.isValid == (report.errorCount == 0 && report.unit != nil))
        for issue in report.errors where issue.row != 0 {
            precondition(issue.row >= 1 && issue.error.line != nil && issue.error.line! >= 1, "issue without a place")
        }
        if report.form == .fixedWidth { checkEveryLineIsARecord(bytes, report) }
        if let file = report.dprFile { roundTrip(file) }
    }
    return 0
}

/// Counts the lines a fixed-width reading must turn into records, independently of the
/// reader, and compares with what the reader delivered.
func checkEveryLineIsARecord(_ bytes: [UInt8], _ report: DPRCheckReport) {
    var expected = 0
    var start = 0
    var body = bytes[...]
    if report.encoding.byteOrderMark, let (_, bom) = bytes.withUnsafeBufferPointer({ EncodingDetection.byteOrderMark(in: $0) }) {
        body = bytes[bom...]
        start = bom
    }
    while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var line = body[start..<end]
        if line.last == 0x0D { line = line.dropLast() }
        if !line.isEmpty && line.first != 0x2A && !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { expected += 1 }
        start = end + 1
    }
    var delivered = 0
    try! DPRReader.fixedWidthRecords(.bytes(bytes), detection: report.encoding) { _ in
        delivered += 1
        return true
    }
    precondition(delivered == expected, "fixed-width: \(expected) non-blank lines, \(delivered) records")
}

/// A valid file written in both forms reads back to the same details; no written CSV cell
/// starts like a formula.
func roundTrip(_ file: DPRFile) {
    let hashes = file.contentHashes
    guard let csv = try? DPRWriter.writeCSV(file, to: .memory, options: .init(encoding: .utf8)) else { return }
    let back = try! DPRReader(.init(encoding: .utf8, form: .csv, fileName: "")).check(.bytes(csv))
    precondition(back.isValid && back.dprFile?.contentHashes == hashes, "CSV round trip changed the file: \(back.errors.map(\.messageEn))")
    let (records, _) = try! CSVReader.readAll(.bytes(csv), encoding: .utf8, dialect: CSVDialect(commentMarker: "*"))
    for record in records {
        for field in record.fields { precondition(!ExcelFormulaGuard.needsProtection(field), "a live formula in the CSV: \(field)") }
    }
    guard let fixed = try? DPRWriter.writeFixedWidth(file, to: .memory, encoding: .utf8) else { return }
    let fixedBack = try! DPRReader(.init(encoding: .utf8, form: .fixedWidth, fileName: "")).check(.bytes(fixed))
    precondition(fixedBack.isValid && fixedBack.dprFile?.contentHashes == hashes, "fixed-width round trip changed the file")
}

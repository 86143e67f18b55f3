// modules: NHICore NHIFormats
// Fuzzes the streaming CSV reader and writer. Invariants checked on every input:
// - no crash, no hang, whatever the bytes;
// - the records (raw field bytes) and their syntax problems are exactly those of a small,
//   obviously-correct reference tokenizer that reads the whole input at once: malformed
//   input (stray quote, text after a closing quote, unterminated quote) always yields an
//   error on the record where it happens;
// - reading in chunks of any size gives the same records as reading at once;
// - every record's problems carry a line and a column (1-based);
// - decoded fields written with CSVWriter and read back are unchanged.
@testable import NHIFormats

/// The reference: RFC 4180 plus the reader's documented leniency, byte by byte, no chunks.
struct ReferenceRecord: Equatable {
    var fields: [[UInt8]] = []
    var problems: Set<String> = []
}

func reference(_ input: [UInt8]) -> [ReferenceRecord] {
    var records: [ReferenceRecord] = []
    var record = ReferenceRecord()
    var field: [UInt8] = []
    var i = 0
    var started = false
    func endField() { record.fields.append(field); field = [] }
    func endRecord() { endField(); records.append(record); record = ReferenceRecord(); started = false }
    while i < input.count {
        started = true
        if input[i] == 0x22 {
            // Quoted field.
            i += 1
            var closed = false
            while i < input.count {
                if input[i] == 0x22 {
                    if i + 1 < input.count && input[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    closed = true
                    i += 1
                    break
                }
                field.append(input[i])
                i += 1
            }
            if !closed { record.problems.insert("csv.unterminatedQuote"); endRecord(); return records }
            // After the closing quote: delimiter, line end, end, or text (kept, reported).
            var reported = false
            while i < input.count && input[i] != 0x2C && input[i] != 0x0A && input[i] != 0x0D {
                if !reported { record.problems.insert("csv.textAfterQuote"); reported = true }
                if input[i] == 0x22 { record.problems.insert("csv.strayQuote") }
                field.append(input[i])
                i += 1
            }
        } else {
            while i < input.count && input[i] != 0x2C && input[i] != 0x0A && input[i] != 0x0D {
                if input[i] == 0x22 { record.problems.insert("csv.strayQuote") }
                field.append(input[i])
                i += 1
            }
        }
        if i == input.count { endRecord(); return records }
        switch input[i] {
        case 0x2C:
            endField()
            i += 1
            if i == input.count { endRecord(); return records }
        case 0x0D:
            endRecord()
            i += 1
            if i < input.count && input[i] == 0x0A { i += 1 }
        default:
            endRecord()
            i += 1
        }
    }
    if started { endRecord() }
    return records
}

func readRaw(_ bytes: [UInt8], chunk: Int) -> [ReferenceRecord] {
    // ASCII-compatible reading of the raw bytes (UTF-8 forced, so no transcoding).
    let reader = try! CSVReader(.bytes(bytes), encoding: .utf8, chunkSize: chunk)
    var out: [ReferenceRecord] = []
    while try! reader.nextRaw() {
        var record = ReferenceRecord()
        for k in 0..<reader.fieldCount { record.fields.append(Array(reader.rawField(k))) }
        for problem in reader.recordProblems {
            precondition(problem.line != nil && problem.line! >= 1 && problem.column != nil && problem.column! >= 1, "problem without a place")
            record.problems.insert(problem.code.rawValue)
        }
        out.append(record)
    }
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Byte-order marks are the reader's business, not the reference's: compare the rest.
    while bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
        bytes.removeFirst(bytes[0] == 0xEF ? 3 : 2)
    }

    let expected = reference(bytes)
    let whole = readRaw(bytes, chunk: 1 << 20)
    precondition(whole == expected, "reader and reference disagree")
    let chunk = 1 + Int((bytes.first ?? 0) % 13)
    precondition(readRaw(bytes, chunk: chunk) == whole, "chunked reading differs")

    // Decoding with detection must not crash; decoded fields round-trip through the writer.
    if let reader = try? CSVReader(.bytes(Array(UnsafeBufferPointer(start: data, count: size))), chunkSize: 64) {
        var decoded: [[String]] = []
        while let record = try? reader.next() {
            for problem in record.problems { precondition(problem.line != nil && problem.column != nil) }
            if record.problems.isEmpty { decoded.append(record.fields) }
        }
        if let writer = try? CSVWriter(.memory, options: CSVWriteOptions(encoding: .utf8, lineEnding: .crlf)) {
            for fields in decoded { try! writer.write(fields) }
            let written = try! writer.finish()
            let back = try! CSVReader(.bytes(written), encoding: .utf8)
            var index = 0
            while let record = try! back.next() {
                precondition(record.problems.isEmpty, "written CSV reads back with problems")
                precondition(record.fields == decoded[index], "written CSV reads back differently")
                index += 1
            }
            precondition(index == decoded.count, "record count changed in the round trip")
        }
    }
    return 0
}

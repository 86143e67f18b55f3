import Foundation
import Testing
@testable import NHIFormats

@Suite("CSV writer")
struct CSVWriterTests {
    static let rows = [["身分證號", "姓名"], ["A123456789", "王, \"小明\""], ["B1", "line\nbreak"], ["", " padded "], ["碁", "中文"]]

    @Test("Every encoding and line ending reads back to the same fields",
          arguments: [TextEncoding.cp950, .big5, .utf8, .utf16LittleEndian, .utf16BigEndian], [LineEnding.crlf, .lf, .cr])
    func roundTrip(_ encoding: TextEncoding, _ ending: LineEnding) throws {
        let options = CSVWriteOptions(encoding: encoding, byteOrderMark: !encoding.isBig5Family, lineEnding: ending)
        let bytes = try CSVWriter(.memory, options: options).writeAndFinish(Self.rows)
        let read = try records(bytes)
        #expect(read.map(\.fields) == Self.rows)
        #expect(read.allSatisfy { $0.problems.isEmpty })
    }

    @Test("Quoting is minimal unless asked for")
    func quoting() throws {
        let bytes = try CSVWriter(.memory, options: CSVWriteOptions(encoding: .utf8, lineEnding: .lf)).writeAndFinish([["a", "b,c", "d\"e", " f"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "a,\"b,c\",\"d\"\"e\",\" f\"\n")
        let all = try CSVWriter(.memory, options: CSVWriteOptions(encoding: .utf8, lineEnding: .lf, quoteAll: true)).writeAndFinish([["a", ""]])
        #expect(String(decoding: all, as: UTF8.self) == "\"a\",\"\"\n")
    }

    @Test("Formula injection: text cells starting with = + - @ get a leading apostrophe; own numbers do not")
    func formulaGuard() throws {
        let options = CSVWriteOptions(encoding: .utf8, lineEnding: .lf, protectFormulas: true, numericColumns: [2])
        let bytes = try CSVWriter(.memory, options: options).writeAndFinish([["=HYPERLINK(\"x\")", "+1", "-500", "@SUM(A1)", "-x", "ok"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "\"'=HYPERLINK(\"\"x\"\")\",'+1,-500,'@SUM(A1),'-x,ok\n")
        #expect(ExcelFormulaGuard.unprotect("'=1+1") == "=1+1")
        #expect(ExcelFormulaGuard.unprotect("'abc") == "'abc")
        for text in ["=1", "+1", "-1", "@a", "\tx", "\rx"] { #expect(ExcelFormulaGuard.needsProtection(text)) }
        #expect(!ExcelFormulaGuard.needsProtection("A123456789"))
    }

    @Test("Writing a file is atomic: nothing appears when writing fails")
    func atomic() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("out.csv")
        do {
            let writer = try CSVWriter(.file(path))
            try writer.write(["ok"])
            #expect(throws: FormatError(.encodingUnencodable)) { try writer.write(["😀"]) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        let good = try CSVWriter(.file(path))
        try good.write(["中文"])
        try good.finish()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == [0xA4, 0xA4, 0xA4, 0xE5, 0x0D, 0x0A])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["out.csv"])
    }
}

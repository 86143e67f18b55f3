import Testing
@testable import NHIFormats

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("RFC 4180: quoted commas, doubled quotes, line breaks inside quotes")
    func quoting() throws {
        let text = "a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x,\"\"\r\n"
        let rows = try records(text.utf8Bytes)
        #expect(rows.map(\.fields) == [["a", "b,c", "d\"e"], ["multi\nline", "x", ""]])
        #expect(rows.map(\.row) == [1, 2])
        #expect(rows.map(\.line) == [1, 2], "the second record starts on line 2")
        #expect(rows.allSatisfy { $0.problems.isEmpty })
    }

    @Test("CRLF, LF and CR line endings give the same records", arguments: ["\r\n", "\n", "\r"])
    func lineEndings(_ newline: String) throws {
        let text = ["A123456789,a@b.tw", "", "x,\"y\(newline)z\""].joined(separator: newline) + newline
        let rows = try records(text.utf8Bytes)
        #expect(rows.map(\.fields) == [["A123456789", "a@b.tw"], [""], ["x", "y\(newline)z"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test("No final line ending, empty input, a lone trailing CR")
    func edges() throws {
        #expect(try records("a,b".utf8Bytes).map(\.fields) == [["a", "b"]])
        #expect(try records([]).isEmpty)
        #expect(try records("a\r".utf8Bytes).map(\.fields) == [["a"]])
        #expect(try records("a,".utf8Bytes).map(\.fields) == [["a", ""]])
    }

    @Test("Ragged rows are kept as they are")
    func ragged() throws {
        let rows = try records("a,b,c\nd\ne,f,g,h\n".utf8Bytes)
        #expect(rows.map(\.fields.count) == [3, 1, 4])
    }

    @Test("Broken quoting is reported with line and column, and the record is kept")
    func brokenQuotes() throws {
        let rows = try records("ok,fine\nab\"c,d\n\"x\"y,z\nlast,\"open\nstill open".utf8Bytes)
        #expect(rows.count == 4)
        #expect(rows[1].fields == ["ab\"c", "d"])
        #expect(rows[1].problems.map(\.code) == [.csvStrayQuote])
        #expect(rows[1].problems.first?.line == 2 && rows[1].problems.first?.column == 1)
        #expect(rows[2].fields == ["xy", "z"])
        #expect(rows[2].problems.map(\.code) == [.csvTextAfterQuote])
        #expect(rows[3].problems.map(\.code) == [.csvUnterminatedQuote])
        #expect(rows[3].problems.first?.line == 4, "the line of the opening quote")
        #expect(rows[3].problems.first?.column == 2)
        #expect(rows[3].fields == ["last", "open\nstill open"])
    }

    @Test("Chunk boundaries anywhere give the same records", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(_ size: Int) throws {
        let text = "A123456789,\"q\"\"uote\",x\r\n\"a\r\nb\",,\r\n,,\rlast,\"x\"y\n中文,碁\r\n"
        let whole = try records(Array(text.utf8))
        let chunked = try records(Array(text.utf8), chunkSize: size)
        #expect(chunked == whole)
        #expect(chunked.map(\.fields) == whole.map(\.fields))
        #expect(chunked.map(\.line) == whole.map(\.line))
    }

    @Test("A record longer than the limit is cut and reported, and reading resynchronises")
    func recordTooLong() throws {
        let long = String(repeating: "x", count: 100)
        let rows = try records(("a," + long + "\nnext,row\n").utf8Bytes, dialect: CSVDialect(maxRecordBytes: 32))
        #expect(rows.count == 2)
        #expect(rows[0].problems.map(\.code) == [.csvRecordTooLong])
        #expect(rows[0].fields[1].count == 31)
        #expect(rows[1].fields == ["next", "row"])
    }

    @Test("An unterminated quote in a huge input stays within the record limit")
    func unterminatedQuoteMemory() throws {
        var bytes = Array("a,\"".utf8)
        bytes += [UInt8](repeating: 0x41, count: 3_000_000)
        let rows = try records(bytes, dialect: CSVDialect(maxRecordBytes: 1 << 16))
        #expect(rows.count == 1)
        #expect(Set(rows[0].problems.map(\.code)) == [.csvRecordTooLong, .csvUnterminatedQuote])
        #expect(rows[0].fields[1].utf8.count < 1 << 16)
    }

    @Test("Too many fields are reported")
    func tooManyFields() throws {
        let rows = try records(String(repeating: "a,", count: 20).utf8Bytes, dialect: CSVDialect(maxFields: 8))
        #expect(rows[0].problems.map(\.code) == [.csvTooManyFields])
        #expect(rows[0].fields.count == 8)
    }

    @Test("Comment lines are skipped but still count as rows")
    func comments() throws {
        let rows = try records("*note, with \"quote\nA,1\n*another\r\nB,2\n".utf8Bytes, dialect: CSVDialect(commentMarker: "*"))
        #expect(rows.map(\.fields) == [["A", "1"], ["B", "2"]])
        #expect(rows.map(\.row) == [2, 4])
        #expect(rows.map(\.line) == [2, 4])
    }

    @Test("Semicolon and tab delimiters")
    func delimiters() throws {
        #expect(try records("a;b;\"c;d\"\n".utf8Bytes, dialect: CSVDialect(delimiter: ";")).map(\.fields) == [["a", "b", "c;d"]])
        #expect(try records("a\tb,c\n".utf8Bytes, dialect: CSVDialect(delimiter: "\t")).map(\.fields) == [["a", "b,c"]])
    }

    @Test("Blank records")
    func blank() throws {
        let rows = try records(",,,\n , \u{3000},\nx,,\n".utf8Bytes)
        #expect(rows.map(\.isBlank) == [true, true, false])
    }

    @Test("Byte offsets point at the record")
    func offsets() throws {
        let rows = try records("ab,c\r\nde,f\n".utf8Bytes)
        #expect(rows.map(\.byteOffset) == [0, 6])
    }

    @Test("A file that cannot be opened is a file.open error")
    func missingFile() {
        #expect(throws: FormatError(.fileOpen)) { try CSVReader(.file("/nonexistent/nope.csv")) }
    }
}

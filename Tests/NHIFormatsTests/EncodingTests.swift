import Foundation
import Testing
@testable import NHIFormats

@Suite("Encodings")
struct EncodingTests {
    /// 碁 is F9 D6 in CP950 (an ETEN extension strict Big5 lacks); 中文 is A4 A4 A4 E5.
    static let big5Sample: [UInt8] = [0xA4, 0xA4, 0xA4, 0xE5, 0x2C, 0xF9, 0xD6, 0x0D, 0x0A]

    @Test("CP950 text, ETEN characters included, decodes exactly")
    func cp950() throws {
        let rows = try records(Self.big5Sample)
        #expect(rows.map(\.fields) == [["中文", "碁"]])
        let reader = try CSVReader(.bytes(Self.big5Sample))
        _ = try reader.next()
        #expect(reader.detection.encoding == .cp950)
        #expect(reader.detection.basis == .notUTF8)
    }

    @Test("Detection: BOMs, UTF-16 without BOM, UTF-8, CP950, ASCII")
    func detection() {
        func detect(_ bytes: [UInt8]) -> EncodingDetection {
            bytes.withUnsafeBufferPointer { EncodingDetection.detect($0, isWholeInput: true) }
        }
        #expect(detect([0xEF, 0xBB, 0xBF, 0x41]) == EncodingDetection(encoding: .utf8, byteOrderMark: true, basis: .byteOrderMark))
        #expect(detect([0xFF, 0xFE, 0x41, 0x00]).encoding == .utf16LittleEndian)
        #expect(detect([0xFE, 0xFF, 0x00, 0x41]).encoding == .utf16BigEndian)
        #expect(detect(Array("A,B,C,D,E\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })).basis == .utf16Pattern)
        #expect(detect(Array("中文,x".utf8)).encoding == .utf8)
        #expect(detect(Self.big5Sample).encoding == .cp950)
        #expect(detect(Array("A123456789,a@b.tw".utf8)).reportedName == "ascii")
        // A UTF-8 character cut by the end of a partial sample still counts as UTF-8.
        let cut = Array("中文".utf8).dropLast()
        #expect(Array(cut).withUnsafeBufferPointer { EncodingDetection.detect($0, isWholeInput: false) }.encoding == .utf8)
    }

    @Test("ASCII so far: the first non-ASCII field decides")
    func lateDecision() throws {
        var bytes = Array(repeating: Array("A123456789,a@b.tw\n".utf8), count: 10).flatMap { $0 }
        bytes += Array("中文,x\n".utf8)
        let reader = try CSVReader(.bytes(bytes), chunkSize: 64)
        #expect(reader.detection.basis == .asciiOnly)
        var last: CSVRecord?
        while let record = try reader.next() { last = record }
        #expect(last?.fields == ["中文", "x"])
        #expect(reader.detection.encoding == .utf8)
    }

    @Test("UTF-16LE with BOM, surrogate pairs included")
    func utf16() throws {
        let text = "身分證號,𠀀\r\nA123456789,碁\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        for chunk in [3, 5, 1 << 20] {
            let reader = try CSVReader(.bytes(bytes), chunkSize: chunk)
            var rows: [[String]] = []
            while let record = try reader.next() { rows.append(record.fields) }
            #expect(rows == [["身分證號", "𠀀"], ["A123456789", "碁"]], "chunk \(chunk)")
            #expect(reader.detection.encoding == .utf16LittleEndian)
        }
    }

    @Test("An undecodable byte is an error at its row and column, never replaced")
    func undecodable() throws {
        let bytes: [UInt8] = Array("ok,fine\r\nA1,".utf8) + [0x61, 0x81, 0x20, 0x62] + Array(",x\r\n".utf8)
        let rows = try records(bytes, encoding: .cp950)
        let problem = try #require(rows[1].problems.first)
        #expect(problem.code == .encodingUndecodable)
        #expect(problem.row == 2 && problem.column == 2 && problem.line == 2)
        #expect(problem.detailEn?.contains("byte 2") == true)
        #expect(problem.detailEn?.contains("81 20") == true)
        #expect(rows[1].fields[1] == "", "the field is not replaced by a guess")
        #expect(rows[1].fields[2] == "x")
    }

    @Test("Invalid UTF-8 and an unpaired UTF-16 surrogate are reported")
    func invalidUnicode() throws {
        let utf8 = try records([0xEF, 0xBB, 0xBF] + Array("a,".utf8) + [0xC3, 0x28] + [0x0A])
        #expect(utf8[0].problems.map(\.code) == [.encodingUndecodable])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit: UInt16 in [0x61, 0x2C, 0xD800, 0x62, 0x0A] { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let rows = try records(utf16)
        #expect(rows[0].fields[0] == "a")
        #expect(rows[0].problems.first?.code == .encodingUndecodable)
        #expect(rows[0].problems.first?.detailEn?.contains("U+D800") == true)
        #expect(rows[0].problems.first?.column == 2)
    }

    @Test("A byte-order mark that contradicts the named encoding is an error")
    func bomMismatch() {
        #expect(throws: FormatError(.encodingBOMMismatch)) {
            try CSVReader(.bytes([0xFF, 0xFE, 0x41, 0x00]), encoding: .cp950)
        }
    }

    @Test("Encoding names the CLI accepts")
    func names() {
        #expect(TextEncoding(name: "CP950") == .cp950)
        #expect(TextEncoding(name: "big5") == .big5)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "UTF-16LE") == .utf16LittleEndian)
        #expect(TextEncoding(name: "latin1") == nil)
    }

    @Test("CP950 encoding: Big5 characters and ETEN extensions; others are errors")
    func encoding() throws {
        let bytes = try CSVWriter(.memory, options: .excelBig5).writeAndFinish([["中文", "碁"]])
        #expect(bytes == [0xA4, 0xA4, 0xA4, 0xE5, 0x2C, 0xF9, 0xD6, 0x0D, 0x0A])
        #expect(throws: FormatError(.encodingUnencodable)) {
            try CSVWriter(.memory, options: .excelBig5).writeAndFinish([["ok"], ["x", "😀"]])
        }
        do {
            _ = try CSVWriter(.memory, options: .excelBig5).writeAndFinish([["ok"], ["x", "😀"]])
        } catch {
            #expect(error.row == 2 && error.column == 2)
        }
    }
}

extension CSVWriter {
    /// Writes rows and finishes.
    func writeAndFinish(_ rows: [[String]]) throws(FormatError) -> [UInt8] {
        for row in rows { try write(row) }
        return try finish()
    }
}

import Foundation
import Testing
import NHICore
@testable import NHIFormats

@Suite("DPR supplementary-premium files")
struct DPRTests {
    /// Code 62 (SPEC §10): premium = 2.11 % of the part of this payment that takes the
    /// year's bonuses above 4 × the insured amount. A test-local rule, as the service would
    /// plug in NHIGrades.
    static let bonusPremium: @Sendable (DPRDetailRecord, DPRIncomeCode) -> Money? = { detail, code in
        guard code == .bonus, case .bonus(_, let insured, let ytd, _) = detail.codeFields else { return nil }
        let above = max(0, ytd.amount - 4 * insured.amount)
        let before = max(0, ytd.amount - detail.amount.amount - 4 * insured.amount)
        return Money.roundHalfUp(numerator: (above - before) * 211, denominator: 10_000)
    }

    @Test("The CSV form: comments, U+3000 padding, totals checked, code 62 fields", arguments: ["DPR045952571150301001.csv", "DPR220991311140401001.csv"])
    func csv(_ name: String) throws {
        let expected = try #require(Vectors.expected[name])
        let report = try DPRReader(.init(expectedPremium: Self.bonusPremium)).check(.file(Vectors.path("dpr/" + name)))
        #expect(report.errors.isEmpty, "\(report.errors.map(\.messageEn))")
        #expect(report.isValid == (expected["valid"] as! Bool))
        #expect(report.encoding.encoding == .cp950)
        #expect(report.form == .csv)
        let unit = try #require(report.unit)
        #expect(unit.incomeCode.rawValue == expected["incomeCode"] as! String)
        #expect(unit.totalPaid.amount == Int64(expected["totalPaid"] as! Int))
        #expect(unit.totalPremium.amount == Int64(expected["totalPremium"] as! Int))
        #expect(report.details.count == expected["details"] as! Int)
        #expect(!unit.payerName.hasSuffix("\u{3000}"), "padding removed")
        #expect(report.fileName != nil && report.warnings.isEmpty)
    }

    @Test("SPEC §10's code-62 example: 31,800 insured, 150,000 this year → 481")
    func bonusExample() throws {
        let file = try DPRReader().read(.file(Vectors.path("dpr/DPR045952571150301001.csv")))
        #expect(file.details[0].premium == 481)
        #expect(Self.bonusPremium(file.details[0], .bonus) == 481)
        guard case .bonus(let unit, let insured, let ytd, let note) = file.details[0].codeFields else {
            Issue.record("code 62 fields expected")
            return
        }
        #expect(unit.rawValue == "110001000" && insured == 31_800 && ytd == 150_000 && note == "年終獎金")
        // A wrong premium is reported when the caller can compute it.
        var wrong = file
        wrong.details[1].premium = 355
        wrong = wrong.withComputedTotals()
        let bytes = try DPRWriter.writeCSV(wrong, to: .memory)
        let report = try DPRReader(.init(fileName: "", expectedPremium: Self.bonusPremium)).check(.bytes(bytes))
        #expect(report.errors.map(\.code) == [.dprPremium])
        #expect(report.errors[0].row == 3)
    }

    @Test("The fixed-width form written by an independent implementation of our layout reads to the same file and hashes")
    func fixedWidth() throws {
        let csv = try DPRReader().read(.file(Vectors.path("dpr/DPR045952571150301001.csv")))
        let fixed = try DPRReader().read(.file(Vectors.path("dpr/DPR045952571150301001.txt")))
        #expect(fixed == csv)
        #expect(fixed.contentHashes == csv.contentHashes)
        // And our writer produces exactly those bytes.
        #expect(try DPRWriter.writeFixedWidth(csv, to: .memory) == Vectors.bytes("dpr/DPR045952571150301001.txt"))
    }

    @Test("Round trips between the forms keep every record and hash", arguments: ["DPR045952571150301001.csv", "DPR220991311140401001.csv"])
    func roundTrip(_ name: String) throws {
        let original = try DPRReader().read(.file(Vectors.path("dpr/" + name)))
        let fixed = try DPRWriter.writeFixedWidth(original, to: .memory)
        let csv = try DPRWriter.writeCSV(original, to: .memory, comments: ["註解"])
        let utf8 = try DPRWriter.writeCSV(original, to: .memory, options: .excelUTF8)
        for bytes in [fixed, csv, utf8] {
            let read = try DPRReader(.init(fileName: "")).read(.bytes(bytes))
            #expect(read == original)
            #expect(read.contentHashes == original.contentHashes)
        }
        #expect(Set(original.contentHashes).count == original.details.count)
    }

    @Test("Content hashes are stable (pinned) and depend on payer, code and every field")
    func hashes() throws {
        let file = try DPRReader().read(.file(Vectors.path("dpr/DPR045952571150301001.csv")))
        #expect(file.contentHashes[0] == Self.pinnedHash)
        var changed = file.details[0]
        changed.amount = 150_001
        #expect(changed.contentHash(ubn: file.unit.ubn, incomeCode: .bonus) != file.contentHashes[0])
        #expect(file.details[0].contentHash(ubn: try UBN(parsing: "22099131"), incomeCode: .bonus) != file.contentHashes[0])
        // The pinned hash above was made by the SDK's own SHA-256 before swift-crypto replaced
        // it: hashes stored in databases stay valid.
    }

    static let pinnedHash = "5e618e2f1b28aefbc8d63fc47b59c11b1b411113b080b5be2fb36f3bb32d836e"

    @Test("A broken file: every error with row and column, nothing importable")
    func broken() throws {
        let report = try DPRReader().check(.file(Vectors.path("dpr/DPR045952571150301002.csv")))
        let expected = try #require(Vectors.expected["DPR045952571150301002.csv"]?["errors"] as? [[String: Any]])
        #expect(report.errors.map { "\($0.row):\($0.column):\($0.code.rawValue)" } == expected.map { "\($0["row"]!):\($0["column"]!):\($0["code"]!)" })
        for (issue, want) in zip(report.errors, expected) {
            if let rule = want["rule"] as? String { #expect(issue.error.underlying?.errorCode == rule) }
        }
        #expect(!report.isValid && report.dprFile == nil)
        #expect(throws: FormatError(.dprCount)) { try DPRReader().read(.file(Vectors.path("dpr/DPR045952571150301002.csv"))) }
    }

    @Test("A fixed-width field that cuts a Big5 character is reported at its byte position")
    func cutCharacter() throws {
        let report = try DPRReader().check(.file(Vectors.path("dpr/DPR045952571150301003.txt")))
        let error = try #require(report.errors.first)
        #expect(error.code == .encodingUndecodable)
        #expect(error.row == 2)
        #expect(error.column == 20 + 19, "the name starts at byte 20; its 20th byte is half a character")
    }

    @Test("Structure errors: missing unit record, wrong income code, totals, record length")
    func structure() throws {
        func check(_ lines: [String], form: DPRFileName.Form? = nil) throws -> [FormatError.Code] {
            let bytes = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
            return try DPRReader(.init(form: form, fileName: "")).check(.bytes(bytes)).errors.map(\.code)
        }
        #expect(try check(["2,I,1140131,A123456789,陳志明,1000,21,,"]) .contains(.dprMissingUnitRecord))
        #expect(try check(["1,04595257,64,11401,11401,0,0,0,x,,,"]) == [.dprIncomeCode])
        #expect(try check(["1,04595257,67,11401,11401,1,1000,21,x,,,", "2,I,1140131,A123456789,陳志明,1000,22,,"]) == [.dprTotalPremium])
        #expect(try check(["1,04595257,67,11401,11401,1,1000,21,x,,,", "2,I,1140131,A123456789,陳志明,999,21,,"]) == [.dprTotalPaid])
        #expect(try check(["1,04595257,67,11401,11401,0,0,0,x,,,", "1,04595257,67,11401,11401,0,0,0,x,,,"]) == [.dprDuplicateUnitRecord])
        #expect(try check(["1,04595257,67,11402,11401,0,0,0,x,,,"]) == [.dprPeriod])
        #expect(try check(["1,04595257,67,11401,11401,0,0,0,x,,,", "9,x"]) == [.dprRecordType])
        #expect(try check(["1,04595257,67,11401,11401,0,0,0,x,,,", "2,I,1140131"]) == [.dprCount, .dprFieldCount])
        #expect(try check(["1" + String(repeating: " ", count: 150)], form: .fixedWidth) == [.dprMissingTotalsRecord, .dprRecordLength])
    }

    @Test("File names")
    func fileNames() throws {
        let name = try DPRFileName(parsing: "DPR045952571150301001.csv")
        #expect(name.ubn.rawValue == "04595257" && name.date.formatted(.compact) == "1150301" && name.sequence == 1 && name.form == .csv)
        #expect(name.name == "DPR045952571150301001.csv")
        #expect(try DPRFileName(parsing: "DPR045952571150301001.txt").form == .fixedWidth)
        #expect(throws: FormatError(.dprFileName)) { try DPRFileName(parsing: "DPR045952581150301001.csv") }
        #expect(throws: FormatError(.dprFileName)) { try DPRFileName(parsing: "DPR04595257115030100.csv") }
        #expect(throws: FormatError(.dprFileName)) { try DPRFileName(parsing: "DPR045952571150301000.csv") }
        #expect(throws: FormatError(.dprFileName)) { try DPRFileName(parsing: "045952571150301001.csv") }
    }

    @Test("Writing checks field widths and encodability")
    func writerLimits() throws {
        var file = try DPRReader().read(.file(Vectors.path("dpr/DPR045952571150301001.csv")))
        file.unit.payerName = String(repeating: "測", count: 26)
        #expect(throws: FormatError(.dprFieldTooLong)) { try DPRWriter.writeFixedWidth(file, to: .memory) }
        file.unit.payerName = "😀"
        #expect(throws: FormatError(.encodingUnencodable)) { try DPRWriter.writeCSV(file, to: .memory) }
    }
}

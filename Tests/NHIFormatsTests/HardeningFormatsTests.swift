import Foundation
import Testing
import NHICore
@testable import NHIFormats
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17 at the library level: the safe writer, blank records, the DPR writer's guard,
/// bounded issue lists.
@Suite("Hardening: the formats library (issue 17)")
struct HardeningFormatsTests {
    @Test("Files written: SafeFile writes 0600 whatever the umask, refuses links and FIFOs, leaves nothing when abandoned")
    func filesWrittenSafeFile() throws {
        let dir = TemporaryDirectory()
        let old = umask(0)
        defer { umask(old) }
        try SafeFile.write(Array("x".utf8), to: dir.file("a.csv"))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("a.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        try FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: dir.file("a.csv"))
        #expect(throws: FormatError(.fileSymlink)) { try SafeFile.write(Array("y".utf8), to: dir.file("link")) }
        #expect(try String(contentsOfFile: dir.file("a.csv"), encoding: .utf8) == "x")
        #expect(mkfifo(dir.file("fifo"), 0o600) == 0)
        #expect(throws: FormatError(.fileNotRegular)) { try SafeFile.write([], to: dir.file("fifo")) }
        #expect(throws: FormatError(.fileNotRegular)) { try SafeFile.write([], to: dir.path) }

        #expect(link(dir.file("a.csv"), dir.file("hard.csv")) == 0)
        #expect(throws: FormatError(.fileOverwritesInput)) { try SafeFile.refuseOverwriting(dir.file("hard.csv"), inputs: [dir.file("a.csv")]) }
        try SafeFile.refuseOverwriting(dir.file("new.csv"), inputs: [dir.file("a.csv")])

        do {
            let file = try SafeFile(path: dir.file("b.csv"))
            try file.write(Array("partial".utf8))
            file.abandon()
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains("b.csv") && !names.contains { $0.contains(".tmp-") }, "\(names)")
    }

    @Test("Silent data loss: a record whose bytes do not decode is never blank")
    func silentDataLossUndecodableIsNotBlank() throws {
        let (records, _) = try CSVReader.readAll(.bytes([0x8C, 0x0D, 0x0A, 0x2C, 0x0D, 0x0A]), encoding: .cp950)
        #expect(records.count == 2)
        #expect(!records[0].isBlank && records[0].problems.first?.code == .encodingUndecodable)
        #expect(records[1].isBlank)
    }

    @Test("Formula injection: DPRWriter.writeCSV protects text cells whatever the options say")
    func formulaInjectionDPRWriter() throws {
        let unit = DPRUnitRecord(ubn: try UBN(parsing: "22099131"), incomeCode: .init(rawValue: "65")!,
                                 periodStart: try ROCMonth(parsing: "11403"), periodEnd: try ROCMonth(parsing: "11403"),
                                 count: 1, totalPaid: try Money(parsing: "30000"), totalPremium: try Money(parsing: "633"),
                                 payerName: "@SUM(1+1)", phone: nil, email: nil, contact: "+cmd")
        let detail = DPRDetailRecord(kind: .init(rawValue: "I")!, paymentDate: try ROCDate(parsing: "1140305"),
                                     id: try PersonalID(parsing: "A123456789"), name: try PersonName("王小明"),
                                     amount: try Money(parsing: "30000"), premium: try Money(parsing: "633"),
                                     filingNumber: "-2+3+cmd|x", codeFields: .other(note: "=HYPERLINK(\"http://x\",\"y\")"))
        let bytes = try DPRWriter.writeCSV(DPRFile(unit: unit, details: [detail]), to: .memory, options: CSVWriteOptions(encoding: .utf8))
        let (records, _) = try CSVReader.readAll(.bytes(bytes), encoding: .utf8)
        let cells = records.flatMap(\.fields)
        #expect(!cells.contains { ExcelFormulaGuard.needsProtection($0) }, "\(cells)")
        #expect(cells.contains("'=HYPERLINK(\"http://x\",\"y\")") && cells.contains("'-2+3+cmd|x") && cells.contains("'+cmd"))
    }

    @Test("Memory bounded on any input: IssueList keeps the first issues of each code and counts every one")
    func memoryBoundedIssueList() {
        var list = IssueList(limit: 3)
        for row in 1...10 { list.append(FormatIssue(.warning, FormatError(.batchBlankRow, row: row))) }
        list.append(FormatIssue(.error, FormatError(.fileNoRows)))
        #expect(list.total == 11 && list.issues.count == 4)
        #expect(list.omitted == [.batchBlankRow: 7])
        #expect(list.ordered.first?.code == .fileNoRows, "file-level first")
    }
}

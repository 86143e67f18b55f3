import Foundation
import Testing
import NHICore
@testable import NHIFormats

@Suite("Result log")
struct ResultLogTests {
    static let seedLines = [
        "2016/7/13 上午 11:56:45 開始執行...",
        "2016/7/13 上午 11:56:45 第1筆資料:A23084****(非該單位在保險對象)不入檔!",
        "2016/7/13 上午 11:56:45 第2筆資料:A23057****(非該單位在保險對象)不入檔!",
        "2016/7/13 上午 11:56:45 第3筆資料:C22028****(非該單位在保險對象)不入檔!",
        "2016/7/13 上午 11:56:45 第4筆資料:P12123****(非該單位在保險對象)不入檔!",
        "2016/7/13 上午 11:56:45 結束執行...",
        "2016/7/13 上午 11:56:45 ----總共上傳4筆,成功註冊0筆,失敗4筆----",
    ]

    static func time(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) throws -> LocalDateTime {
        try LocalDateTime(date: CalendarDate(year: y, month: mo, day: d), hour: h, minute: mi, second: s)
    }

    @Test("The seed's log parses: name, stamp, times, rows, totals")
    func parseSeed() throws {
        let log = try BatchRegistrationLog.read(.file(Vectors.path("log/1333974211050713.1050713104533.log")))
        #expect(log.uploadFileName == "1333974211050713.csv")
        #expect(log.stampedAt == (try Self.time(2016, 7, 13, 10, 45, 33)))
        #expect(log.startedAt == (try Self.time(2016, 7, 13, 11, 56, 45)))
        #expect(log.total == 4 && log.succeeded == 0 && log.failed == 4)
        #expect(log.entries.map(\.maskedID) == ["A23084****", "A23057****", "C22028****", "P12123****"])
        #expect(log.entries.map(\.record) == [1, 2, 3, 4])
        #expect(log.entries.allSatisfy { $0.outcome == .rejected(reason: "非該單位在保險對象") })
    }

    @Test("Writing the same log gives the seed's bytes exactly (CP950, CRLF) and its file name")
    func writeSeed() throws {
        let at = try Self.time(2016, 7, 13, 11, 56, 45)
        let entries = ["A230840000", "A230570000", "C220280000", "P121230000"].enumerated().map {
            BatchRegistrationLog.Entry(record: $0.offset + 1, id: $0.element, outcome: .rejected(reason: "非該單位在保險對象"), time: at)
        }
        let log = try BatchRegistrationLog(uploadFileName: "1333974211050713.csv", stampedAt: try Self.time(2016, 7, 13, 10, 45, 33),
                                           startedAt: at, finishedAt: at, entries: entries)
        #expect(log.fileName == "1333974211050713.1050713104533.log")
        #expect(log.lines() == Self.seedLines)
        #expect(try log.bytes() == Vectors.bytes("log/1333974211050713.1050713104533.log"))
        let dir = TemporaryDirectory()
        let path = try log.write(toDirectory: dir.path)
        #expect(path.hasSuffix("/1333974211050713.1050713104533.log"))
        #expect(try BatchRegistrationLog.read(.file(path)) == log)
    }

    @Test("Windows zh-TW times: 上午/下午, 12-hour clock, two-digit hours", arguments: [
        (0, 5, 9, "2016/1/2 上午 12:05:09"), (9, 0, 0, "2016/1/2 上午 09:00:00"), (11, 59, 59, "2016/1/2 上午 11:59:59"),
        (12, 0, 0, "2016/1/2 下午 12:00:00"), (13, 30, 1, "2016/1/2 下午 01:30:01"), (23, 59, 59, "2016/1/2 下午 11:59:59"),
    ])
    func clock(_ hour: Int, _ minute: Int, _ second: Int, _ text: String) throws {
        let time = try Self.time(2016, 1, 2, hour, minute, second)
        #expect(BatchRegistrationLog.format(time) == text)
        let (parsed, rest) = try BatchRegistrationLog.splitTimestamp(Substring(text + " 開始執行..."), line: 1)
        #expect(parsed == time && rest == "開始執行...")
    }

    @Test("Inconsistent totals and missing lines are errors with the line number")
    func inconsistent() throws {
        #expect(throws: FormatError(.logTotals)) { try BatchRegistrationLog.read(.file(Vectors.path("log/1333974211050713.1050713104534.log"))) }
        do {
            _ = try BatchRegistrationLog.read(.file(Vectors.path("log/1333974211050713.1050713104535.log")))
            Issue.record("a log that lists 3 of 4 failures must not parse")
        } catch {
            #expect(error.code == .logTotals)
            #expect(error.line == 6)
        }
        let text = Self.seedLines.joined(separator: "\r\n")
        #expect(throws: FormatError(.logRecordOrder)) {
            try BatchRegistrationLog(parsing: text.replacingOccurrences(of: "第3筆", with: "第1筆"), fileName: "1333974211050713.1050713104533.log")
        }
        #expect(throws: FormatError(.logTimestamp)) {
            try BatchRegistrationLog(parsing: text.replacingOccurrences(of: "上午 11:56:45 結束", with: "中午 11:56:45 結束"), fileName: "1333974211050713.1050713104533.log")
        }
        #expect(throws: FormatError(.logStructure)) {
            try BatchRegistrationLog(parsing: Self.seedLines.dropFirst().joined(separator: "\n"), fileName: "1333974211050713.1050713104533.log")
        }
        #expect(throws: FormatError(.logLine)) {
            try BatchRegistrationLog(parsing: text.replacingOccurrences(of: "不入檔!", with: "不入檔?"), fileName: "1333974211050713.1050713104533.log")
        }
        #expect(throws: FormatError(.logFileName)) { try BatchRegistrationLog(parsing: text, fileName: "result.log") }
        #expect(throws: FormatError(.logFileName)) { try BatchRegistrationLog(parsing: text, fileName: "1333974211050713.1051313104533.log") }
    }

    @Test("A log built from a check lists rejected rows; registered rows only when asked")
    func fromCheck() throws {
        let roster = InForceIDSet([try PersonalID(parsing: "A123456789")])
        var outcomes: [BatchRowOutcome] = []
        _ = try BatchRegistrationChecker(.init(roster: roster, fileName: "")).check(
            .bytes(Array("A123456789,a@b.tw,,\nF131104093,f@b.tw,,\n".utf8))
        ) { (outcome: BatchRowOutcome) throws(FormatError) in outcomes.append(outcome) }
        let at = try Self.time(2025, 3, 4, 15, 7, 8)
        let log = try BatchRegistrationLog(uploadFileName: "1100010001140304.csv", stampedAt: at, startedAt: at, finishedAt: at,
                                           entries: BatchRegistrationLog.entries(from: outcomes, at: at))
        #expect(log.lines() == [
            "2025/3/4 下午 03:07:08 開始執行...",
            "2025/3/4 下午 03:07:08 第2筆資料:F13110****(非該單位在保險對象)不入檔!",
            "2025/3/4 下午 03:07:08 結束執行...",
            "2025/3/4 下午 03:07:08 ----總共上傳2筆,成功註冊1筆,失敗1筆----",
        ])
        #expect(log.lines(listRegistered: true)[1] == "2025/3/4 下午 03:07:08 第1筆資料:A12345****入檔成功!")
        let reparsed = try BatchRegistrationLog(parsing: log.text(.init(listRegistered: true)), fileName: log.fileName)
        #expect(reparsed.entries.count == 2 && reparsed.succeeded == 1)
        #expect(throws: FormatError(.logTotals)) {
            try BatchRegistrationLog(uploadFileName: "x.csv", stampedAt: at, startedAt: at, finishedAt: at, entries: [], total: 2, succeeded: 1, failed: 0)
        }
    }

    @Test("Local time from an instant is Taiwan time")
    func instants() throws {
        // 2016-07-13T03:56:45Z is 11:56:45 in Taipei.
        let time = LocalDateTime(secondsSinceEpoch: 1_468_382_205)
        #expect(time == (try Self.time(2016, 7, 13, 11, 56, 45)))
        #expect(time.secondsSinceEpoch() == 1_468_382_205)
        #expect(time.rocCompact == "1050713115645")
        #expect(try LocalDateTime(parsing: "1050713104533") == (try Self.time(2016, 7, 13, 10, 45, 33)))
        #expect(try LocalDateTime(parsing: "2016-07-13T10:45:33") == (try Self.time(2016, 7, 13, 10, 45, 33)))
    }
}

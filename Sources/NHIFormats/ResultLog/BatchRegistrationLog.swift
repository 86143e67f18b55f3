import NHICore

/// The processing log of a batch registration upload (入檔記錄), exactly as the NHI
/// writes it (seed 003):
///
/// ```
/// 2016/7/13 上午 11:56:45 開始執行...
/// 2016/7/13 上午 11:56:45 第1筆資料:A23084****(非該單位在保險對象)不入檔!
/// 2016/7/13 上午 11:56:45 結束執行...
/// 2016/7/13 上午 11:56:45 ----總共上傳4筆,成功註冊0筆,失敗4筆----
/// ```
///
/// named `<upload file name without .csv>.<ROC yyyMMddHHmmss>.log`
/// (`1333974211050713.1050713104533.log`). IDs are masked to the first six characters and
/// `****`. Times are Windows' Traditional-Chinese format `yyyy/M/d 上午|下午 hh:mm:ss`.
///
/// The seed shows only rejected rows. A line for a registered row is not documented;
/// ``Entry/Outcome/registered`` lines (`第N筆資料:A12345****入檔成功!`) are our own form,
/// written only when ``RenderOptions/listRegistered`` is set.
public struct BatchRegistrationLog: Sendable, Hashable {
    /// One row's line.
    public struct Entry: Sendable, Hashable, Codable {
        /// What happened to the row.
        public enum Outcome: Sendable, Hashable, Codable {
            /// Registered (our line form; the NHI's is not documented).
            case registered
            /// Rejected with the reason shown in parentheses.
            case rejected(reason: String)
        }

        /// The data row number (第N筆).
        public let record: Int
        /// The masked ID (`A23084****`).
        public let maskedID: String
        /// Registered or rejected.
        public let outcome: Outcome
        /// The time on the line.
        public let time: LocalDateTime

        /// Creates an entry; the ID is masked if it is not already (see ``logSafeMask(_:)``).
        public init(record: Int, id: String, outcome: Outcome, time: LocalDateTime) {
            self.record = record
            self.maskedID = id.hasSuffix("****") ? BatchRegistrationLog.printable(id) : BatchRegistrationLog.logSafeMask(id)
            self.outcome = outcome
            self.time = time
        }

        init(record: Int, maskedID: String, outcome: Outcome, time: LocalDateTime) {
            self.record = record
            self.maskedID = maskedID
            self.outcome = outcome
            self.time = time
        }
    }

    /// The uploaded file's name (`1333974211050713.csv`).
    public let uploadFileName: String
    /// The time in the log's file name (when the upload was stored).
    public let stampedAt: LocalDateTime
    /// When processing started (the `開始執行...` line).
    public let startedAt: LocalDateTime
    /// When processing ended (the last two lines).
    public let finishedAt: LocalDateTime
    /// The listed rows, in record order.
    public let entries: [Entry]
    /// 總共上傳N筆.
    public let total: Int
    /// 成功註冊N筆.
    public let succeeded: Int
    /// 失敗N筆.
    public let failed: Int

    /// Creates a log from every row's outcome; the totals are counted from `entries`, which
    /// must list every row (registered and rejected) in record order.
    public init(uploadFileName: String, stampedAt: LocalDateTime, startedAt: LocalDateTime, finishedAt: LocalDateTime,
                entries: [Entry]) throws(FormatError) {
        let failed = entries.filter { if case .rejected = $0.outcome { true } else { false } }.count
        try self.init(uploadFileName: uploadFileName, stampedAt: stampedAt, startedAt: startedAt, finishedAt: finishedAt,
                      entries: entries, total: entries.count, succeeded: entries.count - failed, failed: failed)
    }

    /// Creates a log with explicit totals; throws `log.totals` or `log.recordOrder` when
    /// they do not fit the entries.
    public init(uploadFileName: String, stampedAt: LocalDateTime, startedAt: LocalDateTime, finishedAt: LocalDateTime,
                entries: [Entry], total: Int, succeeded: Int, failed: Int) throws(FormatError) {
        self.uploadFileName = uploadFileName
        self.stampedAt = stampedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.entries = entries
        self.total = total
        self.succeeded = succeeded
        self.failed = failed
        try validate()
    }

    /// The rows' outcomes of a check, as log entries (all at `time`).
    public static func entries(from outcomes: [BatchRowOutcome], at time: LocalDateTime) -> [Entry] {
        outcomes.map { outcome in
            Entry(record: outcome.record, maskedID: outcome.maskedID,
                  outcome: outcome.rejection.map { .rejected(reason: $0.text) } ?? .registered, time: time)
        }
    }

    /// Checks that the totals add up and the entries fit them.
    func validate(line: Int? = nil) throws(FormatError) {
        guard total >= 0, succeeded >= 0, failed >= 0, total == succeeded + failed else {
            throw FormatError(.logTotals, line: line, value: "\(total)/\(succeeded)/\(failed)",
                              detail: "總共\(total)筆不等於成功\(succeeded)筆加失敗\(failed)筆",
                              detailEn: "total \(total) is not succeeded \(succeeded) plus failed \(failed)")
        }
        var previous = 0
        var rejected = 0, registered = 0
        for entry in entries {
            guard entry.record > previous, entry.record <= total else {
                throw FormatError(.logRecordOrder, line: line, value: "第\(entry.record)筆",
                                  detail: "第\(entry.record)筆（總共\(total)筆）", detailEn: "record \(entry.record) of \(total)")
            }
            previous = entry.record
            if case .rejected = entry.outcome { rejected += 1 } else { registered += 1 }
        }
        guard rejected == failed, registered == 0 || registered == succeeded else {
            throw FormatError(.logTotals, line: line, value: "\(failed)",
                              detail: "列出\(rejected)筆失敗，總計為\(failed)筆", detailEn: "\(rejected) rejected rows listed, the totals say \(failed)")
        }
    }

    /// The NHI's mask (`A12345****`) of whatever an ID column held, fit for a log line:
    /// characters other than printable ASCII (line breaks, control characters, CJK from a
    /// broken row) become `?`, so that every log line stays one line and encodes in CP950.
    /// Valid IDs are ASCII and unaffected.
    public static func logSafeMask(_ text: String) -> String { printable(Masking.id(text)) }

    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }

    // MARK: File name

    /// `<upload name without .csv>.<ROC yyyMMddHHmmss>.log`.
    public var fileName: String { Self.fileName(uploadFileName: uploadFileName, stampedAt: stampedAt) }

    /// The log name for an upload stored at `stampedAt`.
    public static func fileName(uploadFileName: String, stampedAt: LocalDateTime) -> String {
        var stem = uploadFileName.split(separator: "/").last.map(String.init) ?? uploadFileName
        if stem.lowercased().hasSuffix(".csv") { stem.removeLast(4) }
        return stem + "." + stampedAt.rocCompact + ".log"
    }

    /// Splits a log name into the upload's stem and the stamp; throws `log.fileName`.
    public static func parseFileName(_ name: String) throws(FormatError) -> (uploadStem: String, stampedAt: LocalDateTime) {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard base.lowercased().hasSuffix(".log") else { throw FormatError(.logFileName, field: .fileName, value: base) }
        let withoutLog = base.dropLast(4)
        guard let dot = withoutLog.lastIndex(of: "."), dot > withoutLog.startIndex else {
            throw FormatError(.logFileName, field: .fileName, value: base)
        }
        let stamp = String(withoutLog[withoutLog.index(after: dot)...])
        guard stamp.utf8.count == 13 else { throw FormatError(.logFileName, field: .fileName, value: base) }
        do {
            return (String(withoutLog[..<dot]), try LocalDateTime(parsing: stamp))
        } catch {
            throw FormatError(.logFileName, field: .fileName, value: base, underlying: error.underlying,
                              detail: "時間\(stamp)不存在", detailEn: "no such time \(stamp)")
        }
    }

    // MARK: Rendering

    /// How the log is written.
    public struct RenderOptions: Sendable, Hashable {
        /// CP950 by default (what Notepad on Traditional-Chinese Windows opens).
        public var encoding: TextEncoding
        /// CRLF by default.
        public var lineEnding: LineEnding
        /// Also list registered rows (our own line form).
        public var listRegistered: Bool

        /// Creates options.
        public init(encoding: TextEncoding = .cp950, lineEnding: LineEnding = .crlf, listRegistered: Bool = false) {
            self.encoding = encoding
            self.lineEnding = lineEnding
            self.listRegistered = listRegistered
        }
    }

    /// The log's lines, without line endings.
    public func lines(listRegistered: Bool = false) -> [String] {
        var lines = [Self.format(startedAt) + " 開始執行..."]
        for entry in entries {
            switch entry.outcome {
            case .rejected(let reason):
                lines.append(Self.format(entry.time) + " 第\(entry.record)筆資料:\(entry.maskedID)(\(reason))不入檔!")
            case .registered:
                if listRegistered { lines.append(Self.format(entry.time) + " 第\(entry.record)筆資料:\(entry.maskedID)入檔成功!") }
            }
        }
        lines.append(Self.format(finishedAt) + " 結束執行...")
        lines.append(Self.format(finishedAt) + " ----總共上傳\(total)筆,成功註冊\(succeeded)筆,失敗\(failed)筆----")
        return lines
    }

    /// The log as text, lines separated (and ended) by `lineEnding`.
    public func text(_ options: RenderOptions = RenderOptions()) -> String {
        let separator = String(decoding: options.lineEnding.bytes, as: UTF8.self)
        return lines(listRegistered: options.listRegistered).map { $0 + separator }.joined()
    }

    /// The log's bytes in `options.encoding`.
    public func bytes(_ options: RenderOptions = RenderOptions()) throws(FormatError) -> [UInt8] {
        var output: [UInt8] = []
        let codec = FieldCodec(options.encoding)
        if case .failure(let failure) = codec.encode(text(options), into: &output) {
            throw FormatError(.encodingUnencodable, value: String(failure.character))
        }
        return output
    }

    /// Writes the log into `directory` under ``fileName``; returns the path.
    @discardableResult
    public func write(toDirectory directory: String, _ options: RenderOptions = RenderOptions()) throws(FormatError) -> String {
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + fileName
        let sink = try ByteSink(.file(path))
        try sink.write(try bytes(options))
        try sink.finish()
        return path
    }

    /// `2016/7/13 上午 11:56:45`: Windows' zh-TW short date and long time (`tt hh:mm:ss`).
    public static func format(_ time: LocalDateTime) -> String {
        let period = time.hour < 12 ? "上午" : "下午"
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        return "\(time.date.year)/\(time.date.month)/\(time.date.day) \(period) \(LocalDateTime.pad(hour12)):\(LocalDateTime.pad(time.minute)):\(LocalDateTime.pad(time.second))"
    }
}

import NHICore

extension BatchRegistrationLog {
    /// Reads a log file: the name gives the upload and the stamp, the content is decoded
    /// (byte-order mark, UTF-8, else CP950) and parsed.
    public static func read(_ input: ByteInput, encoding: TextEncoding? = nil) throws(FormatError) -> BatchRegistrationLog {
        let reader = try ByteReader(input)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { (buffer) throws(FormatError) -> Int in
                try reader.read(into: buffer.baseAddress!, count: buffer.count)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let text = try decodeWhole(bytes, encoding: encoding)
        return try BatchRegistrationLog(parsing: text, fileName: input.name)
    }

    /// Decodes a whole small file (a log) after detecting its encoding.
    static func decodeWhole(_ bytes: [UInt8], encoding: TextEncoding?) throws(FormatError) -> String {
        try bytes.withUnsafeBufferPointer { (buffer) throws(FormatError) -> String in
            let detection = encoding.map { EncodingDetection(encoding: $0, byteOrderMark: false, basis: .override) }
                ?? EncodingDetection.detect(buffer, isWholeInput: true)
            var body = buffer
            if let (bomEncoding, length) = EncodingDetection.byteOrderMark(in: buffer), bomEncoding == detection.encoding {
                body = UnsafeBufferPointer(rebasing: buffer[length...])
            }
            var utf8: [UInt8] = []
            if !detection.encoding.isASCIICompatible {
                var transcoder = UTF16Transcoder(bigEndian: detection.encoding == .utf16BigEndian)
                transcoder.transcode(body, into: &utf8)
                transcoder.finish(into: &utf8)
            }
            let codec = FieldCodec(detection.encoding)
            let result = detection.encoding.isASCIICompatible
                ? codec.decode(body)
                : utf8.withUnsafeBufferPointer { codec.decode($0) }
            switch result {
            case .success(let text): return text
            case .failure(let failure):
                // Locate the line for the message.
                let prefix = detection.encoding.isASCIICompatible ? Array(body[0..<failure.offset]) : Array(utf8[0..<failure.offset])
                let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw FormatError(.encodingUndecodable, line: line, byteOffset: failure.offset,
                                  detail: "不是有效的\(detection.encoding.rawValue)", detailEn: "not valid \(detection.encoding.rawValue)")
            }
        }
    }

    /// Parses a log's text. `fileName` is the log's own name (a path is allowed), which
    /// carries the upload's name and the stamp.
    ///
    /// Throws with the line number: `log.fileName`, `log.timestamp`, `log.line` (a line
    /// that is none of the known forms), `log.structure` (not start–rows–end–totals),
    /// `log.totals` and `log.recordOrder` (totals inconsistent with the listed rows).
    public init(parsing text: String, fileName: String) throws(FormatError) {
        let (stem, stampedAt) = try Self.parseFileName(fileName)
        var lines: [Substring] = []
        var current = text[...]
        while let index = current.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            lines.append(current[..<index])
            current = current[current.index(after: index)...]
        }
        if !current.isEmpty { lines.append(current) }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }

        var started: LocalDateTime?
        var finished: LocalDateTime?
        var totals: (Int, Int, Int)?
        var entries: [Entry] = []
        for (offset, raw) in lines.enumerated() {
            let lineNumber = offset + 1
            let (time, message) = try Self.splitTimestamp(raw, line: lineNumber)
            func structure(_ zh: String, _ en: String) -> FormatError {
                FormatError(.logStructure, line: lineNumber, value: String(raw), detail: zh, detailEn: en)
            }
            if message == "開始執行..." {
                guard offset == 0 else { throw structure("「開始執行...」應為第1行", "開始執行... must be the first line") }
                started = time
            } else if message == "結束執行..." {
                guard started != nil, finished == nil else { throw structure("「結束執行...」位置錯誤", "結束執行... is out of place") }
                finished = time
            } else if message.hasPrefix("----總共上傳") {
                guard finished != nil, totals == nil, offset == lines.count - 1 else {
                    throw structure("總計應為最後一行，緊接在「結束執行...」之後", "the totals must be the last line, after 結束執行...")
                }
                guard let parsed = Self.parseTotals(message) else {
                    throw FormatError(.logLine, line: lineNumber, value: String(raw))
                }
                totals = parsed
            } else if message.hasPrefix("第") {
                guard started != nil, finished == nil else { throw structure("資料行應在開始與結束之間", "row lines belong between start and end") }
                guard let entry = Self.parseEntry(message, time: time) else {
                    throw FormatError(.logLine, line: lineNumber, value: String(raw))
                }
                if let previous = entries.last, entry.record <= previous.record {
                    throw FormatError(.logRecordOrder, line: lineNumber, value: "第\(entry.record)筆",
                                      detail: "第\(entry.record)筆在第\(previous.record)筆之後", detailEn: "record \(entry.record) after record \(previous.record)")
                }
                entries.append(entry)
            } else {
                throw FormatError(.logLine, line: lineNumber, value: String(raw))
            }
        }
        guard let started, let finished, let (total, succeeded, failed) = totals else {
            throw FormatError(.logStructure, line: lines.count, detail: "缺少開始、結束或總計行", detailEn: "the start, end or totals line is missing")
        }
        try self.init(uploadFileName: stem + ".csv", stampedAt: stampedAt, startedAt: started, finishedAt: finished,
                      entries: entries, total: total, succeeded: succeeded, failed: failed, line: lines.count)
    }

    private init(uploadFileName: String, stampedAt: LocalDateTime, startedAt: LocalDateTime, finishedAt: LocalDateTime,
                 entries: [Entry], total: Int, succeeded: Int, failed: Int, line: Int) throws(FormatError) {
        do {
            try self.init(uploadFileName: uploadFileName, stampedAt: stampedAt, startedAt: startedAt, finishedAt: finishedAt,
                          entries: entries, total: total, succeeded: succeeded, failed: failed)
        } catch {
            throw error.at(line: line)
        }
    }

    /// Parses `2016/7/13 上午 11:56:45` at the start of a line; returns the rest.
    static func splitTimestamp(_ line: Substring, line lineNumber: Int) throws(FormatError) -> (LocalDateTime, Substring) {
        let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw FormatError(.logTimestamp, line: lineNumber, value: String(line)) }
        let date = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        let clock = parts[2].split(separator: ":", omittingEmptySubsequences: false)
        func number(_ s: Substring, _ digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(s.count), s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(s)
        }
        guard date.count == 3, clock.count == 3,
              let year = number(date[0], 4...4), let month = number(date[1], 1...2), let day = number(date[2], 1...2),
              let hour12 = number(clock[0], 1...2), let minute = number(clock[1], 2...2), let second = number(clock[2], 2...2),
              (1...12).contains(hour12), parts[1] == "上午" || parts[1] == "下午" else {
            throw FormatError(.logTimestamp, line: lineNumber, value: String(line.prefix(24)))
        }
        let hour = parts[1] == "上午" ? (hour12 == 12 ? 0 : hour12) : (hour12 == 12 ? 12 : hour12 + 12)
        do {
            let time = try LocalDateTime(date: CalendarDate(year: year, month: month, day: day), hour: hour, minute: minute, second: second)
            return (time, parts[3])
        } catch {
            throw FormatError(.logTimestamp, line: lineNumber, value: String(line.prefix(24)))
        }
    }

    /// `----總共上傳4筆,成功註冊0筆,失敗4筆----`.
    static func parseTotals(_ message: Substring) -> (Int, Int, Int)? {
        guard message.hasPrefix("----總共上傳"), message.hasSuffix("筆----") else { return nil }
        let body = message.dropFirst("----總共上傳".count).dropLast("筆----".count)
        let pieces = body.split(separator: ",", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[1].hasPrefix("成功註冊"), pieces[2].hasPrefix("失敗"),
              pieces[0].hasSuffix("筆"), pieces[1].hasSuffix("筆") else { return nil }
        func count(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.count <= 9, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(s)
        }
        guard let total = count(pieces[0].dropLast()),
              let succeeded = count(pieces[1].dropFirst("成功註冊".count).dropLast()),
              let failed = count(pieces[2].dropFirst("失敗".count)) else { return nil }
        return (total, succeeded, failed)
    }

    /// `第1筆資料:A23084****(非該單位在保險對象)不入檔!` or our `第1筆資料:A12345****入檔成功!`.
    static func parseEntry(_ message: Substring, time: LocalDateTime) -> Entry? {
        guard message.hasPrefix("第"), let mark = message.firstRange(of: "筆資料:") else { return nil }
        let digits = message[message.index(after: message.startIndex)..<mark.lowerBound]
        guard !digits.isEmpty, digits.count <= 9, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let record = Int(digits), record >= 1 else { return nil }
        let rest = message[mark.upperBound...]
        // The reason is in the last parentheses (an invalid ID's mask may hold one too).
        if rest.hasSuffix(")不入檔!"), let open = rest.lastIndex(of: "(") {
            let id = rest[..<open]
            let reason = rest[rest.index(after: open)..<rest.index(rest.endIndex, offsetBy: -")不入檔!".count)]
            guard !reason.isEmpty else { return nil }
            return Entry(record: record, maskedID: String(id), outcome: .rejected(reason: String(reason)), time: time)
        }
        if rest.hasSuffix("入檔成功!") {
            return Entry(record: record, maskedID: String(rest.dropLast("入檔成功!".count)), outcome: .registered, time: time)
        }
        return nil
    }
}

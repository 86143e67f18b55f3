import NHICore

/// A view of the current record's raw field bytes (see ``CSVReader/rawRecord``).
struct CSVRawRecord {
    let bytes: UnsafeMutablePointer<UInt8>
    let ends: UnsafeMutablePointer<Int>
    /// The number of fields.
    let count: Int
    let row: Int
    let line: Int
    /// Whether the record has syntax problems (then only the reference path may judge it).
    let hasProblems: Bool

    /// The bytes of field `index` (< ``count``).
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
    }
}

/// A streaming CSV reader for what Excel actually writes: RFC 4180 quoting (fields with
/// commas, quotes and line breaks), CRLF, LF or CR line endings, ragged rows, and text in
/// Big5/CP950, UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark.
///
/// Memory stays constant however large the file: the input is read in 1 MiB chunks and
/// only the current record is kept (up to ``CSVDialect/maxRecordBytes``).
///
/// ```swift
/// let reader = try CSVReader(.file("1100010001050801.csv"))
/// while let record = try reader.next() {
///     for problem in record.problems { print(problem.message) }   // 第3列第2欄 …
///     print(record.fields)
/// }
/// print(reader.detection)   // cp950
/// ```
///
/// Records are split on the raw bytes before decoding (safe for every supported encoding:
/// `,` `"` CR LF never occur inside a Big5 character, and UTF-16 is transcoded to UTF-8
/// first), so a field is decoded only when it is asked for, and an undecodable byte is
/// reported with its row and column instead of being replaced.
///
/// `next()` throws only when the input cannot be read; everything wrong with the content
/// is reported in ``CSVRecord/problems``.
public final class CSVReader {
    /// The encoding in use and why. With ``EncodingDetection/Basis/asciiOnly`` the reader
    /// decides at the first non-ASCII field and updates this.
    public private(set) var detection: EncodingDetection
    /// The dialect.
    public let dialect: CSVDialect
    /// The input's name (a path or the label of in-memory bytes).
    public let name: String

    // The reader is used by one thread at a time (it is not Sendable) and its state is
    // private, so the per-record bookkeeping below opts out of dynamic exclusivity checks,
    // which otherwise cost more than the tokenizing itself on a million-row file.

    // Input.
    private let input: ByteReader
    private let chunkSize: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private let bufferCapacity: Int
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var end = 0
    @exclusivity(unchecked) private var atEnd = false
    @exclusivity(unchecked) private var streamOffset = 0  // offset in the (transcoded) stream of buffer[0]
    private var transcoder: UTF16Transcoder?
    private var rawChunk: UnsafeMutablePointer<UInt8>?
    private var transcoded: [UInt8] = []
    private var pendingBOMSkip = 0

    // Tokenizer state that survives chunk boundaries.
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var skipLineFeed = false
    @exclusivity(unchecked) private var quotedPreviousCR = false

    // The current record.
    @exclusivity(unchecked) private var recordBytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var recordCapacity: Int
    @exclusivity(unchecked) private(set) var recordLength = 0
    @exclusivity(unchecked) private var fieldEnds: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private(set) var fieldCount = 0
    /// Problems of the current record.
    @exclusivity(unchecked) private(set) var recordProblems: [FormatError] = []
    @exclusivity(unchecked) private(set) var recordRow = 0
    @exclusivity(unchecked) private(set) var recordLine = 1
    @exclusivity(unchecked) private(set) var recordOffset = 0
    @exclusivity(unchecked) private var recordTooLong = false
    @exclusivity(unchecked) private var recordTooManyFields = false

    private var codec: FieldCodec

    // Byte classes: 1 = delimiter, 2 = CR, 3 = LF, 4 = quote.
    private let classes: UnsafeMutablePointer<UInt8>

    /// Opens `input`. With `encoding` nil the encoding is detected (byte-order mark, UTF-16
    /// pattern, UTF-8 validity, else CP950); naming one overrides detection, and a
    /// byte-order mark of a different encoding is then an error (`encoding.bomMismatch`).
    public init(_ input: ByteInput, encoding: TextEncoding? = nil, dialect: CSVDialect = .excel, chunkSize: Int = 1 << 20) throws(FormatError) {
        self.input = try ByteReader(input)
        self.name = input.name
        self.dialect = dialect
        // Bytes in memory need no buffer larger than themselves (a small upload does not
        // cost the 3 MiB a file's chunk and its UTF-16 room take).
        if case .bytes(let bytes, _) = input {
            self.chunkSize = max(64, min(chunkSize, bytes.count + 1))
        } else {
            self.chunkSize = max(64, chunkSize)
        }
        // UTF-16 → UTF-8 can grow 2 bytes to 3, or to 5 for an escaped invalid unit.
        self.bufferCapacity = self.chunkSize * 3 + 16
        self.buffer = .allocate(capacity: bufferCapacity)
        self.recordCapacity = 256
        self.recordBytes = .allocate(capacity: 256)
        self.fieldEnds = .allocate(capacity: dialect.maxFields + 1)
        self.classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(dialect.delimiter)] = 1
        classes[0x0D] = 2
        classes[0x0A] = 3
        classes[0x22] = 4
        self.detection = EncodingDetection(encoding: .cp950, byteOrderMark: false, basis: .asciiOnly)
        self.codec = FieldCodec(.cp950)

        // Fill the first chunk completely (pipes return short reads) and detect.
        let first = try self.input.readFully(into: buffer, count: self.chunkSize)
        let prefix = UnsafeBufferPointer(start: buffer, count: first)
        let detected = EncodingDetection.detect(prefix, isWholeInput: first < self.chunkSize)
        let bom = EncodingDetection.byteOrderMark(in: prefix)
        if let encoding {
            if let (bomEncoding, _) = bom, bomEncoding != encoding,
               !(bomEncoding == .utf8 && encoding == .utf8) {
                throw FormatError(.encodingBOMMismatch, line: 1, value: encoding.rawValue,
                                  detail: "檔案開頭為\(bomEncoding.rawValue)的BOM", detailEn: "the file starts with a \(bomEncoding.rawValue) byte-order mark")
            }
            detection = EncodingDetection(encoding: encoding, byteOrderMark: bom != nil, basis: .override)
        } else {
            detection = detected
        }
        if let (_, length) = bom, bom?.0 == detection.encoding { pendingBOMSkip = length }
        if detection.encoding != codec.encoding { codec = FieldCodec(detection.encoding) }

        if !detection.encoding.isASCIICompatible {
            transcoder = UTF16Transcoder(bigEndian: detection.encoding == .utf16BigEndian)
            // Move the raw first chunk aside and transcode it.
            let raw = UnsafeMutablePointer<UInt8>.allocate(capacity: self.chunkSize)
            raw.update(from: buffer, count: first)
            rawChunk = raw
            transcodeIntoBuffer(UnsafeBufferPointer(start: raw + pendingBOMSkip, count: first - pendingBOMSkip), final: first < self.chunkSize)
            if first < self.chunkSize { atEnd = true }
        } else {
            position = pendingBOMSkip
            end = first
            streamOffset = 0
            if first < self.chunkSize { atEnd = true }
        }
    }

    deinit {
        buffer.deallocate()
        recordBytes.deallocate()
        fieldEnds.deallocate()
        classes.deallocate()
        rawChunk?.deallocate()
    }

    /// Whether the input is UTF-16 read through the transcoder (byte offsets then refer to
    /// the transcoded stream and are not reported).
    var isTranscoded: Bool { transcoder != nil }

    // MARK: Reading records

    /// The next record, decoded; nil at the end of the input.
    public func next() throws(FormatError) -> CSVRecord? {
        guard try nextRaw() else { return nil }
        return decodedRecord()
    }

    /// Reads every record of `input` into memory (for small files: rosters of a unit,
    /// DPR files, tests).
    public static func readAll(_ input: ByteInput, encoding: TextEncoding? = nil, dialect: CSVDialect = .excel) throws(FormatError) -> (records: [CSVRecord], detection: EncodingDetection) {
        let reader = try CSVReader(input, encoding: encoding, dialect: dialect)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (records, reader.detection)
    }

    /// The current raw record decoded into a ``CSVRecord``.
    func decodedRecord() -> CSVRecord {
        var fields: [String] = []
        fields.reserveCapacity(fieldCount)
        var problems = recordProblems
        for index in 0..<fieldCount {
            switch decodeField(index) {
            case .success(let text): fields.append(text)
            case .failure(let error):
                fields.append("")
                problems.append(error)
            }
        }
        return CSVRecord(fields: fields, row: recordRow, line: recordLine,
                         byteOffset: isTranscoded ? nil : recordOffset, problems: problems)
    }

    /// The current record's raw fields as a value, for hot loops (one read of the reader's
    /// state per record instead of one per field). Valid until the next ``nextRaw()``.
    var rawRecord: CSVRawRecord {
        CSVRawRecord(bytes: recordBytes, ends: fieldEnds, count: fieldCount, row: recordRow, line: recordLine,
                     hasProblems: !recordProblems.isEmpty)
    }

    /// The raw (undecoded, unquoted) bytes of field `index` of the current record, valid
    /// until the next call to ``nextRaw()``.
    @inline(__always)
    func rawField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return UnsafeBufferPointer(start: recordBytes + start, count: fieldEnds[index] - start)
    }

    /// Decodes field `index` of the current record.
    func decodeField(_ index: Int) -> Result<String, FormatError> {
        let bytes = rawField(index)
        if UTF8Validation.isASCII(bytes) { return .success(String(decoding: bytes, as: UTF8.self)) }
        if detection.basis == .asciiOnly {
            // First non-ASCII text: decide between UTF-8 and CP950 now.
            let isUTF8 = UTF8Validation.firstInvalid(bytes) == nil
            detection = EncodingDetection(encoding: isUTF8 ? .utf8 : .cp950, byteOrderMark: false, basis: isUTF8 ? .validUTF8 : .notUTF8)
            if detection.encoding != codec.encoding { codec = FieldCodec(detection.encoding) }
        }
        switch codec.decode(bytes) {
        case .success(let text):
            return .success(text)
        case .failure(let failure):
            return .failure(undecodableError(failure, column: index + 1))
        }
    }

    private func undecodableError(_ failure: FieldCodec.DecodeFailure, column: Int) -> FormatError {
        let position = failure.offset + 1
        let hex = failure.bytes.map { byte -> String in
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }.joined(separator: " ")
        let zh: String, en: String
        if let unit = failure.utf16Unit {
            if unit == UTF16Transcoder.oddByteUnit {
                zh = "UTF-16檔案結尾多出1個位元組"; en = "the UTF-16 input ends with an odd byte"
            } else {
                let code = String(unit, radix: 16, uppercase: true)
                zh = "欄位第\(position)個位元組為不成對的UTF-16代理字元 U+\(code)"
                en = "unpaired UTF-16 surrogate U+\(code) at byte \(position) of the field"
            }
        } else if failure.incomplete {
            zh = "欄位第\(position)個位元組起的字元不完整（\(hex)），不是有效的\(detection.encoding.rawValue)"
            en = "incomplete character at byte \(position) of the field (\(hex)), not valid \(detection.encoding.rawValue)"
        } else {
            zh = "欄位第\(position)個位元組（\(hex)）不是有效的\(detection.encoding.rawValue)"
            en = "byte \(position) of the field (\(hex)) is not valid \(detection.encoding.rawValue)"
        }
        return FormatError(.encodingUndecodable, line: recordLine, row: recordRow, column: column,
                           byteOffset: nil, detail: zh, detailEn: en)
    }

    // MARK: Tokenizer

    private enum State {
        case comment
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
        case afterQuote
    }

    /// Refills the buffer; false at the end of the input.
    private func refill() throws(FormatError) -> Bool {
        if atEnd { return false }
        streamOffset += end
        position = 0
        end = 0
        if let raw = rawChunk {
            let n = try input.read(into: raw, count: chunkSize)
            if n == 0 { atEnd = true }
            transcodeIntoBuffer(UnsafeBufferPointer(start: raw, count: n), final: n == 0)
            return end > 0
        }
        let n = try input.read(into: buffer, count: chunkSize)
        if n == 0 { atEnd = true; return false }
        end = n
        return true
    }

    private func transcodeIntoBuffer(_ raw: UnsafeBufferPointer<UInt8>, final: Bool) {
        transcoded.removeAll(keepingCapacity: true)
        transcoder!.transcode(raw, into: &transcoded)
        if final { transcoder!.finish(into: &transcoded) }
        transcoded.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        position = 0
        end = transcoded.count
    }

    /// The index of the first byte in `from..<to` whose class is `below` or more — a
    /// delimiter (when `delimiter` is given), CR, LF or quote — or `to`. Eight bytes at a
    /// time: a byte equal to `c` is a zero byte of `word ^ c·0x0101…`, and the lowest byte
    /// flagged by `(x − 0x01…) & ~x & 0x80…` is always a true zero byte.
    @inline(__always)
    private static func scan(_ buffer: UnsafeMutablePointer<UInt8>, from: Int, to: Int, classes: UnsafeMutablePointer<UInt8>,
                             delimiter: UInt64?, below: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        var i = from
        while i + 8 <= to {
            let word = UInt64(littleEndian: UnsafeRawPointer(buffer + i).loadUnaligned(as: UInt64.self))
            var mask = zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x0D &* ones)) | zeroBytes(word ^ (0x0A &* ones))
            if let delimiter { mask |= zeroBytes(word ^ delimiter) }
            if mask != 0 { return i + mask.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to && classes[Int(buffer[i])] < below { i += 1 }
        return i
    }

    /// The tokenizer's working state for one record, a value on the stack: its methods
    /// are `mutating`, so the per-byte loop has no dynamic exclusivity checks and keeps the
    /// state in registers. ``CSVReader/nextRaw()`` copies it in and writes it back.
    private struct Cursor {
        var position: Int
        var end: Int
        var line: Int
        var length = 0
        var fields = 0
        var record: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var previousCR: Bool
        var skipLineFeed: Bool
        let fieldEnds: UnsafeMutablePointer<Int>
        let maxRecord: Int
        let maxFields: Int
        /// Set when the record outgrew `maxRecord`, with the column where it happened.
        var tooLongAt: Int?
        /// Set when the record had more than `maxFields` fields.
        var tooManyFieldsAt: Int?

        @inline(__always)
        mutating func append(_ source: UnsafePointer<UInt8>, _ count: Int) {
            guard count > 0 else { return }
            var n = count
            if length + n > maxRecord {
                n = max(0, maxRecord - length)
                if tooLongAt == nil { tooLongAt = fields + 1 }
                if n == 0 { return }
            }
            if length + n > capacity {
                var grown = capacity * 2
                while grown < length + n { grown *= 2 }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
                bigger.update(from: record, count: length)
                record.deallocate()
                record = bigger
                capacity = grown
            }
            (record + length).update(from: source, count: n)
            length += n
        }

        /// Appends `count` bytes that start inside the reader's buffer. Short runs (IDs,
        /// phones) take two unaligned 8-byte moves instead of a call: reading up to 16 bytes
        /// from `source` stays inside the buffer, which is allocated with 16 bytes to spare,
        /// and bytes written past `count` are overwritten by what follows.
        @inline(__always)
        mutating func appendFromBuffer(_ source: UnsafePointer<UInt8>, _ count: Int) {
            if count <= 16 && length + 16 <= capacity && length + count <= maxRecord {
                let raw = UnsafeRawPointer(source)
                let target = UnsafeMutableRawPointer(record + length)
                target.storeBytes(of: raw.loadUnaligned(as: UInt64.self), as: UInt64.self)
                if count > 8 { (target + 8).storeBytes(of: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), as: UInt64.self) }
                length += count
            } else {
                append(source, count)
            }
        }

        @inline(__always)
        mutating func appendByte(_ byte: UInt8) {
            if length < capacity && length < maxRecord {
                record[length] = byte
                length += 1
            } else {
                withUnsafePointer(to: byte) { append($0, 1) }
            }
        }

        @inline(__always)
        mutating func endField() {
            if fields < maxFields {
                fieldEnds[fields] = length
                fields += 1
            } else if tooManyFieldsAt == nil {
                tooManyFieldsAt = fields + 1
            }
        }
    }

    /// Writes a cursor back into the reader.
    private func store(_ cursor: Cursor) {
        position = cursor.position
        end = cursor.end
        line = cursor.line
        recordLength = cursor.length
        fieldCount = cursor.fields
        recordBytes = cursor.record
        recordCapacity = cursor.capacity
        quotedPreviousCR = cursor.previousCR
        skipLineFeed = cursor.skipLineFeed
        if let column = cursor.tooLongAt, !recordTooLong {
            recordTooLong = true
            recordProblems.append(FormatError(.csvRecordTooLong, line: recordLine, row: recordRow, column: column,
                                              byteOffset: isTranscoded ? nil : recordOffset,
                                              detail: "上限\(dialect.maxRecordBytes)位元組", detailEn: "limit \(dialect.maxRecordBytes) bytes"))
        }
        if let column = cursor.tooManyFieldsAt, !recordTooManyFields {
            recordTooManyFields = true
            recordProblems.append(FormatError(.csvTooManyFields, line: recordLine, row: recordRow, column: column,
                                              detail: "上限\(dialect.maxFields)欄", detailEn: "limit \(dialect.maxFields) fields"))
        }
    }

    /// Advances to the next record; false at the end of the input. The record is then
    /// available through ``rawField(_:)``, ``fieldCount`` and ``recordProblems``.
    func nextRaw() throws(FormatError) -> Bool {
        if !recordProblems.isEmpty { recordProblems.removeAll(keepingCapacity: true) }
        recordTooLong = false
        recordTooManyFields = false
        recordLine = line
        recordRow += 1
        recordOffset = streamOffset + position

        let buffer = self.buffer
        let classes = self.classes
        let comment = dialect.commentMarker
        let delimiterWord = UInt64(dialect.delimiter) &* 0x0101_0101_0101_0101
        var c = Cursor(position: position, end: end, line: line, record: recordBytes, capacity: recordCapacity,
                       previousCR: quotedPreviousCR, skipLineFeed: skipLineFeed, fieldEnds: fieldEnds,
                       maxRecord: dialect.maxRecordBytes, maxFields: dialect.maxFields)
        var state = State.fieldStart
        var started = false
        var quoteLine = c.line
        var quoteOffset = 0
        var reportedAfterQuote = false

        while true {
            if c.position == c.end {
                store(c)
                let more = try refill()
                c.position = position
                c.end = end
                if !more {
                    // End of input.
                    if !started {
                        recordRow -= 1
                        store(c)
                        return false
                    }
                    if state == .quoted {
                        recordProblems.append(FormatError(.csvUnterminatedQuote, line: quoteLine, row: recordRow, column: c.fields + 1,
                                                          byteOffset: isTranscoded ? nil : quoteOffset))
                    }
                    c.endField()
                    store(c)
                    return true
                }
            }
            if c.skipLineFeed {
                c.skipLineFeed = false
                if buffer[c.position] == 0x0A {
                    c.position += 1
                    if !started { recordOffset += 1 }
                    continue
                }
            }
            switch state {
            case .comment:
                // Skip to the end of the line; the record starts again after it.
                while c.position < c.end && buffer[c.position] != 0x0A && buffer[c.position] != 0x0D { c.position += 1 }
                if c.position == c.end { continue }
                if buffer[c.position] == 0x0D { c.skipLineFeed = true }
                c.position += 1
                c.line += 1
                started = false
                state = .fieldStart
                recordRow += 1  // a comment line is a row in a spreadsheet too
                recordLine = c.line
                recordOffset = streamOffset + c.position

            case .fieldStart:
                let byte = buffer[c.position]
                if !started, let comment, byte == comment {
                    state = .comment
                    continue
                }
                started = true
                if byte == 0x22 {
                    state = .quoted
                    quoteLine = c.line
                    quoteOffset = streamOffset + c.position
                    c.previousCR = false
                    c.position += 1
                } else {
                    state = .unquoted
                }

            case .unquoted:
                // The common case — a run of unquoted fields — stays in this loop, away from
                // the state dispatch.
                unquoted: while true {
                    let start = c.position
                    c.position = Self.scan(buffer, from: c.position, to: c.end, classes: classes, delimiter: delimiterWord, below: 1)
                    c.appendFromBuffer(buffer + start, c.position - start)
                    if c.position == c.end { break unquoted }
                    let byte = buffer[c.position]
                    c.position += 1
                    switch classes[Int(byte)] {
                    case 1:
                        c.endField()
                        if c.position == c.end || buffer[c.position] == 0x22 {
                            state = .fieldStart
                            break unquoted
                        }
                    case 3:
                        c.line += 1
                        c.endField()
                        store(c)
                        return true
                    case 2:
                        c.line += 1
                        c.skipLineFeed = true
                        c.endField()
                        store(c)
                        return true
                    default:
                        // A quote inside an unquoted field: kept as a character, reported.
                        recordProblems.append(FormatError(.csvStrayQuote, line: c.line, row: recordRow, column: c.fields + 1,
                                                          byteOffset: isTranscoded ? nil : streamOffset + c.position - 1))
                        c.appendByte(byte)
                    }
                }

            case .quoted:
                let start = c.position
                c.position = Self.scan(buffer, from: c.position, to: c.end, classes: classes, delimiter: nil, below: 2)
                if c.position > start { c.previousCR = false }
                c.appendFromBuffer(buffer + start, c.position - start)
                if c.position == c.end { continue }
                let byte = buffer[c.position]
                c.position += 1
                switch byte {
                case 0x22:
                    state = .quoteInQuoted
                case 0x0A:
                    if !c.previousCR { c.line += 1 }
                    c.previousCR = false
                    c.appendByte(byte)
                default: // CR
                    c.line += 1
                    c.previousCR = true
                    c.appendByte(byte)
                }

            case .quoteInQuoted:
                if buffer[c.position] == 0x22 {
                    c.appendByte(0x22)
                    c.position += 1
                    c.previousCR = false
                    state = .quoted
                } else {
                    state = .afterQuote
                }

            case .afterQuote:
                let byte = buffer[c.position]
                switch classes[Int(byte)] {
                case 1:
                    c.position += 1
                    c.endField()
                    reportedAfterQuote = false
                    state = .fieldStart
                case 3:
                    c.position += 1
                    c.line += 1
                    c.endField()
                    store(c)
                    return true
                case 2:
                    c.position += 1
                    c.line += 1
                    c.skipLineFeed = true
                    c.endField()
                    store(c)
                    return true
                default:
                    // `"abc"def`: Excel keeps `abcdef`; we keep it too and report it.
                    if !reportedAfterQuote {
                        reportedAfterQuote = true
                        recordProblems.append(FormatError(.csvTextAfterQuote, line: c.line, row: recordRow, column: c.fields + 1,
                                                          byteOffset: isTranscoded ? nil : streamOffset + c.position))
                    }
                    state = .unquoted
                }
            }
        }
    }
}

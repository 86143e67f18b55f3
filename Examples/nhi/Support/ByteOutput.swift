#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NHIFormats

/// The first failed write to standard output or standard error (an `errno`), checked
/// before the tool exits: output that could not be written is an error, never exit 0.
enum StandardOutputStatus {
    // Written only by the main thread, which runs the commands.
    nonisolated(unsafe) static var failure: Int32 = 0

    /// Flushes C's streams (`print` writes through `stdout`) and throws `file.write` when
    /// anything meant for standard output was not written.
    static func check() throws(FormatError) {
        if fflush(nil) != 0, failure == 0 { failure = errno == 0 ? EIO : errno }
        guard failure != 0 else { return }
        let text = String(cString: strerror(failure))
        throw FormatError(.fileWrite, value: "<standard output>", detail: "標準輸出：\(text)", detailEn: "standard output: \(text)")
    }
}

/// A buffered writer to a file descriptor that works on bytes, so the streaming commands
/// can print millions of lines without creating a `String` per line.
final class ByteOutput {
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let capacity: Int
    private let fd: Int32
    /// A file written through ``SafeFile`` instead of a descriptor.
    private let file: SafeFile?
    /// The first failure writing `file`.
    private var fileError: FormatError?

    init(fd: Int32 = 1, capacity: Int = 1 << 16) {
        self.fd = fd
        self.file = nil
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    /// Writes into `file` (complete or absent): call ``commit()`` at the end.
    init(file: SafeFile, capacity: Int = 1 << 16) {
        self.fd = -1
        self.file = file
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    /// Flushes into the ``SafeFile`` and renames it into place; throws the first write
    /// failure (the target is then left as it was).
    func commit() throws(FormatError) {
        flush()
        if let fileError { throw fileError }
        try file?.commit()
    }

    /// Renders what `body` writes into bytes in memory (for precomputed fragments).
    static func render(_ body: (ByteOutput) -> Void) -> [UInt8] {
        let output = ByteOutput(fd: -1, capacity: 1 << 16)
        body(output)
        let bytes = Array(UnsafeBufferPointer(start: output.storage, count: output.count))
        output.count = 0
        return bytes
    }

    deinit {
        flush()
        storage.deallocate()
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { flush() }
        if bytes.count > capacity {
            writeAll(UnsafeRawPointer(base), bytes.count)
            return
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    func write(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBufferPointer { write($0) } }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    func write(byte: UInt8) {
        if count == capacity { flush() }
        storage[count] = byte
        count += 1
    }

    /// Writes `text` as a JSON string literal, quoted and escaped.
    func writeJSONString(_ text: String) {
        write(byte: 0x22)
        for byte in text.utf8 { writeEscaped(byte) }
        write(byte: 0x22)
    }

    /// Writes raw bytes (valid UTF-8 or not) as a JSON string literal; invalid UTF-8 is
    /// replaced by U+FFFD so that the output is always valid JSON.
    func writeJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            write(byte: 0x22)
            write(bytes)
            write(byte: 0x22)
        } else {
            writeJSONString(String(decoding: bytes, as: UTF8.self))
        }
    }

    private func writeEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: write(byte: 0x5C); write(byte: 0x22)
        case 0x5C: write(byte: 0x5C); write(byte: 0x5C)
        case 0x0A: write(byte: 0x5C); write(byte: 0x6E)
        case 0x0D: write(byte: 0x5C); write(byte: 0x72)
        case 0x09: write(byte: 0x5C); write(byte: 0x74)
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            write(byte: 0x5C); write(byte: 0x75); write(byte: 0x30); write(byte: 0x30)
            write(byte: hex.utf8Start[Int(byte >> 4)]); write(byte: hex.utf8Start[Int(byte & 0xF)])
        default: write(byte: byte)
        }
    }

    func flush() {
        if let file {
            if fileError == nil {
                do { try file.write(UnsafeRawBufferPointer(start: storage, count: count)) } catch { fileError = error }
            }
            count = 0
            return
        }
        guard fd >= 0 else { return }
        writeAll(UnsafeRawPointer(storage), count)
        count = 0
    }

    private func writeAll(_ pointer: UnsafeRawPointer, _ length: Int) {
        var offset = 0
        while offset < length {
            let n = Glibc.write(fd, pointer + offset, length - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                // Remembered and reported before exit (see `StandardOutputStatus`); the
                // rest of this output is dropped.
                if StandardOutputStatus.failure == 0 && fd <= 2 { StandardOutputStatus.failure = n < 0 ? errno : EIO }
                return
            }
            offset += n
        }
    }
}

/// Reads a file descriptor line by line in large chunks with constant memory. Lines are
/// split on LF; a CR before the LF is dropped. A line longer than `maxLineBytes` is passed
/// on cut to that length with `tooLong` set; the rest of it is skipped, never held.
struct LineReader {
    let fd: Int32
    var chunkSize = 1 << 20
    /// The longest line kept whole (bytes, without the terminator).
    var maxLineBytes = 1 << 16
    /// The name for messages.
    var name = "<standard input>"

    /// Calls `body` with each line's bytes (without terminator), its 1-based number and
    /// whether it was cut. The buffer is valid only during the call. A read error (such as
    /// a directory as standard input) throws `file.read`; it is never taken as the end.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, _ line: Int, _ tooLong: Bool) throws -> Void) throws {
        var carry: [UInt8] = []
        carry.reserveCapacity(min(maxLineBytes, 1 << 12))
        var carryTooLong = false
        var lineNumber = 0
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
            let room = maxLineBytes - carry.count
            if bytes.count > room {
                if room > 0 { carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<room])) }
                carryTooLong = true
            } else {
                carry.append(contentsOf: bytes)
            }
        }
        while true {
            let n = read(fd, chunk.baseAddress!, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                let text = String(cString: strerror(errno))
                throw FormatError(.fileRead, value: name, detail: text, detailEn: text)
            }
            if n == 0 { break }
            let base = UnsafePointer(chunk.baseAddress!)
            var start = 0
            while start < n, let hit = memchr(base + start, 0x0A, n - start) {
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                let piece = UnsafeBufferPointer(start: base + start, count: newline - start)
                if carry.isEmpty && !carryTooLong && piece.count <= maxLineBytes {
                    try emit(piece, lineNumber, false, body)
                } else {
                    keep(piece)
                    try carry.withUnsafeBufferPointer { try emit($0, lineNumber, carryTooLong, body) }
                    carry.removeAll(keepingCapacity: true)
                    carryTooLong = false
                }
                start = newline + 1
            }
            if start < n { keep(UnsafeBufferPointer(start: base + start, count: n - start)) }
        }
        if !carry.isEmpty || carryTooLong {
            lineNumber += 1
            try carry.withUnsafeBufferPointer { try emit($0, lineNumber, carryTooLong, body) }
        }
    }

    @inline(__always)
    private func emit(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ tooLong: Bool,
                      _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Void) throws {
        if !tooLong, let last = line.last, last == 0x0D {
            try body(UnsafeBufferPointer(rebasing: line.dropLast()), number, false)
        } else {
            try body(line, number, tooLong)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file descriptor that works on bytes, so the streaming commands
/// can print millions of lines without creating a `String` per line.
final class ByteOutput {
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let capacity: Int
    private let fd: Int32

    init(fd: Int32 = 1, capacity: Int = 1 << 16) {
        self.fd = fd
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
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
        guard fd >= 0 else { return }
        writeAll(UnsafeRawPointer(storage), count)
        count = 0
    }

    private func writeAll(_ pointer: UnsafeRawPointer, _ length: Int) {
        var offset = 0
        while offset < length {
            let n = Glibc.write(fd, pointer + offset, length - offset)
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}

/// Reads a file descriptor line by line in large chunks with constant memory. Lines are
/// split on LF; a CR before the LF is dropped.
struct LineReader {
    let fd: Int32
    var chunkSize = 1 << 20

    /// Calls `body` with each line's bytes (without terminator). The buffer is valid only
    /// during the call.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var carry: [UInt8] = []
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        while true {
            let n = read(fd, chunk.baseAddress!, chunkSize)
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            let base = UnsafePointer(chunk.baseAddress!)
            var start = 0
            while start < n, let hit = memchr(base + start, 0x0A, n - start) {
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if carry.isEmpty {
                    try emit(UnsafeBufferPointer(start: base + start, count: newline - start), body)
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: newline - start))
                    try carry.withUnsafeBufferPointer { try emit($0, body) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            if start < n { carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: n - start)) }
        }
        if !carry.isEmpty { try carry.withUnsafeBufferPointer { try emit($0, body) } }
    }

    @inline(__always)
    private func emit(_ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        if let last = line.last, last == 0x0D {
            try body(UnsafeBufferPointer(rebasing: line.dropLast()))
        } else {
            try body(line)
        }
    }
}

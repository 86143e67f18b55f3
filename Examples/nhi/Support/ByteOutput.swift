#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file descriptor that works on bytes, so the streaming commands
/// can print millions of lines without creating a `String` per line.
final class ByteOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let capacity: Int

    init(fd: Int32 = 1, capacity: Int = 1 << 16) {
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { flush() }
    }

    func write(byte: UInt8) { buffer.append(byte) }

    /// Writes `text` as a JSON string literal, quoted and escaped.
    func writeJSONString(_ text: String) {
        buffer.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Copy runs that need no escaping in one go.
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    appendEscaped(byte)
                    start = index + 1
                }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        buffer.append(0x22)
        if buffer.count >= capacity { flush() }
    }

    /// Writes raw bytes (valid UTF-8 or not) as a JSON string literal; invalid UTF-8 is
    /// replaced by U+FFFD so that the output is always valid JSON.
    func writeJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            buffer.append(0x22)
            buffer.append(contentsOf: bytes)
            buffer.append(0x22)
        } else {
            writeJSONString(String(decoding: bytes, as: UTF8.self))
        }
    }

    private func appendEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
        case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
        case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
        case 0..<0x20:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        default: buffer.append(byte)
        }
    }

    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Reads a file descriptor line by line in large chunks with constant memory. Lines are
/// split on LF; a CR before the LF, and a lone CR at the end of the input, are dropped.
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
            var start = 0
            let data = UnsafeBufferPointer(rebasing: chunk[0..<n])
            while let newline = data[start...].firstIndex(of: 0x0A) {
                if carry.isEmpty {
                    try emit(UnsafeBufferPointer(rebasing: data[start..<newline]), body)
                } else {
                    carry.append(contentsOf: data[start..<newline])
                    try carry.withUnsafeBufferPointer { try emit($0, body) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            carry.append(contentsOf: data[start...])
        }
        if !carry.isEmpty { try carry.withUnsafeBufferPointer { try emit($0, body) } }
    }

    private func emit(_ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        if let last = line.last, last == 0x0D {
            try body(UnsafeBufferPointer(rebasing: line.dropLast()))
        } else {
            try body(line)
        }
    }
}

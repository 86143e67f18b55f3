#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NHICore

/// Where a reader's bytes come from: a file (read in chunks, constant memory) or bytes in
/// memory.
public enum ByteInput: Sendable {
    /// A file by path.
    case file(String)
    /// Bytes in memory, with a name for messages.
    case bytes([UInt8], name: String = "<memory>")

    /// The input's size in bytes when it is known without reading it (nil: unknown).
    var sizeHint: Int? {
        switch self {
        case .bytes(let bytes, _): return bytes.count
        case .file(let path):
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        }
    }

    /// The file name, for reports.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(_, let name): name
        }
    }
}

/// A sequential reader over a ``ByteInput`` that fills caller-owned buffers.
final class ByteReader {
    private var fd: Int32 = -1
    private var memory: [UInt8] = []
    private var memoryOffset = 0
    private let isFile: Bool
    let name: String

    init(_ input: ByteInput) throws(FormatError) {
        switch input {
        case .file(let path):
            name = path
            isFile = true
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                throw FormatError(.fileOpen, value: path, detail: String(cString: strerror(errno)), detailEn: String(cString: strerror(errno)))
            }
            #if os(Linux)
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
            #endif
        case .bytes(let bytes, let label):
            name = label
            isFile = false
            memory = bytes
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Reads up to `count` bytes into `buffer`; 0 at the end of the input.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(FormatError) -> Int {
        if !isFile {
            let n = min(count, memory.count - memoryOffset)
            if n > 0 {
                memory.withUnsafeBufferPointer { source in
                    buffer.update(from: source.baseAddress! + memoryOffset, count: n)
                }
                memoryOffset += n
            }
            return n
        }
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FormatError(.fileRead, value: name, detail: String(cString: strerror(errno)), detailEn: String(cString: strerror(errno)))
        }
    }

    /// Reads until `count` bytes are in `buffer` or the input ends.
    func readFully(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(FormatError) -> Int {
        var total = 0
        while total < count {
            let n = try read(into: buffer + total, count: count - total)
            if n == 0 { break }
            total += n
        }
        return total
    }
}

/// Where a writer's bytes go.
public enum ByteOutputTarget: Sendable {
    /// A file by path, written through ``SafeFile``: to a temporary file beside it (mode
    /// 0600), renamed into place when the writer finishes, removed if it does not; a
    /// symbolic link or a non-regular file at the path is refused.
    case file(String)
    /// Collected in memory: the writer returns the bytes when it finishes.
    case memory
}

/// A buffered byte writer with atomic file replacement (through ``SafeFile``).
final class ByteSink {
    private var buffer: [UInt8] = []
    private let file: SafeFile?
    /// Everything written, for ``ByteOutputTarget/memory``.
    private(set) var bytes: [UInt8] = []

    init(_ target: ByteOutputTarget) throws(FormatError) {
        switch target {
        case .memory: file = nil
        case .file(let destination): file = try SafeFile(path: destination)
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ data: some Collection<UInt8>) throws(FormatError) {
        buffer.append(contentsOf: data)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(byte: UInt8) throws(FormatError) {
        buffer.append(byte)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(FormatError) {
        guard let file else {
            bytes.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        defer { buffer.removeAll(keepingCapacity: true) }
        try file.write(buffer)
    }

    /// Flushes, and for a file renames it into place.
    func finish() throws(FormatError) {
        try flush()
        try file?.commit()
    }
}

/// Splits a ``ByteInput`` into LF-terminated lines (a CR before the LF is dropped) in
/// constant memory: at most `keep` bytes of a line are held; a longer line is reported
/// with its true length, and its bytes past `keep` are skipped, never stored.
final class LineSplitter {
    private let reader: ByteReader
    private let chunk: UnsafeMutablePointer<UInt8>
    private let chunkSize: Int
    private var position = 0
    private var end = 0
    private var atEnd = false
    private var kept: [UInt8] = []
    private let keep: Int
    /// The 1-based number of the line last returned.
    private(set) var line = 0
    /// The stream offset of the first byte of the line last returned.
    private(set) var lineOffset = 0
    private var streamOffset = 0

    /// Whether a byte-order mark at the very start is still to be skipped.
    private var skipByteOrderMark: Bool

    /// `skipByteOrderMark`: a byte-order mark at the start of the input is not part of line 1.
    init(_ input: ByteInput, keep: Int, skipByteOrderMark: Bool = false, chunkSize: Int = 1 << 16) throws(FormatError) {
        reader = try ByteReader(input)
        self.skipByteOrderMark = skipByteOrderMark
        self.keep = keep
        self.chunkSize = chunkSize
        chunk = .allocate(capacity: chunkSize)
        kept.reserveCapacity(keep)
    }

    deinit { chunk.deallocate() }

    /// The next line: its first `keep` bytes (without the terminator), its full length,
    /// and whether it is blank (only spaces and tabs, however long); nil at the end of the
    /// input. The bytes are valid until the next call.
    func next() throws(FormatError) -> (bytes: [UInt8], length: Int, blank: Bool)? {
        kept.removeAll(keepingCapacity: true)
        var length = 0
        var sawAny = false
        var blank = true
        var pendingCR = false
        var startOffset: Int?
        while true {
            if position == end {
                if atEnd { break }
                streamOffset += end
                position = 0
                end = try reader.readFully(into: chunk, count: chunkSize)
                if end == 0 { atEnd = true; break }
                if skipByteOrderMark {
                    skipByteOrderMark = false
                    if let (_, length) = EncodingDetection.byteOrderMark(in: UnsafeBufferPointer(start: chunk, count: end)) {
                        position = length
                        if position == end { continue }
                    }
                }
            }
            if startOffset == nil { startOffset = streamOffset + position }
            sawAny = true
            let i = memchr(chunk + position, 0x0A, end - position).map { UnsafeMutableRawPointer(chunk).distance(to: $0) } ?? end
            let n = i - position
            let room = keep - kept.count
            if room > 0 { kept.append(contentsOf: UnsafeBufferPointer(start: chunk + position, count: min(room, n))) }
            // Blank: spaces and tabs only (a CR only as the last byte); stops at the first other byte.
            var k = position
            while blank && k < i {
                let byte = chunk[k]
                if pendingCR { blank = false }
                if byte == 0x0D { pendingCR = true } else if byte != 0x20 && byte != 0x09 { blank = false }
                k += 1
            }
            length += n
            if i < end {
                position = i + 1
                line += 1
                lineOffset = startOffset ?? 0
                if length <= keep, kept.last == 0x0D { kept.removeLast(); length -= 1 }
                return (kept, length, blank)
            }
            position = end
        }
        guard sawAny, length > 0 || !kept.isEmpty else { return nil }
        line += 1
        lineOffset = startOffset ?? 0
        if length <= keep, kept.last == 0x0D { kept.removeLast(); length -= 1 }
        return (kept, length, blank)
    }
}

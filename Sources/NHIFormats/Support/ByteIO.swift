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
    /// A file by path, written atomically: to a temporary file beside it, renamed into
    /// place when the writer finishes, removed if it does not.
    case file(String)
    /// Collected in memory: the writer returns the bytes when it finishes.
    case memory
}

/// A buffered byte writer with atomic file replacement.
final class ByteSink {
    private var buffer: [UInt8] = []
    private var fd: Int32 = -1
    private let path: String?
    private let temporaryPath: String?
    private var finished = false
    /// Everything written, for ``ByteOutputTarget/memory``.
    private(set) var bytes: [UInt8] = []

    init(_ target: ByteOutputTarget) throws(FormatError) {
        switch target {
        case .memory:
            path = nil
            temporaryPath = nil
        case .file(let destination):
            path = destination
            let temp = destination + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            temporaryPath = temp
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 {
                throw FormatError(.fileWrite, value: destination, detail: String(cString: strerror(errno)), detailEn: String(cString: strerror(errno)))
            }
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
        guard fd >= 0 else {
            bytes.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        let failure: Int32? = buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return errno }
                offset += n
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            throw FormatError(.fileWrite, value: path, detail: String(cString: strerror(failure)), detailEn: String(cString: strerror(failure)))
        }
    }

    /// Flushes, and for a file renames it into place.
    func finish() throws(FormatError) {
        try flush()
        guard fd >= 0, let path, let temporaryPath else { finished = true; return }
        let syncFailed = fsync(fd) != 0
        close(fd)
        fd = -1
        if syncFailed || rename(temporaryPath, path) != 0 {
            let e = errno
            unlink(temporaryPath)
            throw FormatError(.fileWrite, value: path, detail: String(cString: strerror(e)), detailEn: String(cString: strerror(e)))
        }
        finished = true
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !finished, let temporaryPath { unlink(temporaryPath) }
    }
}

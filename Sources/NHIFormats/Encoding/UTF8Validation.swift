/// UTF-8 checks on raw bytes that report the offset of the first bad byte (the standard
/// library's validating initialisers only say yes or no).
enum UTF8Validation {
    /// Whether every byte is below 0x80.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress else { return true }
        let end = p + bytes.count
        // Eight bytes at a time.
        while end - p >= 8 {
            if UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            p += 8
        }
        while p < end {
            if p.pointee >= 0x80 { return false }
            p += 1
        }
        return true
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (overlong forms, surrogates and values above U+10FFFF are ill-formed), or
    /// nil when all of `bytes` is well-formed.
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= lower && b1 <= upper else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Whether the sequence at `offset` is a valid start cut short by the end of `bytes`.
    static func isTruncated(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let b0 = bytes[offset]
        let length: Int
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        guard offset + length > bytes.count else { return false }
        for k in (offset + 1)..<bytes.count where bytes[k] & 0xC0 != 0x80 { return false }
        return true
    }
}

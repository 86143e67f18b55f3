/// Streams UTF-16 bytes (either byte order) into UTF-8, so that the byte-level CSV parser
/// can read Excel's "Unicode text" files in constant memory.
///
/// Nothing is replaced: a code unit that is not valid UTF-16 (an unpaired surrogate, or an
/// odd byte at the end) is written as the byte `0xFF` — which never occurs in UTF-8 —
/// followed by the unit as four upper-case hex digits. ``FieldCodec`` turns that marker
/// into an `encoding.undecodable` error at the field's row and column.
struct UTF16Transcoder {
    /// The marker byte for an invalid unit.
    static let escapeByte: UInt8 = 0xFF
    /// The unit written after the marker for a dangling odd byte at the end of the input.
    static let oddByteUnit: UInt16 = 0xFFFF

    let bigEndian: Bool
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Transcodes a chunk, appending UTF-8 to `output`.
    mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var i = 0
        if let first = pendingByte, input.count > 0 {
            pendingByte = nil
            emit(unit(first, input[0]), into: &output)
            i = 1
        }
        while i + 1 < input.count {
            emit(unit(input[i], input[i + 1]), into: &output)
            i += 2
        }
        if i < input.count { pendingByte = input[i] }
    }

    /// Flushes state at the end of the input.
    mutating func finish(into output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            Self.escape(high, into: &output)
            pendingHighSurrogate = nil
        }
        if pendingByte != nil {
            Self.escape(Self.oddByteUnit, into: &output)
            pendingByte = nil
        }
    }

    @inline(__always)
    private func unit(_ a: UInt8, _ b: UInt8) -> UInt16 {
        bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a)
    }

    private mutating func emit(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                output.append(UInt8(0xF0 | (scalar >> 18)))
                output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
                return
            }
            Self.escape(high, into: &output)
        }
        switch unit {
        case 0..<0x80:
            output.append(UInt8(unit))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (unit >> 6)))
            output.append(UInt8(0x80 | (unit & 0x3F)))
        case 0xD800...0xDBFF:
            pendingHighSurrogate = unit
        case 0xDC00...0xDFFF:
            Self.escape(unit, into: &output)
        default:
            output.append(UInt8(0xE0 | (unit >> 12)))
            output.append(UInt8(0x80 | ((unit >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (unit & 0x3F)))
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func escape(_ unit: UInt16, into output: inout [UInt8]) {
        output.append(escapeByte)
        for shift in stride(from: 12, through: 0, by: -4) { output.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
    }

    /// The unit escaped at `offset` (which holds ``escapeByte``), if four hex digits follow.
    static func escapedUnit(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt16? {
        guard offset + 4 < bytes.count else { return nil }
        var value: UInt16 = 0
        for k in 1...4 {
            let b = bytes[offset + k]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}

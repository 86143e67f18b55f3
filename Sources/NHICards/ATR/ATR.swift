/// An Answer-To-Reset: the bytes a card sends when it is powered (ISO/IEC 7816-3 §8).
///
/// ``historicalBytes`` are parsed from the interface-byte chain; they carry the card's
/// self-description (`CHTMOICA` on citizen certificates, `SLJ52G…` on NHI cards).
public struct ATR: Hashable, Sendable, CustomStringConvertible {
    /// The raw bytes.
    public let bytes: [UInt8]

    /// Creates an ATR from its bytes.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses `3B FA 18 …` (spaces, colons or nothing between the pairs).
    public init?(hex text: String) {
        let digits = text.filter { !" :-".contains($0) }
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }

    /// `3B FA 18 00 …`.
    public var description: String { hexString(bytes) }

    /// The historical bytes, or an empty array when the ATR is too short to hold them.
    public var historicalBytes: [UInt8] {
        guard bytes.count >= 2 else { return [] }
        let t0 = bytes[1]
        let count = Int(t0 & 0x0F)
        var y = t0 >> 4
        var index = 2
        while true {
            // TA, TB, TC present per bits 1-3 of Y; TD per bit 4.
            index += (y & 0x1 != 0 ? 1 : 0) + (y & 0x2 != 0 ? 1 : 0) + (y & 0x4 != 0 ? 1 : 0)
            guard y & 0x8 != 0 else { break }
            guard index < bytes.count else { return [] }
            y = bytes[index] >> 4
            index += 1
        }
        guard index + count <= bytes.count else { return [] }
        return Array(bytes[index..<(index + count)])
    }

    /// The historical bytes as text, non-printable bytes shown as `.` (`SLJ52Gxxyy`).
    public var historicalText: String {
        String(historicalBytes.map { (0x20..<0x7F).contains($0) ? Character(Unicode.Scalar($0)) : "." })
    }
}

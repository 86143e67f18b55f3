/// The shared checksum of national IDs and resident numbers (SPEC §11).
///
/// Works on ASCII bytes so that the CLI's streaming path can validate millions of values
/// without creating strings.
enum IDChecksum {
    /// The letter values: A10 B11 C12 D13 E14 F15 G16 H17 I34 J18 K19 L20 M21 N22 O35 P23
    /// Q24 R25 S26 T27 U28 V29 W32 X30 Y31 Z33.
    static let letterValues: [Int] = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33]

    /// The weighted sum over 10 ASCII bytes. The first byte must be `A`–`Z`. The second is
    /// a digit, or (old resident form) a letter of which only the units digit counts.
    /// Remaining bytes must be digits. Returns nil when the shape is wrong.
    @inline(__always)
    static func sum(_ b0: UInt8, _ b1: UInt8, digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)) -> Int {
        let v = letterValues[Int(b0 &- 65)]
        var s = v / 10 + (v % 10) * 9
        let second: Int
        if b1 >= 65 && b1 <= 90 { second = letterValues[Int(b1 &- 65)] % 10 } else { second = Int(b1 &- 48) }
        s += second * 8
        s += Int(digits.0 &- 48) * 7
        s += Int(digits.1 &- 48) * 6
        s += Int(digits.2 &- 48) * 5
        s += Int(digits.3 &- 48) * 4
        s += Int(digits.4 &- 48) * 3
        s += Int(digits.5 &- 48) * 2
        s += Int(digits.6 &- 48) * 1
        s += Int(digits.7 &- 48) * 1
        return s
    }

    /// Whether 10 ASCII bytes pass the checksum. Shape must be checked by the caller.
    @inline(__always)
    static func isValid<C: RandomAccessCollection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let i = bytes.startIndex
        return sum(bytes[i], bytes[i + 1], digits: (bytes[i + 2], bytes[i + 3], bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7], bytes[i + 8], bytes[i + 9])) % 10 == 0
    }

    /// The digit that makes a 9-character prefix valid (used by generators in tests and demos).
    static func checkDigit(prefix: [UInt8]) -> UInt8 {
        precondition(prefix.count == 9)
        for d in UInt8(48)...UInt8(57) where isValid(prefix + [d]) { return d }
        preconditionFailure("a check digit always exists")
    }

    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}

/// What Excel does to digit strings typed into a column that is not formatted as text,
/// and what can be undone.
///
/// - A leading zero is dropped: `0912345678` becomes the number 912345678 and is saved
///   as `912345678`. Telephone numbers in Taiwan always start with the trunk `0`, so
///   adding it back is safe.
/// - A long number is shown, and saved, in scientific notation: `9.12E+08`. The digits
///   after the third are gone; no program can know them. Only when every digit is still
///   there (`9.12345678E+08`) is the number recoverable.
public enum ExcelNumberDamage {
    /// A number written in scientific notation.
    public struct Scientific: Sendable, Hashable {
        /// The significant digits, without the decimal point and without trailing zeros
        /// after the first digit (`912` for `9.120E+08`).
        public let significantDigits: String
        /// The power of ten (`8`).
        public let exponent: Int

        /// The integer the notation stands for when every digit is known
        /// (`9.12345678E+08` → `912345678`); nil when digits were lost to rounding
        /// (`9.12E+08`) or the value is not an integer.
        public var exactInteger: String? {
            significantDigits.count == exponent + 1 ? significantDigits : nil
        }

        /// How many digits the integer has (`exponent + 1`).
        public var integerDigitCount: Int { exponent + 1 }
    }

    /// Parses Excel's scientific notation: `9.12E+08`, `9.12e8`, `1E+09` (no sign,
    /// no leading zeros in the mantissa). Nil for anything else.
    public static func scientific(_ text: String) -> Scientific? {
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == 0x45 || $0 == 0x65 }), e > 0 else { return nil }
        let mantissa = bytes[..<e]
        var exponentPart = bytes[(e + 1)...]
        if exponentPart.first == 0x2B { exponentPart = exponentPart.dropFirst() }
        guard !exponentPart.isEmpty, exponentPart.count <= 3,
              exponentPart.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let exponent = exponentPart.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard let first = mantissa.first, first >= 0x31 && first <= 0x39 else { return nil }
        var digits: [UInt8] = [first]
        let rest = mantissa.dropFirst()
        if !rest.isEmpty {
            guard rest.first == 0x2E, rest.count >= 2 else { return nil }
            let fraction = rest.dropFirst()
            guard fraction.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            digits.append(contentsOf: fraction)
        }
        while digits.count > 1 && digits.last == 0x30 { digits.removeLast() }
        guard digits.count <= exponent + 1 else { return nil }  // a fraction, not a phone number
        return Scientific(significantDigits: String(decoding: digits, as: UTF8.self), exponent: exponent)
    }

    /// Whether `text` is a digit string whose leading `0` Excel dropped and adding it back
    /// gives a string `accepts` takes. Returns the repaired string.
    static func restoringLeadingZero(_ digits: String, accepts: (String) -> Bool) -> String? {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.utf8.first != 0x30 else { return nil }
        let candidate = "0" + digits
        return accepts(candidate) ? candidate : nil
    }
}

/// An NHI-card online-service registration password (註冊密碼): 6–12 printable ASCII
/// characters without spaces. Its ``strength`` is what the seeds' meter shows.
///
/// The value is never printed: ``description`` and `debugDescription` are `******`.
public struct RegistrationPassword: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The seeds' strength meter: 弱 / 中 / 中強 / 強.
    public enum Strength: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
        /// 弱: one character class (only letters of one case, only digits or only symbols).
        case weak = 1
        /// 中: two character classes.
        case medium
        /// 中強: three or four classes, but not strong.
        case mediumStrong
        /// 強: upper- and lower-case letters, digits and symbols, and at least 8 characters.
        case strong

        /// `弱`, `中`, `中強`, `強`.
        public var label: String { ["弱", "中", "中強", "強"][rawValue - 1] }
        /// `weak`, `medium`, `medium-strong`, `strong`.
        public var labelEn: String { ["weak", "medium", "medium-strong", "strong"][rawValue - 1] }
        /// Orders from weak to strong.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The password itself. Handle with care; never log it.
    public let value: String

    /// Checks the password; throws `password.length` (not 6–12 characters) or `password.characters` (a space, a CJK
    /// character or another character outside printable ASCII). The input never appears in the error.
    public init(_ input: String) throws(ValidationError) {
        guard (6...12).contains(input.count) else { throw ValidationError.make(.passwordLength, .password, input: Masking.secret) }
        guard input.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw ValidationError.make(.passwordCharacters, .password, input: Masking.secret)
        }
        value = input
    }

    /// Strong = upper + lower + digit + symbol and 8 or more characters (SPEC §5); otherwise
    /// one character class is weak, two medium, three or more medium-strong.
    public var strength: Strength { Self.strength(of: value) }

    /// The meter's reading for any text, valid or not (for live feedback while typing).
    public static func strength(of text: String) -> Strength {
        var upper = false, lower = false, digit = false, symbol = false
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A: upper = true
            case 0x61...0x7A: lower = true
            case 0x30...0x39: digit = true
            default: symbol = true
            }
        }
        let classes = [upper, lower, digit, symbol].filter { $0 }.count
        if classes == 4 && text.count >= 8 { return .strong }
        switch classes {
        case 0, 1: return .weak
        case 2: return .medium
        default: return .mediumStrong
        }
    }

    /// Always `******`: the password is never printed.
    public var description: String { Masking.secret }
    /// Always `******`: the password is never printed, not even in the debugger.
    public var debugDescription: String { Masking.secret }
}

/// A certificate-card PIN: 6–8 letters or digits. A wrong length is the seeds' error 9041.
///
/// New citizen cards (from 2025-09-23) default to the last 4 ID digits + birth MMDD;
/// older ones to the ROC birth date `yyMMdd`. The value is never printed.
public struct PIN: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The PIN itself. Handle with care; never log it.
    public let value: String

    /// Checks the PIN; throws `pin.length` (not 6–8 characters, error 9041 on the NHI's screens) or `pin.characters`
    /// (anything but letters and digits). The PIN never appears in the error.
    public init(_ input: String) throws(ValidationError) {
        guard (6...8).contains(input.utf8.count) else { throw ValidationError.make(.pinLength, .pin, input: Masking.secret) }
        guard input.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) else {
            throw ValidationError.make(.pinCharacters, .pin, input: Masking.secret)
        }
        value = input
    }

    /// The PIN as bytes, for the card or the PKCS#11 module.
    public var bytes: [UInt8] { Array(value.utf8) }

    /// Always `******`: the PIN is never printed.
    public var description: String { Masking.secret }
    /// Always `******`: the PIN is never printed, not even in the debugger.
    public var debugDescription: String { Masking.secret }
}

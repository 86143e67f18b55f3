/// The two status bytes SW1 SW2 that end every card response (ISO/IEC 7816-4 §5.6).
///
/// A status word is the card's answer, not a transport failure: a `6A82` (file not found)
/// means the exchange worked and the card said no. Transport failures are ``CardError``s
/// with a ``PCSCStatus``.
public struct StatusWord: Hashable, Sendable, CustomStringConvertible {
    /// The first status byte.
    public let sw1: UInt8
    /// The second status byte.
    public let sw2: UInt8

    /// Creates a status word from its two bytes.
    public init(_ sw1: UInt8, _ sw2: UInt8) {
        self.sw1 = sw1
        self.sw2 = sw2
    }

    /// Creates a status word from its 16-bit value (`0x9000`).
    public init(_ value: UInt16) {
        self.init(UInt8(value >> 8), UInt8(value & 0xFF))
    }

    /// The 16-bit value (`0x9000`).
    public var value: UInt16 { UInt16(sw1) << 8 | UInt16(sw2) }

    /// `9000`: normal processing.
    public static let success = StatusWord(0x9000)
    /// `6D00`: instruction not supported (what late-2025 NHI cards answer to the SELECT).
    public static let instructionNotSupported = StatusWord(0x6D00)
    /// `6E00`: class not supported.
    public static let classNotSupported = StatusWord(0x6E00)
    /// `6A82`: file or application not found.
    public static let fileNotFound = StatusWord(0x6A82)
    /// `6700`: wrong length.
    public static let wrongLength = StatusWord(0x6700)
    /// `6982`: security status not satisfied (PIN not verified).
    public static let securityStatusNotSatisfied = StatusWord(0x6982)
    /// `6983`: authentication method blocked (PIN locked).
    public static let authenticationBlocked = StatusWord(0x6983)
    /// `6984`: reference data not usable (PIN not yet set / card not activated).
    public static let referenceDataNotUsable = StatusWord(0x6984)

    /// `9000`.
    public var isSuccess: Bool { self == .success }

    /// For `61xx`: the number of response bytes still waiting for a GET RESPONSE
    /// (`0` means 256).
    public var bytesRemaining: Int? { sw1 == 0x61 ? (sw2 == 0 ? 256 : Int(sw2)) : nil }

    /// For `6Cxx`: the exact Le the card wants the command repeated with (`0` means 256).
    public var correctLength: Int? { sw1 == 0x6C ? (sw2 == 0 ? 256 : Int(sw2)) : nil }

    /// For `63Cx`: the number of PIN tries left.
    public var retriesLeft: Int? { sw1 == 0x63 && sw2 & 0xF0 == 0xC0 ? Int(sw2 & 0x0F) : nil }

    /// `9000`, `6D00`: four upper-case hex digits.
    public var description: String { hex(sw1) + hex(sw2) }

    /// What ISO/IEC 7816-4 says the status word means, in English.
    public var meaning: String {
        if isSuccess { return "normal processing" }
        if let n = bytesRemaining { return "\(n) response bytes available" }
        if let n = correctLength { return "wrong Le, the card wants \(n)" }
        if let n = retriesLeft { return "verification failed, \(n) tries left" }
        switch value {
        case 0x6281: return "part of returned data may be corrupted"
        case 0x6282: return "end of file reached before reading Le bytes"
        case 0x6400: return "execution error, state unchanged"
        case 0x6581: return "memory failure"
        case 0x6700: return "wrong length"
        case 0x6881: return "logical channel not supported"
        case 0x6882: return "secure messaging not supported"
        case 0x6981: return "command incompatible with file structure"
        case 0x6982: return "security status not satisfied"
        case 0x6983: return "authentication method blocked"
        case 0x6984: return "reference data not usable"
        case 0x6985: return "conditions of use not satisfied"
        case 0x6986: return "command not allowed (no current EF)"
        case 0x6A80: return "incorrect parameters in the data field"
        case 0x6A81: return "function not supported"
        case 0x6A82: return "file or application not found"
        case 0x6A83: return "record not found"
        case 0x6A86: return "incorrect parameters P1-P2"
        case 0x6A88: return "referenced data not found"
        case 0x6B00: return "wrong parameters P1-P2"
        case 0x6D00: return "instruction not supported"
        case 0x6E00: return "class not supported"
        case 0x6F00: return "no precise diagnosis"
        default: return "status \(description)"
        }
    }
}

@inline(__always) func hex(_ byte: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

/// Bytes as upper-case hex pairs separated by spaces: `3B FA 18 00`.
func hexString<C: Collection>(_ bytes: C, separator: String = " ") -> String where C.Element == UInt8 {
    bytes.map(hex).joined(separator: separator)
}

/// A Taiwanese national ID number (身分證字號), e.g. `A123456789`. A value that exists is
/// valid: shape and checksum are checked by ``init(parsing:)``.
///
/// The rule (SPEC §11): `^[A-Z][12]\d{8}$`; the letter's value (A10 … Z33) is split into
/// tens and units, weights 1,9,8,7,6,5,4,3,2,1,1, and the sum must be divisible by 10.
///
/// ``description`` is masked (`A12345****`) so that an ID never reaches a log by accident;
/// use ``rawValue`` where the full number is needed.
public struct NationalID: NHIIdentifier {
    /// The 10 characters, canonical (upper-case ASCII).
    public let rawValue: String

    /// Parses a national ID in canonical form. Use ``Normalizer/identifier`` first for
    /// typed or imported input.
    public init(parsing input: String) throws(ValidationError) {
        var input = input
        if let code = input.withUTF8({ Self.check($0) }) {
            throw ValidationError.make(code, .nationalID, input: Masking.id(input))
        }
        self.rawValue = input
    }

    /// Checks 10 ASCII bytes; returns the broken rule or nil when valid.
    static func check<C: RandomAccessCollection>(_ bytes: C) -> ValidationError.Code? where C.Element == UInt8, C.Index == Int {
        if bytes.isEmpty { return .nationalIDEmpty }
        if bytes.count != 10 { return .nationalIDLength }
        let i = bytes.startIndex
        if !IDChecksum.isUpper(bytes[i]) { return .nationalIDLetter }
        if bytes[i + 1] != 0x31 && bytes[i + 1] != 0x32 {
            return IDChecksum.isDigit(bytes[i + 1]) || IDChecksum.isUpper(bytes[i + 1]) ? .nationalIDSex : .nationalIDDigits
        }
        for k in 2..<10 where !IDChecksum.isDigit(bytes[i + k]) { return .nationalIDDigits }
        return IDChecksum.isValid(bytes) ? nil : .nationalIDChecksum
    }

    /// Whether ASCII bytes are a valid national ID: the streaming fast path, which creates
    /// no string. (Not generic on purpose, so that it is specialised inside this module.)
    public static func isValid(asciiBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        check(bytes) == nil
    }

    /// The rule ASCII bytes break, or nil when they are a valid national ID (the streaming
    /// fast path's way to report an invalid line without creating an error value).
    public static func failure(asciiBytes bytes: UnsafeBufferPointer<UInt8>) -> ValidationError.Code? {
        check(bytes)
    }

    /// Whether ASCII bytes are a valid national ID.
    public static func isValid(asciiBytes bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid(asciiBytes: $0) }
    }

    /// The holder's sex (second character: 1 male, 2 female).
    public var sex: Sex { rawValue.utf8.dropFirst().first == 0x31 ? .male : .female }

    /// Where the number was first issued (the first letter).
    public var region: IssuingRegion { IssuingRegion(letter: rawValue.utf8.first!)! }

    /// The NHI's masked form, `A12345****`.
    public var masked: String { Masking.id(rawValue) }

    /// The masked form (`A12345****`), so that printing or logging an ID never shows it whole.
    public var description: String { masked }


}

extension NationalID {
    /// A valid ID built from a letter, a sex and 7 serial digits (the check digit is
    /// computed). For test data and demos.
    public static func make(letter: Character, sex: Sex, serial: Int) -> NationalID {
        precondition((0..<10_000_000).contains(serial))
        var prefix = Array(String(letter).utf8)
        prefix.append(sex == .male ? 0x31 : 0x32)
        let digits = String(serial)
        prefix += Array(String(repeating: "0", count: 7 - digits.count).utf8) + Array(digits.utf8)
        prefix.append(IDChecksum.checkDigit(prefix: prefix))
        return try! NationalID(parsing: String(decoding: prefix, as: UTF8.self))
    }
}

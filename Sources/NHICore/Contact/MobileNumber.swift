/// A Taiwanese mobile number: `09` and 8 more digits, printed `0912345678`.
///
/// ``init(parsing:)`` accepts the usual written forms: `0912-345-678`, `0912 345 678`,
/// `(0912)345678`, `+886 912 345 678`, `886912345678`.
public struct MobileNumber: NHIIdentifier {
    /// The 10 digits.
    public let rawValue: String

    /// Parses a mobile number, dropping spaces, hyphens, dots and parentheses and turning `+886…` or a 12-digit
    /// `886…` into `0…`. Throws `mobile.format` (another character, or not 10 digits) or `mobile.prefix` (not starting
    /// with `09`).
    public init(parsing input: String) throws(ValidationError) {
        var digits = ""
        var plus = false
        for (offset, c) in input.enumerated() {
            if c.isASCII && c.isNumber { digits.append(c) }
            else if c == "+" && offset == 0 { plus = true }
            else if c == " " || c == "-" || c == "(" || c == ")" || c == "." { continue }
            else { throw ValidationError.make(.mobileFormat, .mobile, input: input) }
        }
        if digits.hasPrefix("886") && (plus || digits.count == 12) {
            digits = "0" + digits.dropFirst(3)
        } else if plus {
            throw ValidationError.make(.mobileFormat, .mobile, input: input)
        }
        guard digits.count == 10 else { throw ValidationError.make(.mobileFormat, .mobile, input: input) }
        guard digits.hasPrefix("09") else { throw ValidationError.make(.mobilePrefix, .mobile, input: input) }
        rawValue = digits
    }

    /// `0912-345-678`.
    public var grouped: String {
        let c = Array(rawValue)
        return String(c[0..<4]) + "-" + String(c[4..<7]) + "-" + String(c[7..<10])
    }
}

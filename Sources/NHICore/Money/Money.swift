/// An amount in whole New Taiwan dollars (NT$), with exact integer arithmetic.
///
/// Premiums, insured amounts and late fees are whole dollars; computations that pass
/// through rates use ``roundHalfUp(numerator:denominator:)`` on exact integer fractions,
/// never `Double`.
public struct Money: Hashable, Sendable, Comparable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral, AdditiveArithmetic {
    /// The amount in NT$.
    public let amount: Int64

    /// An amount of `amount` NT$.
    public init(_ amount: Int64) { self.amount = amount }
    /// An amount of `amount` NT$.
    public init(_ amount: Int) { self.amount = Int64(amount) }
    /// An amount from an integer literal in NT$ (`let insured: Money = 29_500`).
    public init(integerLiteral value: Int64) { self.amount = value }

    /// Parses `29500`, `29,500`, `NT$29,500` or `$29,500`; rejects fractions and negatives.
    public init(parsing input: String) throws(ValidationError) {
        var text = Substring(input)
        for prefix in ["NT$", "NTD", "$"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count); break }
        if text.hasSuffix("元") { text = text.dropLast() }
        if text.hasPrefix("-") { throw ValidationError.make(.moneyNegative, .money, input: input) }
        let digits = text.filter { $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError.make(.moneyFormat, .money, input: input)
        }
        guard digits.count <= 15, let value = Int64(digits) else { throw ValidationError.make(.moneyOverflow, .money, input: input) }
        amount = value
    }

    /// NT$0.
    public static let zero = Money(Int64(0))

    /// The exact sum.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(lhs.amount + rhs.amount) }
    /// The exact difference (may be negative).
    public static func - (lhs: Money, rhs: Money) -> Money { Money(lhs.amount - rhs.amount) }
    /// The amount times a count (per-head premium × persons).
    public static func * (lhs: Money, rhs: Int) -> Money { Money(lhs.amount * Int64(rhs)) }
    /// The amount times a count (persons × per-head premium).
    public static func * (lhs: Int, rhs: Money) -> Money { Money(Int64(lhs) * rhs.amount) }
    /// Orders by amount.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.amount < rhs.amount }

    /// `numerator / denominator` rounded half away from zero, exactly. The denominator
    /// must be positive.
    public static func roundHalfUp(numerator: Int64, denominator: Int64) -> Money {
        precondition(denominator > 0)
        let magnitude = (abs(numerator) * 2 + denominator) / (denominator * 2)
        return Money(numerator < 0 ? -magnitude : magnitude)
    }

    /// `29,500`.
    public var grouped: String {
        let digits = String(abs(amount))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (amount < 0 ? "-" : "") + out
    }

    /// `NT$29,500`.
    public var description: String { "NT$" + grouped }

    /// Decodes a JSON integer in NT$.
    public init(from decoder: any Decoder) throws { amount = try decoder.singleValueContainer().decode(Int64.self) }

    /// Encodes the amount as a JSON integer in NT$ (`29500`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount)
    }
}

import NHICore

/// An exact non-negative fraction: a premium rate (5.17 %), a share (30 %), an average
/// number of dependants (0.56). Never a `Double`.
///
/// Written forms: ``init(percent:)`` reads `5.17%`, `5.17` or `0.07 %` as percentages;
/// ``init(decimal:)`` reads `0.56` as a plain number. Both keep up to six decimals exactly.
/// ``percentString`` and ``decimalString`` write them back (`5.17%`, `0.56`).
public struct Rate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The numerator, in lowest terms.
    public let numerator: Int64
    /// The denominator, positive, in lowest terms.
    public let denominator: Int64

    /// Creates `numerator / denominator`, reduced; both must be non-negative, the denominator positive.
    public init(_ numerator: Int64, over denominator: Int64) {
        precondition(numerator >= 0 && denominator > 0, "a rate is a non-negative fraction")
        let g = Self.gcd(numerator, denominator)
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    /// `n` percent.
    public static func percent(_ n: Int64) -> Rate { Rate(n, over: 100) }

    /// Zero.
    public static let zero = Rate(0, over: 1)
    /// One (100 %).
    public static let one = Rate(1, over: 1)

    /// Parses a percentage: `5.17%`, `5.17 %`, `5.17`, `１１．５％` is not accepted (normalise
    /// first). At most six decimals.
    public init(percent text: String) throws(GradeError) {
        var body = Substring(text.filter { $0 != " " })
        if body.hasSuffix("%") { body = body.dropLast() }
        guard let value = Self.parseDecimal(body) else { throw GradeError(.rateFormat, field: "rate", input: text) }
        self.init(value.numerator, over: value.denominator * 100)
    }

    /// Parses a plain decimal number: `0.56`, `1`, `0.0517`. At most six decimals.
    public init(decimal text: String) throws(GradeError) {
        guard let value = Self.parseDecimal(Substring(text.filter { $0 != " " })) else {
            throw GradeError(.rateFormat, field: "rate", input: text)
        }
        self.init(value.numerator, over: value.denominator)
    }

    private static func parseDecimal(_ text: Substring) -> (numerator: Int64, denominator: Int64)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 6, parts.count == 1 || !fraction.isEmpty else { return nil }
        var denominator: Int64 = 1
        for _ in 0..<fraction.count { denominator *= 10 }
        guard let whole = Int64(parts[0]), let frac = fraction.isEmpty ? 0 : Int64(fraction) else { return nil }
        return (whole * denominator + frac, denominator)
    }

    /// `5.17%`; a fraction that has no finite decimal form is cut after six decimals and marked `…`.
    public var percentString: String { Self.decimal(numerator * 100, denominator) + "%" }

    /// `0.56`.
    public var decimalString: String { Self.decimal(numerator, denominator) }

    /// The rate as ``percentString`` (`5.17%`).
    public var description: String { percentString }

    private static func decimal(_ n: Int64, _ d: Int64) -> String {
        var out = String(n / d)
        var remainder = n % d
        if remainder == 0 { return out }
        out += "."
        var digits = 0
        while remainder != 0 && digits < 6 {
            remainder *= 10
            out += String(remainder / d)
            remainder %= d
            digits += 1
        }
        return remainder == 0 ? out : out + "…"
    }

    /// The exact sum.
    public static func + (lhs: Rate, rhs: Rate) -> Rate {
        let g = gcd(lhs.denominator, rhs.denominator)
        let l = lhs.denominator / g
        return Rate(lhs.numerator * (rhs.denominator / g) + rhs.numerator * l, over: l * rhs.denominator)
    }

    /// The exact product.
    public static func * (lhs: Rate, rhs: Rate) -> Rate {
        let g1 = gcd(lhs.numerator, rhs.denominator), g2 = gcd(rhs.numerator, lhs.denominator)
        return Rate((lhs.numerator / g1) * (rhs.numerator / g2), over: (lhs.denominator / g2) * (rhs.denominator / g1))
    }

    /// Compares the exact fractions, so `5.17%` < `5.2%` with no rounding.
    public static func < (lhs: Rate, rhs: Rate) -> Bool {
        // Cross-multiplication of reduced fractions with small denominators.
        lhs.numerator.multipliedFullWidth(by: rhs.denominator) < rhs.numerator.multipliedFullWidth(by: lhs.denominator)
    }

    /// `amount × self`, rounded half up to whole dollars, computed exactly (no intermediate
    /// rounding). Throws `amount.overflow` beyond Int64.
    public func applied(to amount: Money) throws(GradeError) -> Money {
        try ExactArithmetic.roundHalfUp(amount.amount, times: numerator, over: denominator)
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}

/// Whole-dollar rounding of exact products, the one place premiums are rounded.
enum ExactArithmetic {
    /// `round_half_up(value × numerator / denominator)` for non-negative inputs, without
    /// intermediate rounding; throws `amount.overflow` when the product leaves Int64.
    static func roundHalfUp(_ value: Int64, times numerator: Int64, over denominator: Int64) throws(GradeError) -> Money {
        let (product, overflow) = value.multipliedReportingOverflow(by: numerator)
        if overflow { throw GradeError(.amountOverflow, field: "amount", input: String(value)) }
        return roundHalfUp(product, over: denominator)
    }

    /// `round_half_up(numerator / denominator)`, non-negative numerator, positive denominator.
    @inline(__always)
    static func roundHalfUp(_ numerator: Int64, over denominator: Int64) -> Money {
        let quotient = numerator / denominator
        let remainder = numerator - quotient * denominator
        return Money(remainder >= denominator - remainder ? quotient + 1 : quotient)
    }
}

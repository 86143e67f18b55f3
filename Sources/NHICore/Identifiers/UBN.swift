/// A unified business number (統一編號, UBN): 8 digits with a checksum.
///
/// Weights 1,2,1,2,1,2,4,1; the digits of each product are added. Since **2023-04-01** the
/// number is valid when the sum is divisible by **5** (before: by 10); when the seventh
/// digit is 7 the sum + 1 is also accepted (SPEC §11). The current rule is the default;
/// whether a number also passes the old rule is reported by ``isValidUnderPre2023Rule``,
/// which matters for systems that have not been updated.
public struct UBN: NHIIdentifier {
    /// Which divisibility rule applies.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Divisible by 5, in force from 2023-04-01.
        case since2023
        /// Divisible by 10, before 2023-04-01.
        case pre2023

        /// The rule in force on `date`.
        public static func inForce(on date: CalendarDate) -> Rule {
            date >= CalendarDate(unchecked: 2023, 4, 1) ? .since2023 : .pre2023
        }

        var divisor: Int { self == .since2023 ? 5 : 10 }
    }

    /// The 8 digits.
    public let rawValue: String

    /// Parses a UBN under the current (divide-by-5) rule.
    public init(parsing input: String) throws(ValidationError) {
        try self.init(parsing: input, rule: .since2023)
    }

    /// Parses a UBN under `rule`.
    public init(parsing input: String, rule: Rule) throws(ValidationError) {
        let bytes = Array(input.utf8)
        guard bytes.count == 8, bytes.allSatisfy(IDChecksum.isDigit) else {
            throw ValidationError.make(.ubnFormat, .ubn, input: input)
        }
        guard Self.passes(bytes, divisor: rule.divisor) else {
            throw ValidationError.make(.ubnChecksum, .ubn, input: input)
        }
        self.rawValue = input
    }

    static func passes(_ bytes: [UInt8], divisor: Int) -> Bool {
        let weights = [1, 2, 1, 2, 1, 2, 4, 1]
        var sum = 0
        for (k, byte) in bytes.enumerated() {
            let product = Int(byte - 48) * weights[k]
            sum += product / 10 + product % 10
        }
        if sum % divisor == 0 { return true }
        return bytes[6] == 0x37 && (sum + 1) % divisor == 0
    }

    /// Whether the number also passes the divide-by-10 rule used before 2023-04-01.
    public var isValidUnderPre2023Rule: Bool { Self.passes(Array(rawValue.utf8), divisor: 10) }

    /// The 8 digits, as ``rawValue`` (not masked, unlike the personal IDs).
    public var description: String { rawValue }

}

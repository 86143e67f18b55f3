/// An e-mail address, checked against the practical subset that mail systems accept.
///
/// Local part: 1–64 of `A–Z a–z 0–9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ - .`, no leading,
/// trailing or doubled dot. Domain: at least two labels of letters, digits and hyphens
/// (no leading or trailing hyphen, at most 63 each), the last one letters only, two or
/// more; at most 254 characters in all. Quoted local parts, IP literals and non-ASCII
/// addresses are rejected: the NHI's mail system does not deliver to them. The domain is
/// compared case-insensitively and stored lower-cased.
public struct EmailAddress: NHIIdentifier {
    /// `name@example.com.tw`.
    public let rawValue: String
    /// The part before `@`.
    public var localPart: String { String(rawValue[..<rawValue.lastIndex(of: "@")!]) }
    /// The part after `@`, lower-case.
    public var domain: String { String(rawValue[rawValue.index(after: rawValue.lastIndex(of: "@")!)...]) }

    private static let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-.".utf8)

    /// Parses an address in the subset described above and lower-cases the domain. Throws `email.length` (over 254
    /// characters, or a local part over 64), `email.format` (not one `@` between two non-empty parts), `email.localPart`
    /// or `email.domain`.
    public init(parsing input: String) throws(ValidationError) {
        func fail(_ code: ValidationError.Code) -> ValidationError { ValidationError.make(code, .email, input: input) }
        guard input.utf8.count <= 254 else { throw fail(.emailLength) }
        let parts = input.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail(.emailFormat) }
        let local = Array(parts[0].utf8), domain = parts[1].lowercased()
        guard local.count <= 64 else { throw fail(.emailLength) }
        guard local.allSatisfy(Self.localAllowed.contains), local.first != 0x2E, local.last != 0x2E,
              !parts[0].contains("..") else { throw fail(.emailLocalPart) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw fail(.emailDomain) }
        for label in labels {
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D,
                  bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                throw fail(.emailDomain)
            }
        }
        let tld = labels.last!
        guard tld.count >= 2, tld.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { throw fail(.emailDomain) }
        rawValue = String(parts[0]) + "@" + domain
    }
}

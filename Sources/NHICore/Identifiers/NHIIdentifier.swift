/// A value that identifies a person, a unit or a card, and can only exist when valid.
///
/// Conforming types parse their canonical string form with ``init(parsing:)`` and encode
/// to and decode from that same string (decoding validates again).
public protocol NHIIdentifier: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The canonical string form.
    var rawValue: String { get }
    /// Parses the canonical string form; throws the broken rule.
    init(parsing input: String) throws(ValidationError)
}

extension NHIIdentifier {
    /// The canonical string form, ``NHIIdentifier/rawValue``; personal IDs override this with their masked form.
    public var description: String { rawValue }
    /// Orders by the canonical string form.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the canonical string and parses it again with ``NHIIdentifier/init(parsing:)``, so an invalid value
    /// fails to decode with its ``ValidationError``.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the canonical string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifiers whose rule is a shape only: no public check digit exists.
protocol ShapeIdentifier: NHIIdentifier {
    static var field: Field { get }
    static var formatCode: ValidationError.Code { get }
    static func matches(_ bytes: [UInt8]) -> Bool
    init(unchecked: String)
}

extension ShapeIdentifier {
    static func parse(_ input: String) throws(ValidationError) -> Self {
        guard matches(Array(input.utf8)) else { throw ValidationError.make(formatCode, field, input: input) }
        return Self(unchecked: input)
    }
}

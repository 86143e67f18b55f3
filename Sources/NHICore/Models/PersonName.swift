/// A person's name as the NHI records it: 1–40 characters, no control characters.
///
/// A character missing from the computer's font is typed as the full-width asterisk `＊`
/// (SPEC §4), which is therefore allowed; ``hasMissingGlyph`` reports it.
public struct PersonName: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ input: String) throws(ValidationError) {
        let trimmed = Normalizer.trimmed(input)
        guard !trimmed.isEmpty else { throw ValidationError.make(.nameEmpty, .name, input: input) }
        guard trimmed.count <= 40 else { throw ValidationError.make(.nameLength, .name, input: input) }
        // Control and invisible format characters as for all stored text (TextRule); a leading
        // + - @ stays allowed here: file writers guard such names as Excel cells.
        guard !trimmed.unicodeScalars.contains(where: { TextRule.isForbidden($0) || "<>\"=;".unicodeScalars.contains($0) }) else {
            throw ValidationError.make(.nameCharacters, .name, input: input)
        }
        value = trimmed
    }

    /// Whether the name contains `＊` for a character the font lacks.
    public var hasMissingGlyph: Bool { value.contains("＊") }

    public var description: String { value }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A person's name as the NHI records it: 1–40 characters, no control characters.
///
/// A character missing from the computer's font is typed as the full-width asterisk `＊`
/// (SPEC §4), which is therefore allowed; ``hasMissingGlyph`` reports it.
public struct PersonName: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The name, trimmed of surrounding spaces.
    public let value: String

    /// Trims surrounding spaces and checks the name. Throws `name.empty`, `name.length` (over 40 characters) or
    /// `name.characters` (control or invisible characters, `<` `>` `"` `=` `;`).
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

    /// The name itself, as ``value``.
    public var description: String { value }

    /// Decodes a JSON string and checks it as ``init(_:)`` does.
    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }
    /// Encodes the name as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

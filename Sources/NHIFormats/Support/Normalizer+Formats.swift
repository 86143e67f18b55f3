import NHICore

extension Normalizer {
    /// Only leading and trailing white space removed: for names and free text, whose
    /// full-width characters are meant (`ＪＯＨＮ　ＳＭＩＴＨ`).
    static let trimming = Normalizer(steps: [.trim])
}

/// `text` with full-width characters folded and white space trimmed: for dates and amounts
/// typed in a spreadsheet.
func folded(_ text: String) -> String { Normalizer.text.normalize(text).value }

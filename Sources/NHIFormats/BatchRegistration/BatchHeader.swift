import NHICore

/// Recognises the template's header row (`身分證號,電子郵件,行動電話,…`), which is not
/// part of the upload, and tells the layout from it.
enum BatchHeader {
    private static let idWords = ["身分", "身份", "證號", "証號", "統一證號", "居留", "id"]
    private static let emailWords = ["郵件", "信箱", "mail"]
    private static let phoneWords = ["電話", "手機", "phone", "tel", "mobile"]

    /// Whether `fields` (the first non-blank row) is a header: its first cell is not
    /// shaped like an ID and names the ID column, or its second cell names the e-mail
    /// column.
    static func isHeader(_ fields: [String]) -> Bool {
        guard let first = fields.first else { return false }
        let id = Normalizer.identifier.normalize(first).value
        let bytes = Array(id.utf8)
        if bytes.count == 10, BatchFastPath.isUpper(bytes[0]), bytes[2...].allSatisfy(BatchFastPath.isDigit) { return false }
        if contains(first, idWords) { return true }
        if fields.count > 1, contains(fields[1], emailWords), !fields[1].contains("@") { return true }
        return false
    }

    /// The layout a header describes: a fourth cell naming a phone column means the
    /// current four-column layout; three or two named cells the 2016 layout.
    static func variant(of header: [String]) -> BatchRegistrationVariant {
        let cells = header.prefix(4).map { Normalizer.text.normalize($0).value }
        if cells.count >= 4, contains(cells[3], phoneWords) { return .current }
        if cells.count >= 4, !cells[3].isEmpty, !cells[3].hasPrefix("<") { return .current }
        return .legacy2016
    }

    private static func contains(_ text: String, _ words: [String]) -> Bool {
        let lower = text.lowercased()
        return words.contains { lower.contains($0) }
    }
}

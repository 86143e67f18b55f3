/// Protection against spreadsheet formula injection (CSV injection) in files meant to be
/// opened in Excel.
///
/// Excel treats a cell that starts with `=`, `+`, `-` or `@` as a formula, even in a CSV
/// file, so a name such as `=HYPERLINK("http://…","請點此")` in an export could run when a
/// colleague opens it. Every text cell of our Excel-bound exports (rosters, salary-
/// adjustment lists, filed-data listings, change lists) that starts with one of those
/// characters — or with a tab or carriage return, which Excel skips before looking — is
/// written with a leading apostrophe `'`, which Excel shows as text. Reading our own
/// exports back removes that apostrophe again.
///
/// Numbers written by the SDK itself (amounts) are not text cells and are not changed.
public enum ExcelFormulaGuard {
    /// The characters that make Excel start a formula.
    public static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text` would be read as a formula.
    public static func needsProtection(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return triggers.contains(first)
    }

    /// `text`, with a leading `'` when it would otherwise be read as a formula.
    public static func protect(_ text: String) -> String {
        needsProtection(text) ? "'" + text : text
    }

    /// Undoes ``protect(_:)``: removes a leading `'` that precedes a trigger character.
    public static func unprotect(_ text: String) -> String {
        guard text.first == "'", let second = text.dropFirst().first, triggers.contains(second) else { return text }
        return String(text.dropFirst())
    }

    /// Whether `text` is a plain integer (`-?[0-9]+`), which Excel reads as a number and
    /// which is safe to write without protection.
    static func isPlainInteger(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.first == 0x2D { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

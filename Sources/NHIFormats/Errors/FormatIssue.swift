import NHICore

/// A problem found while checking a file: an error (the row will be rejected) or a
/// warning (the row can be used, possibly after a repair), with a suggestion.
///
/// The location, code, messages and masked value come from the ``FormatError`` inside;
/// ``suggestion`` is the value a repair would write (IDs masked), or nil when no safe
/// repair exists.
public struct FormatIssue: Sendable, Hashable {
    /// How serious an issue is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The row cannot be used as it is.
        case error
        /// The row can be used; a repair is suggested or the user should look at it.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// What, where and why.
    public let error: FormatError
    /// The replacement value a repair would write (IDs masked), if any.
    public let suggestion: String?

    /// Creates an issue.
    public init(_ severity: Severity, _ error: FormatError, suggestion: String? = nil) {
        self.severity = severity
        self.error = error
        self.suggestion = suggestion
    }

    /// The stable code (`batch.duplicateID`).
    public var code: FormatError.Code { error.code }
    /// The row (1-based, as a spreadsheet numbers it); 0 for the file as a whole.
    public var row: Int { error.row ?? 0 }
    /// The column (1-based); 0 for the whole row or file.
    public var column: Int { error.column ?? 0 }
    /// The rule in Traditional Chinese (without the location, which ``row`` and ``column`` give).
    public var message: String { error.ruleMessage }
    /// The rule in English.
    public var messageEn: String { error.ruleMessageEn }
    /// The offending value, IDs masked.
    public var value: String? { error.value }
}

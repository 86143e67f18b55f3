import NHICore

/// A change a repair makes: which row and column, why (the warning codes), and the value
/// before and after (IDs masked).
public struct BatchFieldChange: Sendable, Hashable, Codable {
    /// The row as the NHI's result log numbers it (第N筆: 1-based, data rows only); 0 for a
    /// blank row, which is no record (see ``line``).
    public let row: Int
    /// The physical line, when the change is to a blank row.
    public let line: Int?
    /// The column (1-based); 0 when the whole row is removed.
    public let column: Int
    /// The field's machine name (`mobile`), or `row`.
    public let field: String
    /// The warnings that caused the change.
    public let codes: [FormatError.Code]
    /// The value before (IDs masked).
    public let from: String
    /// The value after (IDs masked); empty for a removed row or column.
    public let to: String

    /// Creates a change.
    public init(row: Int, column: Int, field: String, codes: [FormatError.Code], from: String, to: String, line: Int? = nil) {
        self.row = row
        self.line = line
        self.column = column
        self.field = field
        self.codes = codes
        self.from = from
        self.to = to
    }
}

/// What the checker concluded about one data row (not the header, not a blank row).
public struct BatchRowOutcome: Sendable, Hashable {
    /// The row as a spreadsheet numbers it (1-based, the header counted).
    public let row: Int
    /// The line the row starts on.
    public let line: Int
    /// The data row number (第N筆: 1-based, without the header and blank rows), as the
    /// NHI's result log counts.
    public let record: Int
    /// The file's layout (the row's fields follow it).
    public let variant: BatchRegistrationVariant
    /// Whether the row can be registered (it has no error).
    public let isValid: Bool
    /// The registration, when the row is valid (repaired values where a warning applied).
    public let entry: BatchRegistrationEntry?
    /// The ID as the log shows it (`A12345****`), masked from whatever the column held
    /// (``BatchRegistrationLog/logSafeMask(_:)``).
    public let maskedID: String
    /// Errors and warnings of this row.
    public let issues: [FormatIssue]
    /// The fields a repair writes: repaired where a safe repair exists, otherwise as read.
    public let output: [String]

    /// Why the row is rejected, in the words of the NHI's result log
    /// (`非該單位在保險對象`), or nil for a valid row. See ``BatchRejectionReason``.
    public var rejection: BatchRejectionReason? { BatchRejectionReason(issues: issues) }
}

/// Why a row is rejected, as the result log words it.
public struct BatchRejectionReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code of the error that decides the reason.
    public let code: FormatError.Code
    /// The reason text in the log (`非該單位在保險對象`).
    public let text: String

    /// Creates a reason.
    public init(code: FormatError.Code, text: String) {
        self.code = code
        self.text = text
    }

    /// The reason for a row with these issues, or nil if none is an error. Precedence:
    /// an unusable ID first, then not in force (the NHI's own check), then duplicates,
    /// then the first other error.
    public init?(issues: [FormatIssue]) {
        let errors = issues.filter { $0.severity == .error }.map(\.code)
        guard let first = errors.first else { return nil }
        let precedence: [FormatError.Code] = [.batchMissingID, .batchInvalidID, .batchNotInForce, .batchDuplicateID]
        let code = precedence.first(where: errors.contains) ?? first
        self.init(code: code, text: Self.logText(for: code))
    }

    /// The log text for a code. `非該單位在保險對象` is the NHI's own wording (seed 003);
    /// the others are ours, in the same style.
    public static func logText(for code: FormatError.Code) -> String {
        switch code {
        case .batchNotInForce: "非該單位在保險對象"
        case .batchMissingID: "身分證號空白"
        case .batchInvalidID: "身分證號錯誤"
        case .batchDuplicateID: "身分證號重複"
        case .batchMissingEmail: "電子郵件空白"
        case .batchInvalidEmail: "電子郵件格式錯誤"
        case .batchInvalidMobile: "行動電話格式錯誤"
        case .batchInvalidLandline: "聯絡電話格式錯誤"
        case .batchInvalidPhone: "電話格式錯誤"
        case .excelScientificNotation: "電話為科學記號無法辨識"
        case .batchTooManyColumns: "欄位數不符"
        case .encodingUndecodable: "資料無法解碼"
        default: code.rawValue.hasPrefix("csv.") ? "檔案格式錯誤" : "資料錯誤"
        }
    }

    /// The reason text as the log writes it, as ``text``.
    public var description: String { text }
}

/// The result of checking a batch registration file.
public struct BatchRegistrationReport: Sendable, Hashable {
    /// The file as given.
    public let file: String
    /// The encoding used and why.
    public let encoding: EncodingDetection
    /// The layout.
    public let variant: BatchRegistrationVariant
    /// Whether the first row was a header (skipped, not counted).
    public let hasHeader: Bool
    /// The parsed file name, when it follows one of the conventions.
    public let fileName: BatchRegistrationFileName?
    /// Data rows (without the header and blank rows).
    public let rows: Int
    /// Rows without errors.
    public let valid: Int
    /// Rows with at least one error.
    public let invalid: Int
    /// Rows with no content (`,,,`), reported as warnings and not counted in ``rows``.
    public let blankRows: Int
    /// The errors, in file order: the first ``FormatLimits/issuesPerCode`` of each code
    /// (``omittedErrors`` counts the rest). Row 0 means the file as a whole.
    public let errors: [FormatIssue]
    /// The warnings, in file order, with their suggestions: the first of each code
    /// (``omittedWarnings`` counts the rest).
    public let warnings: [FormatIssue]
    /// What a repair changes, in file order: the first ``FormatLimits/listedChanges``
    /// (``changesOmitted`` counts the rest).
    public let changes: [BatchFieldChange]
    /// Every error found, listed or not.
    public var errorCount: Int = 0
    /// Every warning found, listed or not.
    public var warningCount: Int = 0
    /// Errors per code that are counted but not listed in ``errors``.
    public var omittedErrors: [FormatError.Code: Int] = [:]
    /// Warnings per code that are counted but not listed in ``warnings``.
    public var omittedWarnings: [FormatError.Code: Int] = [:]
    /// Changes made but not listed in ``changes``.
    public var changesOmitted: Int = 0

    /// Whether every row is valid (the CLI exits 0 exactly then).
    public var allRowsValid: Bool { invalid == 0 && !errors.contains { $0.row == 0 } }

    /// Whether a repair may be written: no undecodable text and no broken CSV syntax
    /// (those need a person to look at the original).
    public var isRepairable: Bool {
        !errors.contains { $0.code == .encodingUndecodable || $0.code.rawValue.hasPrefix("csv.") }
    }
}

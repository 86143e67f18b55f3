import NHICore
import NHIFormats

/// A batch registration file's check as front ends show it and `nhi-server` sends it: the
/// counts and every finding in the file's own numbering (第N筆 records), with the record's
/// person masked. `NHIService.BatchRegistrations.checkedForDisplay(_:fileName:unit:by:)`
/// makes it; the kiosk lists it the same way whether it came from this process or over HTTP.
public struct BatchRegistrationCheck: Sendable, Codable, Equatable {
    /// The file's name.
    public var file: String
    /// Its encoding as read (`big5`, `utf8` …).
    public var encoding: String
    /// Records read.
    public var rows: Int
    /// Records that would be registered.
    public var valid: Int
    /// Records refused.
    public var invalid: Int
    /// Findings that refuse a record (row 0: the whole file, e.g. its name).
    public var errors: [Issue]
    /// Repairs and things to look at; the record is still used.
    public var warnings: [Issue]

    /// One finding.
    public struct Issue: Sendable, Codable, Equatable {
        /// The stable code.
        public var code: String
        /// The record (第N筆), when the finding is about one.
        public var row: Int?
        /// The line in the file.
        public var line: Int?
        /// The column (field number, 1-based).
        public var column: Int?
        /// The field's name (`nationalID` …).
        public var field: String?
        /// The field's label in Traditional Chinese (身分證號 …).
        public var fieldLabel: String?
        /// The rule, in Traditional Chinese, with where.
        public var message: String
        /// The same in English.
        public var messageEn: String
        /// The replacement a repair would write (IDs masked).
        public var suggestion: String?
        /// The record's person, masked (A12345****).
        public var maskedID: String?
    }

    /// The check of `report`; `maskedIDs` are the records' people, by record number.
    public init(_ report: BatchRegistrationReport, maskedIDs: [Int: String] = [:]) {
        file = report.file
        encoding = report.encoding.description
        rows = report.rows
        valid = report.valid
        invalid = report.invalid
        errors = report.errors.map { Self.issue($0, maskedIDs) }
        warnings = report.warnings.map { Self.issue($0, maskedIDs) }
    }

    static func issue(_ issue: FormatIssue, _ maskedIDs: [Int: String]) -> Issue {
        Issue(code: issue.error.errorCode, row: issue.error.row, line: issue.error.line, column: issue.error.column,
              field: issue.error.field?.name, fieldLabel: issue.error.field?.label, message: issue.error.message,
              messageEn: issue.error.messageEn, suggestion: issue.suggestion, maskedID: issue.error.row.flatMap { maskedIDs[$0] })
    }
}

extension NHIService.BatchRegistrations {
    /// ``check(_:fileName:unit:by:onRow:)`` as a front end shows it: every finding with its
    /// record's masked ID.
    public func checkedForDisplay(_ source: ByteInput, fileName: String, unit: UnitCode, by caller: Caller) throws(ServiceError) -> BatchRegistrationCheck {
        var masked: [Int: String] = [:]
        let report = try check(source, fileName: fileName, unit: unit, by: caller) { outcome in
            masked[outcome.record] = outcome.maskedID  // the issues count 第N筆 (records), not spreadsheet rows
        }
        return BatchRegistrationCheck(report, maskedIDs: masked)
    }
}

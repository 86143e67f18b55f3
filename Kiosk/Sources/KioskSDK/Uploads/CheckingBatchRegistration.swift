import Foundation
import KioskModel
import NHICore
import NHIFormats
import NHIService

/// Batch NHI-card registration for the kiosk: NHIFormats' ``BatchRegistrationChecker``
/// reads and checks the file (encoding, layout, file name against the unit, every row, and
/// IDs against the unit's in-force roster from the service), and its findings become the
/// check report with row errors and suggested fixes.
///
/// **Check only.** The local service has no batch-registration job yet, so ``submit(fileAt:by:)``
/// refuses with `batch.submissionUnavailable` (the screen says nothing was submitted) and
/// ``uploads(unit:from:through:by:)`` lists none.
public struct CheckingBatchRegistration: BatchRegistrationBackend {
    public let service: KioskService

    public init(service: KioskService) {
        self.service = service
    }

    public func check(fileAt path: String, unit: UnitCode) async throws -> BatchCheckReport {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let today = service.today
        // The roster the IDs are checked against (batch.notInForce), read by the system:
        // the check itself stores nothing.
        let roster = try await service.run { service in
            try service.roster.inForce(unit: unit, by: .system).map(\.personID)
        }
        return try await Task.detached(priority: .userInitiated) {
            var masked: [Int: String] = [:]
            let checker = BatchRegistrationChecker(.init(unitCode: unit, roster: InForceIDSet(roster), fileName: name, today: today))
            let report = try checker.check(.file(path)) { outcome in masked[outcome.row] = outcome.maskedID }
            return Self.report(report, fileName: name, maskedIDs: masked)
        }.value
    }

    public func submit(fileAt path: String, by caller: Caller) async throws -> BatchUploadRecord {
        throw KioskError(.batchSubmissionUnavailable)
    }

    public func uploads(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) async throws -> [BatchUploadRecord] {
        []
    }

    /// The checker's report as the screen lists it: file-level problems first, then every
    /// row's findings in row order (errors reject the row; warnings are repairs).
    static func report(_ report: BatchRegistrationReport, fileName: String, maskedIDs: [Int: String]) -> BatchCheckReport {
        let fileLevel = report.errors.first { $0.row == 0 }
        let issues = (report.errors.map { ($0, false) } + report.warnings.map { ($0, true) })
            .filter { $0.0.row > 0 }
            .sorted { ($0.0.row, $0.0.column) < ($1.0.row, $1.0.column) }
            .map { issue, isWarning in
                BatchRowIssue(row: issue.row, field: issue.error.field?.label, maskedID: maskedIDs[issue.row] ?? "",
                              error: PresentableError(issue.error), suggestion: issue.suggestion, isWarning: isWarning)
            }
        return BatchCheckReport(fileName: fileName, fileNameProblem: fileLevel.map { PresentableError($0.error) },
                                encoding: report.encoding.description, rows: report.rows,
                                validRows: fileLevel == nil ? report.valid : 0, issues: issues)
    }
}

import Foundation
import NHICore
import NHIGrades
import NHIService

/// `UnitWorkflows` over `nhi-server`: the same requests as `LocalUnitWorkflows` (NHIService), sent
/// with the client's session; the server decides with the session it issued.
///
/// The API carries the whole of each form — the insured, a dependant or a foreign national;
/// NHI only or three-in-one with the labour side; a first card's address — except attached
/// proof documents: a request with attachments is refused with `client.unsupported`
/// (`attachments`) before anything is sent, never filed without them.
///
/// Each filing is sent with one fresh idempotency key, kept for its retries, so a filing the
/// server made but whose answer was lost is answered, not made again.
public struct RemoteUnitWorkflows: UnitWorkflows {
    /// The signed-in client the requests go through.
    public let client: NHIServiceClient
    public let unitCode: UnitCode

    /// Workflows through `client`, signed in to `unitCode` (the session's unit).
    public init(client: NHIServiceClient, unitCode: UnitCode) {
        self.client = client
        self.unitCode = unitCode
    }

    public func enrol(_ request: EnrolmentRequest) async throws -> Filing {
        try Self.refuseAttachments(request.attachments)
        return try await client.enrol(RemoteEnrolment(request))
    }

    public func withdraw(_ request: WithdrawalRequest) async throws -> Filing {
        try Self.refuseAttachments(request.attachments)
        return try await client.withdraw(RemoteWithdrawal(request))
    }

    public func adjustSalary(_ request: SalaryAdjustmentRequest) async throws -> Filing {
        try Self.refuseAttachments(request.attachments)
        return try await client.adjustSalary(RemoteSalaryAdjustment(request))
    }

    public func changeStatus(_ request: StatusChangeRequest) async throws -> Filing {
        try await client.changeStatus(RemoteStatusChange(request))
    }

    public func changeBasicData(_ request: BasicDataChangeRequest) async throws -> Filing {
        try Self.refuseAttachments(request.attachments)
        return try await client.changeBasicData(RemoteBasicDataChange(request))
    }

    public func premiumDetail(month: ROCMonth) async throws -> PremiumDetail {
        try await client.premiumDetail(unit: unitCode, month: month)
    }

    public func statementRequests() async throws -> [StatementRequest] {
        try await client.statementRequests(unit: unitCode)
    }

    public func requestStatement(_ kind: StatementKind, month: ROCMonth, through: ROCMonth?) async throws -> StatementRequest {
        try await client.requestStatement(kind, month: month, through: through, unit: unitCode)
    }

    public func downloadStatement(_ id: Int64) async throws -> StatementTable {
        try await client.downloadStatement(id)
    }

    public func paymentCertificate(categories: Set<PremiumBill.Category>, months: ClosedRange<ROCMonth>,
                                   period: ClosedRange<CalendarDate>) async throws -> PaymentCertificate {
        try await client.paymentCertificate(unit: unitCode, categories: categories, months: months, period: period)
    }

    public func ePaymentSubscription() async throws -> EPaymentSubscription? {
        try await client.ePaymentSubscription(unit: unitCode)
    }

    public func subscribeEPayment(email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool) async throws -> EPaymentSubscription {
        try await client.subscribeEPayment(unit: unitCode, email: email, backupEmail: backupEmail, transferResultNotice: transferResultNotice)
    }

    public func cancelEPayment() async throws -> EPaymentSubscription {
        try await client.cancelEPayment(unit: unitCode)
    }

    public func checkFilingImport(_ bytes: [UInt8]) async throws -> [FilingImportRejection] {
        try await client.checkFilingImport(bytes, fileName: "filings.csv", unit: unitCode)
    }

    public func importFilings(_ bytes: [UInt8], fileName: String) async throws -> FilingImportResult {
        try await client.importFilings(bytes, fileName: fileName, unit: unitCode)
    }

    public func filingListing(from: CalendarDate, through: CalendarDate) async throws -> [Filing] {
        try await client.filingListing(unit: unitCode, from: from, through: through)
    }

    public func bulkAdjustmentProposal() async throws -> BulkAdjustmentList {
        try await client.bulkAdjustmentProposal(unit: unitCode)
    }

    public func bulkAdjustment(from oldAmount: Money, to newAmount: Money) async throws -> [BulkAdjustmentProposal.Change] {
        try await client.bulkAdjustment(unit: unitCode, from: oldAmount, to: newAmount)
    }

    public func fileBulkAdjustment(_ selections: [BulkAdjustmentSelection]) async throws -> [Filing] {
        try await client.fileBulkAdjustment(selections, unit: unitCode)
    }

    public func applyForCard(_ person: PersonalID, reason: CardApplication.Reason, email: EmailAddress, phones: ContactPhones,
                             pickup: CardApplication.Pickup, photo: UploadedDocument?) async throws -> CardApplication {
        try Self.refuseAttachments(photo.map { [$0] } ?? [])
        return try await client.applyForCard(person, reason: reason, email: email, phones: phones, pickup: pickup)
    }

    public func cardApplications(of person: PersonalID) async throws -> [CardApplication] {
        try await client.cardApplications(of: person)
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await client.auditLog(unit: unitCode, limit: limit)
    }

    public func roster(on day: CalendarDate?) async throws -> [RosterLine] {
        try await client.roster(unit: unitCode, on: day)
    }

    public func checkResults(from: CalendarDate, through: CalendarDate) async throws -> [Filing] {
        try await client.checkResults(unit: unitCode, from: from, through: through)
    }

    public func filedToday() async throws -> [Filing] {
        try await client.filedToday(unit: unitCode)
    }

    public func deleteFiling(_ id: Int64) async throws {
        try await client.deleteFiling(id)
    }

    public func bills() async throws -> [PremiumBill] {
        try await client.bills(unit: unitCode)
    }

    public func unpaid(expectedPaymentDate date: CalendarDate, mailed: Bool) async throws -> [UnpaidPremium] {
        try await client.unpaid(unit: unitCode, payOn: date, mailed: mailed)
    }

    public func issueSlip(bill id: Int64) async throws -> PremiumBill {
        try await client.issueSlip(bill: id)
    }

    public func staff() async throws -> [StaffMember] {
        try await client.staff(unit: unitCode)
    }

    public func assignStaff(_ assignment: StaffAssignment) async throws -> StaffMember {
        try await client.assignStaff(assignment, unit: unitCode)
    }

    public func deleteStaff(_ id: Int64) async throws {
        try await client.deleteStaff(id)
    }

    public func insuranceStatus(of person: PersonalID, on day: CalendarDate?) async throws -> InsuranceStatus {
        try await client.insuranceStatus(of: person, on: day)
    }

    public func proofOfInsurance(of person: PersonalID) async throws -> ProofOfInsurance {
        try await client.proofOfInsurance(of: person)
    }

    private static func refuseAttachments(_ attachments: [UploadedDocument]) throws(ServiceClientError) {
        guard attachments.isEmpty else { throw ServiceClientError(.unsupported, detail: "attachments") }
    }
}

import NHICore
import NHIGrades

/// The unit workflows of one signed-in staff session, wherever the service runs.
///
/// Front ends file and read through this protocol, so the same screen works on the counter
/// PC's own database and against an office's `nhi-server`:
/// - ``LocalUnitWorkflows`` calls this process's ``NHIService`` with the session's
///   ``Caller``, off the caller's thread (``NHIService/perform(_:)``);
/// - `RemoteUnitWorkflows` (NHIServiceClient) sends the same requests over HTTPS, and the
///   server decides with the session it issued at sign-in.
///
/// Both apply the same rules, because there is one implementation of them: the server's
/// handlers call ``NHIService`` too. A request that one implementation cannot carry is
/// refused with a clear error, never filed without the part it could not carry.
///
/// ```swift
/// func enrolNewHire(_ request: EnrolmentRequest, with workflows: some UnitWorkflows) async throws -> Filing {
///     try await workflows.enrol(request)
/// }
/// ```
public protocol UnitWorkflows: Sendable {
    /// The unit the session acts for.
    var unitCode: UnitCode { get }
    /// Files an enrolment (加保) for the session's unit.
    func enrol(_ request: EnrolmentRequest) async throws -> Filing
    /// Files a withdrawal (退保).
    func withdraw(_ request: WithdrawalRequest) async throws -> Filing
    /// Files a salary adjustment (調整投保金額).
    func adjustSalary(_ request: SalaryAdjustmentRequest) async throws -> Filing
    /// Files a suspension (停保), parental leave (育嬰留職停薪), resumption (復保) or renewal
    /// (續保), NHI only.
    func changeStatus(_ request: StatusChangeRequest) async throws -> Filing
    /// Files a change of a person's basic data (保險對象基本資料變更: name or birth date).
    func changeBasicData(_ request: BasicDataChangeRequest) async throws -> Filing
    /// The people insured through the unit on `day` (nil: today), with their dependants.
    func roster(on day: CalendarDate?) async throws -> [RosterLine]
    /// The unit's filings made between `from` and `through` with their check results.
    func checkResults(from: CalendarDate, through: CalendarDate) async throws -> [Filing]
    /// What the unit filed today, any status (異動作業後查詢).
    func filedToday() async throws -> [Filing]
    /// Deletes a filing on its filing day (the service's same-day rule decides).
    func deleteFiling(_ id: Int64) async throws
    /// The unit's premium bills.
    func bills() async throws -> [PremiumBill]
    /// The unit's unpaid bills with the late fee owed if paid on `date` (`mailed`: a payment
    /// mailed in, which the service checks against working days).
    func unpaid(expectedPaymentDate date: CalendarDate, mailed: Bool) async throws -> [UnpaidPremium]
    /// Issues a payment slip (繳款單) for one of the unit's bills, counted against the daily
    /// limit; returns the bill the slip is laid out from.
    func issueSlip(bill id: Int64) async throws -> PremiumBill
    /// The unit's administrators and operators (單位管理者登錄作業).
    func staff() async throws -> [StaffMember]
    /// Assigns a person as administrator or operator (the service decides who may).
    func assignStaff(_ assignment: StaffAssignment) async throws -> StaffMember
    /// Ends an assignment.
    func deleteStaff(_ id: Int64) async throws
    /// A person's insurance status on `day` (nil: today) (投保狀態查詢).
    func insuranceStatus(of person: PersonalID, on day: CalendarDate?) async throws -> InsuranceStatus
    /// A proof of insurance (投保證明) as of today, recorded in the audit log.
    func proofOfInsurance(of person: PersonalID) async throws -> ProofOfInsurance
    /// The unit's newest audit-log entries, newest first, IDs masked (administrators only).
    func auditLog(limit: Int) async throws -> [AuditEntry]
    /// The premium calculation of a month (保費計算明細): who is charged, each share, the totals.
    func premiumDetail(month: ROCMonth) async throws -> PremiumDetail
    /// The unit's statement requests (各類明細表), newest first, with their status.
    func statementRequests() async throws -> [StatementRequest]
    /// Requests a statement for a month (`through`: the last month of a range, G1 only);
    /// the nightly statement run produces it.
    func requestStatement(_ kind: StatementKind, month: ROCMonth, through: ROCMonth?) async throws -> StatementRequest
    /// A produced statement (下載), recorded in the audit log; refused while it is pending.
    func downloadStatement(_ id: Int64) async throws -> StatementTable
    /// A payment certificate (保費繳納證明): payments of bills of `months` made within `period`.
    func paymentCertificate(categories: Set<PremiumBill.Category>, months: ClosedRange<ROCMonth>,
                            period: ClosedRange<CalendarDate>) async throws -> PaymentCertificate
    /// The unit's electronic payment-slip subscription (電子繳款單), if any.
    func ePaymentSubscription() async throws -> EPaymentSubscription?
    /// Subscribes electronic payment slips, or changes their addresses.
    func subscribeEPayment(email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool) async throws -> EPaymentSubscription
    /// Cancels electronic payment slips (paper slips return from the effective month).
    func cancelEPayment() async throws -> EPaymentSubscription
    /// Checks a filing file (``FilingImportCSV``) without storing anything: every refused row.
    func checkFilingImport(_ bytes: [UInt8]) async throws -> [FilingImportRejection]
    /// Imports a filing file in one transaction (all rows or none; the same file never twice).
    func importFilings(_ bytes: [UInt8], fileName: String) async throws -> FilingImportResult
    /// Filed data for printing (申報資料套印表格): the unit's filings of a range, deleted ones excluded.
    func filingListing(from: CalendarDate, through: CalendarDate) async throws -> [Filing]
    /// The bulk salary adjustment the grade table calls for (薪資調整作業(大批)): who moves,
    /// old → new amount, and who is excluded.
    func bulkAdjustmentProposal() async throws -> BulkAdjustmentList
    /// Everyone (employees) insured at `oldAmount`, moving to `newAmount` (a grade).
    func bulkAdjustment(from oldAmount: Money, to newAmount: Money) async throws -> [BulkAdjustmentProposal.Change]
    /// Files the selected people as one batch, all or nothing.
    func fileBulkAdjustment(_ selections: [BulkAdjustmentSelection]) async throws -> [Filing]
    /// Applies for an NHI card (健保卡申請) for someone insured with the unit; a new photo or
    /// a first card needs `photo`.
    func applyForCard(_ person: PersonalID, reason: CardApplication.Reason, email: EmailAddress, phones: ContactPhones,
                      pickup: CardApplication.Pickup, photo: UploadedDocument?) async throws -> CardApplication
    /// A person's card applications (someone insured with the unit).
    func cardApplications(of person: PersonalID) async throws -> [CardApplication]
}

/// ``UnitWorkflows`` on this process's ``NHIService``: every call runs on the service's
/// workers with the session's caller.
public struct LocalUnitWorkflows: UnitWorkflows {
    /// The service the calls go to.
    public let service: NHIService
    /// The signed-in session's caller (authorisation and the audit log).
    public let caller: Caller
    public let unitCode: UnitCode

    /// Workflows for `caller`, who must act for a unit.
    public init(service: NHIService, caller: Caller) throws(ServiceError) {
        guard let unit = caller.unitCode else { throw ServiceError(.notAuthorised, context: ["unit": "-"]) }
        self.service = service
        self.caller = caller
        self.unitCode = unit
    }

    public func enrol(_ request: EnrolmentRequest) async throws -> Filing {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.enrol(request, by: caller) }
    }

    public func withdraw(_ request: WithdrawalRequest) async throws -> Filing {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.withdraw(request, by: caller) }
    }

    public func adjustSalary(_ request: SalaryAdjustmentRequest) async throws -> Filing {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.adjustSalary(request, by: caller) }
    }

    public func changeStatus(_ request: StatusChangeRequest) async throws -> Filing {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.changeStatus(request, by: caller) }
    }

    public func changeBasicData(_ request: BasicDataChangeRequest) async throws -> Filing {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.changeBasicData(request, by: caller) }
    }

    public func roster(on day: CalendarDate?) async throws -> [RosterLine] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.roster.inForce(unit: unit, on: day, by: caller) }
    }

    public func checkResults(from: CalendarDate, through: CalendarDate) async throws -> [Filing] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in
            try service.filings.checkResults(unit: unit, from: from, through: through, by: caller)
        }
    }
}

extension LocalUnitWorkflows {
    public func filedToday() async throws -> [Filing] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.filings.filedToday(unit: unit, by: caller) }
    }

    public func deleteFiling(_ id: Int64) async throws {
        let caller = caller
        try await service.perform { service throws(ServiceError) in try service.filings.delete(id, by: caller) }
    }

    public func bills() async throws -> [PremiumBill] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.premiums.bills(payerKey: unit.rawValue, by: caller) }
    }

    public func unpaid(expectedPaymentDate date: CalendarDate, mailed: Bool) async throws -> [UnpaidPremium] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in
            try service.premiums.unpaid(payerKey: unit.rawValue, expectedPaymentDate: date, mailed: mailed, by: caller)
        }
    }

    public func issueSlip(bill id: Int64) async throws -> PremiumBill {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.premiums.downloadSlip(bill: id, by: caller) }
    }

    public func staff() async throws -> [StaffMember] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.staff.list(unit: unit, by: caller) }
    }

    public func assignStaff(_ assignment: StaffAssignment) async throws -> StaffMember {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.staff.assign(assignment, by: caller) }
    }

    public func deleteStaff(_ id: Int64) async throws {
        let caller = caller
        try await service.perform { service throws(ServiceError) in try service.staff.delete(id, by: caller) }
    }

    public func insuranceStatus(of person: PersonalID, on day: CalendarDate?) async throws -> InsuranceStatus {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.insurance.status(of: person, on: day, by: caller) }
    }

    public func premiumDetail(month: ROCMonth) async throws -> PremiumDetail {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.premiums.detail(unit: unit, month: month, by: caller) }
    }

    public func statementRequests() async throws -> [StatementRequest] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.statements.requests(unit: unit, by: caller) }
    }

    public func requestStatement(_ kind: StatementKind, month: ROCMonth, through: ROCMonth?) async throws -> StatementRequest {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in
            try service.statements.request(kind, month: month, through: through, by: caller)
        }
    }

    public func downloadStatement(_ id: Int64) async throws -> StatementTable {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.statements.download(id, by: caller) }
    }

    public func paymentCertificate(categories: Set<PremiumBill.Category>, months: ClosedRange<ROCMonth>,
                                   period: ClosedRange<CalendarDate>) async throws -> PaymentCertificate {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in
            try service.premiums.certificate(payerKey: unit.rawValue, categories: categories, months: months, period: period, by: caller)
        }
    }

    public func ePaymentSubscription() async throws -> EPaymentSubscription? {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.ePaymentSlips.subscription(unit: unit, by: caller) }
    }

    public func subscribeEPayment(email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool) async throws -> EPaymentSubscription {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in
            try service.ePaymentSlips.subscribe(unit: unit, email: email, backupEmail: backupEmail, transferResultNotice: transferResultNotice,
                                                by: caller)
        }
    }

    public func cancelEPayment() async throws -> EPaymentSubscription {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.ePaymentSlips.cancel(unit: unit, by: caller) }
    }

    public func checkFilingImport(_ bytes: [UInt8]) async throws -> [FilingImportRejection] {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.checkFile(bytes, by: caller) }
    }

    public func importFilings(_ bytes: [UInt8], fileName: String) async throws -> FilingImportResult {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.filings.importFile(bytes, fileName: fileName, by: caller).result }
    }

    public func filingListing(from: CalendarDate, through: CalendarDate) async throws -> [Filing] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.filings.listing(unit: unit, from: from, through: through, by: caller) }
    }

    public func bulkAdjustmentProposal() async throws -> BulkAdjustmentList {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.filings.bulkAdjustmentList(unit: unit, by: caller) }
    }

    public func bulkAdjustment(from oldAmount: Money, to newAmount: Money) async throws -> [BulkAdjustmentProposal.Change] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in
            try service.filings.proposeBulkAdjustment(unit: unit, from: oldAmount, to: newAmount, by: caller)
        }
    }

    public func fileBulkAdjustment(_ selections: [BulkAdjustmentSelection]) async throws -> [Filing] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in
            try service.filings.fileBulkAdjustment(selecting: selections, unit: unit, by: caller)
        }
    }

    public func applyForCard(_ person: PersonalID, reason: CardApplication.Reason, email: EmailAddress, phones: ContactPhones,
                             pickup: CardApplication.Pickup, photo: UploadedDocument?) async throws -> CardApplication {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in
            try service.cards.apply(for: person, reason: reason, email: email, phones: phones, pickup: pickup, photo: photo, by: caller)
        }
    }

    public func cardApplications(of person: PersonalID) async throws -> [CardApplication] {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.cards.applications(person: person, by: caller) }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        let caller = caller, unit = unitCode
        return try await service.perform { service throws(ServiceError) in try service.audit.entries(unit: unit, by: caller, limit: limit) }
    }

    public func proofOfInsurance(of person: PersonalID) async throws -> ProofOfInsurance {
        let caller = caller
        return try await service.perform { service throws(ServiceError) in try service.insurance.proof(of: person, by: caller) }
    }
}

extension NHIService {
    /// The unit workflows of a signed-in staff session on this service.
    public func workflows(for caller: Caller) throws(ServiceError) -> LocalUnitWorkflows {
        try LocalUnitWorkflows(service: self, caller: caller)
    }
}

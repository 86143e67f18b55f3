import Foundation
import NHICore

/// The storage the service talks to. The service holds every rule; a store only keeps and
/// finds records, inside transactions.
///
/// ``SQLiteStore`` (GRDB, WAL, versioned migrations) is the default. The protocols speak in
/// domain records only, so a PostgreSQL store for multi-counter offices can be added later
/// without touching the service: no SQL crosses this boundary.
public protocol NHIStore: Sendable {
    /// Runs `body` in a read-only snapshot.
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    /// Runs `body` in one write transaction: everything or nothing.
    func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T
}

/// Queries, inside a transaction or snapshot.
public protocol StoreReader {
    // Units and staff
    func unit(_ code: UnitCode) throws -> UnitAccount?
    func units(withUBN ubn: UBN) throws -> [UnitAccount]
    func staff(id: Int64) throws -> StaffMember?
    func staff(unit: UnitCode, includeDeleted: Bool) throws -> [StaffMember]
    func staff(person: PersonalID) throws -> [StaffMember]
    func withholdingUnit(_ ubn: UBN) throws -> WithholdingUnit?

    // People and accounts
    func person(_ id: PersonalID) throws -> Person?
    func personalAccount(_ id: PersonalID) throws -> PersonalAccount?
    func personalAccount(cardNumber: NHICardNumber) throws -> PersonalAccount?
    func devices(person: PersonalID) throws -> [BoundDevice]
    /// A QR / TW FidO login token by its value.
    func loginToken(_ value: String) throws -> LoginTokenRecord?

    // Coverage
    func coverages(person: PersonalID) throws -> [Coverage]
    func coverages(unit: UnitCode, inForceOn date: CalendarDate) throws -> [Coverage]
    func coverage(id: Int64) throws -> Coverage?
    /// The unit's in-force roster on a day, with names, ordered by insured person then
    /// their dependants.
    func roster(unit: UnitCode, on date: CalendarDate) throws -> [RosterLine]

    // Applications, subscriptions, attachments
    func cardApplications(person: PersonalID) throws -> [CardApplication]
    func cardApplications(unit: UnitCode) throws -> [CardApplication]
    func ePaymentSubscription(unit: UnitCode) throws -> EPaymentSubscription?
    func attachments(owner: String) throws -> [UploadedDocument]

    // Filings
    func filing(id: Int64) throws -> Filing?
    /// Filings of a unit filed in a date range (inclusive), optionally only one staff member's.
    func filings(unit: UnitCode, filedFrom: CalendarDate, through: CalendarDate, staffID: Int64?) throws -> [Filing]
    /// Filings in a status filed before an instant, oldest first (the conversion queue).
    func filings(status: FilingStatus, filedBefore: Date) throws -> [Filing]
    /// Every filing for one person in one unit, oldest first (duplicate and pending checks:
    /// one indexed lookup instead of the unit's whole month).
    func filings(person: PersonalID, unit: UnitCode) throws -> [Filing]
    func filingBatch(fileSHA256: String) throws -> FilingBatch?
    func labourOutbox(dueBy: Date) throws -> [LabourOutboxEntry]
    func labourOutbox(filing: Int64) throws -> [LabourOutboxEntry]

    // Bills and payments
    func bill(id: Int64) throws -> PremiumBill?
    func bill(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> PremiumBill?
    func bills(payerKey: String) throws -> [PremiumBill]
    func payments(bill: Int64) throws -> [PremiumPayment]
    /// A bill's lines, in order.
    func billLines(bill: Int64) throws -> [BillLine]
    /// What the payer's bills of a category have charged for a premium month so far (its
    /// premium line plus every adjustment for it); nil when no bill has a line for it.
    func billed(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> Money?
    /// The first premium month the store may bill a unit for (months before it are outside
    /// the store's billing history, e.g. before an imported roster); nil when not set.
    func billingBaseline(unit: UnitCode) throws -> ROCMonth?
    func slipDownloads(bill: Int64, on day: CalendarDate) throws -> Int
    /// Units that have any coverage in force on a day (for the billing job).
    func unitsWithCoverage(on day: CalendarDate) throws -> [UnitCode]

    // Supplementary premiums (DPR)
    func dprImport(fileSHA256: String) throws -> DPRImportRecord?
    func dprDetails(ubn: UBN) throws -> [StoredDPRDetail]
    /// The premiums an import stored, summed by payment month.
    func dprPremiumsByMonth(importID: Int64) throws -> [ROCMonth: Money]

    // Statements (各類明細表)
    func statementRequest(id: Int64) throws -> StatementRequest?
    /// A unit's statement requests, newest first.
    func statementRequests(unit: UnitCode) throws -> [StatementRequest]
    /// Requests in a status, oldest first.
    func statementRequests(status: StatementStatus) throws -> [StatementRequest]
    /// The produced statement of a request.
    func statementContent(id: Int64) throws -> StatementTable?

    // Batch registration jobs
    func batchJob(id: Int64) throws -> BatchRegistrationJob?
    /// The uploaded bytes of a job.
    func batchJobFile(id: Int64) throws -> [UInt8]?
    /// A unit's jobs uploaded in `[from, before)`, newest first.
    func batchJobs(unit: UnitCode, uploadedFrom from: Date, before: Date) throws -> [BatchRegistrationJob]
    /// Jobs in a status, oldest first.
    func batchJobs(status: BatchRegistrationJobStatus) throws -> [BatchRegistrationJob]

    // Audit and outbox
    func auditEntries(unit: UnitCode?, limit: Int) throws -> [AuditEntry]
    /// The recorded answer to a request (idempotency across restarts), if any.
    func requestRecord(owner: String, key: String) throws -> RequestRecord?
    func pendingMail(limit: Int) throws -> [OutboxMail]
    func mail(to address: EmailAddress) throws -> [OutboxMail]
}

/// Changes, inside one write transaction.
public protocol StoreWriter: StoreReader {
    func insert(_ unit: UnitAccount) throws
    func update(_ unit: UnitAccount) throws
    /// Inserts a staff member and returns its new ID (the `id` field is ignored).
    func insert(_ staff: StaffMember) throws -> Int64
    func update(_ staff: StaffMember) throws
    func upsert(_ unit: WithholdingUnit) throws

    func upsert(_ person: Person) throws
    /// Stores a request's answer (in the transaction of the change it made).
    func insert(_ record: RequestRecord) throws
    /// Removes answers recorded before `date`; returns how many.
    func deleteRequestRecords(before date: Date) throws -> Int
    /// Inserts or updates many people (bulk imports): the same as `upsert(_:)` for each,
    /// in order (the last of two rows for one person wins).
    func upsert(_ persons: [Person]) throws
    func upsert(_ account: PersonalAccount) throws
    func insert(_ device: BoundDevice) throws -> Int64
    func update(_ device: BoundDevice) throws
    func upsert(_ token: LoginTokenRecord) throws
    /// Drops login tokens that expired before `date`.
    func deleteLoginTokens(expiredBefore date: Date) throws

    func insert(_ coverage: Coverage) throws -> Int64
    /// Inserts many coverage periods (bulk imports), returning their new IDs in order.
    func insert(_ coverages: [Coverage]) throws -> [Int64]
    func update(_ coverage: Coverage) throws
    /// Removes a coverage period (one that a withdrawal made void before it began).
    func delete(coverage id: Int64) throws

    func insert(_ application: CardApplication) throws -> Int64
    func upsert(_ subscription: EPaymentSubscription) throws
    /// Stores an attachment's content once (by hash) and links it to an owner
    /// (`filing:12`, `cardApplication:3`).
    func store(_ attachment: UploadedDocument, owner: String) throws

    /// Inserts filings (ignoring their `id`s) and returns the new IDs, in order. A `batch`
    /// puts every one of them in that batch (instead of each filing's own `batchID`).
    func insert(_ filings: [Filing], batch: Int64?) throws -> [Int64]
    func update(_ filing: Filing) throws
    func insert(_ batch: FilingBatch) throws -> Int64
    func insert(_ entry: LabourOutboxEntry) throws -> Int64
    func update(_ entry: LabourOutboxEntry) throws

    func insert(_ bill: PremiumBill) throws -> Int64
    func insert(_ payment: PremiumPayment) throws -> Int64
    /// Adds a line to its bill (the bill's amount grows by the line's amount).
    func insert(_ line: BillLine) throws
    /// Sets the first premium month the store may bill a unit for.
    func setBillingBaseline(unit: UnitCode, month: ROCMonth) throws
    func recordSlipDownload(bill: Int64, on day: CalendarDate) throws

    /// Inserts a DPR import record (ignoring its `id`) and returns the new ID.
    func insert(_ record: DPRImportRecord) throws -> Int64
    func update(_ record: DPRImportRecord) throws
    /// Stores details whose content hash is not stored yet; returns how many were new.
    func insertDPRDetails(_ details: [StoredDPRDetail]) throws -> Int

    /// Inserts a statement request (ignoring its `id`) and returns the new ID.
    func insert(_ request: StatementRequest) throws -> Int64
    /// Updates a request and stores its produced statement.
    func update(_ request: StatementRequest, content: StatementTable?) throws

    /// Inserts a job (ignoring its `id`) with the uploaded bytes; returns the new ID.
    func insert(_ job: BatchRegistrationJob, file: [UInt8]) throws -> Int64
    func update(_ job: BatchRegistrationJob) throws
    /// Drops jobs (and their files) uploaded before `date`: records are kept 3 months.
    func deleteBatchJobs(uploadedBefore date: Date) throws

    func append(_ entry: AuditEntry) throws
    func enqueue(_ mail: OutboxMail) throws -> Int64
    func update(_ mail: OutboxMail) throws
}

/// What programs (the CLI, the kiosk) ask of a store besides records, on either engine:
/// where it is, its schema version, warnings about its files, and the test-clock mark.
public protocol NHIStoreAdministration: NHIStore {
    /// The file path, or the PostgreSQL URL without its password: safe to print.
    var locationDescription: String { get }
    /// Bilingual warnings found on opening (files or key files readable by others).
    var permissionWarnings: [String] { get }
    /// The schema migrations applied, oldest first.
    func appliedMigrations() throws -> [String]
    /// Whether this database was made for tests and demos (`nhi service init --test-clock`):
    /// only then may a program pretend another time (`--now`, `$NHI_NOW`).
    func isTestClockDatabase() throws(ServiceError) -> Bool
    /// Marks a new database (no audit entry yet) as a test and demo database; a database in
    /// use is refused (`store.notNew`).
    func markAsTestClockDatabase() throws(ServiceError)
}

extension StoreWriter {
    /// One `upsert(_:)` per person: right for an in-process database, where a statement
    /// costs no round trip.
    public func upsert(_ persons: [Person]) throws {
        for person in persons { try upsert(person) }
    }

    /// One `insert(_:)` per coverage period: right for an in-process database.
    public func insert(_ coverages: [Coverage]) throws -> [Int64] {
        try coverages.map { try insert($0) }
    }
}

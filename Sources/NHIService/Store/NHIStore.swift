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
    /// The unit account with a unit code; nil when there is none.
    func unit(_ code: UnitCode) throws -> UnitAccount?
    /// The unit accounts registered with a UBN, by unit code; empty when none.
    func units(withUBN ubn: UBN) throws -> [UnitAccount]
    /// A staff member by ID, deleted ones included; nil when there is none.
    func staff(id: Int64) throws -> StaffMember?
    /// A unit's staff, oldest first; deleted ones only when `includeDeleted`.
    func staff(unit: UnitCode, includeDeleted: Bool) throws -> [StaffMember]
    /// Every staff record of a person, in any unit and deleted ones included, oldest first.
    func staff(person: PersonalID) throws -> [StaffMember]
    /// The withholding unit (扣費單位) with a UBN; nil when there is none.
    func withholdingUnit(_ ubn: UBN) throws -> WithholdingUnit?

    // People and accounts
    /// A person's basic data; nil when the person is not stored.
    func person(_ id: PersonalID) throws -> Person?
    /// A person's personal account; nil when they have none.
    func personalAccount(_ id: PersonalID) throws -> PersonalAccount?
    /// The personal account that holds an NHI card number; nil when none does.
    func personalAccount(cardNumber: NHICardNumber) throws -> PersonalAccount?
    /// Every device bound to a person, revoked ones included, oldest first, with secrets unsealed.
    func devices(person: PersonalID) throws -> [BoundDevice]
    /// A QR / TW FidO login token by its value.
    func loginToken(_ value: String) throws -> LoginTokenRecord?

    // Coverage
    /// Every coverage period of a person, in any unit and ended ones included, by start date.
    func coverages(person: PersonalID) throws -> [Coverage]
    /// A unit's coverage periods in force on a day (begun on or before it, not ended), by person ID.
    func coverages(unit: UnitCode, inForceOn date: CalendarDate) throws -> [Coverage]
    /// A coverage period by its ID; nil when there is none.
    func coverage(id: Int64) throws -> Coverage?
    /// The unit's in-force roster on a day, with names, ordered by insured person then
    /// their dependants.
    func roster(unit: UnitCode, on date: CalendarDate) throws -> [RosterLine]

    // Applications, subscriptions, attachments
    /// A person's card applications, oldest first.
    func cardApplications(person: PersonalID) throws -> [CardApplication]
    /// The card applications made by callers acting for a unit, oldest first.
    func cardApplications(unit: UnitCode) throws -> [CardApplication]
    /// A unit's e-payment subscription; nil when it has none.
    func ePaymentSubscription(unit: UnitCode) throws -> EPaymentSubscription?
    /// The attachments linked to an owner (`filing:12`), in the order they were linked.
    func attachments(owner: String) throws -> [UploadedDocument]

    // Filings
    /// A filing by its ID; nil when there is none.
    func filing(id: Int64) throws -> Filing?
    /// Filings of a unit filed in a date range (inclusive), optionally only one staff member's,
    /// oldest first.
    func filings(unit: UnitCode, filedFrom: CalendarDate, through: CalendarDate, staffID: Int64?) throws -> [Filing]
    /// Filings in a status filed before an instant, oldest first (the conversion queue).
    func filings(status: FilingStatus, filedBefore: Date) throws -> [Filing]
    /// Every filing for one person in one unit, oldest first (duplicate and pending checks:
    /// one indexed lookup instead of the unit's whole month).
    func filings(person: PersonalID, unit: UnitCode) throws -> [Filing]
    /// The batch made from an imported file, by the file's SHA-256; nil when not imported.
    func filingBatch(fileSHA256: String) throws -> FilingBatch?
    /// Labour-insurance entries not yet forwarded whose due time is at or before `dueBy`, oldest first.
    func labourOutbox(dueBy: Date) throws -> [LabourOutboxEntry]
    /// The labour-insurance entries of one filing, forwarded or not, oldest first.
    func labourOutbox(filing: Int64) throws -> [LabourOutboxEntry]

    // Bills and payments
    /// A bill by its ID, with what has been paid on it; nil when there is none.
    func bill(id: Int64) throws -> PremiumBill?
    /// The payer's bill of a category for a premium month, with what has been paid; nil when not issued.
    func bill(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> PremiumBill?
    /// Every bill of a payer (a unit code or a UBN), by month then category.
    func bills(payerKey: String) throws -> [PremiumBill]
    /// The payments of a bill, oldest first.
    func payments(bill: Int64) throws -> [PremiumPayment]
    /// A bill's lines, in order.
    func billLines(bill: Int64) throws -> [BillLine]
    /// What the payer's bills of a category have charged for a premium month so far (its
    /// premium line plus every adjustment for it); nil when no bill has a line for it.
    func billed(payerKey: String, month: ROCMonth, category: PremiumBill.Category) throws -> Money?
    /// The first premium month the store may bill a unit for (months before it are outside
    /// the store's billing history, e.g. before an imported roster); nil when not set.
    func billingBaseline(unit: UnitCode) throws -> ROCMonth?
    /// How many times a bill's payment slip was downloaded on a day; 0 when never.
    func slipDownloads(bill: Int64, on day: CalendarDate) throws -> Int
    /// Units that have any coverage in force on a day (for the billing job), by unit code.
    func unitsWithCoverage(on day: CalendarDate) throws -> [UnitCode]

    // Supplementary premiums (DPR)
    /// The first import of a DPR file, by the file's SHA-256; nil when never imported.
    func dprImport(fileSHA256: String) throws -> DPRImportRecord?
    /// A payer's stored DPR details, by import, payment date and person.
    func dprDetails(ubn: UBN) throws -> [StoredDPRDetail]
    /// The premiums an import stored, summed by payment month.
    func dprPremiumsByMonth(importID: Int64) throws -> [ROCMonth: Money]

    // Statements (各類明細表)
    /// A statement request by its ID; nil when there is none.
    func statementRequest(id: Int64) throws -> StatementRequest?
    /// A unit's statement requests, newest first.
    func statementRequests(unit: UnitCode) throws -> [StatementRequest]
    /// Requests in a status, oldest first.
    func statementRequests(status: StatementStatus) throws -> [StatementRequest]
    /// The produced statement of a request; nil while none is stored.
    func statementContent(id: Int64) throws -> StatementTable?

    // Batch registration jobs
    /// A batch registration job by its ID; nil when there is none.
    func batchJob(id: Int64) throws -> BatchRegistrationJob?
    /// The uploaded bytes of a job; nil when there is no such job.
    func batchJobFile(id: Int64) throws -> [UInt8]?
    /// A unit's jobs uploaded in `[from, before)`, newest first.
    func batchJobs(unit: UnitCode, uploadedFrom from: Date, before: Date) throws -> [BatchRegistrationJob]
    /// Jobs in a status, oldest first.
    func batchJobs(status: BatchRegistrationJobStatus) throws -> [BatchRegistrationJob]

    // Audit and outbox
    /// The newest audit entries, newest first, at most `limit`: one unit's, or every one when `unit` is nil.
    func auditEntries(unit: UnitCode?, limit: Int) throws -> [AuditEntry]
    /// The recorded answer to a request (idempotency across restarts), if any.
    func requestRecord(owner: String, key: String) throws -> RequestRecord?
    /// Mail not yet sent, oldest first, at most `limit`, with bodies unsealed.
    func pendingMail(limit: Int) throws -> [OutboxMail]
    /// Every mail to an address, sent or not, oldest first.
    func mail(to address: EmailAddress) throws -> [OutboxMail]
}

/// Changes, inside one write transaction.
public protocol StoreWriter: StoreReader {
    /// Stores a new unit account; a unit code already stored is `store.constraint`.
    func insert(_ unit: UnitAccount) throws
    /// Replaces the stored account of the unit's code (name, UBN and the rest); no such unit changes nothing.
    func update(_ unit: UnitAccount) throws
    /// Inserts a staff member and returns its new ID (the `id` field is ignored).
    func insert(_ staff: StaffMember) throws -> Int64
    /// Replaces a staff member by ID; a removal is an update that sets `deletedAt` (rows are kept).
    func update(_ staff: StaffMember) throws
    /// Inserts a withholding unit, or replaces the one with its UBN.
    func upsert(_ unit: WithholdingUnit) throws

    /// Inserts a person, or replaces the name, birth date and indigenous flag of the one with its ID.
    func upsert(_ person: Person) throws
    /// Stores a request's answer (in the transaction of the change it made).
    func insert(_ record: RequestRecord) throws
    /// Removes answers recorded before `date`; returns how many.
    func deleteRequestRecords(before date: Date) throws -> Int
    /// Inserts or updates many people (bulk imports): the same as `upsert(_:)` for each,
    /// in order (the last of two rows for one person wins).
    func upsert(_ persons: [Person]) throws
    /// Inserts a personal account, or replaces the person's one (card number, status and the rest).
    func upsert(_ account: PersonalAccount) throws
    /// Binds a device, its secret sealed with the store key, and returns its new ID (the `id` field is ignored).
    func insert(_ device: BoundDevice) throws -> Int64
    /// Replaces a bound device by ID (a revocation, a new accepted counter), its secret sealed.
    func update(_ device: BoundDevice) throws
    /// Stores a login token, or replaces the one with the same value (its expiry and state).
    func upsert(_ token: LoginTokenRecord) throws
    /// Drops login tokens that expired before `date`.
    func deleteLoginTokens(expiredBefore date: Date) throws

    /// Inserts a coverage period and returns its new ID (the `id` field is ignored).
    func insert(_ coverage: Coverage) throws -> Int64
    /// Inserts many coverage periods (bulk imports), returning their new IDs in order.
    func insert(_ coverages: [Coverage]) throws -> [Int64]
    /// Changes a period's category, insured amount, end date and status, by ID; the rest
    /// stays as inserted.
    func update(_ coverage: Coverage) throws
    /// Removes a coverage period (one that a withdrawal made void before it began).
    func delete(coverage id: Int64) throws

    /// Inserts a card application and returns its new ID (the `id` field is ignored).
    func insert(_ application: CardApplication) throws -> Int64
    /// Stores a unit's e-payment subscription, replacing the unit's previous one.
    func upsert(_ subscription: EPaymentSubscription) throws
    /// Stores an attachment's content once (by hash) and links it to an owner
    /// (`filing:12`, `cardApplication:3`).
    func store(_ attachment: UploadedDocument, owner: String) throws

    /// Inserts filings (ignoring their `id`s) and returns the new IDs, in order. A `batch`
    /// puts every one of them in that batch (instead of each filing's own `batchID`).
    func insert(_ filings: [Filing], batch: Int64?) throws -> [Int64]
    /// Records a filing's outcome, by ID: only its status, check code and message, and
    /// conversion time change; the rest stays as filed.
    func update(_ filing: Filing) throws
    /// Inserts a filing batch and returns its new ID; a file hash already stored is `store.constraint`.
    func insert(_ batch: FilingBatch) throws -> Int64
    /// Queues a filing's labour-insurance side and returns the entry's new ID (the `id` field is ignored).
    func insert(_ entry: LabourOutboxEntry) throws -> Int64
    /// Changes an entry's action and forwarding time, by ID.
    func update(_ entry: LabourOutboxEntry) throws

    /// Issues a bill and returns its new ID (`id` and `paid` are ignored); one bill per payer,
    /// month and category, else `store.constraint`.
    func insert(_ bill: PremiumBill) throws -> Int64
    /// Records a payment of a bill and returns its new ID; a bill's `paid` is the sum of its payments.
    func insert(_ payment: PremiumPayment) throws -> Int64
    /// Adds a line to its bill (the bill's amount grows by the line's amount).
    func insert(_ line: BillLine) throws
    /// Sets the first premium month the store may bill a unit for; a baseline already stored
    /// is never moved earlier (the later month is kept).
    func setBillingBaseline(unit: UnitCode, month: ROCMonth) throws
    /// Counts one download of a bill's payment slip on a day.
    func recordSlipDownload(bill: Int64, on day: CalendarDate) throws

    /// Inserts a DPR import (ignoring its `id`) and returns the new ID. Only the file hash and
    /// UBN are kept: store the record itself with `update(_:)` in the same transaction.
    func insert(_ record: DPRImportRecord) throws -> Int64
    /// Stores a DPR import record under its ID.
    func update(_ record: DPRImportRecord) throws
    /// Stores details whose content hash is not stored yet; returns how many were new.
    func insertDPRDetails(_ details: [StoredDPRDetail]) throws -> Int

    /// Inserts a statement request (ignoring its `id`) and returns the new ID.
    func insert(_ request: StatementRequest) throws -> Int64
    /// Updates a request and stores its produced statement (nil removes a stored one).
    func update(_ request: StatementRequest, content: StatementTable?) throws

    /// Inserts a job (ignoring its `id`) with the uploaded bytes; returns the new ID.
    func insert(_ job: BatchRegistrationJob, file: [UInt8]) throws -> Int64
    /// Replaces a job's record and status, by ID; its uploaded bytes are kept.
    func update(_ job: BatchRegistrationJob) throws
    /// Drops jobs (and their files) of every unit uploaded before `date` (the service keeps
    /// them 3 months).
    func deleteBatchJobs(uploadedBefore date: Date) throws

    /// Appends an entry to the audit log; the store numbers it (the entry's `id` is ignored).
    func append(_ entry: AuditEntry) throws
    /// Puts a mail in the outbox as not yet sent, its body sealed, and returns its new ID.
    func enqueue(_ mail: OutboxMail) throws -> Int64
    /// Replaces a mail by ID (its sending time, attempts); a mail with a sending time leaves `pendingMail(limit:)`.
    func update(_ mail: OutboxMail) throws
}

/// What programs (the CLI, the kiosk) ask of a store besides records, on either engine:
/// where it is, its schema version, warnings about its files, and the test-clock mark.
public protocol NHIStoreAdministration: NHIStore {
    /// The file path, or the PostgreSQL URL without its password: safe to print.
    var locationDescription: String { get }
    /// Bilingual warnings found on opening (files or key files readable by others, a
    /// password in the PostgreSQL URL).
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

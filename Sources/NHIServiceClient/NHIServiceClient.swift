import AsyncHTTPClient
import Foundation
import Logging
import NHICore
import NHIGrades
import NHIService
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// A counter's connection to `nhi-server`: the same workflows as `NHIService`, over HTTPS.
///
/// The client verifies the server against the office CA (`caFile`), signs in with the card
/// logins the server accepts, and keeps the session token in memory only. Every request that
/// changes data carries a fresh `Idempotency-Key`, and the same key on each retry: when the
/// connection drops (or the server answers 502/503/504) the request is sent again, up to
/// ``Configuration/attempts`` times, and ``Configuration/onRetry`` is told — a retried filing
/// is never filed twice.
///
/// ```swift
/// let client = try NHIServiceClient(.init(url: "https://nhi.office.lan:8443", caFile: "/etc/nhi/ca.pem"))
/// let session = try await client.signIn(nhiCard: card, personID: id, password: password)
/// let filing = try await client.enrol(RemoteEnrolment(personID: employee, name: name, birthDate: born,
///                                                     effectiveDate: today, insuredAmount: 36_300))
/// ```
public final class NHIServiceClient: Sendable {
    /// Where the server is and how hard to try.
    public struct Configuration: Sendable {
        /// `https://host:port` (or `http://127.0.0.1:port` for a server on the same machine).
        public var url: String
        /// The office CA (PEM) the server's certificate must chain to; nil: the system's roots.
        public var caFile: String?
        /// Sends of one request at most (the first and the retries).
        public var attempts: Int = 5
        /// How long one send may take.
        public var timeout: TimeAmount = .seconds(30)
        /// Told before each retry (say so to the person at the counter).
        public var onRetry: (@Sendable (RetryNotice) -> Void)?

        public init(url: String, caFile: String? = nil, attempts: Int = 5, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) {
            self.url = url
            self.caFile = caFile
            self.attempts = attempts
            self.onRetry = onRetry
        }
    }

    /// A retry about to happen: which request, which attempt comes next, and why.
    public struct RetryNotice: Sendable, CustomStringConvertible {
        public let method: String
        public let path: String
        public let nextAttempt: Int
        public let reason: String
        public var description: String {
            "連線中斷，第 \(nextAttempt) 次重送 \(method) \(path)（\(reason)）— connection lost, sending again (attempt \(nextAttempt)): \(reason)"
        }
    }

    private let configuration: Configuration
    private let base: String
    private let http: HTTPClient
    private let token = TokenBox()

    /// Connects nothing yet; checks the URL and reads the CA file.
    public init(_ configuration: Configuration) throws(ServiceClientError) {
        let url = configuration.url.hasSuffix("/") ? String(configuration.url.dropLast()) : configuration.url
        guard let parsed = URL(string: url), let scheme = parsed.scheme, parsed.host != nil else { throw ServiceClientError(.badURL) }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(parsed.host ?? "")
        guard scheme == "https" || (scheme == "http" && loopback) else { throw ServiceClientError(.badURL) }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw ServiceClientError(.tls, detail: caFile)
            }
        }
        var http = HTTPClient.Configuration()
        http.tlsConfiguration = tls
        http.timeout = .init(connect: .seconds(5), read: configuration.timeout)
        self.configuration = configuration
        self.base = url
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    deinit { try? http.syncShutdown() }

    /// Closes the connections (call once, when done).
    public func shutdown() async throws { try await http.shutdown() }

    // MARK: Sessions

    /// Signs in with an NHI card's number (read at the counter) and its registration password.
    /// A person who works for several units gets `client.unitChoiceNeeded`: use
    /// ``signIn(_:)`` and ``chooseUnit(_:unit:)`` instead.
    @discardableResult
    public func signIn(nhiCard cardNumber: NHICardNumber, personID: PersonalID?, password: String) async throws(ServiceClientError) -> RemoteSession {
        switch try await signIn(.nhiCard(cardNumber: cardNumber, personID: personID, password: password)) {
        case .signedIn(let session): return session
        case .chooseUnit: throw ServiceClientError(.unitChoiceNeeded)
        }
    }

    /// Signs in with any of the server's methods: a session, or the units to choose from.
    public func signIn(_ credential: RemoteCredential) async throws(ServiceClientError) -> RemoteSignInOutcome {
        let answer = try await sendRaw(.POST, "/v1/sessions", body: credential.body)
        return try outcome(answer)
    }

    /// Opens the session for `unit`, one of `choice`'s units (the choice is used up either way).
    public func chooseUnit(_ choice: RemoteUnitChoice, unit: UnitCode) async throws(ServiceClientError) -> RemoteSession {
        struct Body: Encodable { var reference: String; var unitCode: String }
        let answer = try await sendRaw(.POST, "/v1/sessions/unit-choice", body: Body(reference: choice.reference, unitCode: unit.rawValue))
        switch try outcome(answer) {
        case .signedIn(let session): return session
        case .chooseUnit: throw ServiceClientError(.badResponse, detail: "unit choice answered with another choice")
        }
    }

    /// A fresh challenge for a certificate sign-in: the card signs ``RemoteChallenge/message``.
    public func certificateChallenge() async throws(ServiceClientError) -> RemoteChallenge {
        try await send(.POST, "/v1/sessions/challenges", body: Optional<Empty>.none, authorised: false)
    }

    /// Starts a QR-code sign-in (`nhiAppQR` or `twFido`): the code to show and its reference.
    public func startAppSignIn(method: String, id: PersonalID, birthDate: CalendarDate,
                               ownerUnitCode: UnitCode? = nil) async throws(ServiceClientError) -> RemoteAppSignIn {
        struct Body: Encodable { var method: String; var id: String; var birthDate: String; var ownerUnitCode: String? }
        return try await send(.POST, "/v1/sessions/app", body: Body(method: method, id: id.rawValue, birthDate: birthDate.iso,
                                                                     ownerUnitCode: ownerUnitCode?.rawValue), authorised: false)
    }

    /// Where a QR-code sign-in stands: `pending`, `confirmed`, `expired` or `consumed`.
    public func appSignInStatus(reference: String) async throws(ServiceClientError) -> String {
        struct Status: Decodable { var status: String }
        let status: Status = try await send(.GET, "/v1/sessions/app/\(reference)", authorised: false)
        return status.status
    }

    /// A sign-in answer: 201 keeps the token, 202 lists the units.
    private func outcome(_ answer: (status: Int, data: Data)) throws(ServiceClientError) -> RemoteSignInOutcome {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if answer.status == 202 {
            guard let choice = try? decoder.decode(RemoteUnitChoice.self, from: answer.data) else { throw ServiceClientError(.badResponse, detail: "unit choice") }
            return .chooseUnit(choice)
        }
        guard let signedIn = try? decoder.decode(SignedIn.self, from: answer.data) else { throw ServiceClientError(.badResponse, detail: "session") }
        token.set(signedIn.token)
        return .signedIn(signedIn.session)
    }

    /// Resumes a session signed in earlier (a token ``sessionToken`` gave, kept by the caller
    /// in a file only its user can read): the server still decides whether it is alive.
    public func resume(token value: String) {
        token.set(value)
    }

    /// The current session's bearer token, for a caller that keeps the session between
    /// runs (the `nhi` tool's 0600 session file). Never log or show it.
    public var sessionToken: String? { token.value }

    /// The session: who, which unit, what they may do.
    public func session() async throws(ServiceClientError) -> RemoteSession {
        try await send(.GET, "/v1/session")
    }

    /// Signs out (the server revokes the token); the client forgets it either way.
    public func signOut() async throws(ServiceClientError) {
        defer { token.set(nil) }
        let _: Empty? = try await send(.DELETE, "/v1/session", expectEmpty: true)
    }

    // MARK: Workflows

    /// Files an enrolment (加保) in the session's unit.
    ///
    /// - Parameters:
    ///   - request: the enrolment (``RemoteEnrolment/init(_:)`` makes one from the SDK's request).
    ///   - idempotencyKey: default a new one. Pass your own to send the same filing
    ///     again after signing in anew (a restarted server, an expired session): the server
    ///     answers a key it has seen with its first answer and files nothing twice.
    public func enrol(_ request: RemoteEnrolment, idempotencyKey: String? = nil) async throws(ServiceClientError) -> Filing {
        try await send(.POST, "/v1/filings/enrolments", body: request, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Files a withdrawal (退保); `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func withdraw(_ request: RemoteWithdrawal, idempotencyKey: String? = nil) async throws(ServiceClientError) -> Filing {
        try await send(.POST, "/v1/filings/withdrawals", body: request, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Files a salary adjustment (調整投保金額); `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func adjustSalary(_ request: RemoteSalaryAdjustment, idempotencyKey: String? = nil) async throws(ServiceClientError) -> Filing {
        try await send(.POST, "/v1/filings/salary-adjustments", body: request, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Files a suspension, parental leave, resumption or renewal (停保／育嬰留停／復保／續保);
    /// `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func changeStatus(_ request: RemoteStatusChange, idempotencyKey: String? = nil) async throws(ServiceClientError) -> Filing {
        try await send(.POST, "/v1/filings/status-changes", body: request, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Files a change of basic data (name or birth date); `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    /// A new birth date needs proof, which the API does not carry: the server refuses it.
    public func changeBasicData(_ request: RemoteBasicDataChange, idempotencyKey: String? = nil) async throws(ServiceClientError) -> Filing {
        try await send(.POST, "/v1/filings/basic-data-changes", body: request, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// The unit's in-force roster on a day (default today).
    public func roster(unit: UnitCode, on day: CalendarDate? = nil) async throws(ServiceClientError) -> [RosterLine] {
        let list: Items<RosterLine> = try await send(.GET, "/v1/units/\(unit.rawValue)/roster" + (day.map { "?on=\($0.iso)" } ?? ""))
        return list.items
    }

    /// The unit's checked filings (accepted or rejected: 查詢申報結果) filed between two days,
    /// at most two months back.
    public func checkResults(unit: UnitCode, from: CalendarDate, through: CalendarDate) async throws(ServiceClientError) -> [Filing] {
        let list: Items<Filing> = try await send(.GET, "/v1/units/\(unit.rawValue)/filings?from=\(from.iso)&through=\(through.iso)")
        return list.items
    }

    /// What the unit filed today, any status (異動作業後查詢).
    public func filedToday(unit: UnitCode) async throws(ServiceClientError) -> [Filing] {
        let list: Items<Filing> = try await send(.GET, "/v1/units/\(unit.rawValue)/filings/today")
        return list.items
    }

    /// Deletes a filing on its filing day; `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func deleteFiling(_ id: Int64, idempotencyKey: String? = nil) async throws(ServiceClientError) {
        let _: Deleted = try await send(.DELETE, "/v1/filings/\(id)", body: Optional<Empty>.none,
                                        idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// The unit's premium bills.
    public func bills(unit: UnitCode) async throws(ServiceClientError) -> [PremiumBill] {
        let list: Items<PremiumBill> = try await send(.GET, "/v1/units/\(unit.rawValue)/bills")
        return list.items
    }

    /// The unit's unpaid bills with the late fee owed if paid on `payOn` (`mailed`: paid by mail).
    public func unpaid(unit: UnitCode, payOn: CalendarDate, mailed: Bool = false) async throws(ServiceClientError) -> [UnpaidPremium] {
        struct Line: Decodable { var bill: PremiumBill; var lateFeeDetail: LateFee }
        let list: Items<Line> = try await send(.GET, "/v1/units/\(unit.rawValue)/unpaid?payOn=\(payOn.iso)&mailed=\(mailed)")
        return list.items.map { UnpaidPremium(bill: $0.bill, lateFee: $0.lateFeeDetail) }
    }

    /// Issues a payment slip for a bill (counted against the daily limit); `idempotencyKey`
    /// as for ``enrol(_:idempotencyKey:)``.
    public func issueSlip(bill id: Int64, idempotencyKey: String? = nil) async throws(ServiceClientError) -> PremiumBill {
        try await send(.POST, "/v1/bills/\(id)/slips", body: Optional<Empty>.none, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// The unit's administrators and operators.
    /// The unit's newest audit-log entries, newest first (administrators only).
    public func auditLog(unit: UnitCode, limit: Int = 200) async throws(ServiceClientError) -> [AuditEntry] {
        let list: Items<AuditEntry> = try await send(.GET, "/v1/units/\(unit.rawValue)/audit?limit=\(limit)")
        return list.items
    }

    public func staff(unit: UnitCode) async throws(ServiceClientError) -> [StaffMember] {
        let list: Items<StaffMember> = try await send(.GET, "/v1/units/\(unit.rawValue)/staff")
        return list.items
    }

    /// Assigns a person in `unit`; `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func assignStaff(_ assignment: StaffAssignment, unit: UnitCode, idempotencyKey: String? = nil) async throws(ServiceClientError) -> StaffMember {
        struct Body: Encodable {
            var personID: String, name: String, role: String, credential: String, certificateSerial: String?
            var landline: String?, mobile: String?, email: String, mayUseAllEnrolmentFunctions: Bool
        }
        let body = Body(personID: assignment.personID.rawValue, name: assignment.name.value, role: assignment.role.rawValue,
                        credential: assignment.credential.rawValue, certificateSerial: assignment.certificateSerial,
                        landline: assignment.phones.landline?.rawValue, mobile: assignment.phones.mobile?.rawValue,
                        email: assignment.email.rawValue, mayUseAllEnrolmentFunctions: assignment.mayUseAllEnrolmentFunctions)
        return try await send(.POST, "/v1/units/\((assignment.forUnit ?? unit).rawValue)/staff", body: body,
                              idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Ends an assignment; `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func deleteStaff(_ id: Int64, idempotencyKey: String? = nil) async throws(ServiceClientError) {
        let _: Deleted = try await send(.DELETE, "/v1/staff/\(id)", body: Optional<Empty>.none, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Checks a filing file (FilingImportCSV) without storing anything: every refused row.
    public func checkFilingImport(_ bytes: [UInt8], fileName: String, unit: UnitCode) async throws(ServiceClientError) -> [FilingImportRejection] {
        let list: Items<FilingImportRejection> = try await send(.POST, "/v1/units/\(unit.rawValue)/filing-imports/check",
                                                                body: FileBody(fileName: fileName, content: Data(bytes).base64EncodedString()))
        return list.items
    }

    /// Imports a filing file in one transaction; `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func importFilings(_ bytes: [UInt8], fileName: String, unit: UnitCode, idempotencyKey: String? = nil) async throws(ServiceClientError) -> FilingImportResult {
        try await send(.POST, "/v1/units/\(unit.rawValue)/filing-imports", body: FileBody(fileName: fileName, content: Data(bytes).base64EncodedString()),
                       idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// The bulk salary adjustment the grade table calls for (薪資調整作業(大批)).
    public func bulkAdjustmentProposal(unit: UnitCode) async throws(ServiceClientError) -> BulkAdjustmentList {
        try await send(.GET, "/v1/units/\(unit.rawValue)/bulk-adjustments/proposal")
    }

    /// Everyone insured at `oldAmount`, moving to the grade `newAmount`.
    public func bulkAdjustment(unit: UnitCode, from oldAmount: Money, to newAmount: Money) async throws(ServiceClientError) -> [BulkAdjustmentProposal.Change] {
        let list: Items<BulkAdjustmentProposal.Change> = try await send(
            .GET, "/v1/units/\(unit.rawValue)/bulk-adjustments/by-grade?from=\(oldAmount.amount)&to=\(newAmount.amount)")
        return list.items
    }

    /// Files the selected people as one batch (the server looks each up on the unit's
    /// roster); `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func fileBulkAdjustment(_ selections: [BulkAdjustmentSelection], unit: UnitCode,
                                   idempotencyKey: String? = nil) async throws(ServiceClientError) -> [Filing] {
        struct Body: Encodable { var selections: [BulkAdjustmentSelection] }
        let list: Items<Filing> = try await send(.POST, "/v1/units/\(unit.rawValue)/bulk-adjustments", body: Body(selections: selections),
                                                 idempotencyKey: idempotencyKey ?? UUID().uuidString)
        return list.items
    }

    /// Checks a batch NHI-card registration file (健保卡註冊申請整批資料) against the unit's
    /// in-force roster without storing anything.
    public func checkBatchRegistration(_ bytes: [UInt8], fileName: String, unit: UnitCode) async throws(ServiceClientError) -> BatchRegistrationCheck {
        try await send(.POST, "/v1/units/\(unit.rawValue)/batch-registrations/check",
                       body: BatchBody(fileName: fileName, content: Data(bytes).base64EncodedString()))
    }

    /// Uploads a batch registration file as one job (processed at once unless the server
    /// defers it); `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func uploadBatchRegistration(_ bytes: [UInt8], fileName: String, unit: UnitCode, contactName: String? = nil,
                                        contactEmail: EmailAddress? = nil, idempotencyKey: String? = nil) async throws(ServiceClientError) -> BatchRegistrationJob {
        try await send(.POST, "/v1/units/\(unit.rawValue)/batch-registrations",
                       body: BatchBody(fileName: fileName, content: Data(bytes).base64EncodedString(), contactName: contactName,
                                       contactEmail: contactEmail?.rawValue),
                       idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// The unit's batch registration uploads in a range of upload dates (健保卡註冊申請上傳紀錄查詢),
    /// as the session may see them (operators: their own).
    public func batchRegistrations(unit: UnitCode, from: CalendarDate, through: CalendarDate) async throws(ServiceClientError) -> [BatchRegistrationJob] {
        let list: Items<BatchRegistrationJob> = try await send(.GET, "/v1/units/\(unit.rawValue)/batch-registrations?from=\(from.iso)&through=\(through.iso)")
        return list.items
    }

    /// Filed data for printing (申報資料套印表格) of a range of filing dates.
    public func filingListing(unit: UnitCode, from: CalendarDate, through: CalendarDate) async throws(ServiceClientError) -> [Filing] {
        let list: Items<Filing> = try await send(.GET, "/v1/units/\(unit.rawValue)/filings/listing?from=\(from.iso)&through=\(through.iso)")
        return list.items
    }

    /// Applies for an NHI card for someone insured with the unit (no photo: the API does not
    /// carry attachments); `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func applyForCard(_ person: PersonalID, reason: CardApplication.Reason, email: EmailAddress, phones: ContactPhones,
                             pickup: CardApplication.Pickup, idempotencyKey: String? = nil) async throws(ServiceClientError) -> CardApplication {
        struct Address: Encodable { var county, district, village, neighbourhood, street: String }
        struct Body: Encodable {
            var personID: PersonalID, reason: CardApplication.Reason, email: String, landline: String?, mobile: String?
            var pickup: String, address: Address?, office: String?
        }
        var body = Body(personID: person, reason: reason, email: email.rawValue, landline: phones.landline?.rawValue, mobile: phones.mobile?.rawValue,
                        pickup: "counter", address: nil, office: nil)
        switch pickup {
        case .post(let a):
            body.pickup = "post"
            body.address = Address(county: a.county, district: a.district, village: a.village, neighbourhood: a.neighbourhood, street: a.street)
        case .counter(let office): body.office = office
        }
        return try await send(.POST, "/v1/card-applications", body: body, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// A person's card applications; the ID travels in the body.
    public func cardApplications(of person: PersonalID) async throws(ServiceClientError) -> [CardApplication] {
        struct Body: Encodable { var personID: PersonalID }
        let list: Items<CardApplication> = try await send(.POST, "/v1/card-applications/search", body: Body(personID: person))
        return list.items
    }

    /// The premium calculation of a month (保費計算明細).
    public func premiumDetail(unit: UnitCode, month: ROCMonth) async throws(ServiceClientError) -> PremiumDetail {
        try await send(.GET, "/v1/units/\(unit.rawValue)/premium-detail?month=\(month.compact)")
    }

    /// The unit's statement requests (各類明細表), newest first.
    public func statementRequests(unit: UnitCode) async throws(ServiceClientError) -> [StatementRequest] {
        let list: Items<StatementRequest> = try await send(.GET, "/v1/units/\(unit.rawValue)/statements")
        return list.items
    }

    /// Requests a statement; `idempotencyKey` as for ``enrol(_:idempotencyKey:)``.
    public func requestStatement(_ kind: StatementKind, month: ROCMonth, through: ROCMonth? = nil, unit: UnitCode,
                                 idempotencyKey: String? = nil) async throws(ServiceClientError) -> StatementRequest {
        struct Body: Encodable { var kind: StatementKind; var month: String; var through: String? }
        return try await send(.POST, "/v1/units/\(unit.rawValue)/statements", body: Body(kind: kind, month: month.compact, through: through?.compact),
                              idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// A produced statement (下載).
    public func downloadStatement(_ id: Int64) async throws(ServiceClientError) -> StatementTable {
        try await send(.GET, "/v1/statements/\(id)")
    }

    /// A payment certificate (保費繳納證明) of the unit.
    public func paymentCertificate(unit: UnitCode, categories: Set<PremiumBill.Category>, months: ClosedRange<ROCMonth>,
                                   period: ClosedRange<CalendarDate>) async throws(ServiceClientError) -> PaymentCertificate {
        let kinds = categories.map(\.rawValue).sorted().joined(separator: ",")
        return try await send(.GET, "/v1/units/\(unit.rawValue)/payment-certificate?from=\(months.lowerBound.compact)&through=\(months.upperBound.compact)"
                                   + "&paidFrom=\(period.lowerBound.iso)&paidThrough=\(period.upperBound.iso)&categories=\(kinds)")
    }

    /// The unit's electronic payment-slip subscription, if any.
    public func ePaymentSubscription(unit: UnitCode) async throws(ServiceClientError) -> EPaymentSubscription? {
        struct View: Decodable { var subscription: EPaymentSubscription? }
        let view: View = try await send(.GET, "/v1/units/\(unit.rawValue)/e-payment")
        return view.subscription
    }

    /// Subscribes electronic payment slips (or changes the addresses).
    public func subscribeEPayment(unit: UnitCode, email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool,
                                  idempotencyKey: String? = nil) async throws(ServiceClientError) -> EPaymentSubscription {
        struct Body: Encodable { var email: String; var backupEmail: String?; var transferResultNotice: Bool }
        return try await send(.PUT, "/v1/units/\(unit.rawValue)/e-payment",
                              body: Body(email: email.rawValue, backupEmail: backupEmail?.rawValue, transferResultNotice: transferResultNotice),
                              idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// Cancels electronic payment slips.
    public func cancelEPayment(unit: UnitCode, idempotencyKey: String? = nil) async throws(ServiceClientError) -> EPaymentSubscription {
        try await send(.DELETE, "/v1/units/\(unit.rawValue)/e-payment", body: Optional<Empty>.none, idempotencyKey: idempotencyKey ?? UUID().uuidString)
    }

    /// A person's insurance status on a day (default today); the ID travels in the body.
    public func insuranceStatus(of person: PersonalID, on day: CalendarDate? = nil) async throws(ServiceClientError) -> InsuranceStatus {
        try await send(.POST, "/v1/insurance/status", body: InsuranceQuery(personID: person.rawValue, on: day?.iso))
    }

    /// A proof of insurance as of today.
    public func proofOfInsurance(of person: PersonalID) async throws(ServiceClientError) -> ProofOfInsurance {
        try await send(.POST, "/v1/insurance/proofs", body: InsuranceQuery(personID: person.rawValue, on: nil))
    }

    private struct InsuranceQuery: Encodable { var personID: String; var on: String? }

    // MARK: Transport

    private struct Empty: Codable {}
    private struct FileBody: Encodable { var fileName: String; var content: String }
    private struct BatchBody: Encodable {
        var fileName: String, content: String
        var contactName: String? = nil, contactEmail: String? = nil
    }
    private struct Items<T: Decodable>: Decodable { var items: [T] }
    private struct Deleted: Decodable { var deleted: Int64 }
    private struct SignedIn: Decodable { var token: String; var session: RemoteSession }

    private func send<Answer: Decodable>(_ method: HTTPMethod, _ path: String, authorised: Bool = true,
                                         expectEmpty: Bool = false) async throws(ServiceClientError) -> Answer {
        try await send(method, path, body: Optional<Empty>.none, authorised: authorised, expectEmpty: expectEmpty)
    }

    private func send<Body: Encodable, Answer: Decodable>(_ method: HTTPMethod, _ path: String, body: Body?, authorised: Bool = true,
                                                          idempotencyKey: String? = nil, expectEmpty: Bool = false) async throws(ServiceClientError) -> Answer {
        let (status, data) = try await sendRaw(method, path, body: body, authorised: authorised, idempotencyKey: idempotencyKey)
        if expectEmpty, data.isEmpty, let none = Optional<Empty>.none as? Answer { return none }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(Answer.self, from: data) } catch {
            throw ServiceClientError(.badResponse, detail: "\(error) (HTTP \(status))")
        }
    }

    /// Sends with retries; a 2xx answer's status and bytes, or the server's problem as the error.
    private func sendRaw<Body: Encodable>(_ method: HTTPMethod, _ path: String, body: Body?, authorised: Bool = false,
                                         idempotencyKey: String? = nil) async throws(ServiceClientError) -> (status: Int, data: Data) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let body {
            // Sorted keys: the same request encodes to the same bytes every time (the server
            // compares a resent filing's bytes with the first; a dictionary's order may differ).
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let data = try? encoder.encode(body) else { throw ServiceClientError(.badResponse, detail: "request body") }
            request.body = .bytes(ByteBuffer(bytes: data))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        if authorised {
            guard let token = token.value else { throw ServiceClientError(.notSignedIn) }
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        // One key for every send of this request: a retry after a lost answer is recognised.
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }

        var attempt = 1
        while true {
            let reason: String
            do {
                let response = try await http.execute(request, timeout: configuration.timeout)
                let bytes = try await response.body.collect(upTo: 32 << 20)
                let status = Int(response.status.code)
                if [502, 503, 504].contains(status), attempt < configuration.attempts {
                    reason = "HTTP \(status)"
                } else {
                    return (status, try checked(status: status, bytes: bytes, attempts: attempt))
                }
            } catch let error as ServiceClientError {
                throw error
            } catch let error as NIOSSLError {
                throw ServiceClientError(.tls, detail: "\(error)", attempts: attempt)
            } catch let error as BoringSSLError {
                throw ServiceClientError(.tls, detail: "\(error)", attempts: attempt)
            } catch {
                guard attempt < configuration.attempts else { throw ServiceClientError(.unreachable, detail: "\(error)", attempts: attempt) }
                reason = "\(error)"
            }
            attempt += 1
            configuration.onRetry?(RetryNotice(method: method.rawValue, path: path, nextAttempt: attempt, reason: reason))
            // 0.2, 0.4, 0.8, 1.6 … s, at most 5 s: a restarting server is back within a few.
            try? await Task.sleep(for: .milliseconds(min(5_000, 200 << (attempt - 2))))
        }
    }

    /// The answer's bytes when it is a success, else the server's problem as the error.
    private func checked(status: Int, bytes: ByteBuffer, attempts: Int) throws(ServiceClientError) -> Data {
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(status) else {
            guard let problem = try? JSONDecoder().decode(ServiceClientError.Problem.self, from: data) else {
                throw ServiceClientError(.badResponse, detail: "HTTP \(status)", attempts: attempts)
            }
            throw ServiceClientError(problem: problem, status: status, attempts: attempts)
        }
        return data
    }
}

/// The session token, in memory only (never logged, never written).
private final class TokenBox: Sendable {
    private let token = Mutex<String?>(nil)
    var value: String? { token.withLock { $0 } }
    func set(_ value: String?) { token.withLock { $0 = value } }
}

/// A signed-in session as the server describes it.
public struct RemoteSession: Sendable, Codable, Equatable {
    /// The person's name.
    public var name: String
    /// The person's ID, masked (`A12345****`).
    public var maskedID: String?
    /// `administrator`, `operator`, `organisationCertificate`…
    public var role: String
    /// The role for people, in both languages.
    public var roleLabel: String
    /// The unit the session acts in.
    public var unitCode: String
    /// How the person signed in.
    public var method: String
    /// The actions the service allows this session (`UnitAction` raw values).
    public var permissions: [String]
    /// When the session ends at the latest.
    public var expiresAt: Date
}

/// An enrolment (加保) for ``NHIServiceClient/enrol(_:idempotencyKey:)``: the body of
/// `POST /v1/filings/enrolments`. Nil fields are left out (the server's defaults: NHI only,
/// the insured themselves, an employee starting employment).
public struct RemoteEnrolment: Sendable, Codable, Equatable {
    /// 健保專用 (nil) or 三合一 (with ``labour``).
    public var family: FilingFamily?
    /// `insured` (nil), `dependant` (with ``principalID`` and ``relation``) or `foreignNational`.
    public var role: String?
    public var principalID: PersonalID?
    public var relation: DependantRelation?
    public var personID: PersonalID
    public var name: PersonName
    public var birthDate: CalendarDate
    public var indigenous: Bool?
    public var effectiveDate: CalendarDate
    public var insuredAmount: Money
    public var category: InsuredCategory?
    public var eligibilityReason: String?
    public var monthlySalary: Money?
    public var hasPaidStaff: Bool?
    public var foreignerAutomaticallyEligible: Bool?
    public var labour: LabourSide?
    public var issueFirstCardTo: CardApplication.Address?

    public init(personID: PersonalID, name: PersonName, birthDate: CalendarDate, effectiveDate: CalendarDate, insuredAmount: Money,
                category: InsuredCategory? = nil, eligibilityReason: String? = nil, monthlySalary: Money? = nil) {
        self.personID = personID
        self.name = name
        self.birthDate = birthDate
        self.effectiveDate = effectiveDate
        self.insuredAmount = insuredAmount
        self.category = category
        self.eligibilityReason = eligibilityReason
        self.monthlySalary = monthlySalary
    }

    /// The body for the SDK's own request (attachments are not carried: see
    /// ``RemoteUnitWorkflows``).
    /// - Parameter request: the enrolment as the SDK's `EnrolmentRequest`.
    public init(_ request: EnrolmentRequest) {
        self.init(personID: request.personID, name: request.name, birthDate: request.birthDate, effectiveDate: request.effectiveDate,
                  insuredAmount: request.insuredAmount, category: request.category, eligibilityReason: request.eligibilityReason,
                  monthlySalary: request.monthlySalary)
        if request.family != .nhiOnly { family = request.family }
        switch request.role {
        case .insured: break
        case .foreignNational: role = "foreignNational"
        case .dependant(let principal, let relation):
            role = "dependant"
            principalID = principal
            self.relation = relation
        }
        if request.indigenous { indigenous = true }
        if !request.hasPaidStaff { hasPaidStaff = false }
        if !request.foreignerAutomaticallyEligible { foreignerAutomaticallyEligible = false }
        labour = request.labour
        issueFirstCardTo = request.issueFirstCardTo
    }
}

/// A withdrawal (退保) for ``NHIServiceClient/withdraw(_:idempotencyKey:)``.
public struct RemoteWithdrawal: Sendable, Codable, Equatable {
    public var family: FilingFamily?
    public var personID: PersonalID
    public var reason: WithdrawalReason
    public var transferOutDate: CalendarDate
    public var chargedHere: Bool?
    public var passportNumber: String?

    public init(personID: PersonalID, reason: WithdrawalReason, transferOutDate: CalendarDate, chargedHere: Bool? = nil) {
        self.personID = personID
        self.reason = reason
        self.transferOutDate = transferOutDate
        self.chargedHere = chargedHere
    }

    /// The body for the SDK's own request (attachments are not carried).
    /// - Parameter request: the withdrawal as the SDK's `WithdrawalRequest`.
    public init(_ request: WithdrawalRequest) {
        self.init(personID: request.personID, reason: request.reason, transferOutDate: request.transferOutDate, chargedHere: request.chargedHere)
        if request.family != .nhiOnly { family = request.family }
        passportNumber = request.passportNumber
    }
}

/// A status change for ``NHIServiceClient/changeStatus(_:idempotencyKey:)``.
public struct RemoteStatusChange: Sendable, Codable, Equatable {
    /// `suspend`, `parentalLeave`, `resume` or `renew`.
    public var kind: FilingKind
    public var personID: PersonalID
    /// The day the change takes effect.
    public var date: CalendarDate
    public var reason: String?

    public init(kind: FilingKind, personID: PersonalID, date: CalendarDate, reason: String? = nil) {
        self.kind = kind
        self.personID = personID
        self.date = date
        self.reason = reason
    }

    /// The body for the SDK's own request.
    /// - Parameter request: the change as the SDK's `StatusChangeRequest`.
    public init(_ request: StatusChangeRequest) {
        self.init(kind: request.kind, personID: request.personID, date: request.date, reason: request.reason.isEmpty ? nil : request.reason)
    }
}

/// A basic-data change for ``NHIServiceClient/changeBasicData(_:idempotencyKey:)``.
public struct RemoteBasicDataChange: Sendable, Codable, Equatable {
    public var personID: PersonalID
    public var name: PersonName?
    public var birthDate: CalendarDate?

    public init(personID: PersonalID, name: PersonName? = nil, birthDate: CalendarDate? = nil) {
        self.personID = personID
        self.name = name
        self.birthDate = birthDate
    }

    /// The body for the SDK's own request (attachments are not carried).
    /// - Parameter request: the change as the SDK's `BasicDataChangeRequest`.
    public init(_ request: BasicDataChangeRequest) {
        self.init(personID: request.personID, name: request.name, birthDate: request.birthDate)
    }
}

/// A salary adjustment for ``NHIServiceClient/adjustSalary(_:idempotencyKey:)``.
public struct RemoteSalaryAdjustment: Sendable, Codable, Equatable {
    public var family: FilingFamily?
    public var personID: PersonalID
    public var newAmount: Money
    public var employerLowering: Bool?
    public var monthlySalary: Money?
    public var labour: LabourSide?

    public init(personID: PersonalID, newAmount: Money, employerLowering: Bool? = nil, monthlySalary: Money? = nil) {
        self.personID = personID
        self.newAmount = newAmount
        self.employerLowering = employerLowering
        self.monthlySalary = monthlySalary
    }

    /// The body for the SDK's own request (attachments are not carried).
    /// - Parameter request: the adjustment as the SDK's `SalaryAdjustmentRequest`.
    public init(_ request: SalaryAdjustmentRequest) {
        self.init(personID: request.personID, newAmount: request.newAmount, employerLowering: request.employerLowering,
                  monthlySalary: request.monthlySalary)
        if request.family != .nhiOnly { family = request.family }
        labour = request.labour
    }
}

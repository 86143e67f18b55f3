import Foundation
import KioskModel
import NHICore
import NHIGrades
import NHIService
import Testing

/// A kiosk working through `nhi-server` (`--service`): the home menu offers the tasks the
/// connection carries, the filing forms preview grades from the SDK's tables without a local
/// database, and the session's end is told to the authenticator (which revokes the server's).
@MainActor
@Suite("Kiosk connected to nhi-server (--service)")
struct RemoteConnectionTests {
    /// Records the sessions that ended.
    actor EndingAuthenticator: StaffAuthenticator {
        let session: StaffSession
        private(set) var ended: [StaffSession] = []
        init(_ session: StaffSession) { self.session = session }
        func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome { .signedIn(session) }
        func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge { throw KioskError(.serviceMissing) }
        func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome { throw KioskError(.serviceMissing) }
        func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession { session }
        func cancel(_ choice: StaffUnitChoice) async {}
        func signOut(_ session: StaffSession) async { ended.append(session) }
        nonisolated var methods: [SignInMethod] { [.nhiCard, .nhiAppOTP] }
    }

    /// Workflows that answer nothing but say which unit they act for (no server needed to
    /// check the wiring; the real client is tested against a real server in NHIServerTests).
    struct NoWorkflows: UnitWorkflows {
        let unitCode: UnitCode
        func enrol(_ request: EnrolmentRequest) async throws -> Filing { throw KioskError(.serviceMissing) }
        func withdraw(_ request: WithdrawalRequest) async throws -> Filing { throw KioskError(.serviceMissing) }
        func adjustSalary(_ request: SalaryAdjustmentRequest) async throws -> Filing { throw KioskError(.serviceMissing) }
        func roster(on day: CalendarDate?) async throws -> [RosterLine] { [] }
        func checkResults(from: CalendarDate, through: CalendarDate) async throws -> [Filing] { [] }
        func filedToday() async throws -> [Filing] { [] }
        func deleteFiling(_ id: Int64) async throws {}
        func bills() async throws -> [PremiumBill] { [] }
        func unpaid(expectedPaymentDate date: CalendarDate, mailed: Bool) async throws -> [UnpaidPremium] { [] }
        func issueSlip(bill id: Int64) async throws -> PremiumBill { throw KioskError(.serviceMissing) }
        func staff() async throws -> [StaffMember] { [] }
        func assignStaff(_ assignment: StaffAssignment) async throws -> StaffMember { throw KioskError(.serviceMissing) }
        func deleteStaff(_ id: Int64) async throws {}
        func insuranceStatus(of person: PersonalID, on day: CalendarDate?) async throws -> InsuranceStatus { throw KioskError(.serviceMissing) }
        func proofOfInsurance(of person: PersonalID) async throws -> ProofOfInsurance { throw KioskError(.serviceMissing) }
        func changeStatus(_ request: StatusChangeRequest) async throws -> Filing { throw KioskError(.serviceMissing) }
        func changeBasicData(_ request: BasicDataChangeRequest) async throws -> Filing { throw KioskError(.serviceMissing) }
        func auditLog(limit: Int) async throws -> [AuditEntry] { [] }
        func premiumDetail(month: ROCMonth) async throws -> PremiumDetail { throw KioskError(.serviceMissing) }
        func statementRequests() async throws -> [StatementRequest] { [] }
        func requestStatement(_ kind: StatementKind, month: ROCMonth, through: ROCMonth?) async throws -> StatementRequest {
            throw KioskError(.serviceMissing)
        }
        func downloadStatement(_ id: Int64) async throws -> StatementTable { throw KioskError(.serviceMissing) }
        func paymentCertificate(categories: Set<PremiumBill.Category>, months: ClosedRange<ROCMonth>,
                                period: ClosedRange<CalendarDate>) async throws -> PaymentCertificate { throw KioskError(.serviceMissing) }
        func ePaymentSubscription() async throws -> EPaymentSubscription? { nil }
        func subscribeEPayment(email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool) async throws -> EPaymentSubscription {
            throw KioskError(.serviceMissing)
        }
        func cancelEPayment() async throws -> EPaymentSubscription { throw KioskError(.serviceMissing) }
        func checkFilingImport(_ bytes: [UInt8]) async throws -> [FilingImportRejection] { [] }
        func importFilings(_ bytes: [UInt8], fileName: String) async throws -> FilingImportResult { throw KioskError(.serviceMissing) }
        func filingListing(from: CalendarDate, through: CalendarDate) async throws -> [Filing] { [] }
        func bulkAdjustmentProposal() async throws -> BulkAdjustmentList { BulkAdjustmentList(changes: []) }
        func bulkAdjustment(from oldAmount: Money, to newAmount: Money) async throws -> [BulkAdjustmentProposal.Change] { [] }
        func fileBulkAdjustment(_ selections: [BulkAdjustmentSelection]) async throws -> [Filing] { throw KioskError(.serviceMissing) }
        func applyForCard(_ person: PersonalID, reason: CardApplication.Reason, email: EmailAddress, phones: ContactPhones,
                          pickup: CardApplication.Pickup, photo: UploadedDocument?) async throws -> CardApplication { throw KioskError(.serviceMissing) }
        func cardApplications(of person: PersonalID) async throws -> [CardApplication] { [] }
    }

    @Test("only the connected tasks are offered and opened; previews use the SDK's tables; sign-out and idle end the server's session")
    func connected() async throws {
        let session = staff(.administrator, mayFileAllChanges: true)
        let authenticator = EndingAuthenticator(session)
        var backends = KioskBackends(authenticator: authenticator)
        backends.workflows = { session in NoWorkflows(unitCode: session.unitCode) }
        backends.tables = .bundled
        backends.connectedTasks = [.enrol, .withdraw, .salaryAdjustment, .filings, .settings]
        let shell = KioskShell(settings: KioskSettings(), store: SettingsStore(path: "/nonexistent/k.json"), backends: backends,
                               clock: ManualClock(), isKioskMode: false, isDemo: false)
        #expect(shell.signIn.methods == [.nhiCard, .nhiAppOTP], "the sign-in screen lists what the authenticator offers")
        shell.signIn.setPassword("Abcd1234!")
        await shell.signIn.submit()
        #expect(shell.staff == session)
        #expect(Set(shell.tasks) == [.enrol, .withdraw, .salaryAdjustment, .filings, .settings], "\(shell.tasks)")
        #expect(shell.open(task: .enrol) && shell.missingModule(for: .enrol) == nil, "the form is connected through the workflows")
        #expect(!shell.open(task: .staff) && shell.screen == .enrol, "a task the connection does not carry is not opened")
        #expect(!shell.open(.unpaidPremiums), "nor its screen")

        // The grade preview works without a local database.
        shell.enrolment.salaryText = "36000"
        #expect(shell.enrolment.preview != nil, "the preview comes from the SDK's bundled tables")

        shell.signOut()
        // The shell tells the authenticator in a task of its own: wait for it (a loaded CI
        // machine took longer than 50 ms), at most 10 s.
        let deadline = ContinuousClock.now + .seconds(10)
        while await authenticator.ended.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(await authenticator.ended == [session], "sign-out ended the server's session")
    }
}

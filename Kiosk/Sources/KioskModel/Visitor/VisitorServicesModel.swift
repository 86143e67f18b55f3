import Foundation
import NHICore
import NHIService
import Observation

/// What the counter can do for the visitor whose card is in the reader: their insurance
/// status with dependants, a printed proof of insurance in Chinese or English, and their
/// NHI-card online-service registration. Everything here is the visitor's and is wiped the
/// moment the card comes out.
///
/// The visitor presented their card, so the service is asked as that person
/// (`Caller.person`), which is what `NHIService.insurance` allows a visitor to see.
@Observable
@MainActor
public final class VisitorServicesModel: FlowModel {
    /// The visitor's online-service account as the counter may show it (no hash, no token).
    public enum AccountState: Sendable, Hashable {
        /// Not registered (or the registration was cancelled): the form is offered.
        case notRegistered
        /// Waiting for the e-mail link (5 days), mailed to the masked address.
        case pendingVerification(email: String)
        /// Registered and verified.
        case active(email: String)
        /// Registered, but locked after wrong passwords until `until` (解除鎖定 at the counter).
        case locked(email: String, until: Date)
        /// Suspended at a counter (恢復 at the counter).
        case suspended
    }

    public private(set) var card: VisitorCard?
    public private(set) var insurance: FlowStatus<InsuranceStatus> = .idle
    public private(set) var account: FlowStatus<AccountState> = .idle
    /// The last proof issued (printing happens in the GTK layer).
    public private(set) var proof: FlowStatus<ProofOfInsurance> = .idle
    /// What happened to the last print job (the GTK layer prints and reports back).
    public private(set) var printResult: PrintResult?
    /// Resend / cancel of a pending registration.
    public private(set) var accountAction: FlowStatus<AccountAction> = .idle
    /// The registration form.
    public let registration: OnlineRegistrationModel

    /// The outcome of printing a proof.
    public enum PrintResult: Sendable, Hashable {
        /// Sent to the printer, or saved as a PDF at `path`.
        case printed(path: String?)
        case cancelled
        case failed(String)
    }

    /// The GTK layer reports how printing went.
    public func recordPrint(_ result: PrintResult) { printResult = result }

    /// What was done to a pending registration.
    public enum AccountAction: String, Sendable, Hashable {
        case resent, cancelled
        /// 暫停網路服務, 恢復網路服務, 解除鎖定 (counter actions, audited with the staff member).
        case suspended, resumed, unlocked
        /// 寄送重設密碼信: the reset link went to the registered address.
        case resetMailed
    }

    /// 暫停網路服務 was pressed: the alert is up.
    public private(set) var askingSuspend = false

    @ObservationIgnored private let context: FlowContext
    @ObservationIgnored private var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
        registration = OnlineRegistrationModel(context: context)
        registration.onRegistered = { [weak self] in
            guard let self else { return }
            Task { await self.loadAccount() }
        }
    }

    /// Whether the services are connected (else only the card's identity is shown).
    public var isAvailable: Bool { context.service != nil }

    /// The card in the reader changed: load the new visitor's data (nil: wipe).
    public func show(_ newCard: VisitorCard?) {
        guard newCard != card else { return }
        wipePersonalData()
        card = newCard
        guard newCard != nil, isAvailable else { return }
        Task { await load() }
    }

    /// Loads the insurance status and the account.
    public func load() async {
        async let status: Void = loadInsurance()
        async let account: Void = loadAccount()
        _ = await (status, account)
    }

    private func loadInsurance() async {
        guard let card, let service = context.service else { return }
        let attempt = generation.current
        insurance = .working
        let id = card.id
        do {
            let status = try await service.run { try $0.insurance.status(of: id, by: .person(id)) }
            guard generation.isCurrent(attempt), self.card?.id == id else { return }
            insurance = .succeeded(status)
        } catch {
            guard generation.isCurrent(attempt), self.card?.id == id else { return }
            insurance = .failed(PresentableError(error))
        }
    }

    func loadAccount() async {
        guard let card, let service = context.service else { return }
        let attempt = generation.current
        account = .working
        let id = card.id
        do {
            let state: AccountState = try await service.run { service in
                guard let account = try service.accounts.account(id) else { return .notRegistered }
                switch account.status {
                case .active:
                    if let until = account.suspendedUntil, until > service.clock.now {
                        return .locked(email: maskedEmail(account.email), until: until)
                    }
                    return .active(email: maskedEmail(account.email))
                case .pendingVerification: return .pendingVerification(email: maskedEmail(account.email))
                case .cancelled: return .notRegistered
                case .suspended: return .suspended
                }
            }
            guard generation.isCurrent(attempt), self.card?.id == id else { return }
            account = .succeeded(state)
        } catch {
            guard generation.isCurrent(attempt), self.card?.id == id else { return }
            account = .failed(PresentableError(error))
        }
    }

    /// Issues a proof of insurance (recorded in the service's audit log). The screen then
    /// prints ``proofLines(_:)``.
    @discardableResult
    public func issueProof() async -> ProofOfInsurance? {
        guard let card, let service = context.service, !proof.isWorking else { return nil }
        let attempt = generation.current
        proof = .working
        let id = card.id
        do {
            let issued = try await service.run { try $0.insurance.proof(of: id, by: .person(id)) }
            guard generation.isCurrent(attempt), self.card?.id == id else { return nil }
            proof = .succeeded(issued)
            return issued
        } catch {
            guard generation.isCurrent(attempt), self.card?.id == id else { return nil }
            proof = .failed(PresentableError(error))
            return nil
        }
    }

    /// The proof's text in `language`, line by line, as the SDK words it.
    public func proofLines(_ language: Language) -> [String] {
        proof.result?.lines(language: language.rawValue) ?? []
    }

    /// Registers the visitor's card for online services with the form's data.
    public func register() async {
        guard let card else { return }
        await registration.submit(for: card)
    }

    /// Sends the verification mail again (重寄認證信).
    public func resendVerification() async {
        await act(.resent) { service, card in _ = try service.accounts.resendVerification(personID: card.id) }
    }

    /// Cancels the pending registration (刪除註冊申請).
    public func cancelRegistration() async {
        await act(.cancelled) { service, card in try service.accounts.cancel(personID: card.id, cardNumber: card.cardNumber) }
    }

    /// 暫停網路服務: asks first.
    public func requestSuspend() {
        guard case .active = account.result else { return }
        askingSuspend = true
    }
    public func dismissSuspend() { askingSuspend = false }
    /// The alert was answered 暫停: suspends the visitor's online services (the counter's
    /// action, recorded with the signed-in staff member).
    public func confirmSuspend() async {
        guard askingSuspend else { return }
        askingSuspend = false
        await counter(.suspend, done: .suspended)
    }
    /// 恢復網路服務 (a suspended account).
    public func resumeService() async { await counter(.resume, done: .resumed) }
    /// 解除鎖定 (locked after wrong passwords).
    public func unlock() async { await counter(.unlock, done: .unlocked) }

    /// 寄送重設密碼信: the service mails a reset link to the registered address; the visitor
    /// opens it and sets a new password with the card (忘記註冊密碼).
    public func mailPasswordReset() async {
        await act(.resetMailed) { service, card in _ = try service.accounts.requestPasswordReset(personID: card.id, cardNumber: card.cardNumber) }
    }

    private func counter(_ action: NHIService.Accounts.CounterAction, done: AccountAction) async {
        guard let caller = context.session()?.caller else {
            accountAction = .failed(PresentableError(KioskError(.sessionMissing)))
            return
        }
        await act(done) { service, card in try service.accounts.counter(action, personID: card.id, cardNumber: card.cardNumber, by: caller) }
    }

    private func act(_ action: AccountAction, _ body: @escaping @Sendable (NHIService, VisitorCard) throws -> Void) async {
        guard let card, let service = context.service, !accountAction.isWorking else { return }
        let attempt = generation.current
        accountAction = .working
        do {
            try await service.run { try body($0, card) }
            guard generation.isCurrent(attempt), self.card == card else { return }
            accountAction = .succeeded(action)
            await loadAccount()
        } catch {
            guard generation.isCurrent(attempt), self.card == card else { return }
            accountAction = .failed(PresentableError(error))
        }
    }

    // MARK: FlowModel

    public var screen: Screen { .visitor }
    public var isVisitorData: Bool { true }
    public func wipePersonalData() {
        _ = generation.next()
        card = nil
        insurance = .idle
        account = .idle
        proof = .idle
        printResult = nil
        accountAction = .idle
        askingSuspend = false
        registration.wipe()
    }
    public func screenOpened() {}
    public var automationStatus: String {
        "insurance:\(insurance.automationValue) account:\(account.automationValue) registration:\(registration.status.automationValue)"
    }
}

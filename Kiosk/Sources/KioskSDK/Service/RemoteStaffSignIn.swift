import Foundation
import KioskModel
import NHICards
import NHICore
import NHILogin
import NHIService
import NHIServiceClient
import NHISignIn
import Synchronization

/// Staff sign-in against `nhi-server` (`nhi-kiosk --service`): the NHI card is read here, in
/// the counter's reader; the server checks the registration password or the app's code, the
/// staff assignment and the attempt limits, and opens the session — or lists the units of a
/// person who works for several, and opens the one chosen.
///
/// The server's session token stays in the `NHIServiceClient`'s memory; the kiosk's
/// `StaffSession` only describes it. What the session may do comes from the server.
/// Methods: NHI card + password (also the owner's), certificate + PIN (the card signs the
/// server's challenge), the unit's organisation certificate, the app's OTP, its QR code and
/// TW FidO.
public struct RemoteStaffSignIn: StaffAuthenticator {
    public let client: NHIServiceClient
    public let context: PCSCContext
    /// How often a QR sign-in asks the server whether the phone confirmed.
    public var pollInterval: Duration = .milliseconds(500)
    /// Where certificate cards sign: the issuer's PKCS#11 module, or the card itself (`--demo`).
    public var certificateToken: CertificateTokenSource = .pkcs11(modulePath: nil)
    /// Who is behind each open unit choice (the counter's own knowledge, for the session's description).
    private let pending = PendingPeople()

    public init(client: NHIServiceClient, context: PCSCContext) {
        self.client = client
        self.context = context
    }

    public func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome {
        switch credential {
        case .nhiCard(let reader, let password, let owner):
            let identity = try await readCard(reader)
            let outcome = try await client.signIn(.nhiCard(cardNumber: identity.cardNumber, personID: identity.id,
                                                           password: password.value, ownerUnitCode: owner))
            return try outcomeOf(outcome, person: identity.id, method: .nhiCard)
        case .nhiAppOTP(let id, let birthDate, let code, let owner):
            let outcome = try await client.signIn(.otp(id: id, birthDate: birthDate, code: code, ownerUnitCode: owner))
            return try outcomeOf(outcome, person: id, method: .nhiAppOTP)
        case .certificate(let reader, let id, let pin):
            guard let id else { throw LoginError(.certificateAccountRequired) }
            return try await certificateSignIn(reader: reader, account: id, unit: nil, pin: pin)
        case .organisationCertificate(let reader, let unit, let pin):
            return try await certificateSignIn(reader: reader, account: nil, unit: unit, pin: pin)
        }
    }

    /// The certificate card signs the server's challenge after its PIN (which never leaves
    /// the counter); the server checks the certificate, the signature and the assignment.
    /// The PIN is offered once: a wrong one ends the attempt with the token's 9039 and the
    /// tries left, as at a local counter.
    private func certificateSignIn(reader: String?, account: PersonalID?, unit: UnitCode?, pin: PIN) async throws -> StaffSignInOutcome {
        let name: String
        if let reader { name = reader } else { name = try await firstReaderWithCard() }
        let token = try await certificateToken.signingToken(reader: name, context: context)
        let authority = RemoteChallengeAuthority(client: client, account: account, unit: unit)
        let refusal = PINRefusal()
        var login = CertificateLogin(account: account, unitCode: unit)
        let state = await login.run(reader: name, context: context, token: token, issuer: authority) { certificate, _, previous in
            if let previous {
                refusal.error = previous
                return nil
            }
            if unit == nil, certificate.kind?.isOrganisation == true {
                refusal.error = ServiceError(.signInCertificateNeedsUnitCode)
                return nil
            }
            return pin.value
        }
        switch state {
        case .authenticated:
            guard let outcome = authority.outcome else { throw LoginError(.unexpectedEvent, detail: "no session from the server") }
            if let account { return try outcomeOf(outcome, person: account, method: .certificate) }
            // An organisation certificate: the unit itself, no person behind it, no choice.
            guard case .signedIn(let remote) = outcome else { throw ServiceClientError(.badResponse, detail: "organisation session") }
            return .signedIn(try Self.organisationSession(remote))
        case .failed(let error):
            if unit != nil, error.code == .certificateAccountRequired { throw ServiceError(.signInCertificateNotOrganisation) }
            throw authority.serverError ?? refusal.error ?? error
        default:
            throw authority.serverError ?? refusal.error ?? login.lastError ?? LoginError(.unexpectedEvent, detail: "certificate sign-in ended early")
        }
    }


    public func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge {
        let started = try await client.startAppSignIn(method: request.method == .twFido ? "twFido" : "nhiAppQR", id: request.id,
                                                      birthDate: request.birthDate, ownerUnitCode: request.ownerUnitCode)
        pending.set(started.reference, (request.id, request.method))
        let seconds = max(1, Int(started.expiresAt.timeIntervalSinceNow.rounded(.down)))
        return AppSignInChallenge(reference: started.reference, qrPayload: started.qrPayload, validFor: .seconds(seconds))
    }

    public func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome {
        defer { pending.remove(challenge.reference) }
        while true {
            switch try await client.appSignInStatus(reference: challenge.reference) {
            case "pending":
                try await Task.sleep(for: pollInterval)  // cancelled when the code expires or the screen is wiped
            case "confirmed":
                guard let (person, method) = pending.get(challenge.reference) else { throw LoginError(.tokenUnknown) }
                return try outcomeOf(try await client.signIn(.app(reference: challenge.reference)), person: person, method: method)
            case "expired": throw LoginError(.tokenExpired)
            default: throw LoginError(.tokenUsed)
            }
        }
    }

    public func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession {
        guard let (person, method) = pending.get(choice.reference) else { throw ServiceError(.signInUnitChoiceExpired) }
        pending.remove(choice.reference)
        let remote = RemoteUnitChoice(reference: choice.reference, name: choice.name, units: [])
        return try Self.session(try await client.chooseUnit(remote, unit: unit), person: person, method: method)
    }

    public func cancel(_ choice: StaffUnitChoice) async {
        pending.remove(choice.reference)
    }

    /// Revokes the server's session (the token is forgotten either way).
    public func signOut(_ session: StaffSession) async {
        try? await client.signOut()
    }

    private func outcomeOf(_ outcome: RemoteSignInOutcome, person: PersonalID, method: SignInMethod) throws -> StaffSignInOutcome {
        switch outcome {
        case .signedIn(let remote):
            return .signedIn(try Self.session(remote, person: person, method: method))
        case .chooseUnit(let choice):
            pending.set(choice.reference, (person, method))
            let units = choice.units.compactMap { option -> StaffUnitOption? in
                guard let code = try? UnitCode(parsing: option.unitCode), let role = StaffRole(rawValue: option.role) else { return nil }
                return StaffUnitOption(unitCode: code, unitName: option.unitName, role: role)
            }
            return .chooseUnit(StaffUnitChoice(reference: choice.reference, name: choice.name, units: units, method: method))
        }
    }

    /// An organisation certificate's session: the unit as its own administrator.
    static func organisationSession(_ remote: RemoteSession) throws -> StaffSession {
        guard let unit = try? UnitCode(parsing: remote.unitCode) else { throw ServiceClientError(.badResponse, detail: "session") }
        let caller = Caller(personID: nil, unitCode: unit, standing: .organisationCertificate, credential: nil)
        let allowed = Set(remote.permissions.compactMap(UnitAction.init(rawValue:)))
        return StaffSession(name: remote.name, maskedID: nil, role: .administrator, unitCode: unit, method: .certificate,
                            caller: caller, permissions: UnitPermissions(unitCode: unit, allowed: allowed))
    }

    /// The kiosk's description of the server's session. The caller is what the counter
    /// knows (the person, the unit, the role); requests never send it — the server acts
    /// with the session it issued.
    static func session(_ remote: RemoteSession, person: PersonalID, method: SignInMethod = .nhiCard) throws -> StaffSession {
        guard let unit = try? UnitCode(parsing: remote.unitCode), let role = StaffRole(rawValue: remote.role) else {
            throw ServiceClientError(.badResponse, detail: "session")
        }
        let credential: CertificateKind = method == .twFido || method == .certificate ? .citizen : .nhiCard
        let caller = Caller(personID: person, unitCode: unit, standing: .staff(id: 0, role: role), credential: credential)
        let allowed = Set(remote.permissions.compactMap(UnitAction.init(rawValue:)))
        return StaffSession(name: remote.name, maskedID: remote.maskedID ?? person.masked, role: role, unitCode: unit,
                            method: method, caller: caller, permissions: UnitPermissions(unitCode: unit, allowed: allowed))
    }

    private func readCard(_ reader: String?) async throws(CardError) -> NHICardIdentity {
        let name: String
        if let reader { name = reader } else { name = try await firstReaderWithCard() }
        return try await NHICardReader(context).readIdentity(reader: name)
    }

    private func firstReaderWithCard() async throws(CardError) -> String {
        let readers = try await context.readers()
        guard !readers.isEmpty else { throw CardError(.noReaders) }
        guard let loaded = readers.first(where: { if case .empty = $0.slot { false } else { true } }) else {
            throw CardError(.cardAbsent)
        }
        return loaded.name
    }
}

/// The server as the certificate flow's challenge authority: the challenge comes from
/// `nhi-server`, and redeeming it is the sign-in itself (the server checks the signature,
/// the certificate and the assignment). The server's answer, or its refusal with its own
/// code, is kept for the sign-in to return.
private final class RemoteChallengeAuthority: CertificateChallengeAuthority, Sendable {
    private let client: NHIServiceClient
    private let account: PersonalID?
    private let unit: UnitCode?
    /// Challenge nonces → the server's challenge IDs, the server's answer, and its refusal.
    private struct State {
        var ids: [[UInt8]: String] = [:]
        var outcome: RemoteSignInOutcome?
        var serverError: (any Error)?
    }
    private let state = Mutex(State())

    init(client: NHIServiceClient, account: PersonalID?, unit: UnitCode?) {
        self.client = client
        self.account = account
        self.unit = unit
    }

    var outcome: RemoteSignInOutcome? { state.withLock { $0.outcome } }
    var serverError: (any Error)? { state.withLock { $0.serverError } }

    func issue() async throws -> CertificateChallenge {
        do {
            let remote = try await client.certificateChallenge()
            guard let nonce = Data(base64Encoded: remote.challengeID) else { throw ServiceClientError(.badResponse, detail: "challengeID") }
            let challenge = CertificateChallenge(nonce: Array(nonce), issuedAt: remote.issuedAt, expiresAt: remote.expiresAt)
            // Sign exactly the bytes the server will check.
            guard challenge.message == remote.messageBytes else { throw ServiceClientError(.badResponse, detail: "challenge message") }
            state.withLock { $0.ids[challenge.nonce] = remote.challengeID }
            return challenge
        } catch {
            state.withLock { $0.serverError = error }
            throw error
        }
    }

    func redeem(_ challenge: CertificateChallenge, signature: [UInt8], certificate: CardCertificate) async throws(LoginError) {
        guard let id = state.withLock({ $0.ids[challenge.nonce] }) else { throw LoginError(.challengeUnknown) }
        let credential: RemoteCredential
        if let unit {
            credential = .organisationCertificate(challengeID: id, certificate: certificate.der, signature: signature, unitCode: unit)
        } else if let account {
            credential = .certificate(challengeID: id, certificate: certificate.der, signature: signature, personID: account)
        } else {
            throw LoginError(.certificateAccountRequired)
        }
        do {
            let outcome = try await client.signIn(credential)
            state.withLock { $0.outcome = outcome }
        } catch {
            state.withLock { $0.serverError = error }
            throw LoginError(.challengeUnknown, detail: "refused by the server: \(error.errorCode)")
        }
    }
}

/// Why no PIN was given to the certificate flow (set inside it, read after it ended).
private final class PINRefusal: Sendable {
    private let refusal = Mutex<(any Error)?>(nil)
    var error: (any Error)? {
        get { refusal.withLock { $0 } }
        set { refusal.withLock { $0 = newValue } }
    }
}

/// References of open unit choices and QR sign-ins → the person and method behind them.
private final class PendingPeople: Sendable {
    private let people = Mutex<[String: (PersonalID, SignInMethod)]>([:])

    func set(_ reference: String, _ value: (PersonalID, SignInMethod)) { people.withLock { $0[reference] = value } }
    func get(_ reference: String) -> (PersonalID, SignInMethod)? { people.withLock { $0[reference] } }
    func remove(_ reference: String) { people.withLock { $0[reference] = nil } }
}

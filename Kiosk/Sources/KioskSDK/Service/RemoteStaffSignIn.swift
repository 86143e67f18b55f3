import Foundation
import KioskModel
import NHICards
import NHICore
import NHILogin
import NHIService
import NHIServiceClient
import NHISignIn

/// Staff sign-in against `nhi-server` (`nhi-kiosk --service`): the NHI card is read here, in
/// the counter's reader; the server checks the registration password or the app's code, the
/// staff assignment and the attempt limits, and opens the session — or lists the units of a
/// person who works for several, and opens the one chosen.
///
/// The server's session token stays in the ``NHIServiceClient``'s memory; the kiosk's
/// ``StaffSession`` only describes it. What the session may do comes from the server.
/// Methods: NHI card + password (also the owner's), the app's OTP, its QR code and TW FidO.
/// Certificate cards are not carried over the server yet: refused with
/// `signIn.methodUnavailable`, which asks for another method.
public struct RemoteStaffSignIn: StaffAuthenticator {
    public let client: NHIServiceClient
    public let context: PCSCContext
    /// How often a QR sign-in asks the server whether the phone confirmed.
    public var pollInterval: Duration = .milliseconds(500)
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
        case .certificate, .organisationCertificate:
            throw ServiceError(.signInMethodUnavailable)
        }
    }

    /// Every method but certificate cards (not carried over the server yet).
    public var methods: [SignInMethod] { [.nhiCard, .nhiAppOTP, .nhiAppQR, .twFido] }

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

    /// The kiosk's description of the server's session. The caller is what the counter
    /// knows (the person, the unit, the role); requests never send it — the server acts
    /// with the session it issued.
    static func session(_ remote: RemoteSession, person: PersonalID, method: SignInMethod = .nhiCard) throws -> StaffSession {
        guard let unit = try? UnitCode(parsing: remote.unitCode), let role = StaffRole(rawValue: remote.role) else {
            throw ServiceClientError(.badResponse, detail: "session")
        }
        let credential: CertificateKind = method == .twFido ? .citizen : .nhiCard
        let caller = Caller(personID: person, unitCode: unit, standing: .staff(id: 0, role: role), credential: credential)
        let allowed = Set(remote.permissions.compactMap(UnitAction.init(rawValue:)))
        return StaffSession(name: remote.name, maskedID: remote.maskedID ?? person.masked, role: role, unitCode: unit,
                            method: method, caller: caller, permissions: UnitPermissions(unitCode: unit, allowed: allowed))
    }

    private func readCard(_ reader: String?) async throws(CardError) -> NHICardIdentity {
        let name: String
        if let reader {
            name = reader
        } else {
            let readers = try await context.readers()
            guard !readers.isEmpty else { throw CardError(.noReaders) }
            guard let loaded = readers.first(where: { if case .empty = $0.slot { false } else { true } }) else {
                throw CardError(.cardAbsent)
            }
            name = loaded.name
        }
        return try await NHICardReader(context).readIdentity(reader: name)
    }
}

/// References of open unit choices and QR sign-ins → the person and method behind them.
private final class PendingPeople: @unchecked Sendable {
    private let lock = NSLock()
    private var people: [String: (PersonalID, SignInMethod)] = [:]

    func set(_ reference: String, _ value: (PersonalID, SignInMethod)) { lock.withLock { people[reference] = value } }
    func get(_ reference: String) -> (PersonalID, SignInMethod)? { lock.withLock { people[reference] } }
    func remove(_ reference: String) { lock.withLock { people[reference] = nil } }
}

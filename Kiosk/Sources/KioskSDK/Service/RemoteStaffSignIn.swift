import Foundation
import KioskModel
import NHICards
import NHICore
import NHIService
import NHIServiceClient
import NHISignIn

/// Staff sign-in against `nhi-server` (`nhi-kiosk --service`): the NHI card is read here, in
/// the counter's reader, and the server checks the registration password, the staff
/// assignment and the attempt limits, and opens the session.
///
/// The server's session token stays in the ``NHIServiceClient``'s memory; the kiosk's
/// ``StaffSession`` only describes it. What the session may do comes from the server.
/// Certificate, app and owner sign-ins are not carried over the server yet: they are
/// refused with `signIn.methodUnavailable`, which asks for the NHI card instead.
public struct RemoteStaffSignIn: StaffAuthenticator {
    public let client: NHIServiceClient
    public let context: PCSCContext

    public init(client: NHIServiceClient, context: PCSCContext) {
        self.client = client
        self.context = context
    }

    public func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome {
        guard case .nhiCard(let reader, let password, nil) = credential else { throw ServiceError(.signInMethodUnavailable) }
        let identity = try await readCard(reader)
        let remote = try await client.signIn(nhiCard: identity.cardNumber, personID: identity.id, password: password.value)
        return .signedIn(try Self.session(remote, person: identity.id))
    }

    public func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge {
        throw ServiceError(.signInMethodUnavailable)
    }

    public func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome {
        throw ServiceError(.signInMethodUnavailable)
    }

    public func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession {
        throw ServiceError(.signInUnitChoiceExpired)
    }

    public func cancel(_ choice: StaffUnitChoice) async {}

    /// Revokes the server's session (the token is forgotten either way).
    public func signOut(_ session: StaffSession) async {
        try? await client.signOut()
    }

    /// The kiosk's description of the server's session. The caller is what the counter
    /// knows (the person on the card, the unit, the role); requests never send it — the
    /// server acts with the session it issued.
    static func session(_ remote: RemoteSession, person: PersonalID) throws -> StaffSession {
        guard let unit = try? UnitCode(parsing: remote.unitCode), let role = StaffRole(rawValue: remote.role) else {
            throw ServiceClientError(.badResponse, detail: "session")
        }
        let caller = Caller(personID: person, unitCode: unit, standing: .staff(id: 0, role: role), credential: .nhiCard)
        let allowed = Set(remote.permissions.compactMap(UnitAction.init(rawValue:)))
        return StaffSession(name: remote.name, maskedID: remote.maskedID ?? person.masked, role: role, unitCode: unit,
                            method: .nhiCard, caller: caller, permissions: UnitPermissions(unitCode: unit, allowed: allowed))
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

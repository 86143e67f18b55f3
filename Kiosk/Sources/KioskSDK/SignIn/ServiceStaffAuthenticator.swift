import Foundation
import KioskModel
import NHICards
import NHICore
import NHILogin
import NHIService

/// Staff sign-in over NHILogin's flows, with the roles from the service's staff records.
///
/// - NHI card + registration password: the card is read through pcscd (``NHICardReader``),
///   ``NHICardLogin`` runs the flow and the ``RegistrationPasswordVerifier`` answers it.
/// - NHI-app OTP: ``OTPLogin`` with the service's ``OTPVerifier`` when one is given.
/// - Certificate + PIN and the QR-code methods need a PKCS#11 module / the confirmation
///   service: until they are composed here they refuse with `signIn.methodUnavailable`.
///
/// After authentication the person's unit and role come from `NHIService.staff`
/// (`memberships`, `session`, or `ownerSession` for "sign in as owner"); a person who is
/// not assigned to any unit is refused by the service (`staff.notAssigned`).
public struct ServiceStaffAuthenticator: StaffAuthenticator {
    public let service: KioskService
    public let context: PCSCContext
    public let passwords: any RegistrationPasswordVerifier
    public let otp: (any OTPVerifier)?

    public init(service: KioskService, context: PCSCContext, passwords: any RegistrationPasswordVerifier,
                otp: (any OTPVerifier)? = nil) {
        self.service = service
        self.context = context
        self.passwords = passwords
        self.otp = otp
    }

    public func signIn(with credential: StaffCredential) async throws -> StaffSession {
        switch credential {
        case .nhiCard(let reader, let password, let owner):
            let identity = try await cardLogin(reader: reader, password: password, owner: owner)
            return try await session(for: identity, owner: owner, method: .nhiCard, credential: .nhiCard)
        case .nhiAppOTP(let id, let birthDate, let code, let owner):
            guard let otp else { throw KioskError(.signInMethodUnavailable) }
            var login = OTPLogin(id: id, birthDate: birthDate, actingAsOwnerOf: owner)
            guard case .verify(let code, let id, let birthDate, let unit) = login.handle(.codeEntered(code)) else {
                throw login.lastError ?? LoginError(.otpFormat)
            }
            do {
                _ = login.handle(.verified(try await otp.verify(code: code, for: id, birthDate: birthDate,
                                                                 actingAsOwnerOf: unit, at: Date())))
            } catch {
                _ = login.handle(.verificationFailed(error))
            }
            switch login.state {
            case .authenticated(let identity):
                return try await session(for: identity, owner: owner, method: .nhiAppOTP, credential: .nhiCard)
            case .failed(let error): throw error
            default: throw login.lastError ?? LoginError(.otpIncorrect)
            }
        case .certificate:
            throw KioskError(.signInMethodUnavailable)
        }
    }

    public func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge {
        throw KioskError(.signInMethodUnavailable)
    }

    public func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSession {
        throw KioskError(.signInMethodUnavailable)
    }

    /// Reads the card in `reader` (nil: the first reader holding a card) and runs
    /// ``NHICardLogin`` to its end. The password goes only to the verifier.
    private func cardLogin(reader: String?, password: RegistrationPassword, owner: UnitCode?) async throws -> AuthenticatedIdentity {
        var login = NHICardLogin(actingAsOwnerOf: owner)
        do throws(CardError) {
            let name: String
            if let reader { name = reader } else { name = try await firstReaderWithCard() }
            _ = login.handle(.cardRead(try await NHICardReader(context).readIdentity(reader: name)))
        } catch {
            _ = login.handle(.cardReadFailed(error))
        }
        if case .waitingForPassword = login.state,
           case .verify(let secret, let card, let unit) = login.handle(.passwordEntered(password.value)) {
            do {
                _ = login.handle(.verified(try await passwords.verify(secret, for: card, actingAsOwnerOf: unit, at: Date())))
            } catch {
                _ = login.handle(.verificationFailed(error))
            }
        }
        switch login.state {
        case .authenticated(let identity): return identity
        case .failed(let error): throw error
        // A wrong password leaves the flow waiting for another; the kiosk shows the error.
        default: throw login.lastError ?? LoginError(.passwordIncorrect)
        }
    }

    private func firstReaderWithCard() async throws(CardError) -> String {
        let readers = try await context.readers()
        guard !readers.isEmpty else { throw CardError(.noReaders) }
        guard let loaded = readers.first(where: { if case .empty = $0.slot { false } else { true } }) else {
            throw CardError(.cardAbsent)
        }
        return loaded.name
    }

    /// The service session and the role on record for an authenticated person.
    private func session(for identity: AuthenticatedIdentity, owner: UnitCode?, method: KioskModel.LoginMethod,
                         credential: CertificateKind) async throws -> StaffSession {
        guard let person = identity.personID else { throw KioskError(.signInMethodUnavailable) }
        let name = identity.name
        return try await service.run { service in
            if let owner {
                let caller = try service.staff.ownerSession(person: person, unit: owner, credential: credential)
                return StaffSession(name: name ?? person.masked, maskedID: person.masked, role: .administrator, unitCode: owner,
                                    mayFileAllChanges: true, method: method, caller: caller)
            }
            guard let member = try service.staff.memberships(person: person).first else {
                throw ServiceError(.staffNotAssigned, context: ["person": person.masked])
            }
            let caller = try service.staff.session(person: person, unit: member.unitCode, credential: credential)
            return StaffSession(name: member.name.value, maskedID: person.masked, role: member.role, unitCode: member.unitCode,
                                mayFileAllChanges: member.mayUseAllEnrolmentFunctions, method: method, caller: caller)
        }
    }
}

import Foundation
import NHICards
import NHICore
import NHILogin
import NHIService
import Synchronization

/// The second half of every staff sign-in, shared by the local kiosk (``StaffSignIn``) and
/// `nhi-server`: an authenticated person becomes a unit session — or, for staff of several
/// units, a unit choice behind a single-use reference — with the role and permissions from
/// the service's staff records. Every call to the service runs through
/// `NHIService.perform(_:)`.
///
/// Copies share the pending unit choices (held in memory only).
public struct StaffSessionOpener: Sendable {
    /// The service that opens sessions.
    public let service: NHIService
    private let pending = PendingUnitChoices()

    /// An opener over `service`.
    public init(service: NHIService) {
        self.service = service
    }

    /// The service session and the role on record for an authenticated person, or the units
    /// to choose from when they work for several (the choice lapses after `choiceLifetime`).
    public func outcome(for identity: AuthenticatedIdentity, owner: UnitCode?, method: SignInMethod, credential: CertificateKind,
                        certificateSerial: String? = nil,
                        choiceLifetime: Duration = .seconds(300)) async throws -> StaffSignInOutcome {
        guard let person = identity.personID else { throw ServiceError(.signInMethodUnavailable) }
        let name = identity.name
        let signIn = PendingUnitChoices.SignIn(person: person, credential: credential, certificateSerial: certificateSerial,
                                               method: method)
        let (outcome, units) = try await service.perform { service -> (StaffSignInOutcome?, [StaffUnitOption]) in
            if let owner {
                let caller = try service.staff.ownerSession(person: person, unit: owner, credential: credential)
                return (.signedIn(StaffSession(name: name ?? person.masked, maskedID: person.masked, role: .administrator, unitCode: owner,
                                               method: method, caller: caller, permissions: try service.staff.permissions(of: caller))), [])
            }
            let members = try service.staff.memberships(person: person)
            guard let member = members.first else {
                throw ServiceError(.staffNotAssigned, context: ["person": person.masked])
            }
            guard members.count > 1 else {
                return (.signedIn(try Self.open(signIn, member: member, in: service)), [])
            }
            let units = members.map { member in
                StaffUnitOption(unitCode: member.unitCode, unitName: (try? service.units.account(member.unitCode).unit.name) ?? "",
                                role: member.role)
            }
            return (nil, units)
        }
        if let outcome { return outcome }
        let reference = pending.add(signIn, until: ContinuousClock.now + choiceLifetime)
        return .chooseUnit(StaffUnitChoice(reference: reference, name: name ?? person.masked, units: units, method: method))
    }

    /// The unit's administrator session for its organisation certificate, named after the
    /// unit on record.
    public func organisationSession(unit: UnitCode, certificate: OrganisationCertificateInfo) async throws -> StaffSession {
        try await service.perform { service in
            let caller = try service.staff.organisationSession(unit: unit, certificate: certificate)
            let account = try service.units.account(unit)
            return StaffSession(name: account.unit.name, maskedID: nil, role: .administrator, unitCode: unit,
                                method: .certificate, caller: caller, permissions: try service.staff.permissions(of: caller))
        }
    }

    /// Opens the session in `unit` for the person behind the choice `reference` (used up
    /// either way): `signIn.unitChoiceExpired` when it is unknown, used, cancelled or lapsed;
    /// `staff.notAssigned` when the person is not (or no longer) assigned there.
    public func openSession(reference: String, unit: UnitCode) async throws -> StaffSession {
        guard let signIn = pending.take(reference, at: ContinuousClock.now) else { throw ServiceError(.signInUnitChoiceExpired) }
        return try await service.perform { service in
            // The assignment is read again: it may have been deleted since the list was shown.
            guard let member = try service.staff.memberships(person: signIn.person).first(where: { $0.unitCode == unit }) else {
                throw ServiceError(.staffNotAssigned, context: ["person": signIn.person.masked, "unit": unit.rawValue])
            }
            return try Self.open(signIn, member: member, in: service)
        }
    }

    /// Drops the person behind the choice `reference`; opening it afterwards is refused.
    public func cancel(reference: String) {
        _ = pending.take(reference, at: ContinuousClock.now)
    }

    /// The session in the unit of `member` for the authenticated person of `signIn`.
    private static func open(_ signIn: PendingUnitChoices.SignIn, member: StaffMember, in service: NHIService) throws -> StaffSession {
        let caller = try service.staff.session(person: signIn.person, unit: member.unitCode, credential: signIn.credential,
                                               certificateSerial: signIn.certificateSerial)
        return StaffSession(name: member.name.value, maskedID: signIn.person.masked, role: member.role, unitCode: member.unitCode,
                            method: signIn.method, caller: caller, permissions: try service.staff.permissions(of: caller))
    }
}

/// The first half of the sign-ins whose card or phone is not on this machine: the card was
/// read at a counter (the NHI card's number and holder; a certificate and the signature its
/// token made), and this side verifies — the same flows and verifiers as the local sign-in.
/// `nhi-server` uses it; ``StaffSignIn`` runs the same flows after reading the card itself.
public enum CounterAuthentication {
    /// NHI card + registration password: `NHICardLogin` from the card read, checked by
    /// `verifier` (attempt limits and lockouts are the verifier's).
    public static func nhiCard(_ card: NHICardIdentity, password: RegistrationPassword, owner: UnitCode?,
                               verifier: any RegistrationPasswordVerifier) async throws -> AuthenticatedIdentity {
        var login = NHICardLogin(actingAsOwnerOf: owner)
        _ = login.handle(.cardRead(card))
        return try await finish(&login, password: password, verifier: verifier)
    }

    /// Carries `NHICardLogin` from a read card to its end. The password goes only to the verifier.
    static func finish(_ login: inout NHICardLogin, password: RegistrationPassword,
                       verifier: any RegistrationPasswordVerifier) async throws -> AuthenticatedIdentity {
        if case .waitingForPassword = login.state,
           case .verify(let secret, let card, let unit) = login.handle(.passwordEntered(password.value)) {
            do {
                _ = login.handle(.verified(try await verifier.verify(secret, for: card, actingAsOwnerOf: unit, at: Date())))
            } catch {
                _ = login.handle(.verificationFailed(error))
            }
        }
        switch login.state {
        case .authenticated(let identity): return identity
        case .failed(let error): throw error
        // A wrong password leaves the flow waiting for another; the front end shows the error.
        default: throw login.lastError ?? LoginError(.passwordIncorrect)
        }
    }

    /// NHI-app OTP: `OTPLogin` checked by `verifier`.
    public static func otp(id: PersonalID, birthDate: CalendarDate, code: String, owner: UnitCode?,
                           verifier: any OTPVerifier) async throws -> AuthenticatedIdentity {
        var login = OTPLogin(id: id, birthDate: birthDate, actingAsOwnerOf: owner)
        guard case .verify(let code, let id, let birthDate, let unit) = login.handle(.codeEntered(code)) else {
            throw login.lastError ?? LoginError(.otpFormat)
        }
        do {
            _ = login.handle(.verified(try await verifier.verify(code: code, for: id, birthDate: birthDate,
                                                                  actingAsOwnerOf: unit, at: Date())))
        } catch {
            _ = login.handle(.verificationFailed(error))
        }
        switch login.state {
        case .authenticated(let identity): return identity
        case .failed(let error): throw error
        default: throw login.lastError ?? LoginError(.otpIncorrect)
        }
    }

    /// A certificate whose token signed `challenge` at the counter (the PIN stayed there):
    /// `CertificateLogin.verifySigned(certificate:challenge:signature:issuer:)` for a
    /// personal `account` or an organisation's `unit`.
    public static func certificate(_ certificate: CardCertificate, challenge: CertificateChallenge, signature: [UInt8],
                                   account: PersonalID?, unit: UnitCode?,
                                   issuer: CertificateChallengeIssuer) async throws -> AuthenticatedIdentity {
        if unit == nil, certificate.kind?.isOrganisation == true { throw ServiceError(.signInCertificateNeedsUnitCode) }
        var login = CertificateLogin(account: account, unitCode: unit)
        switch await login.verifySigned(certificate: certificate, challenge: challenge, signature: signature, issuer: issuer) {
        case .authenticated(let identity): return identity
        case .failed(let error):
            if unit != nil, error.code == .certificateAccountRequired { throw ServiceError(.signInCertificateNotOrganisation) }
            throw error
        default: throw LoginError(.unexpectedEvent, detail: "certificate verification ended early")
        }
    }

    /// What the service compares with the unit's registration: read from the certificate
    /// that signed the challenge, never typed.
    public static func organisationInfo(_ identity: AuthenticatedIdentity, _ certificate: CardCertificate,
                                        kind: CertificateKind) -> OrganisationCertificateInfo {
        OrganisationCertificateInfo(kind: kind, issuer: certificate.issuerDescription,
                                    subject: certificate.certificate.subject.description,
                                    serialNumber: identity.credentialSerial ?? certificate.serialNumber,
                                    ubn: identity.ubn.flatMap { try? UBN(parsing: $0) })
    }
}

/// Authenticated people waiting for their unit choice, by a random single-use reference.
/// Held in memory only; taken (removed) when a unit is chosen or the choice is cancelled,
/// and dropped once expired.
final class PendingUnitChoices: Sendable {
    /// What opens the session once the unit is known.
    struct SignIn: Sendable {
        let person: PersonalID
        let credential: CertificateKind
        let certificateSerial: String?
        let method: SignInMethod
    }

    private let entries = Mutex<[String: (signIn: SignIn, expires: ContinuousClock.Instant)]>([:])

    func add(_ signIn: SignIn, until expires: ContinuousClock.Instant) -> String {
        var generator = SystemRandomNumberGenerator()
        let reference = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        entries.withLock { entries in
            entries = entries.filter { $0.value.expires > ContinuousClock.now }
            entries[reference] = (signIn, expires)
        }
        return reference
    }

    func take(_ reference: String, at now: ContinuousClock.Instant) -> SignIn? {
        entries.withLock { entries in
            guard let entry = entries.removeValue(forKey: reference), entry.expires > now else { return nil }
            return entry.signIn
        }
    }
}

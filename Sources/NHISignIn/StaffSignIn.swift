import Foundation
import NHICards
import NHICore
import NHILogin
import NHIService
import Synchronization

/// Staff sign-in to a unit session, for every front end (the kiosk, `nhi-server`, a
/// counter program of an integrator's): NHILogin's flows with the cards read through pcscd,
/// answered by the service (`ServiceLoginVerifier`), with the role and the permissions from
/// the service's staff records. Every call to the service runs on its own threads
/// (`NHIService.perform(_:)`), never on a thread of Swift's cooperative pool.
///
/// ```swift
/// let signIn = StaffSignIn(service: service, context: PCSCContext(), verifier: ServiceLoginVerifier(service: service))
/// switch try await signIn.signIn(with: .nhiCard(reader: nil, password: password, ownerUnitCode: nil)) {
/// case .signedIn(let session): print(session.unitCode, session.permissions.allowed)
/// case .chooseUnit(let choice): _ = try await signIn.openSession(choice, unit: choice.units[0].unitCode)
/// }
/// ```
///
/// - NHI card + registration password: the card is read through pcscd (`NHICardReader`),
///   `NHICardLogin` runs the flow and the `RegistrationPasswordVerifier` answers it.
/// - NHI-app OTP: `OTPLogin` with the `OTPVerifier`.
/// - QR code (健保快易通) and TW FidO: a token from the `LoginConfirmationService`, shown as
///   `LoginQRPayload`, polled until the phone confirms it, then consumed once.
/// - Certificate + PIN: `CertificateLogin` reads the certificate through pcscd
///   (`CertificateCardReader`), checks it against the typed ID before any PIN, asks the
///   token for its PIN state (a locked token is never sent a PIN: 9043), sends the PIN
///   (wrong: 9039 with the tries left), has the token sign a fresh challenge from the
///   `CertificateChallengeIssuer` and verifies it against the certificate. The token is
///   the issuer's PKCS#11 module, or the card's own PIN and key (``CertificateTokenSource``).
///   A personal certificate needs the typed ID; an organisation certificate found instead is
///   refused before any PIN (`signIn.certificateNeedsUnitCode`).
/// - Organisation certificate + PIN + unit code: the same `CertificateLogin` without a
///   personal account (a personal certificate is refused before any PIN:
///   `signIn.certificateNotOrganisation`); the certificate's kind, issuer, subject, serial
///   number and UBN (.101) then go to `NHIService.staff.organisationSession`, which opens
///   the unit's administrator session when they match the unit's registration (otherwise
///   `unit.certificateMismatch`). The session has no person: it shows the unit's name.
///
/// After authentication the person's unit and role come from `NHIService.staff`
/// (`memberships`, `session`, or `ownerSession` for "sign in as owner"); a person who is
/// not assigned to any unit is refused by the service (`staff.notAssigned`). A person
/// assigned to several units gets ``StaffSignInOutcome/chooseUnit(_:)`` with the units
/// (code, name, role); the authenticated person stays here, behind the choice's reference,
/// until ``openSession(_:unit:)`` opens the session for the chosen unit or ``cancel(_:)``
/// drops it (an unused choice lapses after ``unitChoiceLifetime``).
public struct StaffSignIn: Sendable {
    /// The service that opens sessions and answers the verifiers.
    public let service: NHIService
    /// Where cards are read.
    public let context: PCSCContext
    /// Answers NHI card + registration password sign-ins.
    public let passwords: any RegistrationPasswordVerifier
    /// Answers NHI-app OTP sign-ins.
    public let otp: any OTPVerifier
    /// Issues and confirms QR-code (健保快易通, TW FidO) tokens.
    public let confirmations: any LoginConfirmationService
    /// How often a shown QR code's token is polled.
    public var pollInterval: Duration = .milliseconds(500)
    /// Where certificate sign-ins log in and sign.
    public var certificateToken: CertificateTokenSource = .pkcs11(modulePath: nil)
    /// The service's side of certificate sign-ins (challenges, signature checks).
    public let challenges = CertificateChallengeIssuer()
    /// How long a unit choice waits for an answer.
    public var unitChoiceLifetime: Duration = .seconds(300)
    /// Turns an authenticated person into a session or a unit choice (shared by copies of
    /// this value, and with `nhi-server`'s counter sign-ins).
    public let sessions: StaffSessionOpener

    /// An authenticator over the service and its login verifiers.
    public init(service: NHIService, context: PCSCContext, passwords: any RegistrationPasswordVerifier,
                otp: any OTPVerifier, confirmations: any LoginConfirmationService) {
        self.service = service
        self.context = context
        self.passwords = passwords
        self.otp = otp
        self.confirmations = confirmations
        self.sessions = StaffSessionOpener(service: service)
    }

    /// Everything answered by the service's store.
    public init(service: NHIService, context: PCSCContext, verifier: ServiceLoginVerifier) {
        self.init(service: service, context: context, passwords: verifier, otp: verifier, confirmations: verifier)
    }

    /// Runs the credential's login flow and opens the session (or lists the units of staff
    /// assigned to several).
    public func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome {
        switch credential {
        case .nhiCard(let reader, let password, let owner):
            let identity = try await cardLogin(reader: reader, password: password, owner: owner)
            return try await session(for: identity, owner: owner, method: .nhiCard, credential: .nhiCard)
        case .nhiAppOTP(let id, let birthDate, let code, let owner):
            let identity = try await CounterAuthentication.otp(id: id, birthDate: birthDate, code: code, owner: owner, verifier: otp)
            return try await session(for: identity, owner: owner, method: .nhiAppOTP, credential: .nhiCard)
        case .certificate(let reader, let id, let pin):
            let (identity, _) = try await certificateLogin(reader: reader, account: id, unit: nil, pin: pin)
            guard identity.personID != nil else {
                // Refused before the PIN already (certificateNeedsUnitCode); never guessed at.
                throw ServiceError(.signInCertificateNeedsUnitCode)
            }
            return try await session(for: identity, owner: nil, method: .certificate,
                                     credential: identity.certificateKind ?? .citizen, certificateSerial: identity.credentialSerial)
        case .organisationCertificate(let reader, let unit, let pin):
            let (identity, certificate) = try await certificateLogin(reader: reader, account: nil, unit: unit, pin: pin)
            guard identity.personID == nil, let kind = identity.certificateKind, kind.isOrganisation, let certificate else {
                throw ServiceError(.signInCertificateNotOrganisation)
            }
            return .signedIn(try await sessions.organisationSession(
                unit: unit, certificate: CounterAuthentication.organisationInfo(identity, certificate, kind: kind)))
        }
    }

    /// Registers `unit` for online services at the counter (單位註冊作業, SPEC §3), proved by
    /// `credential`:
    ///
    /// - an organisation certificate signs a challenge after its PIN (offered once, as at
    ///   sign-in: a wrong one ends with 9039 and the tries left); its issuer, subject, serial
    ///   and UBN are read from the certificate, and the UBN must be the unit's;
    /// - the owner's NHI card is read: its holder must be the unit's owner, and the card the
    ///   one registered for the owner's online services;
    /// - the owner's NHI-app code is checked with their birth date (wrong codes count towards
    ///   the lockout).
    ///
    /// The rules are `NHIService.Units.register`'s; nothing is typed that a card holds. The
    /// unit is not signed in: its staff sign in afterwards (the owner to assign
    /// administrators, unless `ownerIsAdministrator` made the owner one).
    public func registerUnit(_ unit: InsuredUnit, with credential: UnitRegistrationCredential,
                             ownerIsAdministrator: Bool) async throws -> UnitAccount {
        let method: UnitRegistrationMethod
        var registrant: PersonalID?
        var proof: OwnerOTPProof?
        switch credential {
        case .organisationCertificate(let reader, let pin):
            let (identity, certificate) = try await certificateLogin(reader: reader, account: nil, unit: unit.code, pin: pin)
            guard identity.personID == nil, let kind = identity.certificateKind, kind.isOrganisation, let certificate else {
                throw ServiceError(.unitCertificateNotOrganisation)
            }
            method = .organisationCertificate(CounterAuthentication.organisationInfo(identity, certificate, kind: kind))
        case .ownerNHICard(let reader):
            let name: String
            if let reader { name = reader } else { name = try await firstReaderWithCard() }
            let card = try await NHICardReader(context).readIdentity(reader: name)
            registrant = card.id
            method = .ownerNHICard(cardNumber: card.cardNumber)
        case .ownerOTP(let birthDate, let code):
            registrant = unit.ownerID
            proof = OwnerOTPProof(birthDate: birthDate, code: code)
            method = .ownerOTP
        }
        return try await service.perform { [registrant, proof] service in
            try service.units.register(unit, method: method, registrant: registrant, ownerIsAdministrator: ownerIsAdministrator,
                                       ownerOTP: proof).account
        }
    }

    /// Issues the login token the QR code carries.
    public func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge {
        let app: ConfirmingApp = request.method == .twFido ? .twFidO : .nhiApp
        let now = Date()
        let token = try await confirmations.issue(app: app, for: request.id, birthDate: request.birthDate,
                                                  actingAsOwnerOf: request.ownerUnitCode, at: now)
        return AppSignInChallenge(reference: token.value, qrPayload: token.payload.description,
                                  validFor: .seconds(token.secondsLeft(at: now)))
    }

    /// Polls the token until the phone confirms it, then consumes it once and opens the
    /// session (or lists the units).
    public func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome {
        while true {
            switch try await confirmations.status(of: challenge.reference, at: Date()) {
            case .pending:
                try await Task.sleep(for: pollInterval)  // cancelled when the code expires or the screen is wiped
            case .confirmed:
                let token = try await confirmations.consume(challenge.reference, at: Date())
                let person = try PersonalID(parsing: token.requestedID)
                let owner = try token.unitCode.map { try UnitCode(parsing: $0) }
                let identity = AuthenticatedIdentity(personID: person, name: nil, unitCode: owner,
                                                     certificateKind: token.app == .twFidO ? .citizen : nil,
                                                     method: token.app.method, authenticatedAt: Date())
                return try await session(for: identity, owner: owner, method: token.app == .twFidO ? .twFido : .nhiAppQR,
                                         credential: token.app == .twFidO ? .citizen : .nhiCard)
            case .expired:
                throw LoginError(.tokenExpired)
            case .consumed:
                throw LoginError(.tokenUsed)
            }
        }
    }

    /// Reads the card in `reader` (nil: the first reader holding a card) and runs
    /// `NHICardLogin` to its end. The password goes only to the verifier.
    private func cardLogin(reader: String?, password: RegistrationPassword, owner: UnitCode?) async throws -> AuthenticatedIdentity {
        var login = NHICardLogin(actingAsOwnerOf: owner)
        do throws(CardError) {
            let name: String
            if let reader { name = reader } else { name = try await firstReaderWithCard() }
            _ = login.handle(.cardRead(try await NHICardReader(context).readIdentity(reader: name)))
        } catch {
            _ = login.handle(.cardReadFailed(error))
        }
        return try await CounterAuthentication.finish(&login, password: password, verifier: passwords)
    }

    /// Runs `CertificateLogin` with the card in `reader` (nil: the first reader holding a
    /// card), for a personal `account` or an organisation's `unit`. The PIN is offered once;
    /// a wrong one ends the attempt with the token's error (9039 and the tries left), which
    /// the front end shows before the next PIN is typed. A certificate of the wrong sort (an
    /// organisation's without a unit code, a person's with one) is refused before any PIN.
    /// Returns the identity and the certificate that signed the challenge.
    private func certificateLogin(reader: String?, account: PersonalID?, unit: UnitCode?,
                                  pin: PIN) async throws -> (AuthenticatedIdentity, CardCertificate?) {
        let name: String
        if let reader { name = reader } else { name = try await firstReaderWithCard() }
        let token = try await signingToken(reader: name)
        let run = CertificateRun()
        var login = CertificateLogin(account: account, unitCode: unit)
        let state = await login.run(reader: name, context: context, token: token, issuer: challenges) { certificate, _, previous in
            run.certificate = certificate
            if let previous {
                run.error = previous
                return nil
            }
            if unit == nil, certificate.kind?.isOrganisation == true {
                run.error = ServiceError(.signInCertificateNeedsUnitCode)
                return nil
            }
            return pin.value
        }
        switch state {
        case .authenticated(let identity): return (identity, run.certificate)
        case .failed(let error):
            // Without an account CertificateLogin asks for one only for a personal certificate.
            if unit != nil, error.code == .certificateAccountRequired { throw ServiceError(.signInCertificateNotOrganisation) }
            throw run.error ?? error
        default: throw run.error ?? login.lastError ?? LoginError(.unexpectedEvent, detail: "certificate sign-in ended early")
        }
    }

    private func signingToken(reader: String) async throws(CardError) -> any SigningToken {
        try await certificateToken.signingToken(reader: reader, context: context)
    }

    private func firstReaderWithCard() async throws(CardError) -> String {
        let readers = try await context.readers()
        guard !readers.isEmpty else { throw CardError(.noReaders) }
        guard let loaded = readers.first(where: { if case .empty = $0.slot { false } else { true } }) else {
            throw CardError(.cardAbsent)
        }
        return loaded.name
    }

    /// The service session and the role on record for an authenticated person, or the
    /// units to choose from when they work for several.
    private func session(for identity: AuthenticatedIdentity, owner: UnitCode?, method: SignInMethod,
                         credential: CertificateKind, certificateSerial: String? = nil) async throws -> StaffSignInOutcome {
        try await sessions.outcome(for: identity, owner: owner, method: method, credential: credential,
                                   certificateSerial: certificateSerial, choiceLifetime: unitChoiceLifetime)
    }

    /// Opens the session in `unit` for the person behind `choice` (used up either way):
    /// `signIn.unitChoiceExpired` when the choice is unknown, used, cancelled or lapsed;
    /// `staff.notAssigned` when the person is not (or no longer) assigned there.
    public func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession {
        try await sessions.openSession(reference: choice.reference, unit: unit)
    }

    /// Drops the person behind `choice`; opening it afterwards is refused.
    public func cancel(_ choice: StaffUnitChoice) async {
        sessions.cancel(reference: choice.reference)
    }
}

/// Where a certificate sign-in's PIN is verified and the challenge signed (the choice lives
/// in NHICards, shared with the card service).
public typealias CertificateTokenSource = NHICards.CertificateTokenSource

/// What the PIN callback of one certificate sign-in saw: the certificate, and why no PIN
/// was given (the token's refusal of the one PIN offered, or a certificate of the wrong
/// sort). Set inside the flow, read after it ended.
private final class CertificateRun: Sendable {
    private let seen = Mutex<(error: (any Error)?, certificate: CardCertificate?)>((nil, nil))
    var error: (any Error)? {
        get { seen.withLock { $0.error } }
        set { seen.withLock { $0.error = newValue } }
    }
    var certificate: CardCertificate? {
        get { seen.withLock { $0.certificate } }
        set { seen.withLock { $0.certificate = newValue } }
    }
}

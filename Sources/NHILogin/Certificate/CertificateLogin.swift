import Foundation
import NHICards
import NHICore

/// The certificate + PIN login (SPEC §2) as an explicit state machine.
///
/// Everything that can be decided without a PIN is decided first: the certificate must be
/// valid now (66501 otherwise), issued by a Taiwanese government CA, and carry the
/// identifier that ties it to the account — for a citizen or healthcare-professional
/// certificate the last 4 ID digits (.51) must equal the account's; an organisation
/// certificate must carry its UBN (.101) or organisation code (.102). Then the token's PIN
/// state is asked (a locked token is never sent a PIN), the PIN is sent, the token signs a
/// fresh server challenge, and the service verifies the signature against the certificate.
///
/// ```
/// waitingForCard ─cardRead─▶ checkingPIN ─pinStatus─▶ waitingForPIN ─pinEntered─▶ loggingIn
///   ─loginSucceeded─▶ awaitingChallenge ─challengeIssued─▶ signing ─signed─▶ verifying ─verified─▶ authenticated
/// wrong PIN: loggingIn ─▶ waitingForPIN (tries left) · any refusal ─▶ failed
/// ```
public struct CertificateLogin: Sendable {
    /// Where the flow is.
    public enum State: Sendable {
        /// Waiting for the certificate card to be read.
        case waitingForCard
        /// The certificate passed the checks; asking the token for its PIN state.
        case checkingPIN(CardCertificate)
        /// Waiting for the PIN (tries left when known).
        case waitingForPIN(CardCertificate, PINStatus)
        /// The PIN is being verified by the token.
        case loggingIn(CardCertificate)
        /// Logged in to the token; waiting for the service's challenge.
        case awaitingChallenge(CardCertificate)
        /// The token signs the challenge.
        case signing(CardCertificate, CertificateChallenge)
        /// The service verifies the signature.
        case verifying(CardCertificate, CertificateChallenge)
        /// Logged in.
        case authenticated(AuthenticatedIdentity)
        /// The login ended with an error.
        case failed(LoginError)
    }

    /// What happened.
    public enum Event: Sendable {
        /// The card's number and certificates were read.
        case cardRead(CertificateCardContents)
        /// Reading the card failed.
        case cardReadFailed(CardError)
        /// The token's PIN state.
        case pinStatus(PINStatus)
        /// The user typed a PIN.
        case pinEntered(String)
        /// The token accepted the PIN.
        case loginSucceeded
        /// The token refused (wrong PIN, locked …) or failed.
        case tokenFailed(CardError)
        /// The service issued a challenge.
        case challengeIssued(CertificateChallenge)
        /// The token produced the signature.
        case signed([UInt8])
        /// The service accepted the signature.
        case verified
        /// The service refused the signature or the challenge.
        case verificationFailed(LoginError)
        /// The card was taken out.
        case cardRemoved
    }

    /// What the caller must do next.
    public enum Effect: Sendable {
        /// Nothing; ask for the PIN when waiting for it.
        case none
        /// Ask the token for its PIN state (no PIN is sent).
        case checkPINStatus
        /// Log in to the token with the PIN.
        case login(PIN)
        /// Ask the service for a challenge.
        case issueChallenge
        /// Have the token sign the challenge's message with the certificate's key.
        case sign([UInt8], CardCertificate)
        /// Have the service redeem the challenge with the signature.
        case redeem(CertificateChallenge, signature: [UInt8], CardCertificate)
    }

    /// The current state.
    public private(set) var state: State = .waitingForCard
    /// The last recoverable error (wrong PIN with tries left, malformed PIN), for display.
    public private(set) var lastError: LoginError?
    /// The account a personal certificate must belong to.
    public let account: PersonalID?
    /// The unit an organisation certificate logs in for, when known.
    public let unitCode: UnitCode?
    private let clock: any LoginClock

    /// A new flow for `account` (needed for citizen and healthcare-professional certificates).
    public init(account: PersonalID?, unitCode: UnitCode? = nil, clock: any LoginClock = SystemLoginClock()) {
        self.account = account
        self.unitCode = unitCode
        self.clock = clock
    }

    /// Applies `event` and returns what to do next.
    public mutating func handle(_ event: Event) -> Effect {
        switch (state, event) {
        case (.waitingForCard, .cardRead(let contents)):
            do {
                let certificate = try admit(contents)
                state = .checkingPIN(certificate)
                return .checkPINStatus
            } catch {
                state = .failed(error)
            }
        case (.waitingForCard, .cardReadFailed(let error)):
            state = .failed(LoginError(card: error))
        case (.checkingPIN(let certificate), .pinStatus(let status)):
            if status.locked {
                state = .failed(LoginError(card: CardError(.pinLocked, remainingTries: 0, detail: "no PIN sent")))
            } else if !status.initialised {
                state = .failed(LoginError(card: CardError(.tokenNotActivated)))
            } else {
                state = .waitingForPIN(certificate, status)
            }
        case (.waitingForPIN(let certificate, _), .pinEntered(let text)):
            guard let pin = try? PIN(text) else {
                lastError = LoginError(.pinFormat)
                return .none
            }
            lastError = nil
            state = .loggingIn(certificate)
            return .login(pin)
        case (.loggingIn(let certificate), .loginSucceeded):
            state = .awaitingChallenge(certificate)
            return .issueChallenge
        case (.loggingIn(let certificate), .tokenFailed(let error)) where error.code == .pinIncorrect || error.code == .pinLength:
            lastError = LoginError(card: error)
            state = .waitingForPIN(certificate, PINStatus(remainingTries: error.remainingTries, finalTry: error.remainingTries == 1))
        case (.awaitingChallenge(let certificate), .challengeIssued(let challenge)):
            state = .signing(certificate, challenge)
            return .sign(challenge.message, certificate)
        case (.signing(let certificate, let challenge), .signed(let signature)):
            state = .verifying(certificate, challenge)
            return .redeem(challenge, signature: signature, certificate)
        case (.verifying(let certificate, _), .verified):
            state = .authenticated(identity(certificate))
        case (.verifying, .verificationFailed(let error)), (.awaitingChallenge, .verificationFailed(let error)):
            state = .failed(error)
        case (.checkingPIN, .tokenFailed(let error)), (.loggingIn, .tokenFailed(let error)),
             (.signing, .tokenFailed(let error)), (.waitingForPIN, .tokenFailed(let error)):
            state = .failed(LoginError(card: error))
        case (_, .cardRemoved):
            if case .authenticated = state { break }
            state = .failed(LoginError(card: CardError(.cardRemoved)))
        default:
            state = .failed(LoginError(.unexpectedEvent, detail: "\(event.name) while \(state)"))
        }
        return .none
    }

    /// The checks made before any PIN: validity (66501), issuer, identifiers, account.
    func admit(_ contents: CertificateCardContents) throws(LoginError) -> CardCertificate {
        guard let certificate = contents.signingCertificate else { throw LoginError(card: CardError(.certificateMissing)) }
        return try admit(certificate)
    }

    /// The checks made before any PIN, on the signing certificate itself.
    func admit(_ certificate: CardCertificate) throws(LoginError) -> CardCertificate {
        do { try certificate.checkValidity(at: clock.now) } catch { throw LoginError(card: error) }
        guard let kind = certificate.kind else {
            throw LoginError(.certificateIssuerUnknown, detail: certificate.issuerDescription)
        }
        if kind.isOrganisation {
            guard certificate.ubn != nil || certificate.organisationCode != nil else {
                throw LoginError(.certificateIdentifierMissing, detail: "no UBN (.101) or organisation code (.102)")
            }
        } else {
            guard let lastFour = certificate.idLastFour else {
                throw LoginError(.certificateIdentifierMissing, detail: "no last-4 ID digits (.51)")
            }
            guard let account else { throw LoginError(.certificateAccountRequired) }
            guard account.rawValue.hasSuffix(lastFour), lastFour.count == 4 else {
                throw LoginError(.certificateAccountMismatch, detail: "account \(account.masked)")
            }
        }
        return certificate
    }

    func identity(_ certificate: CardCertificate) -> AuthenticatedIdentity {
        let kind = certificate.kind
        if kind?.isOrganisation == true {
            return AuthenticatedIdentity(personID: nil, name: certificate.holderName, unitCode: unitCode, ubn: certificate.ubn,
                                         organisationCode: certificate.organisationCode, certificateKind: kind, method: .certificate,
                                         authenticatedAt: clock.now, credentialSerial: certificate.serialNumber)
        }
        return AuthenticatedIdentity(personID: account, name: certificate.holderName, certificateKind: kind, method: .certificate,
                                     authenticatedAt: clock.now, credentialSerial: certificate.serialNumber)
    }

    /// The service's half of a certificate login whose card is somewhere else — at a counter
    /// that talks to `nhi-server`: the counter read the certificate, had its token check the
    /// PIN (which never leaves the counter) and sign the message of a challenge this
    /// service issued; here the same checks as in the local flow are made on what it sent —
    /// validity, issuer, the identifier tying it to ``account`` (or an organisation's UBN),
    /// then the challenge is redeemed once with the signature. Ends in
    /// ``State/authenticated(_:)`` or ``State/failed(_:)``.
    public mutating func verifySigned(certificate: CardCertificate, challenge: CertificateChallenge, signature: [UInt8],
                                      issuer: CertificateChallengeIssuer) async -> State {
        do throws(LoginError) {
            let admitted = try admit(certificate)
            try await issuer.redeem(challenge, signature: signature, certificate: admitted)
            state = .authenticated(identity(admitted))
        } catch {
            state = .failed(error)
        }
        return state
    }

    /// Runs the flow once with the card in `reader` and `token` (PKCS#11 in production,
    /// `CardPINToken` with the card emulator). `pin` is asked again after a wrong PIN,
    /// with the error to show; return `nil` to give up.
    public mutating func run(reader: String, context: PCSCContext, token: any SigningToken, issuer: any CertificateChallengeAuthority,
                             pin: (_ certificate: CardCertificate, _ status: PINStatus, _ previousError: LoginError?) async -> String?) async -> State {
        var effect: Effect
        do {
            effect = handle(.cardRead(try await CertificateCardReader(context).readContents(reader: reader)))
        } catch {
            effect = handle(.cardReadFailed(error))
        }
        while true {
            switch effect {
            case .none:
                guard case .waitingForPIN(let certificate, let status) = state else {
                    await token.logout()
                    return state
                }
                guard let text = await pin(certificate, status, lastError) else {
                    state = .failed(LoginError(.pinFormat, detail: "no PIN given"))
                    continue
                }
                effect = handle(.pinEntered(text))
            case .checkPINStatus:
                do { effect = handle(.pinStatus(try await token.pinStatus())) } catch { effect = handle(.tokenFailed(error)) }
            case .login(let secret):
                do {
                    try await token.login(pin: secret)
                    effect = handle(.loginSucceeded)
                } catch {
                    effect = handle(.tokenFailed(error))
                }
            case .issueChallenge:
                do {
                    effect = handle(.challengeIssued(try await issuer.issue()))
                } catch {
                    // A remote issuer that could not be reached: the attempt ends with its error.
                    effect = handle(.verificationFailed(error as? LoginError ?? LoginError(.challengeUnknown, detail: "the challenge could not be issued")))
                }
            case .sign(let message, let certificate):
                do { effect = handle(.signed(try await token.sign(message, withKeyOf: certificate))) } catch { effect = handle(.tokenFailed(error)) }
            case .redeem(let challenge, let signature, let certificate):
                do {
                    try await issuer.redeem(challenge, signature: signature, certificate: certificate)
                    effect = handle(.verified)
                } catch {
                    effect = handle(.verificationFailed(error))
                }
            }
        }
    }
}

extension CertificateLogin.Event {
    /// The event's name without its payload: a PIN typed out of order must not reach an
    /// error's detail (and from there a log).
    var name: String {
        switch self {
        case .cardRead: "cardRead"
        case .cardReadFailed: "cardReadFailed"
        case .pinStatus: "pinStatus"
        case .pinEntered: "pinEntered"
        case .loginSucceeded: "loginSucceeded"
        case .tokenFailed: "tokenFailed"
        case .challengeIssued: "challengeIssued"
        case .signed: "signed"
        case .verified: "verified"
        case .verificationFailed: "verificationFailed"
        case .cardRemoved: "cardRemoved"
        }
    }
}

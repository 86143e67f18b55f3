import Foundation
import HTTPTypes
import Hummingbird
import NHICards
import NHICore
import NHILogin
import NHIService
import NHISignIn

/// `POST /v1/sessions`: one body for every sign-in method. Secrets (`password`, `code`) are
/// read here and passed on; this type has no description that could print them.
struct SignInBody: Decodable, Sendable {
    /// `nhiCard`, `otp`, `certificate`, `organisationCertificate` or `app`.
    var method: String
    // nhiCard: read from the card at the counter, and the typed registration password.
    var cardNumber: String?
    var personID: String?
    var password: String?
    var ownerUnitCode: String?
    // otp (and app sign-in issue): ID, birth date, the app's 6-digit code.
    var id: String?
    var birthDate: String?
    var code: String?
    // certificate: the challenge the counter's token signed, the certificate (DER, base64)
    // and the signature (base64); personID for a personal certificate, unitCode for an
    // organisation's.
    var challengeID: String?
    var certificate: String?
    var signature: String?
    var unitCode: String?
    // app: the reference of a confirmed QR / TW FidO sign-in.
    var reference: String?
}

/// `POST /v1/sessions/app`: start a QR-code sign-in (健保快易通 or TW FidO).
struct AppSignInBody: Decodable, Sendable {
    var method: String
    var id: String
    var birthDate: String
    var ownerUnitCode: String?
}

/// `POST /v1/sessions/unit-choice`.
struct UnitChoiceBody: Decodable, Sendable {
    var reference: String
    var unitCode: String
}

/// What a client learns about its session.
struct SessionView: Encodable, Sendable {
    var name: String
    var maskedID: String?
    var role: String
    var roleLabel: String
    var unitCode: String
    var method: String
    var permissions: [String]
    var refusals: [String: RefusalView]
    var expiresAt: Date

    struct RefusalView: Encodable, Sendable {
        var code: String
        var message: String
        var messageEn: String
    }

    init(_ session: StaffSession, permissions: UnitPermissions, expiresAt: Date) {
        name = session.name
        maskedID = session.maskedID
        role = session.role.rawValue
        roleLabel = session.caller.roleLabel
        unitCode = session.unitCode.rawValue
        method = session.method.rawValue
        self.permissions = UnitAction.allCases.filter { permissions.allows($0) }.map(\.rawValue)
        refusals = Dictionary(uniqueKeysWithValues: permissions.refusals.map {
            ($0.key.rawValue, RefusalView(code: $0.value.errorCode, message: $0.value.message, messageEn: $0.value.messageEn))
        })
        self.expiresAt = expiresAt
    }
}

/// A new session: its token (shown once) and what it may do.
struct SignedInView: Encodable, Sendable {
    var token: String
    var tokenType = "Bearer"
    var session: SessionView
}

/// A person of several units: choose one with the reference.
struct UnitChoiceView: Encodable, Sendable {
    var reference: String
    var name: String
    var units: [Option]
    struct Option: Encodable, Sendable {
        var unitCode: String
        var unitName: String
        var role: String
    }
}

extension ServerAPI {
    // MARK: Sign-in

    func signIn(_ request: Request, _ context: ServerContext) async throws -> Response {
        try admitLogin(context)
        let body = try await decode(SignInBody.self, request, context)
        let outcome: StaffSignInOutcome
        switch body.method {
        case "nhiCard":
            let password = try RegistrationPassword(try require(body.password, "password"))
            let cardNumber = try NHICardNumber(parsing: try require(body.cardNumber, "cardNumber"))
            let typedID = try body.personID.map { try PersonalID(parsing: $0) }
            let owner = try body.ownerUnitCode.map { try UnitCode(parsing: $0) }
            // The card's holder is the account registered with this card number.
            let account = try await service.perform { service in try service.accounts.account(cardNumber: cardNumber) }
            guard let account, typedID == nil || typedID == account.personID else { throw LoginError(.cardNotRegistered) }
            let card = NHICardIdentity(cardNumber: cardNumber, name: try PersonName("健保卡持卡人"), id: account.personID,
                                       birthDate: try ROCDate(CalendarDate(year: 2000, month: 1, day: 1)), sex: account.personID.sex,
                                       issueDate: try ROCDate(CalendarDate(year: 2000, month: 1, day: 1)))
            let identity = try await CounterAuthentication.nhiCard(card, password: password, owner: owner, verifier: verifier)
            outcome = try await sessions.outcome(for: identity, owner: owner, method: .nhiCard, credential: .nhiCard,
                                                 choiceLifetime: configuration.unitChoiceLifetime)
        case "otp":
            let id = try PersonalID(parsing: try require(body.id, "id"))
            let birthDate = try CalendarDate(iso: try require(body.birthDate, "birthDate"))
            let owner = try body.ownerUnitCode.map { try UnitCode(parsing: $0) }
            let identity = try await CounterAuthentication.otp(id: id, birthDate: birthDate, code: try require(body.code, "code"),
                                                               owner: owner, verifier: verifier)
            outcome = try await sessions.outcome(for: identity, owner: owner, method: .nhiAppOTP, credential: .nhiCard,
                                                 choiceLifetime: configuration.unitChoiceLifetime)
        case "certificate", "organisationCertificate":
            let organisation = body.method == "organisationCertificate"
            guard let nonce = Data(base64Encoded: try require(body.challengeID, "challengeID")),
                  let der = Data(base64Encoded: try require(body.certificate, "certificate")),
                  let signature = Data(base64Encoded: try require(body.signature, "signature")) else {
                throw ServerError(.badRequest, detail: "challengeID, certificate and signature are base64")
            }
            guard let challenge = await challenges.challenge(nonce: Array(nonce)) else { throw LoginError(.challengeUnknown) }
            let certificate = try CardCertificate(der: Array(der))
            if organisation {
                let unit = try UnitCode(parsing: try require(body.unitCode, "unitCode"))
                let identity = try await CounterAuthentication.certificate(certificate, challenge: challenge, signature: Array(signature),
                                                                           account: nil, unit: unit, issuer: challenges)
                guard identity.personID == nil, let kind = identity.certificateKind, kind.isOrganisation else {
                    throw ServiceError(.signInCertificateNotOrganisation)
                }
                outcome = .signedIn(try await sessions.organisationSession(
                    unit: unit, certificate: CounterAuthentication.organisationInfo(identity, certificate, kind: kind)))
            } else {
                let account = try PersonalID(parsing: try require(body.personID, "personID"))
                let identity = try await CounterAuthentication.certificate(certificate, challenge: challenge, signature: Array(signature),
                                                                           account: account, unit: nil, issuer: challenges)
                outcome = try await sessions.outcome(for: identity, owner: nil, method: .certificate,
                                                     credential: identity.certificateKind ?? .citizen,
                                                     certificateSerial: identity.credentialSerial,
                                                     choiceLifetime: configuration.unitChoiceLifetime)
            }
        case "app":
            let reference = try require(body.reference, "reference")
            let token = try await verifier.consume(reference, at: Date())
            let person = try PersonalID(parsing: token.requestedID)
            let owner = try token.unitCode.map { try UnitCode(parsing: $0) }
            let identity = AuthenticatedIdentity(personID: person, name: nil, unitCode: owner,
                                                 certificateKind: token.app == .twFidO ? .citizen : nil,
                                                 method: token.app.method, authenticatedAt: Date())
            outcome = try await sessions.outcome(for: identity, owner: owner, method: token.app == .twFidO ? .twFido : .nhiAppQR,
                                                 credential: token.app == .twFidO ? .citizen : .nhiCard,
                                                 choiceLifetime: configuration.unitChoiceLifetime)
        default:
            throw ServerError(.badRequest, detail: "method is one of nhiCard, otp, certificate, organisationCertificate, app")
        }
        return try await answer(outcome, context)
    }

    /// 201 with the token, or 202 with the units to choose from.
    private func answer(_ outcome: StaffSignInOutcome, _ context: ServerContext) async throws -> Response {
        switch outcome {
        case .signedIn(let session):
            let (token, expiresAt) = registry.open(session)
            context.logger.info("signed in", metadata: ["unit": "\(session.unitCode)", "person": "\(session.maskedID ?? "-")",
                                                        "role": "\(session.caller.roleLabel)", "method": "\(session.method.rawValue)"])
            return JSONCoding.response(SignedInView(token: token, session: SessionView(session, permissions: session.permissions,
                                                                                       expiresAt: expiresAt)),
                                       status: .created)
        case .chooseUnit(let choice):
            return JSONCoding.response(UnitChoiceView(reference: choice.reference, name: choice.name, units: choice.units.map {
                .init(unitCode: $0.unitCode.rawValue, unitName: $0.unitName, role: $0.role.rawValue)
            }), status: .accepted)
        }
    }

    func chooseUnit(_ request: Request, _ context: ServerContext) async throws -> Response {
        try admitLogin(context)
        let body = try await decode(UnitChoiceBody.self, request, context)
        // References are 64 lowercase hex digits (the document's pattern); anything else is malformed, not expired.
        guard body.reference.utf8.count == 64, body.reference.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw ServerError(.badRequest, detail: "reference is 64 hexadecimal digits")
        }
        let session = try await sessions.openSession(reference: body.reference, unit: try UnitCode(parsing: body.unitCode))
        return try await answer(.signedIn(session), context)
    }

    func issueChallenge(_ request: Request, _ context: ServerContext) async throws -> Response {
        try admitLogin(context)
        let challenge = await challenges.issue()
        struct View: Encodable {
            var challengeID: String
            var message: String
            var issuedAt: Date
            var expiresAt: Date
        }
        return JSONCoding.response(View(challengeID: Data(challenge.nonce).base64EncodedString(),
                                        message: Data(challenge.message).base64EncodedString(), issuedAt: challenge.issuedAt,
                                        expiresAt: challenge.expiresAt),
                                   status: .created)
    }

    func startAppSignIn(_ request: Request, _ context: ServerContext) async throws -> Response {
        try admitLogin(context)
        let body = try await decode(AppSignInBody.self, request, context)
        let app: ConfirmingApp
        switch body.method {
        case "nhiAppQR": app = .nhiApp
        case "twFido": app = .twFidO
        default: throw ServerError(.badRequest, detail: "method is nhiAppQR or twFido")
        }
        let now = Date()
        let token = try await verifier.issue(app: app, for: try PersonalID(parsing: body.id), birthDate: try CalendarDate(iso: body.birthDate),
                                             actingAsOwnerOf: try body.ownerUnitCode.map { try UnitCode(parsing: $0) }, at: now)
        struct View: Encodable {
            var reference: String
            var qrPayload: String
            var expiresAt: Date
        }
        return JSONCoding.response(View(reference: token.value, qrPayload: token.payload.description, expiresAt: token.expiresAt),
                                   status: .created)
    }

    func appSignInStatus(_ request: Request, _ context: ServerContext) async throws -> Response {
        let reference = try context.parameters.require("reference")
        struct View: Encodable {
            var status: String
            var expiresAt: Date?
        }
        switch try await verifier.status(of: reference, at: Date()) {
        case .pending(let expiresAt): return JSONCoding.response(View(status: "pending", expiresAt: expiresAt))
        case .confirmed: return JSONCoding.response(View(status: "confirmed"))
        case .expired: return JSONCoding.response(View(status: "expired"))
        case .consumed: return JSONCoding.response(View(status: "consumed"))
        }
    }

    // MARK: The session

    func showSession(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let caller = entry.session.caller
        let permissions = try await service.perform { service in try service.staff.permissions(of: caller) }
        return JSONCoding.response(SessionView(entry.session, permissions: permissions, expiresAt: registry.expiry(of: entry)))
    }

    func signOut(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, token) = try session(request)
        registry.revoke(token)
        context.logger.info("signed out", metadata: ["unit": "\(entry.session.unitCode)", "person": "\(entry.session.maskedID ?? "-")"])
        return Response(status: .noContent)
    }

    // MARK: Helpers

    /// The rate limit of the sign-in routes.
    func admitLogin(_ context: ServerContext) throws {
        let (allowed, retryAfter) = limiter.admit(context.remoteAddress)
        guard allowed else {
            context.logger.notice("sign-in rate limit", metadata: ["client": "\(context.remoteAddress)"])
            throw RateLimited(retryAfter: retryAfter)
        }
    }

    func require(_ value: String?, _ field: String) throws(ServerError) -> String {
        guard let value else { throw ServerError(.badRequest, detail: "missing field \(field)") }
        return value
    }
}

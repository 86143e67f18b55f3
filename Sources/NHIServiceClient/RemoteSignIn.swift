import Foundation
import NHICore

/// How a member of staff signs in to `nhi-server` (``NHIServiceClient/signIn(_:)``): the
/// same methods as at the counter. Secrets travel in the request body over TLS only and are
/// never kept.
public enum RemoteCredential: Sendable {
    /// The NHI card's number (read at the counter) and its registration password;
    /// `ownerUnitCode` when the owner signs in to assign administrators.
    case nhiCard(cardNumber: NHICardNumber, personID: PersonalID?, password: String, ownerUnitCode: UnitCode? = nil)
    /// 健保快易通 one-time code.
    case otp(id: PersonalID, birthDate: CalendarDate, code: String, ownerUnitCode: UnitCode? = nil)
    /// A QR-code sign-in the phone confirmed (``NHIServiceClient/startAppSignIn(method:id:birthDate:ownerUnitCode:)``).
    case app(reference: String)
    /// A personal certificate card's certificate (DER) and its signature over the challenge's message.
    case certificate(challengeID: String, certificate: [UInt8], signature: [UInt8], personID: PersonalID)
    /// An organisation certificate's, for the unit it is registered to.
    case organisationCertificate(challengeID: String, certificate: [UInt8], signature: [UInt8], unitCode: UnitCode)

    struct Body: Encodable {
        var method: String
        var cardNumber: String?
        var personID: String?
        var password: String?
        var ownerUnitCode: String?
        var id: String?
        var birthDate: String?
        var code: String?
        var reference: String?
        var challengeID: String?
        var certificate: String?
        var signature: String?
        var unitCode: String?
    }

    var body: Body {
        switch self {
        case .nhiCard(let card, let person, let password, let owner):
            Body(method: "nhiCard", cardNumber: card.rawValue, personID: person?.rawValue, password: password, ownerUnitCode: owner?.rawValue)
        case .otp(let id, let birthDate, let code, let owner):
            Body(method: "otp", ownerUnitCode: owner?.rawValue, id: id.rawValue, birthDate: birthDate.iso, code: code)
        case .app(let reference):
            Body(method: "app", reference: reference)
        case .certificate(let challenge, let certificate, let signature, let person):
            Body(method: "certificate", personID: person.rawValue, challengeID: challenge,
                 certificate: Data(certificate).base64EncodedString(), signature: Data(signature).base64EncodedString())
        case .organisationCertificate(let challenge, let certificate, let signature, let unit):
            Body(method: "organisationCertificate", challengeID: challenge, certificate: Data(certificate).base64EncodedString(),
                 signature: Data(signature).base64EncodedString(), unitCode: unit.rawValue)
        }
    }
}

/// A sign-in's answer: the session, or — for a person who works for several units — the
/// units to choose from (``NHIServiceClient/chooseUnit(_:unit:)``).
public enum RemoteSignInOutcome: Sendable {
    case signedIn(RemoteSession)
    case chooseUnit(RemoteUnitChoice)
}

/// The units a person may open a session for, and the one-time reference that opens one.
public struct RemoteUnitChoice: Sendable, Codable, Equatable {
    public struct Option: Sendable, Codable, Equatable {
        public var unitCode: String
        public var unitName: String
        /// `administrator` or `operator`.
        public var role: String
    }

    public var reference: String
    public var name: String
    public var units: [Option]

    public init(reference: String, name: String, units: [Option]) {
        self.reference = reference
        self.name = name
        self.units = units
    }
}

/// A certificate sign-in's challenge: the card signs `message` (base64-decoded).
public struct RemoteChallenge: Sendable, Codable, Equatable {
    public var challengeID: String
    /// The bytes to sign, base64.
    public var message: String
    public var issuedAt: Date
    public var expiresAt: Date

    /// The bytes to sign.
    public var messageBytes: [UInt8] { Data(base64Encoded: message).map(Array.init) ?? [] }
}

/// A QR-code sign-in under way: the payload to show and the reference to poll and consume.
public struct RemoteAppSignIn: Sendable, Codable, Equatable {
    public var reference: String
    public var qrPayload: String
    public var expiresAt: Date
}

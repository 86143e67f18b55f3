import Foundation
import NHICore

/// What a reader holds, in the JSON shape of `nhi card read --json`, `nhi card watch --json`
/// and the card service's `GET /readers` — one type, so the three cannot drift.
///
/// Keys come in the documented order: `reader`, `atr`, `cardType`, `cardNumber`, `name`,
/// `id`, `birthDate`, `sex`, `issueDate` (always present, `null` where the card carries no
/// such field; dates `YYYY-MM-DD`, sex `M`/`F`), `atrRecognised`, then for an NHI card
/// `birthDateROC` and `nameTruncated`, for a certificate card `certificate`, and `error` when
/// the card could not be read.
///
/// The national ID is in full: the report is for the program at the counter that asked
/// for it. Anything written to a log uses ``NHICardIdentity``'s masked form instead.
public struct CardReport: Sendable, Hashable, Codable {
    /// The reader's name.
    public var reader: String
    /// The ATR in hex, when a responsive card is present.
    public var atr: String?
    /// The card type.
    public var cardType: CardType
    /// The NHI card number, or the certificate card's number.
    public var cardNumber: String?
    /// The holder's name (an NHI card's, or the signing certificate's holder).
    public var name: String?
    /// The national ID or resident number (NHI cards).
    public var id: String?
    /// The birth date, `YYYY-MM-DD` (NHI cards).
    public var birthDate: String?
    /// `M` or `F` (NHI cards).
    public var sex: String?
    /// The issue date, `YYYY-MM-DD` (NHI cards).
    public var issueDate: String?
    /// Whether the ATR table knows the ATR.
    public var atrRecognised: Bool
    /// The birth date as the card stores it, ROC `yyyMMdd` (NHI cards).
    public var birthDateROC: String?
    /// Whether the name filled the card's 20-byte field and may be cut (NHI cards).
    public var nameTruncated: Bool?
    /// The signing certificate (certificate cards).
    public var certificate: Certificate?
    /// Why the card could not be read (or not all of it).
    public var error: Failure?

    /// A certificate card's signing certificate.
    public struct Certificate: Sendable, Hashable, Codable {
        /// `citizen`, `healthcareProfessional`, `organisation` …, from the issuer.
        public var kind: String?
        /// The serial number in hex.
        public var serialNumber: String
        /// The issuer's distinguished name.
        public var issuer: String
        /// Valid from (ISO 8601).
        public var notBefore: String
        /// Valid until (ISO 8601).
        public var notAfter: String
        /// The last four characters of the holder's ID (citizen certificates).
        public var idLastFour: String?
        /// The organisation's UBN (organisation certificates).
        public var ubn: String?
        /// The organisation code (government certificates).
        public var organisationCode: String?

        /// The report of `certificate`.
        public init(_ certificate: CardCertificate) {
            kind = certificate.kind?.rawValue
            serialNumber = certificate.serialNumber
            issuer = certificate.issuerDescription
            notBefore = certificate.notValidBefore.formatted(.iso8601)
            notAfter = certificate.notValidAfter.formatted(.iso8601)
            idLastFour = certificate.idLastFour
            ubn = certificate.ubn
            organisationCode = certificate.organisationCode
        }

        private enum CodingKeys: String, CodingKey {
            case kind, serialNumber, issuer, notBefore, notAfter, idLastFour, ubn, organisationCode
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(serialNumber, forKey: .serialNumber)
            try c.encode(issuer, forKey: .issuer)
            try c.encode(notBefore, forKey: .notBefore)
            try c.encode(notAfter, forKey: .notAfter)
            try c.encode(idLastFour, forKey: .idLastFour)
            try c.encode(ubn, forKey: .ubn)
            try c.encode(organisationCode, forKey: .organisationCode)
        }
    }

    /// A ``CardError`` as the report carries it.
    public struct Failure: Sendable, Hashable, Codable {
        /// The stable dotted code (`card.absent` …).
        public var code: String
        /// The NHI's own number (9056, 9039 …), when the NHI's screens have one.
        public var userCode: Int?
        /// The message in Traditional Chinese, with the seeds' advice.
        public var message: String
        /// The message in English.
        public var messageEn: String
        /// The PC/SC status's name (`SCARD_W_REMOVED_CARD` …).
        public var pcsc: String?
        /// The card's status word.
        public var statusWord: String?

        /// The report of `error`.
        public init(_ error: CardError) {
            code = error.errorCode
            userCode = error.userCode
            message = error.message
            messageEn = error.messageEn
            pcsc = error.pcscStatus?.name
            statusWord = error.statusWord?.description
        }

        private enum CodingKeys: String, CodingKey { case code, userCode, message, messageEn, pcsc, statusWord }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(userCode, forKey: .userCode)
            try c.encode(message, forKey: .message)
            try c.encode(messageEn, forKey: .messageEn)
            try c.encode(pcsc, forKey: .pcsc)
            try c.encode(statusWord, forKey: .statusWord)
        }
    }

    /// The report of an inspection.
    public init(_ inspection: CardInspection) {
        reader = inspection.reader
        atr = inspection.atr?.description
        cardType = inspection.cardType
        atrRecognised = inspection.atrRecognised
        switch inspection.content {
        case .nhi(let identity):
            cardNumber = identity.cardNumber.rawValue
            name = identity.name.value
            id = identity.id.rawValue
            birthDate = identity.birthDate.gregorian.iso
            sex = identity.sex.rawValue
            issueDate = identity.issueDate.gregorian.iso
            birthDateROC = identity.birthDate.formatted(.compact)
            nameTruncated = identity.nameTruncated
        case .certificate(let contents):
            cardNumber = contents.cardNumber
            name = contents.signingCertificate?.holderName
            certificate = contents.signingCertificate.map(Certificate.init)
        case nil:
            break
        }
        error = inspection.error.map(Failure.init)
    }

    private enum CodingKeys: String, CodingKey {
        case reader, atr, cardType, cardNumber, name, id, birthDate, sex, issueDate, atrRecognised
        case birthDateROC, nameTruncated, certificate, error
    }

    /// Writes the keys in the documented order; the card's fields as `null` when absent, the
    /// card-kind extras only when present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reader, forKey: .reader)
        try c.encode(atr, forKey: .atr)
        try c.encode(cardType, forKey: .cardType)
        try c.encode(cardNumber, forKey: .cardNumber)
        try c.encode(name, forKey: .name)
        try c.encode(id, forKey: .id)
        try c.encode(birthDate, forKey: .birthDate)
        try c.encode(sex, forKey: .sex)
        try c.encode(issueDate, forKey: .issueDate)
        try c.encode(atrRecognised, forKey: .atrRecognised)
        try c.encodeIfPresent(birthDateROC, forKey: .birthDateROC)
        try c.encodeIfPresent(nameTruncated, forKey: .nameTruncated)
        try c.encodeIfPresent(certificate, forKey: .certificate)
        try c.encodeIfPresent(error, forKey: .error)
    }
}

import Foundation
import NHICards

/// `GET /certificates`: every reader that holds a certificate card, with the card's
/// certificates as read at insertion (no PIN).
public struct CertificatesReport: Sendable, Hashable, Codable {
    /// One entry per certificate card, in reader order.
    public var cards: [Card]

    /// A certificate card in a reader.
    public struct Card: Sendable, Hashable, Codable {
        /// The reader.
        public var reader: String
        /// The card number as stored (e.g. `TP03000001234567`).
        public var cardNumber: String
        /// The certificates, user certificates first.
        public var certificates: [CertificateEntry]
    }

    /// One certificate of a card.
    public struct CertificateEntry: Sendable, Hashable, Codable {
        /// Where the card keeps it: `user2` (signature), `user1`, `issuingCA`, `rootCA`.
        public var slot: String
        /// Whether `POST /sign` signs with this certificate's key when no serial number is given.
        public var signing: Bool
        /// `citizen`, `healthcareProfessional`, `organisation` …, from the issuer.
        public var kind: String?
        /// The serial number in hex (what `POST /sign` takes as `serialNumber`).
        public var serialNumber: String
        /// The subject's distinguished name.
        public var subject: String
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
        /// The certificate itself, DER in base64 (to verify a signature with).
        public var der: String
    }

    /// The report of `cards`.
    public init(_ cards: [(reader: String, contents: CertificateCardContents)]) {
        self.cards = cards.map { card in
            let signing = card.contents.signingCertificate
            let slots: [CertificateSlot] = [.user2, .user1, .issuingCA, .rootCA]
            return Card(reader: card.reader, cardNumber: card.contents.cardNumber,
                        certificates: slots.compactMap { slot in
                            card.contents.certificates[slot].map { CertificateEntry(slot, $0, signing: $0 == signing) }
                        })
        }
    }
}

extension CertificatesReport.CertificateEntry {
    init(_ slot: CertificateSlot, _ certificate: CardCertificate, signing: Bool) {
        self.slot = switch slot {
        case .rootCA: "rootCA"
        case .issuingCA: "issuingCA"
        case .user1: "user1"
        case .user2: "user2"
        }
        self.signing = signing
        kind = certificate.kind?.rawValue
        serialNumber = certificate.serialNumber
        subject = certificate.certificate.subject.description
        issuer = certificate.issuerDescription
        notBefore = certificate.notValidBefore.formatted(.iso8601)
        notAfter = certificate.notValidAfter.formatted(.iso8601)
        idLastFour = certificate.idLastFour
        ubn = certificate.ubn
        der = Data(certificate.der).base64EncodedString()
    }
}

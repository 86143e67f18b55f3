import NHICore

/// Where a HiCOS card keeps its certificates: offsets in the certificate-store file
/// `3F00/5030/08F2` (SPEC §12).
public enum CertificateSlot: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// The root CA certificate, at 0x0000.
    case rootCA = 0x0000
    /// The issuing CA certificate, at 0x0700.
    case issuingCA = 0x0700
    /// User certificate 1, at 0x0E00.
    case user1 = 0x0E00
    /// User certificate 2 (signature), at 0x1500.
    case user2 = 0x1500

    /// The byte offset in the file.
    public var offset: Int { rawValue }

    /// Slots order by offset.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a certificate card yields without a PIN: its card number and its certificates.
public struct CertificateCardContents: Sendable, Hashable {
    /// The card number as stored (16 ASCII characters on HiCOS cards, e.g. `TP03000001234567`).
    public let cardNumber: String
    /// The card number as a typed value, when it has one of the known shapes.
    public var typedCardNumber: CertificateCardNumber? { try? CertificateCardNumber(parsing: cardNumber) }
    /// The certificates found, by slot.
    public let certificates: [CertificateSlot: CardCertificate]

    /// Creates contents.
    public init(cardNumber: String, certificates: [CertificateSlot: CardCertificate]) {
        self.cardNumber = cardNumber
        self.certificates = certificates
    }

    /// The certificate a login signs with: user certificate 2 (signature) when present,
    /// otherwise user certificate 1.
    public var signingCertificate: CardCertificate? { certificates[.user2] ?? certificates[.user1] }
}

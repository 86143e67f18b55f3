import _CryptoExtras
import Foundation
import NHICards
import NHICore
import X509

/// A virtual certificate card described as data (the `certificate` object of a
/// ``VirtualCardProfile``).
///
/// Either point at existing files (`certificateFile`, DER or PEM; `privateKeyFile`, PEM,
/// for on-card signing) — for example the certificate of a SoftHSM2 token made by
/// ``SoftHSMEnvironment`` — or let the emulator issue a throw-away certificate from a
/// ``TestCertificateAuthority`` of `authority` for `holder`.
///
/// ```json
/// {"kind": "certificate", "certificate": {"cardNumber": "TP03000001234567", "holder": "王小明",
///  "idLastFour": "6789", "authority": "citizen", "pin": "123456"}}
/// ```
public struct CertificateCardProfile: Codable, Sendable, Hashable {
    /// 16 characters, e.g. `TP03000001234567`.
    public var cardNumber: String
    /// The PIN (6–8 characters).
    public var pin: String
    /// Tries before locking (default 3).
    public var maxTries: Int?
    /// Tries left now (default `maxTries`).
    public var triesLeft: Int?
    /// An existing user certificate (DER or PEM).
    public var certificateFile: String?
    /// Its private key (PEM), so the card can sign.
    public var privateKeyFile: String?
    /// Holder name for a generated certificate.
    public var holder: String?
    /// `citizen`, `moeaca`, `gca`, `xca` or `healthcareProfessional` (default `citizen`).
    public var authority: String?
    /// Last 4 ID digits (.51) for a generated citizen certificate.
    public var idLastFour: String?
    /// UBN (.101) for a generated MOEACA certificate.
    public var ubn: String?
    /// Organisation code (.102) for a generated GCA/XCA certificate.
    public var organisationCode: String?
    /// Validity start of a generated certificate (`YYYY-MM-DD`).
    public var notBefore: String?
    /// Validity end of a generated certificate (`YYYY-MM-DD`).
    public var notAfter: String?

    /// Creates a profile.
    public init(cardNumber: String, pin: String, maxTries: Int? = nil, triesLeft: Int? = nil,
                certificateFile: String? = nil, privateKeyFile: String? = nil, holder: String? = nil,
                authority: String? = nil, idLastFour: String? = nil, ubn: String? = nil, organisationCode: String? = nil,
                notBefore: String? = nil, notAfter: String? = nil) {
        self.cardNumber = cardNumber
        self.pin = pin
        self.maxTries = maxTries
        self.triesLeft = triesLeft
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
        self.holder = holder
        self.authority = authority
        self.idLastFour = idLastFour
        self.ubn = ubn
        self.organisationCode = organisationCode
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// Builds the card.
    public func makeCard(atr: ATR = VirtualCertificateCard.defaultATR) throws -> VirtualCertificateCard {
        var certificates: [CertificateSlot: [UInt8]] = [:]
        var key: _RSA.Signing.PrivateKey?
        if let certificateFile {
            certificates[.user2] = try Self.loadCertificate(certificateFile)
            if let privateKeyFile {
                key = try _RSA.Signing.PrivateKey(pemRepresentation: String(contentsOfFile: privateKeyFile, encoding: .utf8))
            }
        } else {
            let kindName = authority ?? "citizen"
            guard let kind = CertificateKind(rawValue: kindName) else {
                throw VirtualCardError("unknown authority \"\(kindName)\" (citizen, moeaca, gca, xca, healthcareProfessional)")
            }
            let ca = try TestCertificateAuthority(kind: kind)
            let from = try notBefore.map { try CalendarDate(iso: $0).startInTaiwan } ?? Date().addingTimeInterval(-86_400)
            let until = try notAfter.map { try CalendarDate(iso: $0).startInTaiwan } ?? Date().addingTimeInterval(86_400 * 730)
            let issued = try ca.issueWithNewKey(
                to: .init(name: holder ?? "測試用戶", idLastFour: idLastFour, ubn: ubn, organisationCode: organisationCode),
                notBefore: from, notAfter: until)
            certificates = [.rootCA: ca.root.derBytes, .issuingCA: ca.issuing.derBytes, .user2: issued.certificate.derBytes]
            key = issued.key
        }
        return VirtualCertificateCard(cardNumber: cardNumber, certificates: certificates, key: key, pin: pin,
                                      maxTries: maxTries ?? 3, triesLeft: triesLeft, atr: atr)
    }

    static func loadCertificate(_ path: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----") {
            return try Certificate(pemEncoded: text).derBytes
        }
        return Array(data)
    }
}

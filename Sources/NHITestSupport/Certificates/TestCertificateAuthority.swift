import _CryptoExtras
import Crypto
import Foundation
import NHICards
import NHICore
import SwiftASN1
import X509

/// A throw-away certificate authority that issues certificates shaped like Taiwan's
/// government PKI: issuer `C=TW, O=行政院, OU=<authority>` (so `CardCertificate` derives
/// the right `CertificateKind`) and identifiers in the subject-directory attributes
/// (2.5.29.9: .51 last 4 ID digits, .101 UBN, .102 organisation code).
///
/// Its names say `NHI-SWIFT TEST`; nothing it issues is trusted anywhere else.
public final class TestCertificateAuthority: Sendable {
    /// The kind of certificates this authority issues.
    public let kind: CertificateKind
    /// The self-signed root certificate.
    public let root: Certificate
    /// The issuing CA certificate (signed by the root).
    public let issuing: Certificate
    private let issuingKey: _RSA.Signing.PrivateKey

    /// Creates a root and an issuing CA with fresh RSA-2048 keys.
    public init(kind: CertificateKind) throws {
        self.kind = kind
        let unit = kind.authorityName ?? "NHI-SWIFT TEST CA"
        let rootKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let issuingKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let rootName = try DistinguishedName {
            CountryName("TW")
            OrganizationName("行政院")
            OrganizationalUnitName(unit)
            CommonName("NHI-SWIFT TEST ROOT")
        }
        let issuingName = try DistinguishedName {
            CountryName("TW")
            OrganizationName("行政院")
            OrganizationalUnitName(unit)
            CommonName("NHI-SWIFT TEST ISSUING CA")
        }
        let now = Date()
        let caExtensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            KeyUsage(keyCertSign: true, cRLSign: true)
        }
        root = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(rootKey.publicKey),
                               notValidBefore: now.addingTimeInterval(-86_400 * 365), notValidAfter: now.addingTimeInterval(86_400 * 3650),
                               issuer: rootName, subject: rootName, signatureAlgorithm: .sha256WithRSAEncryption,
                               extensions: caExtensions, issuerPrivateKey: .init(rootKey))
        issuing = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(issuingKey.publicKey),
                                  notValidBefore: now.addingTimeInterval(-86_400 * 365), notValidAfter: now.addingTimeInterval(86_400 * 3650),
                                  issuer: rootName, subject: issuingName, signatureAlgorithm: .sha256WithRSAEncryption,
                                  extensions: caExtensions, issuerPrivateKey: .init(rootKey))
        self.issuingKey = issuingKey
    }

    /// What goes into a holder's certificate.
    public struct Holder: Sendable {
        /// The common name: a person's or an organisation's name.
        public var name: String
        /// Last 4 ID digits (.51), for citizen and healthcare-professional certificates.
        public var idLastFour: String?
        /// UBN (.101), for MOEACA certificates.
        public var ubn: String?
        /// Organisation code (.102), for GCA and XCA certificates.
        public var organisationCode: String?

        /// Creates a holder.
        public init(name: String, idLastFour: String? = nil, ubn: String? = nil, organisationCode: String? = nil) {
            self.name = name
            self.idLastFour = idLastFour
            self.ubn = ubn
            self.organisationCode = organisationCode
        }
    }

    /// Issues a signature certificate for `holder` and `publicKey`, valid in
    /// `notBefore...notAfter` (by default from a day ago for two years).
    public func issue(to holder: Holder, publicKey: _RSA.Signing.PublicKey,
                      notBefore: Date = Date().addingTimeInterval(-86_400),
                      notAfter: Date = Date().addingTimeInterval(86_400 * 730)) throws -> Certificate {
        var attributes: [(oid: ASN1ObjectIdentifier, values: [String])] = []
        if let value = holder.idLastFour { attributes.append((SubjectDirectoryAttributes.idLastFourOID, [value])) }
        if let value = holder.ubn { attributes.append((SubjectDirectoryAttributes.ubnOID, [value])) }
        if let value = holder.organisationCode { attributes.append((SubjectDirectoryAttributes.organisationCodeOID, [value])) }
        let directory = try SubjectDirectoryAttributes(attributes).serialized()
        let subject = try DistinguishedName {
            CountryName("TW")
            CommonName(holder.name)
        }
        let extensions = try Certificate.Extensions {
            Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
            Certificate.Extension(oid: SubjectDirectoryAttributes.oid, critical: false, value: directory[...])
        }
        return try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(publicKey),
                               notValidBefore: notBefore, notValidAfter: notAfter,
                               issuer: issuing.subject, subject: subject, signatureAlgorithm: .sha256WithRSAEncryption,
                               extensions: extensions, issuerPrivateKey: .init(issuingKey))
    }

    /// Issues a certificate with a new RSA-2048 key pair and returns both.
    public func issueWithNewKey(to holder: Holder, notBefore: Date = Date().addingTimeInterval(-86_400),
                                notAfter: Date = Date().addingTimeInterval(86_400 * 730)) throws -> (certificate: Certificate, key: _RSA.Signing.PrivateKey) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        return (try issue(to: holder, publicKey: key.publicKey, notBefore: notBefore, notAfter: notAfter), key)
    }
}

extension Certificate {
    /// The DER encoding.
    public var derBytes: [UInt8] {
        var serializer = DER.Serializer()
        try! serializer.serialize(self)
        return serializer.serializedBytes
    }
}

import Foundation
import NHICore
import SwiftASN1
import X509

/// A certificate read from a certificate card, with what a login needs from it: the
/// holder's name, the identifiers in the subject-directory attributes, the kind of
/// certificate (from the issuer) and the validity period.
public struct CardCertificate: Sendable, Hashable {
    /// The parsed certificate.
    public let certificate: Certificate
    /// The DER bytes as stored on the card.
    public let der: [UInt8]
    /// The holder's name (the subject's common name).
    public let holderName: String
    /// The kind of certificate, from the issuer; `nil` for an issuer outside Taiwan's
    /// government PKI.
    public let kind: CertificateKind?
    /// The subject-directory attributes, if the certificate has them.
    public let directoryAttributes: SubjectDirectoryAttributes?

    /// Parses a DER certificate. Throws ``CardError/Code/certificateMalformed``.
    public init(der: [UInt8]) throws(CardError) {
        do {
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw CardError(.certificateMalformed, detail: "X.509: \(error)")
        }
        self.der = der
        let names = certificate.subject.flatMap { $0 }.filter { $0.type == .RDNAttributeType.commonName }
        holderName = names.first.map { String($0.value) ?? $0.value.description } ?? ""
        kind = CertificateKind(issuer: certificate.issuer)
        if let ext = certificate.extensions.first(where: { $0.oid == SubjectDirectoryAttributes.oid }) {
            do {
                directoryAttributes = try SubjectDirectoryAttributes(extensionValue: ext.value)
            } catch {
                throw CardError(.certificateMalformed, detail: "subject directory attributes: \(error)")
            }
        } else {
            directoryAttributes = nil
        }
    }

    /// The last 4 digits of the holder's ID (OID .51, citizen certificates).
    public var idLastFour: String? { directoryAttributes?.value(SubjectDirectoryAttributes.idLastFourOID) }
    /// The UBN (OID .101, MOEACA certificates).
    public var ubn: String? { directoryAttributes?.value(SubjectDirectoryAttributes.ubnOID) }
    /// The organisation code (OID .102, GCA and XCA certificates).
    public var organisationCode: String? { directoryAttributes?.value(SubjectDirectoryAttributes.organisationCodeOID) }

    /// The first instant of validity.
    public var notValidBefore: Date { certificate.notValidBefore }
    /// The last instant of validity.
    public var notValidAfter: Date { certificate.notValidAfter }
    /// The serial number in hex (what the seeds call 憑證序號).
    public var serialNumber: String { certificate.serialNumber.bytes.map { hex($0) }.joined() }
    /// The issuer as text.
    public var issuerDescription: String { certificate.issuer.description }

    /// Throws ``CardError/Code/certificateExpired`` or
    /// ``CardError/Code/certificateNotYetValid`` (66501) unless `date` is inside the
    /// validity period. Call it before any PIN is asked for.
    public func checkValidity(at date: Date) throws(CardError) {
        let format = Date.ISO8601FormatStyle()
        if date < notValidBefore {
            throw CardError(.certificateNotYetValid, detail: "valid from \(notValidBefore.formatted(format))")
        }
        if date > notValidAfter {
            throw CardError(.certificateExpired, detail: "valid until \(notValidAfter.formatted(format))")
        }
    }

    /// Two certificates are equal when their DER bytes are equal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.der == rhs.der }
    /// Hashes the DER bytes, so equal certificates hash alike.
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}

extension CardCertificate {
    /// The RSA modulus of the certificate's key (big-endian, no leading zero), if RSA.
    public var rsaModulus: [UInt8]? {
        // SubjectPublicKeyInfo → BIT STRING → RSAPublicKey ::= SEQUENCE { modulus INTEGER, exponent INTEGER }
        guard let spki = try? DER.parse(certificate.publicKey.subjectPublicKeyInfoBytes),
              case .constructed(let parts) = spki.content else { return nil }
        var iterator = parts.makeIterator()
        _ = iterator.next()
        guard let bitString = iterator.next(), let bits = try? ASN1BitString(derEncoded: bitString),
              let rsa = try? DER.parse(bits.bytes), case .constructed(let numbers) = rsa.content,
              case .primitive(let modulus)? = numbers.first(where: { _ in true })?.content else { return nil }
        return Array(modulus.drop { $0 == 0 })
    }
}

import _CryptoExtras
import Crypto
import Foundation
import NHICards
import X509

/// A server challenge for a certificate login: a random nonce the token signs with the
/// certificate's key (RSA PKCS#1 v1.5, SHA-256). It lives ``CertificateChallengeIssuer/lifetime``
/// and can be redeemed once.
public struct CertificateChallenge: Sendable, Hashable {
    /// 32 random bytes.
    public let nonce: [UInt8]
    /// When it was issued.
    public let issuedAt: Date
    /// When it stops being accepted.
    public let expiresAt: Date

    /// A challenge as its issuer described it (a client of a remote issuer rebuilds the one
    /// it was sent; the message follows from these).
    public init(nonce: [UInt8], issuedAt: Date, expiresAt: Date) {
        self.nonce = nonce
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// The bytes the token signs: a fixed label (so a signature made for this login cannot
    /// be mistaken for one made for anything else), the nonce and the issue time.
    public var message: [UInt8] {
        Array("nhi-swift certificate login v1\n".utf8) + nonce + Array("\n\(Int(issuedAt.timeIntervalSince1970))".utf8)
    }
}

/// Who issues a certificate login's challenge and redeems it signed: this process
/// (``CertificateChallengeIssuer``), or a server the counter signs in to (the kiosk's
/// `RemoteStaffSignIn` sends the signature to `nhi-server`, which redeems it).
public protocol CertificateChallengeAuthority: Sendable {
    /// A new challenge for the token to sign.
    func issue() async throws -> CertificateChallenge
    /// Redeems `challenge` once with the token's `signature` by `certificate`'s key.
    func redeem(_ challenge: CertificateChallenge, signature: [UInt8], certificate: CardCertificate) async throws(LoginError)
}

/// The service's side of certificate logins: issues challenges and redeems a signed one
/// exactly once, checking freshness, the certificate's validity and the signature.
public actor CertificateChallengeIssuer: CertificateChallengeAuthority {
    /// How long a challenge is accepted.
    public let lifetime: TimeInterval
    private let clock: any LoginClock
    private var open: [[UInt8]: CertificateChallenge] = [:]

    /// An issuer whose challenges live `lifetime` seconds (2 minutes by default).
    public init(lifetime: TimeInterval = 120, clock: any LoginClock = SystemLoginClock()) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// A new challenge.
    public func issue() -> CertificateChallenge {
        let now = clock.now
        open = open.filter { $0.value.expiresAt > now }
        var generator = SystemRandomNumberGenerator()
        let nonce = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let challenge = CertificateChallenge(nonce: nonce, issuedAt: now, expiresAt: now.addingTimeInterval(lifetime))
        open[nonce] = challenge
        return challenge
    }

    /// The open challenge with `nonce` (nil when never issued, redeemed or expired): a
    /// remote counter names its challenge by the nonce it signed.
    public func challenge(nonce: [UInt8]) -> CertificateChallenge? {
        guard let challenge = open[nonce], challenge.expiresAt >= clock.now else { return nil }
        return challenge
    }

    /// Redeems `challenge` with `signature` made by the key of `certificate`. Throws
    /// ``LoginError/Code/challengeUnknown`` (never issued or already redeemed),
    /// ``LoginError/Code/challengeExpired``, the certificate's validity error (66501) or
    /// ``LoginError/Code/signatureInvalid`` (66501). The challenge is gone afterwards either way.
    public func redeem(_ challenge: CertificateChallenge, signature: [UInt8], certificate: CardCertificate) throws(LoginError) {
        guard let issued = open.removeValue(forKey: challenge.nonce), issued == challenge else {
            throw LoginError(.challengeUnknown)
        }
        let now = clock.now
        guard now <= issued.expiresAt else { throw LoginError(.challengeExpired) }
        do { try certificate.checkValidity(at: now) } catch { throw LoginError(card: error) }
        guard Self.verify(signature, over: issued.message, with: certificate) else {
            throw LoginError(.signatureInvalid, detail: "certificate \(certificate.serialNumber)")
        }
    }

    /// Whether `signature` is an RSA PKCS#1 v1.5 SHA-256 signature of `message` by the
    /// certificate's key.
    public static func verify(_ signature: [UInt8], over message: [UInt8], with certificate: CardCertificate) -> Bool {
        guard let key = _RSA.Signing.PublicKey(certificate.certificate.publicKey) else { return false }
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
        return key.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
    }
}

import Crypto
import Foundation
import Logging
import NHICards
import NHICore

/// `POST /sign`'s body: the reader, the challenge to sign, and optionally which certificate.
public struct SignRequest: Sendable, Hashable, Codable {
    /// The reader holding the certificate card.
    public var reader: String
    /// The bytes to sign, base64 (1 to 4,096 bytes): a server's login challenge, a
    /// document's hash … The card signs them with RSA PKCS#1 v1.5 over SHA-256.
    public var challenge: String
    /// The certificate whose key signs (`GET /certificates`); the card's signing
    /// certificate when absent.
    public var serialNumber: String?

    /// A request.
    public init(reader: String, challenge: String, serialNumber: String? = nil) {
        self.reader = reader
        self.challenge = challenge
        self.serialNumber = serialNumber
    }
}

/// `POST /sign`'s answer.
public struct SignResult: Sendable, Hashable, Codable {
    /// The reader.
    public var reader: String
    /// The certificate whose key signed (hex serial number).
    public var serialNumber: String
    /// `RSASSA-PKCS1-v1_5-SHA256`.
    public var algorithm: String
    /// The signature, base64.
    public var signature: String
    /// The certificate, DER in base64, to verify the signature with.
    public var certificate: String
}

/// Signs web pages' challenges with a certificate card's key — after the PIN is typed
/// **at this PC** (a ``PINPrompt``), never sent by the page.
///
/// One signature at a time: a second request while a PIN prompt is open is refused
/// (`cardService.signBusy`), so prompts never pile up on the counter. A locked card is
/// never sent a PIN (9043), a wrong PIN answers 9039 with the tries left, and after
/// signing the card is reset so that no program can use the verified PIN afterwards.
/// Logs carry the reader, the origin and the certificate's serial number — never the
/// holder, the PIN or the challenge.
public actor CardSigner {
    /// The largest challenge, in bytes.
    public static let maximumChallenge = 4096
    /// The name of the algorithm in ``SignResult``.
    public static let algorithm = "RSASSA-PKCS1-v1_5-SHA256"

    private let monitor: ReaderMonitor
    private let context: PCSCContext
    private let tokens: CertificateTokenSource
    private let prompt: (any PINPrompt)?
    private let logger: Logger
    private var busy = false

    /// A signer for the certificate cards `monitor` sees; `prompt` asks the person at this
    /// PC for the PIN (`nil`: signing is refused with `cardService.signingUnavailable`).
    public init(monitor: ReaderMonitor, context: PCSCContext = PCSCContext(), tokens: CertificateTokenSource,
                prompt: (any PINPrompt)?, logger: Logger = Logger(label: "nhi.card-service")) {
        self.monitor = monitor
        self.context = context
        self.tokens = tokens
        self.prompt = prompt
        self.logger = logger
    }

    /// Signs `request`'s challenge for the page at `origin` (nil: a program on this PC).
    public func sign(_ request: SignRequest, origin: String?) async throws(CardServiceError) -> SignResult {
        guard let challenge = Data(base64Encoded: request.challenge), (1...Self.maximumChallenge).contains(challenge.count) else {
            throw CardServiceError(.requestInvalid, detail: "challenge: base64 of 1–\(Self.maximumChallenge) bytes")
        }
        guard let prompt else { throw CardServiceError(.signingUnavailable) }
        guard !busy else { throw CardServiceError(.signBusy) }
        busy = true
        defer { busy = false }

        guard let contents = await monitor.certificateCard(in: request.reader) else {
            if await monitor.reader(named: request.reader) == nil {
                throw CardServiceError(.readerUnknown, detail: request.reader)
            }
            throw CardServiceError(.notCertificateCard, detail: request.reader)
        }
        let chosen = request.serialNumber.map { serial in
            contents.certificates.values.first { $0.serialNumber.caseInsensitiveCompare(serial) == .orderedSame }
        } ?? contents.signingCertificate
        guard let certificate = chosen else {
            throw CardServiceError(.certificateUnknown, detail: request.serialNumber ?? request.reader)
        }
        do {
            try certificate.checkValidity(at: Date())
        } catch {
            throw CardServiceError(card: error)
        }
        let metadata: Logger.Metadata = ["reader": "\(request.reader)", "origin": "\(origin ?? "local")",
                                         "serialNumber": "\(certificate.serialNumber)"]
        let token: any SigningToken
        let remainingTries: Int?
        do throws(CardError) {
            token = try await tokens.signingToken(reader: request.reader, context: context)
            let status = try await token.pinStatus()
            guard !status.locked else { throw CardError(.pinLocked, reader: request.reader, remainingTries: 0) }
            remainingTries = status.knownRemainingTries
        } catch {
            await finish(request.reader)
            logger.notice("signing failed", metadata: metadata.merging(["code": "\(error.errorCode)"]) { $1 })
            throw CardServiceError(card: error)
        }
        logger.info("signature requested; asking for the PIN at this PC", metadata: metadata)
        let answer = await prompt.pin(for: PINRequest(origin: origin, reader: request.reader, holderName: certificate.holderName,
                                                      kind: certificate.kind, serialNumber: certificate.serialNumber,
                                                      challengeFingerprint: Self.fingerprint(challenge),
                                                      remainingTries: remainingTries))
        let pin: PIN
        switch answer {
        case .pin(let typed):
            pin = typed
        case .declined:
            await finish(request.reader)
            logger.notice("signature refused at this PC", metadata: metadata)
            throw CardServiceError(.signDeclined)
        case .timedOut:
            await finish(request.reader)
            logger.notice("nobody entered the PIN in time", metadata: metadata)
            throw CardServiceError(.pinTimeout)
        }
        do throws(CardError) {
            try await token.login(pin: pin)
            let signature = try await token.sign(Array(challenge), withKeyOf: certificate)
            await token.logout()
            await finish(request.reader)
            logger.info("signed", metadata: metadata)
            return SignResult(reader: request.reader, serialNumber: certificate.serialNumber, algorithm: Self.algorithm,
                              signature: Data(signature).base64EncodedString(),
                              certificate: Data(certificate.der).base64EncodedString())
        } catch {
            await token.logout()
            await finish(request.reader)
            logger.notice("signing failed", metadata: metadata.merging(["code": "\(error.errorCode)"]) { $1 })
            throw CardServiceError(card: error)
        }
    }

    /// Closes the card's connection; a card that verified its own PIN is reset, so it
    /// forgets it.
    private func finish(_ reader: String) async {
        await context.disconnect(reader, resettingCard: tokens == .card)
    }

    /// The first 8 bytes of the challenge's SHA-256, as `0123abcd 4567ef01`.
    public static func fingerprint(_ challenge: Data) -> String {
        let hex = SHA256.hash(data: challenge).prefix(8).map { String(format: "%02x", $0) }
        return hex[0..<4].joined() + " " + hex[4..<8].joined()
    }
}

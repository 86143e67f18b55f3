/// Where a certificate card's PIN is verified and its key signs: the issuer's PKCS#11
/// module (production HiCOS cards, SoftHSM2 in tests) or the card itself.
///
/// One choice for every program that signs with a card: the staff sign-in (NHISignIn),
/// the kiosk's remote sign-in and the card service's `POST /sign`.
public enum CertificateTokenSource: Sendable, Hashable {
    /// The issuer's PKCS#11 module at the path (nil: `NHI_PKCS11_MODULE` or HiCOS's default).
    case pkcs11(modulePath: String?)
    /// The card itself: ISO 7816 VERIFY and its own key (``CardPINToken``; the card
    /// emulator's certificate profile, used by `--demo`).
    case card

    /// The token for the card in `reader`: a ``CardPINToken`` over `context`'s connection,
    /// or the first token of the PKCS#11 module.
    public func signingToken(reader: String, context: PCSCContext) async throws(CardError) -> any SigningToken {
        switch self {
        case .card:
            return CardPINToken(card: try await context.connection(to: reader))
        case .pkcs11(let path):
            return try PKCS11Token.find(in: try PKCS11Module.load(path ?? PKCS11Module.configuredPath))
        }
    }
}

import NHICore

/// What a token says about its user PIN before one is sent.
public struct PINStatus: Sendable, Hashable {
    /// The PIN is locked: no PIN may be sent.
    public var locked: Bool
    /// PIN tries left, when the token tells.
    public var remainingTries: Int?
    /// The next wrong PIN locks the token (`CKF_USER_PIN_FINAL_TRY`).
    public var finalTry: Bool
    /// A wrong PIN was entered since the last success (`CKF_USER_PIN_COUNT_LOW`).
    public var countLow: Bool
    /// The user PIN has been set (a new MOEACA card is activated by setting it).
    public var initialised: Bool

    /// Creates a status.
    public init(locked: Bool = false, remainingTries: Int? = nil, finalTry: Bool = false,
                countLow: Bool = false, initialised: Bool = true) {
        self.locked = locked
        self.remainingTries = remainingTries
        self.finalTry = finalTry
        self.countLow = countLow
        self.initialised = initialised
    }

    /// Tries left as far as known: the count when given, 1 on a final try, `nil` otherwise.
    public var knownRemainingTries: Int? { remainingTries ?? (finalTry ? 1 : nil) }
}

/// A token that holds the private key of a certificate and signs after a PIN login: a
/// PKCS#11 token (``PKCS11Token``, production and SoftHSM2) or a card spoken to directly
/// (``CardPINToken``, for the card emulator and ISO 7816-8 cards).
///
/// Implementations never send a PIN to a locked token: ``login(pin:)`` checks
/// ``pinStatus()`` first and throws ``CardError/Code/pinLocked``.
public protocol SigningToken: Sendable {
    /// The PIN state, without sending a PIN.
    func pinStatus() async throws(CardError) -> PINStatus
    /// Logs in with the user PIN. Throws ``CardError/Code/pinIncorrect`` (9039, with tries
    /// left when known), ``CardError/Code/pinLength`` (9041), ``CardError/Code/pinLocked`` (9043).
    func login(pin: PIN) async throws(CardError)
    /// Signs `message` with RSA PKCS#1 v1.5 over SHA-256, using the key of the certificate
    /// whose DER is `certificate`.
    func sign(_ message: [UInt8], withKeyOf certificate: CardCertificate) async throws(CardError) -> [UInt8]
    /// Ends the login.
    func logout() async
}

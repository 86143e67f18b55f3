import NHICore

/// A ``SigningToken`` that talks to the card directly with ISO 7816 commands: VERIFY
/// (`00 20 00 <ref>`) for the PIN — `63Cx` wrong with x tries left, `6983` locked — and
/// PERFORM SECURITY OPERATION (`00 2A 9E 9A`) to sign.
///
/// This is how `nhi-virtual-card`'s certificate profile is used for logins (the kiosk's
/// demo mode, the lock tests). Production HiCOS cards are used through the issuer's
/// PKCS#11 module (``PKCS11Token``): their signing commands are not public. The signing
/// command here sends the message itself and lets the card hash it with SHA-256 — the
/// emulator's convention, not HiCOS's.
public struct CardPINToken: SigningToken {
    /// The VERIFY reference of the user PIN.
    public static let pinReference: UInt8 = 0x81

    /// The card's transport (a ``CardConnection`` or an in-memory card).
    public let card: any CardTransport

    /// A token over `card`.
    public init(card: any CardTransport) {
        self.card = card
    }

    /// VERIFY without a PIN: `9000` verified, `63Cx` x tries left, `6983` locked.
    public func pinStatus() async throws(CardError) -> PINStatus {
        let response = try await card.transmit(.verify(reference: Self.pinReference, pin: nil))
        switch response.status {
        case .success: return PINStatus()
        case .authenticationBlocked: return PINStatus(locked: true, remainingTries: 0)
        case .referenceDataNotUsable: return PINStatus(initialised: false)
        default:
            if let left = response.status.retriesLeft {
                return PINStatus(locked: left == 0, remainingTries: left, finalTry: left == 1, countLow: left < 3)
            }
            throw CardError(.unexpectedStatus, reader: card.readerName, statusWord: response.status, detail: "VERIFY (status)")
        }
    }

    /// VERIFY with the PIN, after checking the card is not locked.
    public func login(pin: PIN) async throws(CardError) {
        let before = try await pinStatus()
        guard !before.locked else { throw CardError(.pinLocked, reader: card.readerName, remainingTries: 0) }
        guard before.initialised else { throw CardError(.tokenNotActivated, reader: card.readerName) }
        let response = try await card.transmit(.verify(reference: Self.pinReference, pin: pin.bytes))
        switch response.status {
        case .success: return
        case .authenticationBlocked: throw CardError(.pinLocked, reader: card.readerName, statusWord: response.status, remainingTries: 0)
        case .wrongLength: throw CardError(.pinLength, reader: card.readerName, statusWord: response.status)
        default:
            if let left = response.status.retriesLeft {
                if left == 0 { throw CardError(.pinLocked, reader: card.readerName, statusWord: response.status, remainingTries: 0) }
                throw CardError(.pinIncorrect, reader: card.readerName, statusWord: response.status, remainingTries: left)
            }
            throw CardError(.unexpectedStatus, reader: card.readerName, statusWord: response.status, detail: "VERIFY")
        }
    }

    /// PERFORM SECURITY OPERATION: COMPUTE DIGITAL SIGNATURE over `message` (the card hashes it).
    public func sign(_ message: [UInt8], withKeyOf certificate: CardCertificate) async throws(CardError) -> [UInt8] {
        let command = CommandAPDU(cla: 0x00, ins: 0x2A, p1: 0x9E, p2: 0x9A, data: message, le: 256)
        let response = try await card.transmit(command)
        switch response.status {
        case .success: return response.data
        case .securityStatusNotSatisfied:
            throw CardError(.pinIncorrect, reader: card.readerName, statusWord: response.status, detail: "signing without a verified PIN")
        default:
            throw CardError(.unexpectedStatus, reader: card.readerName, statusWord: response.status, detail: "PSO COMPUTE DIGITAL SIGNATURE")
        }
    }

    /// Nothing to do: the card forgets the PIN when it is reset or removed.
    public func logout() async {}
}

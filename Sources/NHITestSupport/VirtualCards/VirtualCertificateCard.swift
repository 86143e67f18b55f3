import _CryptoExtras
import Crypto
import Foundation
import Synchronization
import NHICards

/// A virtual certificate card shaped like a Chunghwa Telecom HiCOS card (SPEC §12):
///
/// - card number in `3F00/0900/0903` (16 ASCII characters);
/// - certificates in `3F00/5030/08F2` at offsets 0x0000 (root CA), 0x0700 (issuing CA),
///   0x0E00 (user 1) and 0x1500 (user 2, signature);
/// - SELECT answers `61xx` (FCP available, fetched with GET RESPONSE) for elementary files;
/// - READ BINARY up to 256 bytes at a 15-bit offset;
/// - VERIFY (`00 20 00 81`): `63Cx` wrong with x tries left, `6983` locked, and VERIFY
///   without data reports the counter; the counter survives removal, a verified PIN does not;
/// - PERFORM SECURITY OPERATION (`00 2A 9E 9A`, data = message): RSA PKCS#1 v1.5 over
///   SHA-256 with the card's key, only after a verified PIN (`6982` otherwise).
///
/// The signing command and the exact status words are this emulator's conventions
/// (ISO 7816-4/-8); real HiCOS cards sign through the issuer's PKCS#11 module.
public final class VirtualCertificateCard: VirtualCard, Sendable {
    /// The MOICA citizen-certificate ATR (historical bytes `CHTMOICA`), from pcsc-tools.
    public static let defaultATR = ATR(hex: "3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5")!

    public let atr: ATR
    private let state: Mutex<Emulator>

    /// Creates a card.
    /// - Parameters:
    ///   - cardNumber: 16 ASCII characters, e.g. `TP03000001234567`.
    ///   - certificates: DER certificates by slot.
    ///   - key: the private key of the user certificate (signing needs it).
    ///   - pin: the user PIN.
    ///   - maxTries: tries before the PIN locks (3 on citizen cards).
    ///   - triesLeft: tries left now (default `maxTries`).
    ///   - atr: the ATR the card answers with (a HiCOS-like one by default).
    ///   - faults: failures to inject (none by default).
    public init(cardNumber: String, certificates: [CertificateSlot: [UInt8]], key: _RSA.Signing.PrivateKey?,
                pin: String, maxTries: Int = 3, triesLeft: Int? = nil, atr: ATR = VirtualCertificateCard.defaultATR,
                faults: VirtualCardFaults = VirtualCardFaults()) {
        self.atr = atr
        var store = [UInt8](repeating: 0xFF, count: 0x1C00)
        for (slot, der) in certificates {
            let end = min(slot.offset + der.count, store.count)
            store.replaceSubrange(slot.offset..<end, with: der.prefix(end - slot.offset))
        }
        state = Mutex(Emulator(cardNumber: Array(cardNumber.utf8.prefix(16)), store: store, pin: Array(pin.utf8),
                               maxTries: maxTries, key: key, triesLeft: triesLeft ?? maxTries, faults: faults))
    }

    /// How many times a PIN (VERIFY with data) reached the card.
    public var pinsReceived: Int { state.withLock { $0.pinPresentations } }
    /// PIN tries left.
    public var remainingTries: Int { state.withLock { $0.triesLeft } }

    /// Changes the faults from now on.
    public func setFaults(_ faults: VirtualCardFaults) { state.withLock { $0.faults = faults } }

    public func reset() {
        state.withLock {
            $0.verified = false
            $0.path = [0x3F00]
            $0.pendingResponse = []
        }
    }

    public func respond(to command: [UInt8]) -> VirtualCardReply {
        state.withLock { $0.respond(to: command) }
    }
}

/// The card's contents and its session state (the selected path, the PIN status), behind
/// the card's lock.
private struct Emulator {
    let cardNumber: [UInt8]
    let store: [UInt8]
    let pin: [UInt8]
    let maxTries: Int
    let key: _RSA.Signing.PrivateKey?
    var triesLeft: Int
    var verified = false
    var path: [UInt16] = [0x3F00]
    var pendingResponse: [UInt8] = []
    var pinPresentations = 0
    var faults: VirtualCardFaults

    init(cardNumber: [UInt8], store: [UInt8], pin: [UInt8], maxTries: Int, key: _RSA.Signing.PrivateKey?,
         triesLeft: Int, faults: VirtualCardFaults) {
        self.cardNumber = cardNumber
        self.store = store
        self.pin = pin
        self.maxTries = maxTries
        self.key = key
        self.triesLeft = triesLeft
        self.faults = faults
    }

    mutating func respond(to command: [UInt8]) -> VirtualCardReply {
        if let fault = faults.reply(to: command) { return fault }
        guard let apdu = CommandAPDU(bytes: command) else { return sw(0x6700) }
        switch apdu.ins {
        case 0xA4: return select(apdu)
        case 0xC0: return getResponse(apdu)
        case 0xB0: return readBinary(apdu)
        case 0x20: return verify(apdu)
        case 0x2A: return sign(apdu)
        default: return sw(0x6D00)
        }
    }

    private func sw(_ value: UInt16, _ data: [UInt8] = []) -> VirtualCardReply {
        .bytes(data + [UInt8(value >> 8), UInt8(value & 0xFF)])
    }

    private static let tree: [UInt16: [UInt16]] = [0x3F00: [0x0900, 0x5030], 0x0900: [0x0903], 0x5030: [0x08F2]]

    private func fileSize(_ fid: UInt16) -> Int? {
        switch fid {
        case 0x0903: cardNumber.count
        case 0x08F2: store.count
        default: nil
        }
    }

    private mutating func select(_ apdu: CommandAPDU) -> VirtualCardReply {
        guard apdu.p1 == 0x00, apdu.data.count == 2 else { return sw(0x6A86) }
        let fid = UInt16(apdu.data[0]) << 8 | UInt16(apdu.data[1])
        if fid == 0x3F00 {
            path = [0x3F00]
            return sw(0x9000)
        }
        // A child of the current DF, or of its parent (sibling).
        let candidates = [path.last, path.count > 1 ? path[path.count - 2] : nil].compactMap { $0 }
        guard let parent = candidates.first(where: { Self.tree[$0]?.contains(fid) == true }) else { return sw(0x6A82) }
        path = Array(path.prefix(through: path.lastIndex(of: parent)!)) + [fid]
        if let size = fileSize(fid) {
            // FCP template: file size and file identifier, announced with 61xx.
            pendingResponse = [0x62, 0x08, 0x80, 0x02, UInt8(size >> 8), UInt8(size & 0xFF), 0x83, 0x02, UInt8(fid >> 8), UInt8(fid & 0xFF)]
            return sw(0x6100 | UInt16(pendingResponse.count))
        }
        return sw(0x9000)
    }

    private mutating func getResponse(_ apdu: CommandAPDU) -> VirtualCardReply {
        guard !pendingResponse.isEmpty else { return sw(0x6985) }
        let wanted = apdu.le ?? pendingResponse.count
        guard wanted == pendingResponse.count else { return sw(0x6C00 | UInt16(pendingResponse.count)) }
        defer { pendingResponse = [] }
        return sw(0x9000, pendingResponse)
    }

    private func readBinary(_ apdu: CommandAPDU) -> VirtualCardReply {
        guard let current = path.last else { return sw(0x6986) }
        let file: [UInt8]
        switch current {
        case 0x0903: file = cardNumber
        case 0x08F2: file = store
        default: return sw(0x6986)
        }
        let offset = Int(apdu.p1 & 0x7F) << 8 | Int(apdu.p2)
        guard offset < file.count else { return sw(0x6B00) }
        let wanted = apdu.le ?? 256
        let end = min(file.count, offset + wanted)
        return sw(end - offset < wanted ? 0x6282 : 0x9000, Array(file[offset..<end]))
    }

    private mutating func verify(_ apdu: CommandAPDU) -> VirtualCardReply {
        if triesLeft == 0 { return sw(0x6983) }
        if apdu.data.isEmpty { return verified ? sw(0x9000) : sw(0x63C0 | UInt16(triesLeft)) }
        pinPresentations += 1
        guard (4...16).contains(apdu.data.count) else { return sw(0x6700) }
        if apdu.data == pin {
            triesLeft = maxTries
            verified = true
            return sw(0x9000)
        }
        triesLeft -= 1
        verified = false
        return triesLeft == 0 ? sw(0x6983) : sw(0x63C0 | UInt16(triesLeft))
    }

    private func sign(_ apdu: CommandAPDU) -> VirtualCardReply {
        guard apdu.p1 == 0x9E, apdu.p2 == 0x9A else { return sw(0x6A86) }
        guard verified else { return sw(0x6982) }
        guard let key, let signature = try? key.signature(for: apdu.data, padding: .insecurePKCS1v1_5) else { return sw(0x6985) }
        return sw(0x9000, Array(signature.rawRepresentation))
    }
}

import Foundation
import NHICards
import NHICore

/// A virtual NHI card (健保卡): answers the SELECT and the READ of SPEC §12 with a
/// 57-byte profile.
///
/// ```swift
/// let card = try VirtualNHICard(identity: NHICardIdentity(…))
/// let slot = VirtualCardSlot(.first)
/// try await slot.insert(card)
/// ```
public final class VirtualNHICard: VirtualCard, @unchecked Sendable {
    /// The first NHI-card ATR of SPEC §12.
    public static let defaultATR = ATR(hex: "3B FA 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 FC")!
    /// The second NHI-card ATR of SPEC §12.
    public static let alternativeATR = ATR(hex: "3B FD 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 79 7A 52 AA")!

    public let atr: ATR
    /// The 57-byte profile record.
    public let record: [UInt8]
    /// Whether the card answers the SELECT with `6D00` like cards issued from late 2025.
    public let answersSelectWith6D00: Bool

    private let lock = NSLock()
    private var faults: VirtualCardFaults
    private var selected = false
    private var commandCount = 0
    private var resetCount = 0

    /// A card holding `identity`. Throws when the name has no CP950 form or exceeds 20 bytes.
    public convenience init(identity: NHICardIdentity, atr: ATR = VirtualNHICard.defaultATR,
                            newCardSelect: Bool = false, faults: VirtualCardFaults = VirtualCardFaults()) throws {
        guard let record = identity.record else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "name \(identity.name) does not fit the card's 20-byte CP950 field"])
        }
        self.init(record: record, atr: atr, newCardSelect: newCardSelect, faults: faults)
    }

    /// A card returning exactly `record` (to test odd names: half characters, ETEN
    /// extensions, characters outside CP950).
    public init(record: [UInt8], atr: ATR = VirtualNHICard.defaultATR, newCardSelect: Bool = false,
                faults: VirtualCardFaults = VirtualCardFaults()) {
        self.record = record
        self.atr = atr
        self.answersSelectWith6D00 = newCardSelect
        self.faults = faults
    }

    /// Changes the faults from now on.
    public func setFaults(_ faults: VirtualCardFaults) {
        lock.withLock { self.faults = faults }
    }

    /// How many commands the card has received.
    public var commandsReceived: Int { lock.withLock { commandCount } }

    /// How many times the reader powered the card up or reset it.
    public var resets: Int { lock.withLock { resetCount } }

    public func reset() {
        lock.withLock {
            selected = false
            resetCount += 1
        }
    }

    public func respond(to command: [UInt8]) -> VirtualCardReply {
        lock.withLock {
            commandCount += 1
            if let fault = faults.reply(to: command) { return fault }
            guard let apdu = CommandAPDU(bytes: command) else { return .bytes([0x67, 0x00]) }
            switch (apdu.cla, apdu.ins) {
            case (0x00, 0xA4):
                guard apdu.data == NHICardReader.selectApplication.data else { return .bytes([0x6A, 0x82]) }
                selected = true
                return answersSelectWith6D00 ? .bytes([0x6D, 0x00]) : .bytes([0x90, 0x00])
            case (0x00, 0xCA) where apdu.p1 == 0x11 && apdu.p2 == 0x00:
                guard selected else { return .bytes([0x69, 0x86]) }
                return .bytes(record + [0x90, 0x00])
            case (0x00, _):
                return .bytes([0x6D, 0x00])
            default:
                return .bytes([0x6E, 0x00])
            }
        }
    }
}

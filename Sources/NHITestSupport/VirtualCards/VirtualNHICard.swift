import Foundation
import Synchronization
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
public final class VirtualNHICard: VirtualCard, Sendable {
    /// The first NHI-card ATR of SPEC §12.
    public static let defaultATR = ATR(hex: "3B FA 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 FC")!
    /// The second NHI-card ATR of SPEC §12.
    public static let alternativeATR = ATR(hex: "3B FD 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 79 7A 52 AA")!

    public let atr: ATR
    /// The 57-byte profile record.
    public let record: [UInt8]
    /// Whether the card answers the SELECT with `6D00` like cards issued from late 2025.
    public let answersSelectWith6D00: Bool

    /// The faults to inject and the session: whether the application is selected, counters.
    private struct Session {
        var faults: VirtualCardFaults
        var selected = false
        var commandCount = 0
        var resetCount = 0
    }
    private let session: Mutex<Session>

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
        self.session = Mutex(Session(faults: faults))
    }

    /// Changes the faults from now on.
    public func setFaults(_ faults: VirtualCardFaults) {
        session.withLock { $0.faults = faults }
    }

    /// How many commands the card has received.
    public var commandsReceived: Int { session.withLock { $0.commandCount } }

    /// How many times the reader powered the card up or reset it.
    public var resets: Int { session.withLock { $0.resetCount } }

    public func reset() {
        session.withLock {
            $0.selected = false
            $0.resetCount += 1
        }
    }

    public func respond(to command: [UInt8]) -> VirtualCardReply {
        session.withLock { session in
            session.commandCount += 1
            if let fault = session.faults.reply(to: command) { return fault }
            guard let apdu = CommandAPDU(bytes: command) else { return .bytes([0x67, 0x00]) }
            switch (apdu.cla, apdu.ins) {
            case (0x00, 0xA4):
                guard apdu.data == NHICardReader.selectApplication.data else { return .bytes([0x6A, 0x82]) }
                session.selected = true
                return answersSelectWith6D00 ? .bytes([0x6D, 0x00]) : .bytes([0x90, 0x00])
            case (0x00, 0xCA) where apdu.p1 == 0x11 && apdu.p2 == 0x00:
                guard session.selected else { return .bytes([0x69, 0x86]) }
                return .bytes(record + [0x90, 0x00])
            case (0x00, _):
                return .bytes([0x6D, 0x00])
            default:
                return .bytes([0x6E, 0x00])
            }
        }
    }
}

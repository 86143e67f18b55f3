import NHICards

/// What a virtual card does with one command.
public enum VirtualCardReply: Sendable, Hashable {
    /// Answer with these bytes (data + SW1 SW2; fewer than two bytes simulates a broken answer).
    case bytes([UInt8])
    /// The card is pulled out while it works on the command: the emulator drops the
    /// connection without answering.
    case pullCard
}

/// A card's behaviour, independent of how commands reach it: through vpcd and pcscd
/// (``VirtualCardSlot``) or directly (``InMemoryCardTransport``).
///
/// Implementations keep their volatile state (selected file, verified PIN) until
/// ``reset()``, which the emulator calls when the reader powers the card up or resets it.
public protocol VirtualCard: AnyObject, Sendable {
    /// The Answer-To-Reset.
    var atr: ATR { get }
    /// Power-up or reset: forget volatile state.
    func reset()
    /// Handles one command APDU.
    func respond(to command: [UInt8]) -> VirtualCardReply
}

/// Faults a virtual card can be told to produce, for tests of error paths.
public struct VirtualCardFaults: Sendable, Hashable {
    /// Drop the connection (the card "is pulled out") when a command with this INS arrives.
    public var pullOnInstruction: UInt8?
    /// Answer commands with this INS with a single byte.
    public var shortResponseOnInstruction: UInt8?
    /// Answer commands with this INS with only this status word.
    public var statusOverrides: [UInt8: StatusWord]

    /// No faults.
    public init(pullOnInstruction: UInt8? = nil, shortResponseOnInstruction: UInt8? = nil,
                statusOverrides: [UInt8: StatusWord] = [:]) {
        self.pullOnInstruction = pullOnInstruction
        self.shortResponseOnInstruction = shortResponseOnInstruction
        self.statusOverrides = statusOverrides
    }

    /// The reply a fault dictates for `command`, or `nil` to answer normally.
    func reply(to command: [UInt8]) -> VirtualCardReply? {
        guard command.count >= 2 else { return nil }
        let ins = command[1]
        if ins == pullOnInstruction { return .pullCard }
        if ins == shortResponseOnInstruction { return .bytes([0x90]) }
        if let status = statusOverrides[ins] { return .bytes([status.sw1, status.sw2]) }
        return nil
    }
}

/// A card that answers every command with one status word: an unknown card, or a card of
/// another application.
public final class VirtualOpaqueCard: VirtualCard, @unchecked Sendable {
    public let atr: ATR
    private let status: StatusWord

    /// Creates a card with this ATR that answers everything with `status` (default `6D00`).
    public init(atr: ATR, answering status: StatusWord = .instructionNotSupported) {
        self.atr = atr
        self.status = status
    }

    public func reset() {}

    public func respond(to command: [UInt8]) -> VirtualCardReply { .bytes([status.sw1, status.sw2]) }
}

/// A reader and what is in it, as pcscd reports it.
public struct ReaderStatus: Sendable, Hashable {
    /// What the reader holds.
    public enum Slot: Sendable, Hashable {
        /// No card.
        case empty
        /// A card that answered the reset with this ATR.
        case card(ATR)
        /// A card that does not answer (upside down, dirty chip, not a smart card).
        case mute
    }

    /// The reader's name (`Virtual PCD 00 00`, `ACS ACR39U ICC Reader 00 00`).
    public let name: String
    /// What the reader holds.
    public let slot: Slot
    /// Whether another program holds the card exclusively.
    public let exclusivelyInUse: Bool

    /// Creates a status.
    public init(name: String, slot: Slot, exclusivelyInUse: Bool = false) {
        self.name = name
        self.slot = slot
        self.exclusivelyInUse = exclusivelyInUse
    }

    /// The ATR when a responsive card is present.
    public var atr: ATR? { if case .card(let atr) = slot { atr } else { nil } }
}

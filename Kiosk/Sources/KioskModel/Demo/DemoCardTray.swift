import NHICore
import Observation

/// A card the demo can put in a reader: what its chip holds, and who the person is in the
/// sample.
public struct DemoCard: Sendable, Hashable, Identifiable {
    /// Which virtual card goes into the reader.
    public enum Kind: String, Sendable, Hashable {
        /// An NHI card (visitors; staff signing in with card + password).
        case nhiCard
        /// A citizen-certificate card for the holder (staff signing in with certificate + PIN).
        case certificate
    }

    /// The holder's profile (as an NHI card reader reads it; a certificate card's holder).
    public let card: VisitorCard
    /// What the tray calls them (`管理者` / `administrator`).
    public let role: String
    public let roleEn: String
    public let kind: Kind

    public init(card: VisitorCard, role: String, roleEn: String, kind: Kind = .nhiCard) {
        self.card = card
        self.role = role
        self.roleEn = roleEn
        self.kind = kind
    }

    public var id: String { kind.rawValue + ":" + card.cardNumber.rawValue }
}

/// **Demo only (NHITestSupport):** virtual cards put into, and taken out of, a virtual
/// reader. The kiosk then sees them exactly as it sees real cards: through PC/SC.
public protocol VirtualCardDeck: Sendable {
    /// The reader the cards go into (`Virtual PCD 00 00`).
    var readerName: String { get }
    /// Inserts `card`, replacing the card in the reader.
    func insert(_ card: DemoCard) async throws
    /// Takes the card out.
    func remove() async throws
}

/// Demo mode's tray of virtual cards (the staff's own cards for signing in, visitors' cards
/// for the visitor panel), with one reader.
@Observable
@MainActor
public final class DemoCardTray {
    public let cards: [DemoCard]
    /// The card in the reader now.
    public private(set) var inserted: DemoCard?
    public private(set) var status: FlowStatus<String> = .idle

    @ObservationIgnored private let deck: (any VirtualCardDeck)?

    public init(cards: [DemoCard], deck: (any VirtualCardDeck)?) {
        self.cards = cards
        self.deck = deck
    }

    /// Whether virtual cards are available (demo mode with the emulator).
    public var isAvailable: Bool { deck != nil && !cards.isEmpty }

    /// Puts `card` in the reader (taking out the one there).
    public func insert(_ card: DemoCard) async {
        guard let deck, !status.isWorking else { return }
        status = .working
        do {
            try await deck.insert(card)
            inserted = card
            status = .succeeded(card.card.name)
        } catch {
            status = .failed(PresentableError(error))
        }
    }

    /// Takes the card out.
    public func remove() async {
        guard let deck, !status.isWorking else { return }
        status = .working
        do {
            try await deck.remove()
            inserted = nil
            status = .idle
        } catch {
            status = .failed(PresentableError(error))
        }
    }
}

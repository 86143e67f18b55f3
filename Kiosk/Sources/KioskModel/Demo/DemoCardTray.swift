import NHICore
import Observation

/// A card the demo can put in a reader: what its chip holds, and who the holder is in the
/// sample — a person, or the sample unit (its organisation certificate).
public struct DemoCard: Sendable, Hashable, Identifiable {
    /// Which virtual card goes into the reader.
    public enum Kind: String, Sendable, Hashable {
        /// An NHI card (visitors; staff signing in with card + password).
        case nhiCard
        /// A citizen-certificate card for the holder (staff signing in with certificate + PIN).
        case certificate
        /// The unit's organisation-certificate card (工商憑證; the unit signing in by itself
        /// with certificate + PIN + its unit code).
        case organisationCertificate
    }

    /// An insured unit holding an organisation certificate.
    public struct Organisation: Sendable, Hashable {
        /// The unit's name (the certificate's holder).
        public let name: String
        /// 投保單位代號, typed at sign-in.
        public let unitCode: UnitCode
        /// 統一編號, in the certificate (.101).
        public let ubn: UBN
        /// The certificate card's number (16 characters).
        public let cardNumber: String

        /// An organisation-certificate holder.
        public init(name: String, unitCode: UnitCode, ubn: UBN, cardNumber: String) {
            self.name = name
            self.unitCode = unitCode
            self.ubn = ubn
            self.cardNumber = cardNumber
        }
    }

    /// Whose card it is.
    public enum Holder: Sendable, Hashable {
        /// A person: their profile (as an NHI card reader reads it; a certificate card's holder).
        case person(VisitorCard)
        /// An insured unit (organisation certificate).
        case organisation(Organisation)
    }

    /// Whose card it is.
    public let holder: Holder
    /// What the tray calls them (`管理者` / `administrator`).
    public let role: String
    /// The role in English.
    public let roleEn: String
    /// Which card.
    public let kind: Kind

    /// A person's NHI card or citizen-certificate card.
    public init(card: VisitorCard, role: String, roleEn: String, kind: Kind = .nhiCard) {
        precondition(kind != .organisationCertificate, "an organisation certificate belongs to a unit")
        holder = .person(card)
        self.role = role
        self.roleEn = roleEn
        self.kind = kind
    }

    /// A unit's organisation-certificate card.
    public init(organisation: Organisation, role: String, roleEn: String) {
        holder = .organisation(organisation)
        self.role = role
        self.roleEn = roleEn
        kind = .organisationCertificate
    }

    /// The person's profile (nil for an organisation certificate).
    public var card: VisitorCard? {
        if case .person(let card) = holder { card } else { nil }
    }

    /// The unit (nil for a person's card).
    public var organisation: Organisation? {
        if case .organisation(let organisation) = holder { organisation } else { nil }
    }

    /// The holder's name.
    public var name: String {
        switch holder {
        case .person(let card): card.name
        case .organisation(let organisation): organisation.name
        }
    }

    /// Unique in a deck: the kind and the card's number.
    public var id: String {
        switch holder {
        case .person(let card): kind.rawValue + ":" + card.cardNumber.rawValue
        case .organisation(let organisation): kind.rawValue + ":" + organisation.cardNumber
        }
    }
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
    /// Folded to one line, so the page above has the room (the cards stay in the reader).
    public private(set) var isCollapsed = false

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
            status = .succeeded(card.name)
        } catch {
            status = .failed(PresentableError(error))
        }
    }

    /// Folds the tray to one line, or opens it again.
    public func toggleCollapsed() { isCollapsed.toggle() }

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

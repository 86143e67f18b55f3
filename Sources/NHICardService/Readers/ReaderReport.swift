import NHICards

/// What a reader holds, as the card service reports it.
public enum ReaderState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No card.
    case empty
    /// An NHI card, read: its identity is in the report.
    case nhiCard = "nhi_card"
    /// A certificate card (citizen, healthcare-professional or organisation certificate), read.
    case certificateCard = "certificate_card"
    /// A card that is neither (a bank card, an old SIM …): 9057.
    case unsupportedCard = "unsupported_card"
    /// A card that does not answer: upside down, dirty contacts.
    case mute
    /// The card could not be read (pulled out during the read, a reader fault); the report's
    /// `card.error` says why.
    case error

    /// The state an inspection leaves a reader in.
    public init(_ inspection: CardInspection) {
        switch inspection.content {
        case .nhi: self = .nhiCard
        case .certificate: self = .certificateCard
        case nil:
            switch inspection.error?.code {
            case .cardAbsent?: self = .empty
            case .cardMute?: self = .mute
            case .cardUnknown?: self = .unsupportedCard
            default: self = .error
            }
        }
    }
}

/// One reader: its name, its state and, when a card was read (or failed to be), the
/// card in the JSON shape of `nhi card read --json` (`CardReport`, NHICards).
public struct ReaderReport: Sendable, Hashable, Codable {
    /// The reader's name as PC/SC gives it.
    public var name: String
    /// What it holds.
    public var state: ReaderState
    /// The card, for every state but ``ReaderState/empty`` and ``ReaderState/mute``.
    public var card: CardReport?

    /// A report.
    public init(name: String, state: ReaderState, card: CardReport? = nil) {
        self.name = name
        self.state = state
        self.card = card
    }
}

/// `GET /readers`: every reader, in the order PC/SC lists them, or ``Status/pcscUnavailable``
/// (and no readers) while pcscd is down — the service recovers by itself when it is back.
public struct ReadersSnapshot: Sendable, Hashable, Codable {
    /// Whether PC/SC can be reached.
    public enum Status: String, Sendable, Hashable, Codable {
        /// pcscd answers.
        case ok
        /// pcscd is not running or not reachable.
        case pcscUnavailable = "pcsc_unavailable"
    }

    /// Whether PC/SC can be reached.
    public var status: Status
    /// The readers.
    public var readers: [ReaderReport]

    /// A snapshot.
    public init(status: Status, readers: [ReaderReport]) {
        self.status = status
        self.readers = readers
    }
}

/// One event of `GET /events`, named as `nhi card watch --json` names them.
public struct CardServiceEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case readerAdded, readerRemoved, cardInserted, cardRemoved, cardMute, serviceUnavailable, serviceAvailable
    }

    /// What happened.
    public var event: Kind
    /// When the service saw it (ISO 8601, UTC, milliseconds).
    public var time: String
    /// The reader, for reader and card events.
    public var reader: String?
    /// The reader's state after the event.
    public var state: ReaderState?
    /// For ``Kind/cardInserted``: the card, read once for this insertion.
    public var card: CardReport?

    /// An event.
    public init(event: Kind, time: String, reader: String? = nil, state: ReaderState? = nil, card: CardReport? = nil) {
        self.event = event
        self.time = time
        self.reader = reader
        self.state = state
        self.card = card
    }
}

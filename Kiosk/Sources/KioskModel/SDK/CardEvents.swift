import NHICore

/// What the kiosk reads from a visitor's NHI card: the card's public profile (SPEC §12).
public struct VisitorCard: Sendable, Hashable {
    public let cardNumber: NHICardNumber
    public let name: String
    public let id: PersonalID
    public let birthDate: CalendarDate
    public let sex: Sex
    public let issueDate: CalendarDate

    public init(cardNumber: NHICardNumber, name: String, id: PersonalID, birthDate: CalendarDate,
                sex: Sex, issueDate: CalendarDate) {
        self.cardNumber = cardNumber
        self.name = name
        self.id = id
        self.birthDate = birthDate
        self.sex = sex
        self.issueDate = issueDate
    }
}

/// A change in a card reader, as the kiosk reacts to it.
public enum CardEvent: Sendable, Hashable {
    /// A card was inserted and its profile read.
    case inserted(reader: String, card: VisitorCard)
    /// A card was inserted but could not be read (wrong card, upside down, dirty contacts:
    /// 9056 / 9057 and their advice are in the error).
    case unreadable(reader: String, error: PresentableError)
    /// The card was taken out of `reader`.
    case removed(reader: String)
    /// The reader itself went away (unplugged).
    case readerLost(reader: String)

    /// The reader the event is about.
    public var reader: String {
        switch self {
        case .inserted(let reader, _), .unreadable(let reader, _), .removed(let reader), .readerLost(let reader): reader
        }
    }

    /// Whether a screen set to watch `configuredReader` should act on this event: every reader
    /// when none is configured (nil or empty), else only that one.
    public func concerns(configuredReader: String?) -> Bool {
        guard let configuredReader, !configuredReader.isEmpty else { return true }
        return reader == configuredReader
    }
}

/// **SDK contract (NHICards):** a stream of card events from the attached readers.
///
/// The stream starts with the cards already present (as `.inserted`) and then reports every
/// change; it ends when the source stops. Reading the profile happens before `.inserted` is
/// delivered, so the kiosk can show the identity at once.
public protocol CardEventSource: Sendable {
    /// A new stream of events; each call starts an independent subscription.
    func events() -> AsyncStream<CardEvent>
}

/// **SDK contract (NHICards):** the readers attached now, and their health (the doctor).
public protocol ReaderDirectory: Sendable {
    /// The PC/SC reader names, in the order PC/SC lists them.
    func readerNames() async throws -> [String]
    /// One check per line: service reachable, readers present, card state, ATR recognised.
    func diagnose() async -> [ReaderCheck]
}

/// One line of the reader diagnostics.
public struct ReaderCheck: Sendable, Hashable {
    /// Passed, worth a look, or failed.
    public enum Outcome: String, Sendable, Hashable, Codable { case ok, warning, failed }

    public let outcome: Outcome
    /// What was checked, in both languages (`PC/SC 服務` / `PC/SC service`).
    public let subject: String
    public let subjectEn: String
    /// What was found, in both languages.
    public let detail: String
    public let detailEn: String

    public init(outcome: Outcome, subject: String, subjectEn: String, detail: String, detailEn: String) {
        self.outcome = outcome
        self.subject = subject
        self.subjectEn = subjectEn
        self.detail = detail
        self.detailEn = detailEn
    }
}

import NHICore
import Observation

/// The visitor card panel: shows the identity the moment a card is read, and forgets it the
/// moment the card comes out.
@Observable
@MainActor
public final class VisitorPanelModel {
    /// What the panel shows.
    public enum State: Sendable, Hashable {
        /// No card: ask the visitor to insert theirs.
        case waiting
        /// A card is in `reader` and was read.
        case showing(VisitorCard, reader: String)
        /// The card was removed; its data is gone.
        case removed
        /// A card was inserted but could not be read.
        case unreadable(PresentableError, reader: String)
        /// The reader was unplugged.
        case readerLost(reader: String)
    }

    public private(set) var state: State = .waiting

    /// Only events from this reader count (nil: any reader). Staff sign in with their own
    /// card in the same reader on the sign-in screen; the shell does not forward those.
    public var readerName: String?

    public init(readerName: String? = nil) {
        self.readerName = readerName
    }

    /// The card shown now, if any.
    public var card: VisitorCard? {
        if case .showing(let card, _) = state { return card }
        return nil
    }

    /// Applies a reader event; returns whether the event was for this panel's reader.
    @discardableResult
    public func handle(_ event: CardEvent) -> Bool {
        guard event.concerns(configuredReader: readerName) else { return false }
        switch event {
        case .inserted(let reader, let card):
            state = .showing(card, reader: reader)
        case .unreadable(let reader, let error):
            state = .unreadable(error, reader: reader)
        case .removed(let reader):
            // Only the reader whose card is shown can wipe it (or the failed read).
            switch state {
            case .showing(_, let shownReader) where shownReader == reader: state = .removed
            case .unreadable(_, let shownReader) where shownReader == reader: state = .removed
            default: break
            }
        case .readerLost(let reader):
            state = .readerLost(reader: reader)
        }
        return true
    }

    /// Forgets everything about the visitor (lock, sign-out, idle).
    public func wipe() { state = .waiting }

    /// The identity as the screen shows it, in `language`: labelled rows, ID masked.
    public func identityRows(_ language: Language) -> [(label: String, value: String)] {
        guard let card else { return [] }
        func date(_ date: CalendarDate) -> String {
            let roc = date.rocSlashed
            return Text.cardDate(roc: roc, iso: date.iso).localized(language)
        }
        return [
            (Text.cardName.localized(language), card.name),
            (Text.cardID.localized(language), Masking.id(card.id.rawValue)),
            (Text.cardBirthDate.localized(language), date(card.birthDate)),
            (Text.cardSex.localized(language), Text.sex(card.sex).localized(language)),
            (Text.cardNumber.localized(language), Masking.cardNumber(card.cardNumber.rawValue)),
            (Text.cardIssued.localized(language), date(card.issueDate)),
        ]
    }
}

extension Masking {
    /// An NHI card number with its first eight digits hidden: `********1234`.
    static func cardNumber(_ number: String) -> String {
        String(repeating: "*", count: max(0, number.count - 4)) + number.suffix(4)
    }
}

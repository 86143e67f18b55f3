import Foundation
import KioskModel
import NHICards
import NHICore
import NHITestSupport

/// Demo mode's card deck: puts virtual NHI cards (NHITestSupport's emulator) into vpcd's
/// virtual reader, so the kiosk reads them through pcscd exactly as it reads real cards.
///
/// The emulator answers a power-up after the ISO 7816-3 default time (about 36 ms), as a
/// real card does.
public final class VirtualReaderDeck: VirtualCardDeck, @unchecked Sendable {
    private let slot: VirtualCardSlot
    /// Called with the card number just before a card goes into the reader (the latency
    /// report's start).
    private let onInsert: (@Sendable (String) -> Void)?

    public init(reader: VirtualReader = .first, onInsert: (@Sendable (String) -> Void)? = nil) {
        slot = VirtualCardSlot(reader, powerUp: .iso7816)
        self.onInsert = onInsert
    }

    public var readerName: String { slot.reader.name }

    public func insert(_ card: DemoCard) async throws {
        let virtual = try VirtualNHICard(identity: NHICardIdentity(card.card))
        // Like a person swapping cards: the old one out (and seen out) first.
        try await slot.remove()
        onInsert?(card.card.cardNumber.rawValue)
        slot.insertCard(virtual)
        try await slot.waitForPCSC { state in
            if case .card = state { return true }
            return false
        }
    }

    public func remove() async throws {
        try await slot.remove()
    }

    /// Takes the card out without waiting (the kiosk is closing).
    public func removeNow() {
        slot.removeCard()
    }
}

extension NHICardIdentity {
    /// What an NHI card holding this profile returns.
    init(_ card: VisitorCard) throws {
        try self.init(cardNumber: card.cardNumber, name: PersonName(card.name), id: card.id,
                      birthDate: ROCDate(card.birthDate), sex: card.sex, issueDate: ROCDate(card.issueDate))
    }
}

extension DemoCard {
    /// The demo's cards: the two staff members' (for signing in) and the sample's visitors'.
    public static func deck(_ sample: DemoData.Sample) -> [DemoCard] {
        ([sample.administrator, sample.operator] + sample.visitors).map { person in
            DemoCard(card: VisitorCard(cardNumber: person.cardNumber, name: person.name, id: person.id,
                                       birthDate: person.birthDate, sex: person.sex, issueDate: person.cardIssued),
                     role: person.role, roleEn: person.roleEn)
        }
    }
}

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

    /// The demo certificate card's PIN (printed in the README's demo instructions).
    public static let certificatePIN = "246810"
    /// The demo certificate card's number.
    static let certificateCardNumber = "TP03000000000001"

    public func insert(_ card: DemoCard) async throws {
        let virtual: any VirtualCard
        switch card.kind {
        case .nhiCard:
            virtual = try VirtualNHICard(identity: NHICardIdentity(card.card))
        case .certificate:
            virtual = try Self.certificateCard(holder: card.card)
        }
        // Like a person swapping cards: the old one out (and seen out) first.
        try await slot.remove()
        onInsert?(card.card.cardNumber.rawValue)
        slot.insertCard(virtual)
        try await slot.waitForPCSC { state in
            if case .card = state { return true }
            return false
        }
    }

    /// A HiCOS-like citizen-certificate card from the emulator for `holder`: a fresh key and
    /// a certificate from the test government CA carrying the holder's last 4 ID digits (.51);
    /// PIN ``certificatePIN``, 3 tries (`triesLeft` fewer, for tests).
    static func certificateCard(holder: VisitorCard, triesLeft: Int? = nil) throws -> VirtualCertificateCard {
        try CertificateCardProfile(cardNumber: certificateCardNumber, pin: certificatePIN, triesLeft: triesLeft,
                                   holder: holder.name, idLastFour: String(holder.id.rawValue.suffix(4))).makeCard()
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
    /// The demo's cards: the two staff members' (for signing in), the administrator's
    /// certificate card (certificate + PIN sign-in, PIN ``VirtualReaderDeck/certificatePIN``)
    /// and the sample's visitors'.
    public static func deck(_ sample: DemoData.Sample) -> [DemoCard] {
        func card(_ person: DemoData.Person, _ kind: Kind = .nhiCard) -> DemoCard {
            DemoCard(card: VisitorCard(cardNumber: person.cardNumber, name: person.name, id: person.id,
                                       birthDate: person.birthDate, sex: person.sex, issueDate: person.cardIssued),
                     role: person.role, roleEn: person.roleEn, kind: kind)
        }
        return [card(sample.administrator), card(sample.operator), card(sample.administrator, .certificate)]
            + sample.visitors.map { card($0) }
    }
}

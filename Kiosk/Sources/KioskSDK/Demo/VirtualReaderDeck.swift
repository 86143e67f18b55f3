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
    /// The demo organisation-certificate card's PIN (printed in the README's demo
    /// instructions and in Documentation/Kiosk.md).
    public static let organisationCertificatePIN = "135246"
    /// The demo organisation-certificate card's number.
    static let organisationCardNumber = "MC00000004595257"

    public func insert(_ card: DemoCard) async throws {
        let virtual: any VirtualCard
        let number: String
        switch card.holder {
        case .person(let person):
            virtual = card.kind == .certificate ? try Self.certificateCard(holder: person)
                                                : try VirtualNHICard(identity: NHICardIdentity(person))
            number = person.cardNumber.rawValue
        case .organisation(let organisation):
            virtual = try Self.organisationCertificateCard(organisation)
            number = organisation.cardNumber
        }
        // Like a person swapping cards: the old one out (and seen out) first.
        try await slot.remove()
        onInsert?(number)
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

    /// A MOEACA organisation-certificate card (工商憑證) from the emulator for `organisation`:
    /// a fresh key and a certificate from the test MOEACA carrying the unit's UBN (.101) and
    /// its name as the subject; PIN ``organisationCertificatePIN``, 3 tries (`triesLeft`
    /// fewer, for tests). The sample's registration matches it by the UBN.
    static func organisationCertificateCard(_ organisation: DemoCard.Organisation, triesLeft: Int? = nil) throws -> VirtualCertificateCard {
        try CertificateCardProfile(cardNumber: organisation.cardNumber, pin: organisationCertificatePIN, triesLeft: triesLeft,
                                   holder: organisation.name, authority: CertificateKind.moeaca.rawValue,
                                   ubn: organisation.ubn.rawValue).makeCard()
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
    /// certificate card (certificate + PIN sign-in, PIN ``VirtualReaderDeck/certificatePIN``),
    /// the unit's organisation-certificate card (certificate + PIN + unit code, PIN
    /// ``VirtualReaderDeck/organisationCertificatePIN``) and the sample's visitors'.
    public static func deck(_ sample: DemoData.Sample) -> [DemoCard] {
        func card(_ person: DemoData.Person, _ kind: Kind = .nhiCard) -> DemoCard {
            DemoCard(card: VisitorCard(cardNumber: person.cardNumber, name: person.name, id: person.id,
                                       birthDate: person.birthDate, sex: person.sex, issueDate: person.cardIssued),
                     role: person.role, roleEn: person.roleEn, kind: kind)
        }
        var deck = [card(sample.administrator), card(sample.operator), card(sample.administrator, .certificate)]
        if let ubn = DemoData.organisationCertificate.ubn {
            deck.append(DemoCard(organisation: .init(name: sample.unit.name, unitCode: sample.unit.code, ubn: ubn,
                                                     cardNumber: VirtualReaderDeck.organisationCardNumber),
                                 role: "單位憑證", roleEn: "organisation certificate"))
        }
        return deck + sample.visitors.map { card($0) }
    }
}

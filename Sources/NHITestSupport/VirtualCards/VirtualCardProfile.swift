import Foundation
import NHICards
import NHICore

/// A virtual card described as data: what `nhi-virtual-card --config FILE.json` reads, and
/// what the kiosk's demo mode uses.
///
/// ```json
/// {"kind": "nhi", "name": "王小明", "id": "A123456789", "birthDate": "0850504",
///  "sex": "M", "cardNumber": "000012345678", "issueDate": "1100101", "newCard": false}
/// ```
///
/// Dates may be ROC `yyyMMdd` or ISO `YYYY-MM-DD`. `kind` is `nhi`, `certificate`
/// (see ``CertificateCardProfile``) or `opaque` (an unknown card: `atr` and `status` only).
public struct VirtualCardProfile: Codable, Sendable, Hashable {
    /// `nhi`, `certificate` or `opaque`.
    public var kind: String
    /// The ATR as hex; defaults per kind.
    public var atr: String?
    // NHI card
    /// NHI card: the holder's name.
    public var name: String?
    /// NHI card: national ID or resident number.
    public var id: String?
    /// NHI card: birth date (ROC or ISO).
    public var birthDate: String?
    /// NHI card: `M` or `F` (default from the ID).
    public var sex: String?
    /// NHI card: the 12-digit card number.
    public var cardNumber: String?
    /// NHI card: the issue date (ROC or ISO).
    public var issueDate: String?
    /// Answer the SELECT with `6D00` like cards from late 2025.
    public var newCard: Bool?
    // Opaque card
    /// The status word an opaque card answers everything with (hex, default `6D00`).
    public var status: String?
    // Certificate card
    /// Certificate card: its description.
    public var certificate: CertificateCardProfile?

    /// Creates a profile; set the fields the kind needs.
    public init(kind: String, atr: String? = nil, name: String? = nil, id: String? = nil, birthDate: String? = nil,
                sex: String? = nil, cardNumber: String? = nil, issueDate: String? = nil, newCard: Bool? = nil,
                status: String? = nil, certificate: CertificateCardProfile? = nil) {
        self.kind = kind
        self.atr = atr
        self.name = name
        self.id = id
        self.birthDate = birthDate
        self.sex = sex
        self.cardNumber = cardNumber
        self.issueDate = issueDate
        self.newCard = newCard
        self.status = status
        self.certificate = certificate
    }

    /// Creates an NHI-card profile.
    public static func nhi(name: String, id: String, birthDate: String, sex: String? = nil,
                           cardNumber: String = "000012345678", issueDate: String = "1100101",
                           newCard: Bool = false, atr: String? = nil) -> VirtualCardProfile {
        VirtualCardProfile(kind: "nhi", atr: atr, name: name, id: id, birthDate: birthDate, sex: sex,
                           cardNumber: cardNumber, issueDate: issueDate, newCard: newCard)
    }

    /// Builds the card.
    public func makeCard() throws -> any VirtualCard {
        switch kind {
        case "nhi":
            return try VirtualNHICard(identity: nhiIdentity(), atr: try parsedATR(default: VirtualNHICard.defaultATR),
                                      newCardSelect: newCard ?? false)
        case "opaque":
            let word = UInt16(status ?? "6D00", radix: 16).map(StatusWord.init) ?? .instructionNotSupported
            return VirtualOpaqueCard(atr: try parsedATR(default: ATR(hex: "3B 02 14 50")!), answering: word)
        case "certificate":
            guard let certificate else { throw VirtualCardError("a certificate profile needs a \"certificate\" object") }
            return try certificate.makeCard(atr: parsedATR(default: VirtualCertificateCard.defaultATR))
        default:
            throw VirtualCardError("unknown card kind \"\(kind)\" (nhi, certificate, opaque)")
        }
    }

    /// The NHI identity this profile describes.
    public func nhiIdentity() throws -> NHICardIdentity {
        guard let name, let id, let birthDate else { throw VirtualCardError("an NHI card needs name, id and birthDate") }
        let personalID = try PersonalID(parsing: id)
        return NHICardIdentity(
            cardNumber: try NHICardNumber(parsing: cardNumber ?? "000012345678"),
            name: try PersonName(name),
            id: personalID,
            birthDate: try Self.date(birthDate),
            sex: try sex.map { guard let s = Sex(rawValue: $0) else { throw VirtualCardError("sex must be M or F") }; return s } ?? personalID.sex,
            issueDate: try Self.date(issueDate ?? "1100101"))
    }

    private func parsedATR(default fallback: ATR) throws -> ATR {
        guard let atr else { return fallback }
        guard let parsed = ATR(hex: atr) else { throw VirtualCardError("atr \"\(atr)\" is not hex") }
        return parsed
    }

    /// ROC `yyyMMdd` (and every other ROC form) or ISO `YYYY-MM-DD`.
    static func date(_ text: String) throws -> ROCDate {
        if text.count == 10, text.contains("-"), let iso = try? CalendarDate(iso: text) { return try ROCDate(iso) }
        return try ROCDate(parsing: text)
    }
}

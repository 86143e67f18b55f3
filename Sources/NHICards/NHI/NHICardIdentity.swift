import NHICore

/// The public profile of an NHI card (健保卡): what any reader can read without the NHI's
/// secure module (SPEC §12).
///
/// Built from the 57-byte record of the card's READ command:
///
/// | bytes | field |
/// |---|---|
/// | 0–11 | card number, 12 ASCII digits |
/// | 12–31 | name, CP950, NUL- or space-padded, up to 10 CJK characters, may end in half a character |
/// | 32–41 | national ID or resident number |
/// | 42–48 | birth date, ROC `yyyMMdd` |
/// | 49 | sex `M` / `F` |
/// | 50–56 | card issue date, ROC `yyyMMdd` |
public struct NHICardIdentity: Sendable, Hashable {
    /// The card number (健保卡號).
    public let cardNumber: NHICardNumber
    /// The holder's name as the card stores it.
    public let name: PersonName
    /// Whether the name field ended in half a character that was dropped (a name longer than
    /// the field).
    public let nameTruncated: Bool
    /// How many characters of the name were not CP950 and show as `＊`.
    public let nameReplacedCharacters: Int
    /// The holder's national ID or resident number.
    public let id: PersonalID
    /// The birth date.
    public let birthDate: ROCDate
    /// The sex printed on the card.
    public let sex: Sex
    /// The date the card was issued.
    public let issueDate: ROCDate

    /// The length of the profile record.
    public static let recordLength = 57

    /// Creates a profile from typed values (for emulators and tests).
    public init(cardNumber: NHICardNumber, name: PersonName, id: PersonalID, birthDate: ROCDate,
                sex: Sex, issueDate: ROCDate, nameTruncated: Bool = false, nameReplacedCharacters: Int = 0) {
        self.cardNumber = cardNumber
        self.name = name
        self.id = id
        self.birthDate = birthDate
        self.sex = sex
        self.issueDate = issueDate
        self.nameTruncated = nameTruncated
        self.nameReplacedCharacters = nameReplacedCharacters
    }

    /// Decodes the 57-byte record. Throws ``CardError/Code/nhiProfileMalformed`` naming the
    /// field that does not decode.
    public init(record: [UInt8]) throws(CardError) {
        guard record.count == Self.recordLength else {
            throw CardError(.nhiProfileMalformed, detail: "record is \(record.count) bytes, expected \(Self.recordLength)")
        }
        func ascii(_ range: Range<Int>, _ field: String) throws(CardError) -> String {
            let slice = record[range]
            guard slice.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                throw CardError(.nhiProfileMalformed, detail: "\(field): bytes \(range.lowerBound)–\(range.upperBound - 1) are not ASCII")
            }
            return String(decoding: slice, as: UTF8.self)
        }
        func rocDate(_ range: Range<Int>, _ field: String) throws(CardError) -> ROCDate {
            let text = try ascii(range, field)
            guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let date = try? ROCDate(year: Int(text.prefix(3))!, month: Int(text.dropFirst(3).prefix(2))!, day: Int(text.suffix(2))!) else {
                throw CardError(.nhiProfileMalformed, detail: "\(field): \"\(text)\" is not an ROC date yyyMMdd")
            }
            return date
        }

        let number = try ascii(0..<12, "cardNumber")
        do { cardNumber = try NHICardNumber(parsing: number) } catch {
            throw CardError(.nhiProfileMalformed, detail: "cardNumber: \(error.messageEn)")
        }

        let decodedName = Self.decodeName(record[12..<32])
        nameTruncated = decodedName.truncated
        nameReplacedCharacters = decodedName.replaced
        do { name = try PersonName(decodedName.text) } catch {
            throw CardError(.nhiProfileMalformed, detail: "name: \(error.messageEn)")
        }

        let idText = try ascii(32..<42, "id")
        do { id = try PersonalID(parsing: idText) } catch {
            throw CardError(.nhiProfileMalformed, detail: "id: \(error.messageEn)")
        }

        birthDate = try rocDate(42..<49, "birthDate")
        guard let sex = Sex(rawValue: try ascii(49..<50, "sex")) else {
            throw CardError(.nhiProfileMalformed, detail: "sex: byte 49 is neither M nor F")
        }
        self.sex = sex
        issueDate = try rocDate(50..<57, "issueDate")
    }

    /// Decodes the name field: cut at the first NUL, trim trailing spaces, drop a dangling
    /// lead byte, then CP950 (full-width spaces used as padding are trimmed too).
    static func decodeName(_ field: ArraySlice<UInt8>) -> (text: String, truncated: Bool, replaced: Int) {
        var bytes = field.prefix { $0 != 0x00 }
        while let last = bytes.last, last == 0x20 { bytes = bytes.dropLast() }
        let whole = CP950.wholeCharacters(bytes)
        let decoded = CP950.decode(Array(whole.bytes))
        var text = decoded.text
        while text.hasSuffix("　") || text.hasSuffix(" ") { text.removeLast() }
        return (text, whole.droppedHalf, decoded.replacedCharacters)
    }

    /// The 57-byte record for this profile (what an NHI card returns). Returns `nil` when
    /// the name has no CP950 form or does not fit in 20 bytes.
    public var record: [UInt8]? {
        guard let nameBytes = CP950.encode(name.value), nameBytes.count <= 20 else { return nil }
        return Self.record(cardNumber: cardNumber.rawValue, nameBytes: nameBytes, id: id.rawValue,
                           birthDate: birthDate, sex: sex, issueDate: issueDate)
    }

    /// Assembles a record from raw parts; the name bytes are NUL-padded to 20 bytes.
    public static func record(cardNumber: String, nameBytes: [UInt8], id: String, birthDate: ROCDate,
                              sex: Sex, issueDate: ROCDate) -> [UInt8] {
        var out = Array(cardNumber.utf8.prefix(12))
        out += nameBytes.prefix(20) + [UInt8](repeating: 0, count: max(0, 20 - nameBytes.count))
        out += Array(id.utf8.prefix(10))
        out += Array(birthDate.formatted(.compact).utf8)
        out += Array(sex.rawValue.utf8)
        out += Array(issueDate.formatted(.compact).utf8)
        return out
    }
}

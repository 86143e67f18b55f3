/// A resident certificate number (居留證統一證號) of a foreign national, a national without
/// household registration, or a resident from Hong Kong, Macao or the mainland.
///
/// Two forms exist (SPEC §11):
/// - **new** (from 2021-01-02) `^[A-Z][89]\d{8}$`: 8 male, 9 female; the third character
///   is the ``Category``; the national-ID checksum.
/// - **old** `^[A-Z][A-D]\d{8}$`: the second letter's units digit takes the weight-8
///   position; A/C male, B/D female; A/B Taiwan area, C/D mainland, Hong Kong or Macao.
///   Old numbers stay valid until 2030-12-31 and still appear in data.
public struct ResidentID: NHIIdentifier {
    /// The form of a resident number.
    public enum Form: String, Sendable, Hashable, Codable {
        /// The new form (新式統一證號, from 2021-01-02): a letter, 8 or 9, then 8 digits.
        case new
        /// The old form (舊式統一證號, valid until 2030-12-31): two letters, then 8 digits.
        case old
    }

    /// Who holds a resident number.
    public enum Category: String, Sendable, Hashable, Codable {
        /// Foreign national or stateless person (new form, third digit 0–6).
        case foreign
        /// National without household registration (new form, third digit 7).
        case nationalWithoutHouseholdRegistration
        /// Resident from Hong Kong or Macao (new form, third digit 8).
        case hongKongMacao
        /// Resident from the mainland (new form, third digit 9).
        case mainland
        /// Old form, second letter A or B: issued in the Taiwan area (foreigners and others).
        case taiwanAreaOld
        /// Old form, second letter C or D: mainland, Hong Kong or Macao.
        case mainlandHongKongMacaoOld

        /// The category in Traditional Chinese (`外國人或無國籍人士`, `大陸地區人民` …).
        public var label: String {
            switch self {
            case .foreign: "外國人或無國籍人士"
            case .nationalWithoutHouseholdRegistration: "無戶籍國民"
            case .hongKongMacao: "香港或澳門居民"
            case .mainland: "大陸地區人民"
            case .taiwanAreaOld: "臺灣地區居留（舊式）"
            case .mainlandHongKongMacaoOld: "大陸、港澳地區（舊式）"
            }
        }
    }

    /// The 10 characters, canonical.
    public let rawValue: String

    /// Parses a resident number of either form.
    public init(parsing input: String) throws(ValidationError) {
        let bytes = Array(input.utf8)
        if let code = Self.check(bytes) {
            throw ValidationError.make(code, .residentID, input: Masking.id(input))
        }
        self.rawValue = input
    }

    static func check(_ b: [UInt8]) -> ValidationError.Code? {
        guard b.count == 10 else { return .residentIDLength }
        guard IDChecksum.isUpper(b[0]) else { return .residentIDFormat }
        let newForm = b[1] == 0x38 || b[1] == 0x39
        let oldForm = b[1] >= 0x41 && b[1] <= 0x44
        guard newForm || oldForm else { return .residentIDFormat }
        for k in 2..<10 where !IDChecksum.isDigit(b[k]) { return .residentIDFormat }
        return IDChecksum.isValid(b) ? nil : .residentIDChecksum
    }

    private var bytes: [UInt8] { Array(rawValue.utf8) }

    /// New or old form.
    public var form: Form { IDChecksum.isDigit(bytes[1]) ? .new : .old }

    /// The holder's sex.
    public var sex: Sex {
        switch bytes[1] {
        case 0x38, 0x41, 0x43: .male
        default: .female
        }
    }

    /// Who holds the number.
    public var category: Category {
        let b = bytes
        switch form {
        case .new:
            switch b[2] {
            case 0x37: return .nationalWithoutHouseholdRegistration
            case 0x38: return .hongKongMacao
            case 0x39: return .mainland
            default: return .foreign
            }
        case .old:
            return b[1] <= 0x42 ? .taiwanAreaOld : .mainlandHongKongMacaoOld
        }
    }

    /// The region of the first letter.
    public var region: IssuingRegion { IssuingRegion(letter: bytes[0])! }

    /// `A80000****`.
    public var masked: String { Masking.id(rawValue) }
    /// The masked form (`A80000****`), so that printing or logging an ID never shows it whole.
    public var description: String { masked }


}

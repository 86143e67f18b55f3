/// The ID of an insured person: a ``NationalID`` or a ``ResidentID``.
///
/// ``init(parsing:)`` detects which of them a string is, so files and forms that accept
/// "身分證號或居留證號" need only this one entry point.
public enum PersonalID: NHIIdentifier {
    /// A national ID (身分證字號) of a citizen with household registration.
    case national(NationalID)
    /// A resident certificate number (居留證統一證號), new or old form.
    case resident(ResidentID)

    /// Parses either kind; the error explains the rule of the kind the input looks like.
    public init(parsing input: String) throws(ValidationError) {
        var text = input
        let (count, first, second) = text.withUTF8 { b in (b.count, b.first ?? 0, b.count > 1 ? b[1] : 0) }
        if count == 10, IDChecksum.isUpper(first) {
            switch second {
            case 0x31, 0x32: self = .national(try NationalID(parsing: input)); return
            case 0x38, 0x39, 0x41...0x44: self = .resident(try ResidentID(parsing: input)); return
            default: break
            }
        }
        if count == 0 { throw ValidationError.make(.nationalIDEmpty, .personalID, input: "") }
        throw ValidationError.make(.personalIDFormat, .personalID, input: Masking.id(input))
    }

    /// The canonical 10 characters.
    public var rawValue: String {
        switch self {
        case .national(let id): id.rawValue
        case .resident(let id): id.rawValue
        }
    }

    /// The holder's sex.
    public var sex: Sex {
        switch self {
        case .national(let id): id.sex
        case .resident(let id): id.sex
        }
    }

    /// Whether this is a resident number (a foreign national or similar).
    public var isResident: Bool { if case .resident = self { true } else { false } }

    /// `A12345****`.
    public var masked: String { Masking.id(rawValue) }
    /// The masked form (`A12345****`), so that printing or logging an ID never shows it whole.
    public var description: String { masked }


}

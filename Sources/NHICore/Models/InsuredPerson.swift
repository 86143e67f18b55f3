/// Who an insured person is in a filing: 本人 (the insured), 眷屬 (a dependant) or
/// 外籍人士 (a foreign national, identified by a resident number).
public enum InsuredRole: Hashable, Sendable, Codable {
    /// 本人: the insured employee or employer.
    case insured
    /// 眷屬: a dependant of the insured person `of`.
    case dependant(of: PersonalID, relation: DependantRelation)
    /// 外籍人士: a foreign national insured in their own right.
    case foreignNational

    /// `本人`, `眷屬`, `外籍人士`.
    public var label: String {
        switch self {
        case .insured: "本人"
        case .dependant: "眷屬"
        case .foreignNational: "外籍人士"
        }
    }
}

/// An insured person (保險對象) with the facts every filing needs.
public struct InsuredPerson: Hashable, Sendable, Codable {
    /// The national ID or resident number (a foreign national always has a resident number).
    public let id: PersonalID
    /// The name as the NHI records it (`＊` for a character missing from the font).
    public let name: PersonName
    /// The birth date (Gregorian; shown to people as an ROC date).
    public let birthDate: CalendarDate
    /// 本人, 眷屬 (with the insured and the relation) or 外籍人士.
    public let role: InsuredRole
    /// Whether the person is indigenous (原住民), a field of the enrolment form.
    public let indigenous: Bool

    /// Creates a person; a foreign national must have a resident number.
    public init(id: PersonalID, name: PersonName, birthDate: CalendarDate, role: InsuredRole, indigenous: Bool = false) throws(ValidationError) {
        if case .foreignNational = role, !id.isResident {
            throw ValidationError.make(.personForeignNeedsResidentID, .personalID, input: id.masked)
        }
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.role = role
        self.indigenous = indigenous
    }

    /// The person's sex, from the ID.
    public var sex: Sex { id.sex }

    /// The insured person this one depends on, if a dependant.
    public var principal: PersonalID? {
        if case .dependant(let of, _) = role { of } else { nil }
    }
}

import NHICore

/// A person's basic data as the service keeps it.
public struct Person: Sendable, Hashable, Codable {
    /// The national ID or resident number, the person's key.
    public let id: PersonalID
    /// The name as the NHI records it.
    public var name: PersonName
    /// The birth date.
    public var birthDate: CalendarDate
    /// Whether the person is indigenous (原住民).
    public var indigenous: Bool

    /// Creates a person's basic data.
    public init(id: PersonalID, name: PersonName, birthDate: CalendarDate, indigenous: Bool = false) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.indigenous = indigenous
    }

    /// The sex, read from the ID's second character (`1`/`2` in a national ID, `8`/`9` or A–D in a resident number).
    public var sex: Sex { id.sex }
}

/// The status of a coverage while it is in force.
public enum CoverageStatus: String, Sendable, Hashable, Codable {
    /// 在保: insured and paying.
    case active
    /// 停保.
    case suspended
    /// 育嬰留職停薪.
    case parentalLeave

    /// 在保, 停保, 育嬰留職停薪.
    public var label: String {
        switch self {
        case .active: "在保"
        case .suspended: "停保"
        case .parentalLeave: "育嬰留職停薪"
        }
    }
}

/// One period of a person's insurance with a unit (the result of converted filings).
///
/// A person's coverage is a dated history: each period has its own status, insured amount
/// and category, from ``startDate`` up to (not including) ``endDate``. A filing that changes
/// any of them from a day on splits the period in force that day, so a query about a day or
/// a month reads the period in force then. Periods that follow each other without a gap form
/// one enrolment, which began on ``enrolledOn`` (the 加保日 shown on rosters and proofs).
public struct Coverage: Sendable, Hashable, Codable, Identifiable {
    /// The coverage period's number in the store.
    public let id: Int64
    /// The insured unit (投保單位代號) the person is insured with.
    public let unitCode: UnitCode
    /// The insured person's or dependant's national ID or resident number.
    public let personID: PersonalID
    /// For a dependant: the insured person they depend on.
    public let principalID: PersonalID?
    /// For a dependant: how they are related to the insured person (稱謂).
    public let relation: DependantRelation?
    /// The insured category (身分別) during the period.
    public var category: InsuredCategory
    /// The insured amount (for a dependant: the principal's, for display).
    public var insuredAmount: Money
    /// The first day of the period.
    public let startDate: CalendarDate
    /// The first day no longer covered; nil while in force.
    public var endDate: CalendarDate?
    /// 在保, 停保 or 育嬰留職停薪 during the period.
    public var status: CoverageStatus
    /// Whether the person was enrolled as a foreign national (外籍人士).
    public var foreignNational: Bool
    /// The first day of the enrolment this period belongs to (加保日); the period's own
    /// ``startDate`` when it is the enrolment's first.
    public let enrolledOn: CalendarDate

    /// Creates a coverage period; `enrolledOn` defaults to `startDate`, the first period of an enrolment.
    public init(id: Int64, unitCode: UnitCode, personID: PersonalID, principalID: PersonalID?, relation: DependantRelation?,
                category: InsuredCategory, insuredAmount: Money, startDate: CalendarDate, endDate: CalendarDate?,
                status: CoverageStatus, foreignNational: Bool, enrolledOn: CalendarDate? = nil) {
        self.id = id
        self.unitCode = unitCode
        self.personID = personID
        self.principalID = principalID
        self.relation = relation
        self.category = category
        self.insuredAmount = insuredAmount
        self.startDate = startDate
        self.endDate = endDate
        self.status = status
        self.foreignNational = foreignNational
        self.enrolledOn = enrolledOn ?? startDate
    }

    /// Whether this is a dependant's coverage.
    public var isDependant: Bool { principalID != nil }

    /// Whether the coverage is in force on `date`.
    public func isInForce(on date: CalendarDate) -> Bool {
        startDate <= date && (endDate.map { date < $0 } ?? true)
    }
}

/// One line of a unit's in-force roster (投保單位在保保險對象名冊): coverage with the
/// person's name.
public struct RosterLine: Sendable, Hashable, Codable {
    /// The insured person's or dependant's national ID or resident number.
    public let personID: PersonalID
    /// The name as recorded (empty when the store has none).
    public let name: String
    /// The birth date, when recorded.
    public let birthDate: CalendarDate?
    /// For a dependant: the insured person they depend on.
    public let principalID: PersonalID?
    /// For a dependant: the relation to the insured person (稱謂).
    public let relation: DependantRelation?
    /// The insured category (身分別).
    public let category: InsuredCategory
    /// The insured amount (投保金額) in NT$ (for a dependant, the principal's).
    public let insuredAmount: Money
    /// The first day of the enrolment (加保日), as rosters show it.
    public let startDate: CalendarDate
    /// 在保, 停保 or 育嬰留職停薪 on the roster's date.
    public let status: CoverageStatus

    /// Creates a roster line from its parts, as the store reads it.
    public init(personID: PersonalID, name: String, birthDate: CalendarDate?, principalID: PersonalID?, relation: DependantRelation?,
                category: InsuredCategory, insuredAmount: Money, startDate: CalendarDate, status: CoverageStatus) {
        self.personID = personID
        self.name = name
        self.birthDate = birthDate
        self.principalID = principalID
        self.relation = relation
        self.category = category
        self.insuredAmount = insuredAmount
        self.startDate = startDate
        self.status = status
    }

    /// Whether the line is a dependant's (眷屬).
    public var isDependant: Bool { principalID != nil }
}

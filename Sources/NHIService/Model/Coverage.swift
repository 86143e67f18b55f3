import NHICore

/// A person's basic data as the service keeps it.
public struct Person: Sendable, Hashable, Codable {
    public let id: PersonalID
    public var name: PersonName
    public var birthDate: CalendarDate
    public var indigenous: Bool

    public init(id: PersonalID, name: PersonName, birthDate: CalendarDate, indigenous: Bool = false) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.indigenous = indigenous
    }

    public var sex: Sex { id.sex }
}

/// The status of a coverage while it is in force.
public enum CoverageStatus: String, Sendable, Hashable, Codable {
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
    public let id: Int64
    public let unitCode: UnitCode
    public let personID: PersonalID
    /// For a dependant: the insured person they depend on.
    public let principalID: PersonalID?
    public let relation: DependantRelation?
    public var category: InsuredCategory
    /// The insured amount (for a dependant: the principal's, for display).
    public var insuredAmount: Money
    public let startDate: CalendarDate
    /// The first day no longer covered; nil while in force.
    public var endDate: CalendarDate?
    public var status: CoverageStatus
    public var foreignNational: Bool
    /// The first day of the enrolment this period belongs to (加保日); the period's own
    /// ``startDate`` when it is the enrolment's first.
    public let enrolledOn: CalendarDate

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
    public let personID: PersonalID
    public let name: String
    public let birthDate: CalendarDate?
    public let principalID: PersonalID?
    public let relation: DependantRelation?
    public let category: InsuredCategory
    public let insuredAmount: Money
    public let startDate: CalendarDate
    public let status: CoverageStatus

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

    public var isDependant: Bool { principalID != nil }
}

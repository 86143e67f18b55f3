import NHICore

/// `{"worker", "unit", "government"}` in integer NT$.
extension PremiumSplit: Codable {
    enum CodingKeys: String, CodingKey { case worker, unit, government }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(worker, forKey: .worker)
        try container.encode(unit, forKey: .unit)
        try container.encode(government, forKey: .government)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(worker: try container.decode(Money.self, forKey: .worker),
                  unit: try container.decode(Money.self, forKey: .unit),
                  government: try container.decode(Money.self, forKey: .government))
    }
}

/// `{"insuredSalary", "grade", "partTime", "days", "effectiveFrom", "ordinaryRate",
/// "employmentRate", "ordinary", "employment", "worker", "unit", "government"}` —
/// `nhi labour-premium --json` without its `accident` and `pension` members (which are
/// ``AccidentPremium`` and ``PensionContribution``). Encodable only: it carries its
/// ``GradeTable``, named here by `effectiveFrom`.
extension LabourPremium: Encodable {
    enum CodingKeys: String, CodingKey {
        case insuredSalary, grade, partTime, days, effectiveFrom, ordinaryRate, employmentRate, ordinary, employment
        case worker, unit, government
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(insuredSalary, forKey: .insuredSalary)
        try container.encode(grade.number, forKey: .grade)
        try container.encode(isPartTimeGrade, forKey: .partTime)
        try container.encode(days, forKey: .days)
        try container.encode(table.effectiveFrom, forKey: .effectiveFrom)
        try container.encode(ordinaryRate.percentString, forKey: .ordinaryRate)
        try container.encode(employmentRate.percentString, forKey: .employmentRate)
        try container.encode(ordinary, forKey: .ordinary)
        try container.encode(employment, forKey: .employment)
        let combined = combined
        try container.encode(combined.worker, forKey: .worker)
        try container.encode(combined.unit, forKey: .unit)
        try container.encode(combined.government, forKey: .government)
    }
}

/// `{"insuredSalary", "industryRate", "commutingRate", "rate", "employer"}` — the
/// `accident` member of `nhi labour-premium --json`. Encodable only.
extension AccidentPremium: Encodable {
    enum CodingKeys: String, CodingKey {
        case insuredSalary, industryRate, commutingRate, rate, employer
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(insuredSalary, forKey: .insuredSalary)
        try container.encode(industryRate.percentString, forKey: .industryRate)
        try container.encode(commutingRate.percentString, forKey: .commutingRate)
        try container.encode(rate.percentString, forKey: .rate)
        try container.encode(employer, forKey: .employer)
    }
}

/// `{"wage", "employerRate", "voluntaryRate", "employer", "voluntary"}` — the `pension`
/// member of `nhi labour-premium --json`. Encodable only.
extension PensionContribution: Encodable {
    enum CodingKeys: String, CodingKey {
        case wage, employerRate, voluntaryRate, employer, voluntary
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(wage, forKey: .wage)
        try container.encode(employerRate.percentString, forKey: .employerRate)
        try container.encode(voluntaryRate.percentString, forKey: .voluntaryRate)
        try container.encode(employer, forKey: .employer)
        try container.encode(voluntary, forKey: .voluntary)
    }
}

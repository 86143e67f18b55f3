import NHICore

/// `{"worker", "unit", "government"}` in integer NT$.
extension PremiumSplit: Codable {
    enum CodingKeys: String, CodingKey { case worker, unit, government }

    /// Writes the worker, unit and government shares in integer NT$.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(worker, forKey: .worker)
        try container.encode(unit, forKey: .unit)
        try container.encode(government, forKey: .government)
    }

    /// Reads the three shares in integer NT$ written by ``encode(to:)``.
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

    /// Writes the keys of `nhi labour-premium --json` (without `accident` and `pension`); the table appears as its
    /// `effectiveFrom` date, the rates as percentage strings, and `worker`/`unit`/`government` are the two parts added up.
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

    /// Writes the `accident` member of `nhi labour-premium --json`: the insured salary, the rates as percentage strings
    /// and the employer's premium in NT$.
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

    /// Writes the `pension` member of `nhi labour-premium --json`: the wage, the two rates as percentage strings and the
    /// two monthly contributions in NT$.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(wage, forKey: .wage)
        try container.encode(employerRate.percentString, forKey: .employerRate)
        try container.encode(voluntaryRate.percentString, forKey: .voluntaryRate)
        try container.encode(employer, forKey: .employer)
        try container.encode(voluntary, forKey: .voluntary)
    }
}

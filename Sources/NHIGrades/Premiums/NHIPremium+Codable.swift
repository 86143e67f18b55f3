import NHICore

/// `{"insuredAmount", "grade", "perHead", "insured", "unit", "government", "rate",
/// "averageDependants", "category", "dependants", "chargedDependants", "total", "date",
/// "effectiveFrom", "shares", "perPerson"}` — exactly `nhi premium --json`, in that order.
/// Money is integer NT$, rates exact decimal strings (`"5.17%"`, `"0.56"`).
///
/// Encodable only: a premium carries the whole ``GradeTable`` it came from, which the JSON
/// names by its `effectiveFrom` date; compute it again from ``PremiumCalculator`` instead of
/// decoding it.
extension NHIPremium: Encodable {
    enum CodingKeys: String, CodingKey {
        case insuredAmount, grade, perHead, insured, unit, government, rate, averageDependants, category
        case dependants, chargedDependants, total, date, effectiveFrom, shares, perPerson
    }

    /// Writes the keys of `nhi premium --json` in their order; the grade table appears as its `effectiveFrom` date.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(insuredAmount, forKey: .insuredAmount)
        try container.encode(grade.number, forKey: .grade)
        try container.encode(perHead, forKey: .perHead)
        try container.encode(insured, forKey: .insured)
        try container.encode(unit, forKey: .unit)
        try container.encode(government, forKey: .government)
        try container.encode(rate.percentString, forKey: .rate)
        try container.encode(averageDependants.decimalString, forKey: .averageDependants)
        try container.encode(category, forKey: .category)
        try container.encode(dependants, forKey: .dependants)
        try container.encode(chargedDependants, forKey: .chargedDependants)
        try container.encode(total, forKey: .total)
        try container.encode(date, forKey: .date)
        try container.encode(table.effectiveFrom, forKey: .effectiveFrom)
        try container.encode(shares, forKey: .shares)
        try container.encode(perPerson, forKey: .perPerson)
    }
}

/// `{"person", "personEn", "amount", "charged"}`.
extension NHIPremium.PersonCharge: Codable {
    enum CodingKeys: String, CodingKey { case person, personEn, amount, charged, index }

    /// Writes the person's label (`本人`, `眷屬1` …) in both languages, the amount in NT$ and whether the person is
    /// charged (the insured and at most three dependants).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .person)
        try container.encode(labelEn, forKey: .personEn)
        try container.encode(amount, forKey: .amount)
        try container.encode(isCharged, forKey: .charged)
    }

    /// Rebuilds the charge from its `person` label (`本人` is index 0, `眷屬n` index n) and its `amount`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let label = try container.decode(String.self, forKey: .person)
        self.init(index: label == "本人" ? 0 : Int(label.dropFirst(2)) ?? 0,
                  amount: try container.decode(Money.self, forKey: .amount))
    }
}

/// `{"table", "effectiveFrom", "grade", "insuredAmount", "lower", "upper", "partTime",
/// "previous", "next", "gradeCount", "instrument"}` — exactly `nhi grade --json`.
/// Encodable only, like ``NHIPremium``.
extension GradeLookup: Encodable {
    enum CodingKeys: String, CodingKey {
        case table, effectiveFrom, grade, insuredAmount, lower, upper, partTime, previous, next, gradeCount, instrument
    }

    /// Writes the keys of `nhi grade --json` in their order; the table appears as its kind and `effectiveFrom` date.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table.kind, forKey: .table)
        try container.encode(table.effectiveFrom, forKey: .effectiveFrom)
        try container.encode(grade.number, forKey: .grade)
        try container.encode(insuredAmount, forKey: .insuredAmount)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(isPartTime, forKey: .partTime)
        try container.encode(previous?.amount, forKey: .previous)
        try container.encode(next?.amount, forKey: .next)
        try container.encode(table.grades.count, forKey: .gradeCount)
        try container.encode(table.provenance.instrument.citation, forKey: .instrument)
    }
}

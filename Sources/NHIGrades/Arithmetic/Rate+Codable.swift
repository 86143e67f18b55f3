import NHICore

/// A rate is a JSON string: `"5.17%"` (the `nhi` CLI's form) when its percentage has a
/// finite decimal form, else the exact fraction `"1/3"`. Decoding accepts these and a plain
/// decimal (`"0.56"`).
extension Rate: Codable {
    /// Writes the rate as a percentage string (`"5.17%"`), or as the exact fraction (`"1/3"`) when the percentage has
    /// no finite decimal form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let percent = percentString
        try container.encode(percent.contains("…") ? "\(numerator)/\(denominator)" : percent)
    }

    /// Reads `"n/d"`, a percentage (`"5.17%"`) or a plain decimal (`"0.56"`); throws the `rate.format`
    /// ``GradeError`` for text that is none of these.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: "/")
        // Negative parts are refused here: `init(_:over:)` requires a non-negative fraction.
        if parts.count == 2, let n = Int64(parts[0]), let d = Int64(parts[1]), n >= 0, d > 0 {
            self.init(n, over: d)
        } else if text.hasSuffix("%") {
            self = try Rate(percent: text)
        } else {
            self = try Rate(decimal: text)
        }
    }
}

/// `{"insured", "unit", "government"}`, each a ``Rate`` string (`"30%"`).
extension ContributionShares: Codable {
    enum CodingKeys: String, CodingKey { case insured, unit, government }

    /// Writes the three shares as rate strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(insured, forKey: .insured)
        try container.encode(unit, forKey: .unit)
        try container.encode(government, forKey: .government)
    }

    /// Reads the three shares; throws `shares.sum` when they do not add up to 100%.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(insured: try container.decode(Rate.self, forKey: .insured),
                      unit: try container.decode(Rate.self, forKey: .unit),
                      government: try container.decode(Rate.self, forKey: .government))
    }
}

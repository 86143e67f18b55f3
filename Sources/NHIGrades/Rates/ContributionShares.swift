import NHICore

/// Who pays which part of a premium: the insured person, the unit (employer) and the
/// government, as exact fractions adding up to 100 %.
public struct ContributionShares: Hashable, Sendable, CustomStringConvertible {
    /// The insured person's share (被保險人負擔).
    public let insured: Rate
    /// The unit's share (投保單位負擔).
    public let unit: Rate
    /// The government's share (政府補助).
    public let government: Rate

    /// Creates shares; they must add up to exactly 100 % (`shares.sum`).
    public init(insured: Rate, unit: Rate, government: Rate) throws(GradeError) {
        guard insured + unit + government == .one else {
            throw GradeError(.sharesSum, input: "\(insured.percentString)/\(unit.percentString)/\(government.percentString)")
        }
        self.insured = insured
        self.unit = unit
        self.government = government
    }

    /// `30%/60%/10%`.
    public var description: String { "\(insured.percentString)/\(unit.percentString)/\(government.percentString)" }
}

/// The minimum wage (基本工資) in force from a date.
public struct MinimumWage: Hashable, Sendable {
    /// Per month; the first grade of the NHI, labour and accident tables.
    public let monthly: Money
    /// Per hour.
    public let hourly: Money?
}

/// The thresholds of the supplementary premium (補充保險費) in force from a date.
public struct SupplementaryRules: Hashable, Sendable {
    /// Bonuses (code 62) are charged above this many times the insured amount (4).
    public let bonusMultiple: Int64
    /// Codes 65–68 are charged on a single payment of at least this amount (20,000).
    public let singlePaymentThreshold: Money
    /// The part of one payment above this amount is exempt (10,000,000).
    public let perPaymentCap: Money
}

/// The late-fee rule (NHI Act art. 35) in force from a date.
public struct LateFeeRules: Hashable, Sendable {
    /// Days of grace after the due date (15).
    public let graceDays: Int
    /// The fee per day, as a fraction of the unpaid amount (0.1 %).
    public let dailyRate: Rate
    /// The cap for insured units and withholding agents (15 %).
    public let capUnits: Rate
    /// The cap for individuals (5 %).
    public let capIndividuals: Rate
}

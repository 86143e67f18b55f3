import NHICore

/// Every dated rate and rule the calculators use, each as a ``DatedSeries`` read from the
/// tables directory: premium rates, average dependants, the minimum wage, contribution shares,
/// supplementary-premium thresholds and the late-fee rule.
public struct RateBook: Sendable, Hashable {
    /// The names of the rate series a `rate` file may declare.
    public enum Series: String, Sendable, CaseIterable {
        /// NHI general premium rate (5.17 %).
        case nhiPremium = "nhi.premium"
        /// NHI supplementary premium rate (2.11 %).
        case supplementary = "nhi.supplementary"
        /// Average dependants for the unit's and government's shares (0.56).
        case averageDependants = "nhi.averageDependants"
        /// Labour insurance, ordinary accidents (11.5 %).
        case labourOrdinary = "labour.ordinary"
        /// Employment insurance (1 %).
        case employment = "labour.employment"
        /// Occupational accident insurance, commuting part (0.07 %).
        case commuting = "accident.commuting"
    }

    /// NHI general premium rate.
    public let nhiPremium: DatedSeries<Rate>
    /// NHI supplementary premium rate.
    public let supplementary: DatedSeries<Rate>
    /// Average number of dependants (平均眷口數).
    public let averageDependants: DatedSeries<Rate>
    /// Labour insurance ordinary-accident rate.
    public let labourOrdinary: DatedSeries<Rate>
    /// Employment insurance rate.
    public let employment: DatedSeries<Rate>
    /// Occupational-accident commuting rate, added to the industry rate.
    public let commuting: DatedSeries<Rate>
    /// The minimum wage (基本工資).
    public let minimumWage: DatedSeries<MinimumWage>
    /// NHI premium shares by insured category.
    public let nhiShares: DatedSeries<[InsuredCategory: ContributionShares]>
    /// Labour and employment insurance shares of an employee (20/70/10).
    public let labourShares: DatedSeries<ContributionShares>
    /// Supplementary-premium thresholds.
    public let supplementaryRules: DatedSeries<SupplementaryRules>
    /// The late-fee rule.
    public let lateFeeRules: DatedSeries<LateFeeRules>

    /// The series of rate `series`.
    public func series(_ series: Series) -> DatedSeries<Rate> {
        switch series {
        case .nhiPremium: nhiPremium
        case .supplementary: supplementary
        case .averageDependants: averageDependants
        case .labourOrdinary: labourOrdinary
        case .employment: employment
        case .commuting: commuting
        }
    }

    /// The NHI shares of `category` on `date`; `shares.missing` when the category has none.
    public func nhiShares(for category: InsuredCategory, on date: CalendarDate) throws(GradeError) -> ContributionShares {
        let entry = try nhiShares.entry(on: date)
        guard let shares = entry.value[category] else {
            throw GradeError(.sharesMissing, file: entry.file, input: category.rawValue)
        }
        return shares
    }
}

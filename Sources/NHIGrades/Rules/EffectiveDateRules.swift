import NHICore

/// When filed changes take effect (SPEC §4, seed 001).
public enum EffectiveDateRules {
    /// A salary adjustment (薪資調整) takes effect on the 1st of the month after the filing
    /// date: filed 111/12/27 → effective 112/01/01.
    public static func salaryAdjustment(filedOn date: CalendarDate) -> CalendarDate { date.firstOfNextMonth }

    /// A salary adjustment filed for a month (the single-adjustment screen's 申報日期 yyy/MM)
    /// takes effect on the 1st of the next month.
    public static func salaryAdjustment(filingMonth month: ROCMonth) -> CalendarDate { month.adding(months: 1).firstDay }

    /// The NHI withdrawal (退保/轉出) effective date for a transfer-out date: the 1st of the
    /// next month when the unit's premium for the month is charged here (the "charged here"
    /// flag) or when the date is the month's last day; otherwise the date itself. The person
    /// is covered by the unit until the day before.
    public static func withdrawal(transferOut date: CalendarDate, chargedHere: Bool) -> CalendarDate {
        chargedHere || date.isLastDayOfMonth ? date.firstOfNextMonth : date
    }

    /// Labour insurance, the labour pension and employment insurance of a three-in-one
    /// filing take effect on the filing date itself.
    public static func labourInsurance(filedOn date: CalendarDate) -> CalendarDate { date }

    /// The limit of retroactive NHI-only withdrawals without proof: 6 months.
    public static let retroactiveWithdrawalMonths = 6

    /// Whether an NHI-only withdrawal effective on `effective` and filed on `filedOn` needs
    /// proof documents (up to 2): when it goes back more than 6 months, i.e. the effective
    /// date is before the filing date minus 6 months.
    public static func withdrawalNeedsProof(effective: CalendarDate, filedOn: CalendarDate) -> Bool {
        effective < filedOn.adding(months: -retroactiveWithdrawalMonths)
    }

    /// The finding to show when ``withdrawalNeedsProof(effective:filedOn:)`` is true.
    public static func withdrawalFinding(effective: CalendarDate, filedOn: CalendarDate) -> GradeError? {
        guard withdrawalNeedsProof(effective: effective, filedOn: filedOn) else { return nil }
        return GradeError(.withdrawalNeedsProof, field: "date", input: effective.iso,
                          detail: ("申報日 \(filedOn.iso)", "filed on \(filedOn.iso)"))
    }
}

/// Which unit pays which month's NHI premium: the unit covering the person on the month's
/// last day pays the whole month (no day proration).
public enum MonthEndRule {
    /// A period of cover by one payer (a unit), from the enrolment date up to but not
    /// including the effective withdrawal date (`nil` while still enrolled).
    public struct Coverage<Payer: Hashable & Sendable>: Hashable, Sendable {
        /// Who pays while this cover lasts.
        public let payer: Payer
        /// The enrolment effective date.
        public let from: CalendarDate
        /// The effective withdrawal date (the first day no longer covered), if any;
        /// see ``EffectiveDateRules/withdrawal(transferOut:chargedHere:)``.
        public let until: CalendarDate?

        /// Cover by `payer` from `from` until the day before `until`.
        public init(payer: Payer, from: CalendarDate, until: CalendarDate? = nil) {
            self.payer = payer
            self.from = from
            self.until = until
        }

        /// Whether the cover includes `date`.
        public func covers(_ date: CalendarDate) -> Bool { from <= date && (until.map { date < $0 } ?? true) }
    }

    /// Whether a person enrolled on `enrolment` and withdrawn effective `withdrawal` is charged
    /// for `month`: covered on its last day.
    public static func isCharged(_ month: ROCMonth, enrolment: CalendarDate, withdrawal: CalendarDate?) -> Bool {
        Coverage(payer: 0, from: enrolment, until: withdrawal).covers(month.lastDay)
    }

    /// The months from `from` through `through` charged to one cover.
    public static func chargedMonths(enrolment: CalendarDate, withdrawal: CalendarDate?, from: ROCMonth, through: ROCMonth) -> [ROCMonth] {
        var months: [ROCMonth] = []
        var month = from
        while month <= through {
            if isCharged(month, enrolment: enrolment, withdrawal: withdrawal) { months.append(month) }
            month = month.adding(months: 1)
        }
        return months
    }

    /// Who pays `month` among several covers: the one covering the month's last day (the
    /// latest-starting one if covers overlap); `nil` when nobody covers it.
    public static func payer<Payer>(for month: ROCMonth, among covers: [Coverage<Payer>]) -> Payer? {
        let last = month.lastDay
        return covers.filter { $0.covers(last) }.max { $0.from < $1.from }?.payer
    }

    /// The payer of each month from `from` through `through`.
    public static func schedule<Payer>(_ covers: [Coverage<Payer>], from: ROCMonth, through: ROCMonth) -> [(month: ROCMonth, payer: Payer?)] {
        var result: [(month: ROCMonth, payer: Payer?)] = []
        var month = from
        while month <= through {
            result.append((month, payer(for: month, among: covers)))
            month = month.adding(months: 1)
        }
        return result
    }
}

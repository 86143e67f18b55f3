import NHICore

/// One insured person on a unit's roster, as a bulk salary adjustment sees them.
public struct RosterEntry: Hashable, Sendable, Codable {
    /// The person's ID.
    public let id: PersonalID
    /// The person's name.
    public let name: PersonName
    /// The insured category.
    public let category: InsuredCategory
    /// The current NHI insured amount.
    public let insuredAmount: Money

    /// A roster line.
    public init(id: PersonalID, name: PersonName, category: InsuredCategory, insuredAmount: Money) {
        self.id = id
        self.name = name
        self.category = category
        self.insuredAmount = insuredAmount
    }
}

/// A proposed bulk salary adjustment (薪資調整作業(大批)): everyone whose insured amount is
/// no longer valid in the newest table, with the amount to move them to.
///
/// Build it with ``GradeTables/bulkAdjustmentProposal(roster:filedOn:)``, let the operator
/// change individual amounts with ``overriding(_:with:)`` (as the seed's screen allows, e.g.
/// 25,250 → 40,100 for one person), then file ``changes``.
public struct BulkAdjustmentProposal: Hashable, Sendable {
    /// Why a person is in the proposal.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The amount is below the new table's first grade (the minimum wage rose).
        case belowMinimum
        /// The amount is not a grade of the new table.
        case notAGrade
    }

    /// One person's change.
    public struct Change: Hashable, Sendable, Codable {
        /// The roster entry.
        public let person: RosterEntry
        /// 調前金額.
        public var oldAmount: Money { person.insuredAmount }
        /// 調後金額: the smallest grade of the new table not below the old amount, unless overridden.
        public let newAmount: Money
        /// Why the person is listed.
        public let reason: Reason
        /// Whether the operator changed the proposed amount.
        public let overridden: Bool

        /// A change of `person` to `newAmount` (for old → new grade selections made by hand).
        public init(person: RosterEntry, newAmount: Money, reason: Reason, overridden: Bool) {
            self.person = person
            self.newAmount = newAmount
            self.reason = reason
            self.overridden = overridden
        }
    }

    /// A person the bulk adjustment may not include.
    public struct Exclusion: Hashable, Sendable, Codable {
        /// The roster entry.
        public let person: RosterEntry
        /// Whether their amount would need a change (they must use the single adjustment).
        public let needsChange: Bool

        /// An exclusion of `person`.
        public init(person: RosterEntry, needsChange: Bool) {
            self.person = person
            self.needsChange = needsChange
        }
    }

    /// The filing date (整批申報日期).
    public let filedOn: CalendarDate
    /// The effective date: the 1st of the next month (生效日期).
    public let effectiveDate: CalendarDate
    /// The NHI table in force on the effective date, which the new amounts come from.
    public let table: GradeTable
    /// The people to adjust, in roster order.
    public let changes: [Change]
    /// Employers, the self-employed and professionals: never in a bulk adjustment (single adjustments only).
    public let excluded: [Exclusion]
    /// How many employees already have a valid amount.
    public let unchangedCount: Int

    /// The proposal with `id`'s new amount replaced by `amount`, which must be a grade of
    /// the new table (`insuredAmount.notAGrade`); `bulk.unknownPerson` if `id` is not listed.
    public func overriding(_ id: PersonalID, with amount: Money) throws(GradeError) -> BulkAdjustmentProposal {
        guard let index = changes.firstIndex(where: { $0.person.id == id }) else {
            throw GradeError(.bulkUnknownPerson, field: "insuredAmount", input: id.masked)
        }
        guard table.isGrade(amount) else { throw PremiumCalculator.notAGrade(amount, in: table) }
        var changes = changes
        let old = changes[index]
        changes[index] = Change(person: old.person, newAmount: amount, reason: old.reason, overridden: true)
        return BulkAdjustmentProposal(filedOn: filedOn, effectiveDate: effectiveDate, table: table, changes: changes,
                                      excluded: excluded, unchangedCount: unchangedCount)
    }
}

extension GradeTables {
    /// Proposes a bulk salary adjustment for a roster filed on `filedOn`, effective the 1st
    /// of the next month, against the NHI table in force on that date (the screen offers
    /// only the newest published grades; filed 111/12/28, that is the 2023 table). Everyone whose amount is below the new first grade or not a grade of it
    /// is listed with old → new amount; employers, the self-employed and professionals are
    /// listed apart as excluded (they file single adjustments).
    public func bulkAdjustmentProposal(roster: [RosterEntry], filedOn: CalendarDate) throws(GradeError) -> BulkAdjustmentProposal {
        let effective = EffectiveDateRules.salaryAdjustment(filedOn: filedOn)
        return try proposal(roster: roster, filedOn: filedOn, effective: effective, table: try table(.nhi, on: effective))
    }

    private func proposal(roster: [RosterEntry], filedOn: CalendarDate, effective: CalendarDate,
                          table: GradeTable) throws(GradeError) -> BulkAdjustmentProposal {
        var changes: [BulkAdjustmentProposal.Change] = []
        var excluded: [BulkAdjustmentProposal.Exclusion] = []
        var unchanged = 0
        for person in roster {
            let valid = table.isGrade(person.insuredAmount)
            if person.category.defaultsToTopGrade {
                excluded.append(.init(person: person, needsChange: !valid))
                continue
            }
            if valid { unchanged += 1; continue }
            let reason: BulkAdjustmentProposal.Reason = person.insuredAmount < table.minimum.amount ? .belowMinimum : .notAGrade
            let newAmount = try table.lookup(salary: person.insuredAmount).insuredAmount
            changes.append(.init(person: person, newAmount: newAmount, reason: reason, overridden: false))
        }
        return BulkAdjustmentProposal(filedOn: filedOn, effectiveDate: effective, table: table, changes: changes,
                                      excluded: excluded, unchangedCount: unchanged)
    }
}

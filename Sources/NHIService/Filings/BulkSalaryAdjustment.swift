import Foundation
import NHICore
import NHIGrades

extension NHIService.Filings {
    /// The unit's in-force insured persons (本人 only) as the grade rules see them.
    public func roster(unit: UnitCode, on day: CalendarDate? = nil, by caller: Caller) throws(ServiceError) -> [RosterEntry] {
        guard caller.isStaff(of: unit) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
        let date = day ?? core.clock.today
        return try core.read { r in
            try r.coverages(unit: unit, inForceOn: date).filter { !$0.isDependant }.map { c in
                RosterEntry(id: c.personID, name: try r.person(c.personID)?.name ?? PersonName(c.personID.masked),
                            category: c.category, insuredAmount: c.insuredAmount)
            }
        }
    }

    /// The bulk salary adjustment the grade table calls for (薪資調整作業(大批)): everyone
    /// whose amount is below the newest table's first grade or not one of its grades, with
    /// old → new amount; employers and professionals are excluded (single adjustments).
    public func proposeBulkAdjustment(unit: UnitCode, by caller: Caller) throws(ServiceError) -> BulkAdjustmentProposal {
        let roster = try roster(unit: unit, by: caller)
        do { return try tables.bulkAdjustmentProposal(roster: roster, filedOn: core.clock.today) } catch {
            throw ServiceError(.filingInsuredAmount, wrapping: error)
        }
    }

    /// The seed's form: everyone at `oldAmount` moved to `newAmount`, which must be a grade
    /// of the newest table on the effective date. Employers and professionals are left out.
    public func proposeBulkAdjustment(unit: UnitCode, from oldAmount: Money, to newAmount: Money,
                                      by caller: Caller) throws(ServiceError) -> [BulkAdjustmentProposal.Change] {
        let effective = EffectiveDateRules.salaryAdjustment(filedOn: core.clock.today)
        guard (try? tables.isGrade(newAmount, on: effective)) == true else {
            throw ServiceError(.filingInsuredAmount, context: ["amount": newAmount.grouped, "effective": effective.iso])
        }
        return try roster(unit: unit, by: caller)
            .filter { $0.insuredAmount == oldAmount && !$0.category.defaultsToTopGrade }
            .map { BulkAdjustmentProposal.Change(person: $0, newAmount: newAmount, reason: .notAGrade, overridden: false) }
    }

    /// Files the selected changes of a bulk adjustment in one transaction, as one batch:
    /// all or nothing. Each line is checked as a single adjustment would be.
    @discardableResult
    public func fileBulkAdjustment(_ changes: [BulkAdjustmentProposal.Change], by caller: Caller) throws(ServiceError) -> [Filing] {
        let today = core.clock.today
        let now = core.clock.now
        let effective = EffectiveDateRules.salaryAdjustment(filedOn: today)
        return try core.write { w in
            let (unit, staff) = try authorise(w, caller, family: .nhiOnly)
            var filings: [Filing] = []
            var seen = Set<PersonalID>()
            for change in changes {
                let person = change.person
                guard seen.insert(person.id).inserted else { throw ServiceError(.filingDuplicatePending, context: ["person": person.id.masked]) }
                guard !person.category.defaultsToTopGrade else { throw ServiceError(.filingBulkExcludesEmployers, context: ["person": person.id.masked]) }
                guard let current = try inForce(w, person.id, unit: unit.unit.code, on: today, principalOnly: true) else {
                    throw ServiceError(.filingNotInsuredHere, context: ["person": person.id.masked])
                }
                guard change.newAmount != current.amount else { continue }
                try checkAmount(change.newAmount, on: effective, category: current.category, salary: nil, hasPaidStaff: true,
                                labour: nil, attachments: [])
                try refuseDuplicatePending(w, person.id, .salaryAdjustment, unit: unit.unit.code, today: today)
                filings.append(Filing(id: 0, unitCode: unit.unit.code, family: .nhiOnly, kind: .salaryAdjustment, personID: person.id,
                                      principalID: nil, relation: nil, name: person.name.value, birthDate: nil, category: current.category,
                                      reason: "薪資調整(大批)", insuredAmount: current.amount, adjustedAmount: change.newAmount,
                                      effectiveDate: effective, filedOn: today, filedAt: now, filedBy: caller.description,
                                      staffID: staff?.id, status: .pending))
            }
            guard !filings.isEmpty else { throw ServiceError(.filingNothingToChange) }
            let batch = try w.insert(FilingBatch(id: 0, unitCode: unit.unit.code, kind: "bulkSalaryAdjustment", fileName: nil, fileSHA256: nil,
                                                 count: filings.count, createdAt: now, createdBy: caller.description))
            let ids = try w.insert(filings, batch: batch)
            try core.record(w, caller, unit: unit.unit.code, action: "filing.bulkSalaryAdjustment", target: "batch #\(batch)",
                            detail: "\(ids.count) people effective \(effective.iso)")
            return try ids.compactMap { try w.filing(id: $0) }
        }
    }

    /// The list a bulk adjustment screen shows: the proposal's changes and exclusions, or the
    /// people moving from one grade to another.
    public func bulkAdjustmentList(unit: UnitCode, by caller: Caller) throws(ServiceError) -> BulkAdjustmentList {
        let proposal = try proposeBulkAdjustment(unit: unit, by: caller)
        return BulkAdjustmentList(changes: proposal.changes, excluded: proposal.excluded, unchangedCount: proposal.unchangedCount)
    }

    /// Files the people a front end selected (ID, new amount) as one batch: each is looked up
    /// on the unit's roster here — a front end names people, it does not say who they are or
    /// what they pay — then filed as ``fileBulkAdjustment(_:by:)`` files.
    @discardableResult
    public func fileBulkAdjustment(selecting selections: [BulkAdjustmentSelection], unit: UnitCode, by caller: Caller) throws(ServiceError) -> [Filing] {
        var onRoster: [PersonalID: RosterEntry] = [:]
        for entry in try roster(unit: unit, by: caller) where onRoster[entry.id] == nil { onRoster[entry.id] = entry }
        var changes: [BulkAdjustmentProposal.Change] = []
        for selection in selections {
            guard let entry = onRoster[selection.personID] else {
                throw ServiceError(.filingNotInsuredHere, context: ["person": selection.personID.masked])
            }
            changes.append(BulkAdjustmentProposal.Change(person: entry, newAmount: selection.newAmount, reason: selection.reason,
                                                         overridden: selection.overridden))
        }
        return try fileBulkAdjustment(changes, by: caller)
    }
}

/// The people a bulk salary adjustment screen lists (薪資調整作業(大批)).
public struct BulkAdjustmentList: Sendable, Hashable, Codable {
    /// The people to adjust, old → new amount.
    public var changes: [BulkAdjustmentProposal.Change]
    /// Employers, the self-employed and professionals: single adjustments only.
    public var excluded: [BulkAdjustmentProposal.Exclusion]
    /// How many employees already have a valid amount (nil for a grade-to-grade list).
    public var unchangedCount: Int?

    /// A list.
    public init(changes: [BulkAdjustmentProposal.Change], excluded: [BulkAdjustmentProposal.Exclusion] = [], unchangedCount: Int? = nil) {
        self.changes = changes
        self.excluded = excluded
        self.unchangedCount = unchangedCount
    }
}

/// One person of a bulk salary adjustment as a front end selects them: who, and the new
/// amount (the rest comes from the unit's roster).
public struct BulkAdjustmentSelection: Sendable, Hashable, Codable {
    /// The person.
    public var personID: PersonalID
    /// 調後金額.
    public var newAmount: Money
    /// Why the person is listed.
    public var reason: BulkAdjustmentProposal.Reason
    /// Whether the operator changed the proposed amount.
    public var overridden: Bool

    /// A selection.
    public init(personID: PersonalID, newAmount: Money, reason: BulkAdjustmentProposal.Reason, overridden: Bool) {
        self.personID = personID
        self.newAmount = newAmount
        self.reason = reason
        self.overridden = overridden
    }

    /// The selection of `change`.
    public init(_ change: BulkAdjustmentProposal.Change) {
        self.init(personID: change.person.id, newAmount: change.newAmount, reason: change.reason, overridden: change.overridden)
    }
}

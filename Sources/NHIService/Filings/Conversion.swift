import Foundation
import NHICore

/// What a nightly conversion did.
public struct ConversionReport: Sendable, Hashable, Codable {
    /// The cut-off: filings made before it were considered.
    public let cutoff: Date
    /// Whether the cut-off fell in the billing period, so filings were staged.
    public let billingPeriod: Bool
    /// How many filings were converted as accepted (審核正確).
    public let accepted: Int
    /// How many filings were converted with a check error (see ``CheckResult``).
    public let rejected: Int
    /// How many filings were put in the staging area because the cut-off fell in the billing period.
    public let staged: Int
}

extension NHIService.Filings {
    /// The most recent 22:30 (Taiwan time) at or before `now`.
    static func conversionCutoff(at now: Date) -> Date {
        let today = CalendarDate.today(at: now)
        let cutoff = today.startInTaiwan.addingTimeInterval(22.5 * 3600)
        return cutoff <= now ? cutoff : cutoff.addingTimeInterval(-86_400)
    }

    /// The nightly conversion (每日22:30進行轉檔更新), run by the caller with the service's
    /// clock. Filings made before the latest 22:30 are checked and applied to coverage, each
    /// getting a check result; on a billing-period day (11th–14th) they wait in the staging
    /// area instead and are converted with the first run after it. One transaction.
    @discardableResult
    public func runNightlyConversion() throws(ServiceError) -> ConversionReport {
        let now = core.clock.now
        let cutoff = Self.conversionCutoff(at: now)
        let inBillingPeriod = core.billingPeriod.contains(CalendarDate.today(at: cutoff).day)
        return try core.write { w in
            var accepted = 0, rejected = 0, staged = 0
            let pending = try w.filings(status: .pending, filedBefore: cutoff)
            if inBillingPeriod {
                for var filing in pending {
                    filing.status = .staged
                    try w.update(filing)
                    staged += 1
                }
            } else {
                let queue = Self.conversionOrder(try w.filings(status: .staged, filedBefore: cutoff) + pending)
                for var filing in queue {
                    let result = try apply(filing, w)
                    filing.status = result == .accepted ? .accepted : .rejected
                    filing.checkCode = result.rawValue
                    filing.checkMessage = result.message
                    filing.convertedAt = now
                    try w.update(filing)
                    if result == .accepted { accepted += 1 } else { rejected += 1 }
                }
            }
            try core.record(w, .system, unit: nil, action: "filing.conversion", target: "cutoff \(cutoff)",
                            detail: "accepted \(accepted) rejected \(rejected) staged \(staged)")
            return ConversionReport(cutoff: cutoff, billingPeriod: inBillingPeriod, accepted: accepted, rejected: rejected, staged: staged)
        }
    }

    /// The order a conversion applies filings in: as filed, except that a person's
    /// withdrawal from one unit goes before their enrolment with another, so someone moving
    /// between employers is converted the same whichever unit filed first.
    static func conversionOrder(_ filings: [Filing]) -> [Filing] {
        let byFiling = filings.sorted { ($0.filedAt, $0.id) < ($1.filedAt, $1.id) }
        let enrolling = Set(byFiling.filter { $0.kind == .enrol || $0.kind == .renew }.map { "\($0.personID.rawValue)@\($0.unitCode.rawValue)" })
        let enrolledPeople = Set(byFiling.filter { $0.kind == .enrol || $0.kind == .renew }.map(\.personID))
        // A withdrawal goes first when the same person enrols elsewhere in this run (and not
        // with the same unit, where the enrolment must come first).
        func early(_ f: Filing) -> Bool {
            f.kind == .withdraw && enrolledPeople.contains(f.personID) && !enrolling.contains("\(f.personID.rawValue)@\(f.unitCode.rawValue)")
        }
        return byFiling.filter(early) + byFiling.filter { !early($0) }
    }

    /// Applies one filing to coverage and returns its check result.
    ///
    /// Coverage is a dated history (``Coverage``): a change from a day on splits the period in
    /// force that day and changes the periods from then on, up to the next change of the same
    /// attribute (a later suspension, a later adjustment). Periods before the day are never
    /// touched, so what a month looked like when it was billed can always be recomputed.
    func apply(_ f: Filing, _ w: any StoreWriter) throws -> CheckResult {
        let mine = try w.coverages(person: f.personID)
        let here = mine.last { $0.unitCode == f.unitCode && $0.isInForce(on: f.effectiveDate) }
        switch f.kind {
        case .enrol:
            if here != nil { return .alreadyInsuredHere }
            if f.principalID == nil, mine.contains(where: { $0.unitCode != f.unitCode && !$0.isDependant && $0.isInForce(on: f.effectiveDate) }) {
                return .insuredElsewhere
            }
            var amount = f.insuredAmount ?? .zero
            if let principal = f.principalID {
                guard let p = try w.coverages(person: principal).last(where: { $0.unitCode == f.unitCode && !$0.isDependant && $0.isInForce(on: f.effectiveDate) }) else {
                    return .principalNotInsured
                }
                amount = p.insuredAmount
            }
            // An enrolment never overlaps a later enrolment with the unit: it ends where one begins.
            let next = mine.first { $0.unitCode == f.unitCode && $0.startDate > f.effectiveDate }
            _ = try w.insert(Coverage(id: 0, unitCode: f.unitCode, personID: f.personID, principalID: f.principalID, relation: f.relation,
                                      category: f.category, insuredAmount: amount, startDate: f.effectiveDate, endDate: next?.startDate,
                                      status: .active, foreignNational: f.foreignNational))
            if f.principalID == nil { try regrade(f.personID, unit: f.unitCode, from: f.effectiveDate, w) }
        case .withdraw:
            guard here != nil else { return .notInsuredHere }
            try end(f.personID, unit: f.unitCode, on: f.effectiveDate, w)
            // Dependants leave with the insured.
            if here?.isDependant == false {
                for dependant in try w.coverages(unit: f.unitCode, inForceOn: f.effectiveDate.adding(days: -1))
                where dependant.principalID == f.personID {
                    try end(dependant.personID, unit: f.unitCode, on: f.effectiveDate, w)
                }
            }
        case .salaryAdjustment:
            guard let coverage = here, !coverage.isDependant, let amount = f.adjustedAmount else { return .notInsuredHere }
            try change(f.personID, unit: f.unitCode, from: f.effectiveDate, w,
                       while: { $0.insuredAmount == coverage.insuredAmount }, { $0.insuredAmount = amount })
            // Dependants' periods show the insured's amount.
            for dependant in try w.coverages(unit: f.unitCode, inForceOn: f.effectiveDate) where dependant.principalID == f.personID {
                try change(dependant.personID, unit: f.unitCode, from: f.effectiveDate, w,
                           while: { $0.insuredAmount == dependant.insuredAmount }, { $0.insuredAmount = amount })
            }
            try regrade(f.personID, unit: f.unitCode, from: f.effectiveDate, w)
        case .suspend, .parentalLeave:
            guard let coverage = here else { return .notInsuredHere }
            guard coverage.status == .active else { return .notActive }
            let status: CoverageStatus = f.kind == .suspend ? .suspended : .parentalLeave
            try change(f.personID, unit: f.unitCode, from: f.effectiveDate, w, while: { $0.status == .active }, { $0.status = status })
        case .resume:
            guard let coverage = here else { return .notInsuredHere }
            guard coverage.status != .active else { return .notSuspended }
            try change(f.personID, unit: f.unitCode, from: f.effectiveDate, w,
                       while: { $0.status == coverage.status }, { $0.status = .active })
        case .renew:
            if here != nil { return .alreadyInsuredHere }
            guard let last = mine.last(where: { $0.unitCode == f.unitCode }) else { return .notInsuredHere }
            let next = mine.first { $0.unitCode == f.unitCode && $0.startDate > f.effectiveDate }
            _ = try w.insert(Coverage(id: 0, unitCode: f.unitCode, personID: f.personID, principalID: last.principalID, relation: last.relation,
                                      category: last.category, insuredAmount: f.insuredAmount ?? last.insuredAmount,
                                      startDate: f.effectiveDate, endDate: next?.startDate, status: .active, foreignNational: last.foreignNational))
            if last.principalID == nil { try regrade(f.personID, unit: f.unitCode, from: f.effectiveDate, w) }
        case .basicDataChange:
            guard here != nil, var person = try w.person(f.personID) else { return .notInsuredHere }
            person.name = try PersonName(f.name)
            if let birth = f.birthDate { person.birthDate = birth }
            try w.upsert(person)
        }
        return .accepted
    }

    // MARK: Coverage periods

    /// The person's periods with the unit, oldest first.
    func periods(_ person: PersonalID, unit: UnitCode, _ w: any StoreReader) throws -> [Coverage] {
        try w.coverages(person: person).filter { $0.unitCode == unit }.sorted { ($0.startDate, $0.id) < ($1.startDate, $1.id) }
    }

    /// Makes a period begin exactly on `day` (splitting the one in force then) and returns the
    /// periods of that enrolment from `day` on, in order; empty when nothing is in force on `day`.
    func periods(_ person: PersonalID, unit: UnitCode, splitAt day: CalendarDate, _ w: any StoreWriter) throws -> [Coverage] {
        let all = try periods(person, unit: unit, w)
        guard let index = all.firstIndex(where: { $0.isInForce(on: day) }) else { return [] }
        var current = all[index]
        var chain: [Coverage] = []
        if current.startDate < day {
            var later = Coverage(id: 0, unitCode: current.unitCode, personID: current.personID, principalID: current.principalID,
                                 relation: current.relation, category: current.category, insuredAmount: current.insuredAmount,
                                 startDate: day, endDate: current.endDate, status: current.status,
                                 foreignNational: current.foreignNational, enrolledOn: current.enrolledOn)
            current.endDate = day
            try w.update(current)
            let id = try w.insert(later)
            later = try w.coverage(id: id) ?? later
            chain.append(later)
        } else {
            chain.append(current)
        }
        // The enrolment goes on while each period begins where the previous one ended.
        var end = chain[0].endDate
        for next in all[(index + 1)...] {
            guard let e = end, next.startDate == e else { break }
            chain.append(next)
            end = next.endDate
        }
        return chain
    }

    /// Changes the periods of an enrolment from `day` on while `applies` holds (the change
    /// stops at the next change of the same attribute).
    func change(_ person: PersonalID, unit: UnitCode, from day: CalendarDate, _ w: any StoreWriter,
                while applies: (Coverage) -> Bool, _ body: (inout Coverage) -> Void) throws {
        for var period in try periods(person, unit: unit, splitAt: day, w) {
            guard applies(period) else { break }
            body(&period)
            try w.update(period)
        }
    }

    /// Ends the person's coverage with the unit on `day` (the first day not covered): the
    /// period in force is cut there and periods that would have begun later are void.
    func end(_ person: PersonalID, unit: UnitCode, on day: CalendarDate, _ w: any StoreWriter) throws {
        for var period in try periods(person, unit: unit, w) {
            if period.startDate >= day {
                // Only the periods of the enrolment being ended: a later re-enrolment stays.
                if period.enrolledOn < day { try w.delete(coverage: period.id) }
            } else if period.endDate.map({ $0 > day }) ?? true {
                period.endDate = day
                try w.update(period)
            }
        }
    }

    /// Re-grades an insured person's amount where a grade table that comes into force during
    /// a period no longer has it as a grade (重載金額): the period is split on the table's
    /// first day and the amount becomes the new table's grade for it (the lowest grade not
    /// below it; the top grade above the top). Recorded as periods, so months billed before
    /// keep their amount.
    func regrade(_ person: PersonalID, unit: UnitCode, from day: CalendarDate, _ w: any StoreWriter) throws {
        let changes = core.tables.tables(.nhi).map(\.effectiveFrom).filter { $0 > day }.sorted()
        for tableStart in changes {
            guard let period = try periods(person, unit: unit, w).first(where: { $0.isInForce(on: tableStart) }),
                  !period.isDependant else { continue }
            let regraded: Money
            do {
                regraded = try core.tables.regraded(period.insuredAmount, on: tableStart)
            } catch {
                continue  // no table in force: billing reports the person instead
            }
            guard regraded != period.insuredAmount else { continue }
            let old = period.insuredAmount
            try change(person, unit: unit, from: tableStart, w, while: { $0.insuredAmount == old }, { $0.insuredAmount = regraded })
            for dependant in try w.coverages(unit: unit, inForceOn: tableStart) where dependant.principalID == person {
                try change(dependant.personID, unit: unit, from: tableStart, w,
                           while: { $0.insuredAmount == old }, { $0.insuredAmount = regraded })
            }
        }
    }

    /// Forwards the labour side of three-in-one filings that are due (18:00 on the filing
    /// day) to the Bureau of Labor Insurance. The bureau is out of reach, so "forwarding"
    /// marks the entries sent and returns them (the caller may export them).
    @discardableResult
    public func forwardLabourSide() throws(ServiceError) -> [LabourOutboxEntry] {
        let now = core.clock.now
        return try core.write { w in
            var sent: [LabourOutboxEntry] = []
            for var entry in try w.labourOutbox(dueBy: now) {
                entry.forwardedAt = now
                try w.update(entry)
                sent.append(entry)
            }
            if !sent.isEmpty {
                try core.record(w, .system, unit: nil, action: "labour.forward", target: "\(sent.count) filings")
            }
            return sent
        }
    }
}

import Foundation
import NHICore

/// What a nightly conversion did.
public struct ConversionReport: Sendable, Hashable, Codable {
    /// The cut-off: filings made before it were considered.
    public let cutoff: Date
    /// Whether the cut-off fell in the billing period, so filings were staged.
    public let billingPeriod: Bool
    public let accepted: Int
    public let rejected: Int
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
                let queue = (try w.filings(status: .staged, filedBefore: cutoff) + pending).sorted { ($0.filedAt, $0.id) < ($1.filedAt, $1.id) }
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

    /// Applies one filing to coverage and returns its check result.
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
            _ = try w.insert(Coverage(id: 0, unitCode: f.unitCode, personID: f.personID, principalID: f.principalID, relation: f.relation,
                                      category: f.category, insuredAmount: amount, startDate: f.effectiveDate, endDate: nil,
                                      status: .active, foreignNational: f.foreignNational))
        case .withdraw:
            guard var coverage = here else { return .notInsuredHere }
            coverage.endDate = f.effectiveDate
            try w.update(coverage)
            // Dependants leave with the insured.
            if !coverage.isDependant {
                for var dependant in try w.coverages(unit: f.unitCode, inForceOn: f.effectiveDate.adding(days: -1))
                where dependant.principalID == f.personID {
                    dependant.endDate = f.effectiveDate
                    try w.update(dependant)
                }
            }
        case .salaryAdjustment:
            guard var coverage = here, !coverage.isDependant, let amount = f.adjustedAmount else { return .notInsuredHere }
            if coverage.startDate == f.effectiveDate {
                coverage.insuredAmount = amount
                try w.update(coverage)
            } else {
                coverage.endDate = f.effectiveDate
                try w.update(coverage)
                _ = try w.insert(Coverage(id: 0, unitCode: f.unitCode, personID: f.personID, principalID: nil, relation: nil,
                                          category: coverage.category, insuredAmount: amount, startDate: f.effectiveDate, endDate: nil,
                                          status: coverage.status, foreignNational: coverage.foreignNational))
            }
            // Dependants' coverage shows the insured's new amount.
            for var dependant in try w.coverages(unit: f.unitCode, inForceOn: f.effectiveDate) where dependant.principalID == f.personID {
                dependant.insuredAmount = amount
                try w.update(dependant)
            }
        case .suspend, .parentalLeave:
            guard var coverage = here else { return .notInsuredHere }
            guard coverage.status == .active else { return .notActive }
            coverage.status = f.kind == .suspend ? .suspended : .parentalLeave
            try w.update(coverage)
        case .resume:
            guard var coverage = here else { return .notInsuredHere }
            guard coverage.status != .active else { return .notSuspended }
            coverage.status = .active
            try w.update(coverage)
        case .renew:
            if here != nil { return .alreadyInsuredHere }
            guard let last = mine.last(where: { $0.unitCode == f.unitCode }) else { return .notInsuredHere }
            _ = try w.insert(Coverage(id: 0, unitCode: f.unitCode, personID: f.personID, principalID: last.principalID, relation: last.relation,
                                      category: last.category, insuredAmount: f.insuredAmount ?? last.insuredAmount,
                                      startDate: f.effectiveDate, endDate: nil, status: .active, foreignNational: last.foreignNational))
        case .basicDataChange:
            guard here != nil, var person = try w.person(f.personID) else { return .notInsuredHere }
            person.name = try PersonName(f.name)
            if let birth = f.birthDate { person.birthDate = birth }
            try w.upsert(person)
        }
        return .accepted
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

import Foundation
import NHICore
import NHIGrades

/// One row of an imported filing file (批次申報異動資料).
public enum FilingImportRow: Sendable, Hashable {
    /// 加保: an enrolment, checked as a single enrolment would be.
    case enrol(EnrolmentRequest)
    /// 退保: a withdrawal.
    case withdraw(WithdrawalRequest)
    /// 薪調: a single salary adjustment.
    case adjust(SalaryAdjustmentRequest)

    var personID: PersonalID {
        switch self {
        case .enrol(let r): r.personID
        case .withdraw(let r): r.personID
        case .adjust(let r): r.personID
        }
    }
}

/// What a filing import did.
public struct FilingImportResult: Sendable, Hashable, Codable {
    /// The batch the filings belong to.
    public let batchID: Int64
    /// How many filings were created.
    public let imported: Int
    /// True when this exact file had been imported before: nothing was created this time.
    public let alreadyImported: Bool
}

/// A row an import refused, with the rule it broke. One refused row refuses the whole file:
/// an import never lands half.
public struct FilingImportRejection: Error, Sendable, Hashable, Codable {
    /// The 1-based number of the row among the file's rows.
    public let row: Int
    /// The rule the row broke, as a single filing would report it.
    public let error: ServiceError
}

extension NHIService.Filings {
    /// Imports a file of filings in one transaction: every row is checked as a single
    /// filing would be (grades, effective dates, relations, duplicates in the file); one bad
    /// row refuses the whole file, listing every bad row. The same file (by SHA-256) is never
    /// imported twice: the second attempt says so and creates nothing.
    public func importBatch(_ rows: [FilingImportRow], fileName: String, sha256: String,
                            by caller: Caller) throws(ServiceError) -> FilingImportResult {
        let today = core.clock.today
        let now = core.clock.now
        do {
            return try core.store.write { w in
                if let existing = try w.filingBatch(fileSHA256: sha256) {
                    return FilingImportResult(batchID: existing.id, imported: 0, alreadyImported: true)
                }
                let (unit, staff) = try authorise(w, caller, family: .nhiOnly)
                let code = unit.unit.code
                // The unit's coverage, once: who is in force, with which amount.
                var inForce: [PersonalID: Coverage] = [:]
                for c in try w.coverages(unit: code, inForceOn: today) { inForce[c.personID] = c }
                var enrolledHere: [PersonalID: Money] = [:]
                var seen = Set<FilingKey>()
                var rejections: [FilingImportRejection] = []
                var filings: [Filing] = []
                var persons: [Person] = []
                enrolledHere.reserveCapacity(rows.count)
                seen.reserveCapacity(rows.count)
                filings.reserveCapacity(rows.count)
                persons.reserveCapacity(rows.count)
                let filedBy = caller.description
                for (index, row) in rows.enumerated() {
                    do {
                        let filing = try makeFiling(row, unit: unit, staff: staff, caller: caller, filedBy: filedBy, today: today, now: now,
                                                    inForce: inForce, enrolledHere: enrolledHere)
                        guard seen.insert(FilingKey(kind: filing.kind, person: filing.personID)).inserted else {
                            throw ServiceError(.filingDuplicatePending, context: ["person": filing.personID.masked, "row": "\(index + 1)"])
                        }
                        if case .enrol(let r) = row {
                            persons.append(Person(id: r.personID, name: r.name, birthDate: r.birthDate, indigenous: r.indigenous))
                            if filing.principalID == nil { enrolledHere[r.personID] = filing.insuredAmount }
                        }
                        filings.append(filing)
                    } catch let error as ServiceError {
                        rejections.append(FilingImportRejection(row: index + 1, error: error))
                    }
                }
                guard rejections.isEmpty else { throw FilingImportRejections(rows: rejections) }
                let batch = try w.insert(FilingBatch(id: 0, unitCode: code, kind: "import", fileName: fileName, fileSHA256: sha256,
                                                     count: filings.count, createdAt: now, createdBy: caller.description))
                // In key order: SQLite appends to the person table's B-tree instead of
                // splitting pages all over it (a third less time for 100,000 new people).
                persons.sort { $0.id.rawValue < $1.id.rawValue }
                try w.upsert(persons)
                let ids = try w.insert(filings, batch: batch)
                for (id, filing) in zip(ids, filings) where filing.family == .threeInOne && filing.principalID == nil {
                    var due = filing.filedOn.startInTaiwan.addingTimeInterval(18 * 3600)
                    if now > due { due = due.addingTimeInterval(86_400) }
                    _ = try w.insert(LabourOutboxEntry(id: 0, filingID: id, unitCode: code, action: "file", dueAt: due, forwardedAt: nil))
                }
                try core.record(w, caller, unit: code, action: "filing.import", target: "batch #\(batch)",
                                detail: "\(fileName) \(ids.count) filings sha256 \(sha256.prefix(12))")
                return FilingImportResult(batchID: batch, imported: ids.count, alreadyImported: false)
            }
        } catch let error as FilingImportRejections {
            // Every refused row with its rule, in both languages (the first 20; the count says how many).
            let shown = error.rows.prefix(20)
            let more = error.rows.count > shown.count ? (zh: "；共\(error.rows.count)列", en: "; \(error.rows.count) rows in all") : (zh: "", en: "")
            throw ServiceError(.filingImportRejected,
                               context: ["rows": shown.map { "\($0.row):\($0.error.errorCode)" }.joined(separator: ","), "count": "\(error.rows.count)"],
                               detail: (shown.map { "第\($0.row)列 row \($0.row) [\($0.error.errorCode)] \($0.error.message)" }.joined(separator: "；") + more.zh,
                                        shown.map { "row \($0.row) [\($0.error.errorCode)] \($0.error.messageEn)" }.joined(separator: "; ") + more.en))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.storeFailure, wrapping: error)
        }
    }

    /// Checks an import without storing anything: every refused row with its rule.
    public func checkBatch(_ rows: [FilingImportRow], by caller: Caller) throws(ServiceError) -> [FilingImportRejection] {
        let today = core.clock.today
        let now = core.clock.now
        return try core.read { r in
            let (unit, staff) = try authorise(r, caller, family: .nhiOnly)
            var inForce: [PersonalID: Coverage] = [:]
            for c in try r.coverages(unit: unit.unit.code, inForceOn: today) { inForce[c.personID] = c }
            var enrolledHere: [PersonalID: Money] = [:]
            var rejections: [FilingImportRejection] = []
            let filedBy = caller.description
            for (index, row) in rows.enumerated() {
                do {
                    let filing = try makeFiling(row, unit: unit, staff: staff, caller: caller, filedBy: filedBy, today: today, now: now,
                                                inForce: inForce, enrolledHere: enrolledHere)
                    if filing.kind == .enrol && filing.principalID == nil { enrolledHere[filing.personID] = filing.insuredAmount }
                } catch let error as ServiceError {
                    rejections.append(FilingImportRejection(row: index + 1, error: error))
                }
            }
            return rejections
        }
    }

    /// The filing for one imported row, checked against the unit's coverage held in memory.
    private func makeFiling(_ row: FilingImportRow, unit: UnitAccount, staff: StaffMember?, caller: Caller, filedBy: String,
                            today: CalendarDate, now: Date,
                            inForce: [PersonalID: Coverage], enrolledHere: [PersonalID: Money]) throws -> Filing {
        let code = unit.unit.code
        switch row {
        case .enrol(let r):
            if r.family == .threeInOne {
                guard unit.unit.canFileThreeInOne else { throw ServiceError(.filingThreeInOneNeedsLabourNumber) }
                try checkLabour(r.labour, on: r.effectiveDate)
            }
            guard inForce[r.personID] == nil else { throw ServiceError(.filingAlreadyInsuredHere, context: ["person": r.personID.masked]) }
            var principal: PersonalID?, relation: DependantRelation?, amount = r.insuredAmount, category = r.category
            switch r.role {
            case .dependant(let of, let rel):
                if let c = inForce[of], !c.isDependant {
                    amount = c.insuredAmount
                    category = c.category
                } else if let pending = enrolledHere[of] {
                    amount = pending
                } else {
                    throw ServiceError(.filingPrincipalNotInsured, context: ["person": of.masked])
                }
                principal = of
                relation = rel
            case .foreignNational:
                guard r.personID.isResident else { throw ServiceError(.filingForeignerNeedsResidentID) }
            case .insured:
                break
            }
            if principal == nil {
                try checkAmount(amount, on: r.effectiveDate, category: category, salary: r.labour?.monthlySalary, hasPaidStaff: r.hasPaidStaff,
                                labour: r.labour, attachments: r.attachments)
            }
            return Filing(id: 0, unitCode: code, family: r.family, kind: .enrol, personID: r.personID, principalID: principal, relation: relation,
                          name: r.name.value, birthDate: r.birthDate, category: category,
                          reason: principal == nil ? r.eligibilityReason : "隨同被保險人加保", insuredAmount: amount, adjustedAmount: nil,
                          effectiveDate: r.effectiveDate, filedOn: today, filedAt: now, filedBy: filedBy, staffID: staff?.id,
                          status: .pending, labour: r.family == .threeInOne ? r.labour : nil,
                          foreignNational: { if case .foreignNational = r.role { true } else { false } }())
        case .withdraw(let r):
            guard let c = inForce[r.personID] else { throw ServiceError(.filingNotInsuredHere, context: ["person": r.personID.masked]) }
            let effective = EffectiveDateRules.withdrawal(transferOut: r.transferOutDate, chargedHere: r.chargedHere)
            if r.family == .nhiOnly && EffectiveDateRules.withdrawalNeedsProof(effective: effective, filedOn: today) && r.attachments.isEmpty {
                throw ServiceError(.filingProofRequired, context: ["rule": "retroactive > 6 months"])
            }
            return Filing(id: 0, unitCode: code, family: r.family, kind: .withdraw, personID: r.personID, principalID: c.principalID,
                          relation: c.relation, name: "", birthDate: nil, category: c.category, reason: r.reason.label,
                          insuredAmount: c.insuredAmount, adjustedAmount: nil, effectiveDate: effective, filedOn: today, filedAt: now,
                          filedBy: filedBy, staffID: staff?.id, status: .pending)
        case .adjust(let r):
            guard let c = inForce[r.personID], !c.isDependant else { throw ServiceError(.filingNotInsuredHere, context: ["person": r.personID.masked]) }
            guard r.newAmount != c.insuredAmount else { throw ServiceError(.filingAmountUnchanged) }
            let effective = EffectiveDateRules.salaryAdjustment(filedOn: today)
            let lowering = c.category.defaultsToTopGrade && r.newAmount < c.insuredAmount
            if lowering && (r.attachments.isEmpty || !r.employerLowering) {
                throw ServiceError(.filingProofRequired, context: ["rule": "employer lowering own amount"])
            }
            try checkAmount(r.newAmount, on: effective, category: c.category, salary: r.labour?.monthlySalary, hasPaidStaff: true,
                            labour: r.labour, attachments: r.attachments, proofAlreadyChecked: lowering)
            return Filing(id: 0, unitCode: code, family: r.family, kind: .salaryAdjustment, personID: r.personID, principalID: nil,
                          relation: nil, name: "", birthDate: nil, category: c.category, reason: lowering ? "雇主投保金額調降" : "薪資調整",
                          insuredAmount: c.insuredAmount, adjustedAmount: r.newAmount, effectiveDate: effective, filedOn: today,
                          filedAt: now, filedBy: filedBy, staffID: staff?.id, status: .pending)
        }
    }
}

/// A person and a kind of filing: one of each per file.
private struct FilingKey: Hashable {
    let kind: FilingKind
    let person: PersonalID
}

/// Every refused row of an import (internal: surfaces as `filing.importRejected`).
struct FilingImportRejections: Error {
    let rows: [FilingImportRejection]
}

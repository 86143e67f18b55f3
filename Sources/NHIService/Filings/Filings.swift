import Foundation
import NHICore
import NHIGrades

extension NHIService {
    /// Filings (異動, SPEC §4): enrol, withdraw, salary adjustment (single and bulk), renew,
    /// suspend, parental leave, resume, basic-data change — for both families.
    ///
    /// Each filing is checked when it is made (grades, effective-date, relation and
    /// attachment rules) and again by the nightly conversion (``runNightlyConversion()``),
    /// which applies it to the unit's coverage and records a check result.
    public struct Filings: Sendable {
        let core: NHIService

        var tables: GradeTables { core.tables }

        // MARK: Enrol

        /// Files an enrolment (加保).
        @discardableResult
        public func enrol(_ r: EnrolmentRequest, by caller: Caller) throws(ServiceError) -> Filing {
            let today = core.clock.today
            return try core.write { w in
                let (unit, staff) = try authorise(w, caller, family: r.family)
                var principal: PersonalID?
                var relation: DependantRelation?
                var amount = r.insuredAmount
                var category = r.category
                switch r.role {
                case .dependant(let of, let rel):
                    guard of != r.personID else { throw ServiceError(.filingPrincipalNotInsured, context: ["person": r.personID.masked]) }
                    guard let coverage = try inForce(w, of, unit: unit.unit.code, on: r.effectiveDate, principalOnly: true)
                            ?? pendingEnrolment(w, of, unit: unit.unit.code) else {
                        throw ServiceError(.filingPrincipalNotInsured, context: ["person": of.masked])
                    }
                    principal = of
                    relation = rel
                    amount = coverage.amount
                    category = coverage.category
                case .foreignNational:
                    guard r.personID.isResident else { throw ServiceError(.filingForeignerNeedsResidentID) }
                    if !r.foreignerAutomaticallyEligible && r.attachments.count < 2 {
                        throw ServiceError(.filingForeignerDocuments)
                    }
                case .insured:
                    break
                }
                if principal == nil {
                    try checkAmount(amount, on: r.effectiveDate, category: category, salary: r.monthlySalary ?? r.labour?.monthlySalary,
                                    hasPaidStaff: r.hasPaidStaff, labour: r.labour, attachments: r.attachments)
                }
                if r.family == .threeInOne && principal == nil { try checkLabour(r.labour, on: r.effectiveDate) }
                if try inForce(w, r.personID, unit: unit.unit.code, on: r.effectiveDate, principalOnly: false) != nil {
                    throw ServiceError(.filingAlreadyInsuredHere, context: ["person": r.personID.masked])
                }
                try refuseDuplicatePending(w, r.personID, .enrol, unit: unit.unit.code, today: today)
                try w.upsert(Person(id: r.personID, name: r.name, birthDate: r.birthDate, indigenous: r.indigenous))
                let filing = Filing(id: 0, unitCode: unit.unit.code, family: r.family, kind: .enrol, personID: r.personID,
                                    principalID: principal, relation: relation, name: r.name.value, birthDate: r.birthDate,
                                    category: category, reason: principal == nil ? r.eligibilityReason : "隨同被保險人加保",
                                    insuredAmount: amount, adjustedAmount: nil, effectiveDate: r.effectiveDate, filedOn: today,
                                    filedAt: core.clock.now, filedBy: caller.description, staffID: staff?.id, status: .pending,
                                    labour: r.family == .threeInOne ? r.labour : nil,
                                    foreignNational: { if case .foreignNational = r.role { true } else { false } }(),
                                    issueCardTo: r.issueFirstCardTo?.line)
                return try store(w, filing, attachments: r.attachments, caller: caller)
            }
        }

        // MARK: Withdraw

        /// Files a withdrawal (退保). With "charged here" or a transfer-out on a month's last
        /// day the withdrawal takes effect on the 1st of the next month. An NHI-only
        /// withdrawal more than 6 months back needs proof (up to 2 documents).
        @discardableResult
        public func withdraw(_ r: WithdrawalRequest, by caller: Caller) throws(ServiceError) -> Filing {
            let today = core.clock.today
            return try core.write { w in
                let (unit, staff) = try authorise(w, caller, family: r.family)
                guard let coverage = try inForce(w, r.personID, unit: unit.unit.code, on: r.transferOutDate, principalOnly: false) else {
                    throw ServiceError(.filingNotInsuredHere, context: ["person": r.personID.masked])
                }
                let effective = EffectiveDateRules.withdrawal(transferOut: r.transferOutDate, chargedHere: r.chargedHere)
                if r.family == .nhiOnly && EffectiveDateRules.withdrawalNeedsProof(effective: effective, filedOn: today) {
                    guard (1...2).contains(r.attachments.count) else { throw ServiceError(.filingProofRequired, context: ["rule": "retroactive > 6 months"]) }
                }
                try refuseDuplicatePending(w, r.personID, .withdraw, unit: unit.unit.code, today: today)
                let person = try w.person(r.personID)
                let filing = Filing(id: 0, unitCode: unit.unit.code, family: r.family, kind: .withdraw, personID: r.personID,
                                    principalID: coverage.principal, relation: coverage.relation, name: person?.name.value ?? "",
                                    birthDate: person?.birthDate, category: coverage.category, reason: r.reason.label,
                                    insuredAmount: coverage.amount, adjustedAmount: nil, effectiveDate: effective, filedOn: today,
                                    filedAt: core.clock.now, filedBy: caller.description, staffID: staff?.id, status: .pending)
                return try store(w, filing, attachments: r.attachments, caller: caller)
            }
        }

        // MARK: Salary adjustment

        /// Files a single salary adjustment (薪調): effective the 1st of the month after the
        /// filing date. An employer lowering their own amount needs 1–3 documents.
        @discardableResult
        public func adjustSalary(_ r: SalaryAdjustmentRequest, by caller: Caller) throws(ServiceError) -> Filing {
            let today = core.clock.today
            return try core.write { w in
                let (unit, staff) = try authorise(w, caller, family: r.family)
                let effective = EffectiveDateRules.salaryAdjustment(filedOn: today)
                guard let coverage = try inForce(w, r.personID, unit: unit.unit.code, on: today, principalOnly: true) else {
                    throw ServiceError(.filingNotInsuredHere, context: ["person": r.personID.masked])
                }
                guard r.newAmount != coverage.amount else { throw ServiceError(.filingAmountUnchanged) }
                let lowering = coverage.category.defaultsToTopGrade && r.newAmount < coverage.amount
                if lowering {
                    guard r.employerLowering, (1...3).contains(r.attachments.count) else {
                        throw ServiceError(.filingProofRequired, context: ["rule": "employer lowering own amount"])
                    }
                }
                try checkAmount(r.newAmount, on: effective, category: coverage.category, salary: r.monthlySalary ?? r.labour?.monthlySalary,
                                hasPaidStaff: true, labour: r.labour, attachments: r.attachments, proofAlreadyChecked: lowering)
                if r.family == .threeInOne { try checkLabour(r.labour, on: effective) }
                try refuseDuplicatePending(w, r.personID, .salaryAdjustment, unit: unit.unit.code, today: today)
                let person = try w.person(r.personID)
                let filing = Filing(id: 0, unitCode: unit.unit.code, family: r.family, kind: .salaryAdjustment, personID: r.personID,
                                    principalID: nil, relation: nil, name: person?.name.value ?? "", birthDate: person?.birthDate,
                                    category: coverage.category, reason: lowering ? "雇主投保金額調降" : "薪資調整",
                                    insuredAmount: coverage.amount, adjustedAmount: r.newAmount, effectiveDate: effective, filedOn: today,
                                    filedAt: core.clock.now, filedBy: caller.description, staffID: staff?.id, status: .pending,
                                    labour: r.family == .threeInOne ? r.labour : nil)
                return try store(w, filing, attachments: r.attachments, caller: caller)
            }
        }

        // MARK: Status changes

        /// Files a suspension, parental leave, resumption or renewal (NHI-only).
        @discardableResult
        public func changeStatus(_ r: StatusChangeRequest, by caller: Caller) throws(ServiceError) -> Filing {
            guard [.suspend, .parentalLeave, .resume, .renew].contains(r.kind) else { throw ServiceError(.filingKind) }
            let today = core.clock.today
            return try core.write { w in
                let (unit, staff) = try authorise(w, caller, family: .nhiOnly)
                let coverages = try w.coverages(person: r.personID).filter { $0.unitCode == unit.unit.code }
                let current = coverages.last { $0.isInForce(on: r.date) }
                switch r.kind {
                case .suspend, .parentalLeave:
                    guard let current, current.status == .active else { throw ServiceError(.filingNotActive, context: ["person": r.personID.masked]) }
                case .resume:
                    guard let current, current.status != .active else { throw ServiceError(.filingNotSuspended, context: ["person": r.personID.masked]) }
                default:  // renew: insured here before, not now
                    guard current == nil, coverages.last != nil else { throw ServiceError(.filingNotInsuredHere, context: ["person": r.personID.masked]) }
                }
                let basis = current ?? coverages.last!
                try refuseDuplicatePending(w, r.personID, r.kind, unit: unit.unit.code, today: today)
                let person = try w.person(r.personID)
                let filing = Filing(id: 0, unitCode: unit.unit.code, family: .nhiOnly, kind: r.kind, personID: r.personID,
                                    principalID: basis.principalID, relation: basis.relation, name: person?.name.value ?? "",
                                    birthDate: person?.birthDate, category: basis.category, reason: r.reason,
                                    insuredAmount: basis.insuredAmount, adjustedAmount: nil, effectiveDate: r.date, filedOn: today,
                                    filedAt: core.clock.now, filedBy: caller.description, staffID: staff?.id, status: .pending)
                return try store(w, filing, attachments: [], caller: caller)
            }
        }

        /// Files a change of basic data; a new birth date needs proof.
        @discardableResult
        public func changeBasicData(_ r: BasicDataChangeRequest, by caller: Caller) throws(ServiceError) -> Filing {
            guard r.name != nil || r.birthDate != nil else { throw ServiceError(.filingNothingToChange) }
            if r.birthDate != nil && r.attachments.isEmpty { throw ServiceError(.filingProofRequired, context: ["rule": "birth date change"]) }
            let today = core.clock.today
            return try core.write { w in
                let (unit, staff) = try authorise(w, caller, family: .nhiOnly)
                guard let coverage = try inForce(w, r.personID, unit: unit.unit.code, on: today, principalOnly: false) else {
                    throw ServiceError(.filingNotInsuredHere, context: ["person": r.personID.masked])
                }
                let person = try w.person(r.personID)
                let filing = Filing(id: 0, unitCode: unit.unit.code, family: .nhiOnly, kind: .basicDataChange, personID: r.personID,
                                    principalID: coverage.principal, relation: coverage.relation,
                                    name: (r.name ?? person?.name)?.value ?? "", birthDate: r.birthDate ?? person?.birthDate,
                                    category: coverage.category, reason: r.attachments.isEmpty ? "基本資料變更-不需檢具證明" : "基本資料變更-需檢具證明",
                                    insuredAmount: coverage.amount, adjustedAmount: nil, effectiveDate: today, filedOn: today,
                                    filedAt: core.clock.now, filedBy: caller.description, staffID: staff?.id, status: .pending)
                return try store(w, filing, attachments: r.attachments, caller: caller)
            }
        }

        // MARK: Deletion and queries

        /// Deletes a filing: only on the filing day, only before conversion. The labour side
        /// of a three-in-one filing is voided, or a cancellation is forwarded when it was
        /// already sent at 18:00.
        public func delete(_ id: Int64, by caller: Caller) throws(ServiceError) {
            let now = core.clock.now
            try core.write { w in
                guard var filing = try w.filing(id: id) else { throw ServiceError(.filingNotFound) }
                guard caller.isStaff(of: filing.unitCode) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
                if !caller.isAdministrator(of: filing.unitCode) && filing.staffID != caller.staffID { throw ServiceError(.notAuthorised) }
                guard filing.filedOn == CalendarDate.today(at: now), filing.status == .pending else { throw ServiceError(.filingNotDeletable) }
                filing.status = .deleted
                try w.update(filing)
                for var entry in try w.labourOutbox(filing: id) {
                    if entry.forwardedAt == nil {
                        entry.action = "void"
                        entry.forwardedAt = now
                        try w.update(entry)
                    } else {
                        _ = try w.insert(LabourOutboxEntry(id: 0, filingID: id, unitCode: filing.unitCode, action: "cancel", dueAt: now, forwardedAt: nil))
                    }
                }
                try core.record(w, caller, unit: filing.unitCode, action: "filing.delete", target: filing.personID.masked, detail: "#\(id)")
            }
        }

        /// Filings made today (異動作業後查詢): operators see their own, administrators all.
        public func filedToday(unit: UnitCode, by caller: Caller) throws(ServiceError) -> [Filing] {
            let today = core.clock.today
            return try query(unit: unit, from: today, through: today, by: caller)
        }

        /// Check results of filings made in a date range (異動檢核後查詢), at most the last two
        /// months.
        public func checkResults(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) throws(ServiceError) -> [Filing] {
            let today = core.clock.today
            guard from >= today.adding(months: -2), from <= through else {
                throw ServiceError(.filingQueryRange, context: ["from": from.iso, "through": through.iso])
            }
            return try query(unit: unit, from: from, through: through, by: caller).filter { $0.status == .accepted || $0.status == .rejected }
        }

        /// Filed data for printing (申報資料套印表格): every filing of a range, deleted ones excluded.
        public func listing(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) throws(ServiceError) -> [Filing] {
            try query(unit: unit, from: from, through: through, by: caller).filter { $0.status != .deleted }
        }

        func query(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) throws(ServiceError) -> [Filing] {
            guard caller.isStaff(of: unit) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            let staffID = caller.isAdministrator(of: unit) ? nil : caller.staffID
            return try core.read { try $0.filings(unit: unit, filedFrom: from, through: through, staffID: staffID) }
        }

        // MARK: Rules

        /// The caller must be staff of an registered unit allowed to file; three-in-one needs
        /// a labour-insurance number.
        func authorise(_ r: any StoreReader, _ caller: Caller, family: FilingFamily) throws -> (UnitAccount, StaffMember?) {
            let (unit, member) = try UnitAuthorisation.context(r, caller)
            try UnitAuthorisation.check(family == .threeInOne ? .fileThreeInOne : .file, caller, unit: unit, member: member)
            guard let unit else { throw ServiceError(.unitNotRegistered) }
            return (unit, member)
        }

        /// A person's coverage in force with the unit on a day (or through a dependant).
        struct InForce {
            let amount: Money
            let category: InsuredCategory
            let principal: PersonalID?
            let relation: DependantRelation?
        }

        func inForce(_ r: any StoreReader, _ person: PersonalID, unit: UnitCode, on day: CalendarDate, principalOnly: Bool) throws -> InForce? {
            try r.coverages(person: person).last { $0.unitCode == unit && $0.isInForce(on: day) && (!principalOnly || !$0.isDependant) }
                .map { InForce(amount: $0.insuredAmount, category: $0.category, principal: $0.principalID, relation: $0.relation) }
        }

        func pendingEnrolment(_ r: any StoreReader, _ person: PersonalID, unit: UnitCode) throws -> InForce? {
            try r.filings(person: person, unit: unit).last {
                $0.status == .pending && $0.kind == .enrol && $0.principalID == nil
            }.map { InForce(amount: $0.insuredAmount ?? .zero, category: $0.category, principal: nil, relation: nil) }
        }

        func refuseDuplicatePending(_ r: any StoreReader, _ person: PersonalID, _ kind: FilingKind, unit: UnitCode, today: CalendarDate) throws {
            let since = today.adding(days: -31)
            if let other = try r.filings(person: person, unit: unit).first(where: {
                $0.filedOn >= since && $0.filedOn <= today && $0.kind == kind && ($0.status == .pending || $0.status == .staged)
            }) {
                // Names the other filing, so a second counter filing the same person at the same moment sees which.
                throw ServiceError(.filingDuplicatePending, context: ["person": person.masked, "kind": kind.rawValue,
                                                                      "filing": "\(other.id)"])
            }
        }

        func checkAmount(_ amount: Money, on date: CalendarDate, category: InsuredCategory, salary: Money?, hasPaidStaff: Bool,
                         labour: LabourSide?, attachments: [UploadedDocument], proofAlreadyChecked: Bool = false) throws {
            let verdict: InsuredAmountVerdict
            do {
                verdict = try tables.checkInsuredAmount(amount, on: date, for: InsuredAmountContext(
                    category: category, salary: salary, hasPaidStaff: hasPaidStaff,
                    labourInsuranceSalary: labour?.labourInsuranceSalary, pensionWage: labour?.pensionWage))
            } catch {
                throw ServiceError(.filingInsuredAmount, wrapping: error)
            }
            switch verdict.status {
            case .accepted:
                return
            case .needsProof:
                if proofAlreadyChecked || !attachments.isEmpty { return }
                throw ServiceError(.filingProofRequired, context: ["rule": "employer below top grade",
                                                                    "suggestion": verdict.suggestion?.grouped ?? ""])
            case .rejected:
                let first = verdict.findings.first
                throw ServiceError(.filingInsuredAmount, context: ["suggestion": verdict.suggestion?.grouped ?? "", "cause": first?.errorCode ?? ""],
                                   detail: first.map { ($0.message, $0.messageEn) })
            }
        }

        /// The three-in-one labour side: the labour-insurance salary must be a grade of the
        /// labour table (or its part-time grades) and the pension wage a grade of the pension
        /// table, each in force on the effective date; the rates within their bounds.
        func checkLabour(_ labour: LabourSide?, on date: CalendarDate) throws {
            guard let labour else { throw ServiceError(.filingLabourSideMissing) }
            guard labour.employerRatePercent >= 6, labour.employerRatePercent <= 100, (0...6).contains(labour.voluntaryRatePercent) else {
                throw ServiceError(.filingPensionRate)
            }
            do {
                let labourTable = try tables.table(.labour, on: date)
                if !labourTable.isGrade(labour.labourInsuranceSalary) && !labourTable.isGrade(labour.labourInsuranceSalary, partTime: true) {
                    throw ServiceError(.filingLabourSalaryNotAGrade, context: [
                        "field": "labourInsuranceSalary", "value": labour.labourInsuranceSalary.grouped,
                        "suggestion": try labourTable.lookup(salary: labour.labourInsuranceSalary).insuredAmount.grouped])
                }
                let pensionTable = try tables.table(.pension, on: date)
                if !pensionTable.isGrade(labour.pensionWage) {
                    throw ServiceError(.filingPensionWageNotAGrade, context: [
                        "field": "pensionWage", "value": labour.pensionWage.grouped,
                        "suggestion": try pensionTable.lookup(salary: labour.pensionWage).insuredAmount.grouped])
                }
            } catch let error as GradeError {
                throw ServiceError(.filingInsuredAmount, wrapping: error)
            }
        }

        /// Stores a filing with its attachments, the labour outbox entry of a three-in-one
        /// filing (due 18:00 today) and an audit entry.
        func store(_ w: any StoreWriter, _ filing: Filing, attachments: [UploadedDocument], caller: Caller) throws -> Filing {
            let id = try w.insert([filing], batch: nil)[0]
            for attachment in attachments { try w.store(attachment, owner: "filing:\(id)") }
            if filing.family == .threeInOne && filing.principalID == nil {
                // Forwarded at 18:00 on the filing day; filed later, at 18:00 the next day.
                var due = filing.filedOn.startInTaiwan.addingTimeInterval(18 * 3600)
                if filing.filedAt > due { due = due.addingTimeInterval(86_400) }
                _ = try w.insert(LabourOutboxEntry(id: 0, filingID: id, unitCode: filing.unitCode, action: "file", dueAt: due, forwardedAt: nil))
            }
            try core.record(w, caller, unit: filing.unitCode, action: "filing.\(filing.kind.rawValue)", target: filing.personID.masked,
                            detail: "#\(id) \(filing.family.rawValue) effective \(filing.effectiveDate.iso)")
            guard let stored = try w.filing(id: id) else { throw ServiceError(.storeFailure) }
            return stored
        }
    }

    /// Filings.
    public var filings: Filings { Filings(core: self) }
}

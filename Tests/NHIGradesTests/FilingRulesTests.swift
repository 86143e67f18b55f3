import NHICore
import Testing
@testable import NHIGrades

@Suite("Effective dates, month-end rule, bulk adjustment, insured-amount checks")
struct FilingRulesTests {
    @Test("Salary adjustment: the 1st of the month after filing (seed: 111/12/27 → 112/01/01)")
    func salaryAdjustment() throws {
        let v = Spec10.shared.seedSalaryAdjustment
        #expect(EffectiveDateRules.salaryAdjustment(filedOn: d(v.filedOn)) == d(v.effective))
        #expect(EffectiveDateRules.salaryAdjustment(filedOn: d("2026-01-01")) == d("2026-02-01"))
        #expect(EffectiveDateRules.salaryAdjustment(filingMonth: try ROCMonth(parsing: "10803")) == d("2019-04-01"))
        #expect(EffectiveDateRules.labourInsurance(filedOn: d("2026-03-05")) == d("2026-03-05"))
    }

    @Test("Withdrawal: charged here or on a month's last day → the 1st of next month")
    func withdrawal() {
        #expect(EffectiveDateRules.withdrawal(transferOut: d("2026-03-15"), chargedHere: false) == d("2026-03-15"))
        #expect(EffectiveDateRules.withdrawal(transferOut: d("2026-03-15"), chargedHere: true) == d("2026-04-01"))
        #expect(EffectiveDateRules.withdrawal(transferOut: d("2026-03-31"), chargedHere: false) == d("2026-04-01"))
        #expect(EffectiveDateRules.withdrawal(transferOut: d("2024-02-29"), chargedHere: false) == d("2024-03-01"))
    }

    @Test("NHI-only withdrawal more than 6 months back needs proof")
    func retroactiveProof() {
        let filed = d("2026-07-15")
        #expect(!EffectiveDateRules.withdrawalNeedsProof(effective: d("2026-01-15"), filedOn: filed))
        #expect(EffectiveDateRules.withdrawalNeedsProof(effective: d("2026-01-14"), filedOn: filed))
        #expect(EffectiveDateRules.withdrawalFinding(effective: d("2025-12-01"), filedOn: filed)?.code == .withdrawalNeedsProof)
        #expect(EffectiveDateRules.withdrawalFinding(effective: d("2026-06-01"), filedOn: filed) == nil)
    }

    @Test("Month-end rule: the unit covering the last day pays the whole month")
    func monthEnd() throws {
        let march = try ROCMonth(parsing: "11503")
        #expect(MonthEndRule.isCharged(march, enrolment: d("2026-03-31"), withdrawal: nil))
        #expect(!MonthEndRule.isCharged(march, enrolment: d("2026-03-01"), withdrawal: d("2026-03-31")))
        let out = EffectiveDateRules.withdrawal(transferOut: d("2026-03-31"), chargedHere: false)
        #expect(MonthEndRule.isCharged(march, enrolment: d("2026-01-10"), withdrawal: out))
        let months = MonthEndRule.chargedMonths(enrolment: d("2026-01-10"), withdrawal: d("2026-04-15"),
                                                from: try ROCMonth(parsing: "11412"), through: try ROCMonth(parsing: "11506"))
        #expect(months.map(\.compact) == ["11501", "11502", "11503"])

        // Transfer between two units on 2026-04-15: A pays January–March, B pays April on.
        let covers = [MonthEndRule.Coverage(payer: "A", from: d("2026-01-10"), until: d("2026-04-15")),
                      MonthEndRule.Coverage(payer: "B", from: d("2026-04-15"))]
        let schedule = MonthEndRule.schedule(covers, from: try ROCMonth(parsing: "11412"), through: try ROCMonth(parsing: "11505"))
        #expect(schedule.map(\.payer) == [nil, "A", "A", "A", "B", "B"])
    }

    @Test("Bulk adjustment (seed: filed 111/12/28, 25,250 → 26,400 effective 112/01/01; employers excluded; overrides)")
    func bulk() throws {
        let v = Spec10.shared.seedBulkAdjustment
        func person(_ id: String, _ name: String, _ category: InsuredCategory, _ amount: Int64) throws -> RosterEntry {
            RosterEntry(id: try PersonalID(parsing: id), name: try PersonName(name), category: category, insuredAmount: m(amount))
        }
        let roster = [
            try person("A123456789", "王小明", .employee, v.old),
            try person("F131104093", "陳小華", .employee, 27_600),
            try person("O158238845", "林大同", .employer, v.old),
            try person("W123456789", "張三", .employee, 25_200),
            try person("Z123456780", "李四", .professional, 219_500),
            try person("A800000014", "Maria", .employee, 30_000),
        ]
        let proposal = try tables.bulkAdjustmentProposal(roster: roster, filedOn: d(v.filedOn))
        #expect(proposal.effectiveDate == d(v.effective))
        #expect(proposal.table.effectiveFrom == d("2023-01-01"))
        #expect(proposal.changes.map(\.person.name.value) == ["王小明", "張三", "Maria"])
        #expect(proposal.changes.map(\.oldAmount) == [v.old, 25_200, 30_000].map(m))
        #expect(proposal.changes.map(\.newAmount) == [v.new, 26_400, 30_300].map(m))
        #expect(proposal.changes.map(\.reason) == [.belowMinimum, .belowMinimum, .notAGrade])
        #expect(proposal.excluded.map(\.person.name.value) == ["林大同", "李四"])
        #expect(proposal.excluded.map(\.needsChange) == [true, false])
        #expect(proposal.unchangedCount == 1)

        let first = try PersonalID(parsing: "A123456789")
        let overridden = try proposal.overriding(first, with: m(v.overrides[0]))
        #expect(overridden.changes[0].newAmount == m(40_100) && overridden.changes[0].overridden)
        #expect(!overridden.changes[1].overridden)
        #expect(throws: GradeError(.insuredAmountNotAGrade)) { try proposal.overriding(first, with: m(40_000)) }
        #expect(throws: GradeError(.bulkUnknownPerson)) { try proposal.overriding(try PersonalID(parsing: "F131104093"), with: m(v.overrides[1])) }
    }

    @Test("Employers default to the top grade; lower amounts need proof")
    func employerDefault() throws {
        let on = d("2026-01-01")
        #expect(try tables.defaultInsuredAmount(salary: m(50_000), on: on, category: .employer) == m(313_000))
        #expect(try tables.defaultInsuredAmount(salary: m(50_000), on: on, category: .employee) == m(50_600))
        #expect(try tables.defaultInsuredAmount(salary: m(50_000), on: d("2024-06-01"), category: .selfEmployed) == m(219_500))

        let top = try tables.checkInsuredAmount(m(313_000), on: on, for: InsuredAmountContext(category: .employer))
        #expect(top.status == .accepted && top.findings.isEmpty && top.suggestion == nil)
        let lower = try tables.checkInsuredAmount(m(50_600), on: on, for: InsuredAmountContext(category: .employer))
        #expect(lower.status == .needsProof)
        #expect(lower.findings.map(\.code) == [.insuredAmountNeedsProof])
        #expect(lower.suggestion == m(313_000))
        #expect(lower.findings[0].message.contains("313,000"))
    }

    @Test("Professionals without staff not below grade 6; labour salary and pension wage floors unless at the top")
    func floors() throws {
        let on = d("2026-01-01")
        let professional = try tables.checkInsuredAmount(m(34_800), on: on, for: InsuredAmountContext(category: .professional, hasPaidStaff: false))
        #expect(professional.status == .rejected)
        #expect(professional.findings.map(\.code).contains(.insuredAmountBelowGrade6))
        #expect(professional.suggestion == m(36_300))
        let withStaff = try tables.checkInsuredAmount(m(34_800), on: on, for: InsuredAmountContext(category: .professional, hasPaidStaff: true))
        #expect(withStaff.status == .needsProof)

        let belowLabour = try tables.checkInsuredAmount(m(36_300), on: on, for: InsuredAmountContext(labourInsuranceSalary: m(38_200)))
        #expect(belowLabour.status == .rejected && belowLabour.findings.map(\.code) == [.insuredAmountBelowLabourSalary])
        #expect(belowLabour.suggestion == m(38_200))
        let belowPension = try tables.checkInsuredAmount(m(36_300), on: on, for: InsuredAmountContext(pensionWage: m(40_000)))
        #expect(belowPension.findings.map(\.code) == [.insuredAmountBelowPensionWage] && belowPension.suggestion == m(40_100))
        // At the top grade the floors do not apply.
        let atTop = try tables.checkInsuredAmount(m(313_000), on: on, for: InsuredAmountContext(labourInsuranceSalary: m(45_800), pensionWage: m(500_000)))
        #expect(atTop.status == .accepted)
    }

    @Test("Not a grade, below the salary's grade")
    func hardRules() throws {
        let on = d("2026-01-01")
        let notAGrade = try tables.checkInsuredAmount(m(30_000), on: on, for: InsuredAmountContext())
        #expect(notAGrade.status == .rejected && notAGrade.grade == nil && notAGrade.suggestion == m(30_300))
        let underReported = try tables.checkInsuredAmount(m(30_300), on: on, for: InsuredAmountContext(salary: m(45_000)))
        #expect(underReported.findings.map(\.code) == [.insuredAmountBelowSalaryGrade] && underReported.suggestion == m(45_800))
        let fine = try tables.checkInsuredAmount(m(45_800), on: on, for: InsuredAmountContext(salary: m(45_000), labourInsuranceSalary: m(45_800)))
        #expect(fine.status == .accepted && fine.grade?.number == 11)
    }
}

import NHICore
import Testing
@testable import NHIGrades

@Suite("Labour, employment, accident insurance and the labour pension")
struct LabourPremiumTests {
    @Test("SPEC §10: 11,100 → worker 255 + 22 = 277, unit 894 + 78 = 972 (parts rounded separately)")
    func specExample() throws {
        let vector = Spec10.shared.labour
        for date in [vector.date, "2025-01-01"] {
            let premium = try calculator.labour(insuredSalary: m(vector.insuredSalary), on: d(date))
            #expect([premium.ordinary.worker, premium.employment.worker, premium.combined.worker] == vector.worker.map(m))
            #expect([premium.ordinary.unit, premium.employment.unit, premium.combined.unit] == vector.unit.map(m))
            #expect(premium.ordinary.government == m(128) && premium.employment.government == m(11))
            #expect(premium.isPartTimeGrade && premium.grade.number == 1)
            #expect(premium.ordinaryRate.percentString == "11.5%" && premium.employmentRate.percentString == "1%")
        }
    }

    @Test("The rate by date: 11% in 2024")
    func rate2024() throws {
        let premium = try calculator.labour(insuredSalary: m(11_100), on: d("2024-12-31"))
        #expect(premium.ordinary.worker == m(244))   // 11,100 × 11% × 20% = 244.2
        #expect(premium.ordinaryRate.percentString == "11%")
    }

    @Test("Days insured prorate as days ÷ 30 inside the rounding; half up")
    func proration() throws {
        let premium = try calculator.labour(insuredSalary: m(29_500), on: d("2026-02-15"), days: 15)
        #expect(premium.ordinary.worker == m(339))   // 339.25
        #expect(premium.employment.worker == m(30))  // 29.5 → 30
        let full = try calculator.labour(insuredSalary: m(29_500), on: d("2026-02-15"))
        #expect(full.ordinary.worker == m(679) && full.employment.worker == m(59))  // 678.5 → 679, 59
        #expect(throws: GradeError(.daysRange)) { try calculator.labour(insuredSalary: m(29_500), on: d("2026-01-01"), days: 31) }
        #expect(throws: GradeError(.daysRange)) { try calculator.labour(insuredSalary: m(29_500), on: d("2026-01-01"), days: 0) }
    }

    @Test("Without employment insurance; from a salary; not a grade")
    func variants() throws {
        let noEmployment = try calculator.labour(insuredSalary: m(45_800), on: d("2026-01-01"), employmentInsurance: false)
        #expect(noEmployment.employment == .zero && noEmployment.employmentRate == .zero)
        let partTime = try calculator.labour(salary: m(12_000), on: d("2026-01-01"), partTime: true)
        #expect(partTime.insuredSalary == m(12_540) && partTime.isPartTimeGrade)
        let fullTime = try calculator.labour(salary: m(12_000), on: d("2026-01-01"))
        #expect(fullTime.insuredSalary == m(29_500) && !fullTime.isPartTimeGrade)
        #expect(try calculator.labour(salary: m(100_000), on: d("2026-01-01")).insuredSalary == m(45_800))
        #expect(throws: GradeError(.insuredAmountNotAGrade)) { try calculator.labour(insuredSalary: m(30_000), on: d("2026-01-01")) }
        #expect(throws: GradeError(.tableNotInForce)) { try calculator.labour(insuredSalary: m(26_400), on: d("2022-12-31")) }
    }

    @Test("Property: labour shares are non-negative and monotonic across every grade")
    func monotonic() throws {
        for table in tables.tables(.labour) {
            guard table.effectiveFrom >= d("2023-01-01") else { continue }
            var previous: LabourPremium?
            for grade in table.partTimeGrades + table.grades {
                let premium = try calculator.labour(insuredSalary: grade.amount, on: table.effectiveFrom)
                #expect(premium.combined.worker >= .zero && premium.combined.government >= .zero)
                if let previous {
                    #expect(premium.combined.worker >= previous.combined.worker)
                    #expect(premium.combined.unit >= previous.combined.unit)
                }
                previous = premium
            }
        }
    }

    @Test("Occupational accident: employer only, industry rate + 0.07 % commuting")
    func accident() throws {
        let premium = try calculator.accident(insuredSalary: m(45_800), industryRate: try Rate(percent: "0.11%"), on: d("2026-01-01"))
        #expect(premium.rate.percentString == "0.18%")
        #expect(premium.employer == m(82))   // 45,800 × 0.18% = 82.44
        let partial = try calculator.accident(insuredSalary: m(45_800), industryRate: try Rate(percent: "0.11%"), on: d("2026-01-01"), days: 10)
        #expect(partial.employer == m(27))   // 27.48
        #expect(try calculator.accident(salary: m(100_000), industryRate: .zero, on: d("2026-01-01")).insuredSalary == m(72_800))
        #expect(throws: GradeError(.accidentIndustryRate)) {
            try calculator.accident(insuredSalary: m(45_800), industryRate: .percent(11), on: d("2026-01-01"))
        }
        #expect(throws: GradeError(.insuredAmountNotAGrade)) {
            try calculator.accident(insuredSalary: m(76_500), industryRate: .zero, on: d("2026-01-01"))
        }
    }

    @Test("Labour pension: employer at least 6 %, voluntary 0–6 %")
    func pension() throws {
        let standard = try calculator.pension(wage: m(45_800), on: d("2026-01-01"))
        #expect(standard.employer == m(2_748) && standard.voluntary == .zero)
        let voluntary = try calculator.pension(wage: m(45_800), on: d("2026-01-01"), voluntaryRate: .percent(3))
        #expect(voluntary.voluntary == m(1_374) && voluntary.total == m(4_122))
        let half = try calculator.pension(wage: m(45_800), on: d("2026-01-01"), days: 15)
        #expect(half.employer == m(1_374))
        #expect(try calculator.pension(salary: m(160_000), on: d("2026-01-01")).employer == m(9_000))
        #expect(try calculator.pension(wage: m(19_047), on: d("2026-01-01")).employer == m(1_143))  // 1,142.82
        #expect(throws: GradeError(.pensionEmployerRate)) { try calculator.pension(wage: m(45_800), on: d("2026-01-01"), employerRate: .percent(5)) }
        #expect(throws: GradeError(.pensionVoluntaryRate)) { try calculator.pension(wage: m(45_800), on: d("2026-01-01"), voluntaryRate: .percent(7)) }
        #expect(throws: GradeError(.insuredAmountNotAGrade)) { try calculator.pension(wage: m(45_000), on: d("2026-01-01")) }
    }
}

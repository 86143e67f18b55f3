import NHICore
import Testing
@testable import NHIGrades

@Suite("NHI premium")
struct NHIPremiumTests {
    @Test("Every official burden-table row of SPEC §10 is reproduced exactly", arguments: Spec10.shared.nhiPremiums)
    func officialRows(_ row: Spec10.NHIRow) throws {
        for dependants in 0...3 {
            let premium = try calculator.nhi(insuredAmount: m(row.insuredAmount), on: d(row.date), dependants: dependants)
            #expect(premium.perHead == m(row.perHead))
            #expect(premium.insured == m(row.perHead * Int64(1 + dependants)))
            if let insured = row.insured { #expect(premium.insured == m(insured[dependants])) }
            #expect(premium.unit == m(row.unit))
            if let government = row.government { #expect(premium.government == m(government)) }
        }
        let table = try calculator.nhiBurdenTable(on: d(row.date))
        let burden = try #require(table.rows.first { $0.grade.amount == m(row.insuredAmount) })
        #expect(burden.selfOnly == m(row.perHead) && burden.unit == m(row.unit))
        #expect(burden.withThree == m(row.perHead * 4))
        if let insured = row.insured { #expect([burden.selfOnly, burden.withOne, burden.withTwo, burden.withThree] == insured.map(m)) }
        if let government = row.government { #expect(burden.government == m(government)) }
    }

    @Test("A salary uses its grade; 2026 29,500 → rate 5.17%, average dependants 0.56, shares 30/60/10")
    func fromSalary() throws {
        let premium = try calculator.nhi(salary: m(29_000), on: d("2026-05-20"), dependants: 2)
        #expect(premium.insuredAmount == m(29_500) && premium.grade.number == 1)
        #expect(premium.rate.percentString == "5.17%")
        #expect(premium.averageDependants.decimalString == "0.56")
        #expect(premium.shares.description == "30%/60%/10%")
        #expect(premium.insured == m(1_374))
        #expect(premium.total == m(1_374 + 1_428 + 238))
    }

    @Test("Dependants are capped at three, with a per-person breakdown")
    func dependantsCap() throws {
        let premium = try calculator.nhi(insuredAmount: m(29_500), on: d("2026-01-01"), dependants: 5)
        #expect(premium.chargedDependants == 3)
        #expect(premium.insured == m(1_832))
        #expect(premium.perPerson.map(\.amount) == [458, 458, 458, 458, 0, 0].map(m))
        #expect(premium.perPerson.map(\.label) == ["本人", "眷屬1", "眷屬2", "眷屬3", "眷屬4", "眷屬5"])
        #expect(premium.perPerson.map(\.isCharged) == [true, true, true, true, false, false])
        #expect(premium.perPerson.reduce(Money.zero) { $0 + $1.amount } == premium.insured)
        #expect(throws: GradeError(.dependantsNegative)) { try calculator.nhi(insuredAmount: m(29_500), on: d("2026-01-01"), dependants: -1) }
    }

    @Test("An amount that is not a grade is refused with the nearest grade")
    func notAGrade() {
        #expect {
            try calculator.nhi(insuredAmount: m(30_000), on: d("2026-01-01"))
        } throws: { error in
            let error = error as? GradeError
            return error?.code == .insuredAmountNotAGrade && error?.messageEn.contains("30,300") == true
        }
        #expect(throws: GradeError(.insuredAmountNotAGrade)) { try calculator.nhi(insuredAmount: m(26_400), on: d("2026-01-01")) }
        #expect(throws: GradeError(.tableNotInForce)) { try calculator.nhi(insuredAmount: m(26_400), on: d("2020-01-01")) }
    }

    @Test("Categories: who pays what")
    func categories() throws {
        let on = d("2026-01-01")
        let employer = try calculator.nhi(insuredAmount: m(313_000), on: on, category: .employer, dependants: 1)
        #expect(employer.unit == .zero && employer.government == .zero)
        #expect(employer.perHead == m(16_182))  // 313,000 × 5.17% = 16,182.1
        #expect(employer.insured == m(32_364))
        let union = try calculator.nhi(insuredAmount: m(29_500), on: on, category: .union)
        #expect(union.perHead == m(915))        // 1,525.15 × 60% = 915.09
        #expect(union.unit == .zero)
        #expect(union.government == m(952))     // 1,525.15 × 40% × 1.56 = 951.69
        let farmer = try calculator.nhi(insuredAmount: m(29_500), on: on, category: .farmer)
        #expect(farmer.perHead == m(458) && farmer.unit == .zero && farmer.government == m(1_665))  // × 70% × 1.56 = 1,665.46
        let civil = try calculator.nhi(insuredAmount: m(29_500), on: on, category: .civilServant)
        #expect(civil.unit == m(1_665) && civil.government == .zero)
        let school = try calculator.nhi(insuredAmount: m(29_500), on: on, category: .privateSchool)
        #expect(school.unit == m(833) && school.government == m(833))  // × 35% × 1.56 = 832.73
    }

    @Test("Rates by date: 2022 uses 0.58 average dependants, 2023 0.57")
    func byDate() throws {
        let p2023 = try calculator.nhi(insuredAmount: m(26_400), on: d("2023-06-01"))
        #expect(p2023.averageDependants.decimalString == "0.57")
        #expect(p2023.perHead == m(409))   // 26,400 × 5.17% × 30% = 409.464
        #expect(p2023.unit == m(1_286))    // × 60% × 1.57 = 1,285.717…
        let p2022 = try calculator.nhi(insuredAmount: m(25_250), on: d("2022-11-01"))
        #expect(p2022.averageDependants.decimalString == "0.58")
    }

    @Test("Properties over every grade, date and category: shares ≥ 0, monotonic, total ≈ amount × rate × heads")
    func properties() throws {
        for date in ["2022-07-01", "2023-01-01", "2024-01-01", "2025-01-01", "2026-01-01"].map(d) {
            for category in InsuredCategory.allCases {
                let table = try calculator.nhiBurdenTable(on: date, category: category)
                var previous: NHIBurdenTable.Row?
                for row in table.rows {
                    #expect(row.selfOnly >= .zero && row.unit >= .zero && row.government >= .zero)
                    if let previous {
                        #expect(row.selfOnly >= previous.selfOnly && row.unit >= previous.unit && row.government >= previous.government)
                    }
                    previous = row
                    // Exact expected total with one head for the insured and 1 + average for the others.
                    let heads = Rate.one + table.averageDependants
                    let exact = table.rate * (table.shares.insured + (table.shares.unit + table.shares.government) * heads)
                    let scaled = row.grade.amount.amount * exact.numerator
                    let total = (row.selfOnly + row.unit + row.government).amount * exact.denominator
                    #expect(abs(total - scaled) <= exact.denominator * 3 / 2, "\(date) \(category) \(row.grade)")
                    // Each premium agrees with the single-premium API.
                    let single = try calculator.nhi(insuredAmount: row.grade.amount, on: date, category: category, dependants: 3)
                    #expect(single.insured == row.withThree && single.unit == row.unit && single.government == row.government)
                }
            }
        }
    }

    @Test("The burden table has one row per grade")
    func burdenTable() throws {
        let table = try calculator.nhiBurdenTable(on: d("2026-01-01"))
        #expect(table.rows.count == 58)
        #expect(table.rows.first?.grade.amount == m(29_500) && table.rows.last?.grade.amount == m(313_000))
        #expect(table.rows.allSatisfy { $0.insured(dependants: 7) == $0.withThree && $0.insured(dependants: 0) == $0.selfOnly })
    }
}

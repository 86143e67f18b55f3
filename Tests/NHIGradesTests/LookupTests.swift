import NHICore
import Testing
@testable import NHIGrades

@Suite("Grade lookup")
struct LookupTests {
    @Test("Smallest grade ≥ salary, with band and neighbours (2026)")
    func bands() throws {
        let on = d("2026-03-01")
        let first = try tables.lookup(salary: m(29_500), on: on)
        #expect(first.grade.number == 1 && first.insuredAmount == m(29_500))
        #expect(first.lower == .zero && first.upper == m(29_500))
        #expect(first.previous == nil && first.next?.amount == m(30_300))

        let second = try tables.lookup(salary: m(29_501), on: on)
        #expect(second.grade.number == 2 && second.insuredAmount == m(30_300))
        #expect(second.lower == m(29_501) && second.upper == m(30_300))

        #expect(try tables.lookup(salary: .zero, on: on).insuredAmount == m(29_500))
        #expect(try tables.lookup(salary: m(150_000), on: on).insuredAmount == m(150_000))
        #expect(try tables.lookup(salary: m(150_001), on: on).insuredAmount == m(156_400))
    }

    @Test("The top row is open-ended: 303,001 and above → 313,000, upper nil")
    func top() throws {
        for salary: Int64 in [303_001, 313_000, 313_001, 5_000_000] {
            let found = try tables.lookup(salary: m(salary), on: d("2026-01-01"))
            #expect(found.insuredAmount == m(313_000))
            #expect(found.grade.number == 58)
            #expect(found.upper == nil && found.isTop)
            #expect(found.lower == m(303_001))
            #expect(found.next == nil)
        }
        #expect(try tables.lookup(salary: m(300_000), on: d("2024-06-01")).insuredAmount == m(219_500))
    }

    @Test("The table in force on the date is used (retroactive filings)")
    func byDate() throws {
        #expect(try tables.lookup(salary: m(25_000), on: d("2022-12-31")).insuredAmount == m(25_250))
        #expect(try tables.lookup(salary: m(25_000), on: d("2023-01-01")).insuredAmount == m(26_400))
        #expect(try tables.lookup(salary: m(27_500), on: d("2024-12-31")).insuredAmount == m(27_600))
        #expect(try tables.lookup(salary: m(27_500), on: d("2025-01-01")).insuredAmount == m(28_590))
        #expect(try tables.lookup(salary: m(200_000), on: d("2022-06-30")).insuredAmount == m(182_000))
        #expect(try tables.lookup(salary: m(200_000), on: d("2022-07-01")).insuredAmount == m(204_500))
        #expect(throws: GradeError(.tableNotInForce)) { try tables.lookup(salary: m(30_000), on: d("2021-12-31")) }
        #expect(throws: GradeError(.amountNegative)) { try tables.lookup(salary: m(-1), on: d("2026-01-01")) }
    }

    @Test("Labour insurance: part-time lower grades only when asked")
    func partTime() throws {
        let on = d("2026-01-01")
        let fullTime = try tables.lookup(salary: m(12_000), on: on, kind: .labour)
        #expect(fullTime.insuredAmount == m(29_500) && !fullTime.isPartTime)
        let partTime = try tables.lookup(salary: m(12_000), on: on, kind: .labour, partTime: true)
        #expect(partTime.insuredAmount == m(12_540) && partTime.isPartTime && partTime.grade.number == 2)
        #expect(partTime.lower == m(11_101) && partTime.upper == m(12_540))
        let above = try tables.lookup(salary: m(29_000), on: on, kind: .labour, partTime: true)
        #expect(above.insuredAmount == m(29_500) && !above.isPartTime && above.grade.number == 1)
        #expect(above.previous?.amount == m(28_590))
        #expect(try tables.lookup(salary: m(90_000), on: on, kind: .labour).insuredAmount == m(45_800))
        #expect(try tables.lookup(salary: m(90_000), on: on, kind: .accident).insuredAmount == m(72_800))
        #expect(try tables.lookup(salary: m(1_000), on: on, kind: .pension).insuredAmount == m(1_500))
        #expect(try tables.isGrade(m(11_100), on: on, kind: .labour, partTime: true))
        #expect(try !tables.isGrade(m(11_100), on: on, kind: .labour))
    }

    @Test("Partial (part-time workers): the NHI table has no part-time grades; a part-time salary is insured at grade 1")
    func partTimeNHI() throws {
        for year in ["2024-01-01", "2025-01-01", "2026-01-01"] {
            let table = try tables.table(.nhi, on: d(year))
            #expect(table.partTimeGrades.isEmpty, "no part-time rows in the NHI table of \(year)")
            let lookup = try tables.lookup(salary: m(12_000), on: d(year), partTime: true)
            #expect(lookup.grade.number == 1 && !lookup.isPartTime)
            #expect(try !tables.isGrade(m(11_100), on: d(year), partTime: true))
        }
    }

    @Test("Property: binary search agrees with a linear scan for random salaries on every table")
    func agreesWithLinearScan() throws {
        var rng = SplitMix(seed: 0x6E68_6931)
        for table in tables.all {
            let ladders: [(Bool, [Grade])] = [(false, table.grades)] + (table.partTimeGrades.isEmpty ? [] : [(true, table.partTimeGrades + table.grades)])
            for (partTime, ladder) in ladders {
                let amounts: [Int64] = ladder.map(\.amount.amount)
                var samples: [Int64] = amounts.flatMap { (amount: Int64) -> [Int64] in [amount - 1, amount, amount + 1] } + [0, 1]
                for _ in 0..<500 { samples.append(Int64.random(in: 0...400_000, using: &rng)) }
                for salary in samples where salary >= 0 {
                    let expected = ladder.first { $0.amount.amount >= salary } ?? ladder.last!
                    let found = try table.lookup(salary: m(salary), partTime: partTime)
                    #expect(found.grade == expected, "\(table) \(salary)")
                    #expect(found.lower <= m(salary) || found.grade.number == 1)
                    if let upper = found.upper { #expect(m(salary) <= upper) }
                }
            }
        }
    }

    @Test("Property: the insured amount never decreases as the salary grows")
    func monotonic() throws {
        var previous = Money.zero
        for salary in stride(from: Int64(0), through: 400_000, by: 97) {
            let amount = try tables.lookup(salary: m(salary), on: d("2026-01-01")).insuredAmount
            #expect(amount >= previous)
            #expect(amount >= m(min(salary, 313_000)))
            previous = amount
        }
    }

    @Test("isGrade and grade(number:)")
    func isGrade() throws {
        let table = try tables.table(.nhi, on: d("2026-01-01"))
        #expect(table.isGrade(m(30_300)) && !table.isGrade(m(30_000)) && !table.isGrade(m(26_400)))
        #expect(table.grade(number: 6)?.amount == m(36_300))
        #expect(table.grade(number: 0) == nil && table.grade(number: 59) == nil)
        #expect(try tables.isGrade(m(26_400), on: d("2023-06-01")))
    }
}

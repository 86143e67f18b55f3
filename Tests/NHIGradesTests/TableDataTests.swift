import Foundation
import NHICore
import Testing
@testable import NHIGrades

@Suite("Bundled tables match SPEC §10")
struct TableDataTests {
    let spec = Spec10.shared

    @Test("Every NHI table from 2022-07-01 to 2026: grades below 30,300, the common part, the top, the count")
    func nhiTables() throws {
        for vector in spec.nhiTables {
            let table = try tables.table(.nhi, on: d(vector.date))
            #expect(table.effectiveFrom == d(vector.date))
            let expected = vector.below30300 + spec.nhiCommon + (vector.top == 313_000 ? spec.nhiFrom2025 : [])
            #expect(table.grades.map(\.amount.amount) == expected, "\(vector.date)")
            #expect(table.grades.count == vector.count, "\(vector.date)")
            #expect(table.top.amount == m(vector.top))
            #expect(table.grades.map(\.number) == Array(1...vector.count))
            if let instrument = vector.instrument { #expect(table.provenance.instrument.number == instrument) }
            if let date = vector.instrumentDate { #expect(table.provenance.instrument.date == d(date)) }
        }
    }

    @Test("The top grade by date: 182,000 until 2022-06-30, 219,500 until 2024-12-31, then 313,000")
    func topGrade() throws {
        for vector in spec.topGrade {
            #expect(try tables.table(.nhi, on: d(vector.date)).top.amount == m(vector.top), "\(vector.date)")
        }
    }

    @Test("The first grade of every NHI, labour and accident table is the minimum wage in force")
    func firstGradeIsMinimumWage() throws {
        for kind in [TableKind.nhi, .labour, .accident] {
            for table in tables.tables(kind) {
                let wage = try tables.rates.minimumWage.value(on: table.effectiveFrom)
                #expect(table.minimum.amount == wage.monthly, "\(table)")
            }
        }
        for vector in spec.minimumWage {
            let wage = try tables.rates.minimumWage.value(on: d(vector.date))
            #expect(wage.monthly == m(vector.monthly))
            if let hourly = vector.hourly { #expect(wage.hourly == m(hourly)) }
        }
    }

    @Test("Labour 2025 and 2026 with part-time lower grades; accident 2026 up to 72,800; pension 62 grades")
    func otherTables() throws {
        let labour2026 = try tables.table(.labour, on: d("2026-01-01"))
        #expect(labour2026.grades.map(\.amount.amount) == spec.labour2026Regular)
        #expect(labour2026.partTimeGrades.map(\.amount.amount) == spec.labour2026PartTime)
        #expect(try tables.table(.labour, on: d("2025-06-01")).grades.map(\.amount.amount) == spec.labour2025Regular)
        for table in tables.tables(.labour) { #expect(table.top.amount == m(45_800)) }

        let accident = try tables.table(.accident, on: d("2026-01-01"))
        #expect(accident.grades.map(\.amount.amount) == [29_500] + spec.nhiCommon.filter { $0 <= 72_800 })
        #expect(accident.top.amount == m(72_800))

        let pension = try tables.table(.pension, on: d("2026-01-01"))
        #expect(pension.grades.count == 62)
        #expect(pension.grades.map(\.amount.amount) == spec.pension2026 + spec.nhiCommon.filter { $0 <= 150_000 })
        for table in tables.tables(.pension) {
            #expect(table.grades.count == 62, "\(table)")
            #expect(table.minimum.amount == m(1_500))
            #expect(table.top.amount == m(150_000))
        }
    }

    @Test("Every table and every rate entry carries provenance")
    func provenance() {
        for table in tables.all {
            #expect(table.provenance.isComplete, "\(table.file)")
            #expect(!table.file.isEmpty)
            // Without an instrument number the notes must say so.
            if table.provenance.instrument.number == nil {
                #expect(table.provenance.notes?.isEmpty == false, "\(table.file)")
            }
        }
        for series in RateBook.Series.allCases {
            let entries = tables.rates.series(series).entries
            #expect(!entries.isEmpty, "\(series.rawValue)")
            for entry in entries { #expect(entry.provenance.isComplete, "\(series.rawValue) \(entry.effectiveFrom)") }
        }
        #expect(tables.rates.minimumWage.entries.allSatisfy { $0.provenance.isComplete })
        #expect(tables.rates.nhiShares.entries.allSatisfy { $0.provenance.isComplete })
        #expect(tables.rates.lateFeeRules.entries.allSatisfy { $0.provenance.isComplete })
        #expect(tables.rates.supplementaryRules.entries.allSatisfy { $0.provenance.isComplete })
    }

    @Test("Tables of one kind are sorted by date and never share a date; each is sorted without gaps")
    func structure() {
        for kind in TableKind.allCases {
            let list = tables.tables(kind)
            #expect(!list.isEmpty)
            for pair in zip(list, list.dropFirst()) { #expect(pair.0.effectiveFrom < pair.1.effectiveFrom) }
            for table in list {
                #expect(table.grades.map(\.number) == Array(1...table.grades.count))
                for pair in zip(table.grades, table.grades.dropFirst()) { #expect(pair.0.amount < pair.1.amount) }
                if let last = table.partTimeGrades.last { #expect(last.amount < table.minimum.amount) }
            }
        }
    }

    @Test("Rates and their history")
    func rates() throws {
        for vector in spec.rates {
            let series = try #require(RateBook.Series(rawValue: vector.series))
            let value = try tables.rates.series(series).value(on: d(vector.date))
            let expected = vector.value.hasSuffix("%") ? try Rate(percent: vector.value) : try Rate(decimal: vector.value)
            #expect(value == expected, "\(vector.series) \(vector.date)")
        }
        #expect(throws: GradeError(.rateNotInForce)) { try tables.rates.nhiPremium.value(on: d("2012-12-31")) }
    }

    @Test("Shares by category add up to 100 % and match SPEC")
    func shares() throws {
        for vector in spec.shares {
            let category = try InsuredCategory(parsing: vector.category)
            let shares = try tables.rates.nhiShares(for: category, on: d("2026-01-01"))
            #expect(shares.insured == (try Rate(percent: vector.insured)))
            #expect(shares.unit == (try Rate(percent: vector.unit)))
            #expect(shares.government == (try Rate(percent: vector.government)))
        }
        let labour = try tables.rates.labourShares.value(on: d("2026-01-01"))
        #expect(labour.description == "20%/70%/10%")
    }
}

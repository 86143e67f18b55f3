import Foundation
import NHICore
@testable import NHIGrades

/// The SPEC §10 and seed vectors, bundled with the tests.
struct Spec10: Decodable {
    struct Wage: Decodable { let date: String; let monthly: Int64; let hourly: Int64? }
    struct NHITable: Decodable {
        let date: String; let below30300: [Int64]; let count: Int; let top: Int64
        let instrument: String?; let instrumentDate: String?
    }
    struct Top: Decodable { let date: String; let top: Int64 }
    struct NHIRow: Decodable {
        let date: String; let insuredAmount: Int64; let perHead: Int64
        let insured: [Int64]?; let unit: Int64; let government: Int64?
    }
    struct RateVector: Decodable { let series: String; let date: String; let value: String }
    struct Share: Decodable { let category: String; let insured: String; let unit: String; let government: String }
    struct Bonus: Decodable { let paidOn: String; let insuredAmount: Int64; let cumulative: Int64; let threshold: Int64; let base: Int64; let premium: Int64 }
    struct Labour: Decodable { let date: String; let insuredSalary: Int64; let worker: [Int64]; let unit: [Int64] }
    struct Bulk: Decodable { let filedOn: String; let effective: String; let old: Int64; let new: Int64; let overrides: [Int64] }
    struct Unpaid: Decodable { let month: String; let amount: Int64; let due: String; let feeStart: String; let paymentDate: String; let fee: Int64 }
    struct Adjustment: Decodable { let filedOn: String; let effective: String }

    let minimumWage: [Wage]
    let nhiCommon: [Int64]
    let nhiFrom2025: [Int64]
    let nhiTables: [NHITable]
    let topGrade: [Top]
    let nhiPremiums: [NHIRow]
    let rates: [RateVector]
    let shares: [Share]
    let supplementaryBonus: Bonus
    let labour: Labour
    let labour2026Regular: [Int64]
    let labour2026PartTime: [Int64]
    let labour2025Regular: [Int64]
    let pension2026: [Int64]
    let seedBulkAdjustment: Bulk
    let seedUnpaidPremium: Unpaid
    let seedSalaryAdjustment: Adjustment

    static let shared: Spec10 = {
        let url = Bundle.module.url(forResource: "spec10", withExtension: "json", subdirectory: "Vectors")!
        return try! JSONDecoder().decode(Spec10.self, from: Data(contentsOf: url))
    }()
}

/// `d("2026-01-01")`.
func d(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

/// `m(29_500)`.
func m(_ amount: Int64) -> Money { Money(amount) }

let tables = GradeTables.bundled
let calculator = PremiumCalculator(tables: tables)

/// A small deterministic generator (SplitMix64) so property tests are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A temporary directory of table files, removed when the value is released.
final class TableDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-grades-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A grade-table file's JSON for tests.
func tableJSON(kind: String = "nhi", effectiveFrom: String, grades: [(Int, Int64)], partTime: [(Int, Int64)]? = nil,
               instrument: String = #"{"issuer": "衛生福利部", "number": "測試令"}"#,
               source: String = #"{"title": "test"}"#, notes: String? = nil) -> String {
    let rows = grades.map { #"{"grade": \#($0.0), "amount": \#($0.1)}"# }.joined(separator: ",")
    var text = #"{"kind": "\#(kind)", "effectiveFrom": "\#(effectiveFrom)", "title": "t", "titleEn": "t", "instrument": \#(instrument), "source": \#(source), "grades": [\#(rows)]"#
    if let partTime {
        text += #", "partTimeGrades": ["# + partTime.map { #"{"grade": \#($0.0), "amount": \#($0.1)}"# }.joined(separator: ",") + "]"
    }
    if let notes { text += #", "notes": "\#(notes)""# }
    return text + "}"
}

/// `[(1, a), (2, b), …]`.
func numbered(_ amounts: [Int64]) -> [(Int, Int64)] { amounts.enumerated().map { ($0.offset + 1, $0.element) } }

import ArgumentParser
import NHICore
import NHIGrades

/// `nhi-bench grades`: grade lookups per second and the time to compute the NHI burden
/// table of every grade on a date. `Benchmarks/grades.sh` runs it beside the Python
/// reference (`Benchmarks/reference/grades.py`), which does the same work on the same inputs.
struct GradesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "Grade lookups/second and burden-table time.")

    @Option(help: "Number of lookups (random salary 0–350,000 on one of 2023-06-30, 2024-06-30, 2025-06-30, 2026-06-30).")
    var lookups = 2_000_000

    @Option(help: "Number of burden tables computed (2026-01-01, employees, 58 grades).")
    var tables = 20_000

    @Option(help: "Repeats; the fastest run counts.")
    var repeats = 5

    @Flag(help: "One JSON object instead of text.")
    var json = false

    /// The dates cycled through by the lookup workload (index i uses dates[i % 4]).
    static let dates = ["2023-06-30", "2024-06-30", "2025-06-30", "2026-06-30"]

    func run() throws {
        let gradeTables = GradeTables.bundled
        let calculator = PremiumCalculator(tables: gradeTables)
        let dates = try Self.dates.map { try CalendarDate(iso: $0) }

        var rng = SplitMix(seed: 20_260_101)
        let salaries = (0..<lookups).map { _ in Money(Int64(rng.next() % 350_001)) }

        // 1. Lookup by date and salary through GradeTables (table by date, then grade).
        var lookupChecksum: Int64 = 0
        let lookupSeconds = try fastest(repeats: repeats) {
            var sum: Int64 = 0
            for (index, salary) in salaries.enumerated() {
                sum &+= try gradeTables.lookup(salary: salary, on: dates[index & 3]).insuredAmount.amount
            }
            lookupChecksum = sum
        }

        // 2. Lookup plus the premium of the grade (per head, unit, government) on 2026-06-30.
        var premiumChecksum: Int64 = 0
        let premiumCount = min(lookups, 200_000)
        let premiumSeconds = try fastest(repeats: repeats) {
            var sum: Int64 = 0
            for salary in salaries.prefix(premiumCount) {
                let premium = try calculator.nhi(salary: salary, on: dates[3])
                sum &+= premium.perHead.amount &+ premium.unit.amount &+ premium.government.amount
            }
            premiumChecksum = sum
        }

        // 3. The burden table of every grade on 2026-01-01.
        let day = try CalendarDate(iso: "2026-01-01")
        var tableChecksum: Int64 = 0
        let tableSeconds = try fastest(repeats: repeats) {
            var sum: Int64 = 0
            for _ in 0..<tables {
                let table = try calculator.nhiBurdenTable(on: day)
                for row in table.rows { sum &+= row.withThree.amount &+ row.unit.amount &+ row.government.amount }
            }
            tableChecksum = sum / Int64(tables)
        }
        keep(lookupChecksum)

        let lookupsPerSecond = Double(lookups) / lookupSeconds
        let premiumsPerSecond = Double(premiumCount) / premiumSeconds
        let tableMicroseconds = tableSeconds / Double(tables) * 1e6
        if json {
            print("""
                {"lookups":\(lookups),"lookupSeconds":\(lookupSeconds),"lookupsPerSecond":\(Int(lookupsPerSecond)),\
                "lookupChecksum":\(lookupChecksum),"premiums":\(premiumCount),"premiumsPerSecond":\(Int(premiumsPerSecond)),\
                "premiumChecksum":\(premiumChecksum),"tables":\(tables),"tableMicroseconds":\(tableMicroseconds),\
                "tableChecksum":\(tableChecksum)}
                """)
        } else {
            print("lookups (date + salary → grade): \(Int(lookupsPerSecond)) /s, \(lookupSeconds / Double(lookups) * 1e9) ns each, checksum \(lookupChecksum)")
            print("lookup + NHI premium:            \(Int(premiumsPerSecond)) /s, checksum \(premiumChecksum)")
            print("burden table 2026 (58 grades):   \(tableMicroseconds) µs each, checksum \(tableChecksum)")
        }
    }
}

import ArgumentParser
import NHICore
import NHIGrades

/// `nhi premium`: the NHI premium of a salary or insured amount, split by who pays.
struct PremiumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "premium",
        abstract: "試算健保保險費 — Compute the NHI premium: insured, unit and government shares.",
        discussion: """
            per_head = round_half_up(amount × rate × insured share); insured = per_head × \
            (1 + min(dependants, 3)); unit and government = round_half_up(amount × rate × share × \
            (1 + average dependants)). JSON: {"insuredAmount","grade","perHead","insured","unit", \
            "government","rate","averageDependants","category","dependants","chargedDependants", \
            "total","date","effectiveFrom","shares","perPerson"}. Rates and shares are exact decimal \
            strings ("5.17%", "0.56", "30%"); money is integer NT$. --salary uses the salary's \
            grade for every category; employers, the self-employed and professionals are enrolled \
            at the top grade unless they prove a lower income (see nhi grades check).
            """)

    @Option(name: .long, help: "月薪資 Monthly salary: its grade is used.")
    var salary: String?

    @Option(name: .long, help: "投保金額 Insured amount (must be a grade of the table in force).")
    var insuredAmount: String?

    @Option(name: .long, help: "眷口數 Number of dependants (at most 3 are charged).")
    var dependants = 0

    @Option(name: .long, help: "身分別 Category: \(InsuredCategory.allCases.map(\.rawValue).joined(separator: "|")).")
    var category: InsuredCategory = .employee

    @Flag(name: .long, help: "輸出 JSON — one JSON object.")
    var json = false

    @OptionGroup var options: GradeOptions

    func validate() throws {
        if (salary == nil) == (insuredAmount == nil) {
            throw ArgumentParser.ValidationError("請指定 --salary 或 --insured-amount 其中之一 — give exactly one of --salary and --insured-amount")
        }
        if dependants < 0 { throw ArgumentParser.ValidationError("眷口數不可為負數 — --dependants must not be negative") }
    }

    func run() throws {
        let calculator = PremiumCalculator(tables: try options.tables())
        let date = try options.date()
        let premium: NHIPremium
        if let salary {
            premium = try calculator.nhi(salary: try parseMoney(salary), on: date, category: category, dependants: dependants)
        } else {
            premium = try calculator.nhi(insuredAmount: try parseMoney(insuredAmount ?? ""), on: date, category: category, dependants: dependants)
        }
        if json {
            try Self.json(premium).printLine()
            return
        }
        print("健保保險費 NHI premium · \(premium.date.iso) · \(premium.category.label) \(premium.category.rawValue)")
        print("  投保金額 insured amount \(grouped(premium.insuredAmount))（第\(premium.grade.number)級 grade \(premium.grade.number)，\(premium.table.effectiveFrom.iso) 分級表）")
        print("  費率 rate \(premium.rate.percentString) · 負擔比率 shares \(premium.shares) · 平均眷口數 average dependants \(premium.averageDependants.decimalString)")
        let rows = premium.perPerson.map { person in
            [person.label + " " + person.labelEn, grouped(person.amount), person.isCharged ? "" : "超過3口不計 beyond 3, not charged"]
        }
        printTable(header: ["保險對象 person", "金額 NT$", ""], rows: rows, rightAligned: [1])
        print("被保險人負擔 insured pays   \(grouped(premium.insured))（\(premium.chargedDependants) 眷口 dependants charged）")
        print("投保單位負擔 unit pays      \(grouped(premium.unit))")
        print("政府補助 government pays    \(grouped(premium.government))")
        print("合計 total                  \(grouped(premium.total))")
    }

    /// The SDK's own `Encodable` form, which has the documented keys in their order.
    static func json(_ premium: NHIPremium) throws -> JSONValue {
        try JSONValue(encoding: premium)
    }
}

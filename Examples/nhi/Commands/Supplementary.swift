import ArgumentParser
import NHICore
import NHIGrades

/// `nhi supplementary …`: the supplementary premium (補充保險費).
struct SupplementaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supplementary",
        abstract: "試算補充保險費 — Supplementary premium: one payment, a year of bonuses, a unit's month.",
        subcommands: [SupplementaryPayment.self, SupplementaryBonuses.self, SupplementaryUnit.self])

    static func json(_ p: SupplementaryPremium) -> JSONValue {
        .object([
            ("code", .string(p.code.rawValue)), ("codeLabel", .string(p.code.label)), ("paidOn", .string(p.paidOn.iso)),
            ("payment", .int(p.payment.amount)), ("threshold", .int(p.threshold.amount)),
            ("cumulativeBonuses", .optional(p.cumulativeBonuses.map { .int($0.amount) })),
            ("base", .int(p.base.amount)), ("rate", .string(p.rate.percentString)), ("premium", .int(p.premium.amount)),
            ("capped", .bool(p.capped)), ("exemption", .optional(p.exemption.map { .string($0.rawValue) })),
        ])
    }

    static func text(_ p: SupplementaryPremium) -> String {
        var line = "\(p.paidOn.rocSlashed)  \(p.code.rawValue) \(p.code.label) \(p.code.labelEn)  給付 paid \(grouped(p.payment))"
        if let cumulative = p.cumulativeBonuses { line += "  累計 year to date \(grouped(cumulative))" }
        line += "  門檻 threshold \(grouped(p.threshold))  計費 base \(grouped(p.base))  × \(p.rate.percentString) = 補充保險費 premium \(grouped(p.premium))"
        if p.capped { line += "（單次超過上限部分免扣 above the per-payment cap, exempt）" }
        if let exemption = p.exemption { line += "（免扣 exempt: \(exemption.label) \(exemption.labelEn)）" }
        return line
    }
}

/// `nhi supplementary payment`: one payment.
struct SupplementaryPayment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment",
        abstract: "單筆給付 — The premium withheld on one payment.",
        discussion: """
            62 bonus: charged on the part taking the year's bonuses above 4 × the insured amount \
            (give --insured-amount and --earlier-bonuses). 63 part-time pay: payment ≥ minimum wage. \
            65–68: payment ≥ 20,000. Above 10,000,000 per payment is exempt. JSON: {"code", \
            "codeLabel","paidOn","payment","threshold","cumulativeBonuses","base","rate","premium", \
            "capped","exemption"}.
            """)

    @Option(name: .long, help: "所得類別 Income code: 62, 63, 65, 66, 67 or 68.")
    var code: IncomeCode

    @Option(name: .long, help: "給付金額 Amount paid.")
    var amount: String

    @Option(name: .long, help: "給付日期 Payment date (default: --on, else today).")
    var paidOn: String?

    @Option(name: .long, help: "當月投保金額 Insured amount of the payment month (code 62).")
    var insuredAmount: String?

    @Option(name: .long, help: "當年度先前已給付獎金 Bonuses paid earlier this calendar year (code 62).")
    var earlierBonuses = "0"

    @Option(name: .long, help: "免扣身分 Exemption: low-income or not-insured.")
    var exempt: SupplementaryExemption?

    @Flag(name: .long, help: "輸出 JSON.")
    var json = false

    @OptionGroup var options: GradeOptions

    func run() throws {
        let calculator = PremiumCalculator(tables: try options.tables())
        let date = try paidOn.map(parseDate) ?? options.date()
        let result = try calculator.supplementary(
            code: code, payment: try parseMoney(amount), paidOn: date, insuredAmount: try insuredAmount.map(parseMoney),
            earlierBonusesThisYear: try parseMoney(earlierBonuses), exemption: exempt)
        if json { SupplementaryCommand.json(result).printLine() } else { print(SupplementaryCommand.text(result)) }
    }
}

/// `nhi supplementary bonuses`: a series of bonuses in one or more calendar years.
struct SupplementaryBonuses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bonuses",
        abstract: "多筆獎金累計 — Bonuses (62) across several payments: the cumulative rule.",
        discussion: """
            Each PAYMENT is DATE:AMOUNT or DATE:AMOUNT:INSURED (the insured amount of that month; \
            default --insured-amount). With --json, one object per payment, in input order.
            """)

    @Argument(help: "給付 Payments: 2026-02-10:100000 or 2026-02-10:100000:31800.")
    var payments: [String]

    @Option(name: .long, help: "投保金額 Insured amount when a payment does not give one.")
    var insuredAmount: String?

    @Flag(name: .long, help: "輸出 JSON.")
    var json = false

    @OptionGroup var options: GradeOptions

    func run() throws {
        let fallback = try insuredAmount.map(parseMoney)
        let parsed = try payments.map { text -> BonusPayment in
            let parts = text.split(separator: ":").map(String.init)
            guard (2...3).contains(parts.count) else {
                throw ArgumentParser.ValidationError("給付格式應為 DATE:AMOUNT[:INSURED] — payment must be DATE:AMOUNT[:INSURED]: \(text)")
            }
            guard let insured = try parts.count == 3 ? parseMoney(parts[2]) : fallback else {
                throw GradeError(.supplementaryInsuredAmountMissing, field: "insuredAmount", input: text)
            }
            return BonusPayment(paidOn: try parseDate(parts[0]), amount: try parseMoney(parts[1]), insuredAmount: insured)
        }
        let results = try PremiumCalculator(tables: try options.tables()).bonusSupplementary(parsed)
        for result in results {
            if json { SupplementaryCommand.json(result).printLine() } else { print(SupplementaryCommand.text(result)) }
        }
        if !json {
            print("合計 total premium \(grouped(results.reduce(Money.zero) { $0 + $1.premium }))")
        }
    }
}

/// `nhi supplementary unit`: the unit's own monthly supplementary premium.
struct SupplementaryUnit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "投保單位補充保險費 — A unit's monthly premium on salaries paid above insured amounts.",
        discussion: "JSON: {\"month\",\"salariesPaid\",\"insuredAmounts\",\"base\",\"rate\",\"premium\"}.")

    @Option(name: .long, help: "月份 Month: ROC 11501 / 115/01, or 2026-01.")
    var month: String

    @Option(name: .long, help: "當月薪資支出總額 Salaries paid in the month.")
    var salariesPaid: String

    @Option(name: .long, help: "受僱者當月投保金額總額 Sum of the employees' insured amounts.")
    var insuredTotal: String

    @Flag(name: .long, help: "輸出 JSON.")
    var json = false

    @OptionGroup var options: GradeOptions

    func run() throws {
        let result = try PremiumCalculator(tables: try options.tables()).unitSupplementary(
            month: try parseMonth(month), salariesPaid: try parseMoney(salariesPaid), insuredAmounts: try parseMoney(insuredTotal))
        if json {
            JSONValue.object([
                ("month", .string(result.month.compact)), ("salariesPaid", .int(result.salariesPaid.amount)),
                ("insuredAmounts", .int(result.insuredAmounts.amount)), ("base", .int(result.base.amount)),
                ("rate", .string(result.rate.percentString)), ("premium", .int(result.premium.amount)),
            ]).printLine()
        } else {
            print("\(result.month.compact) 投保單位補充保險費 unit supplementary premium")
            print("  (薪資 salaries \(grouped(result.salariesPaid)) − 投保金額 insured \(grouped(result.insuredAmounts))) = \(grouped(result.base)) × \(result.rate.percentString) = \(grouped(result.premium))")
        }
    }
}

import ArgumentParser
import NHICore
import NHIGrades

/// `nhi late-fee`: the late fee on an unpaid premium for an expected payment date.
struct LateFeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "late-fee",
        abstract: "估算滯納金 — Estimate the late fee on an unpaid premium for a payment date.",
        discussion: """
            Due at the end of the following month; 15 days' grace; then 0.1% a day until the day \
            before payment, capped at 15% (units, withholding agents) or 5% (individuals). JSON: \
            {"premiumMonth","unpaid","payer","dueDate","graceEnds","feeStartDate","paymentDate", \
            "daysLate","daysCharged","dailyRate","cap","capReached","fee","total"}.
            """)

    @Option(name: .long, help: "保費年月 Premium month: ROC 11111 / 111/11, or 2022-11.")
    var month: String?

    @Option(name: .long, help: "繳納期限 Due date instead of --month.")
    var due: String?

    @Option(name: .long, help: "未繳金額 Unpaid amount.")
    var amount: String

    @Option(name: .long, help: "預計繳納日期 Expected payment date (default: today).")
    var payOn: String?

    @Option(name: .long, help: "繳納義務人 Payer: unit, withholding-agent or individual.")
    var payer: LateFeePayer = .unit

    @Flag(name: .long, help: "輸出 JSON.")
    var json = false

    @OptionGroup var options: GradeOptions

    func validate() throws {
        if (month == nil) == (due == nil) {
            throw ArgumentParser.ValidationError("請指定 --month 或 --due 其中之一 — give exactly one of --month and --due")
        }
    }

    func run() throws {
        let calculator = PremiumCalculator(tables: try options.tables())
        let paymentDate = try payOn.map(parseDate) ?? options.date()
        let unpaid = try parseMoney(amount)
        let fee: LateFee
        if let month {
            fee = try calculator.lateFee(unpaid: unpaid, premiumMonth: try parseMonth(month), paymentDate: paymentDate, payer: payer)
        } else {
            fee = try calculator.lateFee(unpaid: unpaid, dueDate: try parseDate(due ?? ""), paymentDate: paymentDate, payer: payer)
        }
        if json {
            JSONValue.object([
                ("premiumMonth", .optional(fee.premiumMonth.map { .string($0.compact) })), ("unpaid", .int(fee.unpaid.amount)),
                ("payer", .string(fee.payer.rawValue)), ("dueDate", .string(fee.dueDate.iso)), ("graceEnds", .string(fee.graceEnds.iso)),
                ("feeStartDate", .string(fee.feeStartDate.iso)), ("paymentDate", .string(fee.paymentDate.iso)),
                ("daysLate", .int(fee.daysLate)), ("daysCharged", .int(fee.daysCharged)),
                ("dailyRate", .string(fee.dailyRate.percentString)), ("cap", .string(fee.cap.percentString)),
                ("capReached", .bool(fee.capReached)), ("fee", .int(fee.fee.amount)), ("total", .int(fee.total.amount)),
            ]).printLine()
            return
        }
        func roc(_ date: CalendarDate) -> String { date.rocSlashed == date.iso ? date.iso : "\(date.rocSlashed) (\(date.iso))" }
        if let month = fee.premiumMonth { print("保費年月 premium month \(month.compact)  未繳金額 unpaid \(grouped(fee.unpaid))  \(fee.payer.label) \(fee.payer.rawValue)") }
        print("繳納期限 due date          \(roc(fee.dueDate))")
        print("寬限期滿 grace ends        \(roc(fee.graceEnds))")
        print("滯納金起算日 fee start     \(roc(fee.feeStartDate))")
        print("預計繳納日期 payment date  \(roc(fee.paymentDate))")
        print("逾期日數 days late \(fee.daysLate)，計收 charged \(fee.daysCharged) × \(fee.dailyRate.percentString)（上限 cap \(fee.cap.percentString)\(fee.capReached ? "，已達上限 cap reached" : "")）")
        print("滯納金 late fee \(grouped(fee.fee))  應繳總計 total \(grouped(fee.total))")
    }
}

import ArgumentParser
import Foundation
import NHICore
import NHIService

/// `nhi service roster UNIT_CODE`: the unit's in-force insured on a day.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roster", abstract: "在保名冊 — The unit's in-force roster.")
    @OptionGroup var options: ServiceOptions
    @Argument(help: "投保單位代號") var unitCode: String
    @Option(help: "日期 (default: today)") var on: String?

    func run() async throws {
        let unit = try UnitCode(parsing: Normalizer.identifier.normalize(unitCode).value)
        var options = options
        if options.unit == nil { options.unit = unit.rawValue }
        let (day, roster) = try await options.withDesk { desk in
            let day = try on.map(parseDate) ?? desk.today
            return (day, try await desk.workflows.roster(on: day))
        }
        if options.json {
            JSONValue.object([
                ("unit", .string(unit.rawValue)), ("date", .date(day)), ("count", .int(roster.count)),
                ("people", .array(roster.map { r in
                    .object([("id", .string(r.personID.rawValue)), ("name", .string(r.name)), ("role", .string(r.isDependant ? "眷屬" : "本人")),
                             ("principalID", .string(r.principalID?.rawValue)), ("relation", .string(r.relation?.rawValue)),
                             ("category", .string(r.category.rawValue)), ("insuredAmount", .money(r.insuredAmount)),
                             ("startDate", .date(r.startDate)), ("status", .string(r.status.rawValue))])
                })),
            ]).printLine()
        } else {
            printTable(header: ["身分證號 ID", "姓名 name", "身份", "投保金額", "加保日", "狀態"],
                       rows: roster.map { [$0.personID.rawValue, $0.name, $0.isDependant ? "眷屬" : "本人", $0.insuredAmount.grouped,
                                           $0.startDate.rocSlashed, $0.status.label] }, rightAligned: [3])
            print("共 \(roster.count) 人 — \(roster.count) people")
        }
    }
}

/// `nhi service premium-detail --month`.
struct PremiumDetailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "premium-detail", abstract: "保費計算明細 — Premium calculation detail of a month.")
    @OptionGroup var options: ServiceOptions
    @Option(help: "計費月份 (ROC yyyMM or YYYY-MM)") var month: String

    func run() throws {
        let service = try options.service()
        let caller = try options.caller(service)
        let detail = try service.premiums.detail(unit: caller.unitCode!, month: try parseMonth(month), by: caller)
        if options.json {
            JSONValue.object([
                ("unit", .string(detail.unitCode.rawValue)), ("month", .string(detail.month.compact)),
                ("lines", .array(detail.lines.map { l in
                    .object([("id", .string(l.personID.rawValue)), ("name", .string(l.name)), ("insuredAmount", .money(l.insuredAmount)),
                             ("dependants", .int(l.dependants)), ("insured", .money(l.insuredShare)), ("unit", .money(l.unitShare)),
                             ("government", .money(l.governmentShare)), ("note", .string(l.note))])
                })),
                ("totalInsured", .money(detail.totalInsured)), ("totalUnit", .money(detail.totalUnit)),
                ("totalGovernment", .money(detail.totalGovernment)), ("amountDue", .money(detail.amountDue)),
            ]).printLine()
        } else {
            printTable(header: ["身分證號", "姓名", "投保金額", "眷口", "個人負擔", "單位負擔", "政府補助", "備註"],
                       rows: detail.lines.map { [$0.personID.rawValue, $0.name, $0.insuredAmount.grouped, "\($0.dependants)", $0.insuredShare.grouped,
                                                 $0.unitShare.grouped, $0.governmentShare.grouped, $0.note ?? ""] }, rightAligned: [2, 3, 4, 5, 6])
            print("應繳 amount due: \(detail.amountDue.grouped)")
        }
    }
}

/// `nhi service bills issue|list`.
struct BillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bills", abstract: "繳款單 — Issue and list bills.",
                                                    subcommands: [Issue.self, List.self])
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "開單 (月計費) — Issue a month's bills for every unit.")
        @OptionGroup var options: ServiceOptions
        @Option var month: String
        func run() throws {
            try options.requireSystem()
            let bills = try options.service().premiums.issueBills(month: try parseMonth(month))
            printBills(bills, json: options.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "繳款單清單 — List the unit's bills.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            printBills(try service.premiums.bills(payerKey: caller.unitCode!.rawValue, by: caller), json: options.json)
        }
    }
}

func printBills(_ bills: [PremiumBill], json: Bool) {
    if json {
        for b in bills {
            JSONValue.object([("id", .int(b.id)), ("payer", .string(b.payerKey)), ("month", .string(b.month.compact)), ("category", .string(b.category.rawValue)),
                              ("amount", .money(b.amount)), ("paid", .money(b.paid)), ("dueDate", .date(b.dueDate))]).printLine()
        }
        return
    }
    printTable(header: ["#", "繳款人", "保費年月", "類別", "金額", "已繳", "繳款期限"],
               rows: bills.map { ["\($0.id)", $0.payerKey, $0.month.compact, $0.category.label, $0.amount.grouped, $0.paid.grouped, $0.dueDate.rocSlashed] },
               rightAligned: [0, 4, 5])
}

/// `nhi service unpaid --expected DATE`: unpaid premiums with the late-fee estimate.
struct UnpaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpaid", abstract: "單位未繳保費查詢 — Unpaid premiums with late-fee estimate.")
    @OptionGroup var options: ServiceOptions
    @Option(help: "預計繳納日期") var expected: String
    @Flag(help: "申請郵寄 (date ≥ today + 4 working days)") var mailed = false

    func run() throws {
        let service = try options.service()
        let caller = try options.caller(service)
        let unpaid = try service.premiums.unpaid(payerKey: caller.unitCode!.rawValue, expectedPaymentDate: try parseDate(expected),
                                                 mailed: mailed, by: caller)
        let premiums = unpaid.reduce(Money.zero) { $0 + $1.unpaid }, fees = unpaid.reduce(Money.zero) { $0 + $1.lateFee.fee }
        if options.json {
            JSONValue.object([
                ("expectedPaymentDate", .string(try parseDate(expected).iso)),
                ("items", .array(unpaid.map { u in
                    .object([("bill", .int(u.bill.id)), ("premiumMonth", .string(u.premiumMonth.compact)), ("category", .string(u.bill.category.rawValue)),
                             ("amount", .money(u.unpaid)), ("dueDate", .date(u.bill.dueDate)), ("lateFeeStart", .date(u.lateFeeStart)),
                             ("lateFee", .money(u.lateFee.fee))])
                })),
                ("premiumTotal", .money(premiums)), ("lateFeeTotal", .money(fees)), ("total", .money(premiums + fees)),
            ]).printLine()
        } else {
            printTable(header: ["保費年月", "類別", "金額", "繳款期限", "滯納金起算日", "預估滯納金"],
                       rows: unpaid.map { [$0.premiumMonth.compact, $0.bill.category.label, $0.unpaid.grouped, $0.bill.dueDate.rocSlashed,
                                           $0.lateFeeStart.rocSlashed, $0.lateFee.fee.grouped] }, rightAligned: [2, 5])
            print("保險費小計 \(premiums.grouped)  滯納金小計 \(fees.grouped)  應繳總計 \((premiums + fees).grouped)")
        }
    }
}

/// `nhi service pay --bill ID --amount N --date D`.
struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "登錄繳款 — Record a payment.")
    @OptionGroup var options: ServiceOptions
    @Option var bill: Int64
    @Option var amount: String
    @Option var date: String

    func run() throws {
        try options.requireSystem()
        let b = try options.service().premiums.recordPayment(bill: bill, amount: try parseMoney(amount), paidOn: try parseDate(date))
        printBills([b], json: options.json)
    }
}

/// `nhi service insurance status|proof ID`.
struct InsuranceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "insurance", abstract: "投保狀況及投保證明 — Insurance status and proof.",
                                                    subcommands: [Status.self, Proof.self])
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "個人及依附眷屬投保資料 — Status with dependants.")
        @OptionGroup var options: ServiceOptions
        @Argument var id: String
        func run() throws {
            let service = try options.service()
            let person = try parsePersonalID(id)
            let caller = try options.callerOrSystem(service)
            let status = try service.insurance.status(of: person, by: caller)
            if options.json {
                func line(_ l: InsuranceStatus.Line) -> JSONValue {
                    .object([("id", .string(l.personID.rawValue)), ("name", .string(l.name)), ("unit", .string(l.unitCode.rawValue)),
                             ("unitName", .string(l.unitName)), ("role", .string(l.role)), ("relation", .string(l.relation?.rawValue)),
                             ("insuredAmount", .money(l.insuredAmount)), ("startDate", .date(l.startDate)), ("status", .string(l.status.rawValue))])
                }
                JSONValue.object([("id", .string(status.personID.rawValue)), ("name", .string(status.name)), ("asOf", .date(status.asOf)),
                                  ("insured", .bool(status.isInsured)), ("coverage", .array(status.coverage.map(line))),
                                  ("dependants", .array(status.dependants.map(line)))]).printLine()
            } else {
                let proof = ProofOfInsurance(status: status, issuedAt: service.clock.now, reference: "-")
                print(proof.lines(language: "zh-Hant").dropLast().joined(separator: "\n"))
            }
        }
    }

    struct Proof: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "投保證明 — Print a proof of insurance (zh-Hant and English).")
        @OptionGroup var options: ServiceOptions
        @Argument var id: String
        @Option(help: "zh-Hant | en | both") var language: String = "both"
        func run() throws {
            let service = try options.service()
            let person = try parsePersonalID(id)
            let caller = try options.callerOrSystem(service)
            let proof = try service.insurance.proof(of: person, by: caller)
            let languages = language == "both" ? ["zh-Hant", "en"] : [language]
            if options.json {
                JSONValue.object([("reference", .string(proof.reference)),
                                  ("lines", .object(languages.map { ($0, .array(proof.lines(language: $0).map { .string($0) })) }))]).printLine()
            } else {
                print(languages.map { proof.lines(language: $0).joined(separator: "\n") }.joined(separator: "\n\n"))
            }
        }
    }
}

/// `nhi service mail deliver|pending`.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mail", abstract: "郵件待寄區 — The mail outbox.",
                                                    subcommands: [Deliver.self, Pending.self])
    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "寄出 — Deliver pending mail into a spool directory (.eml files).")
        @OptionGroup var options: ServiceOptions
        @Option var spool: String
        func run() throws {
            try options.requireSystem()
            let sent = try options.service().mail.deliver(using: SpoolDirectoryMailSender(directory: URL(fileURLWithPath: spool)))
            if options.json { JSONValue.object([("sent", .int(sent))]).printLine() } else { print("已寄出 sent \(sent)") }
        }
    }

    struct Pending: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "待寄郵件 — List pending mail.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            try options.requireSystem()
            for m in try options.service().mail.pending() {
                if options.json {
                    JSONValue.object([("id", .int(m.id)), ("to", .string(m.to.rawValue)), ("subject", .string(m.subject)), ("kind", .string(m.kind))]).printLine()
                } else {
                    print("#\(m.id)  \(m.to.rawValue)  \(m.subject)")
                }
            }
        }
    }
}

/// `nhi service audit`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "稽核紀錄 — The unit's audit log (administrators); with --system the whole service's.")
    @OptionGroup var options: ServiceOptions
    @Option var limit: Int = 50
    func run() throws {
        let service = try options.service()
        let caller = try options.callerOrSystem(service)
        let entries = try caller.standing == .system ? service.audit.all(limit: limit)
            : service.audit.entries(unit: caller.unitCode!, by: caller, limit: limit)
        for e in entries {
            if options.json {
                JSONValue.object([("at", .string(ISO8601DateFormatter().string(from: e.at))), ("actor", .string(e.actor)), ("role", .string(e.role)),
                                  ("action", .string(e.action)), ("target", .string(e.target)), ("detail", .string(e.detail))]).printLine()
            } else {
                print("\(ROCDate.timestamp(e.at))  \(e.role)  \(e.action)  \(e.target)  \(e.detail)")
            }
        }
    }
}

import ArgumentParser
import Foundation
import NHICore
import NHIGrades
import NHIService

extension FilingFamily: ExpressibleByArgument {}
extension WithdrawalReason: ExpressibleByArgument {}

/// `nhi service filing …`: enrol, withdraw, adjust, bulk-adjust, status changes, delete, queries.
struct FilingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filing", abstract: "加退保異動 — File and query changes.",
        subcommands: [Enrol.self, Withdraw.self, Adjust.self, BulkAdjust.self, Status.self, Delete.self, Today.self, Results.self, Listing.self,
                      Import.self, FilingBasicData.self])

    struct Enrol: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "加保 — Enrol a person.")
        @OptionGroup var options: ServiceOptions
        @Option var family: FilingFamily = .nhiOnly
        @Option(help: "身分證號或居留證號") var id: String
        @Option(help: "姓名") var name: String
        @Option(name: .customLong("birth-date"), help: "出生日期 (YYYY-MM-DD or ROC)") var birthDate: String
        @Option(help: "身分別 employee|employer|self-employed|professional|…") var category: InsuredCategory = .employee
        @Option(help: "生效日期 (default: today)") var effective: String?
        @Option(help: "投保金額") var amount: String?
        @Option(help: "月薪資總額 (the amount defaults to its grade)") var salary: String?
        @Option(name: .customLong("dependant-of"), help: "眷屬：被保險人身分證號") var dependantOf: String?
        @Option(help: "稱謂 (配偶, 子女, 父母 …)") var relation: String?
        @Flag(help: "外籍人士") var foreign = false
        @Flag(name: .customLong("needs-permit"),
              help: "外籍人士非自動符合投保資格：須以 --document 檢附居留證影本及主管機關許可函 — a foreigner who must prove eligibility with 2 documents")
        var needsPermit = false
        @Option(name: .customLong("first-card-county"), help: "首次加保申請健保卡：縣市 (with --first-card-district, --first-card-street)")
        var firstCardCounty: String?
        @Option(name: .customLong("first-card-district"), help: "首次加保申請健保卡：鄉鎮市區") var firstCardDistrict: String?
        @Option(name: .customLong("first-card-village"), help: "首次加保申請健保卡：村里") var firstCardVillage: String = ""
        @Option(name: .customLong("first-card-neighbourhood"), help: "首次加保申請健保卡：鄰") var firstCardNeighbourhood: String = ""
        @Option(name: .customLong("first-card-street"), help: "首次加保申請健保卡：街路門牌") var firstCardStreet: String?
        @Option(name: .customLong("reason"), help: "合於健保投保條件") var reason: String = "到職起薪"
        @Option(name: .customLong("document"), help: "證明文件 (.jpg/.pdf), repeatable") var documents: [String] = []
        @Option(name: .customLong("labour-salary"), help: "勞保投保薪資 (three-in-one)") var labourSalary: String?
        @Option(name: .customLong("pension-wage"), help: "勞退月提繳工資 (three-in-one)") var pensionWage: String?

        func run() async throws {
            try await options.withDesk { desk in try await enrol(desk) }
        }

        private func enrol(_ desk: UnitDesk) async throws {
            let tables = desk.tables
            let effectiveDate = try effective.map(parseDate) ?? desk.today
            var role = InsuredRole.insured
            if let dependantOf {
                guard let relation else { throw ValidationError("眷屬需要 --relation") }
                role = .dependant(of: try parsePersonalID(dependantOf), relation: try DependantRelation(parsing: relation))
            } else if foreign {
                role = .foreignNational
            }
            let monthly = try salary.map(parseMoney)
            let insured: Money
            if let amount {
                insured = try parseMoney(amount)
            } else if let monthly {
                insured = try tables.defaultInsuredAmount(salary: monthly, on: effectiveDate, category: category)
            } else if category.defaultsToTopGrade {
                // Employers, the self-employed and professionals default to the top grade.
                insured = try tables.table(.nhi, on: effectiveDate).top.amount
            } else if dependantOf != nil {
                insured = .zero  // a dependant carries the insured person's amount
            } else {
                throw ValidationError("請以 --amount 填投保金額或以 --salary 填月薪資總額 — give the insured amount (--amount) or the monthly salary (--salary)")
            }
            var labour: LabourSide?
            if family == .threeInOne {
                let wage = monthly ?? insured
                labour = LabourSide(
                    monthlySalary: wage,
                    labourInsuranceSalary: try labourSalary.map(parseMoney) ?? tables.lookup(salary: wage, on: effectiveDate, kind: .labour).insuredAmount,
                    pensionWage: try pensionWage.map(parseMoney) ?? tables.lookup(salary: wage, on: effectiveDate, kind: .pension).insuredAmount)
            }
            if needsPermit && !foreign { throw ValidationError("--needs-permit 僅適用於外籍人士 (--foreign) — only for --foreign") }
            var firstCard: CardApplication.Address?
            if firstCardCounty != nil || firstCardDistrict != nil || firstCardStreet != nil {
                firstCard = try CardApplication.Address(county: firstCardCounty ?? "", district: firstCardDistrict ?? "", village: firstCardVillage,
                                                        neighbourhood: firstCardNeighbourhood, street: firstCardStreet ?? "")
            }
            let filing = try await desk.workflows.enrol(EnrolmentRequest(
                family: family, role: role, personID: try parsePersonalID(id), name: try PersonName(name), birthDate: try parseDate(birthDate),
                category: category, eligibilityReason: reason, effectiveDate: effectiveDate, insuredAmount: insured,
                issueFirstCardTo: firstCard, foreignerAutomaticallyEligible: !needsPermit,
                labour: labour, attachments: try documents.map(loadDocument), monthlySalary: monthly))
            printFilings([filing], json: options.json)
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "退保 — Withdraw a person.")
        @OptionGroup var options: ServiceOptions
        @Option var family: FilingFamily = .nhiOnly
        @Option(help: "身分證號") var id: String
        @Option(help: "transferOut | notEligible | leftJob") var reason: WithdrawalReason = .leftJob
        @Option(help: "健保轉出日期") var date: String
        @Flag(name: .customLong("charged-here"), help: "健保費於本單位計收") var chargedHere = false
        @Option(name: .customLong("document"), help: "證明文件, repeatable") var documents: [String] = []

        func run() async throws {
            let request = WithdrawalRequest(
                family: family, personID: try parsePersonalID(id), reason: reason, transferOutDate: try parseDate(date),
                chargedHere: chargedHere, attachments: try documents.map(loadDocument))
            let filing = try await options.withDesk { desk in try await desk.workflows.withdraw(request) }
            printFilings([filing], json: options.json)
        }
    }

    struct Adjust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "薪資調整(單筆) — Adjust one person's insured amount.")
        @OptionGroup var options: ServiceOptions
        @Option var family: FilingFamily = .nhiOnly
        @Option(help: "身分證號") var id: String
        @Option(help: "調整後投保金額") var amount: String
        @Option(help: "調整後月薪資總額 (the amount may not be below its grade)") var salary: String?
        @Option(name: .customLong("labour-salary"), help: "調整後勞保投保薪資 (three-in-one; default: the salary's labour grade)") var labourSalary: String?
        @Option(name: .customLong("pension-wage"), help: "調整後勞退月提繳工資 (three-in-one; default: the salary's pension grade)") var pensionWage: String?
        @Flag(name: .customLong("employer-lowering"), help: "雇主投保金額調降") var employerLowering = false
        @Option(name: .customLong("document"), help: "證明文件, repeatable") var documents: [String] = []

        func run() async throws {
            let filing = try await options.withDesk { desk in
                let newAmount = try parseMoney(amount)
                let monthly = try salary.map(parseMoney)
                var labour: LabourSide?
                if family == .threeInOne {
                    let wage = monthly ?? newAmount, effective = EffectiveDateRules.salaryAdjustment(filedOn: desk.today)
                    labour = LabourSide(
                        monthlySalary: wage,
                        labourInsuranceSalary: try labourSalary.map(parseMoney) ?? desk.tables.lookup(salary: wage, on: effective, kind: .labour).insuredAmount,
                        pensionWage: try pensionWage.map(parseMoney) ?? desk.tables.lookup(salary: wage, on: effective, kind: .pension).insuredAmount)
                }
                return try await desk.workflows.adjustSalary(SalaryAdjustmentRequest(
                    family: family, personID: try parsePersonalID(id), newAmount: newAmount, employerLowering: employerLowering,
                    labour: labour, attachments: try documents.map(loadDocument), monthlySalary: monthly))
            }
            printFilings([filing], json: options.json)
        }
    }

    struct BulkAdjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulk-adjust", abstract: "薪資調整(大批) — Propose (and with --file, file) a bulk adjustment.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "調整前投保金額級距 (with --to; default: everyone the new table requires)") var from: String?
        @Option(help: "調整後投保金額級距") var to: String?
        @Option(name: .customLong("exclude"), help: "不勾選此人, repeatable") var exclude: [String] = []
        @Flag(name: .customLong("file"), help: "申報 — file the selected changes") var file = false

        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            let unit = caller.unitCode!
            var changes: [BulkAdjustmentProposal.Change]
            if let from, let to {
                changes = try service.filings.proposeBulkAdjustment(unit: unit, from: try parseMoney(from), to: try parseMoney(to), by: caller)
            } else {
                changes = try service.filings.proposeBulkAdjustment(unit: unit, by: caller).changes
            }
            let excluded = Set(try exclude.map(parsePersonalID))
            changes.removeAll { excluded.contains($0.person.id) }
            if file {
                printFilings(try service.filings.fileBulkAdjustment(changes, by: caller), json: options.json)
                return
            }
            if options.json {
                for c in changes {
                    JSONValue.object([("id", .string(c.person.id.rawValue)), ("name", .string(c.person.name.value)),
                                      ("oldAmount", .money(c.oldAmount)), ("newAmount", .money(c.newAmount)), ("selected", .bool(true))]).printLine()
                }
            } else {
                printTable(header: ["身分證號 ID", "姓名 name", "調前金額 old", "調後金額 new"],
                           rows: changes.map { [$0.person.id.rawValue, $0.person.name.value, $0.oldAmount.grouped, $0.newAmount.grouped] },
                           rightAligned: [2, 3])
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停保／育嬰留停／復保／續保 — suspend | parentalLeave | resume | renew.")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "suspend | parentalLeave | resume | renew") var kind: String
        @Option(help: "身分證號") var id: String
        @Option(help: "日期") var date: String
        @Option(help: "原因") var reason: String = ""

        func run() throws {
            guard let kind = FilingKind(rawValue: kind) else { throw ValidationError("suspend | parentalLeave | resume | renew") }
            let service = try options.service()
            let filing = try service.filings.changeStatus(StatusChangeRequest(kind: kind, personID: try parsePersonalID(id), date: try parseDate(date),
                                                                              reason: reason.isEmpty ? kind.label : reason), by: try options.caller(service))
            printFilings([filing], json: options.json)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "刪除申報 (當日) — Delete a filing on its filing day.")
        @OptionGroup var options: ServiceOptions
        @Argument var filingID: Int64

        func run() throws {
            let service = try options.service()
            try service.filings.delete(filingID, by: try options.caller(service))
            if options.json { JSONValue.object([("deleted", .int(filingID))]).printLine() } else { print("已刪除 deleted #\(filingID)") }
        }
    }

    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "異動作業後查詢 — Today's filings.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            printFilings(try service.filings.filedToday(unit: caller.unitCode!, by: caller), json: options.json)
        }
    }

    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "異動檢核後查詢 — Check results (last two months).")
        @OptionGroup var options: ServiceOptions
        @Option var from: String
        @Option var through: String?
        func run() async throws {
            let filings = try await options.withDesk { desk in
                try await desk.workflows.checkResults(from: try parseDate(from), through: try through.map(parseDate) ?? desk.today)
            }
            printFilings(filings, json: options.json)
        }
    }

    struct Listing: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "申報資料套印表格 — Filed data for printing.")
        @OptionGroup var options: ServiceOptions
        @Option var from: String
        @Option var through: String?
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            printFilings(try service.filings.listing(unit: caller.unitCode!, from: try parseDate(from),
                                                     through: try through.map(parseDate) ?? service.clock.today, by: caller), json: options.json)
        }
    }
}

/// Loads a proof document from a file.
func loadDocument(_ path: String) throws -> UploadedDocument {
    let url = URL(fileURLWithPath: path)
    return try UploadedDocument(fileName: url.lastPathComponent, data: try Data(contentsOf: url), purpose: .proof)
}

func printFilings(_ filings: [Filing], json: Bool) {
    if json {
        for f in filings { f.json.printLine() }
        return
    }
    printTable(header: ["#", "異動別", "作業別", "申報日", "身份", "員工身分證號", "眷屬身分證號", "姓名", "投保金額", "調整後金額", "生效日", "狀態"],
               rows: filings.map { f in
                   [String(f.id), f.kind.label, f.family.label, (try? ROCDate(f.filedOn))?.formatted(.slashed) ?? f.filedOn.iso, f.roleLabel,
                    f.employeeID.rawValue, f.dependantID?.rawValue ?? "", f.name, f.insuredAmount?.grouped ?? "", f.adjustedAmount?.grouped ?? "",
                    (try? ROCDate(f.effectiveDate))?.formatted(.slashed) ?? f.effectiveDate.iso, f.checkCode ?? f.status.rawValue]
               }, rightAligned: [0, 8, 9])
}

/// `nhi service convert`: the nightly 22:30 conversion and the 18:00 labour forwarding.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert", abstract: "轉檔 — Run the nightly conversion (and forward the labour side).")
    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("billing-period"),
            help: "計費期間 The days of the month whose filings wait in the staging area, FIRST-LAST (default 11-14; some NHI screens say 13-16).")
    var billingPeriod: String = "11-14"

    func run() throws {
        try options.requireSystem()
        let parts = billingPeriod.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let first = parts[0], let last = parts[1], 1 <= first, first <= last, last <= 31 else {
            throw ValidationError("--billing-period: 應為「起日-迄日」，例如 11-14 — expected FIRST-LAST days of the month, e.g. 11-14")
        }
        let service = try options.service(billingPeriod: first...last)
        let forwarded = try service.filings.forwardLabourSide()
        let report = try service.filings.runNightlyConversion()
        // The statement run follows the conversion: requested statements become 可下載.
        try service.statements.generatePending()
        if options.json {
            JSONValue.object([("cutoff", .string(ISO8601DateFormatter().string(from: report.cutoff))), ("billingPeriod", .bool(report.billingPeriod)),
                              ("accepted", .int(report.accepted)), ("rejected", .int(report.rejected)), ("staged", .int(report.staged)),
                              ("labourForwarded", .int(forwarded.count))]).printLine()
        } else {
            print("轉檔 conversion: 審核正確 accepted \(report.accepted), 錯誤 rejected \(report.rejected), 暫存 staged \(report.staged)\(report.billingPeriod ? " (計費期間 billing period)" : ""); 勞保轉傳 labour forwarded \(forwarded.count)")
        }
    }
}

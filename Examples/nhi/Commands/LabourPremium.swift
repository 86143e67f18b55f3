import ArgumentParser
import NHICore
import NHIGrades

/// `nhi labour-premium`: labour and employment insurance, optionally occupational accident
/// insurance and the labour pension.
struct LabourPremiumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labour-premium",
        abstract: "試算勞保、就保、職保、勞退 — Labour and employment insurance (+ accident, pension).",
        discussion: """
            Labour (ordinary) and employment insurance are rounded separately, then added; \
            shares 20/70/10; days ÷ 30. --industry-rate adds occupational accident insurance \
            (employer only, + commuting rate); --pension-rate adds the employer's pension \
            contribution (≥ 6%), --voluntary-rate the worker's (0–6%). JSON: {"insuredSalary", \
            "grade","partTime","days","effectiveFrom","ordinaryRate","employmentRate","ordinary", \
            "employment","worker","unit","government","accident","pension"}; each of ordinary and \
            employment is {"worker","unit","government"}; accident and pension are null unless asked.
            """)

    @Option(name: .long, help: "月薪資 Monthly salary: its grades are used.")
    var salary: String?

    @Option(name: .long, help: "勞保投保薪資 Labour-insurance salary (a grade, part-time grades included).")
    var insuredSalary: String?

    @Option(name: .long, help: "投保日數 Days insured in the month (1–30).")
    var days = 30

    @Flag(name: .long, help: "部分工時 Allow the part-time lower grades for --salary.")
    var partTime = false

    @Flag(name: .long, help: "不參加就業保險 Not covered by employment insurance (e.g. over 65).")
    var noEmploymentInsurance = false

    @Option(name: .long, help: "行業別災害費率 Industry accident rate (e.g. 0.11%): adds occupational accident insurance.")
    var industryRate: String?

    @Option(name: .long, help: "雇主勞退提繳率 Employer pension rate (≥ 6%): adds the pension contribution.")
    var pensionRate: String?

    @Option(name: .long, help: "勞工自願提繳率 Voluntary pension rate (0–6%).")
    var voluntaryRate: String?

    @Flag(name: .long, help: "輸出 JSON.")
    var json = false

    @OptionGroup var options: GradeOptions

    func validate() throws {
        if (salary == nil) == (insuredSalary == nil) {
            throw ArgumentParser.ValidationError("請指定 --salary 或 --insured-salary 其中之一 — give exactly one of --salary and --insured-salary")
        }
    }

    func run() throws {
        let calculator = PremiumCalculator(tables: try options.tables())
        let date = try options.date()
        let labour: LabourPremium
        if let salary {
            labour = try calculator.labour(salary: try parseMoney(salary), on: date, partTime: partTime, days: days,
                                           employmentInsurance: !noEmploymentInsurance)
        } else {
            labour = try calculator.labour(insuredSalary: try parseMoney(insuredSalary ?? ""), on: date, days: days,
                                           employmentInsurance: !noEmploymentInsurance)
        }
        let basis = try salary.map(parseMoney) ?? labour.insuredSalary
        let accident = try industryRate.map { try calculator.accident(salary: basis, industryRate: try parsePercent($0), on: date, days: days) }
        var pension: PensionContribution?
        if pensionRate != nil || voluntaryRate != nil {
            pension = try calculator.pension(
                salary: basis, on: date, employerRate: try pensionRate.map(parsePercent) ?? PremiumCalculator.pensionMinimumEmployerRate,
                voluntaryRate: try voluntaryRate.map(parsePercent) ?? .zero, days: days)
        }
        if json {
            try Self.json(labour, accident: accident, pension: pension).printLine()
            return
        }
        let gradeText = labour.isPartTimeGrade ? "部分工時第\(labour.grade.number)級 part-time grade \(labour.grade.number)" : "第\(labour.grade.number)級 grade \(labour.grade.number)"
        print("勞保投保薪資 labour-insurance salary \(grouped(labour.insuredSalary))（\(gradeText)，\(labour.table.effectiveFrom.iso) 分級表）· 投保日數 days \(labour.days)")
        print("普通事故 ordinary \(labour.ordinaryRate.percentString) · 就業保險 employment \(labour.employmentRate.percentString) · 負擔比率 shares \(labour.shares)")
        let c = labour.combined
        printTable(
            header: ["", "勞工 worker", "單位 unit", "政府 government"],
            rows: [["勞保 labour (普通事故)", grouped(labour.ordinary.worker), grouped(labour.ordinary.unit), grouped(labour.ordinary.government)],
                   ["就保 employment", grouped(labour.employment.worker), grouped(labour.employment.unit), grouped(labour.employment.government)],
                   ["合計 total", grouped(c.worker), grouped(c.unit), grouped(c.government)]],
            rightAligned: [1, 2, 3])
        if let accident {
            print("職保 occupational accident: 投保薪資 \(grouped(accident.insuredSalary)) × (\(accident.industryRate.percentString) + \(accident.commutingRate.percentString)) → 雇主 employer \(grouped(accident.employer))")
        }
        if let pension {
            print("勞退 pension: 月提繳工資 wage \(grouped(pension.wage)) · 雇主 employer \(pension.employerRate.percentString) = \(grouped(pension.employer)) · 自願 voluntary \(pension.voluntaryRate.percentString) = \(grouped(pension.voluntary))")
        }
    }

    /// The SDK's `Encodable` forms (documented keys, in order), `accident` and `pension` appended.
    static func json(_ labour: LabourPremium, accident: AccidentPremium?, pension: PensionContribution?) throws -> JSONValue {
        guard case .object(var members) = try JSONValue(encoding: labour) else { return .null }
        members.append(("accident", try accident.map { try JSONValue(encoding: $0) } ?? .null))
        members.append(("pension", try pension.map { try JSONValue(encoding: $0) } ?? .null))
        return .object(members)
    }
}

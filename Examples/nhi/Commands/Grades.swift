import ArgumentParser
import NHICore
import NHIGrades

/// `nhi grades …`: whole tables — burden tables, the list of tables with their provenance,
/// and the check of a chosen insured amount.
struct GradesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "分級表與負擔金額表 — Grade tables: burden tables, provenance, insured-amount checks.",
        subcommands: [GradesTable.self, GradesList.self, GradesCheck.self])
}

/// `nhi grades table`: the burden table of every grade on a date, as the NHI publishes it.
struct GradesTable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "列印負擔金額表 — Print the burden table of every grade on a date.",
        discussion: """
            nhi: grade, amount, self, +1, +2, +3 dependants, unit, government (保險費負擔金額表). \
            labour: worker, unit and government shares of labour (普通事故) and employment \
            insurance, part-time grades first. accident: the employer's premium at \
            --industry-rate. pension: the employer's contribution at --employer-rate (6%).
            """)

    @Option(name: .long, help: "分級表 Table: nhi, labour, accident or pension.")
    var table: TableKind = .nhi

    @Option(name: .long, help: "身分別 Category for the NHI shares.")
    var category: InsuredCategory = .employee

    @Option(name: .long, help: "行業別災害費率 Industry accident rate for --table accident (e.g. 0.11%).")
    var industryRate: String?

    @Option(name: .long, help: "雇主提繳率 Employer pension rate for --table pension.")
    var employerRate = "6%"

    @Flag(name: .long, help: "CSV 輸出 (UTF-8, header row).")
    var csv = false

    @Flag(name: .long, help: "輸出 JSON — one object with a \"rows\" array.")
    var json = false

    @OptionGroup var options: GradeOptions

    func validate() throws {
        if csv && json { throw ArgumentParser.ValidationError("--csv 與 --json 只能擇一 — choose one of --csv and --json") }
        if table == .accident && industryRate == nil {
            throw ArgumentParser.ValidationError("職保負擔表需 --industry-rate — the accident table needs --industry-rate")
        }
    }

    func run() throws {
        let calculator = PremiumCalculator(tables: try options.tables())
        let date = try options.date()
        let sheet: Sheet
        switch table {
        case .nhi: sheet = try nhiSheet(calculator, date)
        case .labour: sheet = try labourSheet(calculator, date)
        case .accident: sheet = try accidentSheet(calculator, date)
        case .pension: sheet = try pensionSheet(calculator, date)
        }
        if json {
            JSONValue.object(sheet.meta + [("rows", .array(sheet.rows.map { row in
                .object(zip(sheet.keys, row).map { ($0, $1) })
            }))]).printLine()
        } else if csv {
            let out = ByteOutput()
            out.write(sheet.header.joined(separator: ","))
            out.write(byte: 0x0A)
            for row in sheet.rows {
                out.write(row.map(Self.csvCell).joined(separator: ","))
                out.write(byte: 0x0A)
            }
            out.flush()
        } else {
            for line in sheet.title { print(line) }
            printTable(header: sheet.header, rows: sheet.rows.map { $0.map(Self.textCell) },
                       rightAligned: Set(sheet.header.indices.filter { !sheet.textColumns.contains($0) }))
        }
    }

    /// A table to print in any of the three forms.
    struct Sheet {
        var title: [String]
        var meta: [(String, JSONValue)]
        var header: [String]
        var keys: [String]
        var textColumns: Set<Int> = []
        var rows: [[JSONValue]]
    }

    static func textCell(_ value: JSONValue) -> String {
        switch value {
        case .int(let i): Money(i).grouped
        case .string(let s): s
        case .bool(let b): b ? "是" : ""
        default: ""
        }
    }

    static func csvCell(_ value: JSONValue) -> String {
        switch value {
        case .int(let i): String(i)
        case .string(let s): s.contains(",") ? "\"\(s)\"" : s
        case .bool(let b): b ? "1" : "0"
        default: ""
        }
    }

    private func heading(_ t: GradeTable, _ date: CalendarDate, _ extra: String) -> [String] {
        ["\(t.title) \(t.titleEn) · \(date.iso)（\(t.effectiveFrom.iso) 起 in force from \(t.effectiveFrom.iso)）",
         "依據 instrument: \(t.provenance.instrument.citation) · 來源 source: \(t.provenance.source.citation)",
         extra]
    }

    private func nhiSheet(_ calculator: PremiumCalculator, _ date: CalendarDate) throws -> Sheet {
        let burden = try calculator.nhiBurdenTable(on: date, category: category)
        return Sheet(
            title: heading(burden.table, date, "身分別 \(category.label) \(category.rawValue) · 費率 rate \(burden.rate.percentString) · 負擔比率 shares \(burden.shares) · 平均眷口數 average dependants \(burden.averageDependants.decimalString)"),
            meta: [("table", .string("nhi")), ("date", .string(date.iso)), ("effectiveFrom", .string(burden.table.effectiveFrom.iso)),
                   ("category", .string(category.rawValue)), ("rate", .string(burden.rate.percentString)),
                   ("averageDependants", .string(burden.averageDependants.decimalString))],
            header: ["等級", "投保金額", "本人", "本人+1眷口", "本人+2眷口", "本人+3眷口", "投保單位負擔", "政府補助"],
            keys: ["grade", "insuredAmount", "self", "plus1", "plus2", "plus3", "unit", "government"],
            rows: burden.rows.map { row in
                [.int(row.grade.number), .int(row.grade.amount.amount), .int(row.selfOnly.amount), .int(row.withOne.amount),
                 .int(row.withTwo.amount), .int(row.withThree.amount), .int(row.unit.amount), .int(row.government.amount)]
            })
    }

    private func labourSheet(_ calculator: PremiumCalculator, _ date: CalendarDate) throws -> Sheet {
        let t = try calculator.tables.table(.labour, on: date)
        var rows: [[JSONValue]] = []
        var rates = ""
        for (isPartTime, grade) in t.partTimeGrades.map({ (true, $0) }) + t.grades.map({ (false, $0) }) {
            let p = try calculator.labour(insuredSalary: grade.amount, on: date)
            rates = "普通事故 ordinary \(p.ordinaryRate.percentString) · 就業保險 employment \(p.employmentRate.percentString) · 負擔比率 shares \(p.shares)"
            rows.append([.string(isPartTime ? "部分工時\(grade.number)" : String(grade.number)), .int(grade.amount.amount),
                         .int(p.ordinary.worker.amount), .int(p.employment.worker.amount), .int(p.combined.worker.amount),
                         .int(p.ordinary.unit.amount), .int(p.employment.unit.amount), .int(p.combined.unit.amount),
                         .int(p.combined.government.amount)])
        }
        return Sheet(
            title: heading(t, date, rates),
            meta: [("table", .string("labour")), ("date", .string(date.iso)), ("effectiveFrom", .string(t.effectiveFrom.iso))],
            header: ["等級", "投保薪資", "勞工(普通)", "勞工(就保)", "勞工合計", "單位(普通)", "單位(就保)", "單位合計", "政府補助"],
            keys: ["grade", "insuredSalary", "workerOrdinary", "workerEmployment", "worker", "unitOrdinary", "unitEmployment", "unit", "government"],
            textColumns: [0], rows: rows)
    }

    private func accidentSheet(_ calculator: PremiumCalculator, _ date: CalendarDate) throws -> Sheet {
        let t = try calculator.tables.table(.accident, on: date)
        let industry = try parsePercent(industryRate ?? "")
        var rows: [[JSONValue]] = []
        var rateText = ""
        for grade in t.grades {
            let p = try calculator.accident(insuredSalary: grade.amount, industryRate: industry, on: date)
            rateText = "行業別 industry \(p.industryRate.percentString) + 上下班 commuting \(p.commutingRate.percentString) = \(p.rate.percentString)，雇主全額負擔 employer pays all"
            rows.append([.int(grade.number), .int(grade.amount.amount), .int(p.employer.amount)])
        }
        return Sheet(
            title: heading(t, date, rateText),
            meta: [("table", .string("accident")), ("date", .string(date.iso)), ("effectiveFrom", .string(t.effectiveFrom.iso)),
                   ("industryRate", .string(industry.percentString))],
            header: ["等級", "投保薪資", "雇主負擔"], keys: ["grade", "insuredSalary", "employer"], rows: rows)
    }

    private func pensionSheet(_ calculator: PremiumCalculator, _ date: CalendarDate) throws -> Sheet {
        let t = try calculator.tables.table(.pension, on: date)
        let rate = try parsePercent(employerRate)
        var rows: [[JSONValue]] = []
        for grade in t.grades {
            let p = try calculator.pension(wage: grade.amount, on: date, employerRate: rate)
            rows.append([.int(grade.number), .int(grade.amount.amount), .int(p.employer.amount)])
        }
        return Sheet(
            title: heading(t, date, "雇主提繳率 employer rate \(rate.percentString)"),
            meta: [("table", .string("pension")), ("date", .string(date.iso)), ("effectiveFrom", .string(t.effectiveFrom.iso)),
                   ("employerRate", .string(rate.percentString))],
            header: ["等級", "月提繳工資", "雇主提繳"], keys: ["grade", "wage", "employer"], rows: rows)
    }
}

/// `nhi grades list`: every table with its dates, size and provenance.
struct GradesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出所有分級表及其依據 — List every table with its dates and provenance.")

    @Option(name: .long, help: "只列此種表 Only this kind: nhi, labour, accident or pension.")
    var table: TableKind?

    @Flag(name: .long, help: "輸出 JSON — one object per line.")
    var json = false

    @OptionGroup var options: GradeOptions

    func run() throws {
        let tables = try options.tables()
        let list = table.map { tables.tables($0) } ?? tables.all
        if json {
            for t in list {
                let next = tables.tables(t.kind).first { $0.effectiveFrom > t.effectiveFrom }
                JSONValue.object([
                    ("table", .string(t.kind.rawValue)), ("effectiveFrom", .string(t.effectiveFrom.iso)),
                    ("effectiveUntil", .optional(next.map { .string($0.effectiveFrom.adding(days: -1).iso) })),
                    ("file", .string(t.file)), ("grades", .int(t.grades.count)), ("partTimeGrades", .int(t.partTimeGrades.count)),
                    ("minimum", .int(t.minimum.amount.amount)), ("top", .int(t.top.amount.amount)),
                    ("instrument", .string(t.provenance.instrument.citation)), ("source", .string(t.provenance.source.citation)),
                    ("notes", .optional(t.provenance.notes.map { .string($0) })),
                ]).printLine()
            }
            return
        }
        let rows = list.map { t in
            [t.kind.rawValue, t.effectiveFrom.iso, String(t.grades.count) + (t.partTimeGrades.isEmpty ? "" : "+\(t.partTimeGrades.count)"),
             grouped(t.minimum.amount), grouped(t.top.amount), t.provenance.instrument.number ?? "（令號未載 number not recorded）"]
        }
        printTable(header: ["表別 table", "生效日 from", "級數 grades", "最低 first", "最高 top", "令號 instrument"], rows: rows, rightAligned: [2, 3, 4])
    }
}

/// `nhi grades check AMOUNT`: whether an insured amount can be filed for a person.
struct GradesCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "檢核投保金額 — Check an NHI insured amount for a person (grade, salary, employer rules).",
        discussion: """
            Exit status 0 when accepted or accepted with proof, 1 when rejected. JSON: \
            {"amount","status","grade","suggestion","findings":[{"code","message","messageEn"}]}; \
            status is accepted, needsProof or rejected.
            """)

    @Argument(help: "投保金額 The insured amount to check.")
    var amount: String

    @Option(name: .long, help: "身分別 Category.")
    var category: InsuredCategory = .employee

    @Option(name: .long, help: "月薪資 Monthly salary.")
    var salary: String?

    @Option(name: .long, help: "勞保投保薪資 Labour-insurance salary.")
    var labourSalary: String?

    @Option(name: .long, help: "勞退月提繳工資 Pension wage.")
    var pensionWage: String?

    @Flag(name: .long, help: "專技人員無僱用員工 A professional without paid staff.")
    var noPaidStaff = false

    @Flag(name: .long, help: "輸出 JSON.")
    var json = false

    @OptionGroup var options: GradeOptions

    func run() throws {
        let context = InsuredAmountContext(
            category: category, salary: try salary.map(parseMoney), hasPaidStaff: !noPaidStaff,
            labourInsuranceSalary: try labourSalary.map(parseMoney), pensionWage: try pensionWage.map(parseMoney))
        let verdict = try options.tables().checkInsuredAmount(try parseMoney(amount), on: try options.date(), for: context)
        if json {
            JSONValue.object([
                ("amount", .int(verdict.amount.amount)), ("status", .string(verdict.status.rawValue)),
                ("grade", .optional(verdict.grade.map { .int($0.number) })),
                ("suggestion", .optional(verdict.suggestion.map { .int($0.amount) })),
                ("effectiveFrom", .string(verdict.table.effectiveFrom.iso)),
                ("findings", .array(verdict.findings.map { .object([
                    ("code", .string($0.errorCode)), ("message", .string($0.message)), ("messageEn", .string($0.messageEn)),
                ]) })),
            ]).printLine()
        } else {
            let status = switch verdict.status {
            case .accepted: "✓ 可申報 accepted"
            case .needsProof: "△ 須檢附證明文件 needs proof"
            case .rejected: "✗ 不可申報 rejected"
            }
            print("\(grouped(verdict.amount))  \(status)")
            for finding in verdict.findings { print("  [\(finding.errorCode)] \(finding.message)\n    \(finding.messageEn)") }
            if let suggestion = verdict.suggestion { print("  建議 suggested: \(grouped(suggestion))") }
        }
        if verdict.status == .rejected { throw ExitStatus.invalid }
    }
}

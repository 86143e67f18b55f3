import ArgumentParser
import NHICore
import NHIGrades

/// `nhi grade SALARY`: the grade of a monthly salary in the table in force on a date.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "查詢投保金額等級 — Look up the grade (insured amount) of a monthly salary on a date.",
        discussion: """
            The insured amount is the smallest grade at least the salary; the top grade is \
            open-ended. JSON: {"table","effectiveFrom","grade","insuredAmount","lower","upper", \
            "partTime","previous","next","gradeCount","instrument"}; "upper" is null for the top \
            grade, "lower" is 0 for the first.
            """)

    @Argument(help: "月薪資 Monthly salary in NT$ (29500, 29,500).")
    var salary: String

    @Option(name: .long, help: "分級表 Table: nhi, labour, accident or pension.")
    var table: TableKind = .nhi

    @Flag(name: .long, help: "部分工時 Allow the part-time lower grades (labour insurance).")
    var partTime = false

    @Flag(name: .long, help: "輸出 JSON — one JSON object.")
    var json = false

    @OptionGroup var options: GradeOptions

    func run() throws {
        let found = try options.tables().lookup(salary: try parseMoney(salary), on: try options.date(), kind: table, partTime: partTime)
        if json {
            try Self.json(found).printLine()
            return
        }
        let t = found.table
        print("\(t.kind.label) \(t.kind.labelEn) · \(t.effectiveFrom.iso) 起 in force from \(t.effectiveFrom.iso)")
        print("  依據 instrument: \(t.provenance.instrument.citation)")
        let gradeText = found.isPartTime ? "部分工時第\(found.grade.number)級 part-time grade \(found.grade.number)" : "第\(found.grade.number)級 grade \(found.grade.number)"
        print("月薪資 salary \(grouped(try parseMoney(salary))) → \(gradeText)：\(t.kind.amountLabel) \(grouped(found.insuredAmount))")
        let upper = found.upper.map(grouped) ?? "以上 and above"
        print("  薪資級距 band: \(grouped(found.lower)) – \(upper)")
        print("  上一級 previous: \(found.previous.map { grouped($0.amount) } ?? "—") · 下一級 next: \(found.next.map { grouped($0.amount) } ?? "—（最高一級 top grade）")")
    }

    /// The SDK's own `Encodable` form, which has the documented keys in their order.
    static func json(_ found: GradeLookup) throws -> JSONValue {
        try JSONValue(encoding: found)
    }
}

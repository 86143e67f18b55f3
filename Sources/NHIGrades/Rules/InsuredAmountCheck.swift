import NHICore

/// What is known about a person when an insured amount is chosen for them.
public struct InsuredAmountContext: Hashable, Sendable {
    /// The insured category (employees, employers, professionals, …).
    public var category: InsuredCategory
    /// The monthly salary, when known: the amount may not be below its grade.
    public var salary: Money?
    /// For professionals: whether they employ paid staff (without staff: not below grade 6).
    public var hasPaidStaff: Bool
    /// The labour-insurance salary (勞保投保薪資), when enrolled there.
    public var labourInsuranceSalary: Money?
    /// The labour-pension contribution wage (勞退月提繳工資), when contributing.
    public var pensionWage: Money?

    /// What is known about the person; unknown values are left out.
    public init(category: InsuredCategory = .employee, salary: Money? = nil, hasPaidStaff: Bool = true,
                labourInsuranceSalary: Money? = nil, pensionWage: Money? = nil) {
        self.category = category
        self.salary = salary
        self.hasPaidStaff = hasPaidStaff
        self.labourInsuranceSalary = labourInsuranceSalary
        self.pensionWage = pensionWage
    }
}

/// The verdict on an insured amount chosen for a person on a date.
public struct InsuredAmountVerdict: Hashable, Sendable {
    /// The overall outcome.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The amount can be filed as it is.
        case accepted
        /// The amount can be filed with proof documents (an employer below the top grade).
        case needsProof
        /// The amount cannot be filed.
        case rejected
    }

    /// The amount checked.
    public let amount: Money
    /// The NHI table in force on the date.
    public let table: GradeTable
    /// The amount's grade, when it is one.
    public let grade: Grade?
    /// The outcome: the most serious of the findings.
    public let status: Status
    /// Every rule the amount breaks, each with a bilingual message (codes `insuredAmount.*`).
    public let findings: [GradeError]
    /// The amount to suggest instead: the smallest amount that satisfies the hard rules
    /// (for employers, the top grade when proof is needed). `nil` when accepted.
    public let suggestion: Money?
}

extension GradeTables {
    /// The NHI insured amount to propose for a salary: the top grade for employers, the
    /// self-employed and professionals (第一類第三至五目, unless they prove a lower income),
    /// otherwise the smallest grade ≥ salary.
    public func defaultInsuredAmount(salary: Money, on date: CalendarDate, category: InsuredCategory) throws(GradeError) -> Money {
        let table = try table(.nhi, on: date)
        if category.defaultsToTopGrade { return table.top.amount }
        return try table.lookup(salary: salary).insuredAmount
    }

    /// Checks an NHI insured amount for a person on a date against the rules of SPEC §4 and §10:
    ///
    /// 1. it must be a grade of the table in force (`insuredAmount.notAGrade`, rejected);
    /// 2. not below the grade of the person's salary (`insuredAmount.belowSalaryGrade`, rejected);
    /// 3. unless at the top grade, not below the labour-insurance salary or the pension wage
    ///    (`insuredAmount.belowLabourSalary`, `insuredAmount.belowPensionWage`, rejected);
    /// 4. a professional without paid staff not below grade 6 (`insuredAmount.belowGrade6`, rejected);
    /// 5. an employer, self-employed person or professional below the top grade must upload
    ///    proof (`insuredAmount.needsProof`).
    public func checkInsuredAmount(_ amount: Money, on date: CalendarDate,
                                   for person: InsuredAmountContext) throws(GradeError) -> InsuredAmountVerdict {
        let table = try table(.nhi, on: date)
        let grade = table.grade(forAmount: amount)
        var findings: [GradeError] = []
        var floor = Money.zero
        let isTop = amount >= table.top.amount
        func finding(_ code: GradeError.Code, _ detail: (zh: String, en: String)? = nil) {
            findings.append(GradeError(code, field: "insuredAmount", input: amount.grouped, detail: detail))
        }
        if grade == nil {
            finding(.insuredAmountNotAGrade, ("\(table.effectiveFrom.iso) 分級表", "table of \(table.effectiveFrom.iso)"))
        }
        if let salary = person.salary {
            let salaryGrade = try table.lookup(salary: salary).insuredAmount
            floor = max(floor, salaryGrade)
            if amount < salaryGrade {
                finding(.insuredAmountBelowSalaryGrade, ("月薪資 \(salary.grouped) 應為 \(salaryGrade.grouped)", "salary \(salary.grouped) is grade \(salaryGrade.grouped)"))
            }
        }
        if !isTop {
            if let labour = person.labourInsuranceSalary, amount < labour {
                floor = max(floor, labour)
                finding(.insuredAmountBelowLabourSalary, ("勞保 \(labour.grouped)", "labour insurance \(labour.grouped)"))
            }
            if let wage = person.pensionWage, amount < wage {
                floor = max(floor, wage)
                finding(.insuredAmountBelowPensionWage, ("勞退 \(wage.grouped)", "pension \(wage.grouped)"))
            }
        }
        if person.category == .professional && !person.hasPaidStaff, let sixth = table.grade(number: 6), amount < sixth.amount {
            floor = max(floor, sixth.amount)
            finding(.insuredAmountBelowGrade6, ("第6級為 \(sixth.amount.grouped)", "grade 6 is \(sixth.amount.grouped)"))
        }
        let rejected = !findings.isEmpty
        if person.category.defaultsToTopGrade && !isTop {
            finding(.insuredAmountNeedsProof, ("最高一級為 \(table.top.amount.grouped)", "the top grade is \(table.top.amount.grouped)"))
        }
        let status: InsuredAmountVerdict.Status = rejected ? .rejected : (findings.isEmpty ? .accepted : .needsProof)
        var suggestion: Money?
        switch status {
        case .accepted: suggestion = nil
        case .needsProof: suggestion = table.top.amount
        case .rejected: suggestion = try table.lookup(salary: max(floor, amount)).insuredAmount
        }
        return InsuredAmountVerdict(amount: amount, table: table, grade: grade, status: status, findings: findings, suggestion: suggestion)
    }
}

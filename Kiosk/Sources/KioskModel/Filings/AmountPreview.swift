import NHICore
import NHIGrades

/// The grade and premium preview under an enrolment or salary-adjustment form, computed by
/// NHIGrades as the fields are typed: the salary's grade, the insured amount the rules
/// propose, the verdict on the amount entered (accepted, needs proof, rejected with the
/// rules it breaks and a suggestion) and the monthly premium split.
public struct AmountPreview: Sendable, Hashable {
    /// The day the amount would apply from (the table, rate and shares of that day apply).
    public let effectiveDate: CalendarDate
    /// The monthly salary typed, if any.
    public let salary: Money?
    /// The grade of the monthly salary, when one was typed.
    public let salaryGrade: GradeLookup?
    /// The insured amount the rules propose for the salary (top grade for employers).
    public let proposedAmount: Money?
    /// The verdict on the amount entered.
    public let verdict: InsuredAmountVerdict?
    /// The monthly premium at the amount entered (when it is a grade).
    public let premium: NHIPremium?
    /// Why no preview could be computed (e.g. a date before the bundled tables).
    public let problem: PresentableError?

    /// What is known about the person and the amount.
    public struct Input: Sendable, Hashable {
        public var effectiveDate: CalendarDate
        public var category: InsuredCategory
        public var salary: Money?
        public var amount: Money?
        public var hasPaidStaff: Bool
        public var labourInsuranceSalary: Money?
        public var pensionWage: Money?
        public var dependants: Int

        public init(effectiveDate: CalendarDate, category: InsuredCategory, salary: Money?, amount: Money?,
                    hasPaidStaff: Bool = true, labourInsuranceSalary: Money? = nil, pensionWage: Money? = nil,
                    dependants: Int = 0) {
            self.effectiveDate = effectiveDate
            self.category = category
            self.salary = salary
            self.amount = amount
            self.hasPaidStaff = hasPaidStaff
            self.labourInsuranceSalary = labourInsuranceSalary
            self.pensionWage = pensionWage
            self.dependants = dependants
        }
    }

    /// Asks NHIGrades about `input`.
    public init(_ input: Input, tables: GradeTables) {
        effectiveDate = input.effectiveDate
        salary = input.salary
        var problem: PresentableError?
        func attempt<T>(_ body: () throws(GradeError) -> T) -> T? {
            do { return try body() } catch {
                if problem == nil { problem = PresentableError(error) }
                return nil
            }
        }
        let date = input.effectiveDate
        salaryGrade = input.salary.flatMap { salary in attempt { () throws(GradeError) in try tables.lookup(salary: salary, on: date) } }
        proposedAmount = input.salary.flatMap { salary in
            attempt { () throws(GradeError) in try tables.defaultInsuredAmount(salary: salary, on: date, category: input.category) }
        }
        let context = InsuredAmountContext(category: input.category, salary: input.salary, hasPaidStaff: input.hasPaidStaff,
                                           labourInsuranceSalary: input.labourInsuranceSalary, pensionWage: input.pensionWage)
        verdict = input.amount.flatMap { amount in
            attempt { () throws(GradeError) in try tables.checkInsuredAmount(amount, on: date, for: context) }
        }
        if let amount = input.amount, verdict?.grade != nil {
            premium = attempt { () throws(GradeError) in
                try PremiumCalculator(tables: tables).nhi(insuredAmount: amount, on: date, category: input.category,
                                                          dependants: input.dependants)
            }
        } else {
            premium = nil
        }
        self.problem = problem
    }

    /// Whether the amount entered may be filed without documents.
    public var isAccepted: Bool { verdict?.status == .accepted }
    /// Whether the amount may be filed with proof documents (employers below the top grade).
    public var needsProof: Bool { verdict?.status == .needsProof }
    /// Whether the amount cannot be filed as it is.
    public var isRejected: Bool { verdict?.status == .rejected }
}

import NHICore
import NHIService

/// The labour side of a three-in-one filing (勞保、勞退): labour-insurance salary, pension
/// wage, pension unit type and rates. The service checks the rates' ranges; the form only
/// parses what is typed.
public struct LabourFields: Sendable, Hashable {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case labourSalary, pensionWage, employerRate, voluntaryRate
    }

    public var pensionUnitType: PensionUnitType = .general
    public var labourSalaryText = ""
    public var pensionWageText = ""
    public var employerRateText = "6"
    public var voluntaryRateText = "0"

    public init() {}

    public var labourSalary: Parsed<Money> { FieldParser.money(labourSalaryText) }
    public var pensionWage: Parsed<Money> { FieldParser.money(pensionWageText) }
    public var employerRate: Parsed<Int> { FieldParser.wholeNumber(employerRateText, subject: .filing(.employerRate)) }
    public var voluntaryRate: Parsed<Int> { FieldParser.wholeNumber(voluntaryRateText, subject: .filing(.voluntaryRate)) }

    /// The text of `field`.
    public subscript(field: Field) -> String {
        get {
            switch field {
            case .labourSalary: labourSalaryText
            case .pensionWage: pensionWageText
            case .employerRate: employerRateText
            case .voluntaryRate: voluntaryRateText
            }
        }
        set {
            switch field {
            case .labourSalary: labourSalaryText = newValue
            case .pensionWage: pensionWageText = newValue
            case .employerRate: employerRateText = newValue
            case .voluntaryRate: voluntaryRateText = newValue
            }
        }
    }

    /// The error to show under `field`.
    public func error(_ field: Field, attempted: Bool) -> PresentableError? {
        switch field {
        case .labourSalary: labourSalary.shownError(required: true, attempted: attempted, caption: .filing(.labourSalary))
        case .pensionWage: pensionWage.shownError(required: true, attempted: attempted, caption: .filing(.pensionWage))
        case .employerRate: employerRate.shownError(required: true, attempted: attempted, caption: .filing(.employerRate))
        case .voluntaryRate: voluntaryRate.shownError(required: true, attempted: attempted, caption: .filing(.voluntaryRate))
        }
    }

    /// The labour side for `salary`, or nil while a field is missing or invalid.
    public func labourSide(monthlySalary: Money?) -> LabourSide? {
        guard let monthlySalary, let labour = labourSalary.value, let wage = pensionWage.value,
              let employer = employerRate.value, let voluntary = voluntaryRate.value else { return nil }
        return LabourSide(monthlySalary: monthlySalary, pensionUnitType: pensionUnitType, labourInsuranceSalary: labour,
                          pensionWage: wage, employerRatePercent: employer, voluntaryRatePercent: voluntary)
    }
}

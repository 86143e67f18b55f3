import Foundation
import NHICore

/// The enrolment form (加保資料), NHI-only or three-in-one.
public struct EnrolmentRequest: Sendable, Hashable, Codable {
    /// 健保專用 (the default) or 三合一; three-in-one needs ``labour`` and a unit with a labour-insurance number.
    public var family: FilingFamily
    /// 本人, 眷屬 (with the insured person and relation) or 外籍人士.
    public var role: InsuredRole
    /// The person enrolled: national ID, or resident number for a foreign national.
    public var personID: PersonalID
    /// A character missing from the font is typed as `＊`.
    public var name: PersonName
    /// The birth date (出生日期; the form takes it in ROC years).
    public var birthDate: CalendarDate
    /// Whether the person is indigenous (原住民).
    public var indigenous: Bool
    /// 身分別; employees leave it as `.employee`.
    public var category: InsuredCategory
    /// 合於健保投保條件, e.g. `到職起薪`.
    public var eligibilityReason: String
    /// The day cover starts (生效日期).
    public var effectiveDate: CalendarDate
    /// The insured amount (投保金額) in NT$: a grade of the NHI table in force on the effective date (a dependant
    /// takes the insured person's amount instead).
    public var insuredAmount: Money
    /// 月薪資總額 (NHI-only too): the insured amount may not be below its grade. For
    /// three-in-one the labour side's monthly salary is used when this is nil.
    public var monthlySalary: Money?
    /// For professionals: whether they employ paid staff (without: not below grade 6).
    public var hasPaidStaff: Bool
    /// 首次加保(新生兒或外籍人士): issue a card and mail it here.
    public var issueFirstCardTo: CardApplication.Address?
    /// A foreign national who is not automatically eligible needs the residence-permit copy
    /// and the authority's permit letter.
    public var foreignerAutomaticallyEligible: Bool
    /// The three-in-one labour side (monthly salary, labour salary, pension wage, rates).
    public var labour: LabourSide?
    /// Proof documents: for an employer or professional below the top grade, or a foreign national's permits.
    public var attachments: [UploadedDocument]

    /// Creates an enrolment form; the defaults are an NHI-only enrolment of an employee starting employment (到職起薪).
    /// - Parameters:
    ///   - family: 健保專用 or 三合一.
    ///   - role: 本人, 眷屬 (with the insured person and relation) or 外籍人士.
    ///   - personID: The person's national ID or resident number.
    ///   - name: The name, with `＊` for a character missing from the font.
    ///   - birthDate: The birth date.
    ///   - indigenous: Whether the person is indigenous.
    ///   - category: 身分別.
    ///   - eligibilityReason: 合於健保投保條件.
    ///   - effectiveDate: The day cover starts.
    ///   - insuredAmount: The insured amount in NT$.
    ///   - hasPaidStaff: For professionals, whether they employ paid staff.
    ///   - issueFirstCardTo: For a first enrolment (newborn or foreign national), where the new card is mailed.
    ///   - foreignerAutomaticallyEligible: For a foreign national, whether they are eligible without permit documents.
    ///   - labour: The three-in-one labour side.
    ///   - attachments: Proof documents.
    ///   - monthlySalary: 月薪資總額, when known.
    public init(family: FilingFamily = .nhiOnly, role: InsuredRole = .insured, personID: PersonalID, name: PersonName,
                birthDate: CalendarDate, indigenous: Bool = false, category: InsuredCategory = .employee,
                eligibilityReason: String = "到職起薪", effectiveDate: CalendarDate, insuredAmount: Money, hasPaidStaff: Bool = true,
                issueFirstCardTo: CardApplication.Address? = nil, foreignerAutomaticallyEligible: Bool = true,
                labour: LabourSide? = nil, attachments: [UploadedDocument] = [], monthlySalary: Money? = nil) {
        self.family = family
        self.role = role
        self.monthlySalary = monthlySalary
        self.personID = personID
        self.name = name
        self.birthDate = birthDate
        self.indigenous = indigenous
        self.category = category
        self.eligibilityReason = eligibilityReason
        self.effectiveDate = effectiveDate
        self.insuredAmount = insuredAmount
        self.hasPaidStaff = hasPaidStaff
        self.issueFirstCardTo = issueFirstCardTo
        self.foreignerAutomaticallyEligible = foreignerAutomaticallyEligible
        self.labour = labour
        self.attachments = attachments
    }
}

/// The withdrawal form (退保資料).
public struct WithdrawalRequest: Sendable, Hashable {
    /// 健保專用 (the default) or 三合一.
    public var family: FilingFamily
    /// The person withdrawn; an insured person's dependants leave with them.
    public var personID: PersonalID
    /// 轉出, 不具健保資格 or 離職.
    public var reason: WithdrawalReason
    /// 健保轉出日期.
    public var transferOutDate: CalendarDate
    /// 健保費於本單位計收: effective the 1st of the next month.
    public var chargedHere: Bool
    /// 護照號碼 (for the labour side of foreigners).
    public var passportNumber: String?
    /// Proof for an NHI-only withdrawal more than 6 months back (up to 2).
    public var attachments: [UploadedDocument]

    /// Creates a withdrawal form.
    /// - Parameters:
    ///   - family: 健保專用 or 三合一.
    ///   - personID: The insured person withdrawn.
    ///   - reason: The withdrawal reason.
    ///   - transferOutDate: 健保轉出日期.
    ///   - chargedHere: Whether this month's premium is charged here (effective the 1st of the next month).
    ///   - passportNumber: For the labour side of a foreign national, the passport number.
    ///   - attachments: Proof for an NHI-only withdrawal more than 6 months back (up to 2).
    public init(family: FilingFamily = .nhiOnly, personID: PersonalID, reason: WithdrawalReason, transferOutDate: CalendarDate,
                chargedHere: Bool = false, passportNumber: String? = nil, attachments: [UploadedDocument] = []) {
        self.family = family
        self.personID = personID
        self.reason = reason
        self.transferOutDate = transferOutDate
        self.chargedHere = chargedHere
        self.passportNumber = passportNumber
        self.attachments = attachments
    }
}

/// The single salary-adjustment form (薪資調整作業(單筆)).
public struct SalaryAdjustmentRequest: Sendable, Hashable {
    /// 健保專用 (the default) or 三合一.
    public var family: FilingFamily
    /// The insured person whose amount changes.
    public var personID: PersonalID
    /// The new insured amount (投保金額) in NT$, effective the 1st of the month after the filing date.
    public var newAmount: Money
    /// 雇主投保金額調降: an employer lowering their own amount, with up to 3 documents.
    public var employerLowering: Bool
    /// The three-in-one labour side: monthly salary, labour-insurance salary and pension
    /// wage, each checked against its own table on the effective date.
    public var labour: LabourSide?
    /// Proof documents: up to 3 when an employer lowers their own amount.
    public var attachments: [UploadedDocument]
    /// 月薪資總額 (NHI-only too): the new amount may not be below its grade.
    public var monthlySalary: Money?

    /// Creates a single salary-adjustment form.
    /// - Parameters:
    ///   - family: 健保專用 or 三合一.
    ///   - personID: The insured person.
    ///   - newAmount: The new insured amount in NT$.
    ///   - employerLowering: Whether an employer is lowering their own amount.
    ///   - labour: The three-in-one labour side.
    ///   - attachments: Proof documents.
    ///   - monthlySalary: 月薪資總額, when known.
    public init(family: FilingFamily = .nhiOnly, personID: PersonalID, newAmount: Money, employerLowering: Bool = false,
                labour: LabourSide? = nil, attachments: [UploadedDocument] = [], monthlySalary: Money? = nil) {
        self.monthlySalary = monthlySalary
        self.family = family
        self.personID = personID
        self.newAmount = newAmount
        self.employerLowering = employerLowering
        self.labour = labour
        self.attachments = attachments
    }
}

/// Suspension, parental leave, resumption and renewal (停保, 育嬰留職停薪, 復保, 續保).
public struct StatusChangeRequest: Sendable, Hashable {
    /// 停保, 育嬰留職停薪, 復保 or 續保; any other kind is refused with `filing.kind`.
    public var kind: FilingKind
    /// The insured person whose status changes.
    public var personID: PersonalID
    /// The day the status change takes effect.
    public var date: CalendarDate
    /// The reason as filed.
    public var reason: String

    /// Creates a status-change form.
    public init(kind: FilingKind, personID: PersonalID, date: CalendarDate, reason: String) {
        self.kind = kind
        self.personID = personID
        self.date = date
        self.reason = reason
    }
}

/// A change of a person's basic data (保險對象基本資料變更), with or without proof.
public struct BasicDataChangeRequest: Sendable, Hashable {
    /// The person whose basic data changes.
    public var personID: PersonalID
    /// The new name, if it changes.
    public var name: PersonName?
    /// The new birth date, if it changes; a new birth date needs proof.
    public var birthDate: CalendarDate?
    /// Proof documents; required when the birth date changes (`filing.proofRequired`).
    public var attachments: [UploadedDocument]

    /// Creates a basic-data change; at least one of `name` and `birthDate` must be given (`filing.nothingToChange`).
    public init(personID: PersonalID, name: PersonName? = nil, birthDate: CalendarDate? = nil, attachments: [UploadedDocument] = []) {
        self.personID = personID
        self.name = name
        self.birthDate = birthDate
        self.attachments = attachments
    }
}

import Foundation
import NHICore

/// The enrolment form (加保資料), NHI-only or three-in-one.
public struct EnrolmentRequest: Sendable, Hashable, Codable {
    public var family: FilingFamily
    /// 本人, 眷屬 (with the insured person and relation) or 外籍人士.
    public var role: InsuredRole
    public var personID: PersonalID
    /// A character missing from the font is typed as `＊`.
    public var name: PersonName
    public var birthDate: CalendarDate
    public var indigenous: Bool
    /// 身分別; employees leave it as `.employee`.
    public var category: InsuredCategory
    /// 合於健保投保條件, e.g. `到職起薪`.
    public var eligibilityReason: String
    public var effectiveDate: CalendarDate
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
    public var attachments: [UploadedDocument]

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
    public var family: FilingFamily
    public var personID: PersonalID
    public var reason: WithdrawalReason
    /// 健保轉出日期.
    public var transferOutDate: CalendarDate
    /// 健保費於本單位計收: effective the 1st of the next month.
    public var chargedHere: Bool
    /// 護照號碼 (for the labour side of foreigners).
    public var passportNumber: String?
    /// Proof for an NHI-only withdrawal more than 6 months back (up to 2).
    public var attachments: [UploadedDocument]

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
    public var family: FilingFamily
    public var personID: PersonalID
    public var newAmount: Money
    /// 雇主投保金額調降: an employer lowering their own amount, with up to 3 documents.
    public var employerLowering: Bool
    /// The three-in-one labour side: monthly salary, labour-insurance salary and pension
    /// wage, each checked against its own table on the effective date.
    public var labour: LabourSide?
    public var attachments: [UploadedDocument]
    /// 月薪資總額 (NHI-only too): the new amount may not be below its grade.
    public var monthlySalary: Money?

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
    public var kind: FilingKind
    public var personID: PersonalID
    public var date: CalendarDate
    public var reason: String

    public init(kind: FilingKind, personID: PersonalID, date: CalendarDate, reason: String) {
        self.kind = kind
        self.personID = personID
        self.date = date
        self.reason = reason
    }
}

/// A change of a person's basic data (保險對象基本資料變更), with or without proof.
public struct BasicDataChangeRequest: Sendable, Hashable {
    public var personID: PersonalID
    public var name: PersonName?
    public var birthDate: CalendarDate?
    public var attachments: [UploadedDocument]

    public init(personID: PersonalID, name: PersonName? = nil, birthDate: CalendarDate? = nil, attachments: [UploadedDocument] = []) {
        self.personID = personID
        self.name = name
        self.birthDate = birthDate
        self.attachments = attachments
    }
}

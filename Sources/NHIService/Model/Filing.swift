import Foundation
import NHICore

/// The two families of filings (SPEC §4).
public enum FilingFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// 三合一 / 二合一: labour insurance + labour pension + NHI, forwarded to the Bureau of
    /// Labor Insurance at 18:00 the same day.
    case threeInOne
    /// 健保專用: NHI only, never forwarded.
    case nhiOnly

    /// `勞退、勞保及健保三合一`, `健保專用`.
    public var label: String { self == .threeInOne ? "三合一" : "健保專用" }
}

/// What a filing changes (異動別).
public enum FilingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 加保: enrolment of an insured person, a dependant or a foreign national.
    case enrol
    /// 退保: withdrawal (轉出, 不具健保資格 or 離職).
    case withdraw
    /// 薪調: a new insured amount, effective the 1st of the month after the filing date.
    case salaryAdjustment
    /// 續保: renewal of cover.
    case renew
    /// 停保: suspension of cover.
    case suspend
    /// 育嬰留職停薪: parental leave without pay.
    case parentalLeave
    /// 復保: resumption of suspended cover.
    case resume
    /// 基本資料變更: a change of the person's name or birth date.
    case basicDataChange

    /// `加保`, `退保`, `薪調`, `續保`, `停保`, `育嬰留停`, `復保`, `基本資料變更`.
    public var label: String {
        switch self {
        case .enrol: "加保"
        case .withdraw: "退保"
        case .salaryAdjustment: "薪調"
        case .renew: "續保"
        case .suspend: "停保"
        case .parentalLeave: "育嬰留停"
        case .resume: "復保"
        case .basicDataChange: "基本資料變更"
        }
    }
}

/// Where a filing is in its life.
public enum FilingStatus: String, Sendable, Hashable, Codable {
    /// Filed today; deletable until midnight; converted at 22:30.
    case pending
    /// Waiting in the staging area during the billing period (11th–14th).
    case staged
    /// Converted: 審核正確.
    case accepted
    /// Converted with a check error (see the check code).
    case rejected
    /// Deleted on the filing day.
    case deleted
}

/// Why a person leaves (退保原因).
public enum WithdrawalReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// 轉出.
    case transferOut
    /// 不具健保資格.
    case notEligible
    /// 離職.
    case leftJob

    /// `轉出`, `不具健保資格` or `離職`.
    public var label: String {
        switch self {
        case .transferOut: "轉出"
        case .notEligible: "不具健保資格"
        case .leftJob: "離職"
        }
    }
}

/// The labour-pension unit type of a three-in-one enrolment (勞退單位性質).
public enum PensionUnitType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 一般事業單位: an ordinary business.
    case general
    /// 私立學校: a private school.
    case privateSchool
    /// 公立單位: a public body.
    case publicUnit
    /// 不適用勞基法單位: a unit not covered by the Labour Standards Act.
    case notUnderLabourStandards

    /// `一般事業單位`, `私立學校`, `公立單位` or `不適用勞基法單位`.
    public var label: String {
        switch self {
        case .general: "一般事業單位"
        case .privateSchool: "私立學校"
        case .publicUnit: "公立單位"
        case .notUnderLabourStandards: "不適用勞基法單位"
        }
    }
}

/// The labour-insurance side of a three-in-one enrolment or salary adjustment.
public struct LabourSide: Sendable, Hashable, Codable {
    /// 月薪資總額.
    public var monthlySalary: Money
    /// The labour-pension unit type (勞退單位性質).
    public var pensionUnitType: PensionUnitType
    /// 勞保投保薪資.
    public var labourInsuranceSalary: Money
    /// [勞退]月提繳工資.
    public var pensionWage: Money
    /// [勞退]雇主提繳率 %, at least 6.
    public var employerRatePercent: Int
    /// [勞退]勞工自願提繳率 %, 0–6.
    public var voluntaryRatePercent: Int

    /// Creates the labour side of a three-in-one filing; the rates default to the employer's legal minimum of 6% and no
    /// voluntary contribution.
    /// - Parameters:
    ///   - monthlySalary: 月薪資總額, in NT$.
    ///   - pensionUnitType: 勞退單位性質.
    ///   - labourInsuranceSalary: 勞保投保薪資, a grade of the labour-insurance table.
    ///   - pensionWage: 勞退月提繳工資, a grade of the labour-pension table.
    ///   - employerRatePercent: 雇主提繳率 in whole percent, at least 6.
    ///   - voluntaryRatePercent: 勞工自願提繳率 in whole percent, 0–6.
    public init(monthlySalary: Money, pensionUnitType: PensionUnitType = .general, labourInsuranceSalary: Money, pensionWage: Money,
                employerRatePercent: Int = 6, voluntaryRatePercent: Int = 0) {
        self.monthlySalary = monthlySalary
        self.pensionUnitType = pensionUnitType
        self.labourInsuranceSalary = labourInsuranceSalary
        self.pensionWage = pensionWage
        self.employerRatePercent = employerRatePercent
        self.voluntaryRatePercent = voluntaryRatePercent
    }
}

/// A filing as stored: one row of the seeds' listings (異動別, 作業別, 單位申報日, 身份, 員工身分證號,
/// 眷屬身分證號, 姓名, 性別, 出生日, 原因, 投保金額, 調整後金額, 生效日) plus its life cycle.
public struct Filing: Sendable, Hashable, Codable, Identifiable {
    /// The filing's number in the store.
    public let id: Int64
    /// The insured unit (投保單位代號) that filed.
    public let unitCode: UnitCode
    /// 三合一 (forwarded to the Bureau of Labor Insurance) or 健保專用.
    public let family: FilingFamily
    /// What the filing changes (異動別): enrolment, withdrawal, salary adjustment, status or basic data.
    public let kind: FilingKind
    /// The person the filing is about.
    public let personID: PersonalID
    /// For a dependant: the insured person (員工身分證號 in the listings).
    public let principalID: PersonalID?
    /// For a dependant: the relation to the insured person (稱謂).
    public let relation: DependantRelation?
    /// The person's name as filed (姓名).
    public let name: String
    /// The birth date as filed (出生日), if given.
    public let birthDate: CalendarDate?
    /// The insured category (身分別).
    public let category: InsuredCategory
    /// 原因: the eligibility reason of an enrolment, the withdrawal reason, …
    public let reason: String
    /// 投保金額: the amount enrolled with, or the amount before an adjustment.
    public let insuredAmount: Money?
    /// 調整後金額.
    public let adjustedAmount: Money?
    /// The day the change takes effect (生效日).
    public let effectiveDate: CalendarDate
    /// The filing day (單位申報日); a filing can be deleted on this day only, before conversion.
    public let filedOn: CalendarDate
    /// The moment the filing was made.
    public let filedAt: Date
    /// Who filed: the caller's description, as the audit log records it.
    public let filedBy: String
    /// The ``StaffMember/id`` of the administrator or operator who filed, if a staff member did.
    public let staffID: Int64?
    /// Pending, staged, accepted, rejected or deleted.
    public var status: FilingStatus
    /// The check result code after conversion (`審核正確` when accepted).
    public var checkCode: String?
    /// The check result's message, in Traditional Chinese.
    public var checkMessage: String?
    /// When the nightly conversion (22:30) processed the filing.
    public var convertedAt: Date?
    /// Bulk adjustments and imports share a batch ID.
    public let batchID: Int64?
    /// The three-in-one labour side, when any.
    public let labour: LabourSide?
    /// Whether this is a foreign national's enrolment.
    public let foreignNational: Bool
    /// A first card is to be issued and mailed (首次加保).
    public let issueCardTo: String?

    /// Creates a filing record from its parts, as the service files it or the store reads it back.
    public init(id: Int64, unitCode: UnitCode, family: FilingFamily, kind: FilingKind, personID: PersonalID, principalID: PersonalID?,
                relation: DependantRelation?, name: String, birthDate: CalendarDate?, category: InsuredCategory, reason: String,
                insuredAmount: Money?, adjustedAmount: Money?, effectiveDate: CalendarDate, filedOn: CalendarDate, filedAt: Date,
                filedBy: String, staffID: Int64?, status: FilingStatus, checkCode: String? = nil, checkMessage: String? = nil,
                convertedAt: Date? = nil, batchID: Int64? = nil, labour: LabourSide? = nil, foreignNational: Bool = false,
                issueCardTo: String? = nil) {
        self.id = id
        self.unitCode = unitCode
        self.family = family
        self.kind = kind
        self.personID = personID
        self.principalID = principalID
        self.relation = relation
        self.name = name
        self.birthDate = birthDate
        self.category = category
        self.reason = reason
        self.insuredAmount = insuredAmount
        self.adjustedAmount = adjustedAmount
        self.effectiveDate = effectiveDate
        self.filedOn = filedOn
        self.filedAt = filedAt
        self.filedBy = filedBy
        self.staffID = staffID
        self.status = status
        self.checkCode = checkCode
        self.checkMessage = checkMessage
        self.convertedAt = convertedAt
        self.batchID = batchID
        self.labour = labour
        self.foreignNational = foreignNational
        self.issueCardTo = issueCardTo
    }

    /// `本人` or `眷屬`.
    public var roleLabel: String { principalID == nil ? "本人" : "眷屬" }
    /// The employee's ID column of the listings: the principal for a dependant.
    public var employeeID: PersonalID { principalID ?? personID }
    /// The dependant's ID column of the listings.
    public var dependantID: PersonalID? { principalID == nil ? nil : personID }
}

/// A check result code of the nightly conversion (異動檢核後查詢). The NHI's own list is not
/// public; these codes are ours and documented in `Documentation/Service.md`.
public enum CheckResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// 審核正確: the filing was accepted.
    case accepted = "審核正確"
    /// E101: the person is insured with another unit on the effective date; the other unit must transfer them out first.
    case insuredElsewhere = "E101"
    /// E102: the person is not an in-force insured person of the unit (非該單位在保險對象).
    case notInsuredHere = "E102"
    /// E103: the insured person a dependant is attached to is not insured on the effective date.
    case principalNotInsured = "E103"
    /// E104: the person is already insured with this unit.
    case alreadyInsuredHere = "E104"
    /// E105: the person is not suspended, so cover cannot resume.
    case notSuspended = "E105"
    /// E106: the person is not in an active state.
    case notActive = "E106"

    /// The message shown with the code.
    public var message: String {
        switch self {
        case .accepted: "審核正確"
        case .insuredElsewhere: "保險對象於生效日已在其他投保單位投保，請先由原單位轉出"
        case .notInsuredHere: "非該單位在保險對象"
        case .principalNotInsured: "眷屬所依附之被保險人於生效日未在保"
        case .alreadyInsuredHere: "保險對象已在本單位投保"
        case .notSuspended: "保險對象未停保，無法復保"
        case .notActive: "保險對象目前非在保狀態"
        }
    }

    /// The message shown with the code, in English.
    public var messageEn: String {
        switch self {
        case .accepted: "accepted"
        case .insuredElsewhere: "insured with another unit on the effective date; transfer out there first"
        case .notInsuredHere: "not an in-force insured person of the unit"
        case .principalNotInsured: "the dependant's insured person is not insured on the effective date"
        case .alreadyInsuredHere: "already insured with this unit"
        case .notSuspended: "not suspended, so cannot resume"
        case .notActive: "not in an active state"
        }
    }
}

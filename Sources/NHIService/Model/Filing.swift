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
    case enrol, withdraw, salaryAdjustment, renew, suspend, parentalLeave, resume, basicDataChange

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
    case general, privateSchool, publicUnit, notUnderLabourStandards

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
    public var pensionUnitType: PensionUnitType
    /// 勞保投保薪資.
    public var labourInsuranceSalary: Money
    /// [勞退]月提繳工資.
    public var pensionWage: Money
    /// [勞退]雇主提繳率 %, at least 6.
    public var employerRatePercent: Int
    /// [勞退]勞工自願提繳率 %, 0–6.
    public var voluntaryRatePercent: Int

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
    public let id: Int64
    public let unitCode: UnitCode
    public let family: FilingFamily
    public let kind: FilingKind
    /// The person the filing is about.
    public let personID: PersonalID
    /// For a dependant: the insured person (員工身分證號 in the listings).
    public let principalID: PersonalID?
    public let relation: DependantRelation?
    public let name: String
    public let birthDate: CalendarDate?
    public let category: InsuredCategory
    /// 原因: the eligibility reason of an enrolment, the withdrawal reason, …
    public let reason: String
    /// 投保金額: the amount enrolled with, or the amount before an adjustment.
    public let insuredAmount: Money?
    /// 調整後金額.
    public let adjustedAmount: Money?
    public let effectiveDate: CalendarDate
    public let filedOn: CalendarDate
    public let filedAt: Date
    public let filedBy: String
    public let staffID: Int64?
    public var status: FilingStatus
    /// The check result code after conversion (`審核正確` when accepted).
    public var checkCode: String?
    public var checkMessage: String?
    public var convertedAt: Date?
    /// Bulk adjustments and imports share a batch ID.
    public let batchID: Int64?
    /// The three-in-one labour side, when any.
    public let labour: LabourSide?
    /// Whether this is a foreign national's enrolment.
    public let foreignNational: Bool
    /// A first card is to be issued and mailed (首次加保).
    public let issueCardTo: String?

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
    case accepted = "審核正確"
    case insuredElsewhere = "E101"
    case notInsuredHere = "E102"
    case principalNotInsured = "E103"
    case alreadyInsuredHere = "E104"
    case notSuspended = "E105"
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

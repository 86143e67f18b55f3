import Foundation
import NHICore

/// One line of the premium calculation detail (保費計算明細): an insured person's premium
/// for a month, with their dependants.
public struct PremiumDetailLine: Sendable, Hashable, Codable {
    /// The insured person (本人) the line is for.
    public let personID: PersonalID
    /// The person's name as recorded.
    public let name: String
    /// The insured category (身分別), which sets the premium shares.
    public let category: InsuredCategory
    /// The insured amount (投保金額) the premium is computed from, in NT$.
    public let insuredAmount: Money
    /// Dependants insured with the person at month end (all counted; at most 3 charged).
    public let dependants: Int
    /// What the insured pays in NT$: the per-head premium for the person and up to 3 dependants.
    public let insuredShare: Money
    /// The unit's share in NT$ (with the average number of dependants, 平均眷口數).
    public let unitShare: Money
    /// The government's share in NT$.
    public let governmentShare: Money
    /// Why no premium is charged (停保, 育嬰留停), or that the amount was re-graded on the
    /// month's table (重載金額), if so.
    public let note: String?

    /// Creates a line from its parts, as the service computes it for a month.
    public init(personID: PersonalID, name: String, category: InsuredCategory, insuredAmount: Money, dependants: Int,
                insuredShare: Money, unitShare: Money, governmentShare: Money, note: String?) {
        self.personID = personID
        self.name = name
        self.category = category
        self.insuredAmount = insuredAmount
        self.dependants = dependants
        self.insuredShare = insuredShare
        self.unitShare = unitShare
        self.governmentShare = governmentShare
        self.note = note
    }
}

/// An insured person the month's premium could not be computed for, with the reason. The
/// rest of the unit is billed; the person is billed by an adjustment once the cause is fixed.
public struct UnbillablePerson: Sendable, Hashable, Codable {
    /// The insured person whose premium could not be computed.
    public let personID: PersonalID
    /// The person's name as recorded.
    public let name: String
    /// The insured amount (投保金額) on record, in NT$.
    public let insuredAmount: Money
    /// The stable error code of the cause (e.g. `grade.noTable`).
    public let code: String
    /// The cause in Traditional Chinese.
    public let message: String
    /// The cause in English.
    public let messageEn: String

    /// Creates the entry from the person and the error that stopped the calculation.
    public init(personID: PersonalID, name: String, insuredAmount: Money, code: String, message: String, messageEn: String) {
        self.personID = personID
        self.name = name
        self.insuredAmount = insuredAmount
        self.code = code
        self.message = message
        self.messageEn = messageEn
    }
}

/// A unit's premium calculation detail for a month.
public struct PremiumDetail: Sendable, Hashable, Codable {
    /// The insured unit (投保單位代號).
    public let unitCode: UnitCode
    /// The premium month (保費年月), `yyyMM`.
    public let month: ROCMonth
    /// One line per insured person billed for the month.
    public let lines: [PremiumDetailLine]
    /// Insured people whose premium could not be computed (reported, never silently dropped).
    public let unbillable: [UnbillablePerson]

    /// Creates a detail from its lines and the people who could not be billed.
    public init(unitCode: UnitCode, month: ROCMonth, lines: [PremiumDetailLine], unbillable: [UnbillablePerson] = []) {
        self.unitCode = unitCode
        self.month = month
        self.lines = lines
        self.unbillable = unbillable
    }

    /// The sum of the insured people's shares, in NT$ (withheld from pay by the unit).
    public var totalInsured: Money { lines.reduce(.zero) { $0 + $1.insuredShare } }
    /// The sum of the unit's shares, in NT$.
    public var totalUnit: Money { lines.reduce(.zero) { $0 + $1.unitShare } }
    /// The sum of the government's shares, in NT$ (not billed to the unit).
    public var totalGovernment: Money { lines.reduce(.zero) { $0 + $1.governmentShare } }
    /// What the unit remits: the insured shares it withholds plus its own share.
    public var amountDue: Money { totalInsured + totalUnit }
}

/// A premium bill (繳款單): a unit's (or a withholding agent's) premium for a month.
public struct PremiumBill: Sendable, Hashable, Codable, Identifiable {
    /// General premium, supplementary premium, or a late fee that a late payment left owing.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        /// 一般保費: the unit's monthly NHI premium (the insured people's and the unit's shares).
        case general
        /// 補充保費: supplementary premium, withheld by a payer or owed by the unit as employer.
        case supplementary
        /// 滯納金: accrued on premium paid late; owed until paid, and bears no fee itself.
        case lateFee

        /// `一般保費`, `補充保費` or `滯納金`.
        public var label: String {
            switch self {
            case .general: "一般保費"
            case .supplementary: "補充保費"
            case .lateFee: "滯納金"
            }
        }
    }

    /// The bill's number in the store (assigned when the bill is inserted).
    public let id: Int64
    /// The unit code, or for withheld supplementary premium the withholding agent's UBN.
    public let payerKey: String
    /// The premium month (保費年月) the bill is for, `yyyMM`.
    public let month: ROCMonth
    /// General premium, supplementary premium or late fee.
    public let category: Category
    /// The amount billed, in NT$.
    public let amount: Money
    /// The due date (繳款期限): the end of the month after the premium month; for a late-fee bill, the day of the
    /// late payment that caused it.
    public let dueDate: CalendarDate
    /// When the bill was issued.
    public let issuedAt: Date
    /// Paid so far.
    public let paid: Money

    /// Creates a bill from its parts; a new bill is inserted with `id` 0 and gets its number from the store.
    public init(id: Int64, payerKey: String, month: ROCMonth, category: Category, amount: Money, dueDate: CalendarDate, issuedAt: Date, paid: Money) {
        self.id = id
        self.payerKey = payerKey
        self.month = month
        self.category = category
        self.amount = amount
        self.dueDate = dueDate
        self.issuedAt = issuedAt
        self.paid = paid
    }

    /// What is still owed: ``amount`` minus ``paid``, in NT$.
    public var unpaid: Money { amount - paid }
}

/// A payment of a bill.
public struct PremiumPayment: Sendable, Hashable, Codable, Identifiable {
    /// The payment's number in the store.
    public let id: Int64
    /// The ``PremiumBill/id`` of the bill paid.
    public let billID: Int64
    /// The amount paid, in NT$.
    public let amount: Money
    /// The day the payment was made.
    public let paidOn: CalendarDate
    /// `counter`, `transfer`, `online`, …
    public let channel: String

    /// Creates a payment record from its parts.
    public init(id: Int64, billID: Int64, amount: Money, paidOn: CalendarDate, channel: String) {
        self.id = id
        self.billID = billID
        self.amount = amount
        self.paidOn = paidOn
        self.channel = channel
    }
}

/// One line of a bill: the month's premium, an adjustment for an earlier month that a later
/// filing changed (a billed month is never rewritten), or a late fee.
public struct BillLine: Sendable, Hashable, Codable {
    /// What a bill line charges or credits.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The premium of the bill's own month.
        case premium
        /// 追溯調整: the difference a retroactive filing made to an earlier month.
        case adjustment
        /// 滯納金 accrued on a late payment of the month's premium.
        case lateFee
    }

    /// The ``PremiumBill/id`` of the bill the line belongs to.
    public let billID: Int64
    /// The premium month the line is for.
    public let month: ROCMonth
    /// The month's premium, a retroactive adjustment or a late fee.
    public let kind: Kind
    /// Positive for a charge, negative for a credit.
    public let amount: Money

    /// Creates a line from its parts.
    public init(billID: Int64, month: ROCMonth, kind: Kind, amount: Money) {
        self.billID = billID
        self.month = month
        self.kind = kind
        self.amount = amount
    }
}

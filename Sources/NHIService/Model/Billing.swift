import Foundation
import NHICore

/// One line of the premium calculation detail (保費計算明細): an insured person's premium
/// for a month, with their dependants.
public struct PremiumDetailLine: Sendable, Hashable, Codable {
    public let personID: PersonalID
    public let name: String
    public let category: InsuredCategory
    public let insuredAmount: Money
    /// Dependants insured with the person at month end (all counted; at most 3 charged).
    public let dependants: Int
    public let insuredShare: Money
    public let unitShare: Money
    public let governmentShare: Money
    /// Why no premium is charged (停保, 育嬰留停), or that the amount was re-graded on the
    /// month's table (重載金額), if so.
    public let note: String?

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
    public let personID: PersonalID
    public let name: String
    public let insuredAmount: Money
    /// The stable error code of the cause (e.g. `grade.noTable`).
    public let code: String
    public let message: String
    public let messageEn: String

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
    public let unitCode: UnitCode
    public let month: ROCMonth
    public let lines: [PremiumDetailLine]
    /// Insured people whose premium could not be computed (reported, never silently dropped).
    public let unbillable: [UnbillablePerson]

    public init(unitCode: UnitCode, month: ROCMonth, lines: [PremiumDetailLine], unbillable: [UnbillablePerson] = []) {
        self.unitCode = unitCode
        self.month = month
        self.lines = lines
        self.unbillable = unbillable
    }

    public var totalInsured: Money { lines.reduce(.zero) { $0 + $1.insuredShare } }
    public var totalUnit: Money { lines.reduce(.zero) { $0 + $1.unitShare } }
    public var totalGovernment: Money { lines.reduce(.zero) { $0 + $1.governmentShare } }
    /// What the unit remits: the insured shares it withholds plus its own share.
    public var amountDue: Money { totalInsured + totalUnit }
}

/// A premium bill (繳款單): a unit's (or a withholding agent's) premium for a month.
public struct PremiumBill: Sendable, Hashable, Codable, Identifiable {
    /// General premium, supplementary premium, or a late fee that a late payment left owing.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case general, supplementary
        /// 滯納金: accrued on premium paid late; owed until paid, and bears no fee itself.
        case lateFee

        public var label: String {
            switch self {
            case .general: "一般保費"
            case .supplementary: "補充保費"
            case .lateFee: "滯納金"
            }
        }
    }

    public let id: Int64
    /// The unit code, or for withheld supplementary premium the withholding agent's UBN.
    public let payerKey: String
    public let month: ROCMonth
    public let category: Category
    public let amount: Money
    public let dueDate: CalendarDate
    public let issuedAt: Date
    /// Paid so far.
    public let paid: Money

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

    public var unpaid: Money { amount - paid }
}

/// A payment of a bill.
public struct PremiumPayment: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let billID: Int64
    public let amount: Money
    public let paidOn: CalendarDate
    /// `counter`, `transfer`, `online`, …
    public let channel: String

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
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The premium of the bill's own month.
        case premium
        /// 追溯調整: the difference a retroactive filing made to an earlier month.
        case adjustment
        /// 滯納金 accrued on a late payment of the month's premium.
        case lateFee
    }

    public let billID: Int64
    /// The premium month the line is for.
    public let month: ROCMonth
    public let kind: Kind
    /// Positive for a charge, negative for a credit.
    public let amount: Money

    public init(billID: Int64, month: ROCMonth, kind: Kind, amount: Money) {
        self.billID = billID
        self.month = month
        self.kind = kind
        self.amount = amount
    }
}

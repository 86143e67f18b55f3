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
    /// Why no premium is charged (停保, 育嬰留停), if so.
    public let note: String?
}

/// A unit's premium calculation detail for a month.
public struct PremiumDetail: Sendable, Hashable, Codable {
    public let unitCode: UnitCode
    public let month: ROCMonth
    public let lines: [PremiumDetailLine]

    public var totalInsured: Money { lines.reduce(.zero) { $0 + $1.insuredShare } }
    public var totalUnit: Money { lines.reduce(.zero) { $0 + $1.unitShare } }
    public var totalGovernment: Money { lines.reduce(.zero) { $0 + $1.governmentShare } }
    /// What the unit remits: the insured shares it withholds plus its own share.
    public var amountDue: Money { totalInsured + totalUnit }
}

/// A premium bill (繳款單): a unit's (or a withholding agent's) premium for a month.
public struct PremiumBill: Sendable, Hashable, Codable, Identifiable {
    /// General premium, or supplementary premium.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case general, supplementary

        public var label: String { self == .general ? "一般保費" : "補充保費" }
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

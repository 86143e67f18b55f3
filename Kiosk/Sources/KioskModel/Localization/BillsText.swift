import NHICore
import NHIService

/// Strings of the bills and payment-slip screen.
public enum BillsText: Sendable, Hashable {
    case title
    case none
    case line(PremiumBill, language: Language)
    case printSlip(PremiumBill)
    case slipIssued(PremiumBill)
    case slipTitle
    case payer(code: String, name: String?)
    case month(ROCMonth)
    case category(PremiumBill.Category)
    case amount(Money)
    case unpaid(Money)
    case due(CalendarDate, language: Language)
    case billNumber(Int64)

    var pair: (String, String) {
        switch self {
        case .title: ("保險費帳單（點選列印繳款單，每張每日最多 3 次）", "Premium bills (print a slip: at most 3 times a day per bill)")
        case .none: ("目前沒有帳單", "No bills")
        case .line(let bill, let language):
            ("\(bill.month.compact)　\(bill.category.label)　應繳 \(bill.amount.display) 元　已繳 \(bill.paid.display) 元　繳款期限 \(bill.dueDate.display(language))",
             "\(bill.month.compact) · \(Self.categoryEn(bill.category)) · NT$\(bill.amount.display) due, NT$\(bill.paid.display) paid · due \(bill.dueDate.display(language))")
        case .printSlip(let bill): ("列印 \(bill.month.compact) \(bill.category.label)繳款單", "Print the \(bill.month.compact) \(Self.categoryEn(bill.category)) slip")
        case .slipIssued(let bill): ("已列印 \(bill.month.compact) \(bill.category.label)繳款單", "The \(bill.month.compact) \(Self.categoryEn(bill.category)) slip was printed")
        case .slipTitle: ("全民健康保險保險費繳款單", "National Health Insurance premium payment slip")
        case .payer(let code, let name): ("繳款單位：\(code) \(name ?? "")", "Payer: \(code) \(name ?? "")")
        case .month(let month): ("計費年月：\(month.compact)", "Billing month: \(month.compact)")
        case .category(let category): ("類別：\(category.label)", "Category: \(Self.categoryEn(category))")
        case .amount(let amount): ("應繳金額：\(amount.display) 元", "Amount: NT$\(amount.display)")
        case .unpaid(let amount): ("尚未繳納：\(amount.display) 元", "Still unpaid: NT$\(amount.display)")
        case .due(let date, let language): ("繳款期限：\(date.display(language))", "Due: \(date.display(language))")
        case .billNumber(let id): ("帳單編號：\(id)", "Bill no. \(id)")
        }
    }

    private static func categoryEn(_ category: PremiumBill.Category) -> String {
        switch category {
        case .general: "general premium"
        case .supplementary: "supplementary premium"
        case .lateFee: "late fee"
        }
    }
}

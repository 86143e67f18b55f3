import Foundation
import NHICore
import NHIService
import Observation

/// 保險費帳單及繳款單: the unit's bills (`NHIService.premiums.bills`) and a payment slip per
/// bill (`downloadSlip`: the service counts downloads, at most 3 a day per bill), printed
/// as a document.
@Observable
@MainActor
public final class BillsModel: FlowModel, WorkflowCalling {
    public private(set) var bills: FlowStatus<[PremiumBill]> = .idle
    /// The last slip issued (printing happens in the GTK layer).
    public private(set) var slip: FlowStatus<PremiumBill> = .idle
    public private(set) var printResult: VisitorServicesModel.PrintResult?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    /// Loads the signed-in unit's bills.
    public func load() async {
        _ = await call({ bills = $0 }) { try await $0.bills() }
    }

    /// 列印繳款單 for `bill` (the service may refuse: the daily limit).
    @discardableResult
    public func issueSlip(_ bill: PremiumBill) async -> PremiumBill? {
        guard !slip.isWorking else { return nil }
        printResult = nil
        let id = bill.id
        return await call({ slip = $0 }) { try await $0.issueSlip(bill: id) }
    }

    public func recordPrint(_ result: VisitorServicesModel.PrintResult) { printResult = result }

    /// A bill as the list shows it.
    public func line(_ bill: PremiumBill, _ language: Language) -> String {
        Text.bills(.line(bill, language: language)).localized(language)
    }

    /// The slip laid out as a document: title, payer, month, category, amount, due date,
    /// what is still unpaid, the bill number — the bill's data only.
    public func slipLines(_ bill: PremiumBill, unitName: String?, _ language: Language) -> [(text: String, heading: Bool)] {
        let t = { (text: BillsText) in Text.bills(text).localized(language) }
        return [
            (t(.slipTitle), true),
            (t(.payer(code: bill.payerKey, name: unitName)), false),
            (t(.month(bill.month)), false),
            (t(.category(bill.category)), false),
            (t(.amount(bill.amount)), false),
            (t(.unpaid(bill.unpaid)), false),
            (t(.due(bill.dueDate, language: language)), false),
            (t(.billNumber(bill.id)), false),
        ]
    }

    public var screen: Screen { .bills }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        bills = .idle
        slip = .idle
        printResult = nil
    }
    public func screenOpened() { Task { await load() } }
    public var automationStatus: String { "bills:\(bills.automationValue) slip:\(slip.automationValue)" }
}

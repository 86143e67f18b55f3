import NHICore
import NHIService

/// Strings of the statements screen (保費計算明細及各類明細表).
public enum StatementsText: Sendable, Hashable {
    case detailTitle
    case detailMonth
    case loadDetail
    case detailSummary(PremiumDetail)
    case detailLine(PremiumDetailLine)
    case unbillable(Int)
    case catalogueTitle
    case kindPicker
    case kind(StatementKind)
    case month
    case through
    case request
    case requested(StatementRequest)
    case requestsTitle
    case noRequests
    case requestLine(StatementRequest)
    case open(StatementRequest)
    case tableMeta(StatementTable)
    case tableRows(shown: Int, total: Int)
    case printTable

    var pair: (String, String) {
        switch self {
        case .detailTitle: ("保費計算明細", "Premium calculation")
        case .detailMonth: ("計費年月（民國年月，如 11510）", "Billing month (ROC yyyMM, e.g. 11510)")
        case .loadDetail: ("查詢明細", "Show the calculation")
        case .detailSummary(let d):
            ("\(d.month.compact) 共 \(d.lines.count) 人：被保險人負擔 \(d.totalInsured.display) 元、投保單位負擔 \(d.totalUnit.display) 元、政府補助 \(d.totalGovernment.display) 元；應繳 \(d.amountDue.display) 元",
             "\(d.month.compact), \(d.lines.count) insured: insured NT$\(d.totalInsured.display), unit NT$\(d.totalUnit.display), government NT$\(d.totalGovernment.display); due NT$\(d.amountDue.display)")
        case .detailLine(let l):
            ("\(l.name) \(l.personID.masked)　投保金額 \(l.insuredAmount.display)　眷屬 \(l.dependants) 人　本人 \(l.insuredShare.display)　單位 \(l.unitShare.display)"
                + (l.note.map { "　\($0)" } ?? ""),
             "\(l.name) \(l.personID.masked) · NT$\(l.insuredAmount.display) · \(l.dependants) dependants · insured \(l.insuredShare.display) · unit \(l.unitShare.display)"
                + (l.note.map { " · \($0)" } ?? ""))
        case .unbillable(let n): ("另有 \(n) 人無法計費（投保金額不在級距表上等），請查明", "\(n) more cannot be billed (an amount not on the grade table …): check them")
        case .catalogueTitle: ("各類明細表申請及下載", "Statements: request and download")
        case .kindPicker: ("明細表", "Statement")
        case .kind(let kind): (kind.title, kind.titleEn)
        case .month: ("年月（民國年月）", "Month (ROC yyyMM)")
        case .through: ("迄年月（投保金額總額明細表可填，民國年月）", "Through (insured-amount totals only; ROC yyyMM)")
        case .request: ("申請", "Request")
        case .requested(let r):
            ("已申請 \(r.kind.title)（\(r.month.compact)），今晚轉檔後產生，明日可下載", "Requested \(r.kind.titleEn) (\(r.month.compact)); produced tonight, ready tomorrow")
        case .requestsTitle: ("申請紀錄", "Requests")
        case .noRequests: ("尚無申請紀錄", "No requests yet")
        case .requestLine(let r):
            {
                let range = r.month.compact + (r.through.map { "–\($0.compact)" } ?? "")
                let (zh, en) = r.status == .ready ? ("可下載", "ready") : ("尚未產生", "not yet produced")
                return ("第 \(r.id) 號　\(r.kind.title)　\(range)　\(zh)", "No. \(r.id) · \(r.kind.titleEn) · \(range) · \(en)")
            }()
        case .open(let r): ("開啟第 \(r.id) 號明細表", "Open statement no. \(r.id)")
        case .tableMeta(let t):
            ("投保單位代號 \(t.unitCode.rawValue)　年月 \(t.month.compact)" + (t.through.map { "–\($0.compact)" } ?? ""),
             "Unit \(t.unitCode.rawValue) · month \(t.month.compact)" + (t.through.map { "–\($0.compact)" } ?? ""))
        case .tableRows(let shown, let total):
            shown < total ? ("顯示前 \(shown) 列，共 \(total) 列（列印含全部）", "First \(shown) of \(total) rows shown (the print has all)")
                : ("共 \(total) 列", "\(total) rows")
        case .printTable: ("列印明細表", "Print the statement")
        }
    }
}

/// Strings of the payments screen (保費繳納證明及電子繳款單).
public enum PaymentsText: Sendable, Hashable {
    /// The payments screen's text fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case from, through, paidFrom, paidThrough, email, backupEmail
    }

    case certificateSectionTitle
    case caption(Field)
    case general
    case supplementary
    case noCategory
    case loadCertificate
    case certificateTitle
    case payer(code: String, name: String)
    case ranges(from: ROCMonth, through: ROCMonth, paidFrom: CalendarDate, paidThrough: CalendarDate)
    case certificateLine(PaymentCertificate.Line)
    case total(Money)
    case noPayments
    case printCertificate
    case ePaymentTitle
    case subscribedNow(EPaymentSubscription)
    case notSubscribed
    case cancelledNow(EPaymentSubscription)
    case transferNotice
    case subscribe
    case update
    case subscribed(EPaymentSubscription)
    case cancel
    case cancelTitle
    case cancelMessage(EPaymentSubscription, paperFrom: ROCMonth)
    case keep

    var pair: (String, String) {
        switch self {
        case .certificateSectionTitle: ("保費繳納證明", "Payment certificate")
        case .caption(let field):
            switch field {
            case .from: ("計費年月起（民國年月）", "Billing months from (ROC yyyMM)")
            case .through: ("計費年月迄（民國年月）", "Billing months through (ROC yyyMM)")
            case .paidFrom: ("繳款日期起（民國年月日）", "Paid from (ROC yyyMMdd)")
            case .paidThrough: ("繳款日期迄（民國年月日）", "Paid through (ROC yyyMMdd)")
            case .email: ("電子郵件", "E-mail")
            case .backupEmail: ("備用電子郵件（可免填）", "Second e-mail (optional)")
            }
        case .general: ("一般保費", "General premium")
        case .supplementary: ("補充保費", "Supplementary premium")
        case .noCategory: ("請至少勾選一般保費或補充保費", "Choose general or supplementary premium, or both")
        case .loadCertificate: ("查詢繳納證明", "Show the certificate")
        case .certificateTitle: ("全民健康保險投保單位保險費繳納證明", "NHI premium payment certificate")
        case .payer(let code, let name): ("投保單位：\(code) \(name)", "Unit: \(code) \(name)")
        case .ranges(let from, let through, let paidFrom, let paidThrough):
            ("計費年月 \(from.compact)–\(through.compact)，繳款日期 \(paidFrom.rocSlashed)–\(paidThrough.rocSlashed)",
             "Billing months \(from.compact)–\(through.compact), paid \(paidFrom.iso)–\(paidThrough.iso)")
        case .certificateLine(let l):
            ("\(l.month.compact)　\(l.category.label)　\(l.amount.display) 元　繳款日 \(l.paidOn.rocSlashed)",
             "\(l.month.compact) · \(l.category.rawValue) · NT$\(l.amount.display) · paid \(l.paidOn.iso)")
        case .total(let total): ("合計 \(total.display) 元", "Total NT$\(total.display)")
        case .noPayments: ("此期間沒有繳款紀錄", "No payments in these ranges")
        case .printCertificate: ("列印繳納證明", "Print the certificate")
        case .ePaymentTitle: ("電子繳款單", "Electronic payment slips")
        case .subscribedNow(let s):
            ("已申請電子繳款單：\(s.email.rawValue)" + (s.backupEmail.map { "、\($0.rawValue)" } ?? "") + "（\(s.effectiveMonth.compact) 起）",
             "Subscribed: \(s.email.rawValue)" + (s.backupEmail.map { ", \($0.rawValue)" } ?? "") + " (from \(s.effectiveMonth.compact))")
        case .notSubscribed: ("尚未申請電子繳款單（郵寄紙本繳款單）", "Not subscribed (paper slips are mailed)")
        case .cancelledNow(let s):
            ("已取消電子繳款單，\(s.effectiveMonth.compact) 起恢復郵寄紙本", "Cancelled; paper slips from \(s.effectiveMonth.compact)")
        case .transferNotice: ("同時寄送轉帳結果通知", "Also e-mail the transfer result")
        case .subscribe: ("申請電子繳款單", "Subscribe")
        case .update: ("變更電子郵件", "Change the addresses")
        case .subscribed(let s):
            ("已受理：電子繳款單寄至 \(s.email.rawValue)，\(s.effectiveMonth.compact) 起不再郵寄紙本", "Done: slips go to \(s.email.rawValue); no paper from \(s.effectiveMonth.compact)")
        case .cancel: ("取消電子繳款單", "Cancel electronic slips")
        case .cancelTitle: ("取消電子繳款單？", "Cancel electronic payment slips?")
        case .cancelMessage(let s, let month):
            ("取消後將恢復郵寄紙本繳款單（\(month.compact) 起），不再寄至 \(s.email.rawValue)。",
             "Paper slips will be mailed again (from \(month.compact)), no longer e-mailed to \(s.email.rawValue).")
        case .keep: ("保留", "Keep")
        }
    }
}

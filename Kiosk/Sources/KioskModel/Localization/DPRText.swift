import NHICore
import NHIFormats
import NHIService

/// Strings of the DPR screen (補充保險費明細申報).
public enum DPRText: Sendable, Hashable {
    case intro
    case summary(DPRUnitRecord, rows: Int)
    case valid
    case invalid(Int)
    case importedBefore(DPRImportRecord)
    case issue(FormatIssue)
    case importButton
    case importTitle
    case importMessage(name: String, unit: DPRUnitRecord)
    case imported(DPRImportResult)
    case toSlips

    var pair: (String, String) {
        switch self {
        case .intro:
            ("扣費單位的補充保險費明細申報檔（DPR，CSV 或 200 位元固定長度，Big5 或 UTF-8）：先檢查欄位、筆數、合計，並依給付日當時的規定重算每筆保費；全部正確才能申報，同一明細不會重複申報。申報後產生各給付月份的補充保費繳款單。",
             "A withholding unit's supplementary-premium detail file (DPR, CSV or 200-byte fixed width, Big5 or UTF-8): fields, counts and totals are checked and each premium is recomputed by the rules of its payment date; only a clean file is filed, and no detail twice. Filing makes the supplementary-premium slip of each payment month.")
        case .summary(let u, let rows):
            ("扣費單位 \(u.ubn.rawValue) \(u.payerName)　所得類別 \(u.incomeCode.rawValue)　期間 \(u.periodStart.compact)–\(u.periodEnd.compact)　明細 \(rows) 筆　給付 \(u.totalPaid.display) 元　補充保費 \(u.totalPremium.display) 元",
             "Payer \(u.ubn.rawValue) \(u.payerName) · income code \(u.incomeCode.rawValue) · \(u.periodStart.compact)–\(u.periodEnd.compact) · \(rows) details · paid NT$\(u.totalPaid.display) · premium NT$\(u.totalPremium.display)")
        case .valid: ("檢核通過，可以申報", "Checked: it can be filed")
        case .invalid(let n): ("有 \(n) 項錯誤，請修正後重新選取檔案（不會申報任何一筆）", "\(n) errors: correct the file and choose it again (nothing is filed)")
        case .importedBefore(let r):
            ("此檔案已於 \(CalendarDate.today(at: r.importedAt).rocSlashed) 申報（第 \(r.id) 次匯入），再次申報不會重複計算", "This file was filed on \(CalendarDate.today(at: r.importedAt).iso) (import \(r.id)); filing it again counts nothing twice")
        case .issue(let issue):
            {
                // The reader's message names the line and column itself (第2列第7欄 …); codes stay in the log.
                let (tag, tagEn) = issue.severity == .error ? ("錯誤", "Error") : ("提醒", "Warning")
                return ("\(tag)：\(issue.error.message)", "\(tagEn): \(issue.error.messageEn)")
            }()
        case .importButton: ("申報補充保費明細", "File the details")
        case .importTitle: ("申報這個 DPR 檔？", "File this DPR file?")
        case .importMessage(let name, let u):
            ("將以 \(name) 申報扣費單位 \(u.ubn.rawValue) 之補充保險費明細 \(u.count) 筆，補充保費合計 \(u.totalPremium.display) 元，並產生繳款單。",
             "\(name) files \(u.count) details for payer \(u.ubn.rawValue), premium NT$\(u.totalPremium.display), and makes the payment slips.")
        case .imported(let r):
            r.imported == 0 ? ("明細已全部申報過（\(r.duplicates) 筆），未重複計算", "All \(r.duplicates) details were filed before; nothing counted twice")
                : ("已申報 \(r.imported) 筆明細" + (r.duplicates > 0 ? "（另 \(r.duplicates) 筆先前已申報）" : "") + "，補充保費繳款單已產生",
                   "\(r.imported) details filed" + (r.duplicates > 0 ? " (\(r.duplicates) filed before)" : "") + "; the supplementary-premium slips are ready")
        case .toSlips: ("列印補充保費繳款單", "Print the supplementary-premium slips")
        }
    }
}

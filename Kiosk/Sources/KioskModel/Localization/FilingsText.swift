import NHICore
import NHIService

/// Strings of today's filings and the check results.
public enum FilingsText: Sendable, Hashable {
    case todayTitle
    case noneToday
    case line(Filing)
    case status(FilingStatus)
    case delete(Filing)
    case deleteTitle
    case deleteMessage(Filing)
    case deleted(Filing)
    case resultsTitle
    case from
    case through
    case loadResults
    case noResults

    var pair: (String, String) {
        switch self {
        case .todayTitle: ("今日申報（當日轉檔前可刪除）", "Filed today (can be deleted before tonight's conversion)")
        case .noneToday: ("今天尚無申報資料", "Nothing filed today")
        case .line(let f):
            {
                let (zh, en) = Self.status(f.status)
                let check = f.checkMessage ?? f.checkCode
                return ("第 \(f.id) 號　\(f.kind.label)　\(f.name) \(f.personID.masked)　生效 \(f.effectiveDate.rocSlashed)　\(zh)" + (check.map { "　\($0)" } ?? ""),
                        "No. \(f.id) · \(f.kind.rawValue) · \(f.name) \(f.personID.masked) · effective \(f.effectiveDate.iso) · \(en)" + (check.map { " · \($0)" } ?? ""))
            }()
        case .status(let status): Self.status(status)
        case .delete(let f): ("刪除第 \(f.id) 號申報", "Delete filing no. \(f.id)")
        case .deleteTitle: ("刪除這筆申報？", "Delete this filing?")
        case .deleteMessage(let f):
            ("將刪除第 \(f.id) 號\(f.kind.label)申報：\(f.name) \(f.personID.masked)，生效日期 \(f.effectiveDate.rocSlashed)。刪除後須重新申報。",
             "Filing no. \(f.id) (\(f.kind.rawValue)) for \(f.name) \(f.personID.masked), effective \(f.effectiveDate.iso), will be deleted; it must be filed again if needed.")
        case .deleted(let f): ("已刪除第 \(f.id) 號申報", "Filing no. \(f.id) deleted")
        case .resultsTitle: ("檢核結果（轉檔後）", "Check results (after the nightly conversion)")
        case .from: ("申報日期起（民國年月日）", "Filed from (ROC yyyMMdd)")
        case .through: ("申報日期迄（民國年月日）", "Filed through (ROC yyyMMdd)")
        case .loadResults: ("查詢檢核結果", "Look up check results")
        case .noResults: ("此期間尚無檢核結果（每晚 22:30 轉檔，次日可查詢）", "No check results in this range yet (converted nightly at 22:30; results the next day)")
        }
    }

    private static func status(_ status: FilingStatus) -> (String, String) {
        switch status {
        case .pending: ("待轉檔", "awaiting conversion")
        case .staged: ("轉檔中", "converting")
        case .accepted: ("審核正確", "accepted")
        case .rejected: ("檢核錯誤", "rejected")
        case .deleted: ("已刪除", "deleted")
        }
    }
}

import Foundation
import NHICore
import NHIService

/// Strings of the status-change screen (停保／育嬰留停／復保／續保, 基本資料變更).
public enum StatusChangeText: Sendable, Hashable {
    case changePicker
    case change(StatusChangeModel.Change)
    case caption(StatusChangeModel.Field, StatusChangeModel.Change)
    case proofNeeded
    case filed(Filing)

    var pair: (String, String) {
        switch self {
        case .changePicker: ("異動項目", "Change")
        case .change(let change):
            switch change {
            case .suspend: ("停保", "Suspend")
            case .parentalLeave: ("育嬰留職停薪", "Parental leave")
            case .resume: ("復保", "Resume")
            case .renew: ("續保", "Renew")
            case .basicData: ("基本資料變更（姓名、出生日期）", "Basic data (name, birth date)")
            }
        case .caption(let field, let change):
            switch field {
            case .id: ("保險對象身分證號（居留證統一證號）", "ID or resident certificate number")
            case .date:
                switch change {
                case .suspend: ("停保日期（民國年月日）", "Suspended from (ROC yyyMMdd)")
                case .parentalLeave: ("育嬰留職停薪起日（民國年月日）", "Leave starts (ROC yyyMMdd)")
                case .resume: ("復保日期（民國年月日）", "Resumed from (ROC yyyMMdd)")
                case .renew, .basicData: ("續保日期（民國年月日）", "Renewed from (ROC yyyMMdd)")
                }
            case .reason: ("原因（可免填）", "Reason (optional)")
            case .name: ("新姓名（不變更免填）", "New name (leave empty to keep)")
            case .birthDate: ("新出生日期（民國年月日，不變更免填）", "New date of birth (ROC yyyMMdd; leave empty to keep)")
            }
        case .proofNeeded: ("變更出生日期須檢附證明文件（最多 2 份）", "A new date of birth needs proof (up to 2 documents)")
        case .filed(let f):
            ("已受理\(f.kind.label)申報（第 \(f.id) 號）：\(f.name) \(f.personID.masked)，生效日期 \(f.effectiveDate.rocSlashed)。今晚 22:30 轉檔，次日可查詢檢核結果。",
             "\(Text.filing(.statusKind(f.kind)).localized(.english)) no. \(f.id) filed: \(f.name) \(f.personID.masked), effective \(f.effectiveDate.iso). Converted tonight at 22:30; check results tomorrow.")
        }
    }
}

/// Strings of the roster screen (在保名冊).
public enum RosterText: Sendable, Hashable {
    case search
    case day
    case load
    case summary(shown: Int, total: Int)
    case none
    case line(RosterLine)

    var pair: (String, String) {
        switch self {
        case .search: ("搜尋（姓名或身分證號）", "Search (name or ID)")
        case .day: ("查詢日期（民國年月日）", "On (ROC yyyMMdd)")
        case .load: ("查詢", "Look up")
        case .summary(let shown, let total): ("顯示 \(shown) 筆，共 \(total) 筆", "\(shown) shown of \(total)")
        case .none: ("沒有符合的資料", "Nobody matches")
        case .line(let l):
            {
                let who = l.principalID == nil ? ("本人", "insured") : ("眷屬", "dependant")
                let state: (String, String)? = switch l.status {
                case .active: nil
                case .suspended: ("停保中", "suspended")
                case .parentalLeave: ("育嬰留停中", "on parental leave")
                }
                return ("\(l.name) \(l.personID.masked)　\(who.0)　投保金額 \(l.insuredAmount.display) 元　自 \(l.startDate.rocSlashed)"
                            + (state.map { "　\($0.0)" } ?? ""),
                        "\(l.name) \(l.personID.masked) · \(who.1) · insured amount NT$\(l.insuredAmount.display) · since \(l.startDate.iso)"
                            + (state.map { " · \($0.1)" } ?? ""))
            }()
        }
    }
}

/// Strings of the audit-log screen (稽核紀錄).
public enum AuditText: Sendable, Hashable {
    case search
    case summary(shown: Int, total: Int)
    case none
    case line(AuditEntry)

    var pair: (String, String) {
        switch self {
        case .search: ("搜尋（動作、對象或人員）", "Search (action, target or person)")
        case .summary(let shown, let total): ("顯示 \(shown) 筆，共 \(total) 筆（最新在前）", "\(shown) shown of \(total) (newest first)")
        case .none: ("沒有符合的紀錄", "No entries match")
        case .line(let e):
            {
                let when = CalendarDate.today(at: e.at)
                let time = AuditText.clock(e.at)
                let detail = e.detail.isEmpty ? "" : "　\(e.detail)"
                return ("\(when.rocSlashed) \(time)　\(e.actor)　\(e.action)　\(e.target)" + detail,
                        "\(when.iso) \(time) · \(e.actor) · \(e.action) · \(e.target)" + (e.detail.isEmpty ? "" : " · \(e.detail)"))
            }()
        }
    }

    /// `14:05` in Taiwan's time.
    static func clock(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) + 8 * 3600
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

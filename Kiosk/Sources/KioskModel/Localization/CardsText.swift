import Foundation
import NHICore
import NHIService

/// Strings of the card-application screen (健保卡申請).
public enum CardsText: Sendable, Hashable {
    case caption(CardApplicationModel.Field)
    case reasonPicker
    case reason(CardApplication.Reason)
    case delivery(CardApplicationModel.Delivery)
    case deliveryGroup
    case photoNeeded
    case apply
    case confirmTitle
    case confirmMessage(who: String, reason: CardApplication.Reason, pickup: CardApplication.Pickup)
    case applied(CardApplication)
    case applicationsTitle
    case noApplications
    case applicationLine(CardApplication)
    case loadApplications

    var pair: (String, String) {
        switch self {
        case .caption(let field):
            switch field {
            case .id: ("申請人身分證號（居留證統一證號）", "ID or resident certificate number")
            case .email: ("電子郵件（製卡進度通知）", "E-mail (progress notices)")
            case .mobile: ("行動電話（與聯絡電話至少填一項）", "Mobile (this or a landline)")
            case .landline: ("聯絡電話（如 02-23456789#123）", "Landline (e.g. 02-23456789#123)")
            case .office: ("領卡地點（櫃檯名稱）", "Pick-up counter")
            case .county: ("縣市", "County or city")
            case .district: ("鄉鎮市區", "District")
            case .village: ("村里（可免填）", "Village (optional)")
            case .neighbourhood: ("鄰（可免填）", "Neighbourhood (optional)")
            case .street: ("街路巷弄號", "Street and number")
            }
        case .reasonPicker: ("申請原因", "Reason")
        case .reason(let reason):
            switch reason {
            case .lost: ("遺失", "Lost")
            case .damaged: ("毀損", "Damaged")
            case .newPhoto: ("更換照片", "New photo")
            case .firstIssue: ("首次申請（新生兒、外籍人士）", "First card (newborn, foreign national)")
            case .dataChange: ("資料變更", "Data changed")
            }
        case .delivery(let d): d == .counter ? ("臨櫃領取", "Pick up at a counter") : ("郵寄", "Post it")
        case .deliveryGroup: ("領卡方式", "Delivery")
        case .photoNeeded: ("更換照片及首次申請須附照片（jpg、jpeg、gif、png，5 MB 以內）", "A new photo or a first card needs a photo (jpg, jpeg, gif, png; up to 5 MB)")
        case .apply: ("送出申請", "Apply")
        case .confirmTitle: ("送出健保卡申請？", "Send this card application?")
        case .confirmMessage(let who, let reason, let pickup):
            {
                let (rz, re) = CardsText.reason(reason).pair
                switch pickup {
                case .counter(let office):
                    return ("申請人：\(who)\n原因：\(rz)\n領卡：臨櫃領取（\(office)）\n\n申請後製卡需數個工作天，工本費依規定收取。",
                            "Applicant: \(who)\nReason: \(re)\nDelivery: pick up at \(office)\n\nMaking the card takes a few working days; the fee is charged as the rules set.")
                case .post(let address):
                    return ("申請人：\(who)\n原因：\(rz)\n領卡：郵寄至 \(address.line)\n\n申請後製卡需數個工作天，工本費依規定收取。",
                            "Applicant: \(who)\nReason: \(re)\nDelivery: posted to \(address.line)\n\nMaking the card takes a few working days; the fee is charged as the rules set.")
                }
            }()
        case .applied(let a):
            ("已受理健保卡申請（第 \(a.id) 號）：\(a.personID.masked)，\(a.reason.label)", "Card application no. \(a.id) received: \(a.personID.masked), \(a.reason.rawValue)")
        case .applicationsTitle: ("申請紀錄", "Applications")
        case .noApplications: ("此人尚無健保卡申請紀錄", "No card applications for this person")
        case .applicationLine(let a):
            {
                let (zh, en): (String, String) = switch a.pickup {
                case .counter(let office): ("臨櫃 \(office)", "counter \(office)")
                case .post: ("郵寄", "posted")
                }
                return ("第 \(a.id) 號　\(CalendarDate.today(at: a.createdAt).rocSlashed)　\(a.reason.label)　\(zh)", "No. \(a.id) · \(CalendarDate.today(at: a.createdAt).iso) · \(a.reason.rawValue) · \(en)")
            }()
        case .loadApplications: ("查詢申請紀錄", "Show applications")
        }
    }
}

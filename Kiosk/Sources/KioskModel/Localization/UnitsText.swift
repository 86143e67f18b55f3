import Foundation
import NHICore
import NHIService

/// Strings of the unit-registration screen (單位註冊作業), in the NHI form's words.
public enum UnitsText: Sendable, Hashable {
    case caption(UnitRegistrationModel.Field)
    case methodGroup
    case method(UnitRegistrationCredential.Kind)
    case methodHint(UnitRegistrationCredential.Kind)
    case otpCaption
    case nhiOnly
    case ownerIsAdministrator
    case card(VisitorCard?)
    case register
    case confirmTitle
    case review(unit: InsuredUnit, method: UnitRegistrationCredential.Kind, ownerIsAdministrator: Bool, card: VisitorCard?)
    case registered(UnitAccount)
    case goToSignIn
    case openFromSignIn

    var pair: (String, String) {
        switch self {
        case .caption(let field):
            switch field {
            case .code: ("投保單位代號", "Insured-unit code")
            case .name: ("投保單位名稱", "Unit name")
            case .ubn: ("統一編號（可免填）", "UBN (optional)")
            case .labourNumber: ("勞(農)保證號（8 位數字加 1 位英文檢查碼）", "Labour-insurance number (8 digits + check letter)")
            case .owner: ("負責人身分證號", "Owner's ID")
            case .landline: ("負責人聯絡電話（與行動電話須填一項）", "Owner's landline (this or a mobile)")
            case .mobile: ("負責人行動電話", "Owner's mobile")
            case .email: ("電子郵件信箱", "E-mail")
            case .ownerBirthDate: ("負責人出生日期（民國年月日，如 0690518）", "Owner's birth date (ROC, e.g. 0690518)")
            }
        case .methodGroup: ("憑證類別", "Registered by")
        case .method(let kind):
            switch kind {
            case .organisationCertificate: ("單位憑證", "Organisation certificate")
            case .ownerNHICard: ("負責人健保卡", "Owner's NHI card")
            case .ownerOTP: ("負責人健保快易通 OTP", "Owner's NHI app code")
            }
        case .methodHint(let kind):
            switch kind {
            case .organisationCertificate:
                ("請將單位憑證（工商、政府或組織團體憑證）插入讀卡機並輸入 PIN 碼：憑證發行者、主體及序號由卡片讀入，不需輸入。",
                 "Insert the organisation certificate (MOEACA, GCA or XCA) and enter its PIN: the issuer, subject and serial are read from the card.")
            case .ownerNHICard:
                ("請將負責人健保卡（已註冊網路服務）插入讀卡機：健保卡號由卡片讀入。",
                 "Insert the owner's NHI card (registered for online services): the card number is read from the card.")
            case .ownerOTP:
                ("請負責人開啟健保快易通「我的 > 登入健保」產製健保卡 OTP 認證碼（有效 3 分鐘）。",
                 "The owner opens the NHI app (My > Sign in) for a one-time code, valid 3 minutes.")
            }
        case .otpCaption: ("OTP 驗證碼", "App code")
        case .nhiOnly: ("僅使用健保專用相關作業，不使用勞(農)保", "NHI-only: no labour insurance")
        case .ownerIsAdministrator: ("負責人為管理者", "The owner is an administrator")
        case .card(let card):
            if let card {
                ("讀卡機：健保卡 \(card.cardNumber.rawValue)（\(card.id.masked)）", "Reader: NHI card \(card.cardNumber.rawValue) (\(card.id.masked))")
            } else {
                ("讀卡機：尚未讀到健保卡", "Reader: no NHI card read yet")
            }
        case .register: ("註冊", "Register")
        case .confirmTitle: ("送出單位註冊？", "Register this unit?")
        case .review(let unit, let method, let administrator, let card):
            {
                let (mz, me) = UnitsText.method(method).pair
                let labourZh = unit.nhiOnly ? "僅使用健保專用相關作業" : (unit.labourInsuranceNumber?.rawValue ?? "-")
                let labourEn = unit.nhiOnly ? "NHI-only" : (unit.labourInsuranceNumber?.rawValue ?? "-")
                let cardZh = card.map { "（健保卡 \($0.cardNumber.rawValue)）" } ?? ""
                let cardEn = card.map { " (card \($0.cardNumber.rawValue))" } ?? ""
                let (nextZh, nextEn) = switch method {
                case .organisationCertificate:
                    ("註冊後請以單位憑證登入。", "Afterwards, sign in with the organisation certificate.")
                case .ownerNHICard, .ownerOTP:
                    (administrator ? "註冊後負責人即為管理者，可登入指派其他管理者及承辦人。" : "註冊後請負責人登入（負責人登入）指派管理者。",
                     administrator ? "Afterwards the owner is an administrator and signs in to assign others."
                                   : "Afterwards the owner signs in (as owner) to assign administrators.")
                }
                return ("投保單位：\(unit.code.rawValue) \(unit.name)\n統一編號：\(unit.ubn?.rawValue ?? "-")　勞(農)保證號：\(labourZh)\n負責人：\(unit.ownerID.masked)\(administrator ? "（管理者）" : "")\n電子郵件：\(unit.email.rawValue)\n憑證類別：\(mz)\(cardZh)\n\n\(nextZh)",
                        "Unit: \(unit.code.rawValue) \(unit.name)\nUBN: \(unit.ubn?.rawValue ?? "-") · Labour insurance: \(labourEn)\nOwner: \(unit.ownerID.masked)\(administrator ? " (administrator)" : "")\nE-mail: \(unit.email.rawValue)\nRegistered by: \(me)\(cardEn)\n\n\(nextEn)")
            }()
        case .registered(let account):
            {
                let (zh, en): (String, String) = switch account.method {
                case .organisationCertificate(let info):
                    ("單位憑證 \(info.subject)，序號 \(info.serialNumber)", "organisation certificate \(info.subject), serial \(info.serialNumber)")
                case .ownerNHICard(let number): ("負責人健保卡 \(number.rawValue)", "the owner's NHI card \(number.rawValue)")
                case .ownerOTP: ("負責人健保快易通 OTP", "the owner's NHI app code")
                }
                return ("已完成單位註冊：\(account.unit.code.rawValue) \(account.unit.name)（\(zh)）。請按「前往登入」。",
                        "Unit \(account.unit.code.rawValue) \(account.unit.name) is registered (\(en)). Press Go to sign-in.")
            }()
        case .goToSignIn: ("前往登入", "Go to sign-in")
        case .openFromSignIn: ("單位註冊作業（尚未註冊之單位）", "Register a unit (not yet registered)")
        }
    }
}

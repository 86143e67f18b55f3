import Foundation
import NHICore
import NHIService

/// Strings of the unpaid-premium screen (seed 001: 單位未繳保費查詢與列印).
public enum PremiumText: Sendable, Hashable {
    case expectedDate
    case expectedDateHint
    case mailed
    case calculate
    case columnMonth, columnCategory, columnUnpaid, columnDue, columnFeeStart, columnDays, columnFee, columnTotal
    case billCategory(PremiumBill.Category)
    case row(UnpaidPremium)
    case totals(premium: Money, fee: Money, total: Money)
    case noneUnpaid
    case capReached

    var pair: (String, String) {
        switch self {
        case .expectedDate: ("預計繳納日期（民國年月日）", "Expected payment date (ROC yyyMMdd)")
        case .expectedDateHint: ("用於估算逾期保費之法定應繳滯納金", "Used to estimate the statutory late fee on overdue premiums")
        case .mailed: ("申請郵寄繳款單（預計繳納日期須大於等於今日加 4 個工作天）", "Mail the payment slip (the date must be at least 4 working days ahead)")
        case .calculate: ("試算", "Calculate")
        case .columnMonth: ("保費年月", "Month")
        case .columnCategory: ("類別", "Kind")
        case .columnUnpaid: ("未繳金額", "Unpaid")
        case .columnDue: ("繳納期限", "Due")
        case .columnFeeStart: ("滯納金起算日", "Late fee from")
        case .columnDays: ("計算天數", "Days charged")
        case .columnFee: ("預估滯納金", "Late fee")
        case .columnTotal: ("應繳合計", "Total")
        case .billCategory(let category): category == .general ? ("一般保費", "General premium") : ("補充保費", "Supplementary premium")
        case .row(let bill):
            ("\(bill.premiumMonth.compact) \(bill.bill.category.label)：未繳 \(bill.unpaid.display) 元，繳納期限 \(bill.bill.dueDate.rocSlashed)，滯納金 \(bill.lateFee.fee.display) 元，合計 \(bill.lateFee.total.display) 元",
             "\(bill.premiumMonth.compact) \(bill.bill.category.rawValue) premium: unpaid NT$\(bill.unpaid.display), due \(bill.bill.dueDate.iso), late fee NT$\(bill.lateFee.fee.display), total NT$\(bill.lateFee.total.display)")
        case .totals(let premium, let fee, let total):
            ("保險費小計 \(premium.display) 元，滯納金小計 \(fee.display) 元，應繳總計 \(total.display) 元",
             "Premiums NT$\(premium.display), late fees NT$\(fee.display), total due NT$\(total.display)")
        case .noneUnpaid: ("目前沒有未繳保費", "No unpaid premiums")
        case .capReached: ("已達上限", "capped")
        }
    }
}

/// Strings of the visitor's services: insurance status, proof, online-service registration.
public enum VisitorText: Sendable, Hashable {
    case insuranceTitle
    case coverageLine(InsuranceStatus.Line)
    case notInsured
    case dependantsTitle
    case dependantLine(InsuranceStatus.Line)
    case noDependants
    case proofTitle
    case printProof(Language)
    case proofIssued(reference: String)
    case printCancelled
    case printFailed(String)
    case accountTitle
    case accountState(VisitorServicesModel.AccountState)
    case caption(OnlineRegistrationModel.Field)
    case phonesNote
    case strength(RegistrationPassword.Strength)
    case strengthHint
    case register
    case registered(email: String)
    case resend
    case cancelRegistration
    case cancelRegistrationTitle
    case cancelRegistrationMessage
    case keepRegistration
    case accountAction(VisitorServicesModel.AccountAction)
    case suspendService
    case suspendTitle
    case suspendMessage
    case resumeService
    case unlock
    case mailReset

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    var pair: (String, String) {
        switch self {
        case .insuranceTitle: ("投保狀態", "Insurance status")
        case .coverageLine(let line):
            ("投保單位：\(line.unitName ?? "")（\(line.unitCode.rawValue)）　身分：\(line.role)　加保日期：\(line.startDate.rocSlashed)\(VisitorText.statusSuffix(line.status).0)",
             "Insured with \(line.unitName ?? line.unitCode.rawValue) (\(line.unitCode.rawValue)) as \(line.role == "本人" ? "the insured" : "a dependant") since \(line.startDate.iso)\(VisitorText.statusSuffix(line.status).1)")
        case .notInsured: ("查詢日無投保紀錄", "Not insured today")
        case .dependantsTitle: ("依附眷屬", "Dependants")
        case .dependantLine(let line):
            ("\(line.name ?? "-")　\(line.personID.masked)　\(line.relation?.label ?? "")",
             "\(line.name ?? "-")  \(line.personID.masked)  \(line.relation.map(FormText.relationEn) ?? "")")
        case .noDependants: ("沒有依附眷屬", "No dependants")
        case .proofTitle: ("投保證明", "Proof of insurance")
        case .printProof(let language):
            language == .traditionalChinese ? ("列印中文投保證明", "Print the proof in Chinese") : ("列印英文投保證明", "Print the proof in English")
        case .proofIssued(let reference): ("已開立投保證明，證明編號 \(reference)", "Proof issued, reference \(reference)")
        case .printCancelled: ("已取消列印", "Printing cancelled")
        case .printFailed(let reason): ("列印失敗：\(reason)", "Printing failed: \(reason)")
        case .accountTitle: ("健保卡網路服務註冊", "NHI-card online services")
        case .accountState(let state):
            switch state {
            case .notRegistered: ("尚未註冊。請民眾填寫下列資料並設定註冊密碼。", "Not registered: the visitor fills in the form below and sets a password.")
            case .pendingVerification(let email):
                ("已申請，等待電子信箱認證：認證信已寄至 \(email)，請於 5 日內完成", "Waiting for e-mail verification: the link went to \(email) (valid 5 days)")
            case .active(let email): ("已完成註冊（電子郵件 \(email)）", "Registered (e-mail \(email))")
            case .locked(let email, let until):
                ("密碼錯誤次數過多，已鎖定至 \(AuditText.clock(until))（電子郵件 \(email)）。可於此解除鎖定，或寄送重設密碼信",
                 "Locked after wrong passwords until \(AuditText.clock(until)) (e-mail \(email)). Unlock it here, or mail a password-reset link")
            case .suspended: ("網路服務已暫停（臨櫃申請）。核對身分證明文件後，可於此恢復", "Online services are suspended (asked in person). Check an identity document, then resume them here")
            }
        case .caption(let field):
            switch field {
            case .householdNumber: ("戶號（戶口名簿之戶號）", "Household number (from the household register)")
            case .registeredVillage: ("戶籍鄉鎮里鄰（如 臺北市大安區龍安里）", "Registered township and village")
            case .landline: ("聯絡電話（如 02-23456789#123）", "Landline (e.g. 02-23456789#123)")
            case .mobile: ("行動電話", "Mobile")
            case .email: ("電子郵件", "E-mail")
            case .password: ("註冊密碼（6–12 碼）", "Registration password (6–12 characters)")
            case .confirmation: ("再次輸入註冊密碼", "Repeat the password")
            }
        case .phonesNote: ("聯絡電話或行動電話須填入一項", "Enter a landline or a mobile number")
        case .strength(let strength): ("密碼強度：\(strength.label)", "Password strength: \(strength.labelEn)")
        case .strengthHint:
            ("強：含大寫、小寫英文字母、數字及符號，且 8 碼以上", "Strong: upper and lower case, digits and symbols, 8 or more characters")
        case .register: ("送出註冊申請", "Register")
        case .registered(let email):
            ("已送出註冊申請，認證信已寄至 \(email)，請於 5 日內完成認證", "Registered: the verification e-mail went to \(email); verify within 5 days")
        case .resend: ("重寄認證信", "Resend the verification e-mail")
        case .cancelRegistration: ("刪除註冊申請", "Cancel the registration")
        case .cancelRegistrationTitle: ("刪除註冊申請？", "Cancel the registration?")
        case .cancelRegistrationMessage:
            ("刪除後認證信的連結失效，民眾須重新申請註冊。", "The verification link stops working; the person must register again.")
        case .keepRegistration: ("保留", "Keep it")
        case .accountAction(let action):
            switch action {
            case .resent: ("已重寄認證信", "The verification e-mail was sent again")
            case .cancelled: ("已刪除註冊申請", "The registration was cancelled")
            case .suspended: ("已暫停網路服務（須臨櫃恢復）", "Online services suspended (resumed only at a counter)")
            case .resumed: ("已恢復網路服務", "Online services resumed")
            case .unlocked: ("已解除鎖定，民眾可再以健保卡及註冊密碼登入", "Unlocked: the card and password sign in again")
            case .resetMailed: ("已寄送重設密碼信至註冊的電子郵件（5 日內有效）", "A password-reset link went to the registered e-mail (valid 5 days)")
            }
        case .suspendService: ("暫停網路服務", "Suspend online services")
        case .suspendTitle: ("暫停此人的健保卡網路服務？", "Suspend this person's online services?")
        case .suspendMessage:
            ("暫停後無法以健保卡或 App 登入網路服務，須本人持身分證明文件臨櫃辦理恢復。", "They cannot sign in to online services until they come to a counter with ID to resume them.")
        case .resumeService: ("恢復網路服務", "Resume online services")
        case .unlock: ("解除鎖定", "Unlock")
        case .mailReset: ("寄送重設密碼信", "Mail a password-reset link")
        }
    }

    private static func statusSuffix(_ status: CoverageStatus) -> (String, String) {
        switch status {
        case .active: ("", "")
        case .suspended: ("（停保）", " (suspended)")
        case .parentalLeave: ("（育嬰留職停薪）", " (parental leave)")
        }
    }
}

/// Strings of the batch-registration upload and the upload records.
public enum UploadText: Sendable, Hashable {
    case chooseFile
    case fileFilter
    case fileHint
    case chosen(String)
    case checking
    case reportSummary(rows: Int, valid: Int, rejected: Int, encoding: String)
    case issueLine(BatchRowIssue)
    case noIssues
    case submit
    case submitted(BatchUploadRecord)
    case logTitle(String)
    case status(BatchUploadStatus)
    case rangeCaption(UploadRecordsModel.Field)
    case filterPicker
    case filter(UploadRecordsModel.StatusFilter)
    case search
    case recordLine(BatchUploadRecord)
    case showLog(String)
    case closeLog
    case noRecords
    case visibility(StaffRole)

    var pair: (String, String) {
        switch self {
        case .chooseFile: ("選擇上傳檔案…", "Choose the file…")
        case .fileFilter: ("CSV 檔案", "CSV files")
        case .fileHint:
            ("檔名：投保單位代號＋日期（如 1100010001050801.csv）；欄位依序為身分證號、電子郵件、行動電話、聯絡電話",
             "File name: unit code + date (e.g. 1100010001050801.csv); columns: ID, e-mail, mobile, landline")
        case .chosen(let name): ("檔案：\(name)", "File: \(name)")
        case .checking: ("檢查中…", "Checking…")
        case .reportSummary(let rows, let valid, let rejected, let encoding):
            ("共 \(rows) 筆，可上傳 \(valid) 筆，不符規定 \(rejected) 筆（檔案編碼 \(encoding)）",
             "\(rows) rows: \(valid) can be submitted, \(rejected) rejected (encoding \(encoding))")
        case .issueLine(let issue):
            (UploadText.issue(issue, zh: true), UploadText.issue(issue, zh: false))
        case .noIssues: ("檢查通過，全部資料皆可上傳", "Every row passes")
        case .submit: ("確定上傳", "Submit the file")
        case .submitted(let record):
            ("已上傳：共 \(record.uploaded) 筆，成功 \(record.succeeded) 筆，失敗 \(record.failed) 筆",
             "Uploaded: \(record.uploaded) rows, \(record.succeeded) succeeded, \(record.failed) failed")
        case .logTitle(let name): ("入檔記錄 \(name)", "Result log \(name)")
        case .status(let status): status == .waiting ? ("已上傳,等待入檔", "Uploaded, waiting") : ("入檔完畢", "Processed")
        case .rangeCaption(let field):
            field == .from ? ("上傳日期起（民國年月日）", "Uploaded from (ROC yyyMMdd)") : ("上傳日期迄（民國年月日）", "Uploaded through (ROC yyyMMdd)")
        case .filterPicker: ("處理狀態", "Status")
        case .filter(let filter):
            switch filter {
            case .all: ("全部", "All")
            case .waiting: ("已上傳,等待入檔", "Uploaded, waiting")
            case .done: ("入檔完畢", "Processed")
            }
        case .search: ("查詢", "Search")
        case .recordLine(let record):
            ("\(record.fileName)　\(UploadText.taiwanTime(record.uploadedAt))　上傳 \(record.uploaded) 筆，成功 \(record.succeeded)，失敗 \(record.failed)　\(UploadText.status(record.status).pair.0)　\(record.uploader)",
             "\(record.fileName)  \(UploadText.taiwanTime(record.uploadedAt))  \(record.uploaded) rows, \(record.succeeded) succeeded, \(record.failed) failed  \(UploadText.status(record.status).pair.1)  \(record.uploader)")
        case .showLog(let name): ("入檔記錄 \(name)", "Result log of \(name)")
        case .closeLog: ("關閉入檔記錄", "Close the log")
        case .noRecords: ("查無上傳紀錄", "No uploads in this range")
        case .visibility(let role):
            role == .administrator ? ("管理者可查詢全單位之上傳紀錄", "Administrators see every upload of the unit")
                : ("承辦人僅能查詢本人上傳之紀錄", "Operators see their own uploads only")
        }
    }

    private static func issue(_ issue: BatchRowIssue, zh: Bool) -> String {
        let message = zh ? issue.error.message : issue.error.messageEn
        let field = issue.field.map { zh ? "［\($0)］" : " [\($0)]" } ?? ""
        let fix = issue.suggestion.map { zh ? "；建議修正為 \($0)" : "; suggested fix: \($0)" } ?? ""
        let kind = issue.isWarning ? (zh ? "（已自動修正）" : " (repaired)") : ""
        return zh ? "第 \(issue.row) 筆 \(issue.maskedID)\(field)：\(message)\(fix)\(kind)"
            : "Row \(issue.row) \(issue.maskedID)\(field): \(message)\(fix)\(kind)"
    }

    /// `2026/01/05 14:03` in Taiwan time (the records' upload time).
    static func taiwanTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) + 8 * 3600
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.year)/\(two(day.month))/\(two(day.day)) \(two(inDay / 3600)):\(two(inDay % 3600 / 60))"
    }
}

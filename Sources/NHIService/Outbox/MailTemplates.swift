import Foundation
import NHICore

/// The texts of the mails the service sends, modelled on the NHI's own (seed 003).
enum MailTemplates {
    static func rocStamp(_ date: Date) -> String {
        let day = CalendarDate.today(at: date)
        return "民國\(day.year - 1911)年\(String(format: "%02d", day.month))月\(String(format: "%02d", day.day))日"
    }

    /// - Parameter name: the person's name when the service knows it (「親愛的 王小明 您好」).
    static func verification(to: EmailAddress, token: String, unitName: String?, name: String? = nil, now: Date) -> OutboxMail {
        let intro = unitName.map { "您所屬投保單位\($0)，為您申請衛生福利部中央健康保險署「健保卡網路服務註冊」已審核完成，" }
            ?? "您已申請衛生福利部中央健康保險署「健保卡網路服務註冊」，"
        let body = """
            親愛的 \(name.map { $0 + " " } ?? "")您好：
            \(intro)為確保您健保卡註冊使用安全，請於5日內插入健保卡，完成「健保卡註冊認證作業」及「註冊密碼設定」。
            認證碼：\(token)

            在未完成註冊認證程序確認前，您所申請之帳號將不會生效；如未於五日內完成，本次申請即為無效，須點選「重寄認證信」重新申請。
            註冊密碼應妥善保存勿告知他人。

            Please complete the NHI card online-service verification within 5 days: insert your card and set your registration password.
            Verification code: \(token)

            \(rocStamp(now))
            注意：本信件為系統自動寄發，請勿直接回覆
            """
        return OutboxMail(id: 0, to: to, subject: unitName == nil ? "健保卡網路服務-電子信箱認證" : "健保卡網路服務-註冊成功",
                          body: body, kind: "verification", createdAt: now, sentAt: nil, attempts: 0)
    }

    static func registrationComplete(to: EmailAddress, now: Date) -> OutboxMail {
        OutboxMail(id: 0, to: to, subject: "健保卡網路服務-註冊完成",
                   body: "您已完成電子郵件信箱認證，歡迎開始使用本系統！\nYour e-mail address is verified; welcome.\n\(rocStamp(now))",
                   kind: "registrationComplete", createdAt: now, sentAt: nil, attempts: 0)
    }

    static func passwordReset(to: EmailAddress, token: String, now: Date) -> OutboxMail {
        OutboxMail(id: 0, to: to, subject: "健保卡網路服務註冊—重設註冊密碼",
                   body: """
                       請插入健保卡並輸入新密碼以完成重設註冊密碼。重設碼：\(token)（5日內有效）
                       Insert your NHI card and enter a new password to reset it. Reset code: \(token) (valid 5 days)
                       \(rocStamp(now))
                       """,
                   kind: "passwordReset", createdAt: now, sentAt: nil, attempts: 0)
    }

    /// The result mail to the upload's contact (seed 003), with the log inline (the outbox
    /// has no attachments).
    static func batchRegistrationResult(_ job: BatchRegistrationJob, unitName: String, now: Date) -> OutboxMail {
        let uploaded = rocStamp(job.uploadedAt)
        let body = """
            親愛的承辦人您好：
            貴單位\(uploaded)於多憑證網路承保作業，為所屬保險對象整批申請健保卡網路服務註冊，總共上傳\(job.total)筆，成功註冊\(job.succeeded)筆，失敗\(job.failed)筆。人檔資訊詳見附件。亦可登入多憑證網路承保作業於多憑證網路整批作業項下查詢近3個月的註冊記錄。
            同時請轉知註冊者，務必至註冊留存電子郵件信箱收取健保卡註冊認證通知信，進行「健保卡註冊認證作業」及「註冊密碼設定」完成健保卡註冊認證程序。

            Your unit (\(unitName)) uploaded a batch NHI-card registration file: \(job.total) rows, \(job.succeeded) registered, \(job.failed) failed. The log is attached; upload records are kept for 3 months.

            附件 attachment: \(job.logFileName ?? "")
            \(job.logText ?? "")
            \(rocStamp(now))
            注意：本信件為系統自動寄發，請勿直接回覆
            """
        return OutboxMail(id: 0, to: job.contactEmail, subject: "健保卡整批註冊結果通知", body: body, kind: "batchResult",
                          createdAt: now, sentAt: nil, attempts: 0)
    }
}

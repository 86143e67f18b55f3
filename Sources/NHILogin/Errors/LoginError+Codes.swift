extension LoginError.Code {
    // The flow itself
    /// `flow.unexpectedEvent`: login step out of order.
    public static let unexpectedEvent: Self = "flow.unexpectedEvent"
    /// `card.failed`: the card or certificate operation failed.
    public static let cardFailed: Self = "card.failed"
    // NHI card + registration password
    /// `password.format`: the registration password must be 6–12 letters, digits or symbols.
    public static let passwordFormat: Self = "password.format"
    /// `password.incorrect`: wrong password (9039).
    public static let passwordIncorrect: Self = "password.incorrect"
    /// `password.suspended`: too many wrong passwords; NHI-card login is suspended.
    public static let passwordSuspended: Self = "password.suspended"
    /// `password.notRegistered`: this NHI card is not registered for online services.
    public static let cardNotRegistered: Self = "password.notRegistered"
    /// `unit.notOwner`: you are not the owner of this insured unit.
    public static let notUnitOwner: Self = "unit.notOwner"
    // Certificate + PIN
    /// `pin.format`: wrong PIN length, it must be 6–8 characters (9041).
    public static let pinFormat: Self = "pin.format"
    /// `certificate.issuerUnknown`: invalid certificate (not issued by a Taiwanese government CA) (9057).
    public static let certificateIssuerUnknown: Self = "certificate.issuerUnknown"
    /// `certificate.identifierMissing`: the certificate carries no identifier (9057).
    public static let certificateIdentifierMissing: Self = "certificate.identifierMissing"
    /// `certificate.accountMismatch`: the certificate does not belong to this account (last 4 ID digits differ).
    public static let certificateAccountMismatch: Self = "certificate.accountMismatch"
    /// `certificate.accountRequired`: a citizen-certificate login needs the account's ID.
    public static let certificateAccountRequired: Self = "certificate.accountRequired"
    /// `certificate.signatureInvalid`: the certificate signature does not verify (66501).
    public static let signatureInvalid: Self = "certificate.signatureInvalid"
    /// `challenge.expired`: the login challenge expired.
    public static let challengeExpired: Self = "challenge.expired"
    /// `challenge.unknown`: the login challenge is unknown or already used.
    public static let challengeUnknown: Self = "challenge.unknown"
    // App OTP
    /// `otp.format`: the OTP code must be 6 digits.
    public static let otpFormat: Self = "otp.format"
    /// `otp.incorrect`: wrong OTP code.
    public static let otpIncorrect: Self = "otp.incorrect"
    /// `otp.expired`: the OTP code has expired (valid 3 minutes).
    public static let otpExpired: Self = "otp.expired"
    /// `otp.reused`: this OTP code was already used.
    public static let otpReused: Self = "otp.reused"
    /// `otp.suspended`: too many wrong OTP codes; OTP login is suspended.
    public static let otpSuspended: Self = "otp.suspended"
    /// `otp.deviceNotBound`: no NHI app device is bound to this ID.
    public static let deviceNotBound: Self = "otp.deviceNotBound"
    /// `identity.mismatch`: ID number or birth date does not match.
    public static let identityMismatch: Self = "identity.mismatch"
    // QR code and TW FidO
    /// `token.expired`: the QR code has expired (valid 2:55).
    public static let tokenExpired: Self = "token.expired"
    /// `token.unknown`: unknown QR code.
    public static let tokenUnknown: Self = "token.unknown"
    /// `token.used`: the QR code was already used.
    public static let tokenUsed: Self = "token.used"
    /// `token.notConfirmed`: the login has not been confirmed on the phone yet.
    public static let tokenNotConfirmed: Self = "token.notConfirmed"
    /// `token.identityMismatch`: the phone that confirmed belongs to someone else.
    public static let tokenIdentityMismatch: Self = "token.identityMismatch"
    /// `token.payloadInvalid`: the QR code's content is not a login code.
    public static let payloadInvalid: Self = "token.payloadInvalid"
    // Stores
    /// `store.failed`: the login store could not be read or written.
    public static let storeFailed: Self = "store.failed"
    /// `password.algorithm`: a stored password hash cannot be checked.
    public static let passwordAlgorithm: Self = "password.algorithm"
}

extension LoginError {
    /// One catalog row.
    struct Entry {
        let code: Code
        let userCode: Int?
        let zh: String
        let en: String
        let adviceZh: String
        let adviceEn: String
    }

    static let entries: [Entry] = [
        Entry(code: .unexpectedEvent, userCode: nil, zh: "登入步驟順序不正確", en: "login step out of order",
              adviceZh: "請重新開始登入", adviceEn: "start the login again"),
        Entry(code: .cardFailed, userCode: nil, zh: "讀卡或憑證操作失敗", en: "the card or certificate operation failed",
              adviceZh: "依卡片錯誤訊息處理", adviceEn: "follow the card error's advice"),
        Entry(code: .passwordFormat, userCode: nil, zh: "註冊密碼應為6至12碼英數字或符號", en: "the registration password must be 6–12 letters, digits or symbols",
              adviceZh: "請重新輸入註冊密碼", adviceEn: "enter the registration password again"),
        Entry(code: .passwordIncorrect, userCode: 9039, zh: "密碼不正確", en: "wrong password",
              adviceZh: "請重新確認密碼；連續錯誤3次將暫停使用10分鐘", adviceEn: "check the password and try again; 3 wrong passwords suspend the card's login for 10 minutes"),
        Entry(code: .passwordSuspended, userCode: nil, zh: "密碼連續錯誤，健保卡登入暫停使用", en: "too many wrong passwords; NHI-card login is suspended",
              adviceZh: "請於暫停時間結束後再試；忘記密碼請至健保卡網路服務註冊網站「忘記密碼管理」重設", adviceEn: "try again after the suspension; if you forgot the password, reset it under \"Forgot your password\" on the NHI card online-service site"),
        Entry(code: .cardNotRegistered, userCode: nil, zh: "此健保卡尚未完成網路服務註冊", en: "this NHI card is not registered for online services",
              adviceZh: "請先至健保卡網路服務註冊網站完成註冊並設定密碼，或改用憑證、健保快易通登入", adviceEn: "register the card for NHI online services and set a password first, or log in with a certificate or the NHI app"),
        Entry(code: .notUnitOwner, userCode: nil, zh: "您不是此投保單位的負責人", en: "you are not the owner of this insured unit",
              adviceZh: "請確認投保單位代號；指派管理者須由負責人登入", adviceEn: "check the unit code; only the unit's owner may log in to assign administrators"),
        Entry(code: .pinFormat, userCode: 9041, zh: "PIN碼長度錯誤，應為6至8碼", en: "wrong PIN length, it must be 6–8 characters",
              adviceZh: "請重新輸入6至8碼的PIN碼", adviceEn: "enter the PIN again (6–8 characters)"),
        Entry(code: .certificateIssuerUnknown, userCode: 9057, zh: "無效的憑證（非政府憑證管理中心簽發）", en: "invalid certificate (not issued by a Taiwanese government CA)",
              adviceZh: "請使用自然人憑證、醫事人員卡、工商憑證、政府憑證或組織及團體憑證", adviceEn: "use a citizen, healthcare-professional, MOEACA, GCA or XCA certificate"),
        Entry(code: .certificateIdentifierMissing, userCode: 9057, zh: "憑證中找不到身分識別資料", en: "the certificate carries no identifier",
              adviceZh: "請確認卡片期限與種類，必要時洽發卡機關", adviceEn: "check the card's kind and validity; contact the issuer if needed"),
        Entry(code: .certificateAccountMismatch, userCode: nil, zh: "憑證與登入帳號不符（身分證後4碼不同）", en: "the certificate does not belong to this account (last 4 ID digits differ)",
              adviceZh: "請插入本人的憑證卡，並確認輸入的身分證號", adviceEn: "insert your own certificate card and check the ID you entered"),
        Entry(code: .certificateAccountRequired, userCode: nil, zh: "自然人憑證登入須指定帳號身分證號", en: "a citizen-certificate login needs the account's ID",
              adviceZh: "請輸入身分證號後再登入", adviceEn: "enter the ID number and log in again"),
        Entry(code: .signatureInvalid, userCode: 66501, zh: "憑證驗章錯誤", en: "the certificate signature does not verify",
              adviceZh: "請確認卡片為憑證本人所有且仍有效；可辦理展期、重辦或改用健保卡登入", adviceEn: "make sure the card is the holder's and still valid; renew it, re-apply or log in with the NHI card"),
        Entry(code: .challengeExpired, userCode: nil, zh: "登入驗證逾時", en: "the login challenge expired",
              adviceZh: "請重新登入", adviceEn: "log in again"),
        Entry(code: .challengeUnknown, userCode: nil, zh: "登入驗證資料無效或已使用", en: "the login challenge is unknown or already used",
              adviceZh: "請重新登入", adviceEn: "log in again"),
        Entry(code: .otpFormat, userCode: nil, zh: "OTP驗證碼應為6位數字", en: "the OTP code must be 6 digits",
              adviceZh: "請開啟健保快易通「我的 → 登入健保卡OTP認證」產製驗證碼後輸入", adviceEn: "open the NHI app (My → NHI card OTP login), generate a code and enter it"),
        Entry(code: .otpIncorrect, userCode: nil, zh: "OTP驗證碼不正確", en: "wrong OTP code",
              adviceZh: "請確認輸入的是健保快易通最新產製的驗證碼", adviceEn: "enter the latest code generated by the NHI app"),
        Entry(code: .otpExpired, userCode: nil, zh: "OTP驗證碼已逾有效時間（3分鐘）", en: "the OTP code has expired (valid 3 minutes)",
              adviceZh: "請在健保快易通重新產製驗證碼", adviceEn: "generate a new code in the NHI app"),
        Entry(code: .otpReused, userCode: nil, zh: "此OTP驗證碼已使用過", en: "this OTP code was already used",
              adviceZh: "請在健保快易通重新產製驗證碼", adviceEn: "generate a new code in the NHI app"),
        Entry(code: .otpSuspended, userCode: nil, zh: "OTP驗證碼連續錯誤，暫停使用", en: "too many wrong OTP codes; OTP login is suspended",
              adviceZh: "請於暫停時間結束後再試", adviceEn: "try again after the suspension"),
        Entry(code: .deviceNotBound, userCode: nil, zh: "尚未完成健保快易通裝置認證", en: "no NHI app device is bound to this ID",
              adviceZh: "請在健保快易通完成裝置認證（手機綁定）後再使用", adviceEn: "verify (bind) your phone in the NHI app first"),
        Entry(code: .identityMismatch, userCode: nil, zh: "身分證號或出生日期不符", en: "ID number or birth date does not match",
              adviceZh: "請確認身分證號與出生日期（民國年）", adviceEn: "check the ID number and the birth date (ROC year)"),
        Entry(code: .tokenExpired, userCode: nil, zh: "QR Code 已逾時（有效時間 2 分 55 秒）", en: "the QR code has expired (valid 2:55)",
              adviceZh: "請點選「重新產生QRcode」後再掃描", adviceEn: "generate a new QR code and scan it again"),
        Entry(code: .tokenUnknown, userCode: nil, zh: "QR Code 無效", en: "unknown QR code",
              adviceZh: "請重新產生QR Code", adviceEn: "generate a new QR code"),
        Entry(code: .tokenUsed, userCode: nil, zh: "QR Code 已使用過", en: "the QR code was already used",
              adviceZh: "請重新產生QR Code", adviceEn: "generate a new QR code"),
        Entry(code: .tokenNotConfirmed, userCode: nil, zh: "尚未在手機上確認登入", en: "the login has not been confirmed on the phone yet",
              adviceZh: "請用健保快易通或TW FidO掃描QR Code並確認", adviceEn: "scan the QR code with the NHI app or TW FidO and confirm"),
        Entry(code: .tokenIdentityMismatch, userCode: nil, zh: "確認登入的手機帳號與輸入的身分證號不符", en: "the phone that confirmed belongs to someone else",
              adviceZh: "請以本人手機掃描", adviceEn: "scan with your own phone"),
        Entry(code: .payloadInvalid, userCode: nil, zh: "無法辨識的 QR Code 內容", en: "the QR code's content is not a login code",
              adviceZh: "請掃描櫃檯畫面上的登入 QR Code", adviceEn: "scan the login QR code on the counter screen"),
        Entry(code: .storeFailed, userCode: nil, zh: "登入資料存取失敗", en: "the login store could not be read or written",
              adviceZh: "請確認資料檔路徑與權限後再試", adviceEn: "check the store file's path and permissions and try again"),
        Entry(code: .passwordAlgorithm, userCode: nil, zh: "無法驗證密碼（密碼雜湊格式不明）", en: "the password cannot be checked (unknown hash format)",
              adviceZh: "請重設註冊密碼", adviceEn: "reset the registration password"),
    ]

    /// Every code NHILogin can throw, with meaning, the seeds' number and advice in both
    /// languages. `Documentation/ErrorCodes.md` lists the same table.
    public static let catalog: [(code: Code, zh: String, en: String)] = entries.map { entry in
        let number = entry.userCode.map { "（\($0)）" } ?? ""
        let numberEn = entry.userCode.map { " (\($0))" } ?? ""
        return (entry.code, entry.zh + number + "：" + entry.adviceZh, entry.en + numberEn + ": " + entry.adviceEn)
    }

    static let entryIndex: [Code: Entry] = {
        var index: [Code: Entry] = [:]
        for entry in entries { index[entry.code] = entry }
        return index
    }()
}

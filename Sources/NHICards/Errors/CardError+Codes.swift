extension CardError.Code {
    // The PC/SC service and readers
    /// `pcsc.serviceUnavailable`: cannot reach the smart-card service (pcscd) (61006).
    public static let serviceUnavailable: Self = "pcsc.serviceUnavailable"
    /// `pcsc.noReaders`: no card reader found (9056).
    public static let noReaders: Self = "pcsc.noReaders"
    /// `pcsc.readerNotFound`: the named card reader is not attached (9056).
    public static let readerNotFound: Self = "pcsc.readerNotFound"
    /// `pcsc.failure`: the smart-card service reported an error.
    public static let pcscFailure: Self = "pcsc.failure"
    // The card in the reader
    /// `card.absent`: no card in the reader (9056).
    public static let cardAbsent: Self = "card.absent"
    /// `card.removed`: the card was removed while it was being read (9056).
    public static let cardRemoved: Self = "card.removed"
    /// `card.mute`: the card does not respond (9056).
    public static let cardMute: Self = "card.mute"
    /// `card.unknown`: card not recognised (9057).
    public static let cardUnknown: Self = "card.unknown"
    /// `card.wrongType`: wrong kind of card (9057).
    public static let cardWrongType: Self = "card.wrongType"
    /// `card.inUse`: another program holds the card exclusively.
    public static let cardInUse: Self = "card.inUse"
    /// `card.shortResponse`: the card's answer was incomplete.
    public static let shortResponse: Self = "card.shortResponse"
    /// `card.unexpectedStatus`: the card answered with an unexpected status (9057).
    public static let unexpectedStatus: Self = "card.unexpectedStatus"
    /// `card.communication`: communication with the card failed.
    public static let communication: Self = "card.communication"
    // NHI card contents
    /// `nhiCard.profile`: the NHI card's data is not in the expected format (9057).
    public static let nhiProfileMalformed: Self = "nhiCard.profile"
    // Certificates
    /// `certificate.missing`: no certificate found on the card (9057).
    public static let certificateMissing: Self = "certificate.missing"
    /// `certificate.malformed`: invalid certificate (9057).
    public static let certificateMalformed: Self = "certificate.malformed"
    /// `certificate.expired`: the certificate has expired (66501).
    public static let certificateExpired: Self = "certificate.expired"
    /// `certificate.notYetValid`: the certificate is not valid yet (66501).
    public static let certificateNotYetValid: Self = "certificate.notYetValid"
    // PIN and token
    /// `pin.length`: wrong PIN length, it must be 6–8 characters (9041).
    public static let pinLength: Self = "pin.length"
    /// `pin.incorrect`: wrong PIN (9039).
    public static let pinIncorrect: Self = "pin.incorrect"
    /// `pin.locked`: the PIN is locked (9043).
    public static let pinLocked: Self = "pin.locked"
    /// `token.notActivated`: the certificate card has not been activated (9046).
    public static let tokenNotActivated: Self = "token.notActivated"
    /// `token.absent`: no card in the reader (9056).
    public static let tokenAbsent: Self = "token.absent"
    /// `token.unrecognised`: card not recognised (9057).
    public static let tokenUnrecognised: Self = "token.unrecognised"
    /// `token.keyMissing`: no private key matching the certificate on the card (9057).
    public static let keyMissing: Self = "token.keyMissing"
    // The PKCS#11 module
    /// `pkcs11.moduleNotLoaded`: cannot load the certificate-card component (PKCS#11 module) (61006).
    public static let moduleNotLoaded: Self = "pkcs11.moduleNotLoaded"
    /// `pkcs11.failure`: the certificate-card component reported an error.
    public static let pkcs11Failure: Self = "pkcs11.failure"
}

extension CardError {
    /// One catalog row: code, the seeds' user-facing number, meaning and advice in both languages.
    struct Entry {
        let code: Code
        let userCode: Int?
        let zh: String
        let en: String
        let adviceZh: String
        let adviceEn: String
    }

    // Seed 004, "常用登入錯誤代碼 (3/3)", adapted to a Linux counter PC (pcscd instead of the
    // Windows smart-card service, no browser component).
    static let seatCardZh = "請確認卡片已插入、晶片朝上且方向正確；晶片髒污或接觸不良可用橡皮擦輕拭晶片；電腦接有2台以上讀卡機或USB憑證載具(ikey)時請先拔除；仍無法讀取請重新安裝讀卡機驅動程式"
    static let seatCardEn = "check that the card is inserted chip side up and the right way round; clean a dirty chip gently with an eraser; unplug extra card readers or USB tokens (ikey) so only one reader is attached; if it still fails, reinstall the reader driver"

    static let entries: [Entry] = [
        Entry(code: .serviceUnavailable, userCode: 61006,
              zh: "無法連線到讀卡服務 (pcscd)", en: "cannot reach the smart-card service (pcscd)",
              adviceZh: "請啟動讀卡服務（sudo systemctl start pcscd 或執行 pcscd），仍失敗時請重新安裝 pcscd 與讀卡機驅動程式",
              adviceEn: "start the smart-card service (sudo systemctl start pcscd, or run pcscd); if it keeps failing, reinstall pcscd and the reader driver"),
        Entry(code: .noReaders, userCode: 9056,
              zh: "找不到讀卡機", en: "no card reader found",
              adviceZh: "請接上讀卡機（建議只接一台），確認USB孔正常，必要時重新安裝讀卡機驅動程式",
              adviceEn: "attach a card reader (one only), try another USB port, reinstall the reader driver if needed"),
        Entry(code: .readerNotFound, userCode: 9056,
              zh: "指定的讀卡機不存在", en: "the named card reader is not attached",
              adviceZh: "請確認讀卡機已連接，並從目前連接的讀卡機中選擇，或不指定讀卡機",
              adviceEn: "check that the reader is attached and choose one of the attached readers, or do not name a reader"),
        Entry(code: .pcscFailure, userCode: nil,
              zh: "讀卡服務回報錯誤", en: "the smart-card service reported an error",
              adviceZh: "請重新插入卡片再試一次；仍失敗時請重新啟動讀卡服務 (pcscd)",
              adviceEn: "reinsert the card and try again; if it keeps failing, restart the smart-card service (pcscd)"),
        Entry(code: .cardAbsent, userCode: 9056,
              zh: "卡片不存在", en: "no card in the reader",
              adviceZh: seatCardZh, adviceEn: seatCardEn),
        Entry(code: .cardRemoved, userCode: 9056,
              zh: "讀取中卡片被取出", en: "the card was removed while it was being read",
              adviceZh: "請重新插入卡片，讀取完成前請勿取出", adviceEn: "insert the card again and leave it in until reading has finished"),
        Entry(code: .cardMute, userCode: 9056,
              zh: "卡片沒有回應", en: "the card does not respond",
              adviceZh: seatCardZh, adviceEn: seatCardEn),
        Entry(code: .cardUnknown, userCode: 9057,
              zh: "卡片無法辨識", en: "card not recognised",
              adviceZh: "請確認插入的是健保卡或憑證IC卡、卡片仍在有效期限內，並確認讀卡機狀態（兩台讀卡機、內接外接、USB孔）",
              adviceEn: "make sure this is an NHI card or a certificate card that has not expired, and check the reader (two readers, built-in vs external, USB port)"),
        Entry(code: .cardWrongType, userCode: 9057,
              zh: "卡片種類不符", en: "wrong kind of card",
              adviceZh: "健保卡登入請插入健保卡；憑證登入請插入自然人憑證、醫事人員卡或單位憑證IC卡",
              adviceEn: "insert the NHI card for an NHI-card login, or a citizen, healthcare-professional or organisation certificate card for a certificate login"),
        Entry(code: .cardInUse, userCode: nil,
              zh: "卡片正被其他程式獨占使用", en: "another program holds the card exclusively",
              adviceZh: "請關閉其他使用讀卡機的程式後再試一次", adviceEn: "close other programs that use the card reader and try again"),
        Entry(code: .shortResponse, userCode: nil,
              zh: "卡片回應不完整", en: "the card's answer was incomplete",
              adviceZh: "請重新插入卡片再試一次；" + seatCardZh, adviceEn: "reinsert the card and try again; " + seatCardEn),
        Entry(code: .unexpectedStatus, userCode: 9057,
              zh: "卡片回應非預期的狀態碼", en: "the card answered with an unexpected status",
              adviceZh: "請確認卡片種類與有效期限，重新插入後再試一次", adviceEn: "check the kind of card and its validity, reinsert it and try again"),
        Entry(code: .communication, userCode: nil,
              zh: "與卡片通訊失敗", en: "communication with the card failed",
              adviceZh: "請重新插入卡片再試一次；" + seatCardZh, adviceEn: "reinsert the card and try again; " + seatCardEn),
        Entry(code: .nhiProfileMalformed, userCode: 9057,
              zh: "健保卡資料格式不正確", en: "the NHI card's data is not in the expected format",
              adviceZh: "卡片可能損壞，請至健保署各地聯合服務中心換發健保卡", adviceEn: "the card may be damaged; apply for a replacement at an NHIA service centre"),
        Entry(code: .certificateMissing, userCode: 9057,
              zh: "卡片中找不到憑證", en: "no certificate found on the card",
              adviceZh: "請確認插入的是有效的憑證IC卡；工商憑證請先開卡", adviceEn: "make sure this is a valid certificate card; activate a new MOEACA card first"),
        Entry(code: .certificateMalformed, userCode: 9057,
              zh: "無效的憑證", en: "invalid certificate",
              adviceZh: "請確認卡片期限與讀卡機狀態，必要時洽發卡機關", adviceEn: "check the card's validity and the reader; contact the issuing authority if needed"),
        Entry(code: .certificateExpired, userCode: 66501,
              zh: "憑證已過期", en: "the certificate has expired",
              adviceZh: "請辦理展期、重辦憑證，或改用健保卡登入", adviceEn: "renew or re-apply for the certificate, or log in with the NHI card instead"),
        Entry(code: .certificateNotYetValid, userCode: 66501,
              zh: "憑證尚未生效", en: "the certificate is not valid yet",
              adviceZh: "請確認電腦日期時間正確，或待生效後再使用；亦可改用健保卡登入", adviceEn: "check the computer's date and time or wait until the certificate is valid; or log in with the NHI card"),
        Entry(code: .pinLength, userCode: 9041,
              zh: "PIN碼長度錯誤，應為6至8碼", en: "wrong PIN length, it must be 6–8 characters",
              adviceZh: "請重新輸入6至8碼的PIN碼", adviceEn: "enter the PIN again (6–8 characters)"),
        Entry(code: .pinIncorrect, userCode: 9039,
              zh: "密碼不正確", en: "wrong PIN",
              adviceZh: "請重新確認密碼；連續輸入錯誤將鎖卡", adviceEn: "check the PIN and try again; repeated wrong PINs lock the card"),
        Entry(code: .pinLocked, userCode: 9043,
              zh: "PIN碼已鎖住", en: "the PIN is locked",
              adviceZh: "請向發卡機關辦理解鎖（自然人憑證：內政部憑證管理中心網站或戶政事務所）；本系統不會再送出PIN碼",
              adviceEn: "have the card unlocked by its issuer (citizen certificate: MOICA website or a household registration office); no further PIN is sent to this card"),
        Entry(code: .tokenNotActivated, userCode: 9046,
              zh: "憑證尚未開卡", en: "the certificate card has not been activated",
              adviceZh: "工商憑證請先至經濟部工商憑證管理中心網站開卡", adviceEn: "activate the MOEACA card on the MOEACA website first"),
        Entry(code: .tokenAbsent, userCode: 9056,
              zh: "卡片不存在", en: "no card in the reader",
              adviceZh: seatCardZh, adviceEn: seatCardEn),
        Entry(code: .tokenUnrecognised, userCode: 9057,
              zh: "卡片無法辨識", en: "card not recognised",
              adviceZh: "請確認卡片期限與讀卡機狀態（兩台讀卡機、內接外接、USB孔）", adviceEn: "check the card's validity and the reader (two readers, built-in vs external, USB port)"),
        Entry(code: .keyMissing, userCode: 9057,
              zh: "卡片中找不到與憑證相符的私密金鑰", en: "no private key matching the certificate on the card",
              adviceZh: "請確認插入的是憑證本人的IC卡", adviceEn: "make sure this is the certificate holder's own card"),
        Entry(code: .moduleNotLoaded, userCode: 61006,
              zh: "無法載入憑證卡元件 (PKCS#11 模組)", en: "cannot load the certificate-card component (PKCS#11 module)",
              adviceZh: "請安裝發卡機關的憑證卡元件（HiCOS PKI Smart Card 用戶端，libHicos_p11.so），或在設定中指定其模組路徑",
              adviceEn: "install the issuer's card component (HiCOS PKI Smart Card client, libHicos_p11.so), or set the path of its module in the settings"),
        Entry(code: .pkcs11Failure, userCode: nil,
              zh: "憑證卡元件回報錯誤", en: "the certificate-card component reported an error",
              adviceZh: "請重新插入卡片再試一次；仍失敗時請重新安裝憑證卡元件", adviceEn: "reinsert the card and try again; if it keeps failing, reinstall the card component"),
    ]

    /// Every code NHICards can throw, with its meaning, the seeds' number and advice in both
    /// languages. `Documentation/ErrorCodes.md` lists the same table; a test keeps them in step.
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

extension CardError {
    /// The error for a PKCS#11 return value: wrong PIN → 9039, wrong length → 9041,
    /// locked → 9043, session handle invalid → 9046, token absent → 9056, unrecognised →
    /// 9057; any other value keeps its ServiSign number (9000 + list position).
    public init(pkcs11 rv: PKCS11ReturnValue, during call: String, remainingTries: Int? = nil) {
        let code: Code
        switch rv {
        case .pinIncorrect, .pinInvalid: code = .pinIncorrect
        case .pinLenRange: code = .pinLength
        case .pinLocked: code = .pinLocked
        case .sessionHandleInvalid, .userPINNotInitialized: code = .tokenNotActivated
        case .tokenNotPresent, .deviceRemoved: code = .tokenAbsent
        case .tokenNotRecognized: code = .tokenUnrecognised
        default: code = .pkcs11Failure
        }
        self.init(code, pkcs11: rv, remainingTries: remainingTries, detail: call)
    }

    /// The error for a PC/SC failure of `call`.
    init(pcsc status: PCSCStatus, during call: String, reader: String? = nil) {
        let code: Code
        switch status {
        case .noService, .serviceStopped: code = .serviceUnavailable
        case .noReadersAvailable: code = .noReaders
        case .unknownReader, .readerUnavailable: code = reader == nil ? .noReaders : .readerNotFound
        case .noSmartcard: code = .cardAbsent
        case .removedCard, .notTransacted, .resetCard: code = .cardRemoved
        case .unresponsiveCard, .unpoweredCard, .unsupportedCard: code = .cardMute
        case .sharingViolation: code = .cardInUse
        case .communicationError, .communicationDataLost: code = .communication
        default: code = .pcscFailure
        }
        self.init(code, reader: reader, pcsc: status, detail: call)
    }
}

import NHICore

/// Every string the kiosk shows, in both languages: the one localisation table.
///
/// View models speak in `Text` values; the GTK binding turns them into strings with
/// ``localized(_:)``. The exhaustive `switch` below means a string cannot exist in one
/// language only. Wording follows the NHI's own screens (the seeds) where they have one.
public enum Text: Sendable, Hashable {
    // MARK: Shell
    case appTitle
    case windowTitle
    case demoBanner
    case demoNotConnected
    case kioskBanner
    case switchLanguage
    case lock
    case signOut
    case back
    case home
    case ok
    case cancel
    case staffBadge(name: String, role: StaffRole)
    /// The header's badge for a unit signed in by its organisation certificate.
    case organisationBadge(name: String)
    /// The owner signed in as owner (負責人登入), to assign administrators.
    case ownerBadge(name: String)
    case screenTitle(Screen)
    /// The sign-in screen's card indicator.
    case signInCard(SignInModel.CardState, LoginMethod)
    case notConnectedTitle
    case notConnected(module: String)
    case idleWarning(secondsLeft: Int)
    case keepWorking
    case exitNeedsAdministrator
    case leaveKioskTitle
    case leaveKioskMessage
    case leave
    case notAllowed

    // MARK: Sign-in
    case method(LoginMethod)
    case methodPicker
    case methodHint(LoginMethod)
    case passwordLabel
    case ownerLogin
    case unitCodeLabel
    /// The certificate method's check box for an organisation certificate.
    case organisationLogin
    /// The certificate method's unit-code field (organisation certificates only).
    case certificateUnitCodeLabel
    case idLabel
    case birthDateLabel
    case otpLabel
    case pinLabel
    case pinEntered(count: Int)
    case keypadDelete
    case keypadClear
    case keypadDigit(Int)
    case signInButton
    case clearButton
    case generateQR
    case regenerateQR
    case qrRemaining(seconds: Int)
    case qrExpired
    case qrWaiting
    case qrAlternative(LoginMethod)
    case signingIn
    /// The unit picker's heading (staff of several units, after authentication).
    case unitPickerTitle
    /// The unit picker's greeting and instruction.
    case unitPickerHint(name: String)
    /// One unit in the picker: code, name and the person's role there.
    case unitOption(StaffUnitOption)
    /// Leaves the unit picker for the sign-in form.
    case cancelUnitChoice
    case signInUnavailable
    case required
    /// An error with its code: `錯誤 9039：密碼不正確` / `Error 9039: wrong password`.
    case error(PresentableError)

    // MARK: Home
    case homeTitle
    case welcome(name: String, role: StaffRole)
    case task(KioskTask)
    case taskHint(KioskTask)

    // MARK: Visitor
    case visitorWaiting
    case visitorRemoved
    case visitorReaderLost(reader: String)
    case visitorReader(reader: String)
    case cardName
    case cardID
    case cardBirthDate
    case cardSex
    case cardNumber
    case cardIssued
    /// A date as the card panel shows it: `民國 085/05/04` / `1996-05-04 (ROC 085/05/04)`.
    case cardDate(roc: String, iso: String)
    case sex(Sex)

    // MARK: Lock
    case lockedTitle
    case lockReason(LockReason)
    case unlock

    // MARK: Settings
    case settingsReader
    case settingsReaderAutomatic
    case settingsReaderFreeText
    case settingsPKCS11
    case settingsDatabase
    case settingsLanguage
    case settingsIdle
    case settingsOptionalPath
    case settingsSave
    case settingsSaved
    case settingsFile(path: String)
    case settingsInvalid

    // MARK: Doctor
    case doctorRun
    case doctorRunning
    case doctorOutcome(ReaderCheck.Outcome)
    /// One diagnostics line: outcome, what was checked, what was found.
    case doctorCheck(ReaderCheck)

    // MARK: Flows
    case form(FormText)
    case filing(FilingText)
    case premium(PremiumText)
    case visitor(VisitorText)
    case uploads(UploadText)
    case staff(StaffText)
    case insurance(InsuranceText)
    case filings(FilingsText)
    case statusChange(StatusChangeText)
    case roster(RosterText)
    case audit(AuditText)
    case statements(StatementsText)
    case payments(PaymentsText)
    case filingImport(FilingImportText)
    case cards(CardsText)
    case units(UnitsText)
    case dpr(DPRText)
    case bills(BillsText)
    case demoTray
    case demoInsert(name: String, role: String)
    case demoInsertCertificate(name: String, role: String)
    case demoCertificateCard
    /// The tray's button for the unit's organisation-certificate card.
    case demoInsertOrganisationCertificate(name: String, unitCode: String)
    /// What the tray calls an organisation-certificate card.
    case demoOrganisationCertificateCard
    case demoRemove
    /// The tray's button that folds it to one line (and back).
    case demoTrayCollapse
    case demoTrayExpand
    /// A toast's close button.
    case dismissToast
    /// The header's context: the unit (code and name, when the register has it) and how
    /// the session signed in.
    case unitContext(code: String, name: String?, method: LoginMethod, organisation: Bool)
    /// The lock screen, when 鎖定 kept the session.
    case lockKept(name: String, method: LoginMethod, organisation: Bool)
    case resumeButton
    /// The visitor screen's shortcut to the enrolment form, filled from the card.
    case enrolVisitor
    /// The sign-in screen while a locked session waits.
    case resumeHint(name: String, method: LoginMethod, organisation: Bool)

    /// The string in `language`.
    public func localized(_ language: Language) -> String {
        let (zh, en) = pair
        return language.pick(zh, en)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private var pair: (String, String) {
        switch self {
        case .appTitle: ("健保櫃檯", "NHI Counter")
        case .windowTitle: ("健保櫃檯 nhi-kiosk", "NHI Counter nhi-kiosk")
        case .demoBanner: ("示範模式：虛擬卡片與範例資料，非真實民眾資料", "Demo mode: virtual cards and sample data, not real people")
        case .demoNotConnected:
            ("示範模式：範例資料庫（非真實民眾資料）；虛擬卡片需要讀卡服務 pcscd 與虛擬讀卡機 vpcd（scripts/setup-system kiosk），目前未啟用。",
             "Demo mode: sample database (not real people); the virtual cards need the pcscd card service and the vpcd virtual reader (scripts/setup-system kiosk), which are not running.")
        case .kioskBanner: ("Kiosk 模式", "Kiosk mode")
        case .switchLanguage: ("切換語言", "Switch language")
        case .lock: ("鎖定", "Lock")
        case .signOut: ("登出", "Sign out")
        case .back: ("返回", "Back")
        case .home: ("首頁", "Home")
        case .ok: ("確定", "OK")
        case .cancel: ("取消", "Cancel")
        case .staffBadge(let name, let role): ("\(name)（\(role.label)）", "\(name) (\(role.labelEn))")
        case .organisationBadge(let name): ("\(name)（單位憑證・管理者）", "\(name) (organisation certificate, administrator)")
        case .ownerBadge(let name): ("\(name)（負責人）", "\(name) (owner)")
        case .screenTitle(let screen): Self.title(of: screen)
        case .signInCard(let state, let method):
            switch state {
            case .waiting: ("○ 尚未偵測到卡片：請將卡片插入讀卡機", "○ No card yet: insert the card into the reader")
            case .present(let reader): ("● 已偵測到卡片（\(reader)）", "● Card detected (\(reader))")
            case .unreadable(let reader, let error):
                method == .nhiCard
                    ? ("● 已偵測到卡片（\(reader)），但無法讀取健保卡：\(error.message)", "● A card is in \(reader), but it cannot be read as an NHI card: \(error.messageEn)")
                    : ("● 已偵測到卡片（\(reader)）", "● Card detected (\(reader))")
            }
        case .notConnectedTitle: ("功能尚未接上", "Not connected yet")
        case .notConnected(let module):
            ("此畫面需要 SDK 模組 \(module)，本版 kiosk 尚未接上，因此不提供功能，也不顯示任何資料。",
             "This screen needs the SDK module \(module), which this build of the kiosk is not connected to yet, so it offers no function and shows no data.")
        case .idleWarning(let seconds): ("無人操作，\(seconds) 秒後將鎖定並清除個人資料", "No activity: locking and wiping personal data in \(seconds) s")
        case .keepWorking: ("繼續使用", "Keep working")
        case .exitNeedsAdministrator:
            ("只有管理者可以離開 Kiosk 模式。請管理者登入後，在首頁選擇「離開 Kiosk 模式」。",
             "Only an administrator can leave kiosk mode: an administrator signs in and chooses “Leave kiosk mode” on the home screen.")
        case .leaveKioskTitle: ("離開 Kiosk 模式？", "Leave kiosk mode?")
        case .leaveKioskMessage: ("將清除畫面上的資料並關閉程式。", "The screen will be wiped and the program closed.")
        case .leave: ("離開", "Leave")
        case .notAllowed: ("您的權限無法使用此功能", "Your role does not allow this function")

        case .method(let method): Self.name(of: method)
        case .methodPicker: ("登入方式", "Sign-in method")
        case .methodHint(let method): Self.hint(for: method)
        case .passwordLabel: ("註冊密碼", "Registration password")
        case .ownerLogin: ("需指派授權管理者請勾選（負責人登入）", "Owner sign-in, to assign administrators")
        case .unitCodeLabel: ("投保單位代號", "Insured unit code")
        case .organisationLogin:
            ("單位憑證登入（工商、政府、組織團體憑證）請勾選", "Organisation certificate (MOEACA, GCA, XCA): signs in for a unit")
        case .certificateUnitCodeLabel: ("投保單位代號（單位憑證）", "Unit code (organisation certificate)")
        case .idLabel: ("身分證號", "National ID")
        case .birthDateLabel: ("出生日期（民國年月日，如 0850504）", "Date of birth (ROC yyyMMdd, e.g. 0850504)")
        case .otpLabel: ("OTP 驗證碼", "OTP code")
        case .pinLabel: ("憑證 PIN 碼", "Certificate PIN")
        case .pinEntered(let count): ("已輸入 \(count) 碼", count == 1 ? "1 digit entered" : "\(count) digits entered")
        case .keypadDelete: ("刪除", "Delete")
        case .keypadClear: ("全部清除", "Clear all")
        case .keypadDigit(let digit): ("\(digit)", "\(digit)")
        case .signInButton: ("登入", "Sign in")
        case .clearButton: ("清除", "Clear")
        case .generateQR: ("產生 QR Code", "Generate QR code")
        case .regenerateQR: ("重新產生 QR Code", "Generate a new QR code")
        case .qrRemaining(let seconds):
            ("QR Code 有效時間剩餘 \(seconds / 60):\(Self.twoDigits(seconds % 60))", "QR code valid for \(seconds / 60):\(Self.twoDigits(seconds % 60))")
        case .qrExpired: ("QR Code 已逾時，請重新產生", "The QR code has expired: generate a new one")
        case .qrWaiting: ("請以 App 掃描 QR Code，等待確認中…", "Scan the QR code with the app; waiting for confirmation…")
        case .qrAlternative(let method):
            method == .twFido ? ("TW FidO 登入用 QR Code", "TW FidO sign-in QR code") : ("健保快易通登入用 QR Code", "NHI app sign-in QR code")
        case .signingIn: ("登入中…", "Signing in…")
        case .unitPickerTitle: ("請選擇投保單位", "Choose the insured unit")
        case .unitPickerHint(let name):
            ("\(name) 您好：您是下列投保單位的管理者或承辦人，請選擇本次要辦理的單位",
             "Hello \(name): you work for the units below; choose the one to act for now")
        case .unitOption(let option):
            ("\(option.unitCode.rawValue)　\(option.unitName)（\(option.role.label)）",
             "\(option.unitCode.rawValue)  \(option.unitName) (\(option.role.labelEn))")
        case .cancelUnitChoice: ("取消，重新登入", "Cancel and sign in again")
        case .signInUnavailable:
            ("登入服務尚未接上（需要 SDK 模組 NHILogin），目前無法登入。",
             "Sign-in is not connected yet (it needs the SDK module NHILogin), so nobody can sign in.")
        case .required: ("必填", "Required")
        // People see the message, and the NHI's own number (9039 …) where there is one; the
        // kiosk's and the SDK's internal codes (card.failed, form.required) go to the log only.
        case .error(let error):
            error.code.allSatisfy(\.isNumber) && !error.code.isEmpty
                ? ("錯誤 \(error.code)：\(error.message)", "Error \(error.code): \(error.messageEn)")
                : (error.message, error.messageEn)

        case .homeTitle: ("工作項目", "Tasks")
        case .welcome(let name, let role): ("\(name)（\(role.label)）您好，請選擇工作項目", "Hello \(name) (\(role.labelEn)), choose a task")
        case .task(let task): Self.name(of: task)
        case .taskHint(let task): Self.hint(for: task)

        case .visitorWaiting: ("請民眾將健保卡插入讀卡機", "Ask the visitor to insert their NHI card")
        case .visitorRemoved: ("卡片已取出，民眾資料已清除", "Card removed: the visitor's data has been wiped")
        case .visitorReaderLost(let reader): ("讀卡機「\(reader)」已中斷連線", "Reader “\(reader)” was disconnected")
        case .visitorReader(let reader): ("讀卡機：\(reader)", "Reader: \(reader)")
        case .cardName: ("姓名", "Name")
        case .cardID: ("身分證號", "ID number")
        case .cardBirthDate: ("出生日期", "Date of birth")
        case .cardSex: ("性別", "Sex")
        case .cardNumber: ("健保卡號", "NHI card number")
        case .cardIssued: ("發卡日期", "Card issued")
        case .cardDate(let roc, let iso): ("民國 \(roc)", "\(iso) (ROC \(roc))")
        case .sex(let sex): (sex.label, sex.labelEn)

        case .lockedTitle: ("畫面已鎖定", "Screen locked")
        case .lockReason(let reason): Self.explanation(of: reason)
        case .unlock: ("重新登入", "Sign in again")

        case .settingsReader: ("讀卡機", "Card reader")
        case .settingsReaderAutomatic: ("自動（第一台讀卡機）", "Automatic (the first reader)")
        case .settingsReaderFreeText:
            ("讀卡機清單尚未接上（需要 SDK 模組 NHICards），請直接輸入讀卡機名稱，或留空使用第一台。",
             "The reader list is not connected yet (it needs the SDK module NHICards): type the reader's name, or leave it empty for the first reader.")
        case .settingsPKCS11: ("PKCS#11 模組路徑", "PKCS#11 module path")
        case .settingsDatabase: ("資料庫路徑", "Database path")
        case .settingsLanguage: ("語言", "Language")
        case .settingsIdle: ("閒置鎖定秒數", "Idle lock (seconds)")
        case .settingsOptionalPath: ("可留空（使用預設值）", "Optional (empty: the default)")
        case .settingsSave: ("儲存設定", "Save settings")
        case .settingsSaved: ("設定已儲存", "Settings saved")
        case .settingsFile(let path): ("設定檔：\(path)", "Settings file: \(path)")
        case .settingsInvalid: ("設定有誤，請依欄位說明修正後再儲存", "Some settings are not valid: correct the marked fields and save again")

        case .doctorRun: ("重新檢查", "Check again")
        case .doctorRunning: ("檢查中…", "Checking…")
        case .doctorOutcome(let outcome):
            switch outcome {
            case .ok: ("正常", "OK")
            case .warning: ("注意", "Warning")
            case .failed: ("失敗", "Failed")
            }
        case .doctorCheck(let check): Self.line(for: check)

        case .form(let text): text.pair
        case .filing(let text): text.pair
        case .premium(let text): text.pair
        case .visitor(let text): text.pair
        case .uploads(let text): text.pair
        case .staff(let text): text.pair
        case .insurance(let text): text.pair
        case .filings(let text): text.pair
        case .statusChange(let text): text.pair
        case .roster(let text): text.pair
        case .audit(let text): text.pair
        case .statements(let text): text.pair
        case .payments(let text): text.pair
        case .filingImport(let text): text.pair
        case .cards(let text): text.pair
        case .units(let text): text.pair
        case .dpr(let text): text.pair
        case .bills(let text): text.pair
        case .demoTray: ("示範用虛擬卡片", "Demo virtual cards")
        case .demoInsert(let name, let role): ("插入 \(name)（\(role)）的卡片", "Insert \(name)'s card (\(role))")
        case .demoInsertCertificate(let name, let role):
            ("插入 \(name)（\(role)）的自然人憑證卡", "Insert \(name)'s citizen-certificate card (\(role))")
        case .demoCertificateCard: ("自然人憑證", "citizen certificate")
        case .demoInsertOrganisationCertificate(let name, let unitCode):
            ("插入 \(name)（投保單位 \(unitCode)）的工商憑證卡", "Insert \(name)'s organisation certificate card (unit \(unitCode))")
        case .demoOrganisationCertificateCard: ("工商憑證（單位憑證）", "organisation certificate")
        case .demoRemove: ("取出卡片", "Remove the card")
        case .demoTrayCollapse: ("收合卡片列", "Fold the card tray")
        case .demoTrayExpand: ("展開示範卡片列", "Show the demo card tray")
        case .dismissToast: ("關閉訊息", "Close the message")
        case .unitContext(let code, let name, let method, let organisation):
            {
                let how = organisation ? ("單位憑證", "organisation certificate") : Self.name(of: method)
                let unit = name.map { "\(code) \($0)" } ?? code
                return ("\(unit)・\(how.0)登入", "\(unit) · signed in with \(how.1)")
            }()
        case .lockKept(let name, let method, let organisation):
            {
                let how = organisation ? ("單位憑證", "organisation certificate") : Self.name(of: method)
                return ("\(name) 的工作階段保留中：按「解除鎖定」，以相同的\(how.0)重新驗證即回到原畫面；要結束請按「登出」。",
                        "\(name)'s session is kept: press Unlock and sign in again with the same \(how.1) to return to where you were; Sign out ends it.")
            }()
        case .resumeButton: ("解除鎖定", "Unlock")
        case .enrolVisitor: ("加保此人", "Enrol this person")
        case .resumeHint(let name, let method, let organisation):
            {
                let how = organisation ? ("單位憑證", "organisation certificate") : Self.name(of: method)
                return ("解除鎖定：請 \(name) 以鎖定前的\(how.0)登入，回到原來的畫面；其他人登入則開始新的工作階段。",
                        "Unlock: \(name) signs in with the same \(how.1) to return to where they were; anyone else starts a new session.")
            }()
        }
    }

    private static func line(for check: ReaderCheck) -> (String, String) {
        let (zh, en) = Text.doctorOutcome(check.outcome).pair
        return ("\(zh)　\(check.subject)：\(check.detail)", "\(en) — \(check.subjectEn): \(check.detailEn)")
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func title(of screen: Screen) -> (String, String) {
        switch screen {
        case .signIn: ("承辦人登入", "Staff sign-in")
        case .unitRegistration: ("單位註冊作業", "Unit registration")
        case .home: ("首頁", "Home")
        case .visitor: name(of: .visitorCard)
        case .enrol: name(of: .enrol)
        case .withdraw: name(of: .withdraw)
        case .salaryAdjustment: name(of: .salaryAdjustment)
        case .bulkSalaryAdjustment: name(of: .bulkSalaryAdjustment)
        case .statusChange: name(of: .statusChange)
        case .filingImport: name(of: .filingImport)
        case .cardApplication: name(of: .cardApplication)
        case .dpr: name(of: .dpr)
        case .roster: name(of: .roster)
        case .auditLog: name(of: .auditLog)
        case .statements: name(of: .statements)
        case .payments: name(of: .payments)
        case .batchUpload: name(of: .batchUpload)
        case .uploadRecords: name(of: .uploadRecords)
        case .unpaidPremiums: name(of: .unpaidPremiums)
        case .staff: name(of: .staff)
        case .insuranceLookup: name(of: .insuranceLookup)
        case .filings: name(of: .filings)
        case .bills: name(of: .bills)
        case .doctor: name(of: .doctor)
        case .settings: name(of: .settings)
        case .locked: ("畫面已鎖定", "Screen locked")
        }
    }

    private static func name(of method: LoginMethod) -> (String, String) {
        switch method {
        case .nhiCard: ("健保卡", "NHI card")
        case .certificate: ("憑證", "Certificate card")
        case .nhiAppOTP: ("健保快易通 OTP", "NHI app OTP")
        case .nhiAppQR: ("健保卡 QRCode", "NHI app QR code")
        case .twFido: ("TW FidO 行動自然人憑證", "TW FidO mobile certificate")
        }
    }

    private static func hint(for method: LoginMethod) -> (String, String) {
        switch method {
        case .nhiCard:
            ("請插入健保卡，輸入註冊密碼後按登入", "Insert the NHI card, enter the registration password and press Sign in")
        case .certificate:
            ("請插入憑證卡，輸入身分證號（單位憑證請勾選「單位憑證登入」並改填投保單位代號），以螢幕數字鍵輸入 PIN 碼（6–8 碼）後按登入",
             "Insert the certificate card, enter the ID (organisation certificate: tick it and enter the unit code instead), type the PIN (6–8 digits) on the keypad below and press Sign in")
        case .nhiAppOTP:
            ("請輸入身分證號、出生日期及健保快易通 App 產生的 OTP 驗證碼（3 分鐘內有效）", "Enter the ID, the date of birth and the OTP code from the NHI app (valid 3 minutes)")
        case .nhiAppQR:
            ("輸入身分證號與出生日期後產生 QR Code，再以健保快易通 App 掃描", "Enter the ID and date of birth, generate the QR code and scan it with the NHI app")
        case .twFido:
            ("輸入身分證號與出生日期後產生 QR Code，再以 TW FidO App 掃描", "Enter the ID and date of birth, generate the QR code and scan it with the TW FidO app")
        }
    }

    private static func name(of task: KioskTask) -> (String, String) {
        switch task {
        case .visitorCard: ("民眾健保卡", "Visitor's NHI card")
        case .enrol: ("加保作業", "Enrolment")
        case .withdraw: ("退保作業", "Withdrawal")
        case .salaryAdjustment: ("薪資調整作業", "Salary adjustment")
        case .bulkSalaryAdjustment: ("薪資調整作業（大批）", "Bulk salary adjustment")
        case .statusChange: ("停復保及基本資料變更", "Suspension, leave, resumption and basic data")
        case .filingImport: ("批次申報及申報資料列印", "Filing import and filed-data listing")
        case .cardApplication: ("健保卡申請", "NHI card applications")
        case .dpr: ("補充保險費明細申報", "Supplementary-premium filing (DPR)")
        case .roster: ("在保名冊", "Insured roster")
        case .auditLog: ("稽核紀錄", "Audit log")
        case .statements: ("保費計算明細及各類明細表", "Premium calculation and statements")
        case .payments: ("保費繳納證明及電子繳款單", "Payment certificate and e-payment slips")
        case .batchUpload: ("健保卡註冊申請整批資料上傳", "Batch NHI-card registration upload")
        case .uploadRecords: ("健保卡註冊申請上傳紀錄查詢", "Upload records")
        case .unpaidPremiums: ("欠費查詢及滯納金試算", "Unpaid premiums and late fees")
        case .staff: ("單位管理者登錄作業", "Administrators and operators")
        case .insuranceLookup: ("投保狀態查詢及投保證明", "Insurance status and proof by ID")
        case .filings: ("今日申報及檢核結果", "Today's filings and check results")
        case .bills: ("保險費帳單及繳款單", "Premium bills and payment slips")
        case .doctor: ("讀卡機診斷", "Reader diagnostics")
        case .settings: ("設定", "Settings")
        case .leaveKiosk: ("離開 Kiosk 模式", "Leave kiosk mode")
        }
    }

    private static func hint(for task: KioskTask) -> (String, String) {
        switch task {
        case .visitorCard: ("讀取民眾健保卡、投保狀態、網路服務註冊及投保證明", "Read the visitor's card: insurance status, online-service registration, proof of insurance")
        case .enrol: ("本人、眷屬、外籍人士加保", "Enrol an employee, a dependant or a foreign national")
        case .withdraw: ("轉出、不具健保資格、離職", "Transfer out, no longer eligible, left the job")
        case .salaryAdjustment: ("單筆調整投保金額（次月 1 日生效）", "Change one insured amount (effective the 1st of next month)")
        case .bulkSalaryAdjustment: ("依投保金額級距整批調整", "Move everyone at one grade to another")
        case .statusChange: ("停保、育嬰留職停薪、復保、續保；姓名或出生日期變更", "Suspend, parental leave, resume, renew; a new name or birth date")
        case .filingImport: ("匯入申報檔（先逐筆檢查），列印申報資料套印表格", "Import a filing file (checked row by row first); print the filed data")
        case .cardApplication: ("本單位人員遺失、毀損、換照片或首次申請健保卡", "A card for someone insured here: lost, damaged, new photo, first card")
        case .dpr: ("檢查並申報 DPR 明細檔，產生補充保費繳款單", "Check and file a DPR detail file; it makes the supplementary-premium slips")
        case .roster: ("本單位在保人員及眷屬，可依姓名或身分證號搜尋", "Everyone insured through the unit, searchable by name or ID")
        case .auditLog: ("誰在何時為本單位做了什麼（僅限管理者）", "Who did what for the unit, and when (administrators)")
        case .statements: ("查詢某月保費計算明細；申請、下載及列印各類明細表", "A month's premium calculation; request, open and print statements")
        case .payments: ("列印保費繳納證明；申請或取消電子繳款單", "Print a payment certificate; subscribe to or cancel e-mailed payment slips")
        case .batchUpload: ("上傳 CSV、檢查、送出並查看結果", "Upload a CSV, check it, submit it and read the result")
        case .uploadRecords: ("近 3 個月的上傳紀錄與入檔結果", "The last 3 months of uploads and their results")
        case .unpaidPremiums: ("未繳保險費與滯納金試算", "Unpaid premiums with a late-fee estimate")
        case .staff: ("查詢、指派及刪除管理者與承辦人", "List, assign and delete administrators and operators")
        case .bills: ("查看本單位的保險費帳單，列印繳款單", "See the unit's premium bills and print a payment slip")
        case .filings: ("查看今天的申報、當日刪除，查詢轉檔後的檢核結果", "See today's filings, delete one the same day, read the check results")
        case .insuranceLookup: ("依身分證號查詢本單位人員投保狀態，列印投保證明（民眾不在場時）", "Look up someone insured here by ID and print their proof (the person need not be present)")
        case .doctor: ("檢查讀卡機、卡片與 PC/SC 服務", "Check the readers, the cards and the PC/SC service")
        case .settings: ("讀卡機、PKCS#11 模組、資料庫、語言", "Reader, PKCS#11 module, database, language")
        case .leaveKiosk: ("清除畫面並關閉程式（僅限管理者）", "Wipe the screen and close the program (administrators only)")
        }
    }

    private static func explanation(of reason: LockReason) -> (String, String) {
        switch reason {
        case .idle:
            ("閒置逾時，已登出並清除畫面上的個人資料。", "Idle timeout: signed out and personal data wiped from the screen.")
        case .manual:
            ("已鎖定，畫面上的個人資料已清除。", "Locked; personal data wiped from the screen.")
        }
    }
}

extension StaffRole {
    /// `administrator` / `operator`.
    public var labelEn: String { self == .administrator ? "administrator" : "operator" }
}

/// Why the kiosk locked.
public enum LockReason: String, Sendable, Hashable, Codable {
    /// Nobody touched it for the idle timeout.
    case idle
    /// Staff pressed Lock (or Ctrl+L).
    case manual
}

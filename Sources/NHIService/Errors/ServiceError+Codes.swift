extension ServiceError.Code {
    // Store
    /// `store.unavailable`: the SQLite database cannot be opened.
    public static let storeUnavailable: Self = "store.unavailable"
    /// `store.failure`: a database operation failed and was rolled back; nothing was changed.
    public static let storeFailure: Self = "store.failure"
    /// `store.constraint`: duplicate data or another database constraint; nothing was changed.
    public static let storeConstraint: Self = "store.constraint"
    /// `store.corrupt`: the database holds data that cannot be read back into the model.
    public static let storeCorrupt: Self = "store.corrupt"
    /// `store.keyInvalid`: the database key (`$NHI_DB_KEY` or the key file) is not 32 bytes as base64.
    public static let storeKeyInvalid: Self = "store.keyInvalid"
    /// `store.keyMismatch`: the key does not belong to this database; use the `<database>.key` created with it.
    public static let storeKeyMismatch: Self = "store.keyMismatch"
    /// `store.keyUnavailable`: the key file cannot be created or read (folder permissions).
    public static let storeKeyUnavailable: Self = "store.keyUnavailable"
    /// `store.keyMissing`: the database's key file is missing; restore `<database>.key` or set `$NHI_DB_KEY`.
    public static let storeKeyMissing: Self = "store.keyMissing"
    /// `store.notNew`: only a newly created database can be marked as a test database.
    public static let storeNotNew: Self = "store.notNew"
    public static let storeLocationInvalid: Self = "store.locationInvalid"
    public static let storeTargetNotEmpty: Self = "store.targetNotEmpty"
    // Authorisation
    /// `auth.notAuthorised`: the caller's session may not perform this operation (您沒有執行此作業的權限).
    public static let notAuthorised: Self = "auth.notAuthorised"
    // Requests
    /// `request.invalidText`: a text field of a request is too long or has characters that are not allowed.
    public static let requestInvalidText: Self = "request.invalidText"
    // Units
    /// `unit.alreadyRegistered`: the unit code (投保單位代號) is already registered (單位註冊作業).
    public static let unitAlreadyRegistered: Self = "unit.alreadyRegistered"
    /// `unit.notRegistered`: the unit is not registered; register it first.
    public static let unitNotRegistered: Self = "unit.notRegistered"
    /// `unit.certificateNotOrganisation`: unit registration needs an organisation certificate (工商、政府或組織及團體憑證).
    public static let unitCertificateNotOrganisation: Self = "unit.certificateNotOrganisation"
    /// `unit.certificateMismatch`: the organisation certificate's UBN is not the unit's UBN.
    public static let unitCertificateMismatch: Self = "unit.certificateMismatch"
    /// `unit.ownerMismatch`: the card or identity presented is not the unit owner's (負責人).
    public static let unitOwnerMismatch: Self = "unit.ownerMismatch"
    /// `unit.ownerNotRegistered`: the owner's NHI card is not registered for online services (健保卡網路服務註冊).
    public static let unitOwnerNotRegistered: Self = "unit.ownerNotRegistered"
    /// `unit.ownerOTPMissing`: registering by OTP needs the owner's birth date and the NHI app's code.
    public static let unitOwnerOTPMissing: Self = "unit.ownerOTPMissing"
    /// `unit.ownerOTPRejected`: the owner's birth date or app code is wrong, older than 3 minutes, or already used.
    public static let unitOwnerOTPRejected: Self = "unit.ownerOTPRejected"
    /// `unit.agentNotGranted`: an agent UBN (代辦統編) was not granted by an administrator of the unit with that UBN.
    public static let unitAgentNotGranted: Self = "unit.agentNotGranted"
    /// `unit.fieldNotChangeable`: the field cannot be changed in unit data maintenance; it is changed at a counter.
    public static let unitFieldNotChangeable: Self = "unit.fieldNotChangeable"
    // Staff
    /// `staff.notFound`: no such administrator (管理者) or operator (承辦人).
    public static let staffNotFound: Self = "staff.notFound"
    /// `staff.notAssigned`: the person is not, or no longer, assigned to the unit.
    public static let staffNotAssigned: Self = "staff.notAssigned"
    /// `staff.alreadyAssigned`: the person is already assigned to the unit.
    public static let staffAlreadyAssigned: Self = "staff.alreadyAssigned"
    /// `staff.certificateSerialMissing`: an assignment by citizen certificate needs the serial read from the assignee's card
    /// with their PIN.
    public static let staffCertificateSerialMissing: Self = "staff.certificateSerialMissing"
    /// `staff.certificateSerialMismatch`: the certificate serial number is not the assignee's own.
    public static let staffCertificateSerialMismatch: Self = "staff.certificateSerialMismatch"
    /// `staff.certificateSerialFormat`: the serial is neither a hexadecimal certificate serial (8–40 digits) nor a
    /// certificate card number (`TP03000001234567`).
    public static let staffCertificateSerialFormat: Self = "staff.certificateSerialFormat"
    /// `staff.cardNotRegistered`: the assignee's NHI card is not registered for online services yet.
    public static let staffCardNotRegistered: Self = "staff.cardNotRegistered"
    /// `staff.credentialKind`: the credential must be a citizen certificate (or healthcare-professional card) or an NHI card.
    public static let staffCredentialKind: Self = "staff.credentialKind"
    /// `staff.agentAssignsAdministratorsOnly`: for an agent UBN an organisation certificate may assign administrators only.
    public static let staffAgentAssignsAdministratorsOnly: Self = "staff.agentAssignsAdministratorsOnly"
    // Personal accounts
    /// `account.alreadyRegistered`: the NHI card is already registered for online services.
    public static let accountAlreadyRegistered: Self = "account.alreadyRegistered"
    /// `account.notRegistered`: the NHI card is not registered for online services.
    public static let accountNotRegistered: Self = "account.notRegistered"
    /// `account.notVerified`: the registration's e-mail verification is not complete.
    public static let accountNotVerified: Self = "account.notVerified"
    /// `account.notPending`: no registration is waiting for verification.
    public static let accountNotPending: Self = "account.notPending"
    /// `account.notActive`: the online-service registration is not active.
    public static let accountNotActive: Self = "account.notActive"
    /// `account.serviceSuspended`: online services are suspended; they are resumed only in person at a counter.
    public static let accountServiceSuspended: Self = "account.serviceSuspended"
    /// `account.notSuspended`: online services are not suspended, so there is nothing to resume.
    public static let accountNotSuspended: Self = "account.notSuspended"
    /// `account.notLocked`: no wrong password is counted, so there is nothing to unlock.
    public static let accountNotLocked: Self = "account.notLocked"
    /// `account.tokenInvalid`: the verification link is invalid or was used already.
    public static let accountTokenInvalid: Self = "account.tokenInvalid"
    /// `account.tokenExpired`: the 5-day verification period has lapsed; the verification mail can be resent.
    public static let accountTokenExpired: Self = "account.tokenExpired"
    /// `account.cardMismatch`: the inserted NHI card does not match the registration.
    public static let accountCardMismatch: Self = "account.cardMismatch"
    /// `account.villageMismatch`: changing the e-mail address needs the correct registered township and village.
    public static let accountVillageMismatch: Self = "account.villageMismatch"
    /// `account.villageMissing`: the registered township and village (戶籍鄉鎮里鄰) were not given.
    public static let accountVillageMissing: Self = "account.villageMissing"
    /// `account.householdNumber`: the household number (戶號) is not valid.
    public static let accountHouseholdNumber: Self = "account.householdNumber"
    /// `account.passwordRequired`: no registration password (註冊密碼) was set.
    public static let accountPasswordRequired: Self = "account.passwordRequired"
    /// `account.wrongPassword`: the registration password is wrong; the NHI's screens show 9039.
    public static let accountWrongPassword: Self = "account.wrongPassword"
    /// `account.passwordAlgorithm`: the stored password hash cannot be checked.
    public static let accountPasswordAlgorithm: Self = "account.passwordAlgorithm"
    // Devices
    /// `device.notFound`: no such bound mobile device.
    public static let deviceNotFound: Self = "device.notFound"
    // Attachments
    /// `attachment.nameTooLong`: an attachment's file name is longer than 25 characters.
    public static let attachmentNameTooLong: Self = "attachment.nameTooLong"
    /// `attachment.type`: wrong file type (proof documents `.jpg` or `.pdf`; photos jpg, jpeg, gif or png).
    public static let attachmentType: Self = "attachment.type"
    /// `attachment.size`: the file is larger than 5 MB.
    public static let attachmentSize: Self = "attachment.size"
    /// `attachment.content`: the file's content does not match its extension.
    public static let attachmentContent: Self = "attachment.content"
    // Card applications and payments
    /// `cardApplication.photoMissing`: a card application for a new photo or a first card has no photo.
    public static let cardApplicationPhotoMissing: Self = "cardApplication.photoMissing"
    /// `cardApplication.address`: the mailing address of a card sent by post is incomplete.
    public static let cardApplicationAddress: Self = "cardApplication.address"
    /// `ePayment.notSubscribed`: the unit has not subscribed to electronic payment slips (電子繳款單).
    public static let ePaymentNotSubscribed: Self = "ePayment.notSubscribed"
    // Filings
    /// `filing.notInsuredHere`: the person is not an in-force insured person of the unit (非該單位在保險對象).
    public static let filingNotInsuredHere: Self = "filing.notInsuredHere"
    /// `filing.alreadyInsuredHere`: the person is already insured with this unit.
    public static let filingAlreadyInsuredHere: Self = "filing.alreadyInsuredHere"
    /// `filing.principalNotInsured`: the insured person a dependant is attached to is not insured with this unit.
    public static let filingPrincipalNotInsured: Self = "filing.principalNotInsured"
    /// `filing.foreignerNeedsResidentID`: a foreign national (外籍人士) must be filed with a resident number.
    public static let filingForeignerNeedsResidentID: Self = "filing.foreignerNeedsResidentID"
    /// `filing.foreignerDocuments`: a foreign national who is not automatically eligible needs the residence-permit copy
    /// and the authority's permit letter.
    public static let filingForeignerDocuments: Self = "filing.foreignerDocuments"
    /// `filing.insuredAmount`: the insured amount (投保金額) breaks a rule of the grade tables.
    public static let filingInsuredAmount: Self = "filing.insuredAmount"
    /// `filing.proofRequired`: the filing needs proof documents (證明文件) that were not uploaded.
    public static let filingProofRequired: Self = "filing.proofRequired"
    /// `filing.amountUnchanged`: a salary adjustment's new amount equals the current insured amount.
    public static let filingAmountUnchanged: Self = "filing.amountUnchanged"
    /// `filing.labourSideMissing`: a three-in-one (三合一) filing lacks the salary, labour-insurance salary or pension wage.
    public static let filingLabourSideMissing: Self = "filing.labourSideMissing"
    /// `filing.labourSalaryNotAGrade`: the labour-insurance salary is not a grade of the labour-insurance table.
    public static let filingLabourSalaryNotAGrade: Self = "filing.labourSalaryNotAGrade"
    /// `filing.pensionWageNotAGrade`: the pension wage is not a grade of the labour-pension table.
    public static let filingPensionWageNotAGrade: Self = "filing.pensionWageNotAGrade"
    /// `filing.pensionRate`: the employer's pension rate is below 6%, or the voluntary rate is not 0–6%.
    public static let filingPensionRate: Self = "filing.pensionRate"
    /// `filing.threeInOneNeedsLabourNumber`: a unit without a labour-insurance number (勞保證號) cannot file three-in-one.
    public static let filingThreeInOneNeedsLabourNumber: Self = "filing.threeInOneNeedsLabourNumber"
    /// `filing.notPermitted`: the staff member may not use the enrol/withdraw functions (加退保業務功能).
    public static let filingNotPermitted: Self = "filing.notPermitted"
    /// `filing.ownerNeedsAssignment`: the owner files only after assigning their own certificate or NHI card as an
    /// administrator.
    public static let filingOwnerNeedsAssignment: Self = "filing.ownerNeedsAssignment"
    /// `filing.duplicatePending`: the same change for this person is already waiting for the nightly conversion.
    public static let filingDuplicatePending: Self = "filing.duplicatePending"
    /// `filing.notFound`: no such filing.
    public static let filingNotFound: Self = "filing.notFound"
    /// `filing.notDeletable`: a filing can be deleted only on its filing day, before conversion.
    public static let filingNotDeletable: Self = "filing.notDeletable"
    /// `filing.queryRange`: check results (檢核結果) are kept for the last two months only.
    public static let filingQueryRange: Self = "filing.queryRange"
    /// `filing.kind`: the kind of filing (異動別) does not fit the operation (a status change that is not 停保, 育嬰留職停薪,
    /// 復保 or 續保).
    public static let filingKind: Self = "filing.kind"
    /// `filing.notActive`: the person's cover is not in an active state.
    public static let filingNotActive: Self = "filing.notActive"
    /// `filing.notSuspended`: the person is not suspended (停保), so cover cannot resume (復保).
    public static let filingNotSuspended: Self = "filing.notSuspended"
    /// `filing.nothingToChange`: a basic-data change gives neither a name nor a birth date, or a bulk adjustment selects
    /// nobody.
    public static let filingNothingToChange: Self = "filing.nothingToChange"
    /// `filing.bulkExcludesEmployers`: employers and professionals are adjusted one by one, not in a bulk adjustment.
    public static let filingBulkExcludesEmployers: Self = "filing.bulkExcludesEmployers"
    /// `filing.importRejected`: rows of an imported filing file break rules; nothing was imported.
    public static let filingImportRejected: Self = "filing.importRejected"
    /// `filing.importFormat`: an imported filing file is malformed; nothing was imported.
    public static let filingImportFormat: Self = "filing.importFormat"
    // Supplementary premiums and batch registration jobs
    /// `dpr.fileUnreadable`: a supplementary-premium detail file (DPR) cannot be read.
    public static let dprFileUnreadable: Self = "dpr.fileUnreadable"
    /// `dpr.payerNotRegistered`: the DPR file's payer UBN is not a registered insured or withholding unit.
    public static let dprPayerNotRegistered: Self = "dpr.payerNotRegistered"
    // Statements
    /// `statement.unavailable`: the store cannot produce this kind of statement (明細表).
    public static let statementUnavailable: Self = "statement.unavailable"
    /// `statement.range`: the last month precedes the first, or a range was asked for another statement than G1.
    public static let statementRange: Self = "statement.range"
    /// `statement.notFound`: no such statement request.
    public static let statementNotFound: Self = "statement.notFound"
    /// `statement.notReady`: the statement is not produced yet; it is downloadable after the nightly run.
    public static let statementNotReady: Self = "statement.notReady"
    /// `dpr.notPayer`: the caller is not staff of the unit whose UBN the DPR file carries.
    public static let dprNotPayer: Self = "dpr.notPayer"
    /// `batchJob.fileUnreadable`: a batch NHI-card registration file (健保卡整批註冊檔) cannot be read.
    public static let batchFileUnreadable: Self = "batchJob.fileUnreadable"
    /// `batchJob.fileTooLarge`: the batch registration file is larger than
    /// ``NHIService/BatchRegistrations/maximumFileSize``.
    public static let batchFileTooLarge: Self = "batchJob.fileTooLarge"
    /// `batchJob.fileRejected`: the batch registration file breaks a rule and was not uploaded.
    public static let batchFileRejected: Self = "batchJob.fileRejected"
    /// `batchJob.notFound`: no such batch registration record, or the caller may not see it.
    public static let batchJobNotFound: Self = "batchJob.notFound"
    /// `batchJob.queryRange`: batch registration records are kept for 3 months.
    public static let batchQueryRange: Self = "batchJob.queryRange"
    /// `batchJob.notProcessed`: the upload is not processed yet (已上傳,等待入檔), so there is no log.
    public static let batchJobNotProcessed: Self = "batchJob.notProcessed"
    // Premiums and payments
    /// `premium.calculation`: a premium or late fee cannot be calculated; wraps the NHIGrades `GradeError` underneath.
    public static let premiumCalculation: Self = "premium.calculation"
    /// `bill.notFound`: no such premium bill (繳款單).
    public static let billNotFound: Self = "bill.notFound"
    /// `payment.amount`: the payment amount is not positive, or more than the bill's unpaid amount.
    public static let paymentAmount: Self = "payment.amount"
    /// `payment.dateTooSoon`: for a mailed slip the expected payment date must be at least 4 working days ahead.
    public static let paymentDateTooSoon: Self = "payment.dateTooSoon"
    /// `payment.slipDownloadLimit`: a payment slip can be downloaded at most 3 times a day.
    public static let slipDownloadLimit: Self = "payment.slipDownloadLimit"
    // Staff sign-in (NHISignIn)
    /// The sign-in method is not offered where the person is signing in.
    public static let signInMethodUnavailable: Self = "signIn.methodUnavailable"
    /// A personal certificate was presented with a unit code (organisation sign-in).
    public static let signInCertificateNotOrganisation: Self = "signIn.certificateNotOrganisation"
    /// An organisation certificate was presented without a unit code.
    public static let signInCertificateNeedsUnitCode: Self = "signIn.certificateNeedsUnitCode"
    /// The unit choice of a sign-in is gone (used, cancelled or expired).
    public static let signInUnitChoiceExpired: Self = "signIn.unitChoiceExpired"
}

extension ServiceError {
    /// Every code NHIService can throw, with its meaning in both languages.
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.storeUnavailable, "無法開啟資料庫", "the database cannot be opened"),
        (.storeFailure, "資料庫作業失敗，資料未變更", "the database operation failed; nothing was changed"),
        (.storeConstraint, "資料重複或違反資料庫限制，資料未變更", "duplicate data or a database constraint; nothing was changed"),
        (.storeCorrupt, "資料庫內容無法解讀", "the database holds data that cannot be read"),
        (.storeKeyInvalid, "資料庫金鑰格式不正確（$NHI_DB_KEY 或金鑰檔應為 32 位元組的 base64）",
         "the database key is not valid ($NHI_DB_KEY or the key file must hold 32 bytes as base64)"),
        (.storeKeyMismatch, "資料庫金鑰與資料庫不符：請使用與資料庫一同建立的金鑰檔（<資料庫>.key）或 $NHI_DB_KEY",
         "the database key does not match this database: use the key file created with it (<database>.key) or $NHI_DB_KEY"),
        (.storeKeyUnavailable, "無法建立或讀取資料庫金鑰檔，請確認資料夾權限", "the database key file cannot be created or read: check the folder's permissions"),
        (.storeKeyMissing, "找不到資料庫金鑰檔：請從備份還原 <資料庫>.key，或設定 $NHI_DB_KEY",
         "the database's key file is missing: restore <database>.key from the backup, or set $NHI_DB_KEY"),
        (.storeNotNew, "只有新建立的資料庫可標示為測試用資料庫", "only a new database can be marked as a test database"),
        (.storeLocationInvalid, "資料庫位置格式不正確：請給檔案路徑，或 postgres://使用者@主機:埠/資料庫（密碼請用 $NHI_DB_PASSWORD）",
         "the database location is not valid: give a file path or postgres://user@host:port/database (the password goes in $NHI_DB_PASSWORD)"),
        (.storeTargetNotEmpty, "目的資料庫已有資料，不搬移：請指定新的空白資料庫", "the target database already holds data; nothing was moved: give a new, empty database"),
        (.notAuthorised, "您沒有執行此作業的權限", "you are not authorised for this operation"),
        (.signInMethodUnavailable, "這台櫃檯電腦尚未提供此登入方式，請改用其他方式登入（例如健保卡＋註冊密碼）",
         "this counter does not offer this sign-in method yet; use another (for example NHI card + registration password)"),
        (.signInCertificateNotOrganisation, "插入的是個人憑證（自然人憑證或醫事人員卡），不是單位憑證：請取消勾選「單位憑證登入」並輸入身分證號",
         "the card holds a personal certificate (citizen or healthcare professional), not an organisation certificate: untick “Organisation certificate” and enter your ID"),
        (.signInCertificateNeedsUnitCode, "插入的是單位憑證（工商、政府或組織團體憑證）：請勾選「單位憑證登入」並輸入投保單位代號，不需身分證號",
         "the card holds an organisation certificate: tick “Organisation certificate” and enter the unit code instead of an ID"),
        (.signInUnitChoiceExpired, "選擇投保單位的時間已過或已取消，請重新登入", "the unit choice has expired or was cancelled: sign in again"),
        (.requestInvalidText, "資料欄位長度或字元不符規定", "a text field is too long or has characters that are not allowed"),
        (.unitAlreadyRegistered, "此投保單位代號已註冊", "this unit code is already registered"),
        (.unitNotRegistered, "此投保單位尚未註冊，請先執行單位註冊作業", "this unit is not registered; register it first"),
        (.unitCertificateNotOrganisation, "單位註冊須使用工商、政府或組織及團體憑證", "unit registration needs a MOEACA, GCA or XCA certificate"),
        (.unitCertificateMismatch, "單位憑證與投保單位統一編號不符", "the organisation certificate does not match the unit's UBN"),
        (.unitOwnerMismatch, "讀取的健保卡或身分不是該單位負責人", "the card or identity is not the unit owner's"),
        (.unitOwnerNotRegistered, "負責人健保卡尚未完成健保卡網路服務註冊", "the owner's NHI card is not registered for online services"),
        (.unitOwnerOTPMissing, "以OTP註冊須輸入負責人出生日期及健保快易通動態密碼", "registering by OTP needs the owner's birth date and the NHI app's code"),
        (.unitOwnerOTPRejected, "負責人出生日期或動態密碼不正確、逾時（3分鐘）或已使用", "the owner's birth date or app code is wrong, older than 3 minutes, or already used"),
        (.unitAgentNotGranted, "代辦統編須由該統編的投保單位管理者授權（或由健保署登錄）",
         "an agent UBN must be granted by an administrator of the unit with that UBN (or recorded by the NHI)"),
        (.unitFieldNotChangeable, "此欄位不可於單位資料維護變更，請臨櫃辦理", "this field cannot be changed in unit data maintenance; apply at a counter"),
        (.staffNotFound, "查無此管理者或承辦人", "no such administrator or operator"),
        (.staffNotAssigned, "您尚未被指派為該單位的管理者或承辦人（或已被刪除）", "you are not (or no longer) assigned to this unit"),
        (.staffAlreadyAssigned, "此人已被指派於本單位", "this person is already assigned to the unit"),
        (.staffCertificateSerialMissing, "請插入被指派人之自然人憑證並輸入PIN碼讀取憑證序號", "insert the assignee's citizen certificate and read its serial number with the PIN"),
        (.staffCertificateSerialMismatch, "憑證序號須為使用者本人憑證序號", "the certificate serial number is not the assignee's"),
        (.staffCertificateSerialFormat, "憑證序號格式不正確：應為讀卡工具讀出之16進位序號（8至40碼）或憑證卡號（如TP03000001234567）",
         "the certificate serial must be the hexadecimal serial the card tools read (8–40 digits) or the certificate card's number (e.g. TP03000001234567)"),
        (.staffCardNotRegistered, "健保卡尚未註冊，請先完成健保卡網路服務註冊", "the NHI card is not registered for online services yet"),
        (.staffCredentialKind, "憑證類別須為自然人憑證(醫事人員卡)或健保卡", "the credential must be a citizen certificate (or healthcare card) or an NHI card"),
        (.staffAgentAssignsAdministratorsOnly, "單位憑證為代辦統編只能指派管理者", "for an agent UBN an organisation certificate may assign administrators only"),
        (.accountAlreadyRegistered, "此健保卡已完成網路服務註冊", "this card is already registered for online services"),
        (.accountNotRegistered, "此健保卡尚未註冊網路服務", "this card is not registered for online services"),
        (.accountNotVerified, "尚未完成電子郵件信箱認證，請至信箱收取認證信或點選重寄認證信", "e-mail verification is not complete; use the mail or resend it"),
        (.accountNotPending, "沒有等待認證的註冊申請", "no registration is waiting for verification"),
        (.accountNotActive, "健保卡網路服務註冊未生效", "the online-service registration is not active"),
        (.accountServiceSuspended, "健保卡網路服務已暫停，請持身分證明文件臨櫃辦理", "online services are suspended; come to a counter with ID"),
        (.accountNotSuspended, "網路服務未暫停，無須恢復", "online services are not suspended, so there is nothing to resume"),
        (.accountNotLocked, "註冊密碼未被鎖定，無須解除", "the registration password is not locked, so there is nothing to unlock"),
        (.accountTokenInvalid, "認證連結無效或已使用", "the verification link is invalid or was used"),
        (.accountTokenExpired, "已超過5日認證期限，請點選重寄認證信", "the 5-day verification period has lapsed; resend the mail"),
        (.accountCardMismatch, "插入的健保卡與註冊資料不符", "the inserted card does not match the registration"),
        (.accountVillageMismatch, "修改電子郵件信箱需輸入正確的戶籍鄉鎮里鄰資料", "changing the e-mail needs the registered village"),
        (.accountVillageMissing, "請輸入戶籍鄉鎮里鄰", "enter the registered township and village"),
        (.accountHouseholdNumber, "戶號格式不正確（請見戶口名簿內頁左上角）", "household number not valid (see the household register)"),
        (.accountPasswordRequired, "請設定註冊密碼", "set a registration password"),
        (.accountWrongPassword, "密碼不正確 (9039)", "wrong password (9039)"),
        (.accountPasswordAlgorithm, "無法驗證密碼", "the password cannot be checked"),
        (.deviceNotFound, "查無此行動裝置", "no such device"),
        (.attachmentNameTooLong, "檔名不可超出25個字", "the file name must be at most 25 characters"),
        (.attachmentType, "檔案格式不符（證明文件限.jpg .pdf；照片限jpg、jpeg、gif、png）", "wrong file type (proof: .jpg .pdf; photos: jpg, jpeg, gif, png)"),
        (.attachmentSize, "檔案大小不得超過5M", "the file must not exceed 5 MB"),
        (.attachmentContent, "檔案內容與副檔名不符", "the file's content does not match its extension"),
        (.cardApplicationPhotoMissing, "更換照片或首次申請須上傳照片", "a new photo or a first card needs a photo"),
        (.cardApplicationAddress, "郵寄地址不完整", "the mailing address is incomplete"),
        (.ePaymentNotSubscribed, "尚未申請電子繳款單", "electronic payment slips are not subscribed"),
        (.filingNotInsuredHere, "非該單位在保險對象", "not an in-force insured person of the unit"),
        (.filingAlreadyInsuredHere, "保險對象已在本單位投保", "already insured with this unit"),
        (.filingPrincipalNotInsured, "眷屬所依附之被保險人未在本單位投保", "the dependant's insured person is not insured with this unit"),
        (.filingForeignerNeedsResidentID, "外籍人士請以居留證統一證號申報", "file a foreign national with the resident number"),
        (.filingForeignerDocuments, "未符合資格之外籍人士須上傳居留證影本及主管機關許可函影本", "a foreign national not automatically eligible needs the residence permit and the permit letter"),
        (.filingInsuredAmount, "投保金額不符規定", "the insured amount breaks a rule"),
        (.filingProofRequired, "請上傳證明文件", "proof documents are required"),
        (.filingAmountUnchanged, "調整後金額與目前投保金額相同", "the new amount equals the current one"),
        (.filingLabourSideMissing, "三合一申報須填月薪資總額、勞保投保薪資及勞退提繳工資", "three-in-one filings need salary, labour salary and pension wage"),
        (.filingPensionRate, "雇主提繳率至少6%，勞工自願提繳率為0至6%", "employer pension rate at least 6 %, voluntary 0–6 %"),
        (.filingThreeInOneNeedsLabourNumber, "請登打勞保證號，才能辦理三合一作業", "enter the labour-insurance number to file three-in-one"),
        (.filingLabourSalaryNotAGrade, "勞保投保薪資不是勞工保險投保薪資分級表的等級", "the labour-insurance salary is not a grade of the labour-insurance table"),
        (.filingPensionWageNotAGrade, "勞退月提繳工資不是勞工退休金月提繳分級表的等級", "the pension wage is not a grade of the labour-pension table"),
        (.filingNotPermitted, "您未被允許使用加退保業務功能", "you are not permitted to use the enrolment functions"),
        (.filingOwnerNeedsAssignment, "負責人欲使用加退保等異動作業，請先將自己的自然人憑證或健保卡新增為管理者",
         "the owner files only through an assignment: add the owner's citizen certificate or NHI card as an administrator first"),
        (.filingDuplicatePending, "此保險對象已有相同的異動尚未轉檔", "the same change for this person is waiting for conversion"),
        (.filingNotFound, "查無此筆申報資料", "no such filing"),
        (.filingNotDeletable, "申報資料僅能於申報當日轉檔前刪除", "a filing can be deleted only on its filing day, before conversion"),
        (.filingQueryRange, "僅提供過去二個月內檢核查詢", "check results are kept for the last two months only"),
        (.filingKind, "異動別不正確", "wrong kind of filing"),
        (.filingNotActive, "保險對象目前非在保狀態", "the person is not in an active state"),
        (.filingNotSuspended, "保險對象未停保，無法復保", "the person is not suspended, so cannot resume"),
        (.filingNothingToChange, "沒有要變更的資料", "nothing to change"),
        (.premiumCalculation, "保費無法計算", "the premium cannot be calculated"),
        (.billNotFound, "查無此繳款單", "no such bill"),
        (.paymentAmount, "繳款金額不正確", "wrong payment amount"),
        (.paymentDateTooSoon, "申請郵寄者，預計繳納日期須大於等於申請日加4個工作天", "for a mailed slip the payment date must be at least 4 working days ahead"),
        (.slipDownloadLimit, "繳款單一天只能下載3次", "a payment slip can be downloaded 3 times a day"),
        (.filingImportRejected, "檔案中有資料不符規定，整批未匯入", "rows of the file break rules; nothing was imported"),
        (.filingImportFormat, "申報檔格式錯誤，整批未匯入", "the filing file is malformed; nothing was imported"),
        (.filingBulkExcludesEmployers, "雇主或專技人員投保金額調整，請使用薪資調整作業(單筆)", "employers and professionals adjust one by one (single adjustment)"),
        (.dprFileUnreadable, "無法讀取補充保險費明細檔", "the DPR file cannot be read"),
        (.statementUnavailable, "本系統無法產生此明細表", "the store cannot produce this statement"),
        (.statementRange, "查詢年月迄不可早於起，且僅投保金額總額明細表(G1)可查詢區間", "the last month cannot precede the first, and only G1 covers a range of months"),
        (.statementNotFound, "查無此明細表申請", "no such statement request"),
        (.statementNotReady, "明細表尚未產生，請於每日轉檔後再下載", "the statement is not produced yet: download it after the nightly run"),
        (.dprPayerNotRegistered, "檔案的扣費單位統一編號尚未註冊為投保單位或扣費單位", "the file's payer UBN is not a registered insured or withholding unit"),
        (.dprNotPayer, "您不是此檔案扣費單位（統一編號）的管理者或承辦人", "you are not staff of the unit whose UBN the file carries"),
        (.batchFileUnreadable, "無法讀取整批註冊上傳檔", "the batch registration file cannot be read"),
        (.batchFileTooLarge, "整批註冊上傳檔超過 10 MB，請分成數個檔案上傳", "the batch registration file is over 10 MB: split it into several files"),
        (.batchFileRejected, "整批註冊上傳檔不符規定，未上傳", "the batch registration file breaks a rule; it was not uploaded"),
        (.batchJobNotFound, "查無此筆整批註冊紀錄，或您無權查看", "no such batch registration record, or you may not see it"),
        (.batchJobNotProcessed, "此筆上傳尚未入檔，無入檔記錄", "the upload is not processed yet; there is no log"),
        (.batchQueryRange, "整批註冊紀錄僅保存3個月", "batch registration records are kept for 3 months"),
    ]
}

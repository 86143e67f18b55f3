extension FormatError.Code {
    // Files
    /// The file cannot be opened (無法開啟檔案).
    public static let fileOpen: Self = "file.open"
    /// Reading the file failed (讀取檔案失敗).
    public static let fileRead: Self = "file.read"
    /// Writing the file failed (寫入檔案失敗).
    public static let fileWrite: Self = "file.write"
    /// The output path is a symbolic link; it is not followed (輸出路徑是符號連結，不予跟隨).
    public static let fileSymlink: Self = "file.symlink"
    /// The output path is not a regular file (a device, FIFO, socket or folder) (輸出路徑不是一般檔案（裝置、FIFO、socket或資料夾）).
    public static let fileNotRegular: Self = "file.notRegular"
    /// The output would replace one of the command's input files (輸出檔會覆蓋輸入檔).
    public static let fileOverwritesInput: Self = "file.overwritesInput"
    /// A line or field is longer than the limit; it is not held in memory (資料行或欄位超過長度上限（未載入記憶體）).
    public static let fileLineTooLong: Self = "file.lineTooLong"
    /// The file has no data rows (only blank lines, or nothing) (檔案無資料列).
    public static let fileNoRows: Self = "file.noRows"
    /// The file has more data rows than the limit (資料列數超過上限).
    public static let fileTooManyRows: Self = "file.tooManyRows"
    /// The file is larger than the limit of what reads it (檔案超過大小上限).
    public static let fileTooLarge: Self = "file.tooLarge"
    // Encodings
    /// Contains bytes that cannot be decoded (nothing was replaced) (含無法解碼的位元組（未以其他字元取代）).
    public static let encodingUndecodable: Self = "encoding.undecodable"
    /// Contains a character this encoding cannot represent (含此編碼無法表示的字元).
    public static let encodingUnencodable: Self = "encoding.unencodable"
    /// The encoding named does not match the file's byte-order mark (指定的編碼與檔案開頭的BOM不符).
    public static let encodingBOMMismatch: Self = "encoding.bomMismatch"
    // CSV syntax
    /// A quoted field has no closing quote (引號欄位沒有結束的引號).
    public static let csvUnterminatedQuote: Self = "csv.unterminatedQuote"
    /// A quote inside a field that is not quoted (未加引號的欄位中出現引號).
    public static let csvStrayQuote: Self = "csv.strayQuote"
    /// Text after a closing quote (結束引號後還有文字).
    public static let csvTextAfterQuote: Self = "csv.textAfterQuote"
    /// The record is too long (資料列過長).
    public static let csvRecordTooLong: Self = "csv.recordTooLong"
    /// The record has too many fields (欄位過多).
    public static let csvTooManyFields: Self = "csv.tooManyFields"
    // Excel damage
    /// Excel dropped the leading 0 (the column was not formatted as text); it is restored (開頭的0被Excel去掉了（欄位未設為文字格式），已補回).
    public static let excelLeadingZeroDropped: Self = "excel.leadingZeroDropped"
    /// Excel saved the number in scientific notation; digits are lost and cannot be recovered (Excel以科學記號儲存，部分數字已遺失，無法還原).
    public static let excelScientificNotation: Self = "excel.scientificNotation"
    /// Excel saved the number in scientific notation, but every digit survives; it is restored (Excel以科學記號儲存，但每位數字都還在，已還原).
    public static let excelScientificNotationRecovered: Self = "excel.scientificNotationRecovered"
    /// Contains full-width characters; converted to half-width (含全形字元，已改為半形).
    public static let excelFullWidth: Self = "excel.fullWidth"
    /// Contains stray spaces; removed (含多餘空白，已移除).
    public static let excelWhitespace: Self = "excel.whitespace"
    /// Letters are lower-case; upper-cased (英文字母為小寫，已改為大寫).
    public static let excelLowercase: Self = "excel.lowercase"
    /// Starts with = + - or @, which Excel treats as a formula (以 = + - @ 開頭，Excel開啟時會當成公式).
    public static let excelFormulaLike: Self = "excel.formulaLike"
    // Batch registration files
    /// The ID is missing (身分證號未填).
    public static let batchMissingID: Self = "batch.missingID"
    /// Not a valid national ID or resident number (不是有效的身分證號或居留證號).
    public static let batchInvalidID: Self = "batch.invalidID"
    /// The e-mail address is missing (required) (電子郵件未填（必填）).
    public static let batchMissingEmail: Self = "batch.missingEmail"
    /// Not a valid e-mail address (電子郵件格式錯誤).
    public static let batchInvalidEmail: Self = "batch.invalidEmail"
    /// Not a valid mobile number (行動電話格式錯誤).
    public static let batchInvalidMobile: Self = "batch.invalidMobile"
    /// Not a valid landline number (聯絡電話格式錯誤).
    public static let batchInvalidLandline: Self = "batch.invalidLandline"
    /// Not a valid mobile or landline number (電話格式錯誤（應為行動電話或市話）).
    public static let batchInvalidPhone: Self = "batch.invalidPhone"
    /// The same ID occurs twice in the file (同一檔案中身分證號重複).
    public static let batchDuplicateID: Self = "batch.duplicateID"
    /// Not an in-force insured person of the unit (非該單位在保險對象).
    public static let batchNotInForce: Self = "batch.notInForce"
    /// Not written in the standard form; rewritten (寫法不是標準格式，已改為標準格式).
    public static let batchReformatted: Self = "batch.reformatted"
    /// More columns than the layout has (欄位數超過格式).
    public static let batchTooManyColumns: Self = "batch.tooManyColumns"
    /// Extra empty columns; removed (多出空白欄位，已移除).
    public static let batchExtraColumns: Self = "batch.extraColumns"
    /// Fewer columns than the layout; the missing ones count as empty (欄位數少於格式，缺少的欄位視為空白).
    public static let batchMissingColumns: Self = "batch.missingColumns"
    /// Blank row, not data; removed (空白列，不是資料，已移除).
    public static let batchBlankRow: Self = "batch.blankRow"
    /// The name must be the unit code and the ROC date (e.g. 1100010001050801.csv) (檔名應為投保單位代號加民國年月日（例：1100010001050801.csv）).
    public static let batchFileName: Self = "batch.fileName"
    /// The date in the name does not exist (檔名中的日期不存在).
    public static let batchFileNameDate: Self = "batch.fileNameDate"
    /// Only .csv files can be uploaded (只限上傳.csv檔).
    public static let batchFileNameExtension: Self = "batch.fileNameExtension"
    /// The name uses a Gregorian date (the 2016 form); the ROC date is used now (檔名使用西元年（2016年的舊格式），目前請用民國年).
    public static let batchFileNameGregorian: Self = "batch.fileNameGregorian"
    /// The unit code in the name is not the uploading unit's (檔名中的投保單位代號與上傳單位不同).
    public static let batchFileNameUnitCode: Self = "batch.fileNameUnitCode"
    /// The file has undecodable text or broken CSV syntax; fix it by hand before repairing (檔案有無法解碼的文字或CSV格式錯誤，須先人工修正才能自動修復).
    public static let batchNotRepairable: Self = "batch.notRepairable"
    // Result logs
    /// A log's name is the upload name and an ROC timestamp (e.g. 1333974211050713.1050713104533.log) (紀錄檔名應為上傳檔名加民國年月日時分秒（例：1333974211050713.1050713104533.log）).
    public static let logFileName: Self = "log.fileName"
    /// A line of the log is not understood (紀錄檔中有無法辨識的行).
    public static let logLine: Self = "log.line"
    /// The time is not understood (e.g. 2016/7/13 上午 11:56:45) (時間格式錯誤（例：2016/7/13 上午 11:56:45）).
    public static let logTimestamp: Self = "log.timestamp"
    /// A log starts with 開始執行..., and ends with 結束執行... and the totals (紀錄檔應以「開始執行...」開始，以「結束執行...」及總計結束).
    public static let logStructure: Self = "log.structure"
    /// The totals do not match the lines (總計與明細不符).
    public static let logTotals: Self = "log.totals"
    /// A record number repeats or exceeds the total (資料筆數編號重複或超出總數).
    public static let logRecordOrder: Self = "log.recordOrder"
    // DPR supplementary-premium files
    /// The name must be DPR, the 8-digit UBN, the ROC date and a 3-digit sequence number (檔名應為DPR加統一編號8碼、民國年月日7碼及序號3碼).
    public static let dprFileName: Self = "dpr.fileName"
    /// The record type must be 1 (unit), 2 (detail) or 3 (totals) (資料類別應為1（單位）、2（明細）或3（合計）).
    public static let dprRecordType: Self = "dpr.recordType"
    /// Wrong number of fields (欄位數不符).
    public static let dprFieldCount: Self = "dpr.fieldCount"
    /// A field is not valid (欄位內容錯誤).
    public static let dprField: Self = "dpr.field"
    /// The income code must be 62, 63, 65, 66, 67 or 68 (所得類別應為62、63、65、66、67或68).
    public static let dprIncomeCode: Self = "dpr.incomeCode"
    /// The unit record (type 1) is missing (缺少單位資料（資料類別1）).
    public static let dprMissingUnitRecord: Self = "dpr.missingUnitRecord"
    /// More than one unit record (type 1) (單位資料（資料類別1）重複).
    public static let dprDuplicateUnitRecord: Self = "dpr.duplicateUnitRecord"
    /// The totals record (type 3) is missing (缺少合計資料（資料類別3）).
    public static let dprMissingTotalsRecord: Self = "dpr.missingTotalsRecord"
    /// Records are out of order (資料順序錯誤).
    public static let dprRecordOrder: Self = "dpr.recordOrder"
    /// The record count does not match the details (申報筆數與明細筆數不符).
    public static let dprCount: Self = "dpr.count"
    /// The total paid does not match the details (給付總額與明細合計不符).
    public static let dprTotalPaid: Self = "dpr.totalPaid"
    /// The total premium does not match the details (扣繳補充保險費總額與明細合計不符).
    public static let dprTotalPremium: Self = "dpr.totalPremium"
    /// The payment date is outside the filing period (給付日期不在申報期間內).
    public static let dprPeriod: Self = "dpr.period"
    /// A fixed-width record must be 200 bytes (固定長度資料每筆應為200位元組).
    public static let dprRecordLength: Self = "dpr.recordLength"
    /// The value is longer than its field (資料超過欄位長度).
    public static let dprFieldTooLong: Self = "dpr.fieldTooLong"
    /// The same detail occurs twice (明細重複).
    public static let dprDuplicateDetail: Self = "dpr.duplicateDetail"
    /// The premium withheld does not match the computed premium (扣繳補充保險費金額與計算結果不符).
    public static let dprPremium: Self = "dpr.premium"
    // Rosters and lists
    /// No ID column (找不到身分證號欄).
    public static let rosterMissingIDColumn: Self = "roster.missingIDColumn"
    /// Not a valid national ID or resident number (身分證號錯誤).
    public static let rosterInvalidID: Self = "roster.invalidID"
    /// The same ID occurs twice in the roster (名冊中身分證號重複).
    public static let rosterDuplicateID: Self = "roster.duplicateID"
    /// A roster field is not valid (名冊欄位內容錯誤).
    public static let rosterField: Self = "roster.field"
    /// The header row does not match the layout (標題列與格式不符).
    public static let listHeader: Self = "list.header"
    /// A field is not valid (欄位內容錯誤).
    public static let listField: Self = "list.field"
    /// The selection column must be Y/N, 是/否, V or empty (選取欄應為Y/N、是/否、V或空白).
    public static let listSelection: Self = "list.selection"
}

extension FormatError {
    /// Every code NHIFormats reports, with a one-line explanation in both languages.
    /// `Documentation/ErrorCodes.md` lists the same table; a test keeps them in step.
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.fileOpen, "無法開啟檔案", "the file cannot be opened"),
        (.fileRead, "讀取檔案失敗", "reading the file failed"),
        (.fileWrite, "寫入檔案失敗", "writing the file failed"),
        (.fileSymlink, "輸出路徑是符號連結，不予跟隨", "the output path is a symbolic link; it is not followed"),
        (.fileNotRegular, "輸出路徑不是一般檔案（裝置、FIFO、socket或資料夾）", "the output path is not a regular file (a device, FIFO, socket or folder)"),
        (.fileOverwritesInput, "輸出檔會覆蓋輸入檔", "the output would replace one of the command's input files"),
        (.fileLineTooLong, "資料行或欄位超過長度上限（未載入記憶體）", "a line or field is longer than the limit; it is not held in memory"),
        (.fileNoRows, "檔案無資料列", "the file has no data rows (only blank lines, or nothing)"),
        (.fileTooManyRows, "資料列數超過上限", "the file has more data rows than the limit"),
        (.fileTooLarge, "檔案超過大小上限", "the file is larger than the limit"),
        (.encodingUndecodable, "含無法解碼的位元組（未以其他字元取代）", "contains bytes that cannot be decoded (nothing was replaced)"),
        (.encodingUnencodable, "含此編碼無法表示的字元", "contains a character this encoding cannot represent"),
        (.encodingBOMMismatch, "指定的編碼與檔案開頭的BOM不符", "the encoding named does not match the file's byte-order mark"),
        (.csvUnterminatedQuote, "引號欄位沒有結束的引號", "a quoted field has no closing quote"),
        (.csvStrayQuote, "未加引號的欄位中出現引號", "a quote inside a field that is not quoted"),
        (.csvTextAfterQuote, "結束引號後還有文字", "text after a closing quote"),
        (.csvRecordTooLong, "資料列過長", "the record is too long"),
        (.csvTooManyFields, "欄位過多", "the record has too many fields"),
        (.excelLeadingZeroDropped, "開頭的0被Excel去掉了（欄位未設為文字格式），已補回", "Excel dropped the leading 0 (the column was not formatted as text); it is restored"),
        (.excelScientificNotation, "Excel以科學記號儲存，部分數字已遺失，無法還原", "Excel saved the number in scientific notation; digits are lost and cannot be recovered"),
        (.excelScientificNotationRecovered, "Excel以科學記號儲存，但每位數字都還在，已還原", "Excel saved the number in scientific notation, but every digit survives; it is restored"),
        (.excelFullWidth, "含全形字元，已改為半形", "contains full-width characters; converted to half-width"),
        (.excelWhitespace, "含多餘空白，已移除", "contains stray spaces; removed"),
        (.excelLowercase, "英文字母為小寫，已改為大寫", "letters are lower-case; upper-cased"),
        (.excelFormulaLike, "以 = + - @ 開頭，Excel開啟時會當成公式", "starts with = + - or @, which Excel treats as a formula"),
        (.batchMissingID, "身分證號未填", "the ID is missing"),
        (.batchInvalidID, "不是有效的身分證號或居留證號", "not a valid national ID or resident number"),
        (.batchMissingEmail, "電子郵件未填（必填）", "the e-mail address is missing (required)"),
        (.batchInvalidEmail, "電子郵件格式錯誤", "not a valid e-mail address"),
        (.batchInvalidMobile, "行動電話格式錯誤", "not a valid mobile number"),
        (.batchInvalidLandline, "聯絡電話格式錯誤", "not a valid landline number"),
        (.batchInvalidPhone, "電話格式錯誤（應為行動電話或市話）", "not a valid mobile or landline number"),
        (.batchDuplicateID, "同一檔案中身分證號重複", "the same ID occurs twice in the file"),
        (.batchNotInForce, "非該單位在保險對象", "not an in-force insured person of the unit"),
        (.batchReformatted, "寫法不是標準格式，已改為標準格式", "not written in the standard form; rewritten"),
        (.batchTooManyColumns, "欄位數超過格式", "more columns than the layout has"),
        (.batchExtraColumns, "多出空白欄位，已移除", "extra empty columns; removed"),
        (.batchMissingColumns, "欄位數少於格式，缺少的欄位視為空白", "fewer columns than the layout; the missing ones count as empty"),
        (.batchBlankRow, "空白列，不是資料，已移除", "blank row, not data; removed"),
        (.batchFileName, "檔名應為投保單位代號加民國年月日（例：1100010001050801.csv）", "the name must be the unit code and the ROC date (e.g. 1100010001050801.csv)"),
        (.batchFileNameDate, "檔名中的日期不存在", "the date in the name does not exist"),
        (.batchFileNameExtension, "只限上傳.csv檔", "only .csv files can be uploaded"),
        (.batchFileNameGregorian, "檔名使用西元年（2016年的舊格式），目前請用民國年", "the name uses a Gregorian date (the 2016 form); the ROC date is used now"),
        (.batchFileNameUnitCode, "檔名中的投保單位代號與上傳單位不同", "the unit code in the name is not the uploading unit's"),
        (.batchNotRepairable, "檔案有無法解碼的文字或CSV格式錯誤，須先人工修正才能自動修復", "the file has undecodable text or broken CSV syntax; fix it by hand before repairing"),
        (.logFileName, "紀錄檔名應為上傳檔名加民國年月日時分秒（例：1333974211050713.1050713104533.log）", "a log's name is the upload name and an ROC timestamp (e.g. 1333974211050713.1050713104533.log)"),
        (.logLine, "紀錄檔中有無法辨識的行", "a line of the log is not understood"),
        (.logTimestamp, "時間格式錯誤（例：2016/7/13 上午 11:56:45）", "the time is not understood (e.g. 2016/7/13 上午 11:56:45)"),
        (.logStructure, "紀錄檔應以「開始執行...」開始，以「結束執行...」及總計結束", "a log starts with 開始執行..., and ends with 結束執行... and the totals"),
        (.logTotals, "總計與明細不符", "the totals do not match the lines"),
        (.logRecordOrder, "資料筆數編號重複或超出總數", "a record number repeats or exceeds the total"),
        (.dprFileName, "檔名應為DPR加統一編號8碼、民國年月日7碼及序號3碼", "the name must be DPR, the 8-digit UBN, the ROC date and a 3-digit sequence number"),
        (.dprRecordType, "資料類別應為1（單位）、2（明細）或3（合計）", "the record type must be 1 (unit), 2 (detail) or 3 (totals)"),
        (.dprFieldCount, "欄位數不符", "wrong number of fields"),
        (.dprField, "欄位內容錯誤", "a field is not valid"),
        (.dprIncomeCode, "所得類別應為62、63、65、66、67或68", "the income code must be 62, 63, 65, 66, 67 or 68"),
        (.dprMissingUnitRecord, "缺少單位資料（資料類別1）", "the unit record (type 1) is missing"),
        (.dprDuplicateUnitRecord, "單位資料（資料類別1）重複", "more than one unit record (type 1)"),
        (.dprMissingTotalsRecord, "缺少合計資料（資料類別3）", "the totals record (type 3) is missing"),
        (.dprRecordOrder, "資料順序錯誤", "records are out of order"),
        (.dprCount, "申報筆數與明細筆數不符", "the record count does not match the details"),
        (.dprTotalPaid, "給付總額與明細合計不符", "the total paid does not match the details"),
        (.dprTotalPremium, "扣繳補充保險費總額與明細合計不符", "the total premium does not match the details"),
        (.dprPeriod, "給付日期不在申報期間內", "the payment date is outside the filing period"),
        (.dprRecordLength, "固定長度資料每筆應為200位元組", "a fixed-width record must be 200 bytes"),
        (.dprFieldTooLong, "資料超過欄位長度", "the value is longer than its field"),
        (.dprDuplicateDetail, "明細重複", "the same detail occurs twice"),
        (.dprPremium, "扣繳補充保險費金額與計算結果不符", "the premium withheld does not match the computed premium"),
        (.rosterMissingIDColumn, "找不到身分證號欄", "no ID column"),
        (.rosterInvalidID, "身分證號錯誤", "not a valid national ID or resident number"),
        (.rosterDuplicateID, "名冊中身分證號重複", "the same ID occurs twice in the roster"),
        (.rosterField, "名冊欄位內容錯誤", "a roster field is not valid"),
        (.listHeader, "標題列與格式不符", "the header row does not match the layout"),
        (.listField, "欄位內容錯誤", "a field is not valid"),
        (.listSelection, "選取欄應為Y/N、是/否、V或空白", "the selection column must be Y/N, 是/否, V or empty"),
    ]

    /// The catalog text for a code (the code itself for an unknown code).
    static func catalogText(_ code: Code) -> (zh: String, en: String) {
        catalogIndex[code] ?? (code.rawValue, code.rawValue)
    }

    private static let catalogIndex: [Code: (zh: String, en: String)] = {
        var index: [Code: (zh: String, en: String)] = [:]
        for entry in catalog { index[entry.code] = (entry.zh, entry.en) }
        return index
    }()
}

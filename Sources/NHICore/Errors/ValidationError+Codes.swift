extension ValidationError.Code {
    // National ID (身分證字號)
    public static let nationalIDEmpty: Self = "nationalID.empty"
    public static let nationalIDLength: Self = "nationalID.length"
    public static let nationalIDLetter: Self = "nationalID.letter"
    public static let nationalIDSex: Self = "nationalID.sex"
    public static let nationalIDDigits: Self = "nationalID.digits"
    public static let nationalIDChecksum: Self = "nationalID.checksum"
    // Resident certificate number (居留證統一證號)
    public static let residentIDLength: Self = "residentID.length"
    public static let residentIDFormat: Self = "residentID.format"
    public static let residentIDChecksum: Self = "residentID.checksum"
    // Either of them
    public static let personalIDFormat: Self = "personalID.format"
    // UBN (統一編號)
    public static let ubnFormat: Self = "ubn.format"
    public static let ubnChecksum: Self = "ubn.checksum"
    // Other identifiers
    public static let unitCodeFormat: Self = "unitCode.format"
    public static let labourInsuranceNumberFormat: Self = "labourInsuranceNumber.format"
    public static let nhiCardNumberFormat: Self = "nhiCardNumber.format"
    public static let certificateCardNumberFormat: Self = "certificateCardNumber.format"
    // Phones
    public static let mobileFormat: Self = "mobile.format"
    public static let mobilePrefix: Self = "mobile.prefix"
    public static let landlineFormat: Self = "landline.format"
    public static let landlineAreaCode: Self = "landline.areaCode"
    public static let landlineLength: Self = "landline.length"
    public static let landlineExtension: Self = "landline.extension"
    // E-mail
    public static let emailFormat: Self = "email.format"
    public static let emailLocalPart: Self = "email.localPart"
    public static let emailDomain: Self = "email.domain"
    public static let emailLength: Self = "email.length"
    // Dates
    public static let rocDateFormat: Self = "rocDate.format"
    public static let rocDateYear: Self = "rocDate.year"
    public static let rocDateMonth: Self = "rocDate.month"
    public static let rocDateDay: Self = "rocDate.day"
    public static let dateFormat: Self = "date.format"
    public static let dateInvalid: Self = "date.invalid"
    // Secrets
    public static let passwordLength: Self = "password.length"
    public static let passwordCharacters: Self = "password.characters"
    public static let pinLength: Self = "pin.length"
    public static let pinCharacters: Self = "pin.characters"
    // Money
    public static let moneyFormat: Self = "money.format"
    public static let moneyNegative: Self = "money.negative"
    public static let moneyOverflow: Self = "money.overflow"
    // Models
    public static let nameEmpty: Self = "name.empty"
    public static let nameLength: Self = "name.length"
    public static let nameCharacters: Self = "name.characters"
    public static let relationInLaw: Self = "relation.inLaw"
    public static let relationNotEligible: Self = "relation.notEligible"
    public static let relationUnknown: Self = "relation.unknown"
    public static let contactPhoneMissing: Self = "contactPhone.missing"
    public static let unitNameEmpty: Self = "unitName.empty"
    // Stored free text (TextRule)
    public static let textEmpty: Self = "text.empty"
    public static let textLength: Self = "text.length"
    public static let textCharacters: Self = "text.characters"
    public static let textFormula: Self = "text.formula"
    public static let labourInsuranceNumberMissing: Self = "labourInsuranceNumber.missing"
    public static let categoryUnknown: Self = "category.unknown"
    public static let personForeignNeedsResidentID: Self = "personalID.foreignNeedsResidentID"
    // Auto-detection
    public static let valueUnrecognised: Self = "value.unrecognised"
}

extension ValidationError {
    /// Every code NHICore can throw, with a one-line explanation in both languages.
    /// `Documentation/ErrorCodes.md` lists the same table; a test keeps them in step.
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.nationalIDEmpty, "未輸入", "no value given"),
        (.nationalIDLength, "應為10碼", "must be 10 characters"),
        (.nationalIDLetter, "第1碼應為英文字母", "first character must be a letter A–Z"),
        (.nationalIDSex, "第2碼應為1(男)或2(女)", "second character must be 1 (male) or 2 (female)"),
        (.nationalIDDigits, "第2至10碼應為數字", "characters 2–10 must be digits"),
        (.nationalIDChecksum, "檢查碼不符", "check digit does not match"),
        (.residentIDLength, "應為10碼", "must be 10 characters"),
        (.residentIDFormat, "格式應為1英文字母加8或9再8碼數字(新式)，或2英文字母加8碼數字(舊式)", "must be a letter, 8 or 9 and 8 digits (new form) or two letters and 8 digits (old form)"),
        (.residentIDChecksum, "檢查碼不符", "check digit does not match"),
        (.personalIDFormat, "不是身分證號，也不是居留證統一證號", "neither a national ID nor a resident number"),
        (.ubnFormat, "應為8碼數字", "must be 8 digits"),
        (.ubnChecksum, "檢查碼不符", "check digit does not match"),
        (.unitCodeFormat, "應為9碼數字", "must be 9 digits"),
        (.labourInsuranceNumberFormat, "應為8碼數字加1碼英文檢查碼", "must be 8 digits and a check letter"),
        (.nhiCardNumberFormat, "應為12碼數字", "must be 12 digits"),
        (.certificateCardNumberFormat, "應為2碼英文加14碼數字，或4碼英文加12碼數字", "must be 2 letters and 14 digits, or 4 letters and 12 digits"),
        (.mobileFormat, "應為09開頭共10碼數字", "must be 10 digits starting with 09"),
        (.mobilePrefix, "行動電話應以09開頭", "a mobile number starts with 09"),
        (.landlineFormat, "格式無法辨識，請寫成 區碼-號碼#分機", "not understood; write area code-number#extension"),
        (.landlineAreaCode, "區碼不存在或未填", "missing or unknown area code"),
        (.landlineLength, "號碼長度與區碼不符", "number length does not fit the area code"),
        (.landlineExtension, "分機應為1至6碼數字", "extension must be 1–6 digits"),
        (.emailFormat, "應為 名稱@網域 格式", "must look like name@domain"),
        (.emailLocalPart, "@前的名稱含不允許的字元或點號位置錯誤", "the part before @ has characters or dots mail systems reject"),
        (.emailDomain, "網域名稱不正確", "the domain is not valid"),
        (.emailLength, "長度超過限制", "too long"),
        (.rocDateFormat, "日期格式無法辨識（例：1050530、105/05/30、民國105年5月30日）", "date not understood (e.g. 1050530, 105/05/30, 民國105年5月30日)"),
        (.rocDateYear, "民國年不正確", "ROC year out of range"),
        (.rocDateMonth, "月份應為1至12", "month must be 1–12"),
        (.rocDateDay, "該月沒有這一天", "that month has no such day"),
        (.dateFormat, "日期格式應為 YYYY-MM-DD", "date must be YYYY-MM-DD"),
        (.dateInvalid, "日期不存在", "no such calendar date"),
        (.passwordLength, "長度應為6至12碼", "must be 6–12 characters"),
        (.passwordCharacters, "只可使用英文字母、數字及符號，不可有空白或中文", "letters, digits and symbols only; no spaces or CJK"),
        (.pinLength, "PIN碼長度錯誤，應為6至8碼 (9041)", "PIN length wrong, must be 6–8 (9041)"),
        (.pinCharacters, "PIN碼只可使用英文字母及數字", "PIN may contain letters and digits only"),
        (.moneyFormat, "金額應為整數元", "amount must be whole NT dollars"),
        (.moneyNegative, "金額不可為負數", "amount must not be negative"),
        (.moneyOverflow, "金額過大", "amount too large"),
        (.nameEmpty, "未輸入", "no value given"),
        (.nameLength, "過長", "too long"),
        (.nameCharacters, "含控制字元或不允許的符號", "contains control characters or forbidden symbols"),
        (.relationInLaw, "姻親（公婆、岳父母等）不得為眷屬", "in-laws can never be dependants"),
        (.relationNotEligible, "此稱謂不符合眷屬資格", "this relation does not qualify as a dependant"),
        (.relationUnknown, "稱謂無法辨識", "relation not recognised"),
        (.contactPhoneMissing, "聯絡電話或行動電話須填入一項", "give a landline or a mobile number"),
        (.unitNameEmpty, "未輸入", "no value given"),
        (.textEmpty, "未輸入", "no value given"),
        (.textLength, "過長", "too long"),
        (.textCharacters, "含換行、控制字元、不可見字元或不允許的符號", "contains line breaks, control or invisible characters, or forbidden symbols"),
        (.textFormula, "不可以 = + - @ 開頭（試算表會當作公式執行）", "must not start with = + - @ (a spreadsheet would run it as a formula)"),
        (.labourInsuranceNumberMissing, "單位參加勞(農)保者，請務必填寫勞保證號", "a unit in labour insurance must give its labour-insurance number"),
        (.categoryUnknown, "身分別無法辨識", "insured category not recognised"),
        (.personForeignNeedsResidentID, "外籍人士應以居留證統一證號投保", "a foreign national is identified by a resident number"),
        (.valueUnrecognised, "無法判斷資料種類，請指定資料種類", "cannot tell what kind of value this is; say which kind it is"),
    ]

    /// Creates an error whose message is the catalog's text for `code`.
    static func make(_ code: Code, _ field: Field, input: String?) -> ValidationError {
        let entry = catalogIndex[code]
        return ValidationError(code, field: field, input: input, zh: entry?.zh ?? code.rawValue, en: entry?.en ?? code.rawValue)
    }

    private static let catalogIndex: [Code: (zh: String, en: String)] = {
        var index: [Code: (zh: String, en: String)] = [:]
        for entry in catalog { index[entry.code] = (entry.zh, entry.en) }
        return index
    }()
}

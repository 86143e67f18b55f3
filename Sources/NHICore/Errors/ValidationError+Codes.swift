extension ValidationError.Code {
    // National ID (身分證字號)
    /// `nationalID.empty`: no ID was given.
    public static let nationalIDEmpty: Self = "nationalID.empty"
    /// `nationalID.length`: a national ID is not 10 characters.
    public static let nationalIDLength: Self = "nationalID.length"
    /// `nationalID.letter`: the first character of a national ID is not a letter A–Z.
    public static let nationalIDLetter: Self = "nationalID.letter"
    /// `nationalID.sex`: the second character is not 1 (male) or 2 (female).
    public static let nationalIDSex: Self = "nationalID.sex"
    /// `nationalID.digits`: characters 2–10 are not all digits.
    public static let nationalIDDigits: Self = "nationalID.digits"
    /// `nationalID.checksum`: the check digit does not match (`A123456788`).
    public static let nationalIDChecksum: Self = "nationalID.checksum"
    // Resident certificate number (居留證統一證號)
    /// `residentID.length`: a resident number is not 10 characters.
    public static let residentIDLength: Self = "residentID.length"
    /// `residentID.format`: neither the new form (letter, 8 or 9, 8 digits) nor the old (two letters, 8 digits).
    public static let residentIDFormat: Self = "residentID.format"
    /// `residentID.checksum`: the check digit of a resident number does not match (`A800000000`).
    public static let residentIDChecksum: Self = "residentID.checksum"
    // Either of them
    /// `personalID.format`: neither a national ID nor a resident number.
    public static let personalIDFormat: Self = "personalID.format"
    // UBN (統一編號)
    /// `ubn.format`: a UBN (統一編號) is not 8 digits.
    public static let ubnFormat: Self = "ubn.format"
    /// `ubn.checksum`: the UBN fails its check rule (divisible by 5 since 2023-04-01, by 10 before).
    public static let ubnChecksum: Self = "ubn.checksum"
    // Other identifiers
    /// `unitCode.format`: a unit code (投保單位代號) is not 9 digits.
    public static let unitCodeFormat: Self = "unitCode.format"
    /// `labourInsuranceNumber.format`: a labour-insurance number (勞保證號) is not 8 digits and a check letter.
    public static let labourInsuranceNumberFormat: Self = "labourInsuranceNumber.format"
    /// `nhiCardNumber.format`: an NHI card number is not 12 digits.
    public static let nhiCardNumberFormat: Self = "nhiCardNumber.format"
    /// `certificateCardNumber.format`: a certificate card number is not 2 letters + 14 digits nor 4 letters + 12 digits.
    public static let certificateCardNumberFormat: Self = "certificateCardNumber.format"
    // Phones
    /// `mobile.format`: a mobile number is not 10 digits after removing separators and `+886`.
    public static let mobileFormat: Self = "mobile.format"
    /// `mobile.prefix`: 10 digits that do not start with `09`.
    public static let mobilePrefix: Self = "mobile.prefix"
    /// `landline.format`: a landline number is not understood; it should read area code-number#extension.
    public static let landlineFormat: Self = "landline.format"
    /// `landline.areaCode`: the area code is missing or unknown.
    public static let landlineAreaCode: Self = "landline.areaCode"
    /// `landline.length`: the subscriber number's length does not fit the area code.
    public static let landlineLength: Self = "landline.length"
    /// `landline.extension`: the extension is not 1–6 digits.
    public static let landlineExtension: Self = "landline.extension"
    // E-mail
    /// `email.format`: not `name@domain`.
    public static let emailFormat: Self = "email.format"
    /// `email.localPart`: the part before `@` has characters or dots mail systems reject.
    public static let emailLocalPart: Self = "email.localPart"
    /// `email.domain`: the domain is not valid.
    public static let emailDomain: Self = "email.domain"
    /// `email.length`: the address (254) or its local part (64) is too long.
    public static let emailLength: Self = "email.length"
    // Dates
    /// `rocDate.format`: an ROC date is not in a known written form (`1050530`, `105/05/30`, `民國105年5月30日`).
    public static let rocDateFormat: Self = "rocDate.format"
    /// `rocDate.year`: the ROC year is out of range.
    public static let rocDateYear: Self = "rocDate.year"
    /// `rocDate.month`: the month is not 1–12.
    public static let rocDateMonth: Self = "rocDate.month"
    /// `rocDate.day`: the month has no such day (`1120229`).
    public static let rocDateDay: Self = "rocDate.day"
    /// `date.format`: a Gregorian date is not `YYYY-MM-DD`.
    public static let dateFormat: Self = "date.format"
    /// `date.invalid`: no such Gregorian date (2023-02-29).
    public static let dateInvalid: Self = "date.invalid"
    // Secrets
    /// `password.length`: a registration password (註冊密碼) is not 6–12 characters.
    public static let passwordLength: Self = "password.length"
    /// `password.characters`: a registration password has a space, a CJK character or another non-printable-ASCII one.
    public static let passwordCharacters: Self = "password.characters"
    /// `pin.length`: a certificate PIN is not 6–8 characters; the NHI's screens show it as error 9041.
    public static let pinLength: Self = "pin.length"
    /// `pin.characters`: a certificate PIN has characters other than letters and digits.
    public static let pinCharacters: Self = "pin.characters"
    // Money
    /// `money.format`: an amount is not whole NT dollars (`29,500`, `NT$29,500`).
    public static let moneyFormat: Self = "money.format"
    /// `money.negative`: an amount is negative.
    public static let moneyNegative: Self = "money.negative"
    /// `money.overflow`: an amount has more than 15 digits.
    public static let moneyOverflow: Self = "money.overflow"
    // Models
    /// `name.empty`: a person's name is empty.
    public static let nameEmpty: Self = "name.empty"
    /// `name.length`: a person's name is longer than 40 characters.
    public static let nameLength: Self = "name.length"
    /// `name.characters`: a person's name has control characters or a forbidden symbol (`<` `>` `"` `=` `;`).
    public static let nameCharacters: Self = "name.characters"
    /// `relation.inLaw`: an in-law (公婆, 岳父母 …) was given as a dependant's relation; in-laws are never dependants.
    public static let relationInLaw: Self = "relation.inLaw"
    /// `relation.notEligible`: a relation (a sibling, say) that does not qualify as a dependant (眷屬).
    public static let relationNotEligible: Self = "relation.notEligible"
    /// `relation.unknown`: a relation that is not recognised.
    public static let relationUnknown: Self = "relation.unknown"
    /// `contactPhone.missing`: neither a landline nor a mobile number was given; one is required.
    public static let contactPhoneMissing: Self = "contactPhone.missing"
    /// `unitName.empty`: a unit's name is empty.
    public static let unitNameEmpty: Self = "unitName.empty"
    // Stored free text (TextRule)
    /// `text.empty`: free text checked by a ``TextRule`` is empty.
    public static let textEmpty: Self = "text.empty"
    /// `text.length`: free text is longer than its rule's ``TextRule/maxLength``.
    public static let textLength: Self = "text.length"
    /// `text.characters`: free text has line breaks, control or invisible characters, or forbidden symbols.
    public static let textCharacters: Self = "text.characters"
    /// `text.formula`: free text starts with `=`, `+`, `-` or `@`, which a spreadsheet runs as a formula.
    public static let textFormula: Self = "text.formula"
    /// `labourInsuranceNumber.missing`: a unit in labour insurance (not NHI-only) gave no labour-insurance number.
    public static let labourInsuranceNumberMissing: Self = "labourInsuranceNumber.missing"
    /// `category.unknown`: an insured category (身分別) that is not recognised.
    public static let categoryUnknown: Self = "category.unknown"
    /// `personalID.foreignNeedsResidentID`: a foreign national (外籍人士) given with a national ID instead of a resident
    /// number.
    public static let personForeignNeedsResidentID: Self = "personalID.foreignNeedsResidentID"
    // Auto-detection
    /// `value.unrecognised`: ``ValueCheck`` could not tell what kind of value the input is.
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

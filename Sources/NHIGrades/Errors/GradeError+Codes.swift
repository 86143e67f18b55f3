/// The stable codes of ``GradeError``; ``GradeError/catalog`` explains each in both languages.
extension GradeError.Code {
    // Table and rules files
    public static let tableUnreadable: Self = "table.unreadable"
    public static let tableMalformed: Self = "table.malformed"
    public static let tableKind: Self = "table.kind"
    public static let tableEmpty: Self = "table.empty"
    public static let tableUnsorted: Self = "table.unsorted"
    public static let tableDuplicateGrade: Self = "table.duplicateGrade"
    public static let tableGap: Self = "table.gap"
    public static let tableOverlap: Self = "table.overlap"
    public static let tableProvenance: Self = "table.provenance"
    public static let tablePartTime: Self = "table.partTime"
    public static let tableDirectory: Self = "table.directory"
    public static let tableNotInForce: Self = "table.notInForce"
    // Rates, shares and rules
    public static let rateNotInForce: Self = "rate.notInForce"
    public static let rateFormat: Self = "rate.format"
    public static let rateRange: Self = "rate.range"
    public static let sharesSum: Self = "shares.sum"
    public static let sharesMissing: Self = "shares.missing"
    // Inputs
    public static let amountNegative: Self = "amount.negative"
    public static let amountOverflow: Self = "amount.overflow"
    public static let dependantsNegative: Self = "dependants.negative"
    public static let daysRange: Self = "days.range"
    // Insured amounts (also used as findings of an insured-amount check)
    public static let insuredAmountNotAGrade: Self = "insuredAmount.notAGrade"
    public static let insuredAmountBelowSalaryGrade: Self = "insuredAmount.belowSalaryGrade"
    public static let insuredAmountNeedsProof: Self = "insuredAmount.needsProof"
    public static let insuredAmountBelowGrade6: Self = "insuredAmount.belowGrade6"
    public static let insuredAmountBelowLabourSalary: Self = "insuredAmount.belowLabourSalary"
    public static let insuredAmountBelowPensionWage: Self = "insuredAmount.belowPensionWage"
    // Labour pension and occupational accident
    public static let pensionEmployerRate: Self = "pension.employerRate"
    public static let pensionVoluntaryRate: Self = "pension.voluntaryRate"
    public static let accidentIndustryRate: Self = "accident.industryRate"
    // Supplementary premium
    public static let supplementaryIncomeCode: Self = "supplementary.incomeCode"
    public static let supplementaryInsuredAmountMissing: Self = "supplementary.insuredAmountMissing"
    // Filings
    public static let withdrawalNeedsProof: Self = "withdrawal.needsProof"
    public static let bulkUnknownPerson: Self = "bulk.unknownPerson"
}

extension GradeError {
    /// Every code NHIGrades can throw or report, with a one-line explanation in both
    /// languages. `Documentation/ErrorCodes.md` lists the same table; a test keeps them in step.
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.tableUnreadable, "無法讀取分級表檔案", "cannot read the table file"),
        (.tableMalformed, "分級表檔案格式錯誤", "the table file does not have the expected JSON shape"),
        (.tableKind, "不明的表別", "unknown table kind"),
        (.tableEmpty, "分級表沒有任何級距", "the table has no grades"),
        (.tableUnsorted, "級距金額未依序遞增", "grade amounts are not in increasing order"),
        (.tableDuplicateGrade, "等級編號或金額重複", "a grade number or amount appears twice"),
        (.tableGap, "等級編號不連續（應自1起依序編號）", "grade numbers have a gap (they must run 1, 2, 3 …)"),
        (.tableOverlap, "同一種表有兩份相同生效日期的資料", "two tables or entries of the same kind take effect on the same date"),
        (.tableProvenance, "缺少法令依據或資料來源（無令號時須於 notes 說明）", "missing legal instrument or source (explain in notes when the instrument number is unknown)"),
        (.tablePartTime, "部分工時級距應低於第一級且依序遞增", "part-time grades must increase and stay below the first regular grade"),
        (.tableDirectory, "找不到分級表目錄", "tables directory not found"),
        (.tableNotInForce, "該日期沒有生效的分級表", "no table of this kind is in force on that date"),
        (.rateNotInForce, "該日期沒有生效的費率或規定", "no rate or rule is in force on that date"),
        (.rateFormat, "費率格式錯誤（例：5.17%、0.56）", "rate not understood (e.g. 5.17%, 0.56)"),
        (.rateRange, "費率超出允許範圍", "rate out of the allowed range"),
        (.sharesSum, "負擔比率合計應為100%", "shares must add up to 100%"),
        (.sharesMissing, "缺少此身分別的負擔比率", "no premium shares for this insured category"),
        (.amountNegative, "金額不可為負數", "amount must not be negative"),
        (.amountOverflow, "金額過大，無法精確計算", "amount too large to compute exactly"),
        (.dependantsNegative, "眷口數不可為負數", "the number of dependants must not be negative"),
        (.daysRange, "投保日數應為1至30日", "days insured must be 1–30"),
        (.insuredAmountNotAGrade, "不是該日生效分級表的投保金額", "not an amount of the grade table in force on that date"),
        (.insuredAmountBelowSalaryGrade, "低於月薪資對應的投保金額", "below the grade of the monthly salary"),
        (.insuredAmountNeedsProof, "雇主、自營業主或專技人員未以最高一級投保，須檢附證明文件", "an employer, self-employed person or professional below the top grade must upload proof of income"),
        (.insuredAmountBelowGrade6, "無僱用員工之專技人員投保金額不得低於第6級", "a professional without paid staff may not be below grade 6"),
        (.insuredAmountBelowLabourSalary, "健保投保金額不得低於勞保投保薪資（最高一級除外）", "the NHI insured amount may not be below the labour-insurance salary (unless at the top grade)"),
        (.insuredAmountBelowPensionWage, "健保投保金額不得低於勞退月提繳工資（最高一級除外）", "the NHI insured amount may not be below the labour-pension wage (unless at the top grade)"),
        (.pensionEmployerRate, "雇主提繳率應為6%至100%", "the employer's pension rate must be 6–100%"),
        (.pensionVoluntaryRate, "勞工自願提繳率應為0%至6%", "the voluntary pension rate must be 0–6%"),
        (.accidentIndustryRate, "行業別災害費率應為0%至10%", "the industry accident rate must be 0–10%"),
        (.supplementaryIncomeCode, "所得類別應為62、63、65、66、67或68", "income code must be 62, 63, 65, 66, 67 or 68"),
        (.supplementaryInsuredAmountMissing, "獎金（62）須提供給付當月的投保金額", "a bonus (62) needs the insured amount of the payment month"),
        (.withdrawalNeedsProof, "健保退保追溯超過6個月，須檢附證明文件（至多2份）", "an NHI-only withdrawal more than 6 months back needs proof (up to 2 documents)"),
        (.bulkUnknownPerson, "此人不在整批調整名單中", "this person is not in the bulk adjustment"),
    ]
}

/// The stable codes of ``GradeError``; ``GradeError/catalog`` explains each in both languages.
extension GradeError.Code {
    // Table and rules files
    /// `table.unreadable`: a table file (grades, rates) cannot be read from disk.
    public static let tableUnreadable: Self = "table.unreadable"
    /// `table.malformed`: a table file is not the expected JSON shape; the detail says which key or value.
    public static let tableMalformed: Self = "table.malformed"
    /// `table.kind`: a table file names an unknown table kind, rate series or share scheme.
    public static let tableKind: Self = "table.kind"
    /// `table.empty`: a grade table has no grades.
    public static let tableEmpty: Self = "table.empty"
    /// `table.unsorted`: a grade amount is not above the one before it (or not positive).
    public static let tableUnsorted: Self = "table.unsorted"
    /// `table.duplicateGrade`: a grade number or amount appears twice in one table.
    public static let tableDuplicateGrade: Self = "table.duplicateGrade"
    /// `table.gap`: grade numbers do not run 1, 2, 3 … (第 n 級 missing or out of order).
    public static let tableGap: Self = "table.gap"
    /// `table.overlap`: two tables or rate entries of the same kind take effect on the same date.
    public static let tableOverlap: Self = "table.overlap"
    /// `table.provenance`: a table or rate entry lacks its legal instrument (令 number and date) or source.
    public static let tableProvenance: Self = "table.provenance"
    /// `table.partTime`: part-time grades (部分工時) do not increase or do not stay below the first regular grade.
    public static let tablePartTime: Self = "table.partTime"
    /// `table.directory`: the tables directory to load from does not exist or cannot be listed.
    public static let tableDirectory: Self = "table.directory"
    /// `table.notInForce`: no table of the kind is in force on the date asked for (before the first effective date).
    public static let tableNotInForce: Self = "table.notInForce"
    // Rates, shares and rules
    /// `rate.notInForce`: no rate or rule of a series (premium rate, shares, minimum wage …) is in force on the date.
    public static let rateNotInForce: Self = "rate.notInForce"
    /// `rate.format`: a rate is not understood; rates are written `5.17%` or `0.56`.
    public static let rateFormat: Self = "rate.format"
    /// `rate.range`: a rate read from a rules file is out of the allowed range (a late-fee daily rate of zero, a negative
    /// grace period).
    public static let rateRange: Self = "rate.range"
    /// `shares.sum`: the insured, unit and government shares (負擔比率) do not add up to 100%.
    public static let sharesSum: Self = "shares.sum"
    /// `shares.missing`: the share table has no shares for an insured category (身分別), or names an unknown one.
    public static let sharesMissing: Self = "shares.missing"
    // Inputs
    /// `amount.negative`: a salary, payment or unpaid amount in NT$ is below zero, or a rules file has a minimum wage
    /// or supplementary-premium threshold that is not positive.
    public static let amountNegative: Self = "amount.negative"
    /// `amount.overflow`: an amount times a rate does not fit a 64-bit integer, so it cannot be computed exactly.
    public static let amountOverflow: Self = "amount.overflow"
    /// `dependants.negative`: the number of dependants (眷口數) is below zero.
    public static let dependantsNegative: Self = "dependants.negative"
    /// `days.range`: the days insured in a month are not 1–30 (labour premiums prorate as days ÷ 30).
    public static let daysRange: Self = "days.range"
    // Insured amounts (also used as findings of an insured-amount check)
    /// `insuredAmount.notAGrade`: the amount is not an insured amount (投保金額) of the table in force on the date.
    public static let insuredAmountNotAGrade: Self = "insuredAmount.notAGrade"
    /// `insuredAmount.belowSalaryGrade`: the insured amount is below the grade of the person's monthly salary.
    public static let insuredAmountBelowSalaryGrade: Self = "insuredAmount.belowSalaryGrade"
    /// `insuredAmount.needsProof`: an employer, self-employed person or professional below the top grade must upload
    /// proof of income.
    public static let insuredAmountNeedsProof: Self = "insuredAmount.needsProof"
    /// `insuredAmount.belowGrade6`: a professional without paid staff is insured below grade 6 (第6級).
    public static let insuredAmountBelowGrade6: Self = "insuredAmount.belowGrade6"
    /// `insuredAmount.belowLabourSalary`: below the labour-insurance salary (勞保投保薪資), unless at the top grade.
    public static let insuredAmountBelowLabourSalary: Self = "insuredAmount.belowLabourSalary"
    /// `insuredAmount.belowPensionWage`: below the labour-pension wage (勞退月提繳工資), unless at the top grade.
    public static let insuredAmountBelowPensionWage: Self = "insuredAmount.belowPensionWage"
    // Labour pension and occupational accident
    /// `pension.employerRate`: the employer's labour-pension rate (雇主提繳率) is not 6–100%.
    public static let pensionEmployerRate: Self = "pension.employerRate"
    /// `pension.voluntaryRate`: the employee's voluntary labour-pension rate (自願提繳率) is not 0–6%.
    public static let pensionVoluntaryRate: Self = "pension.voluntaryRate"
    /// `accident.industryRate`: the industry rate of occupational accident insurance (職保行業別災害費率) is not 0–10%.
    public static let accidentIndustryRate: Self = "accident.industryRate"
    // Supplementary premium
    /// `supplementary.incomeCode`: the income code (所得類別) is not 62, 63, 65, 66, 67 or 68.
    public static let supplementaryIncomeCode: Self = "supplementary.incomeCode"
    /// `supplementary.insuredAmountMissing`: a bonus (code 62) was given without the insured amount of the payment month.
    public static let supplementaryInsuredAmountMissing: Self = "supplementary.insuredAmountMissing"
    // Filings
    /// `withdrawal.needsProof`: an NHI-only withdrawal (退保) more than 6 months retroactive needs proof (up to 2 documents).
    public static let withdrawalNeedsProof: Self = "withdrawal.needsProof"
    /// `bulk.unknownPerson`: an override names a person who is not in the bulk salary adjustment (整批薪調).
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

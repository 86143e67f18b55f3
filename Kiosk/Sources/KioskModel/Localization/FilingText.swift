import NHICore
import NHIGrades
import NHIService

/// Strings of the enrolment, withdrawal and salary-adjustment screens (wording after the
/// NHI's own screens in seed 001).
public enum FilingText: Sendable, Hashable {
    case caption(EnrolmentModel.Field)
    case withdrawalCaption(WithdrawalModel.Field)
    case dependantIDCaption
    case adjustmentCaption(SalaryAdjustmentModel.Field)
    case bulkCaption(BulkAdjustmentModel.Field)
    case familyPicker
    case family(FilingFamily)
    case enrolleePicker
    case enrollee(EnrolmentModel.Enrollee)
    case relationPicker
    case categoryPicker
    case indigenous
    case hasPaidStaff
    case foreignerEligible
    case labourTitle
    case labourSalary
    case pensionWage
    case employerRate
    case voluntaryRate
    case pensionUnitPicker
    case pensionUnit(PensionUnitType)
    case reloadAmount
    case previewTitle
    case previewTable(title: String, titleEn: String, effectiveFrom: CalendarDate)
    case previewSalaryGrade(salary: Money, grade: Int, amount: Money)
    case previewProposed(Money)
    case previewAccepted(grade: Int, amount: Money)
    case previewNeedsProof(top: Money)
    case previewRejected(suggestion: Money?)
    case previewPremium(insured: Money, unit: Money, government: Money, dependants: Int)
    case dependantAmountNote
    case filedEnrolment(Filing)
    case filedWithdrawal(Filing)
    case filedAdjustment(Filing)
    case reasonPicker
    case reason(WithdrawalReason)
    case chargedHere
    case withdrawalNeedsProof
    case dependantsFollow(names: String)
    case employerLowering
    case currentPremium(before: Money?, after: Money?)
    case adjustmentEffective(CalendarDate)
    case modePicker
    case mode(BulkAdjustmentModel.Mode)
    case loadList
    case selectAll
    case selectNone
    case columnSelect
    case columnID
    case columnName
    case columnOld
    case columnNew
    case rowCheck(name: String, maskedID: String)
    case rowAmount(name: String)
    case bulkSummary(listed: Int, selected: Int)
    case excludedNote(Int)
    case unchangedNote(Int)
    case nothingToAdjust
    case fileBulk
    case bulkDates(filed: CalendarDate, effective: CalendarDate)
    case filedBulk(count: Int, effective: CalendarDate)
    // The review before filing.
    case reviewTitle(FilingReview.Kind)
    case reviewIntro
    case reviewPerson
    case reviewWhat
    case reviewEffective
    case reviewAmount
    case reviewGrade
    case reviewPrincipal
    case reviewReason
    case reviewDependants
    case reviewNone
    case reviewCount
    case reviewFiling(FilingReview.Kind, FilingFamily)
    case reviewStatusReason
    case reviewNewName
    case reviewNewBirthDate
    /// 停保, 育嬰留職停薪, 復保, 續保, 基本資料變更.
    case statusKind(FilingKind)
    case confirmFiling
    case backToForm
    /// A value shown as it is (a name with its masked ID).
    case value(String)
    case date(CalendarDate)
    case money(Money)
    case grade(Int)
    case amountChange(from: Money?, to: Money)
    case count(Int)
    // Leaving a half-filled form.
    case discardTitle
    case discardMessage
    case discard
    case keepEditing

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    var pair: (String, String) {
        switch self {
        case .caption(let field):
            switch field {
            case .id: ("被保險人身分證號（居留證統一證號）", "ID or resident certificate number")
            case .name: ("姓名（電腦無法顯示的字請以＊代替）", "Name (type ＊ for a character the font lacks)")
            case .birthDate: ("出生日期（民國年月日，如 0850504）", "Date of birth (ROC yyyMMdd, e.g. 0850504)")
            case .principalID: ("依附之被保險人身分證號", "ID of the insured person the dependant is attached to")
            case .eligibilityReason: ("合於健保投保條件", "Eligibility reason")
            case .effectiveDate: ("加保生效日期（民國年月日）", "Effective date (ROC yyyMMdd)")
            case .salary: ("月薪資總額", "Monthly salary")
            case .insuredAmount: ("投保金額", "Insured amount")
            }
        case .dependantIDCaption: ("眷屬身分證號（居留證統一證號）", "The dependant's ID or resident certificate number")
        case .withdrawalCaption(let field):
            switch field {
            case .id: ("被保險人身分證號（居留證統一證號）", "ID or resident certificate number")
            case .transferOutDate: ("健保轉出日期（民國年月日）", "Transfer-out date (ROC yyyMMdd)")
            case .passportNumber: ("護照號碼（外籍人士勞保用，可免填）", "Passport number (labour side of foreigners; optional)")
            }
        case .adjustmentCaption(let field):
            switch field {
            case .id: ("被保險人身分證號（居留證號）", "ID or resident certificate number")
            case .salary: ("月薪資總額（可帶出投保金額）", "Monthly salary (derives the amount)")
            case .newAmount: ("調整後投保金額", "New insured amount")
            }
        case .bulkCaption(let field):
            field == .fromAmount ? ("調整前投保金額級距", "Grade before") : ("調整後投保金額級距", "Grade after")
        case .familyPicker: ("申報類別", "Filing type")
        case .family(let family):
            family == .nhiOnly ? ("健保專用（不含勞保、勞退）", "NHI only (no labour insurance or pension)")
                : ("勞退、勞保及健保三合一", "Three-in-one (labour insurance, pension and NHI)")
        case .enrolleePicker: ("投保者", "Enrolling")
        case .enrollee(let enrollee):
            switch enrollee {
            case .insured: ("本人", "The insured")
            case .dependant: ("眷屬", "A dependant")
            case .foreignNational: ("外籍人士", "A foreign national")
            }
        case .relationPicker: ("稱謂（與被保險人關係）", "Relation to the insured person")
        case .categoryPicker: ("身分別（受僱者免填）", "Category (employees: leave as is)")
        case .indigenous: ("原住民", "Indigenous")
        case .hasPaidStaff: ("有僱用有薪員工（專技人員）", "Employs paid staff (professionals)")
        case .foreignerEligible:
            ("外籍人士自動符合投保資格（免附居留證及許可函影本）", "The foreign national is eligible without documents")
        case .labourTitle: ("勞保、勞退資料", "Labour insurance and pension")
        case .labourSalary: ("勞保投保薪資", "Labour-insurance salary")
        case .pensionWage: ("勞退月提繳工資", "Pension contribution wage")
        case .employerRate: ("勞退雇主提繳率（%）", "Employer pension rate (%)")
        case .voluntaryRate: ("勞工自願提繳率（%）", "Voluntary employee rate (%)")
        case .pensionUnitPicker: ("勞退單位性質", "Pension unit type")
        case .pensionUnit(let type):
            switch type {
            case .general: ("一般事業單位", "General business")
            case .privateSchool: ("私立學校", "Private school")
            case .publicUnit: ("公立單位", "Public body")
            case .notUnderLabourStandards: ("不適用勞基法單位", "Not under the Labour Standards Act")
            }
        case .reloadAmount: ("重載投保金額", "Reload the insured amount")
        case .previewTitle: ("投保金額及保險費試算", "Grade and premium preview")
        case .previewTable(let title, let titleEn, let from):
            ("依據：\(title)（民國 \(from.rocSlashed) 起適用）", "Table: \(titleEn), in force from \(from.iso)")
        case .previewSalaryGrade(let salary, let grade, let amount):
            ("月薪資 \(salary.display) 元屬第 \(grade) 級，投保金額 \(amount.display) 元",
             "A salary of NT$\(salary.display) is grade \(grade): insured amount NT$\(amount.display)")
        case .previewProposed(let amount): ("建議投保金額：\(amount.display) 元", "Proposed insured amount: NT$\(amount.display)")
        case .previewAccepted(let grade, let amount):
            ("投保金額 \(amount.display) 元（第 \(grade) 級）符合規定", "NT$\(amount.display) (grade \(grade)) meets the rules")
        case .previewNeedsProof(let top):
            ("雇主未用最高投保金額（\(top.display) 元）加保，須檢附證明文件", "An employer below the top grade (NT$\(top.display)) must attach proof")
        case .previewRejected(let suggestion):
            suggestion.map { ("此投保金額不符規定，建議改為 \($0.display) 元", "This amount breaks the rules; suggested: NT$\($0.display)") }
                ?? ("此投保金額不符規定", "This amount breaks the rules")
        case .previewPremium(let insured, let unit, let government, let dependants):
            ("每月保險費：本人負擔 \(insured.display) 元（含眷屬 \(dependants) 人）、投保單位 \(unit.display) 元、政府 \(government.display) 元",
             "Monthly premium: insured NT$\(insured.display) (with \(dependants) dependant\(dependants == 1 ? "" : "s")), unit NT$\(unit.display), government NT$\(government.display)")
        case .dependantAmountNote: ("眷屬依附被保險人之投保金額，免填", "A dependant takes the insured person's amount")
        case .filedEnrolment(let filing):
            ("已受理加保申報（第 \(filing.id) 號）：\(filing.name) \(filing.personID.masked)，生效日期 \(filing.effectiveDate.rocSlashed)。今晚 22:30 轉檔，次日可查詢檢核結果。",
             "Enrolment no. \(filing.id) filed: \(filing.name) \(filing.personID.masked), effective \(filing.effectiveDate.iso). Converted tonight at 22:30; check results tomorrow.")
        case .filedWithdrawal(let filing):
            ("已受理退保申報（第 \(filing.id) 號）：\(filing.name) \(filing.personID.masked)，生效日期 \(filing.effectiveDate.rocSlashed)。",
             "Withdrawal no. \(filing.id) filed: \(filing.name) \(filing.personID.masked), effective \(filing.effectiveDate.iso).")
        case .filedAdjustment(let filing):
            ("已受理薪資調整（第 \(filing.id) 號）：\(filing.name) \(filing.personID.masked)，\(filing.insuredAmount?.display ?? "-") → \(filing.adjustedAmount?.display ?? "-") 元，生效日期 \(filing.effectiveDate.rocSlashed)。",
             "Salary adjustment no. \(filing.id) filed: \(filing.name) \(filing.personID.masked), NT$\(filing.insuredAmount?.display ?? "-") → NT$\(filing.adjustedAmount?.display ?? "-"), effective \(filing.effectiveDate.iso).")
        case .reasonPicker: ("退保原因", "Reason")
        case .reason(let reason):
            switch reason {
            case .transferOut: ("轉出", "Transfer out")
            case .notEligible: ("不具健保資格", "No longer eligible")
            case .leftJob: ("離職", "Left the job")
            }
        case .chargedHere: ("健保費於本單位計收（次月 1 日生效）", "This month's premium is charged here (effective the 1st of next month)")
        case .withdrawalNeedsProof:
            ("健保專用追溯退保超過 6 個月，須檢附證明文件（最多 2 份）", "An NHI-only withdrawal more than 6 months back needs proof (up to 2 documents)")
        case .dependantsFollow(let names): ("被保險人退保，其依附眷屬將一併轉出：\(names)", "Their dependants are transferred out with them: \(names)")
        case .employerLowering: ("雇主投保金額調降（須檢附 1–3 份證明文件）", "Employer lowering their own amount (1–3 documents)")
        case .currentPremium(let before, let after):
            ("本人每月保險費：\(before.map { "\($0.display) 元" } ?? "—") → \(after.map { "\($0.display) 元" } ?? "—")",
             "Insured's monthly premium: \(before.map { "NT$\($0.display)" } ?? "—") → \(after.map { "NT$\($0.display)" } ?? "—")")
        case .adjustmentEffective(let date):
            ("投保金額調整生效日期為申報日期之次月 1 日：民國 \(date.rocSlashed)", "Effective the 1st of the month after filing: \(date.iso)")
        case .modePicker: ("調整方式", "How to list")
        case .mode(let mode):
            mode == .proposal ? ("依最新投保金額分級表建議", "As the newest grade table requires") : ("依級距整批調整", "Everyone at one grade to another")
        case .loadList: ("查詢", "List")
        case .selectAll: ("全選", "Select all")
        case .selectNone: ("全部取消", "Select none")
        case .columnSelect: ("選取", "Select")
        case .columnID: ("身分證號", "ID")
        case .columnName: ("姓名", "Name")
        case .columnOld: ("調前金額", "Before")
        case .columnNew: ("調後金額", "After")
        case .rowCheck(let name, let id): ("選取 \(name) \(id)", "Select \(name) \(id)")
        case .rowAmount(let name): ("\(name) 調後金額", "New amount for \(name)")
        case .bulkSummary(let listed, let selected): ("共 \(listed) 筆資料，已選取 \(selected) 筆", "\(listed) listed, \(selected) selected")
        case .excludedNote(let count):
            ("雇主、自營業主及專技人員 \(count) 人不列入，請以【薪資調整作業(單筆)】申報", "\(count) employers, self-employed or professionals are left out: use the single adjustment")
        case .unchangedNote(let count): ("另有 \(count) 人之投保金額已符合最新分級表", "\(count) more already have a valid amount")
        case .nothingToAdjust: ("沒有需要調整的人員", "Nobody to adjust")
        case .fileBulk: ("儲存並申報選取的資料", "File the selected changes")
        case .bulkDates(let filed, let effective):
            ("整批申報日期 民國 \(filed.rocSlashed)，生效日期 民國 \(effective.rocSlashed)", "Filed \(filed.iso), effective \(effective.iso)")
        case .filedBulk(let count, let effective):
            ("已受理 \(count) 筆薪資調整，生效日期 民國 \(effective.rocSlashed)", "\(count) salary adjustments filed, effective \(effective.iso)")
        case .reviewTitle(let kind):
            switch kind {
            case .enrolment: ("確認加保申報", "Check the enrolment before filing")
            case .withdrawal: ("確認退保申報", "Check the withdrawal before filing")
            case .salaryAdjustment: ("確認薪資調整申報", "Check the salary adjustment before filing")
            case .bulkAdjustment: ("確認整批薪資調整申報", "Check the bulk salary adjustment before filing")
            case .statusChange: ("確認停復保申報", "Check the status change before filing")
            case .basicDataChange: ("確認基本資料變更申報", "Check the basic-data change before filing")
            }
        case .reviewIntro: ("請與民眾核對以上資料，無誤後按「確認送出」；送出後當日可刪除。", "Check the above with the person, then press File it; a filing can be deleted the same day.")
        case .reviewPerson: ("被保險人", "Person")
        case .reviewWhat: ("申報項目", "Filing")
        case .reviewEffective: ("生效日期", "Effective date")
        case .reviewAmount: ("投保金額", "Insured amount")
        case .reviewGrade: ("投保等級", "Grade")
        case .reviewPrincipal: ("依附之被保險人", "Attached to")
        case .reviewReason: ("退保原因", "Reason")
        case .reviewDependants: ("一併轉出之眷屬", "Dependants transferred out with them")
        case .reviewNone: ("無", "none")
        case .reviewCount: ("筆數", "People")
        case .reviewFiling(let kind, let family):
            {
                let base: (String, String)
                switch kind {
                case .enrolment: base = ("加保", "Enrolment")
                case .withdrawal: base = ("退保", "Withdrawal")
                case .salaryAdjustment: base = ("薪資調整", "Salary adjustment")
                case .bulkAdjustment: base = ("薪資調整（大批）", "Bulk salary adjustment")
                case .statusChange: base = ("停復保", "Status change")
                case .basicDataChange: base = ("基本資料變更", "Basic-data change")
                }
                let side = family == .nhiOnly ? ("健保專用", "NHI only") : ("勞退、勞保及健保三合一", "three-in-one")
                return ("\(base.0)（\(side.0)）", "\(base.1) (\(side.1))")
            }()
        case .reviewStatusReason: ("原因", "Reason")
        case .reviewNewName: ("新姓名", "New name")
        case .reviewNewBirthDate: ("新出生日期", "New date of birth")
        case .statusKind(let kind):
            switch kind {
            case .suspend: ("停保", "Suspension")
            case .parentalLeave: ("育嬰留職停薪", "Parental leave without pay")
            case .resume: ("復保", "Resumption")
            case .renew: ("續保", "Renewal")
            case .basicDataChange: ("保險對象基本資料變更", "Change of basic data")
            case .enrol: ("加保", "Enrolment")
            case .withdraw: ("退保", "Withdrawal")
            case .salaryAdjustment: ("薪資調整", "Salary adjustment")
            }
        case .confirmFiling: ("確認送出", "File it")
        case .backToForm: ("返回修改", "Back to the form")
        case .value(let text): (text, text)
        case .date(let date): ("民國 \(date.rocSlashed)", date.iso)
        case .money(let amount): ("\(amount.display) 元", "NT$\(amount.display)")
        case .grade(let number): ("第 \(number) 級", "grade \(number)")
        case .amountChange(let from, let to):
            ("\(from.map { "\($0.display) 元" } ?? "—") → \(to.display) 元", "\(from.map { "NT$\($0.display)" } ?? "—") → NT$\(to.display)")
        case .count(let count): ("\(count) 人", "\(count)")
        case .discardTitle: ("放棄填寫的資料？", "Discard what was typed?")
        case .discardMessage: ("表單尚未送出，離開後已填寫的資料將清除。", "The form has not been filed; leaving clears what was typed.")
        case .discard: ("放棄並離開", "Discard and leave")
        case .keepEditing: ("繼續填寫", "Keep editing")
        }
    }
}

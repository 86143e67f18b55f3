import NHICore

/// One filed change as the "print filed data" query lists it (列印申報資料, SPEC §4).
public struct FiledDataListingRow: Sendable, Hashable, Codable {
    /// The kind of change (異動類別).
    public enum ChangeType: String, Sendable, Hashable, CaseIterable, Codable {
        /// 加保: enrolment of an insured person or dependant.
        case enrol = "加保"
        /// 退保: withdrawal (transfer out, no longer eligible, or left the job).
        case withdraw = "退保"
        /// 薪調: a salary adjustment, a new insured amount from the 1st of the month after filing.
        case salaryAdjustment = "薪調"
        /// 續保: renewal of cover.
        case renew = "續保"
        /// 停保: suspension of cover.
        case suspend = "停保"
        /// 復保: resumption of suspended cover.
        case resume = "復保"
        /// 育嬰留職停薪: parental leave without pay.
        case parentalLeave = "育嬰留職停薪"
        /// 基本資料異動: a change of the person's basic data.
        case dataChange = "基本資料異動"
    }

    /// The operation family (作業類別).
    public enum Family: String, Sendable, Hashable, CaseIterable, Codable {
        /// Labour insurance + labour pension + NHI, forwarded to the BLI.
        case threeInOne = "三合一"
        /// Two of the three, forwarded to the BLI.
        case twoInOne = "二合一"
        /// NHI only, never forwarded.
        case nhiOnly = "健保專用"
    }

    /// 異動類別.
    public var changeType: ChangeType
    /// 作業類別.
    public var family: Family
    /// 申報日期.
    public var filingDate: CalendarDate
    /// 本人 or 眷屬.
    public var role: InForceRosterEntry.Role
    /// The insured employee (被保險人).
    public var insuredID: PersonalID
    /// The dependant, for a dependant's change.
    public var dependantID: PersonalID?
    /// 姓名.
    public var name: PersonName
    /// 性別.
    public var sex: Sex
    /// 出生日期.
    public var birthDate: CalendarDate?
    /// The reason (e.g. 到職起薪, 離職).
    public var reason: String?
    /// 投保金額.
    public var insuredAmount: Money?
    /// The amount after a salary adjustment.
    public var adjustedAmount: Money?
    /// 生效日期.
    public var effectiveDate: CalendarDate?

    /// Creates a row.
    public init(changeType: ChangeType, family: Family, filingDate: CalendarDate, role: InForceRosterEntry.Role,
                insuredID: PersonalID, dependantID: PersonalID? = nil, name: PersonName, sex: Sex, birthDate: CalendarDate? = nil,
                reason: String? = nil, insuredAmount: Money? = nil, adjustedAmount: Money? = nil, effectiveDate: CalendarDate? = nil) {
        self.changeType = changeType
        self.family = family
        self.filingDate = filingDate
        self.role = role
        self.insuredID = insuredID
        self.dependantID = dependantID
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.reason = reason
        self.insuredAmount = insuredAmount
        self.adjustedAmount = adjustedAmount
        self.effectiveDate = effectiveDate
    }
}

/// The filed-data listing as a CSV for Excel, with the SPEC §4 columns:
///
/// `異動類別,作業類別,申報日期,身分,被保險人身分證號,眷屬身分證號,姓名,性別,出生日期,原因,投保金額,調整後投保金額,生效日期`
///
/// Dates in ROC `yyy/MM/dd`, sex `男`/`女`. Written in CP950, CRLF, formula protection by
/// default (names and reasons are free text); read back with the same checks.
public enum FiledDataListing {
    /// The header row.
    public static let header = ["異動類別", "作業類別", "申報日期", "身分", "被保險人身分證號", "眷屬身分證號", "姓名", "性別",
                                "出生日期", "原因", "投保金額", "調整後投保金額", "生效日期"]

    private static func roc(_ date: CalendarDate?) -> String {
        date?.rocSlashed ?? ""
    }

    /// Writes the listing.
    @discardableResult
    public static func write(_ rows: [FiledDataListingRow], to target: ByteOutputTarget,
                             options: CSVWriteOptions = CSVWriteOptions(protectFormulas: true, numericColumns: [10, 11])) throws(FormatError) -> [UInt8] {
        let writer = try CSVWriter(target, options: options)
        try writer.write(header)
        for row in rows {
            try writer.write([
                row.changeType.rawValue, row.family.rawValue, roc(row.filingDate), row.role.rawValue, row.insuredID.rawValue,
                row.dependantID?.rawValue ?? "", row.name.value, row.sex.label, roc(row.birthDate), row.reason ?? "",
                row.insuredAmount.map { String($0.amount) } ?? "", row.adjustedAmount.map { String($0.amount) } ?? "",
                roc(row.effectiveDate),
            ])
        }
        return try writer.finish()
    }

    /// Reads a listing (header required); invalid rows are reported, never half-read.
    public static func read(_ input: ByteInput, encoding: TextEncoding? = nil) throws(FormatError) -> (rows: [FiledDataListingRow], errors: [FormatIssue]) {
        let reader = try CSVReader(input, encoding: encoding)
        var rows: [FiledDataListingRow] = []
        var errors: [FormatIssue] = []
        var sawHeader = false
        while let record = try reader.next() {
            if record.isBlank { continue }
            if !sawHeader {
                guard record.fields.prefix(header.count).map({ Normalizer.text.normalize($0).value }) == header else {
                    throw FormatError(.listHeader, line: record.line, row: record.row, value: record.fields.joined(separator: ","),
                                      detail: "應為" + header.joined(separator: ","), detailEn: "expected " + header.joined(separator: ","))
                }
                sawHeader = true
                continue
            }
            if let problem = record.problems.first {
                errors.append(FormatIssue(.error, problem))
                continue
            }
            do { rows.append(try row(from: record)) } catch { errors.append(FormatIssue(.error, error)) }
        }
        if !sawHeader { throw FormatError(.listHeader, detail: "檔案是空的", detailEn: "the file is empty") }
        return (rows, errors)
    }

    private static func row(from record: CSVRecord) throws(FormatError) -> FiledDataListingRow {
        func cell(_ index: Int) -> String {
            index < record.fields.count ? ExcelFormulaGuard.unprotect(Normalizer.trimming.normalize(record.fields[index]).value) : ""
        }
        func fail(_ index: Int, _ field: Field, _ detail: String? = nil, _ detailEn: String? = nil, _ error: ValidationError? = nil) -> FormatError {
            FormatError(.listField, line: record.line, row: record.row, column: index + 1, field: field,
                        value: index == 4 || index == 5 ? Masking.id(cell(index)) : cell(index), underlying: error,
                        detail: detail ?? error?.ruleText, detailEn: detailEn ?? error?.ruleTextEn)
        }
        func date(_ index: Int, _ field: Field) throws(FormatError) -> CalendarDate? {
            if cell(index).isEmpty { return nil }
            do { return try ROCDate(parsing: folded(cell(index))).gregorian } catch { throw fail(index, field, nil, nil, error) }
        }
        func id(_ index: Int) throws(FormatError) -> PersonalID? {
            if cell(index).isEmpty { return nil }
            do { return try PersonalID(parsing: Normalizer.identifier.normalize(cell(index)).value) } catch { throw fail(index, .personalID, nil, nil, error) }
        }
        func money(_ index: Int) throws(FormatError) -> Money? {
            if cell(index).isEmpty { return nil }
            do { return try Money(parsing: folded(cell(index))) } catch { throw fail(index, .money, nil, nil, error) }
        }
        let changeField = Field("changeType", label: "異動類別", labelEn: "Change type")
        let familyField = Field("family", label: "作業類別", labelEn: "Operation family")
        guard let changeType = FiledDataListingRow.ChangeType(rawValue: cell(0)) else {
            throw fail(0, changeField, FiledDataListingRow.ChangeType.allCases.map(\.rawValue).joined(separator: "、"),
                       FiledDataListingRow.ChangeType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let family = FiledDataListingRow.Family(rawValue: cell(1)) else { throw fail(1, familyField, "應為三合一、二合一或健保專用", "must be 三合一, 二合一 or 健保專用") }
        guard let filingDate = try date(2, .rocDate) else { throw fail(2, .rocDate, "未填", "missing") }
        guard let role = InForceRosterEntry.Role(rawValue: cell(3)) else { throw fail(3, .relation, "應為本人、眷屬或外籍人士", "must be 本人, 眷屬 or 外籍人士") }
        guard let insuredID = try id(4) else { throw fail(4, .personalID, "未填", "missing") }
        let dependantID = try id(5)
        let name: PersonName
        do { name = try PersonName(cell(6)) } catch { throw fail(6, .name, nil, nil, error) }
        let sex: Sex
        switch cell(7) {
        case "男", "M": sex = .male
        case "女", "F": sex = .female
        default: throw fail(7, Field("sex", label: "性別", labelEn: "Sex"), "應為男或女", "must be 男 or 女")
        }
        return FiledDataListingRow(changeType: changeType, family: family, filingDate: filingDate, role: role, insuredID: insuredID,
                                   dependantID: dependantID, name: name, sex: sex, birthDate: try date(8, .birthDate),
                                   reason: cell(9).isEmpty ? nil : cell(9), insuredAmount: try money(10),
                                   adjustedAmount: try money(11), effectiveDate: try date(12, .date))
    }
}

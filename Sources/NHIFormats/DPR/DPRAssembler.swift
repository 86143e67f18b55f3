import NHICore

/// Turns canonical DPR records into typed records and checks the file as a whole.
final class DPRAssembler {
    let form: DPRFileName.Form
    /// Errors, bounded (the first of each code in detail, all counted).
    private(set) var errors = IssueList()
    private var unit: DPRUnitRecord?
    private var unitRow: (row: Int, line: Int)?
    private var unitInvalid = false
    private var details: [(record: DPRDetailRecord, row: Int, line: Int)] = []
    private(set) var detailRows = 0
    private var invalidDetails = 0
    private var totals: (count: Int, paid: Money, premium: Money, row: Int, line: Int)?
    private var totalsSeen = false
    /// Where the declared count, total paid and total premium are (CSV record 1 or
    /// fixed-width record 3), for messages.
    private var totalsColumns: (count: Int?, paid: Int?, premium: Int?) = (nil, nil, nil)
    private var idColumn: Int?

    init(form: DPRFileName.Form) {
        self.form = form
    }

    /// The unit record when it and the file are valid.
    var validUnit: DPRUnitRecord? { unitInvalid ? nil : unit }
    /// The details that are valid.
    var validDetails: [DPRDetailRecord] { details.map(\.record) }

    private func fail(_ error: FormatError) { errors.append(FormatIssue(.error, error)) }

    private func fieldError(_ raw: DPRRawRecord, _ index: Int, _ field: Field, _ code: FormatError.Code = .dprField,
                            value: String? = nil, underlying: ValidationError? = nil, detail: String? = nil, detailEn: String? = nil) -> FormatError {
        FormatError(code, line: raw.line, row: raw.row, column: raw.column(index), field: field,
                    value: value ?? raw.field(index), underlying: underlying,
                    detail: detail ?? underlying?.ruleText, detailEn: detailEn ?? underlying?.ruleTextEn)
    }

    // MARK: Records

    /// Adds a record; returns false when the file has reached the detail limit (the caller
    /// stops reading).
    @discardableResult
    func add(_ raw: DPRRawRecord) -> Bool {
        if raw.type == 0x32 && detailRows >= FormatLimits.maxDPRDetails {
            fail(FormatError(.fileTooManyRows, line: raw.line, row: raw.row,
                             detail: "明細上限\(FormatLimits.maxDPRDetails)筆，請分檔申報，其後未讀取",
                             detailEn: "at most \(FormatLimits.maxDPRDetails) details; split the file; the rest was not read"))
            return false
        }
        addChecked(raw)
        return true
    }

    /// The fields of the unit and detail records, by canonical position (for messages).
    private static let unitFields: [Field] = [.dprRecordType, .ubn, .incomeCode, .periodStart, .periodEnd, .detailCount, .totalPaid,
                                              .totalPremium, .payerName, .contactPhone, .email, .contactPerson]
    private static let detailFields: [Field] = [.dprRecordType, .detailKind, .paymentDate, .personalID, .name, .amountPaid, .premiumWithheld,
                                                .filingNumber, .unitCode, .insuredAmount, .yearToDateBonus, .note]

    /// A field Excel would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd`, `-2+3+cmd|…`)
    /// is an error: the file is opened in Excel by people, and the NHI's program does not
    /// expect such text. The same rule as the exports' guard (``ExcelFormulaGuard``).
    private func checkFormulas(_ raw: DPRRawRecord) {
        let names = raw.type == 0x31 ? Self.unitFields : Self.detailFields
        for (index, text) in raw.fields.enumerated() where ExcelFormulaGuard.needsProtection(text) || ExcelFormulaGuard.needsProtection(raw.field(index)) {
            fail(FormatError(.excelFormulaLike, line: raw.line, row: raw.row, column: raw.column(index),
                             field: index < names.count ? names[index] : nil,
                             value: index == 3 && raw.type == 0x32 ? Masking.id(raw.field(index)) : raw.field(index),
                             detail: "Excel開啟時會執行", detailEn: "Excel would run it"))
        }
    }

    private func addChecked(_ raw: DPRRawRecord) {
        if raw.problems.isEmpty { checkFormulas(raw) }
        if !raw.problems.isEmpty {
            for problem in raw.problems { fail(problem) }
            if raw.type == 0x32 { detailRows += 1; invalidDetails += 1 }
            if raw.type == 0x31 { unitInvalid = true; unitRow = unitRow ?? (raw.row, raw.line) }
            return
        }
        if totalsSeen {
            fail(FormatError(.dprRecordOrder, line: raw.line, row: raw.row, detail: "合計資料（3）之後不應再有資料", detailEn: "nothing may follow the totals record (3)"))
        }
        switch raw.type {
        case 0x31: addUnit(raw)
        case 0x32: addDetail(raw)
        case 0x33 where form == .fixedWidth: addTotals(raw)
        default:
            fail(FormatError(.dprRecordType, line: raw.line, row: raw.row, column: 1, field: .dprRecordType,
                             value: raw.fields.first.map { String($0.prefix(8)) } ?? String(UnicodeScalar(raw.type))))
            if unitRow == nil { unitInvalid = true }
        }
    }

    private func checkFieldCount(_ raw: DPRRawRecord, expected: [Int]) -> Bool {
        guard let count = raw.csvFieldCount else { return true }
        // Excel may pad rows with empty trailing fields; those are harmless.
        var effective = count
        while effective > expected.min()!, raw.field(effective - 1).isEmpty, !expected.contains(effective) { effective -= 1 }
        guard expected.contains(effective) else {
            fail(FormatError(.dprFieldCount, line: raw.line, row: raw.row, value: "\(count)",
                             detail: "有\(count)欄，應為\(expected.map(String.init).joined(separator: "或"))欄",
                             detailEn: "\(count) fields, expected \(expected.map(String.init).joined(separator: " or "))"))
            return false
        }
        return true
    }

    private func addUnit(_ raw: DPRRawRecord) {
        if unitRow != nil {
            fail(FormatError(.dprDuplicateUnitRecord, line: raw.line, row: raw.row, column: 1, field: .dprRecordType))
            return
        }
        unitRow = (raw.row, raw.line)
        if !details.isEmpty || detailRows > 0 {
            fail(FormatError(.dprRecordOrder, line: raw.line, row: raw.row, detail: "單位資料（1）應在明細之前", detailEn: "the unit record (1) must come before the details"))
        }
        guard checkFieldCount(raw, expected: [12]) else { unitInvalid = true; return }
        let errorsBefore = errors.total
        var ubn: UBN?
        do { ubn = try UBN(parsing: raw.field(1)) } catch { fail(fieldError(raw, 1, .ubn, underlying: error)) }
        let code = DPRIncomeCode(rawValue: raw.field(2))
        if code == nil { fail(fieldError(raw, 2, .incomeCode, .dprIncomeCode)) }
        let start = month(raw, 3, .periodStart), end = month(raw, 4, .periodEnd)
        if let start, let end, end < start {
            fail(fieldError(raw, 4, .periodEnd, .dprPeriod, detail: "截止年月\(end)早於起始年月\(start)", detailEn: "the period ends (\(end)) before it starts (\(start))"))
        }
        var count = 0, paid = Money.zero, premium = Money.zero
        if form == .csv {
            totalsColumns = (raw.column(5), raw.column(6), raw.column(7))
            count = integer(raw, 5, .detailCount) ?? 0
            paid = money(raw, 6, .totalPaid) ?? .zero
            premium = money(raw, 7, .totalPremium) ?? .zero
        }
        let payer = raw.field(8)
        if payer.isEmpty { fail(fieldError(raw, 8, .payerName, detail: "未填", detailEn: "missing")) }
        else if payer.count > 25 { fail(fieldError(raw, 8, .payerName, .dprFieldTooLong, detail: "\(payer.count)字，上限25字", detailEn: "\(payer.count) characters, at most 25")) }
        var phone: String?
        if !raw.field(9).isEmpty {
            if let mobile = try? MobileNumber(parsing: raw.field(9)) { phone = mobile.rawValue }
            else {
                do { phone = try LandlineNumber(parsing: raw.field(9)).rawValue } catch { fail(fieldError(raw, 9, .contactPhone, underlying: error)) }
            }
        }
        var email: EmailAddress?
        if !raw.field(10).isEmpty {
            do { email = try EmailAddress(parsing: raw.field(10)) } catch { fail(fieldError(raw, 10, .email, underlying: error)) }
        }
        let contact = raw.field(11)
        guard errors.total == errorsBefore, let ubn, let code, let start, let end else { unitInvalid = true; return }
        unit = DPRUnitRecord(ubn: ubn, incomeCode: code, periodStart: start, periodEnd: end, count: count, totalPaid: paid,
                             totalPremium: premium, payerName: payer, phone: phone, email: email, contact: contact.isEmpty ? nil : contact)
    }

    private func addDetail(_ raw: DPRRawRecord) {
        detailRows += 1
        if unitRow == nil && detailRows == 1 {
            fail(FormatError(.dprRecordOrder, line: raw.line, row: raw.row, detail: "明細之前沒有單位資料（1）", detailEn: "no unit record (1) before the details"))
        }
        let code = unit?.incomeCode
        if raw.csvFieldCount != nil {
            let expected: [Int] = code == .bonus ? [12] : code == nil ? [9, 12] : [9]
            guard checkFieldCount(raw, expected: expected) else { invalidDetails += 1; return }
        }
        let errorsBefore = errors.total
        idColumn = raw.column(3)
        let kind = DPRDetailKind(rawValue: raw.field(1))
        if kind == nil { fail(fieldError(raw, 1, .detailKind, detail: "應為I或R", detailEn: "must be I or R")) }
        var date: ROCDate?
        if raw.field(2).utf8.count != 7 {
            fail(fieldError(raw, 2, .paymentDate, detail: "應為民國年月日7碼（例：1140131）", detailEn: "must be 7 digits yyyMMdd (e.g. 1140131)"))
        } else {
            do { date = try ROCDate(parsing: raw.field(2)) } catch { fail(fieldError(raw, 2, .paymentDate, underlying: error)) }
        }
        var id: PersonalID?
        do { id = try PersonalID(parsing: raw.field(3)) } catch {
            fail(fieldError(raw, 3, .personalID, value: Masking.id(raw.field(3)), underlying: error))
        }
        var name: PersonName?
        do { name = try PersonName(raw.field(4)) } catch { fail(fieldError(raw, 4, .name, underlying: error)) }
        let amount = money(raw, 5, .amountPaid)
        let premium = money(raw, 6, .premiumWithheld)
        let filing = raw.field(7)
        let note = raw.field(11)
        var codeFields: DPRCodeFields = .other(note: note.isEmpty ? nil : note)
        if code == .bonus {
            var unitCode: UnitCode?
            do { unitCode = try UnitCode(parsing: raw.field(8)) } catch { fail(fieldError(raw, 8, .unitCode, underlying: error)) }
            let insured = money(raw, 9, .insuredAmount)
            let ytd = money(raw, 10, .yearToDateBonus)
            if let unitCode, let insured, let ytd {
                codeFields = .bonus(unitCode: unitCode, insuredAmount: insured, yearToDateBonus: ytd, note: note.isEmpty ? nil : note)
            }
        } else if code != nil {
            for index in 8...10 where !raw.field(index).isEmpty {
                fail(fieldError(raw, index, index == 8 ? .unitCode : index == 9 ? .insuredAmount : .yearToDateBonus,
                                detail: "只有所得類別62填寫此欄", detailEn: "only income code 62 has this field"))
            }
        }
        if let unit, let date, !(unit.periodStart.firstDay...unit.periodEnd.lastDay).contains(date.gregorian) {
            fail(fieldError(raw, 2, .paymentDate, .dprPeriod, detail: "\(date.formatted(.compact))不在\(unit.periodStart)至\(unit.periodEnd)之間",
                            detailEn: "\(date.formatted(.compact)) is not within \(unit.periodStart)–\(unit.periodEnd)"))
        }
        guard errors.total == errorsBefore, let kind, let date, let id, let name, let amount, let premium else {
            invalidDetails += 1
            return
        }
        details.append((DPRDetailRecord(kind: kind, paymentDate: date, id: id, name: name, amount: amount, premium: premium,
                                        filingNumber: filing.isEmpty ? nil : filing, codeFields: codeFields), raw.row, raw.line))
    }

    private func addTotals(_ raw: DPRRawRecord) {
        totalsSeen = true
        totalsColumns = (raw.column(3), raw.column(4), raw.column(5))
        let count = integer(raw, 3, .detailCount), paid = money(raw, 4, .totalPaid), premium = money(raw, 5, .totalPremium)
        if let unit {
            if raw.field(1) != unit.ubn.rawValue { fail(fieldError(raw, 1, .ubn, detail: "與單位資料\(unit.ubn.rawValue)不同", detailEn: "differs from the unit record's \(unit.ubn.rawValue)")) }
            if raw.field(2) != unit.incomeCode.rawValue { fail(fieldError(raw, 2, .incomeCode, detail: "與單位資料\(unit.incomeCode.rawValue)不同", detailEn: "differs from the unit record's \(unit.incomeCode.rawValue)")) }
        }
        if let count, let paid, let premium { totals = (count, paid, premium, raw.row, raw.line) }
    }

    // MARK: Fields

    private func month(_ raw: DPRRawRecord, _ index: Int, _ field: Field) -> ROCMonth? {
        let text = raw.field(index)
        guard text.utf8.count == 5 else {
            fail(fieldError(raw, index, field, detail: "應為民國年月5碼（例：11401）", detailEn: "must be 5 digits yyyMM (e.g. 11401)"))
            return nil
        }
        do { return try ROCMonth(parsing: text) } catch { fail(fieldError(raw, index, field, underlying: error)); return nil }
    }

    private func integer(_ raw: DPRRawRecord, _ index: Int, _ field: Field) -> Int? {
        let text = raw.field(index)
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text) else {
            fail(fieldError(raw, index, field, detail: "應為整數", detailEn: "must be a whole number"))
            return nil
        }
        return value
    }

    private func money(_ raw: DPRRawRecord, _ index: Int, _ field: Field) -> Money? {
        let text = raw.field(index)
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            fail(fieldError(raw, index, field, detail: "應為整數元", detailEn: "must be whole NT dollars"))
            return nil
        }
        do { return try Money(parsing: text) } catch { fail(fieldError(raw, index, field, underlying: error)); return nil }
    }

    // MARK: The whole file

    func finish(expectedPremium: (@Sendable (DPRDetailRecord, DPRIncomeCode) -> Money?)?) {
        // File-level errors (row 0) first, then by row and column, otherwise in the order found.
        guard unitRow != nil else {
            fail(FormatError(.dprMissingUnitRecord))
            unitInvalid = true
            return
        }
        if form == .fixedWidth {
            if let totals, var copy = unit {
                copy.count = totals.count
                copy.totalPaid = totals.paid
                copy.totalPremium = totals.premium
                unit = copy
            } else if !totalsSeen {
                fail(FormatError(.dprMissingTotalsRecord))
            }
        }
        guard let unit else { return }
        let place = form == .fixedWidth ? totals.map { ($0.row, $0.line) } : unitRow
        // Count and totals against the details.
        if unit.count != detailRows {
            fail(FormatError(.dprCount, line: place?.1, row: place?.0, column: totalsColumns.count, field: .detailCount, value: String(unit.count),
                             detail: "申報\(unit.count)筆，明細\(detailRows)筆", detailEn: "declared \(unit.count), details \(detailRows)"))
        }
        if invalidDetails == 0 {
            let paid = details.reduce(Money.zero) { $0 + $1.record.amount }
            let premium = details.reduce(Money.zero) { $0 + $1.record.premium }
            if paid != unit.totalPaid {
                fail(FormatError(.dprTotalPaid, line: place?.1, row: place?.0, column: totalsColumns.paid, field: .totalPaid, value: String(unit.totalPaid.amount),
                                 detail: "申報\(unit.totalPaid.grouped)元，明細合計\(paid.grouped)元", detailEn: "declared \(unit.totalPaid.grouped), details add up to \(paid.grouped)"))
            }
            if premium != unit.totalPremium {
                fail(FormatError(.dprTotalPremium, line: place?.1, row: place?.0, column: totalsColumns.premium, field: .totalPremium, value: String(unit.totalPremium.amount),
                                 detail: "申報\(unit.totalPremium.grouped)元，明細合計\(premium.grouped)元", detailEn: "declared \(unit.totalPremium.grouped), details add up to \(premium.grouped)"))
            }
        }
        // Duplicates and premiums.
        // Keyed by the first 128 bits of each content hash (16 bytes a detail, not a
        // 64-character string), and filtered in place: no second copy of the details.
        struct Key: Hashable { let high: UInt64, low: UInt64 }
        var seen: [Key: Int] = [:]
        seen.reserveCapacity(details.count)
        var dropped = Set<Int>()
        for (index, detail) in details.enumerated() {
            let hash = detail.record.contentHash(ubn: unit.ubn, incomeCode: unit.incomeCode).utf8
            let key = Key(high: UInt64(Substring(hash.prefix(16)), radix: 16) ?? 0,
                          low: UInt64(Substring(hash.dropFirst(16).prefix(16)), radix: 16) ?? 0)
            if let first = seen[key] {
                fail(FormatError(.dprDuplicateDetail, line: detail.line, row: detail.row, column: idColumn, field: .personalID, value: detail.record.id.masked,
                                 detail: "與第\(first)列相同", detailEn: "same as row \(first)"))
                dropped.insert(index)
                continue
            }
            seen[key] = detail.row
            if let expectedPremium, let expected = expectedPremium(detail.record, unit.incomeCode), expected != detail.record.premium {
                fail(FormatError(.dprPremium, line: detail.line, row: detail.row, column: idColumn.map { _ in form == .csv ? 7 : 52 }, field: .premiumWithheld, value: String(detail.record.premium.amount),
                                 detail: "申報\(detail.record.premium.grouped)元，計算為\(expected.grouped)元",
                                 detailEn: "filed \(detail.record.premium.grouped), computed \(expected.grouped)"))
                dropped.insert(index)
                continue
            }
        }
        if !dropped.isEmpty {
            var index = -1
            details.removeAll { _ in index += 1; return dropped.contains(index) }
        }
    }
}

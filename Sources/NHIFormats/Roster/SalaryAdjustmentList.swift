import NHICore

/// One person on a bulk salary-adjustment list (整批薪調, SPEC §4): everyone at the old
/// grade, with the new amount and a tick for who is adjusted.
public struct SalaryAdjustmentItem: Sendable, Hashable, Codable {
    /// The insured person.
    public var id: PersonalID
    /// The name.
    public var name: PersonName
    /// The insured amount now.
    public var oldAmount: Money
    /// The insured amount after the adjustment.
    public var newAmount: Money
    /// Whether this person is adjusted.
    public var selected: Bool

    /// Creates an item.
    public init(id: PersonalID, name: PersonName, oldAmount: Money, newAmount: Money, selected: Bool) {
        self.id = id
        self.name = name
        self.oldAmount = oldAmount
        self.newAmount = newAmount
        self.selected = selected
    }
}

/// The bulk salary-adjustment list as a CSV for Excel, and read back after the employer
/// has ticked or unticked people: `身分證號,姓名,原投保金額,新投保金額,選取`.
///
/// `選取` is written `Y` or `N`; reading accepts `Y`/`N`, `是`/`否`, `V`/`v`/`✓`, `1`/`0`,
/// `TRUE`/`FALSE` and empty (= not selected), anything else is `list.selection`. Written
/// in CP950 with CRLF and formula protection by default.
public enum SalaryAdjustmentList {
    /// The header row.
    public static let header = ["身分證號", "姓名", "原投保金額", "新投保金額", "選取"]

    /// Writes the list.
    @discardableResult
    public static func write(_ items: [SalaryAdjustmentItem], to target: ByteOutputTarget,
                             options: CSVWriteOptions = CSVWriteOptions(protectFormulas: true, numericColumns: [2, 3])) throws(FormatError) -> [UInt8] {
        let writer = try CSVWriter(target, options: options)
        try writer.write(header)
        for item in items {
            try writer.write([item.id.rawValue, item.name.value, String(item.oldAmount.amount), String(item.newAmount.amount),
                              item.selected ? "Y" : "N"])
        }
        return try writer.finish()
    }

    /// What reading a list found.
    public struct ReadResult: Sendable, Hashable {
        /// The valid rows, in order.
        public let items: [SalaryAdjustmentItem]
        /// Invalid rows (each an error naming row and column).
        public let errors: [FormatIssue]
    }

    /// Reads a list back. The header row is required (it tells the columns apart from a
    /// different file); rows with any invalid field are reported, never half-read.
    public static func read(_ input: ByteInput, encoding: TextEncoding? = nil) throws(FormatError) -> ReadResult {
        let reader = try CSVReader(input, encoding: encoding)
        var items: [SalaryAdjustmentItem] = []
        var errors: [FormatIssue] = []
        var sawHeader = false
        while let record = try reader.next() {
            if record.isBlank { continue }
            if !sawHeader {
                let cells = record.fields.prefix(header.count).map { Normalizer.text.normalize($0).value }
                guard cells == header else {
                    throw FormatError(.listHeader, line: record.line, row: record.row,
                                      value: record.fields.joined(separator: ","),
                                      detail: "應為" + header.joined(separator: ","), detailEn: "expected " + header.joined(separator: ","))
                }
                sawHeader = true
                continue
            }
            if let problem = record.problems.first {
                errors.append(FormatIssue(.error, problem))
                continue
            }
            do {
                items.append(try item(from: record))
            } catch {
                errors.append(FormatIssue(.error, error))
            }
        }
        if !sawHeader { throw FormatError(.listHeader, detail: "檔案是空的", detailEn: "the file is empty") }
        return ReadResult(items: items, errors: errors)
    }

    private static func item(from record: CSVRecord) throws(FormatError) -> SalaryAdjustmentItem {
        func cell(_ index: Int) -> String {
            index < record.fields.count ? ExcelFormulaGuard.unprotect(Normalizer.trimming.normalize(record.fields[index]).value) : ""
        }
        func fail(_ index: Int, _ field: Field, _ error: ValidationError) -> FormatError {
            FormatError(.listField, line: record.line, row: record.row, column: index + 1, field: field,
                        value: index == 0 ? Masking.id(cell(index)) : cell(index), underlying: error,
                        detail: error.ruleText, detailEn: error.ruleTextEn)
        }
        let id: PersonalID, name: PersonName, old: Money, new: Money
        do { id = try PersonalID(parsing: Normalizer.identifier.normalize(cell(0)).value) } catch { throw fail(0, .personalID, error) }
        do { name = try PersonName(cell(1)) } catch { throw fail(1, .name, error) }
        do { old = try Money(parsing: folded(cell(2))) } catch { throw fail(2, .money, error) }
        do { new = try Money(parsing: folded(cell(3))) } catch { throw fail(3, .money, error) }
        guard let selected = selection(folded(cell(4))) else {
            throw FormatError(.listSelection, line: record.line, row: record.row, column: 5, value: cell(4))
        }
        return SalaryAdjustmentItem(id: id, name: name, oldAmount: old, newAmount: new, selected: selected)
    }

    /// `Y`/`N`, `是`/`否`, `V`, `✓`, `1`/`0`, `TRUE`/`FALSE`, empty.
    static func selection(_ text: String) -> Bool? {
        switch text.uppercased() {
        case "Y", "YES", "是", "V", "✓", "✔", "1", "TRUE", "O", "○": true
        case "N", "NO", "否", "0", "FALSE", "", "X", "×": false
        default: nil
        }
    }
}

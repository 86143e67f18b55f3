import NHICore

/// The error NHIGrades throws: a table file that breaks a rule, a date no table or rate
/// covers, an amount that is not a grade, an input out of range.
///
/// Like every error of the SDK it carries a stable dotted ``Code``, context (the table file,
/// the row, the field, the offending input) and a message in Traditional Chinese and English.
/// Two errors are equal when their codes are equal:
///
/// ```swift
/// #expect(throws: GradeError(.insuredAmountNotAGrade)) {
///     try PremiumCalculator().nhi(insuredAmount: 30_000, on: date)
/// }
/// ```
///
/// The same codes describe the findings of an insured-amount check
/// (``InsuredAmountVerdict/findings``), so a program that files a change can show a finding
/// and an error the same way.
public struct GradeError: CodedError, Hashable {
    /// A stable, dotted error code (`table.unsorted`). New codes are added as static
    /// constants, so adding one is not a breaking change.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The dotted code itself, such as `table.unsorted`.
        public let rawValue: String
        /// Creates a code from its dotted text, such as `table.unsorted`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a string literal, as the static constants do.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The dotted code, as ``rawValue``.
        public var description: String { rawValue }
    }

    /// Which rule was broken.
    public let code: Code
    /// The table or rules file concerned, relative to its tables directory (`nhi/2026-01-01.json`).
    public let file: String?
    /// The 1-based row of the file concerned (a grade row, a rate entry).
    public let row: Int?
    /// The field or input concerned (`salary`, `dependants`, `effectiveFrom`).
    public let field: String?
    /// The offending value, as given.
    public let input: String?
    /// The message in Traditional Chinese, with its context.
    public let message: String
    /// The message in English, with its context.
    public let messageEn: String

    /// Creates an error whose message is the catalog's text for `code` followed by
    /// `detail` (already bilingual), prefixed by the file and row when given.
    public init(_ code: Code, file: String? = nil, row: Int? = nil, field: String? = nil, input: String? = nil,
                detail: (zh: String, en: String)? = nil) {
        self.code = code
        self.file = file
        self.row = row
        self.field = field
        self.input = input
        let entry = Self.catalogIndex[code]
        var zh = entry?.zh ?? code.rawValue
        var en = entry?.en ?? code.rawValue
        if let detail {
            zh += "（\(detail.zh)）"
            en += " (\(detail.en))"
        }
        if let input {
            zh += "：\(input)"
            en += ": \(input)"
        }
        var whereZh = "", whereEn = ""
        if let file {
            whereZh = file
            whereEn = file
            if let row {
                whereZh += " 第\(row)筆"
                whereEn += " row \(row)"
            }
            whereZh += "："
            whereEn += ": "
        } else if let field, let label = Self.fieldLabels[field] {
            whereZh = label.zh + "："
            whereEn = label.en + ": "
        }
        self.message = whereZh + zh
        self.messageEn = whereEn + en
    }

    /// An error carrying only a code, for comparisons in tests and `catch` clauses.
    public init(_ code: Code) {
        self.code = code
        self.file = nil
        self.row = nil
        self.field = nil
        self.input = nil
        let entry = Self.catalogIndex[code]
        self.message = entry?.zh ?? code.rawValue
        self.messageEn = entry?.en ?? code.rawValue
    }

    /// The dotted code (``code``'s raw value), as `CodedError` requires.
    public var errorCode: String { code.rawValue }

    /// Two errors are equal when their codes are equal; file, row, field and input are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    private static let catalogIndex: [Code: (zh: String, en: String)] = {
        var index: [Code: (zh: String, en: String)] = [:]
        for entry in catalog { index[entry.code] = (entry.zh, entry.en) }
        return index
    }()

    /// Labels of the input fields the calculators name in their errors.
    static let fieldLabels: [String: (zh: String, en: String)] = [
        "salary": ("月薪資", "Monthly salary"),
        "insuredAmount": ("投保金額", "Insured amount"),
        "insuredSalary": ("投保薪資", "Insured salary"),
        "dependants": ("眷口數", "Dependants"),
        "days": ("投保日數", "Days insured"),
        "employerRate": ("雇主提繳率", "Employer contribution rate"),
        "voluntaryRate": ("勞工自願提繳率", "Voluntary contribution rate"),
        "industryRate": ("行業別災害費率", "Industry accident rate"),
        "rate": ("費率", "Rate"),
        "payment": ("給付金額", "Payment"),
        "incomeCode": ("所得類別", "Income code"),
        "amount": ("金額", "Amount"),
        "date": ("日期", "Date"),
        "tablesDirectory": ("分級表目錄", "Tables directory"),
    ]
}

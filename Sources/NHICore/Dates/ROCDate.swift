import Foundation

/// A date in the Republic of China (Minguo, 民國) calendar: year = AD − 1911.
///
/// Parses every written form in SPEC §11:
/// - `yyyMMdd` (`1050530`) and, for years below 100, `yyMMdd` (`850504`);
/// - separated forms `yyy/MM/dd`, `yyy-MM-dd`, `yyy.MM.dd` with or without zero padding
///   (`111/12/27`, `085/05/04`, `85/5/4`);
/// - `民國 111 年 12 月 27 日` with or without spaces, `中華民國` or no prefix.
///
/// Calendar dates that do not exist (`1120229`) are rejected. Normalise typed input with
/// ``Normalizer/text`` first (full-width digits, stray spaces).
public struct ROCDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// ROC year, 1 (1912) or later.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, valid for the month and year.
    public let day: Int

    /// The written forms ``formatted(_:)`` produces.
    public enum Style: String, Sendable, CaseIterable {
        /// `1050530`; years below 100 zero-padded (`0850504`), as in fixed-width fields.
        case compact
        /// `105/05/30`; `085/05/04`.
        case slashed
        /// `民國105年5月30日`.
        case chinese
    }

    /// Creates a date from ROC year, month and day.
    public init(year: Int, month: Int, day: Int) throws(ValidationError) {
        guard (1...999).contains(year) else { throw ValidationError.make(.rocDateYear, .rocDate, input: "\(year)") }
        guard (1...12).contains(month) else { throw ValidationError.make(.rocDateMonth, .rocDate, input: "\(year)/\(month)/\(day)") }
        guard (1...CalendarDate.daysIn(year: year + 1911, month: month)).contains(day) else {
            throw ValidationError.make(.rocDateDay, .rocDate, input: "\(year)/\(month)/\(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The ROC date of a Gregorian date from 1912-01-01 on.
    public init(_ date: CalendarDate) throws(ValidationError) {
        try self.init(year: date.year - 1911, month: date.month, day: date.day)
    }

    /// The same day in the Gregorian calendar.
    public var gregorian: CalendarDate { CalendarDate(unchecked: year + 1911, month, day) }

    /// The month this day is in.
    public var rocMonth: ROCMonth { ROCMonth(unchecked: year, month) }

    /// Parses any form listed above.
    public init(parsing input: String) throws(ValidationError) {
        let parts = try ROCDateParser.parse(input)
        guard let day = parts.day else { throw ValidationError.make(.rocDateFormat, .rocDate, input: input) }
        try self.init(year: parts.year, month: parts.month, day: day)
    }

    /// The date written in `style`.
    public func formatted(_ style: Style = .compact) -> String {
        switch style {
        case .compact: ROCDateParser.pad(year, 3) + ROCDateParser.pad(month, 2) + ROCDateParser.pad(day, 2)
        case .slashed: ROCDateParser.pad(year, 3) + "/" + ROCDateParser.pad(month, 2) + "/" + ROCDateParser.pad(day, 2)
        case .chinese: "民國\(year)年\(month)月\(day)日"
        }
    }

    /// The date as `yyy/MM/dd` (`115/01/01`), the ``Style/slashed`` form.
    public var description: String { formatted(.slashed) }

    /// Orders by the Gregorian date, which is the same order.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.gregorian < rhs.gregorian }

    /// Decodes any written form ``init(parsing:)`` accepts; throws its ``ValidationError``.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the date as `yyyMMdd` (`1150101`), the ``Style/compact`` form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted(.compact))
    }
}

/// A month in the ROC calendar, written `yyyMM` (`10701`) — billing months, salary
/// adjustment filing months.
public struct ROCMonth: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The ROC year, 1–999 (AD − 1911: 115 is 2026).
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    /// Creates a month; throws `rocDate.year` for a year outside 1–999 or `rocDate.month` for a month outside 1–12.
    public init(year: Int, month: Int) throws(ValidationError) {
        guard (1...999).contains(year) else { throw ValidationError.make(.rocDateYear, .rocDate, input: "\(year)") }
        guard (1...12).contains(month) else { throw ValidationError.make(.rocDateMonth, .rocDate, input: "\(year)/\(month)") }
        self.year = year
        self.month = month
    }

    init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    /// The ROC month containing a Gregorian date (from 1912 on).
    public init(_ date: CalendarDate) throws(ValidationError) { try self.init(year: date.year - 1911, month: date.month) }

    /// Parses `yyyMM` (`10701`), `yyy/MM`, `yyy-MM` or `民國 107 年 1 月`.
    public init(parsing input: String) throws(ValidationError) {
        let parts = try ROCDateParser.parse(input, monthOnly: true)
        guard parts.day == nil else { throw ValidationError.make(.rocDateFormat, .rocDate, input: input) }
        try self.init(year: parts.year, month: parts.month)
    }

    /// The first day of the month, Gregorian.
    public var firstDay: CalendarDate { CalendarDate(unchecked: year + 1911, month, 1) }
    /// The last day of the month, Gregorian.
    public var lastDay: CalendarDate { firstDay.lastOfMonth }

    /// The month `n` months later.
    public func adding(months n: Int) -> ROCMonth {
        let index = year * 12 + month - 1 + n
        return ROCMonth(unchecked: index / 12, index % 12 + 1)
    }

    /// `10701`.
    public var compact: String { ROCDateParser.pad(year, 3) + ROCDateParser.pad(month, 2) }
    /// The month as ``compact`` (`11501`).
    public var description: String { compact }

    /// Orders by year, then month.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// Decodes any form ``init(parsing:)`` accepts (`11501`, `115/01`, `民國 115 年 1 月`); throws its ``ValidationError``.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the month as `yyyMM` (`11501`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(compact)
    }
}

/// The shared grammar of ROC dates and months.
enum ROCDateParser {
    struct Parts {
        var year: Int
        var month: Int
        var day: Int?
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    static func number(_ s: Substring, maxDigits: Int) -> Int? {
        guard !s.isEmpty, s.count <= maxDigits, s.allSatisfy(isDigit) else { return nil }
        return Int(s)
    }

    static func parse(_ input: String, monthOnly: Bool = false) throws(ValidationError) -> Parts {
        let fail = ValidationError.make(.rocDateFormat, .rocDate, input: input)
        var text = Substring(input)
        if text.hasPrefix("中華民國") { text = text.dropFirst(4) } else if text.hasPrefix("民國") { text = text.dropFirst(2) }
        let hadPrefix = text.count != input.count

        if text.contains("年") {
            // 民國 111 年 12 月 27 日
            let compact = text.filter { $0 != " " }
            guard let yEnd = compact.firstIndex(of: "年"),
                  let year = number(compact[..<yEnd], maxDigits: 3) else { throw fail }
            let afterYear = compact[compact.index(after: yEnd)...]
            guard let mEnd = afterYear.firstIndex(of: "月"),
                  let month = number(afterYear[..<mEnd], maxDigits: 2) else { throw fail }
            let afterMonth = afterYear[afterYear.index(after: mEnd)...]
            if afterMonth.isEmpty { return Parts(year: year, month: month, day: nil) }
            guard afterMonth.last == "日", let day = number(afterMonth.dropLast(), maxDigits: 2) else { throw fail }
            return Parts(year: year, month: month, day: day)
        }
        if hadPrefix { text = Substring(text.filter { $0 != " " }) }

        for separator: Character in ["/", "-", "."] where text.contains(separator) {
            let pieces = text.split(separator: separator, omittingEmptySubsequences: false)
            guard let year = number(pieces[0], maxDigits: 3) else { throw fail }
            if pieces.count == 2, let month = number(pieces[1], maxDigits: 2) {
                return Parts(year: year, month: month, day: nil)
            }
            guard pieces.count == 3, let month = number(pieces[1], maxDigits: 2),
                  let day = number(pieces[2], maxDigits: 2) else { throw fail }
            return Parts(year: year, month: month, day: day)
        }

        guard text.allSatisfy(isDigit) else { throw fail }
        let digits = Array(text)
        func value(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        switch digits.count {
        case 7: return Parts(year: value(0..<3), month: value(3..<5), day: value(5..<7))
        case 6 where !monthOnly: return Parts(year: value(0..<2), month: value(2..<4), day: value(4..<6))
        case 5: return Parts(year: value(0..<3), month: value(3..<5), day: nil)
        default: throw fail
        }
    }
}

// MARK: Dates as people read them

extension CalendarDate {
    /// The date as text for people: `115/01/01` (ROC, slashed); a date before ROC year 1
    /// (which no NHI record has) keeps its ISO form. JSON and files keep ISO 8601 or the
    /// file's own format; this is for screens, listings and printed text.
    public var rocSlashed: String { (try? ROCDate(self))?.formatted(.slashed) ?? iso }
}

extension ROCDate {
    /// An instant as people read it at the counter: `115/11/23 22:30:00`, in Taiwan time.
    public static func timestamp(_ instant: Date) -> String {
        let day = CalendarDate.today(at: instant)
        let seconds = Int(instant.timeIntervalSince(day.startInTaiwan))
        return day.rocSlashed + " " + ROCDateParser.pad(seconds / 3600, 2) + ":" + ROCDateParser.pad(seconds % 3600 / 60, 2)
            + ":" + ROCDateParser.pad(seconds % 60, 2)
    }
}

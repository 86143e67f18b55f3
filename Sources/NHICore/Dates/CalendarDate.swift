import Foundation

/// A day in the Gregorian calendar, without time or time zone: effective dates, birth
/// dates, due dates. Written `YYYY-MM-DD` (ISO 8601), which is also its `Codable` form.
///
/// Arithmetic is exact integer day arithmetic (no `Calendar`, no time zones), so
/// "the first of next month" or "15 days after the due date" never drift.
public struct CalendarDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The Gregorian year, 1–9999 (AD; the ROC year is this − 1911).
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31 as the month allows.
    public let day: Int

    /// Creates a date; throws `date.invalid` for a day that does not exist (2023-02-29).
    public init(year: Int, month: Int, day: Int) throws(ValidationError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(year: year, month: month)).contains(day) else {
            throw ValidationError.make(.dateInvalid, .date, input: "\(year)-\(month)-\(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For literals known to be valid.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (works on bytes: databases and files parse millions of these).
    public init(iso text: String) throws(ValidationError) {
        var text = text
        let parsed: (Int, Int, Int)? = text.withUTF8 { b in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            var value = 0
            var fields = (0, 0, 0)
            for (i, byte) in b.enumerated() where i != 4 && i != 7 {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                if i == 3 { fields.0 = value; value = 0 }
                if i == 6 { fields.1 = value; value = 0 }
            }
            fields.2 = value
            return fields
        }
        guard let (y, m, d) = parsed else { throw ValidationError.make(.dateFormat, .date, input: text) }
        try self.init(year: y, month: m, day: d)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The date `n` days later (earlier when negative).
    public func adding(days n: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The same day `n` months later, clamped to the month's last day (01-31 + 1 month = 02-28).
    public func adding(months n: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + n
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(unchecked: y, m, min(day, Self.daysIn(year: y, month: m)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The first day of this month.
    public var firstOfMonth: CalendarDate { CalendarDate(unchecked: year, month, 1) }
    /// The last day of this month.
    public var lastOfMonth: CalendarDate { CalendarDate(unchecked: year, month, Self.daysIn(year: year, month: month)) }
    /// The first day of the next month.
    public var firstOfNextMonth: CalendarDate { firstOfMonth.adding(months: 1) }
    /// Whether this is the last day of its month.
    public var isLastDayOfMonth: Bool { day == Self.daysIn(year: year, month: month) }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int { ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1 }

    /// Today in Taiwan (UTC+8, no daylight saving) at the instant `now`.
    public static func today(at now: Date = Date()) -> CalendarDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        return CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// Midnight at the start of this day in Taiwan.
    public var startInTaiwan: Date { Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch * 86_400 - 8 * 3600)) }

    /// `YYYY-MM-DD`.
    public var iso: String {
        guard (0...9999).contains(year) else { return String(format: "%04d-%02d-%02d", year, month, day) }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, _ digits: Int, at offset: Int) {
                var v = value
                for k in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[offset + k] = UInt8(0x30 + v % 10)
                    v /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = 0x2D
            put(month, 2, at: 5)
            buffer[7] = 0x2D
            put(day, 2, at: 8)
            return 10
        }
    }

    /// The date as ``iso`` (`2026-01-01`).
    public var description: String { iso }

    /// Orders by year, then month, then day.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a `YYYY-MM-DD` string; throws the `date.format` or `date.invalid` ``ValidationError``.
    public init(from decoder: any Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the date as its `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

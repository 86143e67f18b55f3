import NHICore

/// A wall-clock time in Taiwan (UTC+8, no daylight saving since 1979), to the second:
/// what the NHI's logs and upload records show.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The day.
    public let date: CalendarDate
    /// 0–23.
    public let hour: Int
    /// 0–59.
    public let minute: Int
    /// 0–59.
    public let second: Int

    /// Taiwan's offset from UTC in seconds.
    public static let taiwanUTCOffset = 8 * 3600

    /// Creates a time; throws `log.timestamp` for an hour, minute or second out of range.
    public init(date: CalendarDate, hour: Int, minute: Int, second: Int) throws(FormatError) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw FormatError(.logTimestamp, value: "\(hour):\(minute):\(second)")
        }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The local time of an instant given as seconds since 1970-01-01T00:00:00Z.
    public init(secondsSinceEpoch: Int64, utcOffset: Int = LocalDateTime.taiwanUTCOffset) {
        let local = secondsSinceEpoch + Int64(utcOffset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let rest = Int(local - days * 86_400)
        date = CalendarDate(daysSinceEpoch: Int(days))
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
    }

    /// Seconds since 1970-01-01T00:00:00Z of this local time.
    public func secondsSinceEpoch(utcOffset: Int = LocalDateTime.taiwanUTCOffset) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(utcOffset)
    }

    /// `yyyMMddHHmmss` in the ROC calendar (`1050713104533`), as in log file names.
    public var rocCompact: String {
        ((try? ROCDate(date))?.formatted(.compact) ?? "") + Self.pad(hour) + Self.pad(minute) + Self.pad(second)
    }

    /// `2016-07-13T10:45:33` (ISO 8601, local time, no offset).
    public var iso: String { date.description + "T" + Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second) }

    /// The time as ``iso``: `2016-07-13T10:45:33`.
    public var description: String { iso }

    /// Orders by day, then hour, minute and second.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// Parses `2016-07-13T10:45:33` (ISO, local) or `yyyMMddHHmmss` (ROC).
    public init(parsing text: String) throws(FormatError) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        do {
            if bytes.count == 13, let y = number(0..<3), let mo = number(3..<5), let d = number(5..<7),
               let h = number(7..<9), let mi = number(9..<11), let s = number(11..<13) {
                try self.init(date: ROCDate(year: y, month: mo, day: d).gregorian, hour: h, minute: mi, second: s)
                return
            }
            if bytes.count == 19, bytes[10] == 0x54 || bytes[10] == 0x20, let h = number(11..<13), let mi = number(14..<16),
               let s = number(17..<19), bytes[13] == 0x3A, bytes[16] == 0x3A {
                try self.init(date: CalendarDate(iso: String(text.prefix(10))), hour: h, minute: mi, second: s)
                return
            }
        } catch let error as FormatError {
            throw error
        } catch let error as ValidationError {
            throw FormatError(.logTimestamp, value: text, underlying: error)
        } catch {
            throw FormatError(.logTimestamp, value: text)
        }
        throw FormatError(.logTimestamp, value: text)
    }
}

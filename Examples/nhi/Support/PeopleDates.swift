import Foundation
import NHICore

// Text and CSV for people print dates in the ROC calendar and times in Taiwan time
// (115/11/23, 115/11/23 22:30:00); JSON keeps ISO 8601.

extension CalendarDate {
    /// `115/01/01`.
    var rocText: String { (try? ROCDate(self))?.formatted(.slashed) ?? iso }
}

/// `115/11/23 22:30:00` in Taiwan time.
func rocTimestamp(_ date: Date) -> String {
    let day = CalendarDate.today(at: date)
    let seconds = Int(date.timeIntervalSince(day.startInTaiwan))
    return day.rocText + String(format: " %02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
}

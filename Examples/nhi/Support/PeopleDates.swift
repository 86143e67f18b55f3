import Foundation
import NHICore

// Text and CSV for people print dates in the ROC calendar and times in Taiwan time
// (115/11/23, 115/11/23 22:30:00); JSON keeps ISO 8601.

// The formatting itself lives in NHICore: `CalendarDate.rocSlashed`, `ROCDate.timestamp(_:)`.

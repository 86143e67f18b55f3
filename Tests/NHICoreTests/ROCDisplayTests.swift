import Foundation
import NHICore
import Testing

/// Dates for people (screens, listings, printed text) are formatted in one place.
@Suite("ROC dates as people read them")
struct ROCDisplayTests {
    @Test("rocSlashed: three-digit years, zero-padded below 100; ISO before ROC year 1")
    func slashed() throws {
        #expect(try CalendarDate(iso: "2026-11-23").rocSlashed == "115/11/23")
        #expect(try CalendarDate(iso: "1996-05-04").rocSlashed == "085/05/04")
        #expect(try CalendarDate(iso: "1911-12-31").rocSlashed == "1911-12-31")
    }

    @Test("timestamp: Taiwan time (UTC+8), including across midnight")
    func timestamp() {
        let iso = ISO8601DateFormatter()
        #expect(ROCDate.timestamp(iso.date(from: "2026-11-23T14:30:05Z")!) == "115/11/23 22:30:05")
        #expect(ROCDate.timestamp(iso.date(from: "2026-11-23T16:00:00Z")!) == "115/11/24 00:00:00")
        #expect(ROCDate.timestamp(iso.date(from: "2026-11-23T15:59:59Z")!) == "115/11/23 23:59:59")
    }
}

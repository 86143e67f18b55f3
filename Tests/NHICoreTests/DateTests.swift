import Testing
@testable import NHICore

@Suite("ROC and Gregorian dates")
struct DateTests {
    @Test("Every SPEC §11 written form parses to the right Gregorian day")
    func rocForms() throws {
        for pair in Spec11.shared.rocDates {
            #expect(try ROCDate(parsing: pair[0]).gregorian.iso == pair[1], "\(pair[0])")
        }
    }

    @Test("Invalid ROC dates are rejected with the broken rule")
    func invalid() {
        for pair in Spec11.shared.rocDatesInvalid {
            #expect(throws: ValidationError(.init(rawValue: pair[1])), "\(pair[0])") { try ROCDate(parsing: pair[0]) }
        }
    }

    @Test("ROC months")
    func months() throws {
        for pair in Spec11.shared.rocMonths {
            #expect(try ROCMonth(parsing: pair[0]).firstDay.iso == pair[1])
        }
        #expect(try ROCMonth(parsing: "10701").compact == "10701")
        #expect(throws: ValidationError(.rocDateMonth)) { try ROCMonth(parsing: "10713") }
    }

    @Test("Formatting in every style, zero-padded below year 100")
    func formatting() throws {
        let date = try ROCDate(parsing: "085/05/04")
        #expect(date.formatted(.compact) == "0850504")
        #expect(date.formatted(.slashed) == "085/05/04")
        #expect(date.formatted(.chinese) == "民國85年5月4日")
        let later = try ROCDate(parsing: "1111227")
        #expect(later.formatted(.slashed) == "111/12/27")
        for style in ROCDate.Style.allCases {
            #expect(try ROCDate(parsing: later.formatted(style)) == later)
        }
    }

    @Test("Property: Gregorian → ROC → Gregorian round-trips for every day 1912–2111")
    func roundTrip() throws {
        let start = try CalendarDate(year: 1912, month: 1, day: 1).daysSinceEpoch
        let end = try CalendarDate(year: 2111, month: 12, day: 31).daysSinceEpoch
        var previous: CalendarDate?
        for day in stride(from: start, through: end, by: 1) {
            let date = CalendarDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            let roc = try ROCDate(date)
            #expect(roc.year == date.year - 1911)
            #expect(roc.gregorian == date)
            if let previous { #expect(previous < date) }
            previous = date
        }
    }

    @Test("Calendar arithmetic")
    func arithmetic() throws {
        let d = try CalendarDate(year: 2024, month: 1, day: 31)
        #expect(d.adding(months: 1).iso == "2024-02-29")
        #expect(d.firstOfNextMonth.iso == "2024-02-01")
        #expect(try CalendarDate(year: 2024, month: 2, day: 29).isLastDayOfMonth)
        #expect(try CalendarDate(iso: "2026-11-23").isoWeekday == 1, "2026-11-23 is a Monday")
        #expect(CalendarDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(throws: ValidationError(.dateInvalid)) { try CalendarDate(year: 2023, month: 2, day: 29) }
        #expect(throws: ValidationError(.dateFormat)) { try CalendarDate(iso: "2023/02/01") }
        #expect(throws: ValidationError(.rocDateYear)) { try ROCDate(CalendarDate(year: 1911, month: 12, day: 31)) }
    }

    @Test("Typed dates: ISO or every ROC form, full-width folded; the same for months")
    func typedInput() throws {
        for pair in Spec11.shared.rocDates {
            #expect(try CalendarDate(parsingISOOrROC: pair[0]).iso == pair[1], "\(pair[0])")
            #expect(try CalendarDate(parsingISOOrROC: pair[1]).iso == pair[1], "\(pair[1])")
        }
        let a = try CalendarDate(parsingISOOrROC: "2026-01-01")
        let b = try CalendarDate(parsingISOOrROC: " １１５/０１/０１ ")
        #expect(a == b)
        #expect(throws: ValidationError(.dateInvalid)) { try CalendarDate(parsingISOOrROC: "2026-02-30") }
        #expect(throws: ValidationError.self) { try CalendarDate(parsingISOOrROC: "2026/01/01") }
        #expect(try ROCMonth(parsingISOOrROC: "2025-11") == ROCMonth(year: 114, month: 11))
        #expect(try ROCMonth(parsingISOOrROC: "114/11") == ROCMonth(year: 114, month: 11))
        #expect(try ROCMonth(parsingISOOrROC: "１１４１１") == ROCMonth(year: 114, month: 11))
        #expect(throws: ValidationError.self) { try ROCMonth(parsingISOOrROC: "2025-13") }
    }
}

import Foundation
import NHICore
import Testing
@testable import NHIGrades

@Suite("Exact rates and the error catalog")
struct RateTests {
    @Test("Percent and decimal forms parse exactly and print back")
    func parsing() throws {
        #expect(try Rate(percent: "5.17%") == Rate(517, over: 10_000))
        #expect(try Rate(percent: "5.17 %").percentString == "5.17%")
        #expect(try Rate(percent: "11.5").percentString == "11.5%")
        #expect(try Rate(percent: "0.07%").decimalString == "0.0007")
        #expect(try Rate(decimal: "0.56").percentString == "56%")
        #expect(try Rate(decimal: "0.56").decimalString == "0.56")
        #expect(Rate(1, over: 3).percentString == "33.333333…%")
        for bad in ["", "%", "5,17%", "-1%", "1.2.3", "1.", ".5", "0.1234567", "abc"] {
            #expect(throws: GradeError(.rateFormat), "\(bad)") { try Rate(percent: bad) }
        }
    }

    @Test("Arithmetic is exact and half-up rounding happens once")
    func arithmetic() throws {
        let rate = try Rate(percent: "5.17%")
        #expect(rate * .percent(30) == Rate(1_551, over: 100_000))
        #expect(Rate.one + (try Rate(decimal: "0.56")) == Rate(39, over: 25))
        #expect(try Rate(percent: "0.1%") < .percent(5))
        #expect(try (rate * .percent(30)).applied(to: m(29_500)) == m(458))   // 457.545 → 458
        #expect(try Rate(1, over: 2).applied(to: m(1)) == m(1))               // 0.5 → 1
        #expect(try Rate(1, over: 2).applied(to: m(3)) == m(2))               // 1.5 → 2
        #expect(try Rate(1, over: 3).applied(to: m(1)) == .zero)
        #expect(throws: GradeError(.amountOverflow)) { try rate.applied(to: Money(Int64.max / 2)) }
    }

    @Test("GradeError codes are unique, dotted, bilingual, and documented in ErrorCodes.md")
    func catalog() throws {
        let codes = GradeError.catalog.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for entry in GradeError.catalog {
            #expect(entry.code.rawValue.split(separator: ".").count == 2)
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("Documentation/ErrorCodes.md"), encoding: .utf8)
        for code in codes { #expect(doc.contains("`\(code)`"), "\(code) missing from Documentation/ErrorCodes.md") }
        let error = GradeError(.daysRange, field: "days", input: "31")
        #expect(error.message == "投保日數：投保日數應為1至30日：31")
        #expect(error.messageEn == "Days insured: days insured must be 1–30: 31")
        #expect(error == GradeError(.daysRange))
    }
}

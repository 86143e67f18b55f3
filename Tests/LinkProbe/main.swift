// The smallest integrator: imports only NHICore + NHIGrades + NHIFormats + NHIService and
// encodes a premium and a batch report with Foundation's JSONEncoder. scripts/check-links
// builds it and checks with ldd which system libraries it links.
import Foundation
import NHICore
import NHIFormats
import NHIGrades
import NHIService

let calculator = PremiumCalculator(tables: .bundled)
let premium = try calculator.nhi(salary: 29_500, on: CalendarDate(iso: "2026-01-01"), dependants: 2)
let report = try BatchRegistrationChecker().check(.bytes(Array("A123456789,a@example.com,0912345678,\n".utf8), name: "t.csv"))
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
print(String(decoding: try encoder.encode(premium), as: UTF8.self))
print(String(decoding: try encoder.encode(report), as: UTF8.self))
_ = ServiceError(.storeUnavailable)

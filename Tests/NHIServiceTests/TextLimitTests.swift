import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

/// Stored text in the service's requests follows NHICore's TextRule (issue 17).
@Suite("Stored text limits in requests")
struct TextLimitTests {
    @Test("Addresses, pick-up counters and attachment names: length and characters, naming the field", arguments: TestStoreKind.available)
    func cardApplicationText(_ store: TestStoreKind) throws {
        #expect(throws: ServiceError(.requestInvalidText)) {
            try CardApplication.Address(county: "臺北市", district: "大安區", village: "龍安里", neighbourhood: "5",
                                        street: String(repeating: "路", count: 10_000))
        }
        do {
            _ = try CardApplication.Address(county: "臺北市\n", district: "大\u{202E}安區", village: "", neighbourhood: "", street: "信義路")
            Issue.record("a bidi override was accepted")
        } catch {
            #expect(error.context["field"] == "address" && error.message.contains("地址") && error.messageEn.contains("Address"))
        }
        #expect(throws: ServiceError(.requestInvalidText)) {
            try UploadedDocument(fileName: "me\r\n.jpg", data: Data([0xFF, 0xD8, 0xFF, 0xE0]), purpose: .cardPhoto)
        }
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        #expect(throws: ServiceError(.requestInvalidText)) {
            try f.service.cards.apply(for: Fixture.owner, reason: .lost, email: try EmailAddress(parsing: "me@example.com"), phones: Fixture.phones(),
                                      pickup: .counter(office: "=HYPERLINK(\"http://x\")"), photo: nil, by: certificate)
        }
    }
}

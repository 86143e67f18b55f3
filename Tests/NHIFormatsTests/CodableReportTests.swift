import Foundation
import Testing
import NHICore
import NHIFormats

/// Issue 16: a batch-registration report, its issues and errors encode with `JSONEncoder`
/// to the keys of `nhi batch-register check --json`, and decode back.
@Suite("Codable batch reports")
struct CodableReportTests {
    static let file = Array("A123456789,a@example.com,0912345678,\nZ987654321,b@example.com,0912345678,\nA123456789,c@example.com,9.12346E+8,\n".utf8)

    @Test("BatchRegistrationReport round-trips and has the CLI's keys")
    func report() throws {
        let report = try BatchRegistrationChecker().check(.bytes(Self.file, name: "t.csv"))
        let data = try JSONEncoder().encode(report)
        let back = try JSONDecoder().decode(BatchRegistrationReport.self, from: data)
        #expect(back == report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["file", "encoding", "bom", "variant", "header", "rows", "valid", "invalid", "blankRows", "fileName", "errors", "warnings", "changes"] {
            #expect(json[key] != nil, "\(key)")
        }
        let first = try #require((json["errors"] as? [[String: Any]])?.first)
        for key in ["row", "column", "line", "code", "rule", "field", "message", "messageEn", "value"] {
            #expect(first[key] != nil, "\(key)")
        }
        #expect(first["code"] as? String == "batch.invalidID" && first["rule"] as? String == "residentID.checksum")
    }

    @Test("FormatError and ValidationError round-trip with their context")
    func errors() throws {
        let error = FormatError(.batchInvalidID, line: 2, row: 2, column: 1, field: .personalID, value: "Z98765****",
                                underlying: ValidationError(.residentIDChecksum), detail: "細節", detailEn: "detail")
        let back = try JSONDecoder().decode(FormatError.self, from: JSONEncoder().encode(error))
        #expect(back == error && back.message == error.message && back.messageEn == error.messageEn)
        #expect(back.field == .personalID && back.field?.label == Field.personalID.label && back.underlying?.code == .residentIDChecksum)
        let validation = ValidationError(.nationalIDChecksum, field: .nationalID, input: "A12345****", zh: "檢查碼錯誤", en: "wrong check digit")
        let again = try JSONDecoder().decode(ValidationError.self, from: JSONEncoder().encode(validation))
        #expect(again == validation && again.message == validation.message && again.field == .nationalID)
    }
}

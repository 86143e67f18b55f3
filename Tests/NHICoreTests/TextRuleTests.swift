import Foundation
import Testing
@testable import NHICore

/// Every stored text field has a length limit and a character rule (issue 17).
@Suite("Stored text: length and character rules")
struct TextRuleTests {
    static func unit(_ name: String) throws -> InsuredUnit {
        try InsuredUnit(code: UnitCode(parsing: "110001000"), name: name, ubn: nil, labourInsuranceNumber: nil,
                        ownerID: PersonalID(parsing: "A123456789"), ownerPhones: ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678")),
                        email: EmailAddress(parsing: "hr@example.com.tw"), nhiOnly: true)
    }

    @Test("Unit names: 10,000 characters, CR/LF, a leading = and bidi overrides are refused, naming the field")
    func unitNames() throws {
        #expect(try Self.unit("  數美科技股份有限公司 ").name == "數美科技股份有限公司")
        #expect(try Self.unit(String(repeating: "數", count: 60)).name.count == 60)
        #expect(throws: ValidationError(.textLength)) { try Self.unit(String(repeating: "數", count: 10_000)) }
        #expect(throws: ValidationError(.textCharacters)) { try Self.unit("數美科技\r\n=SUM(1)") }
        #expect(throws: ValidationError(.textCharacters)) { try Self.unit("數美\u{202E}技科") }
        #expect(throws: ValidationError(.textFormula)) { try Self.unit("=HYPERLINK(\"http://x\")") }
        #expect(throws: ValidationError(.textFormula)) { try Self.unit("@SUM(1+1)") }
        #expect(throws: ValidationError(.unitNameEmpty)) { try Self.unit(" ") }
        do { _ = try Self.unit(String(repeating: "數", count: 10_000)) } catch let error as ValidationError {
            #expect(error.message.hasPrefix("投保單位名稱：") && error.message.contains("60"))
            #expect(error.messageEn.hasPrefix("Unit name: too long (at most 60"))
            #expect((error.input?.count ?? 0) <= 41, "the error does not carry the whole input")
        }
    }

    @Test("Serials: ASCII letters, digits, : - . only, 64 at most; villages and labels 40")
    func otherFields() throws {
        #expect(try TextRule.certificateSerial.check("0A1B2C3D") == "0A1B2C3D")
        #expect(try TextRule.certificateSerial.check("3b:2c:01") == "3b:2c:01")
        #expect(throws: ValidationError(.textLength)) { try TextRule.certificateSerial.check(String(repeating: "A", count: 10_000)) }
        #expect(throws: ValidationError(.textCharacters)) { try TextRule.certificateSerial.check("0A1B\n2C") }
        #expect(throws: ValidationError(.textCharacters)) { try TextRule.certificateSerial.check("序號123") }
        #expect(throws: ValidationError(.textLength)) { try TextRule.registeredVillage.check(String(repeating: "里", count: 10_000)) }
        #expect(throws: ValidationError(.textCharacters)) { try TextRule.deviceLabel.check("Pixel\u{0}") }
        #expect(try TextRule.contactName.checkOptional("  ") == nil)
        #expect(throws: ValidationError(.textCharacters)) { try TextRule.fileName.check("1100010001151124\n.csv") }
        #expect(throws: ValidationError(.textLength)) { try TextRule.fileName.check(String(repeating: "a", count: 10_000) + ".csv") }
        // Private-use characters (rare name characters in household registers) stay allowed.
        #expect(try TextRule.registeredVillage.check("臺北市\u{E000}里") == "臺北市\u{E000}里")
    }

    @Test("Person names also refuse invisible format characters")
    func personNames() {
        #expect(throws: ValidationError(.nameCharacters)) { try PersonName("王\u{200B}小明") }
        #expect(throws: ValidationError(.nameCharacters)) { try PersonName("王\u{202E}小明") }
        #expect(throws: ValidationError(.nameCharacters)) { try PersonName("王\n小明") }
    }
}

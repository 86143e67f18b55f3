import Testing
@testable import NHICore

@Suite("Phones and e-mail")
struct ContactTests {
    @Test("Landline forms print in the seeds' form")
    func landlines() throws {
        for pair in Spec11.shared.landline {
            #expect(try LandlineNumber(parsing: pair[0]).rawValue == pair[1], "\(pair[0])")
        }
    }

    @Test("Landline errors")
    func landlineErrors() {
        for pair in Spec11.shared.landlineInvalid {
            #expect(throws: ValidationError(.init(rawValue: pair[1])), "\(pair[0])") { try LandlineNumber(parsing: pair[0]) }
        }
    }

    @Test("Landline parts")
    func landlineParts() throws {
        let n = try LandlineNumber(parsing: "03-1234567#123")
        #expect(n.areaCode.code == "03")
        #expect(n.subscriber == "1234567")
        #expect(n.extension == "123")
        #expect(try LandlineNumber(parsing: "037123456").areaCode.code == "037", "longest fitting area code")
        #expect(try LandlineNumber(parsing: "0836-12345").areaCode.area == "馬祖")
    }

    @Test("Mobile numbers")
    func mobiles() throws {
        for text in ["0912345678", "0912-345-678", "0912 345 678", "+886 912 345 678", "+886-912-345678", "886912345678"] {
            #expect(try MobileNumber(parsing: text).rawValue == "0912345678", "\(text)")
        }
        #expect(throws: ValidationError(.mobileFormat)) { try MobileNumber(parsing: "912345678") }
        #expect(throws: ValidationError(.mobilePrefix)) { try MobileNumber(parsing: "0212345678") }
        #expect(throws: ValidationError(.mobileFormat)) { try MobileNumber(parsing: "09123456789") }
        #expect(throws: ValidationError(.mobileFormat)) { try MobileNumber(parsing: "0912a45678") }
    }

    @Test("E-mail: the practical subset")
    func emails() throws {
        for text in ["Z987654321@eg.com.tw", "12345@nhi.gov.tw", "first.last+tag@example.org", "a_b@sub-domain.example.com"] {
            #expect(try EmailAddress(parsing: text).localPart == String(text.split(separator: "@")[0]))
        }
        #expect(try EmailAddress(parsing: "User@Example.COM").rawValue == "User@example.com")
        let bad: [(String, ValidationError.Code)] = [
            ("plainaddress", .emailFormat), ("a@b@c.com", .emailFormat), ("@example.com", .emailFormat),
            (".a@example.com", .emailLocalPart), ("a..b@example.com", .emailLocalPart), ("a b@example.com", .emailLocalPart),
            ("王@example.com", .emailLocalPart), ("a@localhost", .emailDomain), ("a@-x.com", .emailDomain),
            ("a@example.c", .emailDomain), ("a@example.123", .emailDomain), ("a@exa_mple.com", .emailDomain),
            ("a@[127.0.0.1]", .emailDomain), (String(repeating: "a", count: 65) + "@x.com", .emailLength),
        ]
        for (text, code) in bad {
            #expect(throws: ValidationError(code), "\(text)") { try EmailAddress(parsing: text) }
        }
    }
}

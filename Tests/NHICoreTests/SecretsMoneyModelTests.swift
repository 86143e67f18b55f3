import Foundation
import Testing
@testable import NHICore

@Suite("Passwords, PINs, money and models")
struct SecretsMoneyModelTests {
    @Test("Password strength meter 弱/中/中強/強")
    func strength() throws {
        #expect(try RegistrationPassword("abcdef").strength == .weak)
        #expect(try RegistrationPassword("abc123").strength == .medium)
        #expect(try RegistrationPassword("Abc123").strength == .mediumStrong)
        #expect(try RegistrationPassword("Abc12-!").strength == .mediumStrong, "4 classes but only 7 characters")
        #expect(try RegistrationPassword("Abc123-!").strength == .strong)
        #expect(RegistrationPassword.Strength.strong.label == "強")
        #expect(throws: ValidationError(.passwordLength)) { try RegistrationPassword("abc12") }
        #expect(throws: ValidationError(.passwordLength)) { try RegistrationPassword("abcdefghijklm") }
        #expect(throws: ValidationError(.passwordCharacters)) { try RegistrationPassword("abc 123") }
        #expect(throws: ValidationError(.passwordCharacters)) { try RegistrationPassword("密碼abc123") }
    }

    @Test("Secrets never print")
    func secretsNeverPrint() throws {
        let password = try RegistrationPassword("Secret12!")
        let pin = try PIN("123456")
        #expect("\(password)" == "******")
        #expect(String(reflecting: pin) == "******")
        do { _ = try PIN("12345") } catch {
            #expect(error.code == .pinLength)
            #expect(error.input == "******")
            #expect(error.message.contains("9041"))
        }
        #expect(throws: ValidationError(.pinCharacters)) { try PIN("12345!") }
    }

    @Test("Money: exact half-up rounding and parsing")
    func money() throws {
        #expect(Money.roundHalfUp(numerator: 5, denominator: 10) == 1)
        #expect(Money.roundHalfUp(numerator: 4, denominator: 10) == 0)
        #expect(Money.roundHalfUp(numerator: 15, denominator: 10) == 2)
        #expect(Money.roundHalfUp(numerator: -15, denominator: 10) == -2)
        #expect(try Money(parsing: "NT$29,500") == 29_500)
        #expect(Money(29_500).description == "NT$29,500")
        #expect(Money(1_234_567).grouped == "1,234,567")
        #expect(throws: ValidationError(.moneyFormat)) { try Money(parsing: "29500.5") }
        #expect(throws: ValidationError(.moneyNegative)) { try Money(parsing: "-1") }
        let encoded = try JSONEncoder().encode(Money(458))
        #expect(String(decoding: encoded, as: UTF8.self) == "458")
    }

    @Test("Dependants: in-laws refused, siblings not eligible")
    func relations() throws {
        #expect(try DependantRelation(parsing: "配偶") == .spouse)
        #expect(try DependantRelation(parsing: "父") == .parent)
        #expect(try DependantRelation(parsing: "grandchild") == .grandchild)
        for inLaw in ["公婆", "岳父母", "岳母", "father-in-law", "婆婆"] {
            #expect(throws: ValidationError(.relationInLaw), "\(inLaw)") { try DependantRelation(parsing: inLaw) }
        }
        #expect(throws: ValidationError(.relationNotEligible)) { try DependantRelation(parsing: "兄弟姊妹") }
        #expect(throws: ValidationError(.relationUnknown)) { try DependantRelation(parsing: "鄰居") }
    }

    @Test("Units need a phone, and a labour-insurance number unless NHI-only")
    func units() throws {
        let owner = try PersonalID(parsing: "A123456789")
        let email = try EmailAddress(parsing: "hr@example.com.tw")
        #expect(throws: ValidationError(.contactPhoneMissing)) { try ContactPhones(landline: nil, mobile: nil) }
        let phones = try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678"))
        #expect(throws: ValidationError(.labourInsuranceNumberMissing)) {
            try InsuredUnit(code: UnitCode(parsing: "110001000"), name: "數美科技", ubn: nil, labourInsuranceNumber: nil,
                            ownerID: owner, ownerPhones: phones, email: email, nhiOnly: false)
        }
        let nhiOnly = try InsuredUnit(code: UnitCode(parsing: "110001000"), name: "數美科技", ubn: nil, labourInsuranceNumber: nil,
                                      ownerID: owner, ownerPhones: phones, email: email, nhiOnly: true)
        #expect(!nhiOnly.canFileThreeInOne)
        let full = try InsuredUnit(code: UnitCode(parsing: "110001000"), name: "數美科技", ubn: UBN(parsing: "04595257"),
                                   labourInsuranceNumber: LabourInsuranceNumber(parsing: "01234567A"),
                                   ownerID: owner, ownerPhones: phones, email: email, nhiOnly: false)
        #expect(full.canFileThreeInOne)
        let json = try JSONEncoder().encode(full)
        #expect(try JSONDecoder().decode(InsuredUnit.self, from: json) == full)
    }

    @Test("Foreign nationals need a resident number; names allow ＊")
    func persons() throws {
        let birth = try CalendarDate(year: 1990, month: 1, day: 1)
        #expect(throws: ValidationError(.personForeignNeedsResidentID)) {
            try InsuredPerson(id: PersonalID(parsing: "A123456789"), name: PersonName("Tom"), birthDate: birth, role: .foreignNational)
        }
        let p = try InsuredPerson(id: PersonalID(parsing: "A800000014"), name: PersonName("陳＊明"), birthDate: birth, role: .foreignNational)
        #expect(p.name.hasMissingGlyph)
        #expect(throws: ValidationError(.nameEmpty)) { try PersonName("  ") }
        #expect(CertificateKind.moeaca.isOrganisation)
        #expect(!CertificateKind.healthcareProfessional.isOrganisation)
        #expect(try InsuredCategory(parsing: "self-employed") == .selfEmployed)
    }
}

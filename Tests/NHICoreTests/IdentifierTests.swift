import Testing
@testable import NHICore

@Suite("National IDs and resident numbers (SPEC §11)")
struct PersonalIDTests {
    @Test("SPEC §11 valid national IDs", arguments: Spec11.shared.nationalID.valid)
    func validNationalID(_ text: String) throws {
        let id = try NationalID(parsing: text)
        #expect(id.rawValue == text)
        #expect(id.masked == String(text.prefix(6)) + "****")
        #expect("\(id)" == id.masked, "description never shows the full ID")
    }

    @Test("SPEC §11 invalid national IDs")
    func invalidNationalID() {
        for pair in Spec11.shared.nationalID.invalid {
            #expect(throws: ValidationError(.init(rawValue: pair[1]))) { try NationalID(parsing: pair[0]) }
        }
    }

    @Test("A123456789 sums to 130 and decodes to a man from Taipei City")
    func decodedDetails() throws {
        let bytes = Array("A123456789".utf8)
        #expect(IDChecksum.sum(bytes[0], bytes[1], digits: (bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9])) == 130)
        let id = try NationalID(parsing: "A123456789")
        #expect(id.sex == .male)
        #expect(id.region.name == "臺北市")
        #expect(id.region.isStillIssued)
        #expect(try NationalID(parsing: "F131104093").sex == .male)
        #expect(try NationalID(parsing: "O158238845").region.name == "新竹市")
    }

    @Test("Letters L, R, S, Y are valid but no longer issued")
    func retiredLetters() throws {
        for letter in ["L", "R", "S", "Y"] {
            let id = NationalID.make(letter: Character(letter), sex: .female, serial: 1234567)
            #expect(!id.region.isStillIssued)
            #expect(id.sex == .female)
        }
        #expect(IssuingRegion(letter: "A")!.isStillIssued)
    }

    @Test("Shape errors name the broken rule")
    func shapeErrors() {
        #expect(throws: ValidationError(.nationalIDEmpty)) { try NationalID(parsing: "") }
        #expect(throws: ValidationError(.nationalIDLength)) { try NationalID(parsing: "A12345678") }
        #expect(throws: ValidationError(.nationalIDLetter)) { try NationalID(parsing: "1123456789") }
        #expect(throws: ValidationError(.nationalIDSex)) { try NationalID(parsing: "A323456789") }
        #expect(throws: ValidationError(.nationalIDDigits)) { try NationalID(parsing: "A12345678X") }
        #expect(throws: ValidationError(.nationalIDLetter)) { try NationalID(parsing: "a123456789") }
    }

    @Test("Errors carry field, masked input and both languages")
    func errorContext() {
        do {
            _ = try NationalID(parsing: "A123456788")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == .nationalID)
            #expect(error.input == "A12345****")
            #expect(error.message == "身分證號：檢查碼不符")
            #expect(error.messageEn == "National ID: check digit does not match")
            #expect(error.errorCode == "nationalID.checksum")
        }
    }

    @Test("SPEC §11 resident numbers, new and old form")
    func residentIDs() throws {
        for text in Spec11.shared.residentIDNew.valid {
            #expect(try ResidentID(parsing: text).form == .new)
        }
        for text in Spec11.shared.residentIDOld.valid {
            #expect(try ResidentID(parsing: text).form == .old)
        }
        for pair in Spec11.shared.residentIDNew.invalid + Spec11.shared.residentIDOld.invalid {
            #expect(throws: ValidationError(.init(rawValue: pair[1]))) { try ResidentID(parsing: pair[0]) }
        }
        let new = try ResidentID(parsing: "A900207177")
        #expect(new.sex == .female)
        #expect(new.category == .foreign)
        #expect(try ResidentID(parsing: "A800000014").sex == .male)
        #expect(try ResidentID(parsing: "AB00207171").sex == .female)
        #expect(try ResidentID(parsing: "AB00207171").category == .taiwanAreaOld)
        #expect(try ResidentID(parsing: "BD01300667").category == .mainlandHongKongMacaoOld)
        #expect(throws: ValidationError(.residentIDFormat)) { try ResidentID(parsing: "AE00000000") }
    }

    @Test("One entry point detects national IDs and both resident forms")
    func personalIDDetection() throws {
        #expect(try PersonalID(parsing: "A123456789") == .national(try NationalID(parsing: "A123456789")))
        #expect(try PersonalID(parsing: "A800000014").isResident)
        #expect(try PersonalID(parsing: "AC03095424").isResident)
        #expect(throws: ValidationError(.nationalIDChecksum)) { try PersonalID(parsing: "A123456788") }
        #expect(throws: ValidationError(.residentIDChecksum)) { try PersonalID(parsing: "A800000000") }
        #expect(throws: ValidationError(.personalIDFormat)) { try PersonalID(parsing: "A323456789") }
    }

    @Test("Property: every generated ID round-trips through parsing and Codable")
    func generatedRoundTrip() throws {
        var rng = SplitMix(seed: 42)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for _ in 0..<2_000 {
            let id = NationalID.make(letter: letters.randomElement(using: &rng)!,
                                     sex: Bool.random(using: &rng) ? .male : .female,
                                     serial: Int.random(in: 0..<10_000_000, using: &rng))
            #expect(try NationalID(parsing: id.rawValue) == id)
            #expect(try PersonalID(parsing: id.rawValue) == .national(id))
        }
    }

    /// The checksum's real detection power: a change of `delta` in a digit of weight `w`
    /// goes unnoticed exactly when `delta × w` is a multiple of 10. So changing the check
    /// digit (weight 1) or any digit of weight 7, 3 or 1 always breaks it; other positions
    /// miss some changes (weight 5: every even change). The test checks that precise rule
    /// rather than an over-claim.
    @Test("Property: a changed digit breaks the checksum exactly when delta × weight ≢ 0 (mod 10)")
    func singleDigitChange() throws {
        var rng = SplitMix(seed: 7)
        let weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]  // for characters 2…10
        for _ in 0..<300 {
            let id = NationalID.make(letter: "A", sex: .male, serial: Int.random(in: 0..<10_000_000, using: &rng))
            var chars = Array(id.rawValue.utf8)
            for position in 2..<10 {
                let original = chars[position]
                for digit in UInt8(48)...UInt8(57) where digit != original {
                    chars[position] = digit
                    let delta = abs(Int(digit) - Int(original))
                    let shouldBreak = (delta * weights[position - 1]) % 10 != 0
                    #expect(NationalID.isValid(asciiBytes: chars) == !shouldBreak)
                    chars[position] = original
                }
            }
            // The check digit itself: every change breaks it.
            for digit in UInt8(48)...UInt8(57) where digit != chars[9] {
                var changed = chars
                changed[9] = digit
                #expect(!NationalID.isValid(asciiBytes: changed))
            }
        }
    }
}

@Suite("UBN (統一編號)")
struct UBNTests {
    @Test("Valid under both rules")
    func bothRules() throws {
        for text in Spec11.shared.ubn.validBothRules {
            let ubn = try UBN(parsing: text)
            #expect(ubn.isValidUnderPre2023Rule)
            #expect(try UBN(parsing: text, rule: .pre2023) == ubn)
        }
    }

    @Test("Valid only under the 2023 divide-by-5 rule")
    func newRuleOnly() throws {
        for text in Spec11.shared.ubn.validOnlyNewRule {
            let ubn = try UBN(parsing: text)
            #expect(!ubn.isValidUnderPre2023Rule)
            #expect(throws: ValidationError(.ubnChecksum)) { try UBN(parsing: text, rule: .pre2023) }
        }
    }

    @Test("Invalid and malformed")
    func invalid() {
        for text in Spec11.shared.ubn.invalid {
            #expect(throws: ValidationError(.ubnChecksum)) { try UBN(parsing: text) }
        }
        #expect(throws: ValidationError(.ubnFormat)) { try UBN(parsing: "1234567") }
        #expect(throws: ValidationError(.ubnFormat)) { try UBN(parsing: "1234567A") }
    }

    @Test("The rule in force depends on the date")
    func ruleByDate() throws {
        #expect(UBN.Rule.inForce(on: try CalendarDate(year: 2023, month: 3, day: 31)) == .pre2023)
        #expect(UBN.Rule.inForce(on: try CalendarDate(year: 2023, month: 4, day: 1)) == .since2023)
    }
}

@Suite("Shape-only identifiers")
struct ShapeIdentifierTests {
    @Test func unitCodes() throws {
        for code in ["110000001", "110001000", "120000000", "133397421"] {
            #expect(try UnitCode(parsing: code).rawValue == code)
        }
        #expect(throws: ValidationError(.unitCodeFormat)) { try UnitCode(parsing: "11000100") }
        #expect(throws: ValidationError(.unitCodeFormat)) { try UnitCode(parsing: "11000100A") }
    }

    @Test func labourInsuranceNumbers() throws {
        #expect(try LabourInsuranceNumber(parsing: "01234567A").checkLetter == "A")
        #expect(throws: ValidationError(.labourInsuranceNumberFormat)) { try LabourInsuranceNumber(parsing: "012345678") }
        #expect(throws: ValidationError(.labourInsuranceNumberFormat)) { try LabourInsuranceNumber(parsing: "1234567A") }
    }

    @Test func cardNumbers() throws {
        #expect(try NHICardNumber(parsing: "000012345678").grouped == "0000 1234 5678")
        #expect(throws: ValidationError(.nhiCardNumberFormat)) { try NHICardNumber(parsing: "00001234567") }
        #expect(try CertificateCardNumber(parsing: "TP03000001234567").shape == .twoLettersFourteenDigits)
        #expect(try CertificateCardNumber(parsing: "ABCD000001234567").shape == .fourLettersTwelveDigits)
        #expect(throws: ValidationError(.certificateCardNumberFormat)) { try CertificateCardNumber(parsing: "T1030000012345678") }
        #expect(throws: ValidationError(.certificateCardNumberFormat)) { try CertificateCardNumber(parsing: "TPX3000001234567") }
    }
}

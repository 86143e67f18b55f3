import Foundation
import Testing
@testable import NHICore

@Suite("Normalisation is separate, reported and idempotent")
struct NormalizationTests {
    @Test("Full-width, spaces and lower case are reported")
    func reported() {
        let n = Normalizer.identifier.normalize("　ａ１２３４５６７８９ ")
        #expect(n.value == "A123456789")
        #expect(n.changes == [.fullWidthToHalfWidth(count: 11), .trimmedWhitespace, .uppercased(count: 1)])
        let s = Normalizer.identifier.normalize("A12-345 6789")
        #expect(s.value == "A123456789")
        #expect(s.changes == [.removedSeparators(count: 2)])
        #expect(!Normalizer.identifier.normalize("A123456789").changed)
    }

    @Test("Regression (fuzzer): a removed separator must not expose white space to a second pass")
    func separatorThenSpace() {
        let once = Normalizer.identifier.normalize("-\u{0C}n-law")
        #expect(once.value == "N-LAW".replacingOccurrences(of: "-", with: ""))
        #expect(Normalizer.identifier.normalize(once.value).changes.isEmpty)
    }

    @Test("Parsers never normalise by themselves")
    func parsersAreStrict() {
        #expect(throws: ValidationError.self) { try NationalID(parsing: " A123456789") }
        #expect(throws: ValidationError.self) { try NationalID(parsing: "Ａ123456789") }
    }

    @Test("Property: normalising twice changes nothing more")
    func idempotent() {
        var rng = SplitMix(seed: 99)
        let alphabet: [Character] = Array("aA1２ 　-.xＺ＃#\t王@")
        for normalizer in [Normalizer.identifier, .text] {
            for _ in 0..<3_000 {
                let length = Int.random(in: 0..<16, using: &rng)
                let input = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
                let once = normalizer.normalize(input)
                let twice = normalizer.normalize(once.value)
                #expect(twice.value == once.value)
                #expect(twice.changes.isEmpty, "\(input.debugDescription)")
            }
        }
    }

    @Test("Auto-detection picks the right kind")
    func detection() {
        let cases: [(String, ValueKind?)] = [
            ("A123456789", .nationalID), ("A800000014", .residentID), ("AC03095424", .residentID),
            ("04595257", .ubn), ("110001000", .unitCode), ("01234567A", .labourInsuranceNumber),
            ("000012345678", .nhiCardNumber), ("TP03000001234567", .certificateCardNumber),
            ("0912345678", .mobile), ("03-1234567#123", .landline), ("(02)2345-6789", .landline),
            ("a@b.com", .email), ("1050530", .rocDate), ("111/12/27", .rocDate), ("民國 111 年 12 月 27 日", .rocDate),
            ("10701", .rocDate), ("hello", nil),
        ]
        for (input, kind) in cases {
            #expect(ValueKind.detect(input) == kind, "\(input)")
        }
    }

    @Test("ValueCheck reports normalisation, details and masks secrets")
    func valueCheck() {
        let check = ValueCheck.check("ａ123456789", as: .nationalID)
        #expect(check.isValid)
        #expect(check.normalized == "A123456789")
        #expect(!check.changes.isEmpty)
        let secret = ValueCheck.check("Abc123-!", as: .password)
        #expect(secret.input == "******")
        #expect(secret.normalized == nil)
        #expect(secret.details.first?.value == .string("強"))
        let unknown = ValueCheck.check("???")
        #expect(unknown.kind == nil)
        #expect(unknown.errors.first?.code == .valueUnrecognised)
    }
}

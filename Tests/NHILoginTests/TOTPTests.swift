import Foundation
import NHILogin
import Testing

struct RFC6238: Decodable {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        let time: Int64
        let sha1: String
        let sha256: String
        let sha512: String
        var testDescription: String { "T=\(time)" }
    }
    let secrets: [String: String]
    let vectors: [Vector]

    static let file: RFC6238 = {
        let url = Bundle.module.url(forResource: "rfc6238", withExtension: "json", subdirectory: "Vectors")!
        return try! JSONDecoder().decode(RFC6238.self, from: Data(contentsOf: url))
    }()
}

@Suite("TOTP (RFC 6238) and the NHI app's acceptance rule")
struct TOTPTests {
    @Test("RFC 6238 Appendix B, all three hash functions, 8 digits", arguments: RFC6238.file.vectors)
    func rfcVectors(_ vector: RFC6238.Vector) {
        let date = Date(timeIntervalSince1970: TimeInterval(vector.time))
        for (algorithm, expected) in [(TOTP.Algorithm.sha1, vector.sha1), (.sha256, vector.sha256), (.sha512, vector.sha512)] {
            let totp = TOTP(secret: Array(RFC6238.file.secrets[algorithm.rawValue]!.utf8), digits: 8, algorithm: algorithm)
            #expect(totp.code(at: date) == expected, "\(algorithm)")
        }
    }

    @Test("The NHI app's 6 digits are the last 6 of the same truncation", arguments: RFC6238.file.vectors)
    func sixDigits(_ vector: RFC6238.Vector) {
        let totp = TOTP(secret: Array(RFC6238.file.secrets["sha1"]!.utf8))
        #expect(totp.code(at: Date(timeIntervalSince1970: TimeInterval(vector.time))) == String(vector.sha1.suffix(6)))
    }

    @Test("Base32 (RFC 4648 §10 vectors, without padding) round-trips")
    func base32() {
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors {
            #expect(TOTP.base32Encode(Array(plain.utf8)) == encoded)
            #expect(TOTP.base32Decode(encoded) == Array(plain.utf8))
            #expect(TOTP.base32Decode(encoded.lowercased() + "==") == Array(plain.utf8))
        }
        #expect(TOTP.base32Decode("MZ1") == nil)
    }

    @Test("A code is accepted for 3 minutes, once; older codes are 'expired', others 'incorrect'")
    func acceptance() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let rule = OTPAcceptance.nhiApp
        let now = Date(timeIntervalSince1970: 1_767_225_615)  // 15 s into a step
        let counter = totp.counter(at: now)
        func code(_ delta: Int64) -> String { totp.code(counter: counter + delta) }
        #expect(rule.judge(code(0), totp: totp, at: now, lastAcceptedCounter: nil) == .accepted(counter: counter))
        #expect(rule.judge(code(-6), totp: totp, at: now, lastAcceptedCounter: nil) == .accepted(counter: counter - 6))
        #expect(rule.judge(code(1), totp: totp, at: now, lastAcceptedCounter: nil) == .accepted(counter: counter + 1))
        #expect(rule.judge(code(-7), totp: totp, at: now, lastAcceptedCounter: nil) == .expired)
        #expect(rule.judge(code(-40), totp: totp, at: now, lastAcceptedCounter: nil) == .expired)
        #expect(rule.judge(code(2), totp: totp, at: now, lastAcceptedCounter: nil) == .incorrect)
        #expect(rule.judge(code(0), totp: totp, at: now, lastAcceptedCounter: counter) == .reused)
        #expect(rule.judge(code(-1), totp: totp, at: now, lastAcceptedCounter: counter) == .reused)
        // A code generated at the start of a step still works 3 minutes later.
        let generated = Date(timeIntervalSince1970: TimeInterval(counter * 30))
        #expect(rule.judge(totp.code(at: generated), totp: totp, at: generated.addingTimeInterval(180), lastAcceptedCounter: nil)
                == .accepted(counter: counter))
    }
}

@Suite("The wrong-password rule: 3 wrong → 10-minute suspension")
struct PasswordAttemptPolicyTests {
    @Test("Two wrong leave one try; the third suspends for 10 minutes; then a new count starts")
    func rule() {
        let policy = PasswordAttemptPolicy.nhiCard
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        var record = PasswordAttemptPolicy.Record()
        var outcome: PasswordAttemptPolicy.Outcome
        (record, outcome) = policy.afterFailure(record, at: start)
        #expect(outcome == .rejected(remainingAttempts: 2))
        (record, outcome) = policy.afterFailure(record, at: start)
        #expect(outcome == .rejected(remainingAttempts: 1))
        (record, outcome) = policy.afterFailure(record, at: start)
        let until = start.addingTimeInterval(600)
        #expect(outcome == .suspended(until: until))
        #expect(policy.suspendedUntil(record, at: start.addingTimeInterval(599)) == until)
        #expect(policy.suspendedUntil(record, at: until) == nil)
        (record, outcome) = policy.afterFailure(record, at: until.addingTimeInterval(1))
        #expect(outcome == .rejected(remainingAttempts: 2), "a new count after the suspension")
        (record, outcome) = policy.afterSuccess(record)
        #expect(outcome == .accepted)
        #expect(record == PasswordAttemptPolicy.Record())
    }
}

import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238): HMAC over the number of `period`-second steps
/// since the Unix epoch, dynamically truncated to `digits` digits (RFC 4226 §5.3). The NHI
/// app's OTP uses HMAC-SHA1, 6 digits, 30-second steps.
public struct TOTP: Sendable, Hashable {
    /// The HMAC hash function.
    public enum Algorithm: String, Sendable, Hashable, Codable {
        /// HMAC-SHA-1: what the NHI app's OTP uses.
        case sha1
        /// HMAC-SHA-256 (RFC 6238 also allows it; not used by the NHI app).
        case sha256
        /// HMAC-SHA-512 (RFC 6238 also allows it; not used by the NHI app).
        case sha512
    }

    /// The shared secret.
    public let secret: [UInt8]
    /// Digits per code.
    public let digits: Int
    /// Seconds per step.
    public let period: Int
    /// The hash function.
    public let algorithm: Algorithm

    /// A generator; the defaults are the NHI app's (SHA-1, 6 digits, 30 s).
    public init(secret: [UInt8], digits: Int = 6, period: Int = 30, algorithm: Algorithm = .sha1) {
        self.secret = secret
        self.digits = digits
        self.period = period
        self.algorithm = algorithm
    }

    /// The step number at `date`.
    public func counter(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code at `date`.
    public func code(at date: Date) -> String { code(counter: counter(at: date)) }

    /// The code of step `counter`.
    public func code(counter: Int64) -> String {
        let message = withUnsafeBytes(of: UInt64(bitPattern: counter).bigEndian) { Array($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8]
        switch algorithm {
        case .sha1: mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: mac = Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The step whose code is `code`, searching steps `range` relative to `date`'s step
    /// (most recent first). Compares in constant time per step.
    public func matchingCounter(_ code: String, at date: Date, steps range: ClosedRange<Int64>) -> Int64? {
        let now = counter(at: date)
        for delta in range.reversed() {
            let candidate = now + delta
            if constantTimeEqual(self.code(counter: candidate), code) { return candidate }
        }
        return nil
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

extension TOTP {
    /// RFC 4648 base32 (the form authenticator apps and `otpauth://` URIs use).
    public static func base32Encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return output
    }

    /// Decodes RFC 4648 base32 (padding and case ignored); `nil` for other characters.
    public static func base32Decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let ascii = character.asciiValue else { return nil }
            let value: UInt32
            switch ascii {
            case 0x41...0x5A: value = UInt32(ascii - 0x41)
            case 0x32...0x37: value = UInt32(ascii - 0x32 + 26)
            default: return nil
            }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}

/// When an NHI-app OTP is accepted: the app shows "驗證有效時間3分鐘", so a code is
/// accepted while the step it was generated in began at most 3 minutes (6 steps) ago; one
/// step of a phone clock running ahead is tolerated. A code is accepted once: a step at or
/// before the last accepted one is a replay. Older codes (up to 30 minutes) are recognised
/// to say "expired" rather than "wrong".
public struct OTPAcceptance: Sendable, Hashable {
    /// Steps back that are still valid (6 × 30 s = 3 minutes).
    public var validStepsBack: Int64 = 6
    /// Steps ahead tolerated for clock skew.
    public var toleratedStepsAhead: Int64 = 1
    /// Steps back searched to recognise an expired code.
    public var recognisedStepsBack: Int64 = 60

    /// The NHI app's rule.
    public static let nhiApp = OTPAcceptance()

    /// What a code amounts to.
    public enum Verdict: Sendable, Hashable {
        /// The code matches a step within ``validStepsBack`` back or ``toleratedStepsAhead`` ahead and is newer than the last
        /// accepted step; `counter` is the matching step, to store as the new last accepted step.
        case accepted(counter: Int64)
        /// Older than 3 minutes.
        case expired
        /// Already accepted once.
        case reused
        /// Not a code of this secret near now.
        case incorrect
    }

    /// Judges `code` for `totp` at `date`, given the last accepted step.
    public func judge(_ code: String, totp: TOTP, at date: Date, lastAcceptedCounter: Int64?) -> Verdict {
        if let counter = totp.matchingCounter(code, at: date, steps: -validStepsBack...toleratedStepsAhead) {
            if let last = lastAcceptedCounter, counter <= last { return .reused }
            return .accepted(counter: counter)
        }
        if totp.matchingCounter(code, at: date, steps: -recognisedStepsBack...(-validStepsBack - 1)) != nil { return .expired }
        return .incorrect
    }
}

import Crypto
import _CryptoExtras
import Foundation
import NHICore

/// Hashes and verifies registration passwords with PBKDF2-HMAC-SHA256.
///
/// 600,000 iterations (OWASP's 2023 figure for PBKDF2-SHA256) by default, a 16-byte random
/// salt per password and a 32-byte output. The parameters are stored with each hash, so the
/// cost can be raised later; comparison is constant-time.
public struct PasswordHasher: Sendable {
    /// The iteration count for new hashes.
    public let iterations: Int
    public static let minimumIterations = 600_000

    public init(iterations: Int = PasswordHasher.minimumIterations) {
        precondition(iterations >= Self.minimumIterations, "PBKDF2-SHA256 needs at least 600,000 iterations")
        self.iterations = iterations
    }

    /// A new hash with a fresh salt.
    public func hash(_ password: RegistrationPassword) throws(ServiceError) -> PasswordHash {
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        return PasswordHash(algorithm: "pbkdf2-sha256", iterations: iterations, salt: salt,
                            hash: try Self.derive(password.value, salt: salt, iterations: iterations))
    }

    /// Whether `candidate` matches `stored`.
    public func verify(_ candidate: String, against stored: PasswordHash) throws(ServiceError) -> Bool {
        guard stored.algorithm == "pbkdf2-sha256" else { throw ServiceError(.accountPasswordAlgorithm) }
        let derived = try Self.derive(candidate, salt: stored.salt, iterations: stored.iterations)
        guard derived.count == stored.hash.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(derived, stored.hash) { difference |= a ^ b }
        return difference == 0
    }

    private static func derive(_ password: String, salt: Data, iterations: Int) throws(ServiceError) -> Data {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                        outputByteCount: 32, rounds: iterations)
            return key.withUnsafeBytes { Data($0) }
        } catch {
            throw ServiceError(.accountPasswordAlgorithm, wrapping: error)
        }
    }
}

/// One-time tokens for e-mail verification and password reset: random, only their SHA-256
/// digest is stored.
enum OneTimeToken {
    /// A new URL-safe token (32 random bytes, hex).
    static func make() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }

    static func digest(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }
}

import Crypto
import _CryptoExtras
import Foundation
import NHICore

/// A stored password hash: PBKDF2-HMAC-SHA256 with its own salt and iteration count, so
/// the cost can be raised later without invalidating old hashes.
public struct PasswordHash: Sendable, Hashable, Codable {
    /// The name of the key-derivation function, `pbkdf2-sha256` for every hash ``PasswordHasher`` makes.
    public let algorithm: String
    /// The PBKDF2 iteration count the hash was made with; verification uses this count, not the hasher's.
    public let iterations: Int
    /// The random salt of this password (16 bytes for hashes made by ``PasswordHasher``).
    public let salt: Data
    /// The derived key (32 bytes), compared in constant time by ``PasswordHasher/verify(_:against:)``.
    public let hash: Data

    /// Creates a stored hash from its parts, as read back from a store.
    public init(algorithm: String, iterations: Int, salt: Data, hash: Data) {
        self.algorithm = algorithm
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Whether new hashes would be made with more iterations (re-hash after a good login).
    public func needsRehash(for hasher: PasswordHasher) -> Bool { algorithm != PasswordHasher.algorithm || iterations < hasher.iterations }
}

/// Hashes and verifies registration passwords with PBKDF2-HMAC-SHA256: the one home of that
/// rule, used by the service's accounts and by ``LoginFileStore``.
///
/// 600,000 iterations (OWASP's 2023 figure for PBKDF2-SHA256) by default, a 16-byte random
/// salt per password and a 32-byte output. The parameters are stored with each hash, so the
/// cost can be raised later (older hashes still verify with their own count); comparison is
/// constant-time.
public struct PasswordHasher: Sendable {
    /// The iteration count for new hashes.
    public let iterations: Int
    /// 600,000: the least PBKDF2-HMAC-SHA256 iteration count a hasher accepts (OWASP's 2023 figure).
    public static let minimumIterations = 600_000
    /// The algorithm name stored with each hash.
    public static let algorithm = "pbkdf2-sha256"

    /// Creates a hasher that makes new hashes with `iterations` rounds; traps when `iterations` is below
    /// ``minimumIterations``.
    public init(iterations: Int = PasswordHasher.minimumIterations) {
        precondition(iterations >= Self.minimumIterations, "PBKDF2-SHA256 needs at least 600,000 iterations")
        self.iterations = iterations
    }

    /// A new hash with a fresh salt.
    public func hash(_ password: RegistrationPassword) throws(LoginError) -> PasswordHash {
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        return PasswordHash(algorithm: Self.algorithm, iterations: iterations, salt: salt,
                            hash: try Self.derive(password.value, salt: salt, iterations: iterations))
    }

    /// Whether `candidate` matches `stored`.
    public func verify(_ candidate: String, against stored: PasswordHash) throws(LoginError) -> Bool {
        guard stored.algorithm == Self.algorithm, stored.iterations > 0 else { throw LoginError(.passwordAlgorithm) }
        let derived = try Self.derive(candidate, salt: stored.salt, iterations: stored.iterations)
        return Self.constantTimeEqual(derived, stored.hash)
    }

    /// Compares two byte strings in time that depends only on their lengths.
    public static func constantTimeEqual(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    private static func derive(_ password: String, salt: Data, iterations: Int) throws(LoginError) -> Data {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                        outputByteCount: 32, rounds: iterations)
            return key.withUnsafeBytes { Data($0) }
        } catch {
            throw LoginError(.passwordAlgorithm, detail: "PBKDF2: \(type(of: error))")
        }
    }
}

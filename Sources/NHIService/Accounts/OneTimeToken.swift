import Crypto
import Foundation

/// One-time tokens for e-mail verification and password reset: random, only their SHA-256
/// digest is stored.
enum OneTimeToken {
    /// A new URL-safe token (32 random bytes, hex).
    static func make() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }

    static func digest(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }
}

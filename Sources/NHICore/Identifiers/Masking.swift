/// Masking of personal data for logs, result files and error messages.
public enum Masking {
    /// The NHI's mask for an ID: the first six characters and `****` (`A12345****`).
    /// Shorter inputs keep at most their first half.
    public static func id(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count >= 10 else {
            let keep = min(6, characters.count / 2)
            return String(characters.prefix(keep)) + String(repeating: "*", count: max(characters.count - keep, 1))
        }
        return String(characters.prefix(6)) + "****"
    }

    /// A secret (password, PIN, OTP): never shown, not even its length.
    public static let secret = "******"
}

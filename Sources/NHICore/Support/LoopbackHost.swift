/// Whether a host name or address reaches this machine only: the one rule for where the
/// SDK's servers may listen without TLS (`nhi-server --insecure-http`) or without being
/// told to serve other machines (`nhi card serve --allow-remote`), and which `Host:` the card
/// service answers.
public enum LoopbackHost {
    /// `localhost`, an address in `127.0.0.0/8`, or `::1` (case-insensitive).
    public static func contains(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

import NHICore
import NIOSSL

/// Where the card service listens and which web pages may use it.
public struct CardServiceConfiguration: Sendable {
    /// The address to bind: loopback unless ``allowRemote``.
    public var host: String
    /// The port (0: any free one).
    public var port: Int
    /// The web origins (`https://payroll.example.com`) whose pages may read the readers.
    /// Every other origin is refused with 403 and logged. Programs on this machine that send
    /// no `Origin` (curl, a payroll program's own process) are served.
    public var allowedOrigins: Set<String>
    /// Whether to accept a non-loopback ``host`` (the readers then answer other machines:
    /// the people whose cards are read should know).
    public var allowRemote: Bool
    /// Requests per origin and minute (`GET /events` counts once per connection).
    public var requestsPerMinute: Int
    /// HTTPS with this certificate and key (``tls(certificateFile:keyFile:)``); plain HTTP
    /// when nil — browsers treat `http://127.0.0.1` as a secure context, so loopback needs none.
    public var tls: TLSConfiguration?

    /// The default port, next to the NHI's own component (7777).
    public static let defaultPort = 7780

    /// A configuration; throws when `host` is not loopback and `allowRemote` is false, or an
    /// origin is not `scheme://host[:port]`.
    public init(host: String = "127.0.0.1", port: Int = CardServiceConfiguration.defaultPort, allowedOrigins: Set<String> = [],
                allowRemote: Bool = false, requestsPerMinute: Int = 600, tls: TLSConfiguration? = nil) throws(CardServiceError) {
        guard allowRemote || Self.isLoopback(host) else { throw CardServiceError(.listenNotLoopback, detail: host) }
        guard (0...65_535).contains(port) else { throw CardServiceError(.listenAddress, detail: "\(host):\(port)") }
        for origin in allowedOrigins where !Self.isOrigin(origin) { throw CardServiceError(.originFormat, detail: origin) }
        self.host = host
        self.port = port
        self.allowedOrigins = allowedOrigins
        self.allowRemote = allowRemote
        self.requestsPerMinute = requestsPerMinute
        self.tls = tls
    }

    /// A TLS server configuration from PEM files (`--tls-cert`, `--tls-key`): the certificate
    /// chain, server first, and its private key; TLS 1.2 or later.
    public static func tls(certificateFile: String, keyFile: String) throws(CardServiceError) -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
            var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            tls.minimumTLSVersion = .tlsv12
            return tls
        } catch {
            throw CardServiceError(.tlsFiles, detail: "\(certificateFile), \(keyFile): \(error)")
        }
    }

    /// `--listen HOST:PORT` (`127.0.0.1:7780`, `[::1]:7780`, `localhost:0`).
    public static func parseListen(_ text: String) throws(CardServiceError) -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw CardServiceError(.listenAddress, detail: text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw CardServiceError(.listenAddress, detail: text) }
        return (host, port)
    }

    /// Whether `host` is this machine only: `localhost`, `127.0.0.0/8`, `::1` (NHICore's
    /// `LoopbackHost`, the rule nhi-server uses too).
    public static func isLoopback(_ host: String) -> Bool { LoopbackHost.contains(host) }

    /// `scheme://host[:port]`, as browsers send `Origin` (no path, no trailing slash).
    static func isOrigin(_ text: String) -> Bool {
        guard let range = text.range(of: "://") else { return false }
        let scheme = text[..<range.lowerBound], rest = text[range.upperBound...]
        return ["http", "https"].contains(scheme) && !rest.isEmpty && !rest.contains("/") && !rest.contains(" ")
    }
}

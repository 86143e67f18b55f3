import Foundation
import NHICore
import NHIService
import NIOSSL

/// How `nhi-server` listens and how long its sessions live.
public struct ServerConfiguration: Sendable {
    /// The address to bind (127.0.0.1 by default).
    public var host: String = "127.0.0.1"
    /// The port (0: any free port, reported to `onListening`).
    public var port: Int = 8443
    /// TLS (certificate chain and key); nil only for plain HTTP on loopback.
    public var tls: TLSConfiguration?
    /// Seconds a session lives without a request (15 minutes).
    public var sessionIdle: TimeInterval = 15 * 60
    /// Seconds a session lives at most (8 hours: a counter's working day).
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Requests per minute and client address on the sign-in routes.
    public var loginRateLimit: Int = 10
    /// The largest request body (batch registration files travel base64 in JSON).
    public var maxBodySize: Int = 16 << 20
    /// Whether a batch NHI-card registration upload is processed (入檔) as soon as it is
    /// stored (true), or waits for `nhi service batch-register process` (false).
    public var processesBatchUploads = true
    /// How long the unit choice of a person of several units stays open (5 minutes).
    public var unitChoiceLifetime: Duration = .seconds(300)
    /// The clock sessions expire by (a `ManualClock` in tests).
    public var sessionClock: any ServiceClock = SystemClock()

    public init() {}

    /// A TLS server configuration from PEM files: the certificate chain (server first) and
    /// its private key.
    public static func tls(certificateFile: String, keyFile: String) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        return tls
    }

    /// Whether `host` is a loopback address (plain HTTP is allowed only there): NHICore's
    /// `LoopbackHost`, the rule the card service uses too.
    public static func isLoopback(_ host: String) -> Bool { LoopbackHost.contains(host) }
}

import ArgumentParser
import Foundation
import Logging
import Metrics
import NHICore
import NHIPostgres
import NHIServer
import NHIService
import Prometheus
import ServiceLifecycle

/// `nhi-server`: the NHI service over HTTPS for the counters of an office.
struct NHIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-server",
        abstract: "全民健保投保單位服務 (HTTPS) — the NHI employer-side service for an office's counters.",
        discussion: """
            Serves the API described at /openapi.json. TLS needs --tls-cert and --tls-key (PEM); \
            plain HTTP only with --insecure-http on a loopback address. SIGTERM or SIGINT stops \
            accepting connections and finishes the requests in flight. Logs go to standard error \
            ($NHI_LOG_LEVEL, default info).
            """,
        version: NHIVersion.current)

    @Option(help: "The database (a SQLite file; default $NHI_DB or ~/.local/share/nhi/nhi.sqlite).")
    var db: String?
    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "The port (0: any free port, printed at start).")
    var port = 8443
    @Option(name: .customLong("tls-cert"), help: "The server's certificate chain (PEM).")
    var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "The server's private key (PEM).")
    var tlsKey: String?
    @Flag(name: .customLong("insecure-http"), help: "Serve plain HTTP (loopback addresses only; for tests and a reverse proxy on the same host).")
    var insecureHTTP = false
    @Option(name: .customLong("session-idle"), help: "Minutes a session lives without a request.")
    var sessionIdle: Double = 15
    @Option(name: .customLong("session-lifetime"), help: "Hours a session lives at most.")
    var sessionLifetime: Double = 8
    @Option(name: .customLong("login-rate-limit"), help: "Sign-in requests per minute and client address.")
    var loginRateLimit = 10

    func validate() throws {
        switch (tlsCert, tlsKey, insecureHTTP) {
        case (.some, .some, false): break
        case (nil, nil, true):
            guard ServerConfiguration.isLoopback(host) else {
                throw ValidationError("--insecure-http serves only a loopback address (127.0.0.1, ::1); use --tls-cert and --tls-key for \(host)")
            }
        case (_, _, true): throw ValidationError("--insecure-http and --tls-cert/--tls-key exclude each other")
        default: throw ValidationError("give --tls-cert and --tls-key (PEM files), or --insecure-http on loopback")
        }
        guard sessionIdle > 0, sessionLifetime > 0 else { throw ValidationError("session times must be positive") }
    }

    func run() async throws { try await serve() }

    /// Starts the server and runs it until SIGTERM or SIGINT.
    func serve() async throws {
        let level = ProcessInfo.processInfo.environment["NHI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "nhi.server")

        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.sessionIdle = sessionIdle * 60
        configuration.sessionLifetime = sessionLifetime * 3600
        configuration.loginRateLimit = loginRateLimit
        if let tlsCert, let tlsKey {
            configuration.tls = try ServerConfiguration.tls(certificateFile: tlsCert, keyFile: tlsKey)
        }
        let service = NHIService(store: try NHIStores.open(option: db), logger: Logger(label: "nhi.service"))
        let server = NHIServerApplication(service: service, configuration: configuration, metrics: registry, logger: logger)
        let scheme = configuration.tls == nil ? "http" : "https"
        let host = host
        let app = try server.application { port in
            logger.notice("listening", metadata: ["url": "\(scheme)://\(host):\(port)"])
            FileHandle.standardOutput.write(Data("nhi-server listening on \(scheme)://\(host):\(port)\n".utf8))
        }
        // SIGTERM / SIGINT: stop accepting, finish the requests in flight, exit.
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

do {
    let command = try NHIServerCommand.parse()
    try await command.serve()
} catch {
    NHIServerCommand.exit(withError: error)
}

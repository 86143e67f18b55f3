import Foundation
import NHICore

/// Where the service's data lives: an SQLite file (the default, one PC) or a PostgreSQL
/// database (several counters sharing one server), chosen by `--db` or `$NHI_DB`.
///
/// A path (or anything without a scheme) is an SQLite file. `postgres://` and `postgresql://`
/// URLs name a PostgreSQL database:
///
/// - `postgres://nhi@db.example:5432/nhi` — TCP (TLS when the server offers it; `?sslmode=require|disable`)
/// - `postgres:///nhi?host=/run/postgresql` — a Unix socket in that folder (also `postgres://%2Frun%2Fpostgresql/nhi`)
///
/// The password never belongs on a command line: set `$NHI_DB_PASSWORD` (a password in the
/// URL still works but is discouraged, and is masked in every message and log). Opening
/// the store is `NHIStores.open(_:)` in NHIPostgres.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The environment variable that names the database.
    public static let environmentVariable = "NHI_DB"

    /// Parses a `--db` value or `$NHI_DB`.
    public init(parsing text: String) throws(ServiceError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ServiceError(.storeLocationInvalid, context: ["location": ""]) }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: trimmed))
        } else if let scheme = trimmed.firstRange(of: "://"), !trimmed[..<scheme.lowerBound].contains("/") {
            throw ServiceError(.storeLocationInvalid, context: ["location": PostgresLocation.mask(trimmed)])
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// `--db` when given, else `$NHI_DB`, else the default SQLite file
    /// (`$XDG_DATA_HOME/nhi/nhi.sqlite`).
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceError) -> StoreLocation {
        if let option, !option.isEmpty { return try StoreLocation(parsing: option) }
        if let value = environment[environmentVariable], !value.isEmpty { return try StoreLocation(parsing: value) }
        return .sqlite(path: NHIPaths.dataFile("nhi.sqlite", overriddenBy: environmentVariable, environment: environment))
    }

    /// The path, or the URL with any password masked: safe for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}

/// A PostgreSQL database: server (TCP host or Unix-socket folder), user and database name.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The TLS wish of the URL's `sslmode`.
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    /// The TCP host, or nil for a Unix socket.
    public var host: String?
    public var port: Int
    /// The folder holding the server's Unix socket (`.s.PGSQL.<port>`), when not TCP.
    public var socketDirectory: String?
    public var user: String
    public var database: String
    /// A password given in the URL (discouraged: use `$NHI_DB_PASSWORD`).
    public var password: String?
    public var tls: TLSMode

    /// The environment variable that carries the password.
    public static let passwordVariable = "NHI_DB_PASSWORD"

    public init(host: String? = nil, port: Int = 5432, socketDirectory: String? = nil, user: String, database: String,
                password: String? = nil, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.socketDirectory = socketDirectory
        self.user = user
        self.database = database
        self.password = password
        self.tls = tls
    }

    /// Parses `postgres://[user[:password]@][host][:port]/database[?host=/socket/dir&port=…&user=…&sslmode=…]`.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServiceError) {
        let invalid = ServiceError(.storeLocationInvalid, context: ["location": Self.mask(text)])
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else { throw invalid }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value else { throw invalid }
            query[item.name] = value
        }
        let unknown = Set(query.keys).subtracting(["host", "port", "user", "sslmode", "dbname"])
        guard unknown.isEmpty else { throw invalid }
        var hostText = components.host?.removingPercentEncoding ?? components.host ?? ""
        if let h = query["host"] { hostText = h }
        var port = components.port ?? 5432
        if let p = query["port"] {
            guard let value = Int(p) else { throw invalid }
            port = value
        }
        guard (1...65535).contains(port) else { throw invalid }
        let path = components.path.removingPercentEncoding ?? components.path
        let database = query["dbname"] ?? String(path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid }
        let user = query["user"] ?? components.user?.removingPercentEncoding ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        self.user = user
        self.database = database
        self.port = port
        password = components.password?.removingPercentEncoding
        if hostText.isEmpty || hostText.hasPrefix("/") {
            host = nil
            socketDirectory = hostText.isEmpty ? "/var/run/postgresql" : hostText
        } else {
            host = hostText
            socketDirectory = nil
        }
        if let mode = query["sslmode"] {
            switch mode {
            case "disable", "allow": tls = .disable
            case "prefer": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default: throw invalid
            }
        } else {
            tls = host == nil ? .disable : .prefer
        }
    }

    /// The Unix socket file, when not TCP.
    public var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The URL without the password.
    public var description: String {
        var text = "postgres://\(user)\(password == nil ? "" : ":***")@"
        if let host { text += "\(host):\(port)/\(database)" } else { text += "/\(database)?host=\(socketDirectory ?? "")&port=\(port)" }
        if host != nil, tls != .prefer { text += "?sslmode=\(tls.rawValue)" }
        return text
    }

    /// The same server and user, another database (tests create and drop databases).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The key file for this database when `$NHI_DB_KEY` is not set:
    /// `$XDG_CONFIG_HOME/nhi/<host>-<port>-<database>.key` (`socket` for a Unix socket).
    public func keyFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let server = host ?? "socket"
        let name = "\(server)-\(port)-\(database)".map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? $0 : "_" }
        return NHIPaths.configDirectory(environment: environment) + "/" + String(name) + StoreKey.fileSuffix
    }

    /// A location text with any `user:password@` password replaced by `***`.
    public static func mask(_ text: String) -> String {
        text.replacing(#/(://[^/@:]*):[^/@]*@/#) { "\($0.output.1):***@" }
    }
}

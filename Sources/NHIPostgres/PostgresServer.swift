import Foundation
import Logging
import NHIService
import PostgresNIO

/// Databases on a PostgreSQL server, for tests and set-up scripts: create and drop a
/// database through the server's maintenance database (the one `server` names).
public enum PostgresServer {
    /// Creates database `name` (letters, digits and `_` only).
    public static func createDatabase(_ name: String, on server: PostgresLocation, password: String? = nil) throws(ServiceError) {
        try run("CREATE DATABASE \(try quoted(name))", on: server, password: password)
    }

    /// Drops database `name` if it exists, closing its sessions.
    public static func dropDatabase(_ name: String, on server: PostgresLocation, password: String? = nil) throws(ServiceError) {
        try run("DROP DATABASE IF EXISTS \(try quoted(name)) WITH (FORCE)", on: server, password: password)
    }

    private static func quoted(_ name: String) throws(ServiceError) -> String {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ServiceError(.storeLocationInvalid, context: ["database": name])
        }
        return "\"\(name)\""
    }

    private static func run(_ sql: String, on server: PostgresLocation, password: String?) throws(ServiceError) {
        let logger = Logger(label: "nhi.store.postgres.admin")
        let configuration: PostgresConnection.Configuration = if let socket = server.socketPath {
            .init(unixSocketPath: socket, username: server.user, password: password ?? server.password, database: server.database)
        } else {
            .init(host: server.host ?? "localhost", port: server.port, username: server.user, password: password ?? server.password,
                  database: server.database, tls: .disable)
        }
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                            id: 0, logger: logger).wait()
            defer { try? connection.close().wait() }
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        } catch {
            throw ServiceError(.storeUnavailable, context: ["location": server.description, "detail": PostgresStore.describe(error)])
        }
    }
}

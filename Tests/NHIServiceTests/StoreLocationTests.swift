import Foundation
import NHIService
import Testing

@Suite("Store locations: a path or a postgres:// URL")
struct StoreLocationTests {
    @Test("Paths are SQLite; postgres:// and postgresql:// URLs name a database, TCP or Unix socket")
    func parsing() throws {
        #expect(try StoreLocation(parsing: "/var/lib/nhi/nhi.sqlite") == .sqlite(path: "/var/lib/nhi/nhi.sqlite"))
        #expect(try StoreLocation(parsing: "relative/nhi.sqlite") == .sqlite(path: "relative/nhi.sqlite"))
        guard case .postgres(let tcp) = try StoreLocation(parsing: "postgres://nhi@db.lan:6543/office") else { Issue.record("tcp"); return }
        #expect(tcp.host == "db.lan" && tcp.port == 6543 && tcp.user == "nhi" && tcp.database == "office" && tcp.tls == .prefer)
        guard case .postgres(let socket) = try StoreLocation(parsing: "postgresql:///nhi?host=/run/postgresql") else { Issue.record("socket"); return }
        #expect(socket.host == nil && socket.socketPath == "/run/postgresql/.s.PGSQL.5432" && socket.database == "nhi" && socket.tls == .disable)
        guard case .postgres(let encoded) = try StoreLocation(parsing: "postgres://u@%2Ftmp%2Fpg:5433/d") else { Issue.record("encoded"); return }
        #expect(encoded.socketDirectory == "/tmp/pg" && encoded.port == 5433)
        #expect(try StoreLocation.resolve(nil, environment: ["NHI_DB": "postgres://a@h/b"]).description == "postgres://a@h:5432/b")
        #expect(try StoreLocation.resolve(nil, environment: ["HOME": "/home/u"]) == .sqlite(path: "/home/u/.local/share/nhi/nhi.sqlite"))
    }

    @Test("A bad URL is store.locationInvalid, and a password never shows in a message")
    func invalidAndMasked() throws {
        for bad in ["mysql://u@h/db", "postgres://u@h/", "postgres://u@h:99999/db", "postgres://u@h/db?sslmode=maybe", "postgres://u@h/db?foo=1"] {
            #expect(throws: ServiceError(.storeLocationInvalid)) { try StoreLocation(parsing: bad) }
        }
        do {
            _ = try StoreLocation(parsing: "postgres://nhi:s3cret@h/db?sslmode=maybe")
            Issue.record("accepted")
        } catch {
            #expect(!"\(error)".contains("s3cret") && !error.context.values.contains { $0.contains("s3cret") })
        }
        guard case .postgres(let withPassword) = try StoreLocation(parsing: "postgres://nhi:s3cret@h/db") else { Issue.record("pw"); return }
        #expect(withPassword.password == "s3cret" && !withPassword.description.contains("s3cret") && withPassword.description.contains("***"))
        #expect(PostgresLocation.mask("postgres://nhi:s3cret@h/db") == "postgres://nhi:***@h/db")
        #expect(withPassword.keyFile(environment: ["XDG_CONFIG_HOME": "/cfg"]) == "/cfg/nhi/h-5432-db.key")
    }
}

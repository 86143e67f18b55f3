// The walkthroughs of the NHIPostgres, NHIServer and NHIKit landing articles, copied
// verbatim. NHIKit's runs; the other two are compiled only (a PostgreSQL server, a port).
import Logging
import NHIKit
import NHIPostgres
import NHIServer
import NHIService
import Testing

@Suite("Doc snippets: NHIPostgres, NHIServer, NHIKit")
struct PostgresServerKitSnippets {
    // Source: Sources/NHIPostgres/NHIPostgres.docc/NHIPostgres.md, snippet 1
    static func nhiPostgres1() throws -> NHIService {
        // --db postgres://nhi@db.office.lan/nhi, else $NHI_DB, else ~/.local/share/nhi/nhi.sqlite
        let store = try NHIStores.open(option: "postgres://nhi@db.office.lan/nhi")
        print(try store.appliedMigrations().count, "migrations applied")
        let service = NHIService(store: store)
        return service
    }

    // Source: Sources/NHIServer/NHIServer.docc/NHIServer.md, snippet 1
    static func nhiServer1() async throws {
        let service = try NHIService.openDefault()
        var configuration = ServerConfiguration()
        configuration.port = 8443                       // plain HTTP only on loopback; set tls for the office
        let server = NHIServerApplication(service: service, configuration: configuration, logger: Logger(label: "nhi.server"))
        try await server.application { port in print("listening on", port) }.runService()
    }

    // Source: Sources/NHIKit/NHIKit.docc/NHIKit.md, snippet 1
    @Test func nhiKit1() throws {
        let id = try NationalID(parsing: "A123456789")
        let premium = try PremiumCalculator(tables: .bundled).nhi(salary: 36_000, on: CalendarDate(iso: "2026-01-01"), dependants: 1)
        print(id, premium.insuredAmount, premium.perHead)   // A12345**** 36300 …
        #expect("\(id)" == "A12345****" && premium.insuredAmount == 36_300)
    }
}

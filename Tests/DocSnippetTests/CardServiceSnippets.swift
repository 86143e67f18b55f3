// The code snippets of Documentation/CardService.md and of CardServiceApplication's
// documentation, copied verbatim; compiled only (they listen on a port until stopped).
import NHICardService

enum CardServiceSnippets {
    // Source: Documentation/CardService.md, snippet 1 (and CardServiceApplication's DocC)
    static func cardService1() async throws {
        let monitor = ReaderMonitor()
        await monitor.start()
        let configuration = try CardServiceConfiguration(allowedOrigins: ["https://payroll.example.com"])
        let service = CardServiceApplication(monitor: monitor, configuration: configuration)
        try await service.run { port in print("listening on", port) }
    }
}

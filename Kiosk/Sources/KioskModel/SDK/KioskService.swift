import NHICore
import NHIGrades
import NHIService

/// The local NHI service as the kiosk uses it.
///
/// `NHIService`'s operations block (the store, password hashing); the kiosk's screens run on
/// the GTK main loop, so every call goes through ``run(_:)``, which is the service's own
/// `NHIService.perform(_:)`: the work runs on the service's threads and the screen's task
/// resumes on its actor. The grade tables are pure and
/// fast, so previews read ``tables`` directly.
public struct KioskService: Sendable {
    /// The service over the configured store.
    public let service: NHIService

    public init(_ service: NHIService) {
        self.service = service
    }

    /// The grade, rate and rule tables the service applies (NHIGrades).
    public var tables: GradeTables { service.tables }

    /// Today in Taiwan, by the service's clock (filing dates, effective dates).
    public var today: CalendarDate { service.clock.today }

    /// Runs `body` against the service off the main actor and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable (NHIService) throws -> T) async throws -> T {
        try await service.perform(body)
    }
}

import NHIGrades
import NHIService

/// The SDK services the kiosk is running with. A missing one leaves its screens showing
/// that the function is not connected (never invented data).
///
/// The executable's composition root fills this in; tests pass in-memory stand-ins.
public struct KioskBackends: Sendable {
    /// Card events for the visitor panel (NHICards).
    public var cards: (any CardEventSource)?
    /// Reader names and diagnostics (NHICards).
    public var readers: (any ReaderDirectory)?
    /// Staff sign-in (NHILogin).
    public var authenticator: (any StaffAuthenticator)?
    /// Unit registration at the counter (NHISignIn): nil with `--service` (registration is
    /// done where the unit's data lives) or without a local service.
    public var unitRegistrar: (any UnitRegistrar)?
    /// The local service: filings, accounts, insurance, premiums (NHIService + NHIGrades).
    public var service: KioskService?
    /// Batch NHI-card registration: file check and submission (NHIFormats + NHIService).
    public var batchRegistration: (any BatchRegistrationBackend)?
    /// The unit workflows of a signed-in session. Nil: the local ``service``'s
    /// (`LocalUnitWorkflows`); with `--service`, `nhi-server`'s.
    public var workflows: (@Sendable (StaffSession) throws -> any UnitWorkflows)?
    /// The grade tables previews read when there is no local ``service`` (`--service`).
    public var tables: GradeTables?
    /// The home-menu tasks this connection carries (nil: all). With `--service`, the
    /// workflows `nhi-server` serves; the others are not offered rather than failing.
    public var connectedTasks: Set<KioskTask>?
    /// The counter's exchange folder (`--files DIR`): the files the kiosk offers for
    /// imports and uploads (nil: none; on a desktop the file chooser is offered too).
    public var filesFolder: String?
    /// Demo mode: virtual cards to insert, and the deck that inserts them (NHITestSupport).
    public var demoCards: [DemoCard] = []
    public var demoDeck: (any VirtualCardDeck)?

    public init(cards: (any CardEventSource)? = nil, readers: (any ReaderDirectory)? = nil,
                authenticator: (any StaffAuthenticator)? = nil, service: KioskService? = nil,
                batchRegistration: (any BatchRegistrationBackend)? = nil) {
        self.cards = cards
        self.readers = readers
        self.authenticator = authenticator
        self.service = service
        self.batchRegistration = batchRegistration
    }

    /// No SDK services at all.
    public static let none = KioskBackends()
}

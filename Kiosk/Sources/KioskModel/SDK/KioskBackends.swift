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

    public init(cards: (any CardEventSource)? = nil, readers: (any ReaderDirectory)? = nil,
                authenticator: (any StaffAuthenticator)? = nil) {
        self.cards = cards
        self.readers = readers
        self.authenticator = authenticator
    }

    /// No SDK services at all.
    public static let none = KioskBackends()
}

import Foundation
import KioskModel
import NHICards
import NHICore

/// The kiosk's card events from the real PC/SC stack: NHICards' `CardEvents`
/// (`SCardGetStatusChange` on a watcher thread), with each inserted NHI card's profile read
/// through `NHICardReader` before the event is delivered, so the panel shows the identity
/// at once.
///
/// The stream is consumed by `KioskShell` on the main actor; inside the GTK application the
/// main actor runs on the GLib main loop through GtkKit's `MainLoopBridge`, so every event
/// lands on the GTK thread without further hand-over.
public struct PCSCCardEventSource: CardEventSource {
    /// The context the profiles are read through (shared with sign-in and the doctor).
    public let context: PCSCContext
    /// Called with the reader name the moment PC/SC reports an inserted card (before its
    /// profile is read); the latency report uses it.
    private let onInsertionSeen: (@Sendable (String) -> Void)?

    public init(context: PCSCContext, onInsertionSeen: (@Sendable (String) -> Void)? = nil) {
        self.context = context
        self.onInsertionSeen = onInsertionSeen
    }

    public func events() -> AsyncStream<KioskModel.CardEvent> {
        let context = context
        let onInsertionSeen = onInsertionSeen
        return AsyncStream(bufferingPolicy: .unbounded) { continuation in
            let task = Task.detached(priority: .userInitiated) {
                for await event in CardEvents() {
                    if Task.isCancelled { break }
                    if let translated = await Self.translate(event, context: context, onInsertionSeen: onInsertionSeen) {
                        continuation.yield(translated)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// One NHICards event as the kiosk sees it (nil: nothing the kiosk reacts to).
    static func translate(_ event: NHICards.CardEvent, context: PCSCContext,
                          onInsertionSeen: (@Sendable (String) -> Void)?) async -> KioskModel.CardEvent? {
        switch event {
        case .cardInserted(let reader, _):
            onInsertionSeen?(reader)
            do {
                let identity = try await NHICardReader(context).readIdentity(reader: reader)
                return .inserted(reader: reader, card: VisitorCard(identity))
            } catch {
                return .unreadable(reader: reader, error: PresentableError(error))
            }
        case .cardMute(let reader):
            return .unreadable(reader: reader, error: PresentableError(CardError(.cardMute, reader: reader, pcsc: .unresponsiveCard)))
        case .cardRemoved(let reader):
            // The open connection belongs to the card that left.
            await context.disconnect(reader)
            return .removed(reader: reader)
        case .readerRemoved(let reader):
            await context.disconnect(reader)
            return .readerLost(reader: reader)
        case .readerAdded, .serviceAvailable, .serviceUnavailable:
            return nil
        }
    }
}

extension VisitorCard {
    /// The panel's view of an NHI card's public profile.
    public init(_ identity: NHICardIdentity) {
        self.init(cardNumber: identity.cardNumber, name: identity.name.value, id: identity.id,
                  birthDate: identity.birthDate.gregorian, sex: identity.sex, issueDate: identity.issueDate.gregorian)
    }
}

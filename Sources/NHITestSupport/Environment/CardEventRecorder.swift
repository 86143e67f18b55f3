import Foundation
import NHICards

/// Records `CardEvents` in the background so a test can wait for an expected event.
///
/// ```swift
/// let recorder = CardEventRecorder()
/// slot.insertCard(card)
/// try await recorder.waitFor { if case .cardInserted = $0 { true } else { false } }
/// recorder.stop()
/// ```
public final class CardEventRecorder: Sendable {
    private let log = EventLog()
    private let task: Task<Void, Never>

    /// Starts watching.
    public init() {
        let log = log
        task = Task {
            for await event in CardEvents() {
                await log.append(event)
            }
        }
    }

    deinit { task.cancel() }

    /// Stops watching.
    public func stop() { task.cancel() }

    /// Everything recorded so far.
    public var events: [CardEvent] { get async { await log.events } }

    /// Waits until an event after index `from` satisfies `predicate`; returns its index.
    @discardableResult
    public func waitFor(after from: Int = 0, timeout: Duration = .seconds(10),
                        _ predicate: @Sendable (CardEvent) -> Bool) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let events = await log.events
            if let index = events.indices.first(where: { $0 >= from && predicate(events[$0]) }) { return index }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw VirtualCardError("no matching card event within \(timeout); recorded: \(await log.events)")
    }

    private actor EventLog {
        var events: [CardEvent] = []
        func append(_ event: CardEvent) { events.append(event) }
    }
}

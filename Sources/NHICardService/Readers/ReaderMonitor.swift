import Foundation
import Logging
import NHICards

/// Keeps every reader's state from PC/SC's own notifications (`CardEvents`: readers plugged
/// in or out, cards inserted or removed, pcscd stopping and coming back) and tells every
/// subscriber as it happens.
///
/// Each insertion is read once (`CardInspector`: an NHI card's profile, a certificate
/// card's certificates; no PIN), whoever is listening; `GET /readers` answers from the
/// kept state without touching the card.
///
/// Logs name readers, states and card types, never a card's holder or ID.
public actor ReaderMonitor {
    private var readers: [String: ReaderReport] = [:]
    /// The certificates of each certificate card, as read at insertion (for `GET /certificates`
    /// and `POST /sign`).
    private var certificateContents: [String: CertificateCardContents] = [:]
    private var order: [String] = []
    private var available = true
    private var subscribers: [Int: AsyncStream<CardServiceEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    private var watcher: Task<Void, Never>?
    private let inspector: CardInspector
    private let events: CardEvents
    private let logger: Logger
    /// How many cards were read since the monitor started (one per insertion).
    public private(set) var reads = 0

    /// A monitor over `context`'s readers; call ``start()``.
    public init(context: PCSCContext = PCSCContext(), events: CardEvents = CardEvents(),
                logger: Logger = Logger(label: "nhi.card-service")) {
        inspector = CardInspector(context)
        self.events = events
        self.logger = logger
    }

    /// Starts watching (once).
    public func start() {
        guard watcher == nil else { return }
        let events = events
        watcher = Task { [weak self] in
            for await event in events {
                guard let self else { return }
                await self.handle(event)
            }
        }
    }

    /// Stops watching and ends every subscriber's stream.
    public func stop() {
        watcher?.cancel()
        watcher = nil
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// The reader named `name` now, if attached.
    public func reader(named name: String) -> ReaderReport? { readers[name] }

    /// The certificate card in `reader` as read when it was inserted, if it holds one.
    public func certificateCard(in reader: String) -> CertificateCardContents? { certificateContents[reader] }

    /// Every certificate card now, in reader order.
    public var certificateCards: [(reader: String, contents: CertificateCardContents)] {
        order.compactMap { name in certificateContents[name].map { (name, $0) } }
    }

    /// Every reader now.
    public var snapshot: ReadersSnapshot {
        ReadersSnapshot(status: available ? .ok : .pcscUnavailable, readers: order.compactMap { readers[$0] })
    }

    /// The events from now on; the stream ends when the monitor stops or the subscriber
    /// stops listening. A subscriber that falls more than 256 events behind loses the oldest.
    public func subscribe() -> AsyncStream<CardServiceEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: CardServiceEvent.self, bufferingPolicy: .bufferingNewest(256))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// How many subscribers are listening.
    public var subscriberCount: Int { subscribers.count }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }

    private func handle(_ event: CardEvent) async {
        switch event {
        case .readerAdded(let name):
            set(ReaderReport(name: name, state: .empty))
            publish(.readerAdded, reader: name, state: .empty)
        case .readerRemoved(let name):
            readers[name] = nil
            certificateContents[name] = nil
            order.removeAll { $0 == name }
            publish(.readerRemoved, reader: name)
        case .cardInserted(let name, _):
            let inspection: CardInspection
            do {
                inspection = try await inspector.inspect(reader: name)
            } catch {
                inspection = CardInspection(failed: name, error: error)
            }
            reads += 1
            let state = ReaderState(inspection)
            let card = state == .empty || state == .mute ? nil : CardReport(inspection)
            if case .certificate(let contents)? = inspection.content {
                certificateContents[name] = contents
            } else {
                certificateContents[name] = nil
            }
            set(ReaderReport(name: name, state: state, card: card))
            logger.info("card inserted", metadata: ["reader": "\(name)", "state": "\(state.rawValue)",
                                                    "cardType": "\(inspection.cardType.rawValue)",
                                                    "error": "\(inspection.error?.errorCode ?? "")"])
            publish(.cardInserted, reader: name, state: state, card: card)
        case .cardRemoved(let name):
            certificateContents[name] = nil
            set(ReaderReport(name: name, state: .empty))
            logger.info("card removed", metadata: ["reader": "\(name)"])
            publish(.cardRemoved, reader: name, state: .empty)
        case .cardMute(let name):
            certificateContents[name] = nil
            set(ReaderReport(name: name, state: .mute))
            publish(.cardMute, reader: name, state: .mute)
        case .serviceUnavailable:
            available = false
            readers = [:]
            certificateContents = [:]
            order = []
            logger.warning("pcscd is not reachable; waiting for it to come back")
            publish(.serviceUnavailable)
        case .serviceAvailable:
            available = true
            logger.notice("pcscd is reachable again")
            publish(.serviceAvailable)
        }
    }

    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private func set(_ report: ReaderReport) {
        if readers[report.name] == nil { order.append(report.name) }
        readers[report.name] = report
    }

    private func publish(_ kind: CardServiceEvent.Kind, reader: String? = nil, state: ReaderState? = nil, card: CardReport? = nil) {
        let event = CardServiceEvent(event: kind, time: Date().formatted(Self.timeStyle),
                                     reader: reader, state: state, card: card)
        for continuation in subscribers.values { continuation.yield(event) }
    }
}

extension CardInspection {
    /// A reader that could not be inspected at all (it went away, pcscd failed).
    fileprivate init(failed reader: String, error: CardError) {
        self.init(reader: reader, atr: nil, cardType: .unknown, atrRecognised: false, content: nil, error: error)
    }
}

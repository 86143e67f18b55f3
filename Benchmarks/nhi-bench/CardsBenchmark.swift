import ArgumentParser
import Foundation
import NHICards
import NHICore

/// `nhi-bench cards`: NHI-card identity reads through pcscd + vpcd against the virtual card
/// of a running `nhi-virtual-card` (TCP_NODELAY), which this benchmark inserts and removes
/// by writing `insert` / `remove` into its control FIFO. `Benchmarks/cards.sh` runs it beside
/// pyscard on the same card (`Benchmarks/reference/cards_pyscard.py`).
///
/// - warm: SELECT + READ + decode on a connected card — through `NHICardReader.readIdentity`
///   (which also checks the handle and holds a PC/SC transaction), and the two APDUs alone;
/// - cold: connect + SELECT + READ + decode + disconnect (SCARD_LEAVE_CARD) on a kept
///   context, and the same with a new context each time;
/// - insert → identity: from writing `insert` until the identity is decoded, through
///   `CardEvents` (SCardGetStatusChange).
struct CardsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "NHI-card reads through pcscd: warm, cold, insert-to-identity (medians and p95).")

    @Option(help: "The control FIFO of nhi-virtual-card (commands insert/remove).")
    var control: String

    @Option(help: "The reader the virtual card sits in.")
    var reader = "Virtual PCD 00 00"

    @Option(help: "Warm reads measured.")
    var warm = 2000

    @Option(help: "Cold reads measured.")
    var cold = 300

    @Option(help: "Insertions measured.")
    var inserts = 15

    @Flag(help: "One JSON object instead of text.")
    var json = false

    func run() async throws {
        let fifo = try FileHandle(forWritingTo: URL(fileURLWithPath: control))
        func send(_ command: String) { fifo.write(Data((command + "\n").utf8)) }

        let recorder = EventWaiter()
        let events = Task { for await event in CardEvents() { await recorder.record(event) } }
        defer { events.cancel() }

        // Start from an empty reader, so the insertion seen is this benchmark's.
        let deadline = ContinuousClock.now + .seconds(10)
        while try await PCSCContext().reader(named: reader).slot != .empty {
            guard ContinuousClock.now < deadline else { throw ValidationError("\(reader) does not become empty") }
            try await Task.sleep(for: .milliseconds(20))
        }
        let start = await recorder.count
        send("insert")
        try await recorder.wait(after: start) { if case .cardInserted(let name, _) = $0 { name == reader } else { false } }

        // Warm, through the SDK's reader (status check + transaction + SELECT + READ + decode).
        let context = PCSCContext()
        let nhi = NHICardReader(context)
        let expected = try await nhi.readIdentity(reader: reader)
        for _ in 0..<(warm > 0 ? 100 : 0) { _ = try await nhi.readIdentity(reader: reader) }
        var warmSDK: [Double] = []
        for _ in 0..<warm {
            let start = ContinuousClock.now
            let identity = try await nhi.readIdentity(reader: reader)
            warmSDK.append(milliseconds(since: start))
            guard identity == expected else { throw ValidationError("identity changed between reads") }
        }

        // Warm, the two APDUs and the decoding only (the same work as the pyscard loop).
        let connection = try await context.connection(to: reader)
        var warmAPDU: [Double] = []
        for index in 0..<(warm > 0 ? warm + 100 : 0) {
            let start = ContinuousClock.now
            let responses = try await connection.transmit([NHICardReader.selectApplication, NHICardReader.readProfile])
            let identity = try NHICardIdentity(record: responses[1].data)
            if index >= 100 { warmAPDU.append(milliseconds(since: start)) }
            guard identity == expected else { throw ValidationError("identity changed between reads") }
        }
        await context.disconnectAll()

        // Cold: connect + SELECT + READ + decode + disconnect on the long-lived context.
        var coldTimes: [Double] = []
        for index in 0..<(cold > 0 ? cold + 10 : 0) {
            let start = ContinuousClock.now
            let connection = try await context.connection(to: reader)
            let identity = try await NHICardReader.readIdentity(from: connection)
            await context.disconnect(reader)
            if index >= 10 { coldTimes.append(milliseconds(since: start)) }
            guard identity == expected else { throw ValidationError("identity changed between reads") }
        }

        // Cold with a new PC/SC context as well (what a one-shot program such as `nhi card read` does).
        var coldContextTimes: [Double] = []
        for index in 0..<(cold > 0 ? cold + 10 : 0) {
            let start = ContinuousClock.now
            let fresh = PCSCContext()
            let connection = try await fresh.connection(to: reader)
            let identity = try await NHICardReader.readIdentity(from: connection)
            await fresh.disconnectAll()
            if index >= 10 { coldContextTimes.append(milliseconds(since: start)) }
            guard identity == expected else { throw ValidationError("identity changed between reads") }
        }

        // Insert → identity.
        var insertTimes: [Double] = []
        for round in 0..<inserts {
            let mark = await recorder.count
            send("remove")
            try await recorder.wait(after: mark) { if case .cardRemoved(let name) = $0 { name == reader } else { false } }
            // pcscd polls vpcd's reader for a card: spread the insertions over its polling cycle
            // (the same delays on the pyscard side).
            try await Task.sleep(for: .milliseconds(300 + round * 137 % 400))
            let before = await recorder.count
            let start = ContinuousClock.now
            send("insert")
            try await recorder.wait(after: before) { if case .cardInserted(let name, _) = $0 { name == reader } else { false } }
            let identity = try await NHICardReader(PCSCContext()).readIdentity(reader: reader)
            insertTimes.append(milliseconds(since: start))
            guard identity == expected else { throw ValidationError("wrong card after insertion") }
        }

        let results: [(String, String, [Double])] = [
            ("warmSDK", "warm: readIdentity (status + transaction + SELECT + READ + decode)", warmSDK),
            ("warmAPDU", "warm: SELECT + READ + decode on a connection", warmAPDU),
            ("cold", "cold: connect + SELECT + READ + decode + disconnect", coldTimes),
            ("coldContext", "cold with a new context: establish + connect + … + disconnect + release", coldContextTimes),
            ("insert", "insert → identity (events + connect + read)", insertTimes),
        ]
        if json {
            let fields = results.map { key, _, samples in
                samples.isEmpty ? "\"\(key)\":null"
                    : "\"\(key)\":{\"median\":\(format(percentile(samples, 50))),\"p95\":\(format(percentile(samples, 95))),\"n\":\(samples.count)}"
            }
            print("{" + fields.joined(separator: ",") + "}")
        } else {
            for (_, label, samples) in results where !samples.isEmpty {
                print("\(label): median \(format(percentile(samples, 50))) ms, p95 \(format(percentile(samples, 95))) ms (n=\(samples.count))")
            }
        }
    }
}

/// Milliseconds since `start`.
func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// The nearest-rank percentile of `samples`.
func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return .nan }
    let sorted = samples.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

/// Collects card events so the benchmark can wait for one.
actor EventWaiter {
    private var events: [CardEvent] = []

    var count: Int { events.count }

    func record(_ event: CardEvent) { events.append(event) }

    func wait(after index: Int = 0, timeout: Duration = .seconds(15), _ predicate: @Sendable (CardEvent) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if events.indices.contains(where: { $0 >= index && predicate(events[$0]) }) { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw ValidationError("no such card event within \(timeout)")
    }
}

import Logging
import Synchronization

/// Every line a test's loggers write, kept in memory with its metadata, so a test can check
/// what was logged — and what never is (a national ID, a name, a secret).
///
/// ```swift
/// let logs = CapturedLogs()
/// let logger = logs.logger(label: "nhi.card-service")
/// logger.warning("refused a web page", metadata: ["origin": "https://evil.example"])
/// print(logs.lines)   // ["warning nhi.card-service refused a web page origin=https://evil.example"]
/// ```
public final class CapturedLogs: Sendable {
    private let stored = Mutex<[String]>([])

    /// An empty capture.
    public init() {}

    /// The lines so far: `LEVEL LABEL MESSAGE key=value …` (metadata sorted by key).
    public var lines: [String] { stored.withLock { $0 } }

    /// Adds a line.
    public func append(_ line: String) { stored.withLock { $0.append(line) } }

    /// A logger at `trace` whose lines go here.
    public func logger(label: String) -> Logger {
        Logger(label: label) { label in Handler(label: label, sink: self) }
    }

    struct Handler: LogHandler {
        let label: String
        let sink: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var all = metadata
            if let extra = event.metadata { all.merge(extra) { $1 } }
            let pairs = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            sink.append("\(event.level) \(label) \(event.message)" + (pairs.isEmpty ? "" : " " + pairs))
        }
    }
}

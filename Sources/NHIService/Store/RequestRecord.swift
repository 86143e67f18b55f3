import Foundation

/// The first successful answer to a request that changed data, stored in the same transaction
/// as the change, so a client that retries the request (with the same idempotency key) gets
/// that answer again — also after the server restarted — and nothing is done twice.
public struct RequestRecord: Sendable, Equatable {
    /// Who sent it (the server's session owner: unit, person, staff ID).
    public let owner: String
    /// The client's idempotency key.
    public let key: String
    /// SHA-256 (hex) of what was sent (path and body): the same key with another request is refused.
    public let requestDigest: String
    /// The answer's HTTP status.
    public let status: Int
    /// The answer's body.
    public let response: Data
    /// When it was answered.
    public let at: Date

    /// Creates a record (the store reads them back through this too).
    public init(owner: String, key: String, requestDigest: String, status: Int, response: Data, at: Date) {
        self.owner = owner
        self.key = key
        self.requestDigest = requestDigest
        self.status = status
        self.response = response
        self.at = at
    }
}

/// A request being served, for ``NHIService/recording(_:_:)``: what to store with the first
/// write transaction's result. Set as ``current`` around async code, it reaches the threads
/// that ``NHIService/perform(_:)`` runs bodies on.
public struct RequestInProgress: Sendable {
    /// The request the current task serves: ``NHIService/perform(_:)`` records it with the
    /// first write transaction of its body.
    @TaskLocal public static var current: RequestInProgress?

    public let owner: String
    public let key: String
    public let requestDigest: String
    /// The status of a successful answer.
    public let status: Int
    /// Encodes the write transaction's result as the answer's body (the server's JSON).
    public let encode: @Sendable (Any) -> Data?

    public init(owner: String, key: String, requestDigest: String, status: Int, encode: @escaping @Sendable (Any) -> Data?) {
        self.owner = owner
        self.key = key
        self.requestDigest = requestDigest
        self.status = status
        self.encode = encode
    }
}

/// The request this thread is serving (set by ``NHIService/recording(_:_:)``, read by the
/// service's write transactions). Per thread: `perform` runs a body on one thread.
final class RequestScope {
    let request: RequestInProgress
    var recorded = false
    init(_ request: RequestInProgress) { self.request = request }

    private static let key = "nhi.service.request"
    static var current: RequestScope? { Thread.current.threadDictionary[key] as? RequestScope }

    static func with<T, Failure: Error>(_ request: RequestInProgress, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        let previous = Thread.current.threadDictionary[key]
        Thread.current.threadDictionary[key] = RequestScope(request)
        defer { Thread.current.threadDictionary[key] = previous }
        return try body()
    }
}

extension NHIService {
    /// Runs `body` (one change: a filing, an upload) so that its first write transaction also
    /// stores `request`'s answer — the result encoded by `request.encode` — in the same
    /// transaction: the change and its answer commit together or not at all. Call it on the
    /// thread that runs the change (inside ``perform(_:)``).
    public func recording<T, Failure: Error>(_ request: RequestInProgress, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        try RequestScope.with(request, body)
    }

    /// The stored answer to `owner`'s request with idempotency `key`, if one was recorded.
    public func recordedRequest(owner: String, key: String) throws(ServiceError) -> RequestRecord? {
        try read { try $0.requestRecord(owner: owner, key: key) }
    }

    /// Forgets answers recorded before `date` (the server keeps them 24 hours); returns how many.
    @discardableResult
    public func pruneRequestRecords(before date: Date) throws(ServiceError) -> Int {
        try write { try $0.deleteRequestRecords(before: date) }
    }
}

import Crypto
import Foundation
import Synchronization
import NHICore
import NHIService
import NHISignIn

/// The server's signed-in sessions, by token.
///
/// A token is 32 random bytes (256 bits), base64url, handed to the client once; the server
/// keeps only its SHA-256 digest, so a memory dump or a log line of the table cannot be
/// replayed. Each session is bound to the person, the unit and the role (the service's
/// `Caller`) it was opened with; it ends after ``idleTimeout`` without a request, after
/// ``absoluteLifetime`` whatever happens, or when revoked (sign-out).
///
/// Held in memory: a restarted server has no sessions, and the counters sign in again.
public final class SessionRegistry: Sendable {
    /// One signed-in session.
    public struct Entry: Sendable {
        /// Who, in which unit, with which role and permissions (read when it was opened).
        public let session: StaffSession
        /// When it was opened.
        public let openedAt: Date
        /// The last request made with it.
        public fileprivate(set) var lastUsed: Date
        /// The token's digest: keys the session's idempotency records.
        public let digest: Data
    }

    /// How long a session lives without a request.
    public let idleTimeout: TimeInterval
    /// How long a session lives at most.
    public let absoluteLifetime: TimeInterval
    private let clock: any ServiceClock
    private let entries = Mutex<[Data: Entry]>([:])

    /// A registry whose sessions lapse after `idleTimeout` seconds without a request and
    /// `absoluteLifetime` seconds in all, on `clock`.
    public init(idleTimeout: TimeInterval, absoluteLifetime: TimeInterval, clock: any ServiceClock) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.clock = clock
    }

    /// Stores `session` and returns its new token (the only time the token exists here).
    public func open(_ session: StaffSession) -> (token: String, expiresAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let now = clock.now
        let digest = Self.digest(token)
        entries.withLock { entries in
            entries = entries.filter { !expired($0.value, at: now) }
            entries[digest] = Entry(session: session, openedAt: now, lastUsed: now, digest: digest)
        }
        return (token, now.addingTimeInterval(idleTimeout))
    }

    /// The live session of `token`, its idle time restarted; `session.expired` otherwise.
    public func resolve(_ token: String) throws(ServerError) -> Entry {
        let digest = Self.digest(token)
        let now = clock.now
        let entry: Entry? = entries.withLock { entries in
            guard var entry = entries[digest] else { return nil }
            if expired(entry, at: now) {
                entries[digest] = nil
                return nil
            }
            entry.lastUsed = now
            entries[digest] = entry
            return entry
        }
        guard let entry else { throw ServerError(.sessionExpired) }
        return entry
    }

    /// Ends the session of `token` (sign-out). Returns whether there was one.
    @discardableResult
    public func revoke(_ token: String) -> Bool {
        let digest = Self.digest(token)
        return entries.withLock { $0.removeValue(forKey: digest) != nil }
    }

    /// How many sessions are open (for metrics).
    public var count: Int {
        let now = clock.now
        return entries.withLock { $0.values.filter { !expired($0, at: now) }.count }
    }

    /// Until when a session stays open without another request.
    public func expiry(of entry: Entry) -> Date {
        min(entry.lastUsed.addingTimeInterval(idleTimeout), entry.openedAt.addingTimeInterval(absoluteLifetime))
    }

    private func expired(_ entry: Entry, at now: Date) -> Bool {
        now >= expiry(of: entry)
    }

    static func digest(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}

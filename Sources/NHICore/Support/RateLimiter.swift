import Foundation
import Synchronization

/// Requests per client in a sliding window: `nhi-server` counts login requests per address
/// (the 11th within 60 s is refused with `request.rateLimited`, 429 — wrong passwords are
/// limited per account by the service too; this stops one address from trying many
/// accounts), and the card service counts requests per web origin.
public final class RateLimiter: Sendable {
    /// Requests allowed per client and window.
    public let limit: Int
    /// The window in seconds.
    public let window: TimeInterval
    private let hits = Mutex<[String: [Date]]>([:])

    /// A limiter of `limit` requests per `window` seconds per address.
    public init(limit: Int, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request from `address` at `now`; false when it is over the limit, with the
    /// seconds until the next request would be allowed.
    public func admit(_ address: String, at now: Date = Date()) -> (allowed: Bool, retryAfter: Int) {
        hits.withLock { hits in
            if hits.count > 10_000 { hits = hits.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
            var recent = (hits[address] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count < limit else {
                hits[address] = recent
                let wait = recent.first.map { window - now.timeIntervalSince($0) } ?? window
                return (false, max(1, Int(wait.rounded(.up))))
            }
            recent.append(now)
            hits[address] = recent
            return (true, 0)
        }
    }
}

import Crypto
import Foundation
import Synchronization

/// The first response to each `Idempotency-Key`, per session owner (person and unit) and
/// key, so a retried request returns the stored answer and files nothing twice.
///
/// Held in memory for 24 hours (at most 100,000 keys): a retry after a server restart is
/// not recognised — see Documentation/Server.md.
public final class IdempotencyStore: Sendable {
    /// A stored answer.
    public struct Stored: Sendable {
        public let status: Int
        public let body: Data
    }

    enum Slot: Sendable {
        case running(bodyDigest: Data)
        case done(bodyDigest: Data, response: Stored, at: Date)
    }

    /// What to do with a request.
    public enum Decision: Sendable {
        /// Run it (the key is now reserved; `finish(_:key:response:)` or `abandon(_:key:)` it).
        case proceed
        /// Answer with the stored first response.
        case replay(Stored)
    }

    private let slots = Mutex<[String: Slot]>([:])
    private let lifetime: TimeInterval = 24 * 3600

    public init() {}

    /// Reserves `key` of `owner` for a request with `body`, or says how to answer it.
    public func begin(_ owner: String, key: String, body: Data, at now: Date = Date()) throws(ServerError) -> Decision {
        let slotKey = owner + "\u{0}" + key
        let digest = Data(SHA256.hash(data: body))
        let lifetime = lifetime
        return try slots.withLock { (slots) throws(ServerError) -> Decision in
            if slots.count > 100_000 {
                slots = slots.filter { if case .done(_, _, let at) = $0.value { now.timeIntervalSince(at) < lifetime } else { true } }
            }
            switch slots[slotKey] {
            case .none:
                slots[slotKey] = .running(bodyDigest: digest)
                return .proceed
            case .running(let first):
                throw first == digest ? ServerError(.idempotencyInProgress) : ServerError(.idempotencyKeyReused)
            case .done(let first, let response, let at):
                if now.timeIntervalSince(at) >= lifetime {
                    slots[slotKey] = .running(bodyDigest: digest)
                    return .proceed
                }
                guard first == digest else { throw ServerError(.idempotencyKeyReused) }
                return .replay(response)
            }
        }
    }

    /// Stores the answer to a reserved key.
    public func finish(_ owner: String, key: String, response: Stored, at now: Date = Date()) {
        let slotKey = owner + "\u{0}" + key
        slots.withLock { slots in
            if case .running(let digest) = slots[slotKey] { slots[slotKey] = .done(bodyDigest: digest, response: response, at: now) }
        }
    }

    /// Frees a reserved key whose request failed before the service answered (so a retry runs).
    public func abandon(_ owner: String, key: String) {
        let slotKey = owner + "\u{0}" + key
        slots.withLock { slots in
            if case .running = slots[slotKey] { slots[slotKey] = nil }
        }
    }
}

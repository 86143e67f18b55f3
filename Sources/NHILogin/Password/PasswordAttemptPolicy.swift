import Foundation

/// The rule for wrong secrets (SPEC §11): after 3 wrong registration passwords in a row,
/// NHI-card login is suspended for 10 minutes. A value type so that every store — the
/// service's SQLite store, the file store, test doubles — applies the same rule.
///
/// ```swift
/// let policy = PasswordAttemptPolicy.nhiCard
/// if let until = policy.suspendedUntil(record, at: now) { … refuse, no check }
/// let (updated, outcome) = passwordMatches ? policy.afterSuccess(record) : policy.afterFailure(record, at: now)
/// ```
public struct PasswordAttemptPolicy: Sendable, Hashable, Codable {
    /// Wrong attempts in a row that suspend.
    public var maximumFailures: Int
    /// How long a suspension lasts, in seconds.
    public var suspensionSeconds: Int

    /// Creates a policy.
    public init(maximumFailures: Int, suspensionSeconds: Int) {
        self.maximumFailures = maximumFailures
        self.suspensionSeconds = suspensionSeconds
    }

    /// 3 wrong → 10 minutes (NHI-card password logins).
    public static let nhiCard = PasswordAttemptPolicy(maximumFailures: 3, suspensionSeconds: 600)

    /// The state of one account under the policy.
    public struct Record: Sendable, Hashable, Codable {
        /// Wrong attempts since the last success or suspension.
        public var failures: Int
        /// The end of the current suspension, if any.
        public var suspendedUntil: Date?

        /// A fresh record.
        public init(failures: Int = 0, suspendedUntil: Date? = nil) {
            self.failures = failures
            self.suspendedUntil = suspendedUntil
        }
    }

    /// What an attempt came to.
    public enum Outcome: Sendable, Hashable {
        /// The secret was right.
        case accepted
        /// Wrong; this many attempts are left before suspension.
        case rejected(remainingAttempts: Int)
        /// Suspended until then (the attempt was not checked, or it was the last wrong one).
        case suspended(until: Date)
    }

    /// The end of a suspension in force at `now`, or `nil` when attempts are allowed.
    /// Check this *before* checking the secret: a suspended account is not tried at all.
    public func suspendedUntil(_ record: Record, at now: Date) -> Date? {
        guard let until = record.suspendedUntil, now < until else { return nil }
        return until
    }

    /// The record after a wrong attempt, and what to tell the user.
    public func afterFailure(_ record: Record, at now: Date) -> (Record, Outcome) {
        if let until = suspendedUntil(record, at: now) { return (record, .suspended(until: until)) }
        // A suspension that has run out starts a new count.
        let failures = (record.suspendedUntil == nil ? record.failures : 0) + 1
        if failures >= maximumFailures {
            let until = now.addingTimeInterval(TimeInterval(suspensionSeconds))
            return (Record(failures: 0, suspendedUntil: until), .suspended(until: until))
        }
        return (Record(failures: failures, suspendedUntil: nil), .rejected(remainingAttempts: maximumFailures - failures))
    }

    /// The record after a right attempt (the count starts again).
    public func afterSuccess(_ record: Record) -> (Record, Outcome) {
        (Record(), .accepted)
    }
}

import Foundation
import NHICards
import NHICore
import NHILogin

/// A `RegistrationPasswordVerifier` in memory, applying `PasswordAttemptPolicy`, for
/// unit tests of code that uses the NHI-card login. (Passwords are kept in clear: it is
/// for tests only.) The service implements the protocol on its store.
public actor InMemoryPasswordVerifier: RegistrationPasswordVerifier {
    private var passwords: [String: String] = [:]
    private var names: [String: String] = [:]
    private var owners: [String: Set<String>] = [:]
    private var records: [String: PasswordAttemptPolicy.Record] = [:]
    private let policy: PasswordAttemptPolicy
    /// How many times a password was actually compared (suspended accounts are not).
    public private(set) var comparisons = 0

    /// An empty verifier.
    public init(policy: PasswordAttemptPolicy = .nhiCard) {
        self.policy = policy
    }

    /// Registers a password (and optionally a name and owned units) for an ID.
    public func register(_ password: String, for id: PersonalID, name: String? = nil, owns units: [UnitCode] = []) {
        passwords[id.rawValue] = password
        names[id.rawValue] = name
        owners[id.rawValue] = Set(units.map(\.rawValue))
    }

    /// Compares the password, applying the policy.
    public func verify(_ password: RegistrationPassword, for card: NHICardIdentity, actingAsOwnerOf unitCode: UnitCode?,
                       at now: Date) async throws(LoginError) -> PasswordVerification {
        let key = card.id.rawValue
        guard let stored = passwords[key] else { return .notRegistered }
        let record = records[key] ?? .init()
        if let until = policy.suspendedUntil(record, at: now) { return .suspended(until: until) }
        comparisons += 1
        let (updated, outcome) = stored == password.value ? policy.afterSuccess(record) : policy.afterFailure(record, at: now)
        records[key] = updated
        switch outcome {
        case .accepted:
            if let unitCode, owners[key]?.contains(unitCode.rawValue) != true { return .notOwner(of: unitCode) }
            return .accepted(name: names[key])
        case .rejected(let left): return .rejected(remainingAttempts: left)
        case .suspended(let until): return .suspended(until: until)
        }
    }
}

import Foundation
import NHICore
import NHILogin

/// The service's face of NHILogin's `PasswordHasher` (the one home of the PBKDF2 rule):
/// the same calls, failing with ``ServiceError``.
extension PasswordHasher {
    func hashing(_ password: RegistrationPassword) throws(ServiceError) -> PasswordHash {
        do { return try hash(password) } catch { throw ServiceError(.accountPasswordAlgorithm, wrapping: error) }
    }

    func verifying(_ candidate: String, against stored: PasswordHash) throws(ServiceError) -> Bool {
        do { return try verify(candidate, against: stored) } catch { throw ServiceError(.accountPasswordAlgorithm, wrapping: error) }
    }
}

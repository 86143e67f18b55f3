import Foundation
import KioskModel
import NHICards
import NHICore
import NHILogin
import NHIService

/// NHILogin's registration-password check answered by the local service's accounts
/// (`NHIService.accounts.checkPassword`: the stored hash, 3 wrong → 10 minutes suspended),
/// and, for "sign in as owner", the unit's owner on record.
///
/// A thin bridge until NHIService offers its own ``RegistrationPasswordVerifier``; the rules
/// (hashing, counting, suspension, ownership) all stay in the service.
public struct AccountPasswordVerifier: RegistrationPasswordVerifier {
    public let service: KioskService

    public init(service: KioskService) {
        self.service = service
    }

    public func verify(_ password: RegistrationPassword, for card: NHICardIdentity, actingAsOwnerOf unitCode: UnitCode?,
                       at now: Date) async throws(LoginError) -> PasswordVerification {
        let id = card.id
        do {
            return try await service.run { service -> PasswordVerification in
                do {
                    switch try service.accounts.checkPassword(personID: id, password: password.value) {
                    case .accepted:
                        if let unitCode, try service.units.account(unitCode).unit.ownerID != id { return .notOwner(of: unitCode) }
                        return .accepted(name: nil)
                    case .rejected(let remaining): return .rejected(remainingAttempts: remaining)
                    case .suspended(let until): return .suspended(until: until)
                    }
                } catch let error as ServiceError where error.code == .accountNotRegistered {
                    return .notRegistered
                }
            }
        } catch let error as LoginError {
            throw error
        } catch let error as ServiceError {
            // Not verified, service suspended …: the service's own words.
            throw LoginError(.storeFailed, detail: "\(error.errorCode): \(error.messageEn)")
        } catch {
            throw LoginError(.storeFailed, detail: String(describing: type(of: error)))
        }
    }
}

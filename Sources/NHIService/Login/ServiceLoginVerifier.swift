import Foundation
import NHICards
import NHICore
import NHILogin

/// The login protocols of `NHILogin`, answered from the service's store: NHI card +
/// registration password against the personal online-service accounts, NHI-app OTPs against
/// the bound devices' secrets, and QR / TW FidO confirmation tokens.
///
/// ```swift
/// let verifier = ServiceLoginVerifier(service: service)
/// let login = NHICardLogin(…, verifier: verifier)            // the kiosk's flows
/// let units = try service.staff.memberships(person: id)      // then pick a unit
/// let caller = try service.staff.session(person: id, unit: code, credential: .nhiCard)
/// ```
///
/// Wrong passwords and wrong OTPs count under ``policy`` (3 wrong → 10 minutes); a
/// suspended account is not checked at all. A card whose online-service registration is
/// pending verification, cancelled or suspended at a counter answers
/// `PasswordVerification/notRegistered`. Store failures become
/// `LoginError.Code.storeFailed` with the service's error code as detail; passwords and
/// codes never appear in errors, logs or the audit log.
public struct ServiceLoginVerifier: RegistrationPasswordVerifier, OTPVerifier, LoginConfirmationService {
    /// The service whose store is checked.
    public let service: NHIService
    /// The rule for wrong passwords and wrong OTPs.
    public let policy: PasswordAttemptPolicy
    /// The OTP acceptance window.
    public let acceptance: OTPAcceptance

    /// A verifier over `service`.
    public init(service: NHIService, policy: PasswordAttemptPolicy = .nhiCard, acceptance: OTPAcceptance = .nhiApp) {
        self.service = service
        self.policy = policy
        self.acceptance = acceptance
    }

    // MARK: RegistrationPasswordVerifier

    /// Checks the password against the account's PBKDF2 hash under ``policy``; with
    /// `unitCode`, also that the card holder is the unit's owner (負責人).
    public func verify(_ password: RegistrationPassword, for card: NHICardIdentity, actingAsOwnerOf unitCode: UnitCode?,
                       at now: Date) async throws(LoginError) -> PasswordVerification {
        // PBKDF2 and the store run on the service's threads, never on the cooperative pool.
        try await service.perform { _ throws(LoginError) -> PasswordVerification in
            try verifyNow(password, for: card, actingAsOwnerOf: unitCode, at: now)
        }
    }

    private func verifyNow(_ password: RegistrationPassword, for card: NHICardIdentity, actingAsOwnerOf unitCode: UnitCode?,
                           at now: Date) throws(LoginError) -> PasswordVerification {
        let check: PasswordCheck
        do {
            check = try service.accounts.checkPassword(personID: card.id, password: password.value, policy: policy, at: now)
        } catch {
            switch error.code {
            case .accountNotRegistered, .accountNotVerified, .accountPasswordRequired, .accountServiceSuspended:
                return .notRegistered
            default:
                throw Self.loginError(error)
            }
        }
        switch check {
        case .rejected(let remaining): return .rejected(remainingAttempts: remaining)
        case .suspended(let until): return .suspended(until: until)
        case .accepted:
            if let unitCode, try !isOwner(card.id, of: unitCode) { return .notOwner(of: unitCode) }
            return .accepted(name: try name(of: card.id))
        }
    }

    // MARK: OTPVerifier

    /// Checks a 6-digit code against every device bound to the person (`OTPAcceptance`);
    /// the ID and birth date must match the binding. Wrong codes count under ``policy``.
    public func verify(code: String, for id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode?,
                       at now: Date) async throws(LoginError) -> OTPVerification {
        try await service.perform { _ throws(LoginError) -> OTPVerification in
            let outcome = try checkOTP(code: code, for: id, birthDate: birthDate, at: now)
            guard case .accepted = outcome else { return outcome }
            if let unitCode, try !isOwner(id, of: unitCode) { return .notOwner(of: unitCode) }
            return .accepted(name: try name(of: id))
        }
    }

    /// The code check itself (one home for the rule: login and the owner-OTP unit
    /// registration both use it).
    func checkOTP(code: String, for id: PersonalID, birthDate: CalendarDate, at now: Date) throws(LoginError) -> OTPVerification {
        try mapped {
            try service.store.write { w in
                let devices = try w.devices(person: id).filter { $0.revokedAt == nil }
                let knownBirthDate = try devices.lazy.compactMap(\.birthDate).first ?? w.person(id)?.birthDate
                guard let knownBirthDate else { return devices.isEmpty ? .deviceNotBound : .identityMismatch }
                guard knownBirthDate == birthDate else { return .identityMismatch }
                guard !devices.isEmpty, var account = try w.personalAccount(id), account.status == .active else { return .deviceNotBound }
                let attempts = account.otpAttempts ?? .init()
                if let until = policy.suspendedUntil(attempts, at: now) { return .suspended(until: until) }

                var sawReuse = false, sawExpired = false
                for var device in devices {
                    switch acceptance.judge(code, totp: TOTP(secret: Array(device.secret)), at: now,
                                            lastAcceptedCounter: device.lastAcceptedCounter) {
                    case .accepted(let counter):
                        device.lastAcceptedCounter = counter
                        try w.update(device)
                        account.otpAttempts = policy.afterSuccess(attempts).0
                        try w.upsert(account)
                        return .accepted(name: nil)
                    case .reused: sawReuse = true
                    case .expired: sawExpired = true
                    case .incorrect: break
                    }
                }
                if sawReuse { return .reused }
                if sawExpired { return .expired }
                let (record, result) = policy.afterFailure(attempts, at: now)
                account.otpAttempts = record
                try w.upsert(account)
                try service.record(w, .person(id), unit: nil, action: "login.wrongOTP", target: id.masked)
                switch result {
                case .suspended(let until): return .suspended(until: until)
                case .rejected(let remaining): return .incorrect(remainingAttempts: remaining)
                case .accepted: return .incorrect(remainingAttempts: 0)
                }
            }
        }
    }

    // MARK: LoginConfirmationService

    /// Stores a new token (and drops tokens that ended an hour ago).
    public func issue(app: ConfirmingApp, for id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode?,
                      at now: Date) async throws(LoginError) -> LoginToken {
        let token = LoginToken(app: app, requestedID: id, birthDate: birthDate, unitCode: unitCode, issuedAt: now)
        try await service.perform { _ throws(LoginError) in
            try mapped {
                try service.store.write { w in
                    try w.deleteLoginTokens(expiredBefore: now.addingTimeInterval(-3600))
                    try w.upsert(LoginTokenRecord(token: token))
                }
            }
        }
        return token
    }

    /// Marks the token confirmed by the phone of `id`. For the NHI app the person must have
    /// a bound device (`LoginError.Code.deviceNotBound` otherwise).
    public func confirm(_ value: String, by app: ConfirmingApp, as id: PersonalID, at now: Date) async throws(LoginError) {
        try await service.perform { _ throws(LoginError) in try confirmNow(value, by: app, as: id, at: now) }
    }

    private func confirmNow(_ value: String, by app: ConfirmingApp, as id: PersonalID, at now: Date) throws(LoginError) {
        try mapped {
            try service.store.write { w in
                guard var record = try w.loginToken(value), record.token.app == app else { throw LoginError(.tokenUnknown) }
                guard record.consumedAt == nil, record.confirmedAt == nil else { throw LoginError(.tokenUsed) }
                guard now <= record.token.expiresAt else { throw LoginError(.tokenExpired) }
                guard record.token.requestedID == id.rawValue else { throw LoginError(.tokenIdentityMismatch) }
                if app == .nhiApp, try w.devices(person: id).allSatisfy({ $0.revokedAt != nil }) {
                    throw LoginError(.deviceNotBound)
                }
                record.confirmedAt = now
                try w.upsert(record)
            }
        }
    }

    /// Where the token stands.
    public func status(of value: String, at now: Date) async throws(LoginError) -> LoginTokenStatus {
        let stored = try await service.perform { _ throws(LoginError) in
            try mapped { try service.store.read { try $0.loginToken(value) } }
        }
        guard let stored else { throw LoginError(.tokenUnknown) }
        if stored.consumedAt != nil { return .consumed }
        if let confirmed = stored.confirmedAt { return .confirmed(at: confirmed) }
        if now > stored.token.expiresAt { return .expired }
        return .pending(expiresAt: stored.token.expiresAt)
    }

    /// Uses a confirmed token, once.
    public func consume(_ value: String, at now: Date) async throws(LoginError) -> LoginToken {
        try await service.perform { _ throws(LoginError) -> LoginToken in try consumeNow(value, at: now) }
    }

    private func consumeNow(_ value: String, at now: Date) throws(LoginError) -> LoginToken {
        try mapped {
            try service.store.write { w in
                guard var record = try w.loginToken(value) else { throw LoginError(.tokenUnknown) }
                guard record.consumedAt == nil else { throw LoginError(.tokenUsed) }
                guard record.confirmedAt != nil else { throw LoginError(.tokenNotConfirmed) }
                record.consumedAt = now
                try w.upsert(record)
                return record.token
            }
        }
    }

    // MARK: Helpers

    private func isOwner(_ id: PersonalID, of unitCode: UnitCode) throws(LoginError) -> Bool {
        try mapped { try service.store.read { try $0.unit(unitCode) } }?.unit.ownerID == id
    }

    /// The name the service knows for a person (from the insured-person records), if any.
    private func name(of id: PersonalID) throws(LoginError) -> String? {
        try mapped { try service.store.read { try $0.person(id) } }?.name.value
    }

    /// Runs a store operation, passing `LoginError`s through and mapping the others.
    private func mapped<T>(_ body: () throws -> T) throws(LoginError) -> T {
        do { return try body() } catch let error as LoginError { throw error } catch let error as ServiceError {
            throw Self.loginError(error)
        } catch {
            throw LoginError(.storeFailed, detail: String(describing: type(of: error)))
        }
    }

    private static func loginError(_ error: ServiceError) -> LoginError {
        LoginError(.storeFailed, detail: error.code.rawValue)
    }
}

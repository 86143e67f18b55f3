import Foundation
import NHICore
import NHILogin

/// What a login with NHI card + registration password came to.
public enum PasswordCheck: Sendable, Hashable {
    /// The password is right; the failure count was reset.
    case accepted(PersonalID)
    /// Wrong password; `remaining` tries before the 10-minute suspension.
    case rejected(remaining: Int)
    /// Too many wrong passwords: no password is checked until `until`.
    case suspended(until: Date)
}

extension NHIService {
    /// Personal NHI-card online-service accounts (健保卡網路服務註冊, SPEC §5, §6):
    /// registration with e-mail verification (5 days), resend, cancel, forgotten and changed
    /// passwords, and the password check with its lockout (3 wrong → 10 minutes).
    public struct Accounts: Sendable {
        let core: NHIService

        /// How long a verification or reset link stays valid.
        public static let tokenLifetime: TimeInterval = 5 * 86_400
        /// Wrong passwords allowed before a suspension (`PasswordAttemptPolicy/nhiCard`).
        public static let maximumFailures = PasswordAttemptPolicy.nhiCard.maximumFailures
        /// How long a suspension lasts (`PasswordAttemptPolicy/nhiCard`).
        public static let suspension = TimeInterval(PasswordAttemptPolicy.nhiCard.suspensionSeconds)

        /// The data the registration form asks for, after the card was read.
        public struct Registration: Sendable {
            /// The card holder's national ID or resident number, read from the card.
            public let personID: PersonalID
            /// The NHI card number (健保卡號), read from the card.
            public let cardNumber: NHICardNumber
            /// 戶號, from the household register.
            public let householdNumber: String
            /// 戶籍鄉鎮里鄰.
            public let registeredVillage: String
            /// The holder's landline or mobile number.
            public let phones: ContactPhones
            /// Where the verification mail (認證信) is sent.
            public let email: EmailAddress
            /// The registration password (註冊密碼) the card will log in with.
            public let password: RegistrationPassword

            /// Creates the form's content.
            /// - Parameters:
            ///   - personID: The holder's ID, read from the card.
            ///   - cardNumber: The card number, read from the card.
            ///   - householdNumber: 戶號, from the household register.
            ///   - registeredVillage: 戶籍鄉鎮里鄰.
            ///   - phones: The holder's landline or mobile number.
            ///   - email: Where the verification mail is sent.
            ///   - password: The registration password.
            public init(personID: PersonalID, cardNumber: NHICardNumber, householdNumber: String, registeredVillage: String,
                        phones: ContactPhones, email: EmailAddress, password: RegistrationPassword) {
                self.personID = personID
                self.cardNumber = cardNumber
                self.householdNumber = householdNumber
                self.registeredVillage = registeredVillage
                self.phones = phones
                self.email = email
                self.password = password
            }
        }

        /// Registers a card for online services (首次登入請先申請). The account waits for
        /// e-mail verification; the verification mail goes to the outbox. Returns the token
        /// (also in the mail) so a counter can complete verification on the spot.
        @discardableResult
        public func register(_ r: Registration) throws(ServiceError) -> String {
            let household = r.householdNumber.trimmingCharacters(in: .whitespaces).uppercased()
            guard (6...10).contains(household.count), household.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else {
                throw ServiceError(.accountHouseholdNumber)
            }
            guard !r.registeredVillage.trimmingCharacters(in: .whitespaces).isEmpty else { throw ServiceError(.accountVillageMissing) }
            let village = try TextRule.registeredVillage.checked(r.registeredVillage)
            let hash = try core.passwords.hashing(r.password)
            let now = core.clock.now
            return try core.write { w in
                if let existing = try w.personalAccount(r.personID), existing.status == .active {
                    throw ServiceError(.accountAlreadyRegistered, context: ["person": r.personID.masked])
                }
                let token = OneTimeToken.make()
                let account = PersonalAccount(personID: r.personID, cardNumber: r.cardNumber, householdNumber: household,
                                              registeredVillage: village, phones: r.phones, email: r.email,
                                              status: .pendingVerification, passwordHash: hash, tokenDigest: OneTimeToken.digest(token),
                                              tokenPurpose: "verify", tokenExpiresAt: now.addingTimeInterval(Self.tokenLifetime),
                                              failedAttempts: 0, suspendedUntil: nil, createdAt: now, registeredByUnit: nil)
                try w.upsert(account)
                _ = try w.enqueue(MailTemplates.verification(to: r.email, token: token, unitName: nil,
                                                             name: try w.person(r.personID)?.name.value, now: now))
                try core.record(w, .person(r.personID), unit: nil, action: "account.register", target: r.personID.masked)
                return token
            }
        }

        /// A registration requested by a unit's batch upload (健保卡整批註冊): the person gets a
        /// verification mail and sets a password within 5 days. Runs inside the batch job's
        /// transaction. Returns false when the person already has an active account.
        func registerFromBatch(_ w: any StoreWriter, personID: PersonalID, email: EmailAddress, phones: ContactPhones?,
                               unit: UnitAccount) throws -> Bool {
            if let existing = try w.personalAccount(personID), existing.status == .active { return false }
            let now = core.clock.now
            let token = OneTimeToken.make()
            let account = PersonalAccount(personID: personID, cardNumber: nil, householdNumber: nil, registeredVillage: nil,
                                          phones: phones, email: email, status: .pendingVerification, passwordHash: nil,
                                          tokenDigest: OneTimeToken.digest(token), tokenPurpose: "verify",
                                          tokenExpiresAt: now.addingTimeInterval(Self.tokenLifetime), failedAttempts: 0,
                                          suspendedUntil: nil, createdAt: now, registeredByUnit: unit.unit.code)
            try w.upsert(account)
            _ = try w.enqueue(MailTemplates.verification(to: email, token: token, unitName: unit.unit.name,
                                                         name: try w.person(personID)?.name.value, now: now))
            return true
        }

        /// Completes e-mail verification (電子信箱認證): the card is read again and, for a
        /// batch registration, a new password is set.
        public func confirmEmail(token: String, personID: PersonalID, cardNumber: NHICardNumber,
                                 newPassword: RegistrationPassword?) throws(ServiceError) {
            let hash = try newPassword.map { (p: RegistrationPassword) throws(ServiceError) in try core.passwords.hashing(p) }
            let now = core.clock.now
            try core.write { w in
                var account = try pending(w, personID, token: token, purpose: "verify", now: now)
                if let card = account.cardNumber, card != cardNumber { throw ServiceError(.accountCardMismatch) }
                if account.passwordHash == nil && hash == nil { throw ServiceError(.accountPasswordRequired) }
                account.cardNumber = cardNumber
                if let hash { account.passwordHash = hash }
                account.status = .active
                account.tokenDigest = nil
                account.tokenPurpose = nil
                account.tokenExpiresAt = nil
                try w.upsert(account)
                _ = try w.enqueue(MailTemplates.registrationComplete(to: account.email, now: now))
                try core.record(w, .person(personID), unit: nil, action: "account.verify", target: personID.masked)
            }
        }

        /// Sends a new verification mail (重寄認證信), replacing the old link; optionally to a
        /// corrected address. Works also after the 5 days have lapsed.
        @discardableResult
        public func resendVerification(personID: PersonalID, email: EmailAddress? = nil) throws(ServiceError) -> String {
            let now = core.clock.now
            return try core.write { w in
                guard var account = try w.personalAccount(personID), account.status == .pendingVerification else {
                    throw ServiceError(.accountNotPending)
                }
                let token = OneTimeToken.make()
                if let email { account.email = email }
                account.tokenDigest = OneTimeToken.digest(token)
                account.tokenPurpose = "verify"
                account.tokenExpiresAt = now.addingTimeInterval(Self.tokenLifetime)
                try w.upsert(account)
                _ = try w.enqueue(MailTemplates.verification(to: account.email, token: token, unitName: nil,
                                                             name: try w.person(personID)?.name.value, now: now))
                try core.record(w, .person(personID), unit: nil, action: "account.resend", target: personID.masked)
                return token
            }
        }

        /// Cancels a registration that is still waiting for verification (刪除註冊申請).
        public func cancel(personID: PersonalID, cardNumber: NHICardNumber) throws(ServiceError) {
            try core.write { w in
                guard var account = try w.personalAccount(personID), account.status == .pendingVerification else {
                    throw ServiceError(.accountNotPending)
                }
                if let card = account.cardNumber, card != cardNumber { throw ServiceError(.accountCardMismatch) }
                account.status = .cancelled
                account.tokenDigest = nil
                try w.upsert(account)
                try core.record(w, .person(personID), unit: nil, action: "account.cancel", target: personID.masked)
            }
        }

        /// Forgotten password (忘記註冊密碼): mails a reset link. Changing the address at the
        /// same time needs the registered village as a second proof.
        @discardableResult
        public func requestPasswordReset(personID: PersonalID, cardNumber: NHICardNumber, newEmail: EmailAddress? = nil,
                                         registeredVillage: String? = nil) throws(ServiceError) -> String {
            let now = core.clock.now
            return try core.write { w in
                guard var account = try w.personalAccount(personID), account.status == .active else { throw ServiceError(.accountNotActive) }
                guard account.cardNumber == cardNumber else { throw ServiceError(.accountCardMismatch) }
                if let newEmail {
                    guard let village = registeredVillage, village == account.registeredVillage else { throw ServiceError(.accountVillageMismatch) }
                    account.email = newEmail
                }
                let token = OneTimeToken.make()
                account.tokenDigest = OneTimeToken.digest(token)
                account.tokenPurpose = "reset"
                account.tokenExpiresAt = now.addingTimeInterval(Self.tokenLifetime)
                try w.upsert(account)
                _ = try w.enqueue(MailTemplates.passwordReset(to: account.email, token: token, now: now))
                try core.record(w, .person(personID), unit: nil, action: "account.resetRequest", target: personID.masked)
                return token
            }
        }

        /// Sets a new password from a reset link (card read again).
        public func resetPassword(token: String, personID: PersonalID, cardNumber: NHICardNumber,
                                  newPassword: RegistrationPassword) throws(ServiceError) {
            let hash = try core.passwords.hashing(newPassword)
            let now = core.clock.now
            try core.write { w in
                var account = try pending(w, personID, token: token, purpose: "reset", now: now)
                guard account.cardNumber == cardNumber else { throw ServiceError(.accountCardMismatch) }
                account.passwordHash = hash
                account.tokenDigest = nil
                account.tokenPurpose = nil
                account.failedAttempts = 0
                account.suspendedUntil = nil
                try w.upsert(account)
                try core.record(w, .person(personID), unit: nil, action: "account.reset", target: personID.masked)
            }
        }

        /// Changes the password of a logged-in person (註冊密碼變更); a pending reset link is revoked.
        public func changePassword(personID: PersonalID, current: String, new: RegistrationPassword) throws(ServiceError) {
            guard case .accepted = try checkPassword(personID: personID, password: current) else {
                throw ServiceError(.accountWrongPassword)
            }
            let hash = try core.passwords.hashing(new)
            try core.write { w in
                guard var account = try w.personalAccount(personID) else { throw ServiceError(.accountNotRegistered) }
                account.passwordHash = hash
                // A reset link still pending would set the password again: it is revoked.
                if account.tokenPurpose == "reset" {
                    account.tokenDigest = nil
                    account.tokenPurpose = nil
                    account.tokenExpiresAt = nil
                }
                try w.upsert(account)
                try core.record(w, .person(personID), unit: nil, action: "account.changePassword", target: personID.masked)
            }
        }

        /// Checks a registration password (NHI card + password login). Three wrong passwords
        /// suspend the card for 10 minutes; during a suspension no password is checked.
        public func checkPassword(personID: PersonalID, password: String) throws(ServiceError) -> PasswordCheck {
            try checkPassword(personID: personID, password: password, policy: .nhiCard, at: core.clock.now)
        }

        /// Checks a registration password under `policy` at `now` (the login flow's clock):
        /// a suspended account is not checked; wrong passwords are counted and audited.
        func checkPassword(personID: PersonalID, password: String, policy: PasswordAttemptPolicy,
                           at now: Date) throws(ServiceError) -> PasswordCheck {
            guard let snapshot = try core.read({ try $0.personalAccount(personID) }) else { throw ServiceError(.accountNotRegistered) }
            switch snapshot.status {
            case .active: break
            case .pendingVerification: throw ServiceError(.accountNotVerified)
            case .cancelled: throw ServiceError(.accountNotRegistered)
            case .suspended: throw ServiceError(.accountServiceSuspended)
            }
            if let until = policy.suspendedUntil(snapshot.attempts, at: now) { return .suspended(until: until) }
            guard let stored = snapshot.passwordHash else { throw ServiceError(.accountPasswordRequired) }
            // The slow hash runs outside the write transaction; the count is re-read inside it.
            let matches = try core.passwords.verifying(password, against: stored)
            return try core.write { w in
                guard var account = try w.personalAccount(personID) else { throw ServiceError(.accountNotRegistered) }
                if let until = policy.suspendedUntil(account.attempts, at: now) { return .suspended(until: until) }
                let (record, outcome) = matches ? policy.afterSuccess(account.attempts) : policy.afterFailure(account.attempts, at: now)
                account.attempts = record
                try w.upsert(account)
                let result: PasswordCheck = switch outcome {
                case .accepted: .accepted(personID)
                case .rejected(let remaining): .rejected(remaining: remaining)
                case .suspended(let until): .suspended(until: until)
                }
                if !matches {
                    try core.record(w, .person(personID), unit: nil, action: "account.wrongPassword", target: personID.masked,
                                    detail: "\(result)")
                }
                return result
            }
        }

        // MARK: At the counter (the card in the reader, staff signed in)

        /// What a counter did to an account (臨櫃辦理).
        public enum CounterAction: String, Sendable, Hashable, Codable, CaseIterable {
            /// 暫停網路服務: the holder asks to suspend online services (only in person, SPEC §6).
            case suspend
            /// 恢復網路服務: online services suspended in person are resumed; any lockout is cleared.
            case resume
            /// 解除鎖定: the wrong-password lockout (3 wrong → 10 minutes) is cleared at once.
            case unlock
        }

        /// Suspends, resumes or unlocks a person's online services at a counter: the holder's
        /// card is in the reader (its number must be the registered one) and a member of staff
        /// is signed in; the staff member is recorded in the audit log.
        @discardableResult
        public func counter(_ action: CounterAction, personID: PersonalID, cardNumber: NHICardNumber,
                            by caller: Caller) throws(ServiceError) -> PersonalAccount {
            guard let unit = caller.unitCode, caller.isStaff(of: unit) else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description])
            }
            return try core.write { w in
                guard var account = try w.personalAccount(personID), account.status != .cancelled else { throw ServiceError(.accountNotRegistered) }
                guard account.cardNumber == cardNumber else { throw ServiceError(.accountCardMismatch) }
                switch action {
                case .suspend:
                    guard account.status == .active else { throw ServiceError(.accountNotActive) }
                    account.status = .suspended
                case .resume:
                    guard account.status == .suspended else { throw ServiceError(.accountNotSuspended) }
                    account.status = .active
                    account.attempts = .init()
                case .unlock:
                    guard account.status == .active else { throw ServiceError(.accountNotActive) }
                    guard account.failedAttempts > 0 || account.suspendedUntil != nil else { throw ServiceError(.accountNotLocked) }
                    account.attempts = .init()
                }
                try w.upsert(account)
                try core.record(w, caller, unit: unit, action: "account.\(action.rawValue)", target: personID.masked, detail: "臨櫃 counter")
                return account
            }
        }

        /// The account of a person, if any.
        public func account(_ personID: PersonalID) throws(ServiceError) -> PersonalAccount? {
            try core.read { try $0.personalAccount(personID) }
        }

        /// The account registered for a card number.
        public func account(cardNumber: NHICardNumber) throws(ServiceError) -> PersonalAccount? {
            try core.read { try $0.personalAccount(cardNumber: cardNumber) }
        }

        private func pending(_ w: any StoreWriter, _ personID: PersonalID, token: String, purpose: String, now: Date) throws -> PersonalAccount {
            guard let account = try w.personalAccount(personID), let digest = account.tokenDigest, account.tokenPurpose == purpose,
                  PasswordHasher.constantTimeEqual(digest, OneTimeToken.digest(token)) else {
                throw ServiceError(.accountTokenInvalid)
            }
            if let expires = account.tokenExpiresAt, expires <= now { throw ServiceError(.accountTokenExpired) }
            return account
        }
    }
}

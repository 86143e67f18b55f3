import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Personal online-service accounts")
struct AccountsTests {
    let person = Fixture.owner
    let card = try! NHICardNumber(parsing: "000011112222")

    func register(_ f: Fixture, password: String = "Abc123-!") throws -> String {
        try f.service.accounts.register(.init(personID: person, cardNumber: card, householdNumber: "a1234567",
                                              registeredVillage: "臺北市大安區龍安里", phones: Fixture.phones(),
                                              email: try EmailAddress(parsing: "me@example.com"), password: try RegistrationPassword(password)))
    }

    @Test("Register → verification mail → verify with the card → log in", arguments: TestStoreKind.available)
    func registerAndVerify(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let token = try register(f)
        #expect(try f.service.accounts.account(person)?.status == .pendingVerification)
        #expect(throws: ServiceError(.accountNotVerified)) { try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") }
        let mails = try f.service.mail.messages(to: try EmailAddress(parsing: "me@example.com"))
        #expect(mails.count == 1 && mails[0].body.contains(token) && mails[0].body.contains("5日內"))
        #expect(throws: ServiceError(.accountTokenInvalid)) {
            try f.service.accounts.confirmEmail(token: "nope", personID: person, cardNumber: card, newPassword: nil)
        }
        #expect(throws: ServiceError(.accountCardMismatch)) {
            try f.service.accounts.confirmEmail(token: token, personID: person, cardNumber: try NHICardNumber(parsing: "999999999999"), newPassword: nil)
        }
        try f.service.accounts.confirmEmail(token: token, personID: person, cardNumber: card, newPassword: nil)
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") == .accepted(person))
        #expect(try f.service.accounts.account(person)?.passwordHash?.iterations == 600_000)
    }

    @Test("The link lapses after 5 days; resend issues a new one", arguments: TestStoreKind.available)
    func lapseAndResend(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let old = try register(f)
        f.clock.advance(by: 5 * 86_400 + 1)
        #expect(throws: ServiceError(.accountTokenExpired)) {
            try f.service.accounts.confirmEmail(token: old, personID: person, cardNumber: card, newPassword: nil)
        }
        let fresh = try f.service.accounts.resendVerification(personID: person)
        #expect(throws: ServiceError(.accountTokenInvalid)) {
            try f.service.accounts.confirmEmail(token: old, personID: person, cardNumber: card, newPassword: nil)
        }
        try f.service.accounts.confirmEmail(token: fresh, personID: person, cardNumber: card, newPassword: nil)
        #expect(try f.service.accounts.account(person)?.status == .active)
    }

    @Test("At a counter: staff suspend, resume and unlock with the holder's card; the card must match; a visitor alone may not; audited with the staff member",
          arguments: TestStoreKind.available)
    func counterActions(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let unitCaller = try f.registerUnitByCertificate()
        try f.service.accounts.confirmEmail(token: try register(f), personID: person, cardNumber: card, newPassword: nil)
        #expect(throws: ServiceError(.notAuthorised, context: ["caller": Caller.person(person).description])) {
            try f.service.accounts.counter(.suspend, personID: person, cardNumber: card, by: .person(person))
        }
        #expect(throws: ServiceError(.accountCardMismatch)) {
            try f.service.accounts.counter(.suspend, personID: person, cardNumber: try NHICardNumber(parsing: "999999999999"), by: unitCaller)
        }
        #expect(throws: ServiceError(.accountNotSuspended)) { try f.service.accounts.counter(.resume, personID: person, cardNumber: card, by: unitCaller) }
        #expect(throws: ServiceError(.accountNotLocked)) { try f.service.accounts.counter(.unlock, personID: person, cardNumber: card, by: unitCaller) }
        #expect(try f.service.accounts.counter(.suspend, personID: person, cardNumber: card, by: unitCaller).status == .suspended)
        #expect(throws: ServiceError(.accountServiceSuspended)) { try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") }
        #expect(try f.service.accounts.counter(.resume, personID: person, cardNumber: card, by: unitCaller).status == .active)
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") == .accepted(person))
        for attempt in 1...3 { _ = try f.service.accounts.checkPassword(personID: person, password: "wrong\(attempt)") }
        guard case .suspended = try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") else {
            Issue.record("locked after three wrong passwords"); return
        }
        try f.service.accounts.counter(.unlock, personID: person, cardNumber: card, by: unitCaller)
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") == .accepted(person), "unlocked at once, not after 10 minutes")
        let actions = try f.service.audit.all(limit: 20).filter { $0.action.hasPrefix("account.") && $0.detail.contains("臨櫃") }
        #expect(Set(actions.map(\.action)) == ["account.suspend", "account.resume", "account.unlock"])
        #expect(actions.allSatisfy { $0.actor.contains("單位憑證") && $0.target == person.masked })
    }

    @Test("Three wrong passwords suspend the card for 10 minutes", arguments: TestStoreKind.available)
    func lockout(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        try f.service.accounts.confirmEmail(token: try register(f), personID: person, cardNumber: card, newPassword: nil)
        #expect(try f.service.accounts.checkPassword(personID: person, password: "wrong1") == .rejected(remaining: 2))
        #expect(try f.service.accounts.checkPassword(personID: person, password: "wrong2") == .rejected(remaining: 1))
        guard case .suspended(let until) = try f.service.accounts.checkPassword(personID: person, password: "wrong3") else {
            Issue.record("expected a suspension"); return
        }
        #expect(until.timeIntervalSince(f.clock.now) == 600)
        // Even the right password is not checked during the suspension.
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") == .suspended(until: until))
        f.clock.advance(by: 601)
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") == .accepted(person))
    }

    @Test("Cancel a pending registration; forgotten password with and without a new address", arguments: TestStoreKind.available)
    func cancelAndReset(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        _ = try register(f)
        try f.service.accounts.cancel(personID: person, cardNumber: card)
        #expect(try f.service.accounts.account(person)?.status == .cancelled)
        #expect(throws: ServiceError(.accountNotPending)) { try f.service.accounts.cancel(personID: person, cardNumber: card) }

        try f.service.accounts.confirmEmail(token: try register(f), personID: person, cardNumber: card, newPassword: nil)
        let newMail = try EmailAddress(parsing: "new@example.com")
        #expect(throws: ServiceError(.accountVillageMismatch)) {
            try f.service.accounts.requestPasswordReset(personID: person, cardNumber: card, newEmail: newMail, registeredVillage: "別的里")
        }
        let token = try f.service.accounts.requestPasswordReset(personID: person, cardNumber: card, newEmail: newMail,
                                                                registeredVillage: "臺北市大安區龍安里")
        #expect(try f.service.mail.messages(to: newMail).contains { $0.kind == "passwordReset" })
        try f.service.accounts.resetPassword(token: token, personID: person, cardNumber: card, newPassword: try RegistrationPassword("Xyz789-?"))
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Xyz789-?") == .accepted(person))
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Abc123-!") == .rejected(remaining: 2))
    }

    @Test("Household numbers and villages are checked", arguments: TestStoreKind.available)
    func registrationFields(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        #expect(throws: ServiceError(.accountHouseholdNumber)) {
            try f.service.accounts.register(.init(personID: person, cardNumber: card, householdNumber: "12", registeredVillage: "某里",
                                                  phones: Fixture.phones(), email: try EmailAddress(parsing: "me@example.com"),
                                                  password: try RegistrationPassword("Abc123-!")))
        }
    }

    @Test("The outbox delivers into a spool directory once", arguments: TestStoreKind.available)
    func spool(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        _ = try register(f)
        let spool = f.database.directory.appendingPathComponent("spool")
        #expect(try f.service.mail.deliver(using: SpoolDirectoryMailSender(directory: spool)) == 1)
        #expect(try f.service.mail.deliver(using: SpoolDirectoryMailSender(directory: spool)) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: spool.path)
        #expect(files.count == 1 && files[0].hasSuffix("-verification.eml"))
    }

    @Test("Changing the password revokes a pending reset link", arguments: TestStoreKind.available)
    func changePasswordRevokesReset(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        try f.service.accounts.confirmEmail(token: try register(f), personID: person, cardNumber: card, newPassword: nil)
        let token = try f.service.accounts.requestPasswordReset(personID: person, cardNumber: card)
        try f.service.accounts.changePassword(personID: person, current: "Abc123-!", new: try RegistrationPassword("Xyz789-?"))
        #expect(throws: ServiceError(.accountTokenInvalid)) {
            try f.service.accounts.resetPassword(token: token, personID: person, cardNumber: card, newPassword: try RegistrationPassword("Evil99-!"))
        }
        #expect(try f.service.accounts.checkPassword(personID: person, password: "Xyz789-?") == .accepted(person))
    }

    @Test("Stored text in requests: villages, certificate serials, device labels, contact names have limits (request.invalidText)", arguments: TestStoreKind.available)
    func textLimits(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let long = String(repeating: "里", count: 10_000)
        #expect(throws: ServiceError(.requestInvalidText)) {
            try f.service.accounts.register(.init(personID: person, cardNumber: card, householdNumber: "A1234567", registeredVillage: long,
                                                  phones: Fixture.phones(), email: try EmailAddress(parsing: "me@example.com"),
                                                  password: try RegistrationPassword("Abc123-!")))
        }
        do {
            try f.service.accounts.register(.init(personID: person, cardNumber: card, householdNumber: "A1234567", registeredVillage: "龍安\r\n里",
                                                  phones: Fixture.phones(), email: try EmailAddress(parsing: "me@example.com"),
                                                  password: try RegistrationPassword("Abc123-!")))
            Issue.record("CR/LF accepted")
        } catch let error as ServiceError {
            #expect(error.code == .requestInvalidText && error.context["field"] == "registeredVillage" && error.context["rule"] == "text.characters")
            #expect(error.message.contains("戶籍鄉鎮里鄰") && error.messageEn.contains("Registered township and village"))
        }
        #expect(throws: ServiceError(.requestInvalidText)) {
            try f.service.units.register(Fixture.unit(), method: .organisationCertificate(Fixture.certificate(serial: String(repeating: "A", count: 10_000))),
                                         registrant: nil, ownerIsAdministrator: false)
        }
        let certificate = try f.registerUnitByCertificate()
        #expect(throws: ServiceError(.requestInvalidText)) {
            try f.service.staff.assign(StaffAssignment(personID: .national(Fixture.adminPerson), name: try PersonName("王大明"), role: .administrator,
                                                       credential: .citizen, certificateSerial: "TP03\n000001", phones: Fixture.phones(),
                                                       email: try EmailAddress(parsing: "a@example.com")), by: certificate)
        }
        try f.activateAccount(person, card: "000011112222")
        #expect(throws: ServiceError(.requestInvalidText)) {
            try f.service.devices.bind(personID: person, label: String(repeating: "P", count: 10_000), by: .person(person))
        }
    }
}

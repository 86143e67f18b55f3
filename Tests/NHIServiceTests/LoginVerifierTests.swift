import Foundation
import NHICards
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

/// ``ServiceLoginVerifier`` on a real SQLite file: the NHILogin protocols answered by the service.
@Suite("Login verifiers backed by the service store")
struct LoginVerifierTests {
    static let cardNumber = "000011112222"
    static let birth = try! CalendarDate(iso: "1980-05-17")

    static func card(_ person: PersonalID, number: String = cardNumber) throws -> NHICardIdentity {
        NHICardIdentity(cardNumber: try NHICardNumber(parsing: number), name: try PersonName("王大明"), id: person,
                        birthDate: try ROCDate(birth), sex: .male, issueDate: try ROCDate(year: 100, month: 1, day: 3))
    }

    static func password(_ text: String) throws -> RegistrationPassword { try RegistrationPassword(text) }

    @Test("The right password is accepted; the owner check follows it", arguments: TestStoreKind.available)
    func rightPassword(_ store: TestStoreKind) async throws {
        let f = try Fixture(store: store)
        _ = try f.registerUnitByCertificate()
        try f.activateAccount(Fixture.owner, card: Self.cardNumber)
        let verifier = ServiceLoginVerifier(service: f.service)
        let card = try Self.card(Fixture.owner)
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: card, actingAsOwnerOf: nil, at: f.clock.now)
                == .accepted(name: nil))
        let unit = try UnitCode(parsing: "110001000")
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: card, actingAsOwnerOf: unit, at: f.clock.now)
                == .accepted(name: nil))

        // Someone else with a registered card is not the owner.
        let other = PersonalID.national(Fixture.adminPerson)
        try f.activateAccount(other, card: "000011113333")
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: Self.card(other, number: "000011113333"),
                                          actingAsOwnerOf: unit, at: f.clock.now) == .notOwner(of: unit))
    }

    @Test("Wrong passwords are counted and suspend after the policy's limit; nothing is checked while suspended", arguments: TestStoreKind.available)
    func wrongPasswords(_ store: TestStoreKind) async throws {
        let f = try Fixture(store: store)
        try f.activateAccount(Fixture.owner, card: Self.cardNumber)
        let verifier = ServiceLoginVerifier(service: f.service)
        let card = try Self.card(Fixture.owner)
        let now = f.clock.now
        let limit = PasswordAttemptPolicy.nhiCard.maximumFailures
        for attempt in 1..<limit {
            #expect(try await verifier.verify(Self.password("Wrong12-!"), for: card, actingAsOwnerOf: nil, at: now)
                    == .rejected(remainingAttempts: limit - attempt))
        }
        let until = now.addingTimeInterval(TimeInterval(PasswordAttemptPolicy.nhiCard.suspensionSeconds))
        #expect(try await verifier.verify(Self.password("Wrong12-!"), for: card, actingAsOwnerOf: nil, at: now) == .suspended(until: until))
        // The right password is not even checked during the suspension.
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: card, actingAsOwnerOf: nil, at: now.addingTimeInterval(599))
                == .suspended(until: until))
        #expect(try f.service.accounts.account(Fixture.owner)?.suspendedUntil == until)
        // After it, the right password works and the count starts again.
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: card, actingAsOwnerOf: nil, at: until.addingTimeInterval(1))
                == .accepted(name: nil))
        #expect(try f.service.accounts.account(Fixture.owner)?.failedAttempts == 0)
        let audit = try f.service.audit.all(limit: 50).filter { $0.action == "account.wrongPassword" }
        #expect(audit.count == limit)
        #expect(!audit.contains { $0.target.contains(Fixture.owner.rawValue) || $0.detail.contains("Wrong12") })
    }

    @Test("An unregistered, pending or cancelled card answers notRegistered", arguments: TestStoreKind.available)
    func notRegistered(_ store: TestStoreKind) async throws {
        let f = try Fixture(store: store)
        let verifier = ServiceLoginVerifier(service: f.service)
        let card = try Self.card(Fixture.owner)
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: card, actingAsOwnerOf: nil, at: f.clock.now) == .notRegistered)
        // Registered but the e-mail is not verified yet.
        _ = try f.service.accounts.register(.init(
            personID: Fixture.owner, cardNumber: try NHICardNumber(parsing: Self.cardNumber), householdNumber: "A1234567",
            registeredVillage: "臺北市大安區龍安里", phones: Fixture.phones(), email: try EmailAddress(parsing: "me@example.com"),
            password: try Self.password("Abc123-!")))
        #expect(try await verifier.verify(Self.password("Abc123-!"), for: card, actingAsOwnerOf: nil, at: f.clock.now) == .notRegistered)
    }

    @Test("Deleted staff cannot log in to the unit; memberships list only current assignments with their role", arguments: TestStoreKind.available)
    func deletedStaff(_ store: TestStoreKind) async throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        let unit = try UnitCode(parsing: "110001000")
        let admin = try f.assign(Fixture.adminPerson, role: .administrator, by: certificate)
        let op = try f.assign(Fixture.operatorPerson, role: .operator, by: certificate, serial: "TP03000007654321")
        let adminID = PersonalID.national(Fixture.adminPerson), operatorID = PersonalID.national(Fixture.operatorPerson)
        #expect(try f.service.staff.memberships(person: adminID).map(\.role) == [.administrator])
        #expect(try f.service.staff.memberships(person: operatorID).map { [$0.unitCode.rawValue, $0.role.rawValue] }
                == [[unit.rawValue, StaffRole.operator.rawValue]])
        // A certificate sign-in must present the serial its assignment records.
        #expect(throws: ServiceError(.staffCertificateSerialMissing)) {
            try f.service.staff.session(person: operatorID, unit: unit, credential: .citizen)
        }
        #expect(throws: ServiceError(.staffCertificateSerialMismatch)) {
            try f.service.staff.session(person: operatorID, unit: unit, credential: .citizen, certificateSerial: "TP03000001234567")
        }
        let session = try f.service.staff.session(person: operatorID, unit: unit, credential: .citizen, certificateSerial: "TP03000007654321")
        #expect(session.staffID == op.id && !session.isAdministrator(of: unit) && session.isStaff(of: unit))

        try f.service.staff.delete(op.id, by: certificate)
        #expect(try f.service.staff.memberships(person: operatorID).isEmpty)
        #expect(throws: ServiceError(.staffNotAssigned)) {
            try f.service.staff.session(person: operatorID, unit: unit, credential: .citizen)
        }
        #expect(try f.service.staff.session(person: adminID, unit: unit, credential: .citizen, certificateSerial: "TP03000001234567")
            .isAdministrator(of: unit))
        _ = admin
    }

    @Test("Partial: registering a unit by the owner's OTP needs the owner's birth date and a code of the bound app, valid 3 minutes, once", arguments: TestStoreKind.available)
    func ownerOTPRegistration(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        try f.activateAccount(Fixture.owner, card: Self.cardNumber)
        let (device, _) = try f.service.devices.bind(personID: Fixture.owner, label: "Pixel", birthDate: Self.birth,
                                                     by: .person(Fixture.owner))
        let totp = TOTP(secret: Array(device.secret))
        let unit = Fixture.unit()
        #expect(throws: ServiceError(.unitOwnerOTPMissing)) {
            try f.service.units.register(unit, method: .ownerOTP, registrant: Fixture.owner, ownerIsAdministrator: false)
        }
        let now = f.clock.now
        #expect(throws: ServiceError(.unitOwnerOTPRejected)) {
            try f.service.units.register(unit, method: .ownerOTP, registrant: Fixture.owner, ownerIsAdministrator: false,
                                         ownerOTP: OwnerOTPProof(birthDate: try CalendarDate(iso: "1980-05-18"), code: totp.code(at: now)))
        }
        // A code from four minutes ago is too old.
        #expect(throws: ServiceError(.unitOwnerOTPRejected)) {
            try f.service.units.register(unit, method: .ownerOTP, registrant: Fixture.owner, ownerIsAdministrator: false,
                                         ownerOTP: OwnerOTPProof(birthDate: Self.birth, code: totp.code(at: now.addingTimeInterval(-240))))
        }
        let (account, caller) = try f.service.units.register(unit, method: .ownerOTP, registrant: Fixture.owner, ownerIsAdministrator: false,
                                                             ownerOTP: OwnerOTPProof(birthDate: Self.birth, code: totp.code(at: now)))
        #expect(account.unit.code == unit.code && caller.standing == .owner)
    }

    @Test("OTP: the bound device's code is accepted once; wrong codes suspend; birth date must match", arguments: TestStoreKind.available)
    func otp(_ store: TestStoreKind) async throws {
        let f = try Fixture(store: store)
        try f.activateAccount(Fixture.owner, card: Self.cardNumber)
        let (device, _) = try f.service.devices.bind(personID: Fixture.owner, label: "Pixel", birthDate: Self.birth,
                                                     by: .person(Fixture.owner))
        let verifier = ServiceLoginVerifier(service: f.service)
        let totp = TOTP(secret: Array(device.secret))
        let now = f.clock.now
        let code = totp.code(at: now)
        #expect(try await verifier.verify(code: code, for: Fixture.owner, birthDate: try CalendarDate(iso: "1980-05-18"),
                                          actingAsOwnerOf: nil, at: now) == .identityMismatch)
        #expect(try await verifier.verify(code: code, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now)
                == .accepted(name: nil))
        #expect(try await verifier.verify(code: code, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now) == .reused)
        let wrong = code == "000000" ? "111111" : "000000"
        #expect(try await verifier.verify(code: wrong, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now)
                == .incorrect(remainingAttempts: 2))
        #expect(try await verifier.verify(code: wrong, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now)
                == .incorrect(remainingAttempts: 1))
        #expect(try await verifier.verify(code: wrong, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now)
                == .suspended(until: now.addingTimeInterval(600)))
        let later = now.addingTimeInterval(60)
        #expect(try await verifier.verify(code: totp.code(at: later), for: Fixture.owner, birthDate: Self.birth,
                                          actingAsOwnerOf: nil, at: later) == .suspended(until: now.addingTimeInterval(600)))
        // A person without a bound device.
        let other = PersonalID.national(Fixture.adminPerson)
        try f.activateAccount(other, card: "000011113333")
        #expect(try await verifier.verify(code: code, for: other, birthDate: Self.birth, actingAsOwnerOf: nil, at: now) == .deviceNotBound)
    }

    @Test("QR: issue → confirm by the bound person → consume once", arguments: TestStoreKind.available)
    func qrToken(_ store: TestStoreKind) async throws {
        let f = try Fixture(store: store)
        try f.activateAccount(Fixture.owner, card: Self.cardNumber)
        _ = try f.service.devices.bind(personID: Fixture.owner, label: "Pixel", birthDate: Self.birth, by: .person(Fixture.owner))
        let verifier = ServiceLoginVerifier(service: f.service)
        let now = f.clock.now
        let token = try await verifier.issue(app: .nhiApp, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now)
        #expect(try await verifier.status(of: token.value, at: now) == .pending(expiresAt: token.expiresAt))
        await #expect(throws: LoginError(.tokenNotConfirmed)) { try await verifier.consume(token.value, at: now) }
        await #expect(throws: LoginError(.tokenIdentityMismatch)) {
            try await verifier.confirm(token.value, by: .nhiApp, as: .national(Fixture.adminPerson), at: now)
        }
        try await verifier.confirm(token.value, by: .nhiApp, as: Fixture.owner, at: now.addingTimeInterval(10))
        #expect(try await verifier.status(of: token.value, at: now) == .confirmed(at: now.addingTimeInterval(10)))
        #expect(try await verifier.consume(token.value, at: now.addingTimeInterval(11)).requestedID == Fixture.owner.rawValue)
        await #expect(throws: LoginError(.tokenUsed)) { try await verifier.consume(token.value, at: now.addingTimeInterval(12)) }

        let late = try await verifier.issue(app: .nhiApp, for: Fixture.owner, birthDate: Self.birth, actingAsOwnerOf: nil, at: now)
        await #expect(throws: LoginError(.tokenExpired)) {
            try await verifier.confirm(late.value, by: .nhiApp, as: Fixture.owner, at: now.addingTimeInterval(LoginToken.lifetime + 1))
        }
        await #expect(throws: LoginError(.tokenUnknown)) { try await verifier.status(of: "nope", at: now) }
    }
}

// The kiosk's SDK adapters (KioskSDK) against the real parts: pcscd with vpcd's virtual
// readers and NHITestSupport's card emulator, the sample SQLite database, NHIFormats'
// checker. Run through scripts/test (it starts pcscd); without pcscd these fail, never skip.
import Foundation
import KioskModel
@testable import KioskSDK
import NHICards
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

/// Events from a source, collected on a task, awaited with a deadline. ``stop()`` ends the
/// watching (the collecting task must not keep the log alive, or its card watcher would
/// outlive the test and read the next test's cards).
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [KioskModel.CardEvent] = []
    private var task: Task<Void, Never>?

    init(_ source: any CardEventSource) {
        let stream = source.events()
        task = Task.detached { [weak self] in
            for await event in stream {
                guard let self else { return }
                self.lock.withLock { self.events.append(event) }
            }
        }
    }

    /// Stops watching; the card watcher's thread and context end with it.
    func stop() { task?.cancel() }

    deinit { task?.cancel() }

    /// The first event since `index` that matches, waiting up to 10 s.
    func first(after index: Int = 0, _ matches: (KioskModel.CardEvent) -> Bool) async throws -> (KioskModel.CardEvent, Int)? {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let snapshot = lock.withLock { events }
            if let found = snapshot.indices.dropFirst(index).first(where: { matches(snapshot[$0]) }) {
                return (snapshot[found], found + 1)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}

private func visitorCard(_ person: DemoData.Person) -> VisitorCard {
    VisitorCard(cardNumber: person.cardNumber, name: person.name, id: person.id, birthDate: person.birthDate,
                sex: person.sex, issueDate: person.cardIssued)
}

private func virtualCard(_ person: DemoData.Person) throws -> VirtualNHICard {
    try VirtualNHICard(identity: NHICardIdentity(visitorCard(person)))
}

/// An authenticator over a copy of the sample database whose certificate sign-ins use the
/// card's own PIN and key (as `--demo` does); the copy lives as long as the caller keeps it.
private func cardTokenAuthenticator() throws -> (StaffSignIn, DemoData.Sample, DatabaseCopy) {
    let (template, sample) = try SeededTemplate.shared.get()
    let database = try DatabaseCopy(of: template)
    let service = KioskService(NHIService(store: database.store))
    var authenticator = StaffSignIn(service: service.service, context: PCSCContext(),
                                                  verifier: ServiceLoginVerifier(service: service.service))
    authenticator.certificateToken = .card
    return (authenticator, sample, database)
}

@Suite("KioskSDK: the kiosk's protocols over the real SDK", .serialized)
struct SDKAdapterTests {
    @Test("card events: an inserted card arrives with its profile read through pcscd; removal follows")
    func cardEvents() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let reader = first.reader.name
            let log = EventLog(PCSCCardEventSource(context: PCSCContext()))
            try await first.insert(virtualCard(DemoData.employee))
            let inserted = try await log.first { if case .inserted(reader, _) = $0 { true } else { false } }
            #expect(inserted?.0 == .inserted(reader: reader, card: visitorCard(DemoData.employee)))
            try await first.remove()
            let removed = try await log.first(after: inserted?.1 ?? 0) { $0 == .removed(reader: reader) }
            #expect(removed != nil, "removal reported")
            // A card that is not an NHI card is reported unreadable with the card's error code.
            try await first.insert(VirtualOpaqueCard(atr: ATR(hex: "3B 02 14 50")!))
            let unreadable = try await log.first(after: removed?.1 ?? 0) { if case .unreadable(reader, _) = $0 { true } else { false } }
            if case .unreadable(_, let error)? = unreadable?.0 {
                #expect(error.code.hasPrefix("card."), "a card error (\(error.code))")
            } else {
                Issue.record("no unreadable event")
            }
            log.stop()
        }
    }

    @Test("readers: the virtual readers are listed, the doctor reads the card in one")
    func readers() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let directory = PCSCReaderDirectory(context: PCSCContext())
            let names = try await directory.readerNames()
            #expect(names.contains(first.reader.name))
            try await first.insert(virtualCard(DemoData.spouse))
            let checks = await directory.diagnose()
            #expect(checks.first?.outcome == .ok, "pcscd answers")
            let line = checks.first { $0.subjectEn.contains(first.reader.name) }
            #expect(line?.outcome == .ok && line?.detailEn.contains("reads correctly") == true, "\(String(describing: line))")
        }
    }

    @Test("sign-in: NHI card + registration password through NHILogin and the service; role from the staff record")
    func signIn() async throws {
        let (template, sample) = try SeededTemplate.shared.get()
        let database = try DatabaseCopy(of: template)
        let service = KioskService(NHIService(store: database.store))
        let pcsc = PCSCContext()
        let authenticator = StaffSignIn(service: service.service, context: pcsc,
                                                      verifier: ServiceLoginVerifier(service: service.service))
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let reader = first.reader.name
            try await first.insert(virtualCard(sample.operator))
            let wrong = try RegistrationPassword("Wrong-2026b")
            await #expect(throws: LoginError(.passwordIncorrect)) {
                try await authenticator.signIn(with: .nhiCard(reader: reader, password: wrong, ownerUnitCode: nil))
            }
            let right = try RegistrationPassword(sample.staffPassword)
            let session = try #require(try await authenticator.signIn(with: .nhiCard(reader: nil, password: right, ownerUnitCode: nil)).session)
            #expect(session.role == .operator && session.unitCode == sample.unit.code)
            #expect(session.name == sample.operator.name && session.maskedID == Masking.id(sample.operator.id.rawValue))
            #expect(session.caller.unitCode == sample.unit.code)

            try await first.insert(virtualCard(sample.administrator))
            let admin = try #require(try await authenticator.signIn(with: .nhiCard(reader: reader, password: right, ownerUnitCode: nil)).session)
            #expect(admin.role == .administrator && admin.mayFileChanges)

            // A visitor's card is not registered for online services.
            try await first.insert(virtualCard(DemoData.employee))
            await #expect(throws: LoginError(.cardNotRegistered)) {
                try await authenticator.signIn(with: .nhiCard(reader: reader, password: right, ownerUnitCode: nil))
            }
            try await first.remove()
            await #expect(throws: LoginError(.cardFailed)) {
                try await authenticator.signIn(with: .nhiCard(reader: reader, password: right, ownerUnitCode: nil))
            }
        }
    }

    @Test("sign-in: TW FidO QR code issued by the service, confirmed by the phone, consumed once")
    func appSignIn() async throws {
        let (template, sample) = try SeededTemplate.shared.get()
        let database = try DatabaseCopy(of: template)
        let service = KioskService(NHIService(store: database.store))
        let verifier = ServiceLoginVerifier(service: service.service)
        var polling = StaffSignIn(service: service.service, context: PCSCContext(), verifier: verifier)
        polling.pollInterval = .milliseconds(20)
        let authenticator = polling
        let admin = sample.administrator
        let challenge = try await authenticator.startAppSignIn(
            AppSignInRequest(method: .twFido, id: admin.id, birthDate: admin.birthDate, ownerUnitCode: nil))
        #expect(try LoginQRPayload(parsing: challenge.qrPayload).token == challenge.reference)
        #expect(challenge.validFor > .seconds(60) && challenge.validFor <= .seconds(175))
        let waiting = Task { try await authenticator.awaitAppConfirmation(challenge) }
        try await Task.sleep(for: .milliseconds(100))
        try await verifier.confirm(challenge.reference, by: .twFidO, as: admin.id, at: Date())
        let session = try #require(try await waiting.value.session)
        #expect(session.role == .administrator && session.method == .twFido && session.name == admin.name)
        await #expect(throws: LoginError(.tokenUsed)) { try await authenticator.awaitAppConfirmation(challenge) }
    }

    @Test("sign-in: the demo's certificate card + PIN (the emulator signs); wrong PIN 9039 with tries left, locked 9043")
    func certificateSignIn() async throws {
        let (authenticator, sample, database) = try cardTokenAuthenticator()
        defer { withExtendedLifetime(database) {} }
        let holder = try #require(DemoCard.deck(sample).first { $0.kind == .certificate }?.card)
        let staff = sample.administrator
        #expect(holder.id == staff.id, "the demo's certificate card is the administrator's")
        #expect(staff.id.rawValue == "A113579131" && VirtualReaderDeck.certificatePIN == "246810", "as README and Kiosk.md print them")
        let pin = try PIN(VirtualReaderDeck.certificatePIN), wrong = try PIN("135790")
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let reader = first.reader.name
            let card = try VirtualReaderDeck.certificateCard(holder: holder)
            try await first.insert(card)
            do {
                _ = try await authenticator.signIn(with: .certificate(reader: reader, id: staff.id, pin: wrong))
                Issue.record("a wrong PIN signed in")
            } catch let error as LoginError {
                #expect(error.userCode == 9039 && error.cause?.code == .pinIncorrect, "\(error)")
                #expect(error.remainingAttempts == 2)
            }
            let session = try #require(try await authenticator.signIn(with: .certificate(reader: nil, id: staff.id, pin: pin)).session)
            #expect(session.role == .administrator && session.unitCode == sample.unit.code && session.method == .certificate)
            #expect(session.name == staff.name && session.maskedID == Masking.id(staff.id.rawValue))
            #expect(session.caller.credential == .citizen)
            #expect(card.pinsReceived == 2)

            // The certificate holds the last four ID digits: another person's ID is refused before any PIN.
            await #expect(throws: LoginError(.certificateAccountMismatch)) {
                try await authenticator.signIn(with: .certificate(reader: reader, id: sample.operator.id, pin: pin))
            }
            #expect(card.pinsReceived == 2)

            // The last try: a wrong PIN locks the card (9043); after that no PIN is sent at all.
            let lastTry = try VirtualReaderDeck.certificateCard(holder: holder, triesLeft: 1)
            try await first.insert(lastTry)
            for _ in 0..<2 {
                do {
                    _ = try await authenticator.signIn(with: .certificate(reader: reader, id: staff.id, pin: wrong))
                    Issue.record("a locked card signed in")
                } catch let error as LoginError {
                    #expect(error.userCode == 9043 && error.cause?.code == .pinLocked, "\(error)")
                }
            }
            #expect(lastTry.pinsReceived == 1, "the locked card was not sent another PIN")
        }
    }

    @Test("sign-in: the unit's organisation certificate + PIN + unit code → the unit as its administrator; wrong card or unit refused")
    func organisationCertificateSignIn() async throws {
        let (authenticator, sample, database) = try cardTokenAuthenticator()
        defer { withExtendedLifetime(database) {} }
        let organisation = try #require(DemoCard.deck(sample).first { $0.kind == .organisationCertificate }?.organisation)
        #expect(organisation.unitCode == sample.unit.code && organisation.ubn == sample.unit.ubn)
        #expect(organisation.unitCode.rawValue == "110001000" && VirtualReaderDeck.organisationCertificatePIN == "135246",
                "as README and Kiosk.md print them")
        let person = try #require(DemoCard.deck(sample).first { $0.kind == .certificate }?.card)
        let unit = sample.unit.code
        let pin = try PIN(VirtualReaderDeck.organisationCertificatePIN), wrong = try PIN("135790")
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let reader = first.reader.name
            let card = try VirtualReaderDeck.organisationCertificateCard(organisation)
            try await first.insert(card)
            do {
                _ = try await authenticator.signIn(with: .organisationCertificate(reader: reader, unitCode: unit, pin: wrong))
                Issue.record("a wrong PIN signed in")
            } catch let error as LoginError {
                #expect(error.userCode == 9039 && error.remainingAttempts == 2, "\(error)")
            }
            let session = try #require(try await authenticator.signIn(with: .organisationCertificate(reader: nil, unitCode: unit, pin: pin)).session)
            #expect(session.isOrganisation && session.maskedID == nil && session.name == sample.unit.name)
            #expect(session.role == .administrator && session.unitCode == unit && session.method == .certificate && session.mayFileChanges)
            let caller = session.caller
            #expect(caller.standing == .organisationCertificate && caller.personID == nil && caller.credential == .moeaca)
            #expect(try authenticator.service.roster.inForce(unit: unit, by: caller).count == 11, "the unit's session reads its roster")
            #expect(card.pinsReceived == 2)

            // The certificate method without a unit code: an organisation certificate is refused before any PIN.
            await #expect(throws: ServiceError(.signInCertificateNeedsUnitCode)) {
                try await authenticator.signIn(with: .certificate(reader: reader, id: sample.administrator.id, pin: pin))
            }
            #expect(card.pinsReceived == 2)

            // Another company's certificate (another UBN, another serial) for the sample unit: the service's refusal.
            let stranger = DemoCard.Organisation(name: "別家科技股份有限公司", unitCode: unit, ubn: try UBN(parsing: "22099131"),
                                                 cardNumber: "MC00000022099131")
            try await first.insert(try VirtualReaderDeck.organisationCertificateCard(stranger))
            await #expect(throws: ServiceError(.unitCertificateMismatch)) {
                try await authenticator.signIn(with: .organisationCertificate(reader: reader, unitCode: unit, pin: pin))
            }
            // The right certificate for a unit that is not registered.
            try await first.insert(card)
            await #expect(throws: ServiceError(.unitNotRegistered)) {
                try await authenticator.signIn(with: .organisationCertificate(reader: reader, unitCode: try UnitCode(parsing: "110009000"),
                                                                             pin: pin))
            }

            // A person's certificate with a unit code: refused before any PIN.
            let personal = try VirtualReaderDeck.certificateCard(holder: person)
            try await first.insert(personal)
            await #expect(throws: ServiceError(.signInCertificateNotOrganisation)) {
                try await authenticator.signIn(with: .organisationCertificate(reader: reader, unitCode: unit, pin: pin))
            }
            #expect(personal.pinsReceived == 0)
        }
    }

    @Test("unit registration: the organisation certificate after its PIN, the owner's NHI card read from the reader; someone else's card refused")
    func unitRegistration() async throws {
        let (authenticator, sample, database) = try cardTokenAuthenticator()
        defer { withExtendedLifetime(database) {} }
        let registrar: any UnitRegistrar = authenticator
        let organisation = try #require(DemoCard.deck(sample).first { $0.kind == .organisationCertificate }?.organisation)
        func unit(_ code: String, nhiOnly: Bool = true) throws -> InsuredUnit {
            try InsuredUnit(code: UnitCode(parsing: code), name: "示範科技股份有限公司新竹分公司", ubn: sample.unit.ubn, labourInsuranceNumber: nil,
                            ownerID: sample.administrator.id, ownerPhones: sample.unit.ownerPhones,
                            email: EmailAddress(parsing: "hsinchu@demo.example"), nhiOnly: nhiOnly)
        }
        let pin = try PIN(VirtualReaderDeck.organisationCertificatePIN), wrong = try PIN("135790")
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let reader = first.reader.name
            let card = try VirtualReaderDeck.organisationCertificateCard(organisation)
            try await first.insert(card)
            do {
                _ = try await registrar.registerUnit(try unit("110002000"), with: .organisationCertificate(reader: reader, pin: wrong),
                                                     ownerIsAdministrator: false)
                Issue.record("a wrong PIN registered a unit")
            } catch let error as LoginError {
                #expect(error.userCode == 9039 && error.remainingAttempts == 2, "\(error)")
            }
            #expect(throws: ServiceError(.unitNotRegistered), "nothing registered after a wrong PIN") {
                try authenticator.service.units.account(try UnitCode(parsing: "110002000"))
            }
            let account = try await registrar.registerUnit(try unit("110002000"), with: .organisationCertificate(reader: nil, pin: pin),
                                                           ownerIsAdministrator: false)
            guard case .organisationCertificate(let info) = account.method else {
                Issue.record("registered by \(account.method.label)")
                return
            }
            #expect(info.kind == .moeaca && info.ubn == sample.unit.ubn && !info.serialNumber.isEmpty && info.subject.contains(organisation.name),
                    "issuer, subject, serial and UBN read from the certificate: \(info)")
            // The certificate that registered the unit signs it in as its administrator.
            let session = try #require(try await authenticator.signIn(with: .organisationCertificate(reader: reader, unitCode: account.unit.code,
                                                                                                      pin: pin)).session)
            #expect(session.isOrganisation && session.unitCode == account.unit.code && session.role == .administrator)

            // The owner's NHI card: someone else's card is refused; the owner's registers.
            try await first.insert(virtualCard(DemoData.employee))
            await #expect(throws: ServiceError(.unitOwnerMismatch)) {
                try await registrar.registerUnit(try unit("110003000"), with: .ownerNHICard(reader: reader), ownerIsAdministrator: true)
            }
            try await first.insert(virtualCard(sample.administrator))
            let owned = try await registrar.registerUnit(try unit("110003000"), with: .ownerNHICard(reader: nil), ownerIsAdministrator: true)
            #expect(owned.method == .ownerNHICard(cardNumber: sample.administrator.cardNumber), "the card number read from the card")
            #expect(try authenticator.service.staff.memberships(person: sample.administrator.id)
                .contains { $0.unitCode == owned.unit.code && $0.role == .administrator }, "the owner is its administrator")
            // A unit registered once is not registered again.
            await #expect(throws: ServiceError(.unitAlreadyRegistered)) {
                try await registrar.registerUnit(try unit("110003000"), with: .ownerNHICard(reader: reader), ownerIsAdministrator: true)
            }
        }
    }

    @Test("sign-in: staff of two units get the unit list; the chosen unit's session opens once; cancelled or lapsed choices are gone")
    func unitChoice() async throws {
        let (template, sample) = try SeededTemplate.shared.get()
        let database = try DatabaseCopy(of: template)
        let nhi = NHIService(store: database.store)
        // A second unit in this copy, with the sample's operator as its administrator.
        let second = try InsuredUnit(code: UnitCode(parsing: "110002000"), name: "第二示範商行", ubn: UBN(parsing: "22099131"),
                                     labourInsuranceNumber: nil, ownerID: sample.administrator.id, ownerPhones: sample.unit.ownerPhones,
                                     email: EmailAddress(parsing: "shop@demo.example"), nhiOnly: true)
        let certificate = OrganisationCertificateInfo(kind: .moeaca, issuer: "CN=NHI-SWIFT TEST ISSUING CA", subject: "CN=第二示範商行",
                                                      serialNumber: "02", ubn: second.ubn)
        let registrar = try nhi.units.register(second, method: .organisationCertificate(certificate), registrant: nil,
                                               ownerIsAdministrator: false).caller
        try nhi.staff.assign(StaffAssignment(
            personID: sample.operator.id, name: try PersonName(sample.operator.name), role: .administrator, credential: .nhiCard,
            phones: try ContactPhones(landline: LandlineNumber(parsing: "02-23456789#102"), mobile: nil),
            email: try EmailAddress(parsing: "shop@demo.example")), by: registrar)
        let service = KioskService(nhi)
        let authenticator = StaffSignIn(service: service.service, context: PCSCContext(), verifier: ServiceLoginVerifier(service: nhi))
        let password = try RegistrationPassword(sample.staffPassword)
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let reader = first.reader.name
            let credential = StaffCredential.nhiCard(reader: reader, password: password, ownerUnitCode: nil)
            try await first.insert(virtualCard(sample.operator))
            guard case .chooseUnit(let choice) = try await authenticator.signIn(with: credential) else {
                Issue.record("no unit choice for staff of two units")
                return
            }
            #expect(choice.name == sample.operator.name && choice.method == .nhiCard)
            #expect(Set(choice.units.map(\.unitCode)) == [sample.unit.code, second.code])
            let here = choice.units.first { $0.unitCode == sample.unit.code }, there = choice.units.first { $0.unitCode == second.code }
            #expect(here?.role == .operator && here?.unitName == sample.unit.name)
            #expect(there?.role == .administrator && there?.unitName == "第二示範商行")
            #expect(!choice.reference.contains(sample.operator.id.rawValue), "the reference is opaque")
            let session = try await authenticator.openSession(choice, unit: second.code)
            #expect(session.unitCode == second.code && session.role == .administrator && session.mayFileChanges)
            #expect(session.name == sample.operator.name && session.maskedID == Masking.id(sample.operator.id.rawValue))
            #expect(session.caller.unitCode == second.code && session.caller.personID == sample.operator.id)
            #expect(try nhi.staff.list(unit: second.code, by: session.caller).count == 1, "the session acts in the chosen unit")
            await #expect(throws: ServiceError(.signInUnitChoiceExpired), "a choice opens one session") {
                try await authenticator.openSession(choice, unit: sample.unit.code)
            }

            // Cancelled: nothing is kept.
            guard case .chooseUnit(let cancelled) = try await authenticator.signIn(with: credential) else { return }
            await authenticator.cancel(cancelled)
            await #expect(throws: ServiceError(.signInUnitChoiceExpired)) { try await authenticator.openSession(cancelled, unit: sample.unit.code) }

            // A unit that is not the person's: the service refuses.
            guard case .chooseUnit(let other) = try await authenticator.signIn(with: credential) else { return }
            await #expect(throws: ServiceError(.staffNotAssigned)) {
                try await authenticator.openSession(other, unit: try UnitCode(parsing: "110009000"))
            }

            // Left unanswered past its lifetime: gone.
            var hasty = authenticator
            hasty.unitChoiceLifetime = .zero
            guard case .chooseUnit(let lapsed) = try await hasty.signIn(with: credential) else { return }
            await #expect(throws: ServiceError(.signInUnitChoiceExpired)) { try await hasty.openSession(lapsed, unit: sample.unit.code) }

            // Staff of one unit are still signed in at once.
            try await first.insert(virtualCard(sample.administrator))
            let admin = try await authenticator.signIn(with: credential)
            #expect(admin.session?.unitCode == sample.unit.code && admin.session?.role == .administrator)
        }
    }

    @Test("batch upload: the checker's row errors and suggested fixes, IDs masked; submitted as the service's job")
    func batchCheck() async throws {
        let (template, sample) = try SeededTemplate.shared.get()
        let database = try DatabaseCopy(of: template)
        let service = KioskService(NHIService(store: database.store))
        let backend = ServiceBatchRegistration(service: service, processesOnUpload: false)
        let directory = TemporaryDirectory()
        let path = directory.path + "/110001000\(try ROCDate(service.today).formatted(.compact)).csv"
        let employee = DemoData.employee.id.rawValue
        // With the template's header: spreadsheet rows and 第N筆 differ by one, and each finding
        // must carry its own row's masked ID.
        try Data("""
            身分證號,電子郵件,行動電話,聯絡電話
            \(employee),wang@example.com.tw,912345678,
            A123456788,bad@example.com.tw,0912345678,

            """.utf8).write(to: URL(fileURLWithPath: path))
        let operatorCaller = try service.service.staff.session(person: sample.operator.id, unit: sample.unit.code, credential: .nhiCard)
        let report = try await backend.check(fileAt: path, unit: sample.unit.code, by: operatorCaller)
        #expect(report.rows == 2 && report.validRows == 1 && report.rejectedRows == 1)
        #expect(report.fileNameProblem == nil, "\(String(describing: report.fileNameProblem))")
        let repaired = report.issues.first { $0.row == 1 }
        #expect(repaired?.isWarning == true && repaired?.suggestion == "0912345678", "\(String(describing: repaired))")
        #expect(repaired?.maskedID == Masking.id(employee))
        let rejected = report.issues.first { $0.row == 2 }
        #expect(rejected?.isWarning == false && rejected?.error.code.hasPrefix("batch.") == true, "\(String(describing: rejected))")
        #expect(rejected?.maskedID == "A12345****", "the rejected row's own ID, masked (\(String(describing: rejected?.maskedID)))")
        // Another unit's session cannot check against this unit's roster.
        let otherUnit = try UnitCode(parsing: "110009999")
        await #expect(throws: ServiceError(.notAuthorised)) { try await backend.check(fileAt: path, unit: otherUnit, by: operatorCaller) }
        let record = try await backend.submit(fileAt: path, by: operatorCaller)
        #expect(record.status == .waiting && record.fileName == URL(fileURLWithPath: path).lastPathComponent)
        #expect(record.uploader == sample.operator.name)
        let listed = try await backend.uploads(unit: sample.unit.code, from: service.today, through: service.today, by: operatorCaller)
        #expect(listed.map(\.id) == [record.id])
        #expect(ServiceBatchRegistration.maskingIDs("A123456789,a@example.com.tw,ok") == "A12345****,a@example.com.tw,ok")

        // The kiosk's default: the local service processes the upload at once and the
        // result log is there, totals matching the check and IDs masked.
        let immediate = ServiceBatchRegistration(service: service)
        let processed = try await immediate.submit(fileAt: path, by: operatorCaller)
        #expect(processed.status == .done)
        #expect(processed.uploaded == 2 && processed.succeeded + processed.failed == 2, "\(processed)")
        #expect(processed.succeeded == 1, "\(processed.logLines)")
        #expect(!processed.logLines.isEmpty && !processed.logLines.joined().contains(employee))
    }
}

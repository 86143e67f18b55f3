import Foundation
import KioskModel
@testable import KioskSDK
import NHICards
import NHICore
import NHILogin
import NHIService
import NHIServiceClient
import NHITestSupport
import Testing

/// The kiosk's sign-in through `nhi-server` (`RemoteStaffSignIn`, `nhi-kiosk --service`):
/// the card read in vpcd's reader through pcscd, the server deciding.
@Suite("RemoteStaffSignIn: the kiosk's sign-in through nhi-server", .serialized)
struct RemoteSignInTests {
    @Test("NHI card + password, then staff of two units choose one; OTP; a QR code the phone confirms; certificate and organisation certificate sign the server's challenge")
    func methods() async throws {
        let harness = try await ServerHarness()
        let second = try SignInTests.addSecondUnit(harness)
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        var signIn = RemoteStaffSignIn(client: client, context: PCSCContext())
        signIn.pollInterval = .milliseconds(50)
        do {
            // The operator works for two units: the server lists them; the chosen one opens.
            let staff = DemoData.operator
            try await PCSCTestEnvironment.withVirtualReaders { first, _ in
                try await first.insert(VirtualNHICard(identity: NHICardIdentity(
                    cardNumber: staff.cardNumber, name: PersonName(staff.name), id: staff.id, birthDate: ROCDate(staff.birthDate),
                    sex: staff.sex, issueDate: ROCDate(staff.cardIssued))))
                let outcome = try await signIn.signIn(with: .nhiCard(reader: first.reader.name, password: try RegistrationPassword(DemoData.staffPassword),
                                                                     ownerUnitCode: nil))
                guard case .chooseUnit(let choice) = outcome else {
                    Issue.record("expected the unit choice, got \(outcome)")
                    return
                }
                #expect(Set(choice.units.map(\.unitCode)) == [DemoData.unit.code, second.code] && choice.method == .nhiCard)
                let session = try await signIn.openSession(choice, unit: second.code)
                #expect(session.unitCode == second.code && session.role == .administrator && session.maskedID == staff.id.masked)
                #expect(session.permissions.allows(.administer), "the server's permissions for the chosen unit")
                let remote = try await client.session()
                #expect(remote.unitCode == second.code.rawValue, "the client holds the chosen unit's session")
                await signIn.signOut(session)
                await #expect(throws: ServiceClientError.self) { _ = try await client.session() }
                // A used choice is gone.
                await #expect(throws: (any Error).self) { _ = try await signIn.openSession(choice, unit: DemoData.unit.code) }
            }

            // The app's OTP: the server checks the code of the bound device.
            let admin = DemoData.administrator
            let (device, _) = try harness.service.devices.bind(personID: admin.id, label: "Pixel", birthDate: admin.birthDate, by: .person(admin.id))
            let code = TOTP(secret: Array(device.secret)).code(at: Date())
            let otp = try await signIn.signIn(with: .nhiAppOTP(id: admin.id, birthDate: admin.birthDate, otp: code, ownerUnitCode: nil))
            #expect(otp.session?.method == .nhiAppOTP && otp.session?.unitCode == DemoData.unit.code)
            await signIn.signOut(try #require(otp.session))

            // A QR code: shown, confirmed by the phone, then the session.
            let challenge = try await signIn.startAppSignIn(AppSignInRequest(method: .nhiAppQR, id: admin.id, birthDate: admin.birthDate,
                                                                             ownerUnitCode: nil))
            #expect(challenge.qrPayload.hasPrefix("nhilogin:"))
            let polling = signIn
            let waiting = Task { try await polling.awaitAppConfirmation(challenge) }
            try await Task.sleep(for: .milliseconds(200))
            try await ServiceLoginVerifier(service: harness.service).confirm(challenge.reference, by: .nhiApp, as: admin.id, at: Date())
            let qr = try await waiting.value
            #expect(qr.session?.method == .nhiAppQR && qr.session?.role == .administrator)

            // Certificate + PIN: the card signs the server's challenge; a wrong PIN stays at the counter (9039).
            let sample = DemoData.sample(today: .today())
            let deck = DemoCard.deck(sample)
            let holder = try #require(deck.first { $0.kind == .certificate }?.card)
            let organisation = try #require(deck.first { $0.kind == .organisationCertificate }?.organisation)
            signIn.certificateToken = .card
            let certificateSignIn = signIn
            try await PCSCTestEnvironment.withVirtualReaders { first, _ in
                let card = try VirtualReaderDeck.certificateCard(holder: holder)
                try await first.insert(card)
                do {
                    _ = try await certificateSignIn.signIn(with: .certificate(reader: first.reader.name, id: admin.id, pin: try PIN("135790")))
                    Issue.record("a wrong PIN signed in")
                } catch let error as LoginError {
                    #expect(error.userCode == 9039 && error.remainingAttempts == 2, "\(error)")
                }
                let session = try #require(try await certificateSignIn.signIn(with: .certificate(
                    reader: first.reader.name, id: admin.id, pin: try PIN(VirtualReaderDeck.certificatePIN))).session)
                #expect(session.method == .certificate && session.role == .administrator && session.unitCode == DemoData.unit.code)
                let remoteSession = try await client.session()
                #expect(remoteSession.method == "certificate", "the server holds a certificate session")
                #expect(card.pinsReceived == 2, "the PIN went to the card, twice, and nowhere else")

                // Another person's ID: refused before any PIN, at the counter.
                await #expect(throws: LoginError(.certificateAccountMismatch)) {
                    try await certificateSignIn.signIn(with: .certificate(reader: first.reader.name, id: DemoData.operator.id,
                                                                          pin: try PIN(VirtualReaderDeck.certificatePIN)))
                }

                // The unit's organisation certificate: the unit as its own administrator.
                try await first.insert(try VirtualReaderDeck.organisationCertificateCard(organisation))
                let unitSession = try #require(try await certificateSignIn.signIn(with: .organisationCertificate(
                    reader: first.reader.name, unitCode: DemoData.unit.code, pin: try PIN(VirtualReaderDeck.organisationCertificatePIN))).session)
                #expect(unitSession.isOrganisation && unitSession.role == .administrator && unitSession.mayFileChanges)
                let remoteUnitSession = try await client.session()
                #expect(remoteUnitSession.maskedID == nil && remoteUnitSession.unitCode == DemoData.unit.code.rawValue,
                        "the server holds the unit's own session (\(remoteUnitSession.role))")
            }
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        await harness.stop()
    }
}

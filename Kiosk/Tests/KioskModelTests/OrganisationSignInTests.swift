// Organisation-certificate sign-in (工商／政府／組織團體憑證 + PIN + 投保單位代號) in the view
// models: the unit-code field, the credential built from it, the session without a person,
// the refusals shown plainly, idle at that step, and a flow run by the unit's session.
@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

/// Throws `error` for every sign-in and records the credentials it was given.
private actor RefusingAuthenticator: StaffAuthenticator {
    let error: any Error
    private(set) var credentials: [StaffCredential] = []
    init(_ error: any Error) { self.error = error }
    func signIn(with credential: StaffCredential) async throws -> StaffSignInOutcome {
        credentials.append(credential)
        throw error
    }
    func startAppSignIn(_ request: AppSignInRequest) async throws -> AppSignInChallenge { throw error }
    func awaitAppConfirmation(_ challenge: AppSignInChallenge) async throws -> StaffSignInOutcome { throw error }
    func openSession(_ choice: StaffUnitChoice, unit: UnitCode) async throws -> StaffSession { throw error }
    func cancel(_ choice: StaffUnitChoice) async {}
}

/// The sample unit signed in by its organisation certificate, as the SDK reports it.
private func unitSession(caller: Caller? = nil) -> StaffSession {
    let unit = try! UnitCode(parsing: "110001000")
    return StaffSession(name: "示範科技股份有限公司", maskedID: nil, role: .administrator, unitCode: unit, method: .certificate,
                        caller: caller ?? Caller(personID: nil, unitCode: unit, standing: .organisationCertificate, credential: .moeaca),
                        permissions: standInPermissions(unit, role: .administrator, mayFile: true))
}

@Suite("Organisation-certificate sign-in")
@MainActor
struct OrganisationSignInTests {
    let unit = try! UnitCode(parsing: "110001000")

    @Test("the certificate method's check box swaps the ID for the unit code (never both on screen); labels in both languages")
    func field() {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        #expect(signIn.fields == [.organisationLogin, .id, .pin])
        signIn.idText = "A113579131"
        signIn.organisationLogin = true
        #expect(signIn.fields == [.organisationLogin, .certificateUnitCode, .pin])
        #expect(signIn.idText.isEmpty, "the ID typed before is forgotten")
        signIn.certificateUnitCodeText = "110001000"
        signIn.organisationLogin = false
        #expect(signIn.certificateUnitCodeText.isEmpty, "and the unit code when switching back")
        #expect(Text.certificateUnitCodeLabel.localized(.traditionalChinese) == "投保單位代號（單位憑證）")
        #expect(Text.certificateUnitCodeLabel.localized(.english) == "Unit code (organisation certificate)")
        #expect(Text.organisationLogin.localized(.traditionalChinese).hasPrefix("單位憑證登入"))
        #expect(Text.organisationLogin.localized(.english).hasPrefix("Organisation certificate"))
        #expect(Text.methodHint(.certificate).localized(.traditionalChinese).contains("投保單位代號"))
        signIn.method = .nhiCard
        #expect(!signIn.fields.contains(.certificateUnitCode) && !signIn.fields.contains(.organisationLogin),
                "only the certificate method has them")
    }

    @Test("unit code + PIN: the credential carries the unit (normalised) and no ID; the keypad is emptied")
    func credential() async throws {
        let fixture = Fixture(readerName: "Virtual PCD 00 00")
        await fixture.authenticator.setOutcome(.success(unitSession()))
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        signIn.organisationLogin = true
        signIn.certificateUnitCodeText = "１１０００１０００"
        for digit in [1, 3, 5, 2, 4, 6] { signIn.keypad.press(digit) }
        await signIn.submit()
        #expect(signIn.fieldErrors.isEmpty)
        let credentials = await fixture.authenticator.credentials
        #expect(credentials == [.organisationCertificate(reader: "Virtual PCD 00 00", unitCode: unit, pin: try PIN("135246"))])
        #expect(signIn.keypad.count == 0)
        #expect(signIn.certificateUnitCodeText.isEmpty && !signIn.organisationLogin, "forgotten once signed in")
    }

    @Test("a malformed or missing unit code is named under its field; the PIN is dropped and nothing is sent")
    func malformed() async {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        signIn.organisationLogin = true
        for digit in [1, 3, 5, 2, 4, 6] { signIn.keypad.press(digit) }
        await signIn.submit()
        #expect(signIn.fieldErrors[.certificateUnitCode] != nil, "the unit code is required once ticked")
        #expect(signIn.keypad.count == 0)
        signIn.certificateUnitCodeText = "11000100"
        for digit in [1, 3, 5, 2, 4, 6] { signIn.keypad.press(digit) }
        await signIn.submit()
        #expect(signIn.fieldErrors[.certificateUnitCode]?.code == "unitCode.format")
        #expect(signIn.fieldErrors[.id] == nil, "no ID is asked for with a unit code")
        #expect(signIn.keypad.count == 0, "the PIN is dropped even when the unit code fails")
        #expect(await fixture.authenticator.credentials.isEmpty)
        #expect(fixture.shell.staff == nil)
    }

    @Test("unticked, the certificate method still asks for the ID (personal certificate)")
    func personalStillNeedsID() async throws {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        for digit in [2, 4, 6, 8, 1, 0] { signIn.keypad.press(digit) }
        await signIn.submit()
        #expect(signIn.fieldErrors[.id] != nil)
        #expect(signIn.fieldErrors[.certificateUnitCode] == nil)
        signIn.idText = "A113579131"
        for digit in [2, 4, 6, 8, 1, 0] { signIn.keypad.press(digit) }
        await signIn.submit()
        #expect(await fixture.authenticator.credentials == [
            .certificate(reader: nil, id: try PersonalID(parsing: "A113579131"), pin: try PIN("246810"))])
    }

    @Test("the unit's session: its name and 單位憑證・管理者 in the header, no person, every administrator task")
    func session() async throws {
        let fixture = Fixture(kiosk: true)
        await fixture.authenticator.setOutcome(.success(unitSession()))
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        signIn.organisationLogin = true
        signIn.certificateUnitCodeText = "110001000"
        for digit in [1, 3, 5, 2, 4, 6] { signIn.keypad.press(digit) }
        await signIn.submit()
        let signedIn = try #require(fixture.shell.staff)
        #expect(signedIn.isOrganisation && signedIn.maskedID == nil && signedIn.role == .administrator)
        #expect(signedIn.badge.localized(.traditionalChinese) == "示範科技股份有限公司（單位憑證・管理者）")
        #expect(signedIn.badge.localized(.english) == "示範科技股份有限公司 (organisation certificate, administrator)")
        #expect(fixture.shell.screen == .home)
        #expect(fixture.shell.tasks.contains(.enrol) && fixture.shell.tasks.contains(.leaveKiosk))
        #expect(fixture.shell.requestExit() == .confirmLeavingKiosk, "the unit is an administrator: it may leave kiosk mode")
        let snapshot = KioskSnapshot(fixture.shell)
        #expect(snapshot.role == "administrator" && snapshot.signedIn)
        #expect(!snapshot.jsonLine().contains("135246"))
        // A person's session keeps its masked ID and the plain badge.
        #expect(!staff(.operator).isOrganisation)
        #expect(staff(.operator).badge == .staffBadge(name: "林承辦", role: .operator))
    }

    @Test("refusals are shown plainly with their code", arguments: [
        (ServiceError(.unitCertificateMismatch, context: ["unit": "110001000"]) as any CodedError, "unit.certificateMismatch", "統一編號不符"),
        (ServiceError(.signInCertificateNotOrganisation) as any CodedError, "signIn.certificateNotOrganisation", "個人憑證"),
        (ServiceError(.unitNotRegistered) as any CodedError, "unit.notRegistered", "尚未註冊"),
    ])
    func refused(error: any CodedError, code: String, words: String) async {
        let authenticator = RefusingAuthenticator(error)
        let shell = KioskShell(settings: KioskSettings(), store: SettingsStore(path: "/nonexistent/k.json"),
                               backends: KioskBackends(authenticator: authenticator), clock: ManualClock(),
                               isKioskMode: false, isDemo: false)
        shell.signIn.method = .certificate
        shell.signIn.organisationLogin = true
        shell.signIn.certificateUnitCodeText = "110001000"
        for digit in [1, 3, 5, 2, 4, 6] { shell.signIn.keypad.press(digit) }
        await shell.signIn.submit()
        guard case .failed(let shown) = shell.signIn.status else {
            Issue.record("status \(shell.signIn.status)")
            return
        }
        #expect(shown.code == code)
        #expect(Text.error(shown).localized(.traditionalChinese).contains(words), "\(Text.error(shown).localized(.traditionalChinese))")
        #expect(!shown.messageEn.isEmpty)
        #expect(KioskSnapshot(shell).signInStatus == "failed:\(code)")
        #expect(shell.staff == nil && shell.screen == .signIn)
        #expect(shell.signIn.keypad.count == 0, "the PIN is gone after the attempt")
    }

    @Test("idling at the unit-code step wipes the unit code and the PIN and keeps the method")
    func idle() {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        signIn.organisationLogin = true
        signIn.certificateUnitCodeText = "110001000"
        for digit in [1, 3, 5] { signIn.keypad.press(digit) }
        fixture.clock.advance(seconds: 121)
        fixture.shell.tick()
        #expect(signIn.certificateUnitCodeText.isEmpty && signIn.keypad.count == 0 && !signIn.organisationLogin)
        #expect(signIn.method == .certificate && fixture.shell.screen == .signIn)
    }

    @Test("the sample unit's registration: its certificate opens an administrator session that files; another UBN is refused")
    func sampleUnit() async throws {
        let fixture = try ServiceFixture()
        let registered = DemoData.organisationCertificate
        #expect(registered.kind == .moeaca && registered.ubn == fixture.sample.unit.ubn)
        // A renewed card: another serial number, the same UBN.
        let renewed = OrganisationCertificateInfo(kind: .moeaca, issuer: registered.issuer, subject: registered.subject,
                                                  serialNumber: "0A1B2C", ubn: registered.ubn)
        let caller = try fixture.service.staff.organisationSession(unit: fixture.sample.unit.code, certificate: renewed)
        #expect(caller.standing == .organisationCertificate && caller.personID == nil)
        let other = OrganisationCertificateInfo(kind: .moeaca, issuer: registered.issuer, subject: "CN=別家公司",
                                                serialNumber: "0A1B2C", ubn: try UBN(parsing: "22099131"))
        #expect(throws: ServiceError(.unitCertificateMismatch)) {
            try fixture.service.staff.organisationSession(unit: fixture.sample.unit.code, certificate: other)
        }

        await fixture.authenticator.setOutcome(.success(unitSession(caller: caller)))
        fixture.shell.signIn.method = .certificate
        fixture.shell.signIn.organisationLogin = true
        fixture.shell.signIn.certificateUnitCodeText = "110001000"
        for digit in [1, 3, 5, 2, 4, 6] { fixture.shell.signIn.keypad.press(digit) }
        await fixture.shell.signIn.submit()
        #expect(fixture.shell.staff?.isOrganisation == true)
        #expect(fixture.shell.open(.withdraw))
        let form = fixture.shell.withdrawal
        #expect(await eventually { form.roster.lines.count == 11 }, "the unit's roster, read without a person")
        let employee = try #require(form.roster.lines.first { $0.personID == DemoData.employee.id })
        form.choose(employee)
        form.transferOutText = "1151127"
        await form.submit()
        #expect(form.status.result?.kind == .withdraw, "\(form.status)")
    }
}

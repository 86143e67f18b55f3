@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Staff sign-in with every method")
@MainActor
struct SignInTests {
    @Test("NHI card + password: the SDK gets the card's reader and the password; the model forgets it")
    func nhiCard() async throws {
        let fixture = Fixture(readerName: "Virtual PCD 00 00")
        let signIn = fixture.shell.signIn
        signIn.setPassword("Abcd1234!")
        #expect(signIn.hasPassword)
        await signIn.submit()
        let credentials = await fixture.authenticator.credentials
        #expect(credentials == [.nhiCard(reader: "Virtual PCD 00 00", password: try RegistrationPassword("Abcd1234!"), ownerUnitCode: nil)])
        #expect(!signIn.hasPassword)
        #expect(fixture.shell.screen == .home)
        #expect(fixture.shell.staff?.role == .administrator)
    }

    @Test("owner sign-in adds the unit code; a malformed one is caught before the SDK is asked")
    func ownerUnitCode() async throws {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.ownerLogin = true
        #expect(signIn.fields == [.password, .ownerLogin, .unitCode])
        signIn.unitCodeText = "11000100"
        signIn.setPassword("Abcd1234!")
        await signIn.submit()
        #expect(signIn.fieldErrors[.unitCode]?.code == "unitCode.format")
        #expect(await fixture.authenticator.credentials.isEmpty)
        #expect(!signIn.hasPassword, "the password is dropped even when another field fails")
        signIn.unitCodeText = "１１０００１０００"
        signIn.setPassword("Abcd1234!")
        await signIn.submit()
        let credentials = await fixture.authenticator.credentials
        #expect(credentials.first == .nhiCard(reader: nil, password: try RegistrationPassword("Abcd1234!"),
                                              ownerUnitCode: try UnitCode(parsing: "110001000")))
    }

    @Test("a password of the wrong length never reaches the SDK")
    func shortPassword() async {
        let fixture = Fixture()
        fixture.shell.signIn.setPassword("abc")
        await fixture.shell.signIn.submit()
        #expect(fixture.shell.signIn.fieldErrors[.password]?.code == "password.length")
        #expect(await fixture.authenticator.credentials.isEmpty)
        #expect(fixture.shell.screen == .signIn)
    }

    @Test("a refused sign-in shows the seed's code and message")
    func refused() async {
        let fixture = Fixture()
        await fixture.authenticator.setOutcome(.failure(.wrongPassword))
        await fixture.signIn()
        #expect(fixture.shell.signIn.status == .failed(PresentableError(SeedCodeError.wrongPassword)))
        #expect(fixture.shell.staff == nil)
        #expect(fixture.shell.screen == .signIn)
    }

    @Test("certificate + PIN: the keypad's PIN goes to the SDK once; the keypad is cleared")
    func certificate() async throws {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = .certificate
        #expect(signIn.fields == [.organisationLogin, .id, .pin])
        for digit in [0, 8, 5, 0, 5, 0, 4] { signIn.keypad.press(digit) }
        await signIn.submit()
        #expect(signIn.fieldErrors[.id] != nil, "the certificate's account is asked for")
        #expect(signIn.keypad.count == 0, "the PIN is dropped even when the ID is missing")
        #expect(await fixture.authenticator.credentials.isEmpty)
        signIn.idText = "a123456789"
        for digit in [0, 8, 5, 0, 5, 0, 4] { signIn.keypad.press(digit) }
        await signIn.submit()
        let id = try PersonalID(parsing: "A123456789")
        #expect(await fixture.authenticator.credentials == [.certificate(reader: nil, id: id, pin: try PIN("0850504"))])
        #expect(signIn.keypad.count == 0)
        #expect(fixture.shell.staff != nil)
    }

    @Test("a short PIN is refused with the PIN-length rule (9041) without asking the card")
    func shortPIN() async {
        let fixture = Fixture()
        fixture.shell.signIn.method = .certificate
        for digit in [1, 2, 3] { fixture.shell.signIn.keypad.press(digit) }
        await fixture.shell.signIn.submit()
        #expect(fixture.shell.signIn.fieldErrors[.pin]?.code == "pin.length")
        #expect(await fixture.authenticator.credentials.isEmpty)
    }

    @Test("OTP: ID, ROC birth date and code are parsed; bad ones are named per field")
    func otp() async throws {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = .nhiAppOTP
        signIn.idText = "A123456788"
        signIn.birthDateText = "0851304"
        await signIn.submit()
        #expect(signIn.fieldErrors[.id]?.code == "nationalID.checksum")
        #expect(signIn.fieldErrors[.birthDate] != nil)
        #expect(signIn.fieldErrors[.otp]?.code == KioskError.Code.fieldRequired.rawValue)
        signIn.idText = "a123456789"
        signIn.birthDateText = "085/05/04"
        signIn.setOTP("654321")
        await signIn.submit()
        let credentials = await fixture.authenticator.credentials
        #expect(credentials == [.nhiAppOTP(id: try PersonalID(parsing: "A123456789"),
                                           birthDate: try CalendarDate(year: 1996, month: 5, day: 4),
                                           otp: "654321", ownerUnitCode: nil)])
        #expect(!signIn.hasOTP)
    }

    @Test("QR code: shown with a countdown that ticks down and expires", arguments: [LoginMethod.nhiAppQR, .twFido])
    func qrCountdown(method: LoginMethod) async throws {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.method = method
        signIn.idText = "A123456789"
        signIn.birthDateText = "0850504"
        await signIn.startAppSignIn()
        guard case .awaitingApp(let challenge, let seconds) = signIn.status else {
            Issue.record("status \(signIn.status)")
            return
        }
        #expect(challenge.qrPayload == "nhi-app-login:ref-1")
        #expect(seconds == 175)
        #expect(await eventually { await fixture.authenticator.waitingCount == 1 })
        fixture.clock.advance(seconds: 100)
        fixture.shell.noteActivity()
        fixture.shell.tick()
        #expect(signIn.status == .awaitingApp(challenge, secondsLeft: 75))
        fixture.clock.advance(seconds: 75)
        fixture.shell.noteActivity()
        fixture.shell.tick()
        #expect(signIn.status == .appExpired)
        #expect(await eventually { await fixture.authenticator.cancelledWaits == 1 })
        // A late confirmation of the expired code signs nobody in.
        await fixture.authenticator.confirm()
        #expect(fixture.shell.staff == nil)
        // Regenerate: a new code.
        await signIn.startAppSignIn()
        guard case .awaitingApp(let second, _) = signIn.status else {
            Issue.record("no new QR code")
            return
        }
        #expect(second.reference == "ref-2")
        #expect(await fixture.authenticator.appRequests.map(\.method) == [method, method])
    }

    @Test("QR code: the app's confirmation signs in")
    func qrConfirmed() async {
        let fixture = Fixture(role: .operator)
        let signIn = fixture.shell.signIn
        signIn.method = .nhiAppQR
        signIn.idText = "A123456789"
        signIn.birthDateText = "0850504"
        await signIn.startAppSignIn()
        #expect(await eventually { await fixture.authenticator.waitingCount == 1 })
        await fixture.authenticator.confirm()
        #expect(await eventually { fixture.shell.staff != nil })
        #expect(fixture.shell.screen == .home)
        #expect(signIn.status == .editing)
    }

    @Test("changing the method forgets what was typed")
    func methodChange() {
        let fixture = Fixture()
        let signIn = fixture.shell.signIn
        signIn.setPassword("Abcd1234!")
        signIn.idText = "A123456789"
        signIn.method = .certificate
        #expect(!signIn.hasPassword)
        #expect(signIn.idText.isEmpty)
    }

    @Test("without NHILogin nothing is sent and the screen says sign-in is not connected")
    func unavailable() async {
        let shell = KioskShell(settings: KioskSettings(), store: SettingsStore(path: "/nonexistent/k.json"),
                               backends: .none, clock: ManualClock(), isKioskMode: true, isDemo: false)
        shell.signIn.setPassword("Abcd1234!")
        await shell.signIn.submit()
        #expect(shell.staff == nil)
        #expect(shell.signIn.status == .editing)
        #expect(KioskSnapshot(shell).notConnected == "NHILogin")
    }
}

@Suite("Automation hook commands")
struct AutomationCommandTests {
    @Test("parses each command")
    func parse() throws {
        #expect(try AutomationCommand(line: "state\n") == .state)
        #expect(try AutomationCommand(line: "press 設定") == .press(name: "設定"))
        #expect(try AutomationCommand(line: "press Save settings") == .press(name: "Save settings"))
        #expect(try AutomationCommand(line: "fill 身分證號 A123456789") == .fill(name: "身分證號", text: "A123456789"))
        #expect(try AutomationCommand(line: "fill Insured unit code\t110001000") == .fill(name: "Insured unit code", text: "110001000"))
        #expect(try AutomationCommand(line: "choose 稱謂（與被保險人關係）\t子女") == .choose(name: "稱謂（與被保險人關係）", item: "子女"))
        #expect(try AutomationCommand(line: "open settings") == .open(.settings))
        #expect(try AutomationCommand(line: "lang en") == .language(.english))
        #expect(try AutomationCommand(line: "close") == .close)
    }

    @Test("refuses what it does not know", arguments: ["", "jump", "press", "open nowhere", "lang fr", "fill x", "choose x"])
    func refuses(line: String) {
        #expect(throws: AutomationCommandError.self) { try AutomationCommand(line: line) }
    }
}

@Suite("The sign-in screen's card indicator")
@MainActor
struct SignInCardIndicatorTests {
    @Test("the staff member's own card lights the indicator, another reader's does not; removal puts it back; an unreadable card is named for NHI-card sign-in")
    func indicator() async throws {
        let fixture = try ServiceFixture()
        let shell = fixture.shell
        #expect(shell.signIn.cardState == .waiting)
        shell.handle(.inserted(reader: "Virtual PCD 00 00", card: fixture.card(DemoData.administrator)))
        #expect(shell.signIn.cardState == .present(reader: "Virtual PCD 00 00") && shell.visitor.card == nil,
                "a card at sign-in is the staff member's own, never a visitor")
        #expect(Text.signInCard(shell.signIn.cardState, .nhiCard).localized(.traditionalChinese).hasPrefix("● 已偵測到卡片"))
        shell.handle(.removed(reader: "Virtual PCD 00 00"))
        #expect(shell.signIn.cardState == .waiting)
        shell.signIn.readerName = "Virtual PCD 00 01"
        shell.handle(.inserted(reader: "Virtual PCD 00 00", card: fixture.card(DemoData.administrator)))
        #expect(shell.signIn.cardState == .waiting, "a reader other than the configured one is not this counter's")
        let error = PresentableError(code: "card.unreadable", message: "請確認卡片插入方向", messageEn: "check the card's orientation")
        shell.handle(.unreadable(reader: "Virtual PCD 00 01", error: error))
        #expect(Text.signInCard(shell.signIn.cardState, .nhiCard).localized(.traditionalChinese).contains("無法讀取健保卡：請確認卡片插入方向"))
        #expect(!Text.signInCard(shell.signIn.cardState, .certificate).localized(.traditionalChinese).contains("無法讀取"),
                "a certificate card is not an NHI card, and that is fine for certificate sign-in")
    }
}

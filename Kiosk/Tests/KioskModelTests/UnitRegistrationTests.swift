// 單位註冊作業 in the view model, against the real SDK: NHISignIn's StaffSignIn over the
// sample's SQLite copy registers by the owner's NHI-app code (no card needed; the card ways
// run in SDKAdapterTests against pcscd and in the end-to-end run).
import Foundation
@testable import KioskModel
import KioskSDK
import NHICards
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

@MainActor
private final class RegistrationFixture {
    let fixture: ServiceFixture
    let model: UnitRegistrationModel
    var shell: KioskShell { fixture.shell }
    var service: NHIService { fixture.service }
    let owner = DemoData.administrator
    let newUnit = try! UnitCode(parsing: "110002000")

    init() throws {
        fixture = try ServiceFixture(unitRegistrar: true)
        model = fixture.shell.unitRegistration
    }

    /// Fills the form for 110002000, NHI-only, owned by the sample's administrator.
    func fill(method: UnitRegistrationCredential.Kind = .ownerOTP) {
        _ = shell.open(.unitRegistration)
        model.method = method
        model.nhiOnly = true
        model[.code] = "１１０００２０００"  // full-width, as typed on some IMEs
        model[.name] = "示範科技股份有限公司新竹分公司"
        model[.owner] = owner.id.rawValue
        model[.mobile] = "0912-345-678"
        model[.email] = "hsinchu@demo.example"
        model[.ownerBirthDate] = (try? ROCDate(owner.birthDate))?.formatted(.compact) ?? ""
    }

    /// The owner's NHI app, bound now: its current code.
    func appCode() throws -> String {
        let caller = Caller(personID: owner.id, unitCode: nil, standing: .person, credential: .nhiCard)
        let (device, _) = try service.devices.bind(personID: owner.id, label: "Pixel", birthDate: owner.birthDate, by: caller)
        return TOTP(secret: Array(device.secret)).code(at: service.clock.now)
    }

    func registered() throws -> UnitAccount? { try? service.units.account(newUnit) }
}

@Suite("Unit registration at the counter (單位註冊作業)")
@MainActor
struct UnitRegistrationTests {
    @Test("reachable before anyone signs in, not by signed-in staff; labels in both languages")
    func reachable() async throws {
        let f = try RegistrationFixture()
        #expect(f.shell.mayOpen(.unitRegistration) && f.shell.missingModule(for: .unitRegistration) == nil)
        #expect(f.shell.open(.unitRegistration) && f.shell.screen == .unitRegistration)
        f.shell.goBack()
        #expect(f.shell.screen == .signIn)
        await f.fixture.signIn()
        #expect(f.shell.staff != nil && !f.shell.mayOpen(.unitRegistration), "signed-in staff have no use for it")
        #expect(Text.screenTitle(.unitRegistration).localized(.traditionalChinese) == "單位註冊作業")
        #expect(Text.units(.method(.ownerNHICard)).localized(.english) == "Owner's NHI card")
    }

    @Test("註冊 with nothing filled names every required field and the PIN; nothing is sent")
    func required() throws {
        let f = try RegistrationFixture()
        _ = f.shell.open(.unitRegistration)
        f.model.requestRegister()
        #expect(!f.model.askingRegister)
        for field in [UnitRegistrationModel.Field.code, .name, .labourNumber, .owner, .landline, .email] {
            #expect(f.model.error(field)?.code == "form.required", "\(field)")
        }
        #expect(f.model.error(.ubn) == nil && f.model.error(.mobile) == nil, "optional, or one of two")
        #expect(f.model.secretError?.code == "form.required", "the certificate's PIN is asked for")
        for digit in [1, 3, 5, 2, 4, 6] { f.model.keypad.press(digit) }
        #expect(f.model.secretError == nil, "gone once typed")
        #expect(try f.model.status == .idle && f.registered() == nil)
    }

    @Test("NHI-only drops the labour number; without it a missing number is the SDK's rule, named under its field")
    func labourNumber() throws {
        let f = try RegistrationFixture()
        f.fill()
        #expect(!f.model.fields.contains(.labourNumber) && f.model.fields.contains(.ownerBirthDate))
        f.model.nhiOnly = false
        #expect(f.model.fields.contains(.labourNumber))
        f.model.setOTP("123456")
        f.model.requestRegister()
        #expect(!f.model.askingRegister && f.model.error(.labourNumber)?.code == "labourInsuranceNumber.missing",
                "\(String(describing: f.model.error(.labourNumber)))")
        f.model[.labourNumber] = "1234567"
        #expect(f.model.error(.labourNumber)?.code == "labourInsuranceNumber.format")
        f.model[.labourNumber] = "12345678a"
        f.model.requestRegister()
        #expect(f.model.askingRegister, "8 digits and a check letter (normalised to upper case)")
    }

    @Test("the owner's app code registers the unit through the SDK; the review masks the owner; 前往登入 readies the owner's sign-in")
    func ownerOTP() async throws {
        let f = try RegistrationFixture()
        f.fill()
        f.model.setOTP(try f.appCode())
        f.model.requestRegister()
        #expect(f.model.askingRegister)
        let review = f.model.review(.traditionalChinese)
        #expect(review.contains("110002000 示範科技股份有限公司新竹分公司") && review.contains(f.owner.id.masked)
                && !review.contains(f.owner.id.rawValue) && review.contains("負責人健保快易通 OTP"), "\(review)")
        #expect(f.model.review(.english).contains("Registered by: Owner's NHI app code"))
        await f.model.confirmRegister()
        let account = try #require(f.model.status.result, "\(f.model.status)")
        #expect(account.unit.code == f.newUnit && account.method == .ownerOTP && account.ownerIsAdministrator && account.unit.nhiOnly)
        #expect(try f.registered() == account, "stored by the service")
        #expect(try f.service.staff.memberships(person: f.owner.id).contains { $0.unitCode == f.newUnit && $0.role == .administrator },
                "負責人為管理者: the owner is the unit's first administrator")
        #expect(!f.model.hasOTP, "the code is forgotten once used")
        #expect(Text.units(.registered(account)).localized(.traditionalChinese).hasPrefix("已完成單位註冊：110002000"))

        f.model.signIn()
        #expect(f.shell.screen == .signIn && f.shell.signIn.method == .nhiAppOTP && f.shell.signIn.ownerLogin
                && f.shell.signIn.unitCodeText == "110002000")
        #expect(f.model[.code].isEmpty && f.model.status == .idle, "the form is wiped")
    }

    @Test("a wrong app code is the service's refusal in words; nothing is registered and the code is forgotten")
    func wrongCode() async throws {
        let f = try RegistrationFixture()
        f.fill()
        let right = try f.appCode()
        f.model.setOTP(right == "000000" ? "111111" : "000000")
        f.model.requestRegister()
        await f.model.confirmRegister()
        let error = try #require(f.model.status.error)
        #expect(error.code == "unit.ownerOTPRejected" && error.text(.traditionalChinese).contains("動態密碼"))
        #expect(try !f.model.hasOTP && f.registered() == nil)
        // Another attempt needs the code again.
        f.model.requestRegister()
        #expect(!f.model.askingRegister && f.model.secretError?.code == "form.required")
    }

    @Test("a unit already registered is refused by the service, in words; nothing changes")
    func alreadyRegistered() async throws {
        let f = try RegistrationFixture()
        f.fill()
        f.model[.code] = DemoData.unit.code.rawValue
        let before = try f.service.units.account(DemoData.unit.code)
        f.model.setOTP(try f.appCode())
        f.model.requestRegister()
        await f.model.confirmRegister()
        let error = try #require(f.model.status.error)
        #expect(error.code == "unit.alreadyRegistered" && !error.text(.traditionalChinese).isEmpty)
        #expect(try f.service.units.account(DemoData.unit.code) == before)
    }

    @Test("負責人登入 goes straight to 單位管理者登錄作業, the header calling the owner 負責人")
    func ownerSignIn() async throws {
        let f = try RegistrationFixture()
        let unit = DemoData.unit.code
        let caller = try f.service.staff.ownerSession(person: f.owner.id, unit: unit, credential: .nhiCard)
        let session = StaffSession(name: f.owner.name, maskedID: f.owner.id.masked, role: .administrator, unitCode: unit, method: .nhiCard,
                                   caller: caller, permissions: try f.service.staff.permissions(of: caller))
        await f.fixture.authenticator.setOutcome(.success(session))
        await f.fixture.signIn()
        #expect(f.shell.staff == session && f.shell.screen == .staff)
        #expect(session.badge.localized(.traditionalChinese) == "\(f.owner.name)（負責人）" && session.badge.localized(.english).hasSuffix("(owner)"))
        f.shell.goBack()
        #expect(f.shell.screen == .home, "Back leads home")
    }

    @Test("idling on the form with nobody signed in wipes it and brings the sign-in screen back (no lock screen)")
    func idle() throws {
        let f = try RegistrationFixture()
        f.fill()
        #expect(f.model.hasUnsavedInput)
        f.fixture.idleOut()
        #expect(f.shell.screen == .signIn && f.shell.lockReason == nil)
        #expect(f.model[.owner].isEmpty && !f.model.hasUnsavedInput)
    }

    @Test("the owner's card in the reader is shown masked, and forgotten when it comes out")
    func card() throws {
        let f = try RegistrationFixture()
        f.fill(method: .ownerNHICard)
        let card = f.fixture.card(f.owner)
        f.shell.handle(.inserted(reader: "Virtual PCD 00 00", card: card))
        #expect(f.model.card == card)
        let shown = Text.units(.card(f.model.card)).localized(.traditionalChinese)
        #expect(shown.contains(f.owner.id.masked) && !shown.contains(f.owner.id.rawValue))
        f.shell.handle(.removed(reader: "Virtual PCD 00 00"))
        #expect(f.model.card == nil)
    }
}

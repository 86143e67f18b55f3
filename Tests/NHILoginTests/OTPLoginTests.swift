import Foundation
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

@Suite("NHI-app OTP login against the file store")
struct OTPLoginTests {
    static func store() -> LoginFileStore {
        LoginFileStore(path: NSTemporaryDirectory() + "nhi-otp-\(UUID().uuidString)/store.json")
    }

    static let id = try! PersonalID(parsing: "A123456789")
    static let birth = try! CalendarDate(iso: "1996-05-04")

    static func attempt(_ code: String, store: LoginFileStore, clock: ManualClock, unit: UnitCode? = nil,
                        birth: CalendarDate = birth) async -> (OTPLogin.State, LoginError?) {
        var flow = OTPLogin(id: id, birthDate: birth, actingAsOwnerOf: unit, clock: clock)
        var asked = false
        let state = await flow.run(verifier: store) { _ in
            defer { asked = true }
            return asked ? nil : code
        }
        return (state, flow.lastError)
    }

    @Test("The app's current code logs in, once; a code older than 3 minutes is expired")
    func codes() async throws {
        let store = Self.store()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        let secret = try store.bindDevice(for: Self.id, birthDate: Self.birth, name: "陳大文")
        let app = TOTP(secret: secret)

        let code = app.code(at: clock.now)
        let (state, _) = await Self.attempt(code, store: store, clock: clock)
        guard case .authenticated(let identity) = state else { Issue.record("\(state)"); return }
        #expect(identity.method == .appOTP)
        #expect(identity.name == "陳大文")
        #expect(identity.certificateKind == nil)

        // The same code again: reused (the flow gives up after one try in this helper).
        let (_, reused) = await Self.attempt(code, store: store, clock: clock)
        #expect(reused?.code == .otpReused)

        // A new code generated now, entered 3 minutes later, still works; 4 minutes later it has expired.
        clock.advance(by: 30)
        let fresh = app.code(at: clock.now)
        clock.advance(by: 180)
        let (late, _) = await Self.attempt(fresh, store: store, clock: clock)
        guard case .authenticated = late else { Issue.record("\(late)"); return }
        let older = app.code(at: clock.now)
        clock.advance(by: 240)
        let (_, expired) = await Self.attempt(older, store: store, clock: clock)
        #expect(expired?.code == .otpExpired)
    }

    @Test("Wrong birth date, no bound device, malformed code, guessing suspends, owner check")
    func refusals() async throws {
        let store = Self.store()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        let secret = try store.bindDevice(for: Self.id, birthDate: Self.birth, ownedUnits: [try UnitCode(parsing: "110001000")])
        let app = TOTP(secret: secret)

        let (wrongBirth, _) = await Self.attempt(app.code(at: clock.now), store: store, clock: clock, birth: try CalendarDate(iso: "1996-05-05"))
        #expect(wrongBirth == .failed(LoginError(.identityMismatch)))

        var noDevice = OTPLogin(id: try PersonalID(parsing: "F131104093"), birthDate: Self.birth, clock: clock)
        if case .verify(let code, let id, let birth, let unit) = noDevice.handle(.codeEntered("123456")) {
            _ = noDevice.handle(.verified(try await store.verify(code: code, for: id, birthDate: birth, actingAsOwnerOf: unit, at: clock.now)))
        }
        #expect(noDevice.state == .failed(LoginError(.identityMismatch)), "no account at all reads as a mismatch")

        var malformed = OTPLogin(id: Self.id, birthDate: Self.birth, clock: clock)
        if case .verify = malformed.handle(.codeEntered("12a456")) { Issue.record("a malformed code was sent") }
        #expect(malformed.lastError?.code == .otpFormat)

        let right = app.code(at: clock.now)
        let wrong = right == "000000" ? "000001" : "000000"
        for left in [2, 1] {
            let (_, error) = await Self.attempt(wrong, store: store, clock: clock)
            #expect(error?.code == .otpIncorrect)
            #expect(error?.remainingAttempts == left)
        }
        let (suspended, _) = await Self.attempt(wrong, store: store, clock: clock)
        #expect(suspended == .failed(LoginError(.otpSuspended)))
        let (stillSuspended, _) = await Self.attempt(right, store: store, clock: clock)
        #expect(stillSuspended == .failed(LoginError(.otpSuspended)))

        clock.advance(by: 601)
        let (asOwner, _) = await Self.attempt(app.code(at: clock.now), store: store, clock: clock, unit: try UnitCode(parsing: "110001000"))
        guard case .authenticated(let identity) = asOwner else { Issue.record("\(asOwner)"); return }
        #expect(identity.unitCode?.rawValue == "110001000")
        clock.advance(by: 30)
        let (notOwner, _) = await Self.attempt(app.code(at: clock.now), store: store, clock: clock, unit: try UnitCode(parsing: "120000000"))
        #expect(notOwner == .failed(LoginError(.notUnitOwner)))
    }
}

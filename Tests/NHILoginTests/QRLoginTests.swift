import Foundation
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

@Suite("QR-code and TW FidO logins (one-time tokens, 2:55)")
struct QRLoginTests {
    static func store() -> LoginFileStore {
        LoginFileStore(path: NSTemporaryDirectory() + "nhi-qr-\(UUID().uuidString)/store.json")
    }

    static let id = try! PersonalID(parsing: "A123456789")
    static let birth = try! CalendarDate(iso: "1996-05-04")

    @Test("The phone confirms, the counter consumes once and is logged in", arguments: ConfirmingApp.allCases)
    func confirmed(_ app: ConfirmingApp) async throws {
        let store = Self.store()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        var flow = QRLogin(app: app, id: Self.id, birthDate: Self.birth, clock: clock)
        guard case .issue(let issuedApp, let id, let birth, let unit) = flow.handle(.requested) else { Issue.record("no issue effect"); return }
        let token = try await store.issue(app: issuedApp, for: id, birthDate: birth, actingAsOwnerOf: unit, at: clock.now)
        _ = flow.handle(.issued(token))
        #expect(flow.secondsLeft == 175)

        // The phone scans the payload and confirms.
        let scanned = try LoginQRPayload(parsing: token.payload.description)
        #expect(scanned.token == token.value)
        #expect(scanned.app == app)
        clock.advance(by: 60)
        #expect(flow.secondsLeft == 115)
        try await store.confirm(scanned.token, by: scanned.app, as: Self.id, at: clock.now)

        guard case .consume(let value) = flow.handle(.statusChecked(try await store.status(of: token.value, at: clock.now))) else {
            Issue.record("\(flow.state)"); return
        }
        _ = flow.handle(.consumed(try await store.consume(value, at: clock.now)))
        guard case .authenticated(let identity) = flow.state else { Issue.record("\(flow.state)"); return }
        #expect(identity.method == app.method)
        #expect(identity.certificateKind == (app == .twFidO ? .citizen : nil))
        #expect(identity.personID == Self.id)

        // Single use.
        await #expect(throws: LoginError(.tokenUsed)) { try await store.consume(value, at: clock.now) }
        await #expect(throws: LoginError(.tokenUsed)) { try await store.confirm(value, by: app, as: Self.id, at: clock.now) }
    }

    @Test("After 2:55 the code has expired, the phone is refused, and a new code can be made")
    func expiry() async throws {
        let store = Self.store()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        var flow = QRLogin(app: .nhiApp, id: Self.id, birthDate: Self.birth, clock: clock)
        _ = flow.handle(.requested)
        let token = try await store.issue(app: .nhiApp, for: Self.id, birthDate: Self.birth, actingAsOwnerOf: nil, at: clock.now)
        _ = flow.handle(.issued(token))
        clock.advance(by: 175)
        #expect(try await store.status(of: token.value, at: clock.now) == .pending(expiresAt: token.expiresAt), "2:55 exactly still counts")
        clock.advance(by: 1)
        await #expect(throws: LoginError(.tokenExpired)) { try await store.confirm(token.value, by: .nhiApp, as: Self.id, at: clock.now) }
        _ = flow.handle(.statusChecked(try await store.status(of: token.value, at: clock.now)))
        #expect(flow.state == .expired)
        guard case .issue = flow.handle(.regenerate) else { Issue.record("no new code"); return }
        let second = try await store.issue(app: .nhiApp, for: Self.id, birthDate: Self.birth, actingAsOwnerOf: nil, at: clock.now)
        #expect(second.value != token.value)
        _ = flow.handle(.issued(second))
        #expect(flow.secondsLeft == 175)
    }

    @Test("Someone else's phone, an unknown token, the wrong app, an unconfirmed token, a bad payload")
    func refusals() async throws {
        let store = Self.store()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        let token = try await store.issue(app: .twFidO, for: Self.id, birthDate: Self.birth, actingAsOwnerOf: nil, at: clock.now)
        await #expect(throws: LoginError(.tokenIdentityMismatch)) {
            try await store.confirm(token.value, by: .twFidO, as: try PersonalID(parsing: "F131104093"), at: clock.now)
        }
        await #expect(throws: LoginError(.tokenUnknown)) { try await store.confirm(token.value, by: .nhiApp, as: Self.id, at: clock.now) }
        await #expect(throws: LoginError(.tokenUnknown)) { try await store.status(of: "AAAAAAAAAAAAAAAAAAAAAA", at: clock.now) }
        await #expect(throws: LoginError(.tokenNotConfirmed)) { try await store.consume(token.value, at: clock.now) }
        for bad in ["", "nhilogin:v2:nhi-app:\(token.value):1", "nhilogin:v1:line:\(token.value):1", "nhilogin:v1:nhi-app:short:1",
                    "https://example.com", "nhilogin:v1:nhi-app:\(token.value):x"] {
            #expect(throws: LoginError(.payloadInvalid)) { try LoginQRPayload(parsing: bad) }
        }
        #expect(!token.payload.description.contains("A123456789"), "the QR code carries no personal data")
    }

    @Test("The driver polls until the phone confirms")
    func driver() async throws {
        let store = Self.store()
        var flow = QRLogin(app: .nhiApp, id: Self.id, birthDate: Self.birth)
        let state = await flow.run(service: store, interval: .milliseconds(20)) { token in
            // The phone confirms as soon as the code is shown.
            try? await store.confirm(token.value, by: .nhiApp, as: Self.id, at: Date())
        }
        guard case .authenticated = state else { Issue.record("\(state)"); return }
    }
}

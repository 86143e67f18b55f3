import Foundation
import NHICards
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

@Suite("NHI card + registration password")
struct NHICardLoginTests {
    static func card(_ id: String = "A123456789") throws -> NHICardIdentity {
        try VirtualCardProfile.nhi(name: "陳大文", id: id, birthDate: "0850504").nhiIdentity()
    }

    /// Feeds a password through the pure machine and the verifier; returns the new state.
    static func enter(_ password: String, _ flow: inout NHICardLogin, _ verifier: InMemoryPasswordVerifier,
                      _ clock: ManualClock) async throws -> NHICardLogin.State {
        if case .verify(let secret, let card, let unit) = flow.handle(.passwordEntered(password)) {
            _ = flow.handle(.verified(try await verifier.verify(secret, for: card, actingAsOwnerOf: unit, at: clock.now)))
        }
        return flow.state
    }

    @Test("The right password authenticates the card holder")
    func success() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        let verifier = InMemoryPasswordVerifier()
        await verifier.register("Secret#2026", for: try PersonalID(parsing: "A123456789"), name: "陳大文")
        var flow = NHICardLogin(clock: clock)
        #expect(flow.state == .waitingForCard)
        _ = flow.handle(.cardRead(try Self.card()))
        let state = try await Self.enter("Secret#2026", &flow, verifier, clock)
        guard case .authenticated(let identity) = state else { Issue.record("\(state)"); return }
        #expect(identity.personID?.rawValue == "A123456789")
        #expect(identity.method == .nhiCard)
        #expect(identity.certificateKind == .nhiCard)
        #expect(identity.credentialSerial == "000012345678")
        #expect(identity.authenticatedAt == clock.now)
        #expect(identity.isUnitAdministrator == false)
    }

    @Test("Wrong twice shows tries left; the third wrong suspends for 10 minutes; suspended means not even compared")
    func suspension() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        let verifier = InMemoryPasswordVerifier()
        await verifier.register("Secret#2026", for: try PersonalID(parsing: "A123456789"))
        var flow = NHICardLogin(clock: clock)
        _ = flow.handle(.cardRead(try Self.card()))
        for left in [2, 1] {
            let state = try await Self.enter("Wrong#0000", &flow, verifier, clock)
            guard case .waitingForPassword = state else { Issue.record("\(state)"); return }
            #expect(flow.lastError?.code == .passwordIncorrect)
            #expect(flow.lastError?.remainingAttempts == left)
            #expect(flow.lastError?.userCode == 9039)
        }
        let third = try await Self.enter("Wrong#0000", &flow, verifier, clock)
        guard case .failed(let error) = third else { Issue.record("\(third)"); return }
        #expect(error.code == .passwordSuspended)
        #expect(error.suspendedUntil == clock.now.addingTimeInterval(600))
        #expect(error.message.contains("暫停至"))

        // Even the right password is not compared while suspended.
        let comparisons = await verifier.comparisons
        var again = NHICardLogin(clock: clock)
        _ = again.handle(.cardRead(try Self.card()))
        clock.advance(by: 599)
        let blocked = try await Self.enter("Secret#2026", &again, verifier, clock)
        guard case .failed(let stillSuspended) = blocked else { Issue.record("\(blocked)"); return }
        #expect(stillSuspended.code == .passwordSuspended)
        #expect(await verifier.comparisons == comparisons)

        clock.advance(by: 1)
        var later = NHICardLogin(clock: clock)
        _ = later.handle(.cardRead(try Self.card()))
        guard case .authenticated = try await Self.enter("Secret#2026", &later, verifier, clock) else {
            Issue.record("not authenticated after the suspension"); return
        }
    }

    @Test("A malformed password is refused locally and the flow waits for another")
    func malformed() throws {
        var flow = NHICardLogin()
        _ = flow.handle(.cardRead(try Self.card()))
        if case .verify = flow.handle(.passwordEntered("12345")) { Issue.record("a 5-character password was sent") }
        #expect(flow.lastError?.code == .passwordFormat)
        guard case .waitingForPassword = flow.state else { Issue.record("\(flow.state)"); return }
    }

    @Test("Unregistered card, owner check, card removal and events out of order")
    func otherOutcomes() async throws {
        let verifier = InMemoryPasswordVerifier()
        let id = try PersonalID(parsing: "A123456789")
        await verifier.register("Secret#2026", for: id, owns: [try UnitCode(parsing: "110001000")])
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))

        var unregistered = NHICardLogin(clock: clock)
        _ = unregistered.handle(.cardRead(try Self.card("F131104093")))
        #expect(try await Self.enter("Secret#2026", &unregistered, verifier, clock) == .failed(LoginError(.cardNotRegistered)))

        var owner = NHICardLogin(actingAsOwnerOf: try UnitCode(parsing: "110001000"), clock: clock)
        _ = owner.handle(.cardRead(try Self.card()))
        guard case .authenticated(let identity) = try await Self.enter("Secret#2026", &owner, verifier, clock) else {
            Issue.record("\(owner.state)"); return
        }
        #expect(identity.unitCode?.rawValue == "110001000")
        #expect(identity.isUnitAdministrator)

        var notOwner = NHICardLogin(actingAsOwnerOf: try UnitCode(parsing: "120000000"), clock: clock)
        _ = notOwner.handle(.cardRead(try Self.card()))
        #expect(try await Self.enter("Secret#2026", &notOwner, verifier, clock) == .failed(LoginError(.notUnitOwner)))

        var removed = NHICardLogin(clock: clock)
        _ = removed.handle(.cardRead(try Self.card()))
        _ = removed.handle(.cardRemoved)
        #expect(removed.state == .waitingForCard)
        _ = removed.handle(.verified(.accepted(name: nil)))
        #expect(removed.state == .failed(LoginError(.unexpectedEvent)))

        var cardError = NHICardLogin(clock: clock)
        _ = cardError.handle(.cardReadFailed(CardError(.cardMute)))
        guard case .failed(let error) = cardError.state else { Issue.record("\(cardError.state)"); return }
        #expect(error.cause?.code == .cardMute)
        #expect(error.userCode == 9056)
    }
}

import Foundation
import NHICore

/// The NHI-app QR-code and TW FidO logins (SPEC §2) as an explicit state machine: the
/// counter shows a QR code for a one-time token living 2:55; the phone confirms it; the
/// counter consumes it once. An expired code can be regenerated.
///
/// ```
/// idle ─requested─▶ issuing ─issued─▶ showing ─confirmed─▶ consuming ─consumed─▶ authenticated
///                                        │ tick past expiry ─▶ expired ─regenerate─▶ issuing
/// ```
public struct QRLogin: Sendable {
    /// Where the flow is.
    public enum State: Sendable, Hashable {
        /// Nothing requested yet.
        case idle
        /// A token is being issued.
        case issuing
        /// The QR code is on screen.
        case showing(LoginToken)
        /// The phone confirmed; the token is being used.
        case consuming(LoginToken)
        /// The code ran out; offer "重新產生QRcode".
        case expired
        /// Logged in.
        case authenticated(AuthenticatedIdentity)
        /// The login ended with an error.
        case failed(LoginError)
    }

    /// What happened.
    public enum Event: Sendable {
        /// The user asked for a QR code.
        case requested
        /// The service issued a token.
        case issued(LoginToken)
        /// The service reported the token's status.
        case statusChecked(LoginTokenStatus)
        /// The service let the token be used.
        case consumed(LoginToken)
        /// The user asked for a new code (點此重新產生QRcode).
        case regenerate
        /// The service refused or failed.
        case serviceFailed(LoginError)
    }

    /// What to do next.
    public enum Effect: Sendable {
        /// Nothing; wait or poll.
        case none
        /// Ask the service for a token.
        case issue(ConfirmingApp, PersonalID, CalendarDate, UnitCode?)
        /// Use the confirmed token.
        case consume(String)
    }

    /// The current state.
    public private(set) var state: State = .idle
    /// The app that must confirm.
    public let app: ConfirmingApp
    /// Who is logging in.
    public let id: PersonalID
    /// Their birth date.
    public let birthDate: CalendarDate
    /// The unit to act for as owner, if any.
    public let actingAsOwnerOf: UnitCode?
    private let clock: any LoginClock

    /// A new flow.
    public init(app: ConfirmingApp, id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode? = nil,
                clock: any LoginClock = SystemLoginClock()) {
        self.app = app
        self.id = id
        self.birthDate = birthDate
        self.actingAsOwnerOf = unitCode
        self.clock = clock
    }

    /// Seconds left on the shown code (for the countdown), or `nil` when none is shown.
    public var secondsLeft: Int? {
        if case .showing(let token) = state { return token.secondsLeft(at: clock.now) }
        return nil
    }

    /// Applies `event` and returns what to do next.
    public mutating func handle(_ event: Event) -> Effect {
        switch (state, event) {
        case (.idle, .requested), (.expired, .regenerate), (.showing, .regenerate):
            state = .issuing
            return .issue(app, id, birthDate, actingAsOwnerOf)
        case (.issuing, .issued(let token)):
            state = .showing(token)
        case (.showing(let token), .statusChecked(let status)):
            switch status {
            case .pending:
                if clock.now > token.expiresAt { state = .expired }
            case .confirmed:
                state = .consuming(token)
                return .consume(token.value)
            case .expired:
                state = .expired
            case .consumed:
                state = .failed(LoginError(.tokenUsed))
            }
        case (.consuming(let token), .consumed(let used)) where used.value == token.value:
            state = .authenticated(AuthenticatedIdentity(
                personID: id, name: nil, unitCode: actingAsOwnerOf,
                certificateKind: app == .twFidO ? .citizen : nil, method: app.method, authenticatedAt: clock.now))
        case (.showing, .serviceFailed(let error)) where error.code == .tokenExpired:
            state = .expired
        case (_, .serviceFailed(let error)):
            state = .failed(error)
        default:
            state = .failed(LoginError(.unexpectedEvent, detail: "\(event) while \(state)"))
        }
        return .none
    }

    /// Runs the flow against `service`: issues a token, hands it to `show` (draw the QR code
    /// and the countdown), polls every `interval` until the phone confirms or the code
    /// expires, then consumes it. With `regenerateOnExpiry`, an expired code is replaced
    /// (at most that many times).
    public mutating func run(service: any LoginConfirmationService, interval: Duration = .milliseconds(500),
                             regenerateOnExpiry: Int = 0, show: (LoginToken) async -> Void) async -> State {
        var regenerations = 0
        var effect = handle(.requested)
        while true {
            switch effect {
            case .issue(let app, let id, let birthDate, let unit):
                do {
                    let token = try await service.issue(app: app, for: id, birthDate: birthDate, actingAsOwnerOf: unit, at: clock.now)
                    effect = handle(.issued(token))
                    await show(token)
                } catch {
                    effect = handle(.serviceFailed(error))
                }
            case .consume(let value):
                do { effect = handle(.consumed(try await service.consume(value, at: clock.now))) } catch { effect = handle(.serviceFailed(error)) }
            case .none:
                switch state {
                case .showing(let token):
                    try? await Task.sleep(for: interval)
                    do { effect = handle(.statusChecked(try await service.status(of: token.value, at: clock.now))) } catch { effect = handle(.serviceFailed(error)) }
                case .expired where regenerations < regenerateOnExpiry:
                    regenerations += 1
                    effect = handle(.regenerate)
                case .expired:
                    state = .failed(LoginError(.tokenExpired))
                    return state
                default:
                    return state
                }
            }
        }
    }
}

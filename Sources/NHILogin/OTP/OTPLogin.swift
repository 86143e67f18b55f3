import Foundation
import NHICore

/// The NHI-app OTP login (SPEC §2: national ID + birth date + the 6-digit code the app
/// shows, valid 3 minutes) as an explicit state machine.
///
/// ```
/// waitingForCode ─codeEntered─▶ verifying ─accepted─▶ authenticated
///       ▲ (bad format stays, error)   │ incorrect/expired/reused ─▶ waitingForCode (error shown)
///       └─────────────────────────────┘ identity/device/suspension/owner ─▶ failed
/// ```
public struct OTPLogin: Sendable {
    /// Where the flow is.
    public enum State: Sendable, Hashable {
        /// Waiting for the 6-digit code.
        case waitingForCode
        /// The service is checking the code.
        case verifying
        /// Logged in.
        case authenticated(AuthenticatedIdentity)
        /// The login ended with an error.
        case failed(LoginError)
    }

    /// What happened.
    public enum Event: Sendable {
        /// The user typed a code.
        case codeEntered(String)
        /// The service's answer.
        case verified(OTPVerification)
        /// The service could not be asked.
        case verificationFailed(LoginError)
    }

    /// What to do next.
    public enum Effect: Sendable {
        /// Nothing.
        case none
        /// Ask the ``OTPVerifier`` to check the 6-digit `code` (spaces removed) for this person, birth date and owner's unit,
        /// then pass its answer back as ``Event/verified(_:)`` or ``Event/verificationFailed(_:)``.
        case verify(code: String, id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf: UnitCode?)
    }

    /// The current state.
    public private(set) var state: State = .waitingForCode
    /// The last recoverable error, for display.
    public private(set) var lastError: LoginError?
    /// Who is logging in.
    public let id: PersonalID
    /// Their birth date (the seeds' form asks for it in ROC years).
    public let birthDate: CalendarDate
    /// The unit to act for as its owner, if any.
    public let actingAsOwnerOf: UnitCode?
    private let clock: any LoginClock

    /// A new flow.
    public init(id: PersonalID, birthDate: CalendarDate, actingAsOwnerOf unitCode: UnitCode? = nil, clock: any LoginClock = SystemLoginClock()) {
        self.id = id
        self.birthDate = birthDate
        self.actingAsOwnerOf = unitCode
        self.clock = clock
    }

    /// Applies `event` and returns what to do next.
    public mutating func handle(_ event: Event) -> Effect {
        switch (state, event) {
        case (.waitingForCode, .codeEntered(let text)):
            let code = text.filter { $0 != " " }
            guard code.count == 6, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                lastError = LoginError(.otpFormat)
                return .none
            }
            lastError = nil
            state = .verifying
            return .verify(code: code, id: id, birthDate: birthDate, actingAsOwnerOf: actingAsOwnerOf)
        case (.verifying, .verified(let answer)):
            switch answer {
            case .accepted(let name):
                state = .authenticated(AuthenticatedIdentity(personID: id, name: name, unitCode: actingAsOwnerOf,
                                                             certificateKind: nil, method: .appOTP, authenticatedAt: clock.now))
            case .incorrect(let left):
                lastError = LoginError(.otpIncorrect, remainingAttempts: left)
                state = .waitingForCode
            case .expired:
                lastError = LoginError(.otpExpired)
                state = .waitingForCode
            case .reused:
                lastError = LoginError(.otpReused)
                state = .waitingForCode
            case .identityMismatch:
                state = .failed(LoginError(.identityMismatch))
            case .deviceNotBound:
                state = .failed(LoginError(.deviceNotBound))
            case .suspended(let until):
                state = .failed(LoginError(.otpSuspended, suspendedUntil: until))
            case .notOwner(let unit):
                state = .failed(LoginError(.notUnitOwner, detail: "unit \(unit)"))
            }
        case (.verifying, .verificationFailed(let error)):
            state = .failed(error)
        default:
            state = .failed(LoginError(.unexpectedEvent, detail: "\(event.name) while \(state)"))
        }
        return .none
    }

    /// Runs the flow: asks `code` for codes (again after a recoverable error; `nil` gives
    /// up) and checks them with `verifier`.
    public mutating func run(verifier: any OTPVerifier, code: (_ previousError: LoginError?) async -> String?) async -> State {
        while case .waitingForCode = state {
            guard let text = await code(lastError) else {
                state = .failed(LoginError(.otpFormat, detail: "no code given"))
                break
            }
            if case .verify(let code, let id, let birthDate, let unit) = handle(.codeEntered(text)) {
                do {
                    _ = handle(.verified(try await verifier.verify(code: code, for: id, birthDate: birthDate, actingAsOwnerOf: unit, at: clock.now)))
                } catch {
                    _ = handle(.verificationFailed(error))
                }
            }
        }
        return state
    }
}

extension OTPLogin.Event {
    /// The event's name without its payload: a code typed out of order must not reach an
    /// error's detail.
    var name: String {
        switch self {
        case .codeEntered: "codeEntered"
        case .verified: "verified"
        case .verificationFailed: "verificationFailed"
        }
    }
}

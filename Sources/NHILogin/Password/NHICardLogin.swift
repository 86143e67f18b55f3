import Foundation
import NHICards
import NHICore

/// The NHI card + registration password login (SPEC §2) as an explicit state machine.
///
/// ```
/// waitingForCard ──cardRead──▶ waitingForPassword ──passwordEntered──▶ verifying
///       ▲                          ▲        │                              │
///       └──────cardRemoved─────────┘        └─(bad format: stays, error)   ├─ accepted ─▶ authenticated
///                                           ▲                              ├─ rejected ─▶ waitingForPassword (tries left)
///                                           └──────────────────────────────┘
///                                                 suspended / notRegistered / notOwner / card error ─▶ failed
/// ```
///
/// ``handle(_:)`` is pure: it changes the state and returns the ``Effect`` the caller must
/// carry out (verify the password), whose result comes back as an event. ``run(reader:context:verifier:password:)``
/// drives it against a real reader; the kiosk feeds events from its UI instead.
public struct NHICardLogin: Sendable {
    /// Where the flow is.
    public enum State: Sendable, Hashable {
        /// Waiting for an NHI card to be read.
        case waitingForCard
        /// The card is read; waiting for the registration password.
        case waitingForPassword(NHICardIdentity)
        /// The password is being checked by the service.
        case verifying(NHICardIdentity)
        /// Logged in.
        case authenticated(AuthenticatedIdentity)
        /// The login ended with an error (start a new flow to try again).
        case failed(LoginError)
    }

    /// What happened.
    public enum Event: Sendable {
        /// The card in the reader was read.
        case cardRead(NHICardIdentity)
        /// Reading the card failed.
        case cardReadFailed(CardError)
        /// The card was taken out.
        case cardRemoved
        /// The user typed a password (never stored by the flow beyond the effect).
        case passwordEntered(String)
        /// The service's answer.
        case verified(PasswordVerification)
        /// The service could not be asked.
        case verificationFailed(LoginError)
    }

    /// What the caller must do next.
    public enum Effect: Sendable {
        /// Nothing.
        case none
        /// Ask the verifier.
        case verify(RegistrationPassword, NHICardIdentity, actingAsOwnerOf: UnitCode?)
    }

    /// The current state.
    public private(set) var state: State = .waitingForCard
    /// The last recoverable error (a wrong password, a malformed password), for display.
    public private(set) var lastError: LoginError?
    /// The unit the user wants to act for as its owner (checkbox "需指派授權管理者").
    public let actingAsOwnerOf: UnitCode?
    private let clock: any LoginClock

    /// A new flow.
    public init(actingAsOwnerOf unitCode: UnitCode? = nil, clock: any LoginClock = SystemLoginClock()) {
        self.actingAsOwnerOf = unitCode
        self.clock = clock
    }

    /// Applies `event` and returns what to do next. An event that does not fit the state
    /// ends the flow with ``LoginError/Code/unexpectedEvent``.
    public mutating func handle(_ event: Event) -> Effect {
        switch (state, event) {
        case (.waitingForCard, .cardRead(let card)), (.waitingForPassword, .cardRead(let card)):
            lastError = nil
            state = .waitingForPassword(card)
        case (.waitingForCard, .cardReadFailed(let error)), (.waitingForPassword, .cardReadFailed(let error)):
            state = .failed(LoginError(card: error))
        case (.waitingForPassword, .cardRemoved), (.verifying, .cardRemoved):
            state = .waitingForCard
        case (.waitingForCard, .cardRemoved):
            break
        case (.waitingForPassword(let card), .passwordEntered(let text)):
            guard let password = try? RegistrationPassword(text) else {
                lastError = LoginError(.passwordFormat)
                return .none
            }
            lastError = nil
            state = .verifying(card)
            return .verify(password, card, actingAsOwnerOf: actingAsOwnerOf)
        case (.verifying(let card), .verified(let answer)):
            switch answer {
            case .accepted(let name):
                state = .authenticated(AuthenticatedIdentity(
                    personID: card.id, name: name ?? card.name.value, unitCode: actingAsOwnerOf,
                    certificateKind: .nhiCard, method: .nhiCard, authenticatedAt: clock.now,
                    credentialSerial: card.cardNumber.rawValue))
            case .rejected(let left):
                lastError = LoginError(.passwordIncorrect, remainingAttempts: left)
                state = .waitingForPassword(card)
            case .suspended(let until):
                state = .failed(LoginError(.passwordSuspended, suspendedUntil: until))
            case .notRegistered:
                state = .failed(LoginError(.cardNotRegistered))
            case .notOwner(let unit):
                state = .failed(LoginError(.notUnitOwner, detail: "unit \(unit)"))
            }
        case (.verifying, .verificationFailed(let error)):
            state = .failed(error)
        default:
            state = .failed(LoginError(.unexpectedEvent, detail: "\(event.name) while \(state.name)"))
        }
        return .none
    }

    /// Runs the flow once: reads the card in `reader`, asks for the password with
    /// `password` (called again after a wrong one, with the error to show; return `nil` to
    /// give up), and checks it with `verifier`. Ends in ``State/authenticated(_:)`` or
    /// ``State/failed(_:)``.
    public mutating func run(reader: String, context: PCSCContext, verifier: any RegistrationPasswordVerifier,
                             password: (_ card: NHICardIdentity, _ previousError: LoginError?) async -> String?) async -> State {
        do {
            let card = try await NHICardReader(context).readIdentity(reader: reader)
            _ = handle(.cardRead(card))
        } catch {
            _ = handle(.cardReadFailed(error))
        }
        while case .waitingForPassword(let card) = state {
            guard let text = await password(card, lastError) else {
                _ = handle(.cardRemoved)
                state = .failed(LoginError(.passwordFormat, detail: "no password given"))
                break
            }
            if case .verify(let secret, let card, let unit) = handle(.passwordEntered(text)) {
                do {
                    _ = handle(.verified(try await verifier.verify(secret, for: card, actingAsOwnerOf: unit, at: clock.now)))
                } catch {
                    _ = handle(.verificationFailed(error))
                }
            }
        }
        return state
    }
}

extension NHICardLogin.State {
    var name: String {
        switch self {
        case .waitingForCard: "waitingForCard"
        case .waitingForPassword: "waitingForPassword"
        case .verifying: "verifying"
        case .authenticated: "authenticated"
        case .failed: "failed"
        }
    }
}

extension NHICardLogin.Event {
    var name: String {
        switch self {
        case .cardRead: "cardRead"
        case .cardReadFailed: "cardReadFailed"
        case .cardRemoved: "cardRemoved"
        case .passwordEntered: "passwordEntered"
        case .verified: "verified"
        case .verificationFailed: "verificationFailed"
        }
    }
}

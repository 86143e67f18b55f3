import Foundation
import NHICore
import NHIService
import Observation

/// The visitor's NHI-card online-service registration (健保卡網路服務註冊) at the counter:
/// 戶號, 戶籍鄉鎮里鄰, phones, e-mail and the registration password with its strength
/// meter (弱/中/中強/強). The card number and ID come from the card in the reader.
///
/// The password goes into the model as it is typed and is never readable back: the screen
/// sees only whether one is typed, the meter and whether the confirmation matches. It is
/// dropped after every attempt and on wipe.
@Observable
@MainActor
public final class OnlineRegistrationModel {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case householdNumber, registeredVillage, landline, mobile, email, password, confirmation
    }

    public var householdText = ""
    public var villageText = ""
    public var landlineText = ""
    public var mobileText = ""
    public var emailText = ""
    @ObservationIgnored private var password = ""
    @ObservationIgnored private var confirmation = ""
    /// Whether a password is typed (the screen empties its fields when this turns false).
    public private(set) var hasPassword = false
    public private(set) var hasConfirmation = false
    /// The meter's reading for what is typed (nil: nothing typed).
    public private(set) var strength: RegistrationPassword.Strength?
    /// The password rule the typed text breaks, live.
    public private(set) var passwordProblem: PresentableError?
    public private(set) var confirmationMatches = false

    public private(set) var attempted = false
    public private(set) var status: FlowStatus<String> = .idle
    public private(set) var serviceFieldError: (field: Field, error: PresentableError)?

    @ObservationIgnored private let context: FlowContext
    @ObservationIgnored private var generation = RequestGeneration()
    /// Called after a registration succeeds (the panel reloads the account's state).
    @ObservationIgnored var onRegistered: (@MainActor () -> Void)?

    init(context: FlowContext) {
        self.context = context
    }

    public var landline: Parsed<LandlineNumber> { FieldParser.landline(landlineText) }
    public var mobile: Parsed<MobileNumber> { FieldParser.mobile(mobileText) }
    public var email: Parsed<EmailAddress> { FieldParser.email(emailText) }

    /// The password as typed (never read back).
    public func setPassword(_ text: String) {
        password = text
        hasPassword = !text.isEmpty
        strength = text.isEmpty ? nil : RegistrationPassword.strength(of: text)
        do {
            _ = try RegistrationPassword(text)
            passwordProblem = nil
        } catch {
            passwordProblem = text.isEmpty ? nil : PresentableError(error)
        }
        confirmationMatches = !confirmation.isEmpty && confirmation == password
    }

    /// The confirmation as typed (never read back).
    public func setConfirmation(_ text: String) {
        confirmation = text
        hasConfirmation = !text.isEmpty
        confirmationMatches = !text.isEmpty && text == password
    }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .householdNumber: householdText
            case .registeredVillage: villageText
            case .landline: landlineText
            case .mobile: mobileText
            case .email: emailText
            case .password, .confirmation: ""
            }
        }
        set {
            switch field {
            case .householdNumber: householdText = newValue
            case .registeredVillage: villageText = newValue
            case .landline: landlineText = newValue
            case .mobile: mobileText = newValue
            case .email: emailText = newValue
            case .password: setPassword(newValue)
            case .confirmation: setConfirmation(newValue)
            }
        }
    }

    public func error(_ field: Field) -> PresentableError? {
        if let serviceFieldError, serviceFieldError.field == field { return serviceFieldError.error }
        let caption = Text.visitor(.caption(field))
        let required = PresentableError(KioskError(.fieldRequired, subject: caption.localized(.traditionalChinese)))
        switch field {
        case .householdNumber:
            return attempted && householdText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? required : nil
        case .registeredVillage:
            return attempted && villageText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? required : nil
        case .landline: return landline.error ?? phonesMissing
        case .mobile: return mobile.error
        case .email: return email.shownError(required: true, attempted: attempted, caption: caption)
        case .password: return passwordProblem ?? (attempted && !hasPassword ? required : nil)
        case .confirmation:
            guard hasConfirmation || attempted else { return nil }
            return confirmationMatches ? nil : PresentableError(KioskError(.passwordMismatch))
        }
    }

    /// "One of the phones is required" (NHICore's ContactPhones rule), after a submit.
    private var phonesMissing: PresentableError? {
        guard attempted, landline.isEmpty, mobile.isEmpty else { return nil }
        do { _ = try ContactPhones(landline: nil, mobile: nil) } catch { return PresentableError(error) }
        return nil
    }

    /// Registers the card in the reader; the service mails the verification link.
    func submit(for card: VisitorCard) async {
        guard !status.isWorking else { return }
        attempted = true
        serviceFieldError = nil
        let household = householdText.trimmingCharacters(in: .whitespacesAndNewlines), village = villageText.trimmingCharacters(in: .whitespacesAndNewlines)
        let password: RegistrationPassword?
        do { password = try RegistrationPassword(self.password) } catch { password = nil }
        let matches = confirmationMatches
        // Secrets leave the model with this attempt, whatever happens to it.
        setPassword("")
        setConfirmation("")
        guard !household.isEmpty, !village.isEmpty, let email = email.value, let password, matches,
              landline.error == nil, mobile.error == nil,
              let phones = try? ContactPhones(landline: landline.value, mobile: mobile.value) else { return }
        guard let service = context.service else {
            status = .failed(PresentableError(KioskError(.serviceMissing)))
            return
        }
        let registration = NHIService.Accounts.Registration(personID: card.id, cardNumber: card.cardNumber, householdNumber: household,
                                                            registeredVillage: village, phones: phones, email: email, password: password)
        let attempt = generation.next()
        status = .working
        do {
            _ = try await service.run { try $0.accounts.register(registration) }
            guard generation.isCurrent(attempt) else { return }
            status = .succeeded(maskedEmail(email))
            onRegistered?()
        } catch {
            guard generation.isCurrent(attempt) else { return }
            let shown = PresentableError(error)
            status = .failed(shown)
            switch shown.code {
            case ServiceError.Code.accountHouseholdNumber.rawValue: serviceFieldError = (.householdNumber, shown)
            case ServiceError.Code.accountVillageMissing.rawValue: serviceFieldError = (.registeredVillage, shown)
            default: break
            }
        }
    }

    /// Forgets everything typed.
    func wipe() {
        _ = generation.next()
        householdText = ""
        villageText = ""
        landlineText = ""
        mobileText = ""
        emailText = ""
        setPassword("")
        setConfirmation("")
        attempted = false
        serviceFieldError = nil
        status = .idle
    }
}

/// `w*****@example.com`: enough for the visitor to recognise their address on screen.
public func maskedEmail(_ email: EmailAddress) -> String {
    let local = email.localPart
    return String(local.prefix(1)) + String(repeating: "*", count: max(3, local.count - 1)) + "@" + email.domain
}

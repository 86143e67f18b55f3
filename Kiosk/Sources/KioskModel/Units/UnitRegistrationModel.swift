import NHICore
import NHIService
import Observation

/// 單位註冊作業 at the counter, before anyone is signed in: the unit's data as the NHI's
/// registration form asks for it (SPEC §3), proved by the unit's organisation certificate
/// + PIN, the owner's NHI card, or the owner's birth date + NHI-app code; reviewed before it
/// is sent, and then the sign-in screen readied for the unit's first sign-in.
///
/// What identifies the unit is read from the card, never typed: the SDK's
/// ``UnitRegistrar`` reads the certificate (issuer, subject, serial, UBN) or the owner's card
/// (holder, card number) itself. The PIN and the app code go into the model as they are
/// typed and are never readable back.
@Observable
@MainActor
public final class UnitRegistrationModel: FlowModel {
    /// The form's text fields, in screen order.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case code, name, ubn, labourNumber, owner, landline, mobile, email
        /// 負責人出生日期 (OTP only).
        case ownerBirthDate
    }

    /// How the unit proves itself.
    public var method: UnitRegistrationCredential.Kind = .organisationCertificate {
        didSet {
            guard oldValue != method else { return }
            forgetSecrets()
            status = .idle
        }
    }
    /// 僅使用健保專用相關作業，不使用勞(農)保: no labour-insurance number needed.
    public var nhiOnly = false
    /// 負責人為管理者.
    public var ownerIsAdministrator = true
    /// The organisation certificate's PIN.
    public let keypad = PINKeypad()

    private var texts: [Field: String] = [:]
    @ObservationIgnored private var otp = ""
    /// Whether an app code is typed (the screen clears its field when this turns false).
    public private(set) var hasOTP = false
    /// The NHI card in the reader, as read (the owner's card for that method); nil once it
    /// comes out.
    public private(set) var card: VisitorCard?
    /// The reader the kiosk is set to (nil: the SDK's first reader with a card).
    public var readerName: String?

    public private(set) var attempted = false
    /// Whether the last 註冊 found the PIN or the app code missing.
    private var secretAsked = false
    public private(set) var askingRegister = false
    public private(set) var status: FlowStatus<UnitAccount> = .idle
    /// A field problem found when the unit's data was put together (e.g. no labour number).
    public private(set) var unitError: (field: Field, error: PresentableError)?

    @ObservationIgnored private let registrar: (any UnitRegistrar)?
    @ObservationIgnored private var generation = RequestGeneration()
    /// Called with the registered unit and the method when the staff choose to sign in.
    @ObservationIgnored public var onSignInRequested: (@MainActor (UnitCode, UnitRegistrationCredential.Kind) -> Void)?

    /// A registration form over `registrar` (nil: not connected; nothing is sent).
    public init(registrar: (any UnitRegistrar)?) {
        self.registrar = registrar
    }

    /// Whether registration is connected to the SDK.
    public var isAvailable: Bool { registrar != nil }

    public subscript(field: Field) -> String {
        get { texts[field] ?? "" }
        set {
            texts[field] = newValue
            if unitError?.field == field { unitError = nil }
        }
    }

    /// The app code as typed (never read back).
    public func setOTP(_ text: String) {
        otp = text
        hasOTP = !text.isEmpty
    }

    public var code: Parsed<UnitCode> { FieldParser.unitCode(self[.code]) }
    public var ubn: Parsed<UBN> { FieldParser.ubn(self[.ubn]) }
    public var labourNumber: Parsed<LabourInsuranceNumber> { FieldParser.labourInsuranceNumber(self[.labourNumber]) }
    public var owner: Parsed<PersonalID> { FieldParser.personalID(self[.owner]) }
    public var landline: Parsed<LandlineNumber> { FieldParser.landline(self[.landline]) }
    public var mobile: Parsed<MobileNumber> { FieldParser.mobile(self[.mobile]) }
    public var email: Parsed<EmailAddress> { FieldParser.email(self[.email]) }
    public var ownerBirthDate: Parsed<CalendarDate> { FieldParser.rocDate(self[.ownerBirthDate]) }

    /// The fields shown for the chosen method, in screen order (no labour number for an
    /// NHI-only unit; the birth date for the OTP).
    public var fields: [Field] {
        Field.allCases.filter { field in
            switch field {
            case .labourNumber: !nhiOnly
            case .ownerBirthDate: method == .ownerOTP
            default: true
            }
        }
    }

    /// The error to show under `field`: once touched by a submit, or the SDK's when the
    /// unit's data did not go together.
    public func error(_ field: Field) -> PresentableError? {
        if let unitError, unitError.field == field { return unitError.error }
        let caption = Text.units(.caption(field))
        switch field {
        case .code: return code.shownError(required: true, attempted: attempted, caption: caption)
        case .name:
            let empty = Normalizer.text.normalize(self[.name]).value.isEmpty
            return attempted && empty ? PresentableError(KioskError(.fieldRequired, subject: caption.localized(.traditionalChinese))) : nil
        case .ubn: return ubn.shownError(required: false, attempted: attempted, caption: caption)
        case .labourNumber: return labourNumber.shownError(required: !nhiOnly, attempted: attempted, caption: caption)
        case .owner: return owner.shownError(required: true, attempted: attempted, caption: caption)
        case .landline:
            if attempted, landline.isEmpty, mobile.isEmpty {
                return PresentableError(KioskError(.fieldRequired, subject: caption.localized(.traditionalChinese)))
            }
            return landline.shownError(required: false, attempted: attempted, caption: caption)
        case .mobile: return mobile.shownError(required: false, attempted: attempted, caption: caption)
        case .email: return email.shownError(required: true, attempted: attempted, caption: caption)
        case .ownerBirthDate: return ownerBirthDate.shownError(required: method == .ownerOTP, attempted: attempted, caption: caption)
        }
    }

    /// The secret the method needs, while a 註冊 found it missing (gone once it is typed).
    public var secretError: PresentableError? {
        guard secretAsked else { return nil }
        switch method {
        case .organisationCertificate:
            guard !keypad.isComplete else { return nil }
            return PresentableError(KioskError(.fieldRequired, subject: Text.pinLabel.localized(.traditionalChinese)))
        case .ownerOTP:
            guard !hasOTP else { return nil }
            return PresentableError(KioskError(.fieldRequired, subject: Text.units(.otpCaption).localized(.traditionalChinese)))
        case .ownerNHICard: return nil
        }
    }

    public func hint(_ field: Field, _ language: Language) -> String? { field == .owner ? idHint(self[.owner], language) : nil }

    /// What the SDK found wrong with a unit whose fields each parsed, and the field to show it under.
    private struct UnitProblem: Error {
        let field: Field
        let error: PresentableError
    }

    /// The unit as the form describes it: nil while a field's own parser objects, a failure
    /// when the SDK finds the fields do not go together. Reads the form only (the review
    /// text calls it while rendering); ``requestRegister()`` shows a failure.
    private func unit() -> Result<InsuredUnit, UnitProblem>? {
        guard let code = code.value, let owner = owner.value, let email = email.value,
              ubn.error == nil, labourNumber.error == nil, landline.error == nil, mobile.error == nil,
              landline.value != nil || mobile.value != nil else { return nil }
        do throws(ValidationError) {
            let phones = try ContactPhones(landline: landline.value, mobile: mobile.value)
            return .success(try InsuredUnit(code: code, name: self[.name], ubn: ubn.value,
                                            labourInsuranceNumber: nhiOnly ? nil : labourNumber.value,
                                            ownerID: owner, ownerPhones: phones, email: email, nhiOnly: nhiOnly))
        } catch {
            let field: Field = switch error.field {
            case .labourInsuranceNumber: .labourNumber
            case .contactPhone: .landline
            default: .name
            }
            return .failure(UnitProblem(field: field, error: PresentableError(error)))
        }
    }

    /// 註冊: asks first (a review of what will be registered) when the form is complete,
    /// otherwise shows what is missing.
    public func requestRegister() {
        guard registrar != nil, !status.isWorking, status.result == nil else { return }
        attempted = true
        unitError = nil
        secretAsked = true
        let parsed = unit()
        if case .failure(let problem) = parsed { unitError = (problem.field, problem.error) }
        guard case .success = parsed, secretError == nil else { return }
        secretAsked = false
        if method == .ownerOTP, ownerBirthDate.value == nil { return }
        askingRegister = true
    }

    public func dismissRegister() { askingRegister = false }

    /// The review was answered 註冊: reads the card (or checks the code) and registers.
    public func confirmRegister() async {
        guard askingRegister, let registrar, case .success(let unit) = unit() else { return }
        askingRegister = false
        let credential: UnitRegistrationCredential
        switch method {
        case .organisationCertificate:
            do {
                credential = .organisationCertificate(reader: readerName, pin: try keypad.takePIN())
            } catch {
                status = .failed(PresentableError(error))
                return
            }
        case .ownerNHICard:
            credential = .ownerNHICard(reader: readerName)
        case .ownerOTP:
            guard let birth = ownerBirthDate.value else { return }
            credential = .ownerOTP(birthDate: birth, code: Normalizer.text.normalize(otp).value)
        }
        forgetSecrets()
        let administrator = ownerIsAdministrator
        let attempt = generation.next()
        status = .working
        do {
            let account = try await registrar.registerUnit(unit, with: credential, ownerIsAdministrator: administrator)
            guard generation.isCurrent(attempt) else { return }
            status = .succeeded(account)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            status = .failed(PresentableError(error))
        }
    }

    /// 前往登入: the sign-in screen, readied for the registered unit's first sign-in.
    public func signIn() {
        guard let account = status.result else { return }
        let method = method
        wipePersonalData()
        onSignInRequested?(account.unit.code, method)
    }

    /// What the review says: the unit, the owner (masked), how it is proved and what follows.
    public func review(_ language: Language) -> String {
        guard case .success(let unit) = unit() else { return "" }
        return Text.units(.review(unit: unit, method: method, ownerIsAdministrator: ownerIsAdministrator,
                                  card: method == .ownerNHICard ? card : nil)).localized(language)
    }

    /// A reader event while nobody is signed in: the owner's card, shown for that method.
    public func cardEvent(_ event: CardEvent) {
        guard event.concerns(configuredReader: readerName) else { return }
        switch event {
        case .inserted(_, let card): self.card = card
        case .unreadable, .removed, .readerLost: card = nil
        }
    }

    private func forgetSecrets() {
        keypad.clear()
        setOTP("")
        secretAsked = false
    }

    public var hasUnsavedInput: Bool { status.result == nil && !texts.values.allSatisfy { $0.isEmpty } }

    public func startOver() {
        _ = generation.next()
        method = .organisationCertificate
        nhiOnly = false
        ownerIsAdministrator = true
        texts = [:]
        forgetSecrets()
        attempted = false
        askingRegister = false
        unitError = nil
        status = .idle
    }

    public var screen: Screen { .unitRegistration }
    public var isVisitorData: Bool { false }
    /// Forgets what was typed. The card shown is the one in the reader now: it goes when
    /// the card comes out.
    public func wipePersonalData() { startOver() }
    public func screenOpened() {}
    public var automationStatus: String { "register:\(status.automationValue)" }
}

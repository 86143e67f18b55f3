import NHICore
import Observation

/// The staff sign-in screen: every method of SPEC §2, field checks before anything is sent,
/// the PIN keypad, and the QR code's countdown.
///
/// Secrets (password, OTP, PIN) go into the model as they are typed and are never readable
/// back: the screen sees only whether something was typed (``hasPassword``, ``hasOTP``,
/// the keypad's dot count). They are dropped as soon as the credential is built, and on
/// ``clear()``.
@Observable
@MainActor
public final class SignInModel {
    /// The inputs the screen can show.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case password, ownerLogin, unitCode, id, birthDate, otp, pin
        /// The certificate method's check box for an organisation certificate (工商、政府、
        /// 組織團體憑證): ticked, the unit code replaces the ID.
        case organisationLogin
        /// 投保單位代號（單位憑證）: the unit an organisation certificate signs in for.
        case certificateUnitCode
    }

    /// Where the sign-in stands.
    public enum Status: Sendable, Hashable {
        /// Waiting for input.
        case editing
        /// Talking to the SDK.
        case working
        /// The last attempt failed; the error says why and what to do.
        case failed(PresentableError)
        /// A QR code is shown and the app has not confirmed yet.
        case awaitingApp(AppSignInChallenge, secondsLeft: Int)
        /// The QR code ran out; a new one is needed.
        case appExpired
        /// Authenticated; the person works for several units and picks one
        /// (``choose(_:)``, or ``cancelUnitChoice()`` to start again).
        case choosingUnit(StaffUnitChoice)
    }

    /// The chosen method; changing it forgets what was typed for the previous one.
    public var method: LoginMethod = .nhiCard {
        didSet { if oldValue != method { clear(keepingMethod: true) } }
    }
    /// Owner sign-in (to assign administrators): asks for the unit code too.
    public var ownerLogin = false
    /// The owner sign-in's unit code as typed.
    public var unitCodeText = ""
    /// The national ID as typed (certificate, OTP, QR methods).
    public var idText = ""
    /// Organisation-certificate sign-in (certificate method): the unit code is asked for
    /// instead of the ID. Only one of the two fields is ever on screen, so a PIN typed after
    /// Tab always reaches the keypad, never a plain text field. Switching forgets both.
    public var organisationLogin = false {
        didSet {
            guard oldValue != organisationLogin else { return }
            idText = ""
            certificateUnitCodeText = ""
            fieldErrors = [:]
        }
    }
    /// The unit code typed for an organisation-certificate sign-in.
    public var certificateUnitCodeText = ""
    /// The ROC birth date as typed (`0850504`).
    public var birthDateText = ""
    /// The PIN keypad (certificate sign-in).
    public let keypad = PINKeypad()

    @ObservationIgnored private var password = ""
    @ObservationIgnored private var otp = ""
    /// Whether a password is typed (the screen clears its field when this turns false).
    public private(set) var hasPassword = false
    /// Whether an OTP is typed.
    public private(set) var hasOTP = false

    /// Per-field problems from the last attempt.
    public private(set) var fieldErrors: [Field: PresentableError] = [:]
    /// Where the sign-in stands.
    public private(set) var status: Status = .editing

    /// The reader to use (from the settings; nil: the SDK's first reader).
    public var readerName: String?

    /// What the reader holds, as the sign-in screen shows it (a real reader has no demo tray
    /// to light up): nothing yet, a card, or a card that is not an NHI card.
    public enum CardState: Sendable, Hashable {
        /// No card seen in the reader (yet).
        case waiting
        /// A card is in `reader` (an NHI card whose profile was read).
        case present(reader: String)
        /// A card is in `reader` but its NHI profile could not be read — a certificate card
        /// (fine for certificate sign-in), or an NHI card that is upside down or dirty.
        case unreadable(reader: String, error: PresentableError)
    }

    public private(set) var cardState: CardState = .waiting

    /// A reader event while nobody is signed in (the staff member's own card).
    public func cardEvent(_ event: CardEvent) {
        guard event.concerns(configuredReader: readerName) else { return }
        switch event {
        case .inserted(let reader, _): cardState = .present(reader: reader)
        case .unreadable(let reader, let error): cardState = .unreadable(reader: reader, error: error)
        case .removed, .readerLost: cardState = .waiting
        }
    }
    /// Called once with the session when a sign-in succeeds.
    @ObservationIgnored public var onSignedIn: (@MainActor (StaffSession) -> Void)?

    @ObservationIgnored private let authenticator: (any StaffAuthenticator)?
    /// The methods the screen offers (the authenticator's; every method when none is connected).
    public var methods: [SignInMethod] { authenticator?.methods ?? SignInMethod.allCases }
    @ObservationIgnored private let clock: any KioskClock
    @ObservationIgnored private var generation = 0
    @ObservationIgnored private var appTask: Task<Void, Never>?
    @ObservationIgnored private var challengeIssuedAt: Duration = .zero

    /// A sign-in screen over `authenticator` (nil: not connected; nothing is sent).
    public init(authenticator: (any StaffAuthenticator)?, clock: any KioskClock) {
        self.authenticator = authenticator
        self.clock = clock
    }

    /// Whether sign-in is connected to the SDK at all.
    public var isAvailable: Bool { authenticator != nil }

    /// The inputs the current method needs, in screen order.
    public var fields: [Field] {
        let owner: [Field] = ownerLogin ? [.ownerLogin, .unitCode] : [.ownerLogin]
        switch method {
        case .nhiCard: return [.password] + owner
        case .certificate: return [.organisationLogin, organisationLogin ? .certificateUnitCode : .id, .pin]
        case .nhiAppOTP: return [.id, .birthDate, .otp] + owner
        case .nhiAppQR: return [.id, .birthDate] + owner
        case .twFido: return [.id, .birthDate]
        }
    }

    /// Whether the screen should accept input now.
    public var isBusy: Bool { status == .working }

    /// The units to choose from, while the unit picker is up.
    public var unitChoice: StaffUnitChoice? {
        if case .choosingUnit(let choice) = status { choice } else { nil }
    }

    /// The password as typed (never read back).
    public func setPassword(_ text: String) {
        password = text
        hasPassword = !text.isEmpty
    }

    /// The OTP as typed (never read back).
    public func setOTP(_ text: String) {
        otp = text
        hasOTP = !text.isEmpty
    }

    // MARK: Signing in

    /// Checks the fields and, when they are valid, signs in (card + password, certificate +
    /// PIN, or OTP). QR methods use ``startAppSignIn()``.
    public func submit() async {
        guard let authenticator, !isBusy, unitChoice == nil, !method.usesApp else { return }
        fieldErrors = [:]
        guard let credential = makeCredential() else { return }
        status = .working
        let attempt = generation
        do {
            let outcome = try await authenticator.signIn(with: credential)
            guard attempt == generation else { return forget(outcome) }
            proceed(outcome)
        } catch {
            guard attempt == generation else { return }
            status = .failed(PresentableError(error))
        }
    }

    /// Checks ID and birth date, asks the SDK for a QR code and waits for the app.
    public func startAppSignIn() async {
        guard let authenticator, !isBusy, unitChoice == nil, method.usesApp else { return }
        appTask?.cancel()
        appTask = nil
        fieldErrors = [:]
        guard let request = makeAppRequest() else { return }
        status = .working
        generation += 1
        let attempt = generation
        do {
            let challenge = try await authenticator.startAppSignIn(request)
            guard attempt == generation else { return }
            challengeIssuedAt = clock.now
            status = .awaitingApp(challenge, secondsLeft: Self.wholeSeconds(challenge.validFor))
            appTask = Task { [weak self] in
                do {
                    let outcome = try await authenticator.awaitAppConfirmation(challenge)
                    guard let self else { return }
                    guard attempt == self.generation, !Task.isCancelled else { return self.forget(outcome) }
                    self.proceed(outcome)
                } catch {
                    guard let self, attempt == self.generation, !Task.isCancelled, !(error is CancellationError) else { return }
                    self.status = .failed(PresentableError(error))
                }
            }
        } catch {
            guard attempt == generation else { return }
            status = .failed(PresentableError(error))
        }
    }

    /// Advances the QR countdown (the shell calls it every second).
    public func tick() {
        guard case .awaitingApp(let challenge, let shown) = status else { return }
        let elapsed = clock.now - challengeIssuedAt
        if elapsed >= challenge.validFor {
            appTask?.cancel()
            appTask = nil
            generation += 1
            status = .appExpired
        } else {
            let left = Self.wholeSeconds(challenge.validFor - elapsed)
            if left != shown { status = .awaitingApp(challenge, secondsLeft: left) }
        }
    }

    /// Forgets everything typed and any sign-in under way (idle, lock, Clear), including a
    /// unit choice (the SDK is told to forget it too).
    public func clear() { clear(keepingMethod: true) }

    /// Readies the form to resume a locked session: its method (and the organisation box).
    public func prepareResume(method: LoginMethod, organisation: Bool) {
        clear()
        self.method = method
        if method == .certificate { organisationLogin = organisation }
    }

    /// Readies the form for a unit's first sign-in after it registered at the counter: the
    /// organisation certificate's with the unit code, or the owner's (card or app code)
    /// with 負責人登入 ticked to assign administrators.
    public func prepareFirstSignIn(unit: UnitCode, registeredBy kind: UnitRegistrationCredential.Kind) {
        clear()
        switch kind {
        case .organisationCertificate:
            method = .certificate
            organisationLogin = true
            certificateUnitCodeText = unit.rawValue
        case .ownerNHICard, .ownerOTP:
            method = kind == .ownerNHICard ? .nhiCard : .nhiAppOTP
            ownerLogin = true
            unitCodeText = unit.rawValue
        }
    }

    // MARK: Choosing a unit

    /// Opens the session for `unit`, one of the listed units. A refusal ends the choice
    /// (the SDK used it up): the error is shown and the person signs in again.
    public func choose(_ unit: UnitCode) async {
        guard let authenticator, let choice = unitChoice, choice.units.contains(where: { $0.unitCode == unit }) else { return }
        status = .working
        let attempt = generation
        do {
            let session = try await authenticator.openSession(choice, unit: unit)
            guard attempt == generation else { return }
            succeed(session)
        } catch {
            guard attempt == generation else { return }
            status = .failed(PresentableError(error))
        }
    }

    /// Leaves the unit picker for the sign-in form: nothing of the sign-in is kept.
    public func cancelUnitChoice() {
        guard unitChoice != nil else { return }
        clear()
    }

    private func proceed(_ outcome: StaffSignInOutcome) {
        switch outcome {
        case .signedIn(let session):
            succeed(session)
        case .chooseUnit(let choice):
            clear()  // what was typed is no longer needed
            status = .choosingUnit(choice)
        }
    }

    /// A sign-in that finished after the screen was wiped: its unit choice is dropped.
    private func forget(_ outcome: StaffSignInOutcome) {
        if case .chooseUnit(let choice) = outcome { forget(choice) }
    }

    private func forget(_ choice: StaffUnitChoice) {
        guard let authenticator else { return }
        Task { await authenticator.cancel(choice) }
    }

    private func clear(keepingMethod: Bool) {
        if let choice = unitChoice { forget(choice) }
        generation += 1
        appTask?.cancel()
        appTask = nil
        setPassword("")
        setOTP("")
        keypad.clear()
        ownerLogin = false
        organisationLogin = false
        unitCodeText = ""
        certificateUnitCodeText = ""
        idText = ""
        birthDateText = ""
        fieldErrors = [:]
        status = .editing
    }

    private func succeed(_ session: StaffSession) {
        clear()
        onSignedIn?(session)
    }

    // MARK: Parsing the fields

    private func makeCredential() -> StaffCredential? {
        switch method {
        case .nhiCard:
            let password = parse(.password) { () throws(ValidationError) in try RegistrationPassword(self.password) }
            let unit = ownerUnitCode()
            setPassword("")
            guard let password, fieldErrors.isEmpty else { return nil }
            return .nhiCard(reader: readerName, password: password, ownerUnitCode: unit)
        case .certificate:
            guard organisationLogin else {
                // A personal certificate: the ID it must belong to.
                let id = personalID()
                guard let pin = parse(.pin, { () throws(ValidationError) in try self.keypad.takePIN() }), let id else { return nil }
                return .certificate(reader: readerName, id: id, pin: pin)
            }
            // An organisation certificate: the unit it signs in for, and no ID.
            let unit = unitCode(.certificateUnitCode, certificateUnitCodeText)
            let pin = parse(.pin) { () throws(ValidationError) in try self.keypad.takePIN() }
            guard let unit, let pin else { return nil }
            return .organisationCertificate(reader: readerName, unitCode: unit, pin: pin)
        case .nhiAppOTP:
            let id = personalID(), birth = birthDate(), unit = ownerUnitCode()
            let code = Normalizer.text.normalize(otp).value
            setOTP("")
            if code.isEmpty { fieldErrors[.otp] = PresentableError(KioskError(.fieldRequired, subject: Text.otpLabel.localized(.traditionalChinese))) }
            guard let id, let birth, fieldErrors.isEmpty else { return nil }
            return .nhiAppOTP(id: id, birthDate: birth, otp: code, ownerUnitCode: unit)
        case .nhiAppQR, .twFido:
            return nil
        }
    }

    private func makeAppRequest() -> AppSignInRequest? {
        let id = personalID(), birth = birthDate()
        let unit = method == .nhiAppQR ? ownerUnitCode() : nil
        guard let id, let birth, fieldErrors.isEmpty else { return nil }
        return AppSignInRequest(method: method, id: id, birthDate: birth, ownerUnitCode: unit)
    }

    private func personalID() -> PersonalID? {
        parse(.id) { () throws(ValidationError) in try PersonalID(parsing: Normalizer.identifier.normalize(self.idText).value) }
    }

    private func birthDate() -> CalendarDate? {
        parse(.birthDate) { () throws(ValidationError) in try ROCDate(parsing: Normalizer.text.normalize(self.birthDateText).value).gregorian }
    }

    private func ownerUnitCode() -> UnitCode? {
        guard ownerLogin else { return nil }
        return unitCode(.unitCode, unitCodeText)
    }

    /// A unit code typed in `field` (normalised: full-width digits, spaces), or nil with the
    /// field's error set.
    private func unitCode(_ field: Field, _ text: String) -> UnitCode? {
        parse(field) { () throws(ValidationError) in try UnitCode(parsing: Normalizer.identifier.normalize(text).value) }
    }

    private func parse<T>(_ field: Field, _ body: () throws(ValidationError) -> T) -> T? {
        do {
            return try body()
        } catch {
            fieldErrors[field] = PresentableError(error)
            return nil
        }
    }

    private static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}

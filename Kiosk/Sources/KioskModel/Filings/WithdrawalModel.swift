import NHICore
import NHIGrades
import NHIService
import Observation

/// The withdrawal form (退保作業): who leaves, why and when; the effective date and the
/// 6-month proof rule from NHIGrades' `EffectiveDateRules`, the person's dependants who go
/// with them, and the filing through `NHIService.filings.withdraw`.
@Observable
@MainActor
public final class WithdrawalModel: FlowModel, FilingForm, ReviewedFiling {
    /// The form's text fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, transferOutDate, passportNumber
    }

    public var family: FilingFamily = .nhiOnly
    public var idText = ""
    public var reason: WithdrawalReason = .leftJob
    public var transferOutText = ""
    /// 健保費於本單位計收: effective the 1st of the next month.
    public var chargedHere = false
    public var passportText = ""
    public let attachments: AttachmentList
    /// The unit's in-force roster (to pick the person and show their dependants).
    public let roster: UnitRoster

    public internal(set) var attempted = false
    public internal(set) var status: FlowStatus<Filing> = .idle
    public internal(set) var serviceFieldError: (field: Field, error: PresentableError)?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        attachments = AttachmentList(limit: 2, folder: context.filesFolder)
        self.context = context
        roster = UnitRoster(context: context)
    }

    public var id: Parsed<PersonalID> { FieldParser.personalID(idText) }
    public var transferOutDate: Parsed<CalendarDate> { FieldParser.rocDate(transferOutText) }

    /// The fields shown, in screen order (the passport number is for the labour side).
    public var fields: [Field] { family == .threeInOne ? [.id, .transferOutDate, .passportNumber] : [.id, .transferOutDate] }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .id: idText
            case .transferOutDate: transferOutText
            case .passportNumber: passportText
            }
        }
        set {
            switch field {
            case .id: idText = newValue
            case .transferOutDate: transferOutText = newValue
            case .passportNumber: passportText = newValue
            }
        }
    }

    public func error(_ field: Field) -> PresentableError? {
        if let serviceFieldError, serviceFieldError.field == field { return serviceFieldError.error }
        let caption = Text.filing(.withdrawalCaption(field))
        switch field {
        case .id: return id.shownError(required: true, attempted: attempted, caption: caption)
        case .transferOutDate: return transferOutDate.shownError(required: true, attempted: attempted, caption: caption)
        case .passportNumber: return nil
        }
    }

    public func hint(_ field: Field, _ language: Language) -> String? { field == .id ? idHint(idText, language) : nil }

    /// Picks a person from the roster.
    public func choose(_ line: RosterLine) { idText = line.personID.rawValue }

    /// The roster line of the person typed, if they are insured with the unit.
    public var person: RosterLine? { id.value.flatMap(roster.line(for:)) }

    /// The dependants who are transferred out with the person (被保險人退保，眷屬一律轉出).
    public var dependantsLeaving: [RosterLine] { id.value.map(roster.dependants(of:)) ?? [] }

    /// The effective date the rules give for the transfer-out date and the flag.
    public var effectiveDate: CalendarDate? {
        transferOutDate.value.map { EffectiveDateRules.withdrawal(transferOut: $0, chargedHere: chargedHere) }
    }

    /// Whether proof is needed: an NHI-only withdrawal more than 6 months back.
    public var needsProof: Bool {
        guard family == .nhiOnly, let effective = effectiveDate else { return false }
        return EffectiveDateRules.withdrawalNeedsProof(effective: effective, filedOn: context.today)
    }

    /// The request the form makes, or nil while a field is missing or invalid.
    public var request: WithdrawalRequest? {
        guard let id = id.value, let date = transferOutDate.value else { return nil }
        let passport = Normalizer.identifier.normalize(passportText).value
        return WithdrawalRequest(family: family, personID: id, reason: reason, transferOutDate: date, chargedHere: chargedHere,
                                 passportNumber: passport.isEmpty ? nil : passport, attachments: attachments.documents)
    }

    /// Files the withdrawal.
    public func submit() async {
        if await file(request, through: { workflows, request in try await workflows.withdraw(request) }) {
            await roster.load()
        }
    }


    // MARK: Review before filing

    /// What 送出 would file, shown for checking first (nil: not asked, or dropped).
    public internal(set) var review: FilingReview?
    /// 送出: shows the review when the form is complete, or what is missing.
    public func requestReview() { reviewOrShowErrors() }
    /// 確認送出: files what was reviewed.
    public func confirmReview() async { await confirmReviewed() }
    /// 返回修改: back to the form, nothing sent.
    public func cancelReview() { review = nil }

    func makeReview() -> FilingReview? {
        guard let request, let effective = effectiveDate else { return nil }
        let who = person.map { "\($0.name) \(request.personID.masked)" } ?? request.personID.masked
        var lines: [FilingReview.Line] = [
            .init(label: .reviewPerson, value: .value(who)),
            .init(label: .reviewWhat, value: .reviewFiling(.withdrawal, request.family)),
            .init(label: .reviewReason, value: .reason(request.reason)),
            .init(label: .reviewEffective, value: .date(effective)),
        ]
        if let amount = person?.insuredAmount { lines.append(.init(label: .reviewAmount, value: .money(amount))) }
        // The dependants insured through the person on the unit's roster (as the SDK lists it).
        return FilingReview(kind: .withdrawal, lines: lines, people: dependantsLeaving.map(\.reviewPerson))
    }

    /// Whether something was typed that leaving would lose (Back and Esc ask first).
    public var hasUnsavedInput: Bool { status.result == nil && !(idText.isEmpty && passportText.isEmpty) }

    /// Which field a service refusal is about, to show it there too.
    static func field(for code: String) -> Field? {
        switch code {
        case ServiceError.Code.filingNotInsuredHere.rawValue, ServiceError.Code.filingDuplicatePending.rawValue: .id
        default: nil
        }
    }

    /// Clears the form for the next withdrawal.
    public func startOver() {
        _ = generation.next()
        family = .nhiOnly
        idText = ""
        reason = .leftJob
        transferOutText = context.today.rocCompact
        chargedHere = false
        passportText = ""
        attachments.clear()
        attempted = false
        serviceFieldError = nil
        review = nil
        status = .idle
    }

    public var screen: Screen { .withdraw }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        startOver()
        roster.wipe()
    }
    public func screenOpened() {
        Task { await attachments.shelf.refresh() }
        if transferOutText.isEmpty { transferOutText = context.today.rocCompact }
        Task { await roster.load() }
    }
    public var automationStatus: String { status.automationValue }
}

import NHICore
import NHIService
import Observation

/// 停保／育嬰留停／復保／續保 and 保險對象基本資料變更 (NHI only): who, which change, from
/// when and why — or the new name or birth date (a new birth date needs proof). Reviewed
/// before it is filed through the session's `UnitWorkflows` (`changeStatus`,
/// `changeBasicData`); which changes a person's cover allows is the service's rule.
@Observable
@MainActor
public final class StatusChangeModel: FlowModel, FilingForm, ReviewedFiling {
    /// The change the form files.
    public enum Change: String, Sendable, Hashable, CaseIterable {
        case suspend, parentalLeave, resume, renew, basicData

        /// The service's kind of filing.
        public var kind: FilingKind {
            switch self {
            case .suspend: .suspend
            case .parentalLeave: .parentalLeave
            case .resume: .resume
            case .renew: .renew
            case .basicData: .basicDataChange
            }
        }
    }

    /// The form's text fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, date, reason, name, birthDate
    }

    public var change: Change = .suspend
    public var idText = ""
    public var dateText = ""
    public var reasonText = ""
    public var nameText = ""
    public var birthDateText = ""
    /// Proof of a new birth date (up to 2 documents).
    public let attachments: AttachmentList
    /// The unit's in-force roster (to pick the person and show what is on record).
    public let roster: UnitRoster

    public internal(set) var attempted = false
    public internal(set) var status: FlowStatus<Filing> = .idle
    public internal(set) var serviceFieldError: (field: Field, error: PresentableError)?
    public internal(set) var review: FilingReview?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        attachments = AttachmentList(limit: 2, folder: context.filesFolder)
        self.context = context
        roster = UnitRoster(context: context)
    }

    public var id: Parsed<PersonalID> { FieldParser.personalID(idText) }
    public var date: Parsed<CalendarDate> { FieldParser.rocDate(dateText) }
    public var name: Parsed<PersonName> { FieldParser.name(nameText) }
    public var birthDate: Parsed<CalendarDate> { FieldParser.rocDate(birthDateText) }

    /// The fields shown for the change, in screen order.
    public var fields: [Field] { change == .basicData ? [.id, .name, .birthDate] : [.id, .date, .reason] }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .id: idText
            case .date: dateText
            case .reason: reasonText
            case .name: nameText
            case .birthDate: birthDateText
            }
        }
        set {
            switch field {
            case .id: idText = newValue
            case .date: dateText = newValue
            case .reason: reasonText = newValue
            case .name: nameText = newValue
            case .birthDate: birthDateText = newValue
            }
        }
    }

    public func error(_ field: Field) -> PresentableError? {
        if let serviceFieldError, serviceFieldError.field == field { return serviceFieldError.error }
        let caption = Text.statusChange(.caption(field, change))
        switch field {
        case .id: return id.shownError(required: true, attempted: attempted, caption: caption)
        case .date: return date.shownError(required: true, attempted: attempted, caption: caption)
        case .reason: return nil
        case .name:
            if nothingToChange { return PresentableError(ServiceError(.filingNothingToChange)) }
            return name.shownError(required: false, attempted: attempted, caption: caption)
        case .birthDate: return birthDate.shownError(required: false, attempted: attempted, caption: caption)
        }
    }

    /// A basic-data change with neither a new name nor a new birth date (shown once 送出 was pressed).
    public var nothingToChange: Bool {
        change == .basicData && attempted && name.isEmpty && birthDate.isEmpty
    }

    public func hint(_ field: Field, _ language: Language) -> String? { field == .id ? idHint(idText, language) : nil }

    /// Picks a person from the roster.
    public func choose(_ line: RosterLine) { idText = line.personID.rawValue }

    /// The roster line of the person typed, if they are insured with the unit.
    public var person: RosterLine? { id.value.flatMap(roster.line(for:)) }

    /// Whether proof must be attached: a new birth date.
    public var needsProof: Bool { change == .basicData && birthDate.value != nil }

    /// What the form files.
    public enum Request: Sendable, Hashable {
        case status(StatusChangeRequest)
        case basicData(BasicDataChangeRequest)
    }

    /// The request the form makes, or nil while a field is missing or invalid.
    public var request: Request? {
        guard let id = id.value else { return nil }
        if change == .basicData {
            let name = name.value, birth = birthDate.value
            guard self.name.isEmpty || name != nil, self.birthDate.isEmpty || birth != nil, name != nil || birth != nil else { return nil }
            return .basicData(BasicDataChangeRequest(personID: id, name: name, birthDate: birth, attachments: attachments.documents))
        }
        guard let date = date.value else { return nil }
        let reason = Normalizer.text.normalize(reasonText).value
        return .status(StatusChangeRequest(kind: change.kind, personID: id, date: date, reason: reason))
    }

    /// Files the change.
    public func submit() async {
        let filed = await file(request) { workflows, request in
            switch request {
            case .status(let change): try await workflows.changeStatus(change)
            case .basicData(let change): try await workflows.changeBasicData(change)
            }
        }
        if filed { await roster.load() }
    }

    /// 送出: shows the review when the form is complete, or what is missing.
    public func requestReview() { reviewOrShowErrors() }
    /// 確認送出: files what was reviewed.
    public func confirmReview() async { await confirmReviewed() }
    /// 返回修改: back to the form, nothing sent.
    public func cancelReview() { review = nil }

    func makeReview() -> FilingReview? {
        guard let request else { return nil }
        switch request {
        case .status(let r):
            let who = person.map { "\($0.name) \(r.personID.masked)" } ?? r.personID.masked
            var lines: [FilingReview.Line] = [
                .init(label: .reviewPerson, value: .value(who)),
                .init(label: .reviewWhat, value: .statusKind(r.kind)),
                .init(label: .reviewEffective, value: .date(r.date)),
            ]
            if !r.reason.isEmpty { lines.append(.init(label: .reviewStatusReason, value: .value(r.reason))) }
            if let amount = person?.insuredAmount { lines.append(.init(label: .reviewAmount, value: .money(amount))) }
            // The service changes only this person's cover (their dependants' stays as it is).
            return FilingReview(kind: .statusChange, lines: lines, people: [])
        case .basicData(let r):
            let who = person.map { "\($0.name) \(r.personID.masked)" } ?? r.personID.masked
            var lines: [FilingReview.Line] = [
                .init(label: .reviewPerson, value: .value(who)),
                .init(label: .reviewWhat, value: .statusKind(.basicDataChange)),
            ]
            if let name = r.name { lines.append(.init(label: .reviewNewName, value: .value(name.value))) }
            if let birth = r.birthDate { lines.append(.init(label: .reviewNewBirthDate, value: .date(birth))) }
            return FilingReview(kind: .basicDataChange, lines: lines, people: [])
        }
    }

    /// Whether something was typed that leaving would lose (Back and Esc ask first).
    public var hasUnsavedInput: Bool {
        status.result == nil && !(idText.isEmpty && reasonText.isEmpty && nameText.isEmpty && birthDateText.isEmpty)
    }

    /// Which field a service refusal is about, to show it there too.
    static func field(for code: String) -> Field? {
        switch code {
        case ServiceError.Code.filingNotInsuredHere.rawValue, ServiceError.Code.filingDuplicatePending.rawValue,
             ServiceError.Code.filingNotActive.rawValue, ServiceError.Code.filingNotSuspended.rawValue: .id
        default: nil
        }
    }

    /// Chooses another change; what was typed for the person stays, the outcome clears.
    public func choose(_ change: Change) {
        guard change != self.change else { return }
        self.change = change
        attempted = false
        serviceFieldError = nil
        if status.result == nil { status = .idle }
    }

    /// Clears the form for the next change.
    public func startOver() {
        _ = generation.next()
        change = .suspend
        idText = ""
        dateText = context.today.rocCompact
        reasonText = ""
        nameText = ""
        birthDateText = ""
        attachments.clear()
        attempted = false
        serviceFieldError = nil
        review = nil
        status = .idle
    }

    public var screen: Screen { .statusChange }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        startOver()
        roster.wipe()
    }
    public func screenOpened() {
        Task { await attachments.shelf.refresh() }
        if dateText.isEmpty { dateText = context.today.rocCompact }
        Task { await roster.load() }
    }
    public var automationStatus: String { status.automationValue }
}

import NHICore
import NHIService
import Observation

/// 健保卡申請: a card for someone insured with the unit — why (lost, damaged, new photo,
/// first card, data change), how to reach them, where the card goes (posted to an address,
/// or picked up at a counter), with a photo when the reason needs one; confirmed before it
/// is sent, and the person's applications listed. Through the session's `UnitWorkflows`.
@Observable
@MainActor
public final class CardApplicationModel: FlowModel, WorkflowCalling {
    /// The form's text fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, email, mobile, landline, office, county, district, village, neighbourhood, street
    }

    /// Where the card goes.
    public enum Delivery: String, Sendable, Hashable, CaseIterable { case counter, post }

    public var reason: CardApplication.Reason = .lost
    public var delivery: Delivery = .counter
    private var texts: [Field: String] = [:]
    /// The card photo (new photo, first card): one jpg/jpeg/gif/png ≤ 5 MB.
    public let photo: AttachmentList
    public let roster: UnitRoster

    public private(set) var attempted = false
    public private(set) var status: FlowStatus<CardApplication> = .idle
    public private(set) var askingApply = false
    public private(set) var applications: FlowStatus<[CardApplication]> = .idle

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        photo = AttachmentList(limit: 1, purpose: .cardPhoto, folder: context.filesFolder)
        self.context = context
        roster = UnitRoster(context: context)
    }

    public subscript(field: Field) -> String {
        get { texts[field] ?? "" }
        set { texts[field] = newValue }
    }

    public var id: Parsed<PersonalID> { FieldParser.personalID(self[.id]) }
    public var email: Parsed<EmailAddress> { FieldParser.email(self[.email]) }
    public var mobile: Parsed<MobileNumber> { FieldParser.mobile(self[.mobile]) }
    public var landline: Parsed<LandlineNumber> { FieldParser.landline(self[.landline]) }

    /// The fields shown, in screen order.
    public var fields: [Field] {
        [.id, .email, .mobile, .landline] + (delivery == .counter ? [.office] : [.county, .district, .village, .neighbourhood, .street])
    }

    /// Whether the reason needs a photo.
    public var needsPhoto: Bool { reason.needsPhoto }

    public func error(_ field: Field) -> PresentableError? {
        let caption = Text.cards(.caption(field))
        switch field {
        case .id: return id.shownError(required: true, attempted: attempted, caption: caption)
        case .email: return email.shownError(required: true, attempted: attempted, caption: caption)
        case .mobile:
            if attempted, mobile.isEmpty, landline.isEmpty { return PresentableError(KioskError(.fieldRequired, subject: caption.localized(.traditionalChinese))) }
            return mobile.shownError(required: false, attempted: attempted, caption: caption)
        case .landline: return landline.shownError(required: false, attempted: attempted, caption: caption)
        case .office, .county, .district, .street:
            let empty = Normalizer.text.normalize(self[field]).value.isEmpty
            return attempted && empty ? PresentableError(KioskError(.fieldRequired, subject: caption.localized(.traditionalChinese))) : nil
        case .village, .neighbourhood: return nil
        }
    }

    public func hint(_ field: Field, _ language: Language) -> String? { field == .id ? idHint(self[.id], language) : nil }

    public func choose(_ line: RosterLine) { self[.id] = line.personID.rawValue }
    public var person: RosterLine? { id.value.flatMap(roster.line(for:)) }

    private var pickup: CardApplication.Pickup? {
        let clean = { (field: Field) in Normalizer.text.normalize(self[field]).value }
        switch delivery {
        case .counter:
            let office = clean(.office)
            return office.isEmpty ? nil : .counter(office: office)
        case .post:
            return try? .post(CardApplication.Address(county: clean(.county), district: clean(.district), village: clean(.village),
                                                      neighbourhood: clean(.neighbourhood), street: clean(.street)))
        }
    }

    private var phones: ContactPhones? {
        guard mobile.error == nil, landline.error == nil, mobile.value != nil || landline.value != nil else { return nil }
        return try? ContactPhones(landline: landline.value, mobile: mobile.value)
    }

    /// 送出申請: asks first when the form is complete, otherwise shows what is missing.
    public func requestApply() {
        attempted = true
        guard id.value != nil, email.value != nil, phones != nil, pickup != nil, !status.isWorking else { return }
        askingApply = true
    }
    public func dismissApply() { askingApply = false }

    /// The confirmation was answered 送出.
    public func confirmApply() async {
        guard askingApply, let person = id.value, let email = email.value, let phones, let pickup else { return }
        askingApply = false
        let reason = reason, photo = photo.documents.first
        _ = generation.next()
        let applied = await call({ status = $0 }) {
            try await $0.applyForCard(person, reason: reason, email: email, phones: phones, pickup: pickup, photo: photo)
        }
        if applied != nil { await loadApplications() }
    }

    /// The person's applications.
    public func loadApplications() async {
        guard let person = id.value else { return }
        _ = await call({ applications = $0 }) { try await $0.cardApplications(of: person) }
    }

    /// What the confirmation says: who (masked), why, where the card goes.
    public func confirmation(_ language: Language) -> String {
        guard let person = id.value, let pickup else { return "" }
        let who = self.person.map { "\($0.name) \(person.masked)" } ?? person.masked
        return Text.cards(.confirmMessage(who: who, reason: reason, pickup: pickup)).localized(language)
    }

    public func line(_ application: CardApplication, _ language: Language) -> String { Text.cards(.applicationLine(application)).localized(language) }

    public var hasUnsavedInput: Bool { status.result == nil && !texts.values.allSatisfy { $0.isEmpty } }

    public func startOver() {
        _ = generation.next()
        reason = .lost
        delivery = .counter
        texts = [:]
        photo.clear()
        attempted = false
        status = .idle
        askingApply = false
        applications = .idle
    }

    public var screen: Screen { .cardApplication }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        startOver()
        roster.wipe()
    }
    public func screenOpened() {
        Task { await roster.load() }
        Task { await photo.shelf.refresh() }
    }
    public var automationStatus: String { "apply:\(status.automationValue) applications:\(applications.automationValue)" }
}

import NHICore
import NHIGrades
import NHIService
import Observation

/// The single salary adjustment (薪資調整作業(單筆)): the person from the roster, the new
/// amount (or a salary to derive it from), the NHIGrades preview against the table in force
/// on the effective date (the 1st of next month), the premium before and after, and the
/// filing through `NHIService.filings.adjustSalary`.
@Observable
@MainActor
public final class SalaryAdjustmentModel: FlowModel, FilingForm, ReviewedFiling {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, salary, newAmount
    }

    public var family: FilingFamily = .nhiOnly
    public var idText = ""
    public var salaryText = "" {
        didSet { followSalary() }
    }
    public var amountText = ""
    /// 雇主投保金額調降: an employer lowering their own amount, with 1–3 documents.
    public var employerLowering = false
    public var labour = LabourFields()
    public let attachments: AttachmentList
    public let roster: UnitRoster

    public internal(set) var attempted = false
    public internal(set) var status: FlowStatus<Filing> = .idle
    public internal(set) var serviceFieldError: (field: Field, error: PresentableError)?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()
    @ObservationIgnored private var lastProposed: String?

    public init(context: FlowContext) {
        attachments = AttachmentList(limit: 3, folder: context.filesFolder)
        self.context = context
        roster = UnitRoster(context: context)
    }

    public var id: Parsed<PersonalID> { FieldParser.personalID(idText) }
    public var salary: Parsed<Money> { FieldParser.money(salaryText) }
    public var amount: Parsed<Money> { FieldParser.money(amountText) }

    public var fields: [Field] { Field.allCases }
    public var showsLabourFields: Bool { family == .threeInOne }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .id: idText
            case .salary: salaryText
            case .newAmount: amountText
            }
        }
        set {
            switch field {
            case .id: idText = newValue
            case .salary: salaryText = newValue
            case .newAmount: amountText = newValue
            }
        }
    }

    public func error(_ field: Field) -> PresentableError? {
        if let serviceFieldError, serviceFieldError.field == field { return serviceFieldError.error }
        let caption = Text.filing(.adjustmentCaption(field))
        switch field {
        case .id: return id.shownError(required: true, attempted: attempted, caption: caption)
        case .salary: return salary.shownError(required: family == .threeInOne, attempted: attempted, caption: caption)
        case .newAmount: return amount.shownError(required: true, attempted: attempted, caption: caption)
        }
    }

    public func hint(_ field: Field, _ language: Language) -> String? { field == .id ? idHint(idText, language) : nil }

    /// Picks a person from the roster (insured persons only: dependants follow them).
    public func choose(_ line: RosterLine) { idText = line.personID.rawValue }

    /// The insured persons who can be adjusted.
    public var choices: [RosterLine] { roster.lines.filter { !$0.isDependant } }

    /// The person's roster line.
    public var person: RosterLine? { id.value.flatMap(roster.line(for:)).flatMap { $0.isDependant ? nil : $0 } }

    /// The 1st of the month after today (薪調生效日).
    public var effectiveDate: CalendarDate { EffectiveDateRules.salaryAdjustment(filedOn: context.today) }

    /// The preview at the new amount, with the person's category and dependants.
    public var preview: AmountPreview? {
        guard let tables = context.tables, salary.value != nil || amount.value != nil else { return nil }
        let person = person
        return AmountPreview(.init(effectiveDate: effectiveDate, category: person?.category ?? .employee, salary: salary.value,
                                   amount: amount.value, labourInsuranceSalary: showsLabourFields ? labour.labourSalary.value : nil,
                                   pensionWage: showsLabourFields ? labour.pensionWage.value : nil,
                                   dependants: person.map { roster.dependants(of: $0.personID).count } ?? 0),
                             tables: tables)
    }

    /// The person's premium at their current amount on the effective date (nil when that
    /// amount is no longer a grade there, which is why it must change).
    public var currentPremium: NHIPremium? {
        guard let tables = context.tables, let person else { return nil }
        return try? PremiumCalculator(tables: tables).nhi(insuredAmount: person.insuredAmount, on: effectiveDate,
                                                                  category: person.category,
                                                                  dependants: roster.dependants(of: person.personID).count)
    }

    /// Whether documents are asked for: an employer lowering their amount, or below the top grade.
    public var needsDocuments: Bool { employerLowering || (preview?.needsProof ?? false) }

    /// Replaces the amount with the grade of the salary (重載金額).
    public func reloadAmount() {
        guard let proposed = preview?.proposedAmount else { return }
        amountText = proposed.display
        lastProposed = amountText
    }

    private func followSalary() {
        guard amountText.isEmpty || amountText == lastProposed, let proposed = preview?.proposedAmount else { return }
        amountText = proposed.display
        lastProposed = amountText
    }

    public var request: SalaryAdjustmentRequest? {
        guard let id = id.value, let amount = amount.value else { return nil }
        var labourSide: LabourSide?
        if showsLabourFields {
            guard let side = labour.labourSide(monthlySalary: salary.value) else { return nil }
            labourSide = side
        }
        return SalaryAdjustmentRequest(family: family, personID: id, newAmount: amount, employerLowering: employerLowering,
                                       labour: labourSide, attachments: attachments.documents)
    }

    public func submit() async {
        await file(request) { workflows, request in try await workflows.adjustSalary(request) }
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
        guard let request else { return nil }
        let who = person.map { "\($0.name) \(request.personID.masked)" } ?? request.personID.masked
        var lines: [FilingReview.Line] = [
            .init(label: .reviewPerson, value: .value(who)),
            .init(label: .reviewWhat, value: .reviewFiling(.salaryAdjustment, request.family)),
            .init(label: .reviewEffective, value: .date(effectiveDate)),
            .init(label: .reviewAmount, value: .amountChange(from: person?.insuredAmount, to: request.newAmount)),
        ]
        if let grade = preview?.verdict?.grade?.number { lines.append(.init(label: .reviewGrade, value: .grade(grade))) }
        return FilingReview(kind: .salaryAdjustment, lines: lines, people: [])
    }

    /// Whether something was typed that leaving would lose (Back and Esc ask first).
    public var hasUnsavedInput: Bool { status.result == nil && ![idText, salaryText, amountText].allSatisfy(\.isEmpty) }

    /// Which field a service refusal is about, to show it there too.
    static func field(for code: String) -> Field? {
        switch code {
        case ServiceError.Code.filingNotInsuredHere.rawValue, ServiceError.Code.filingDuplicatePending.rawValue: .id
        case ServiceError.Code.filingInsuredAmount.rawValue, ServiceError.Code.filingAmountUnchanged.rawValue: .newAmount
        default: nil
        }
    }

    public func startOver() {
        _ = generation.next()
        family = .nhiOnly
        idText = ""
        lastProposed = nil
        salaryText = ""
        amountText = ""
        employerLowering = false
        labour = LabourFields()
        attachments.clear()
        attempted = false
        serviceFieldError = nil
        review = nil
        status = .idle
    }

    public var screen: Screen { .salaryAdjustment }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        startOver()
        roster.wipe()
    }
    public func screenOpened() {
        Task { await roster.load() }
        Task { await attachments.shelf.refresh() }
    }
    public var automationStatus: String { status.automationValue }
}

import Foundation
import NHICore
import NHIGrades
import NHIService
import Observation

/// The enrolment form (加保作業): every field checked by the NHICore parsers as it is
/// typed, the NHIGrades preview (grade, proposed amount, verdict, premium), and the filing
/// through `NHIService.filings.enrol`, which applies the rules again and stores it.
@Observable
@MainActor
public final class EnrolmentModel: FlowModel, FilingForm, ReviewedFiling {
    /// The form's text fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, name, birthDate, principalID, eligibilityReason, effectiveDate, salary, insuredAmount
    }

    /// 投保者: who is enrolled.
    public enum Enrollee: String, Sendable, Hashable, CaseIterable {
        case insured, dependant, foreignNational
    }

    public var family: FilingFamily = .nhiOnly
    public var enrollee: Enrollee = .insured
    public var idText = ""
    public var nameText = ""
    public var birthDateText = ""
    public var principalText = ""
    public var relation: DependantRelation = .spouse
    public var indigenous = false
    /// 身分別 (employees leave it as 受雇者).
    public var category: InsuredCategory = .employee
    /// Professionals: whether they employ paid staff (without: not below grade 6).
    public var hasPaidStaff = true
    /// A foreign national eligible without documents (else: residence permit + permit letter).
    public var foreignerAutomaticallyEligible = true
    public var eligibilityReasonText = EnrolmentModel.defaultEligibilityReason
    public var effectiveDateText = ""
    /// 月薪資總額: proposes the insured amount; required for three-in-one.
    public var salaryText = "" {
        didSet { followSalary() }
    }
    public var amountText = ""
    public var labour = LabourFields()
    public let attachments: AttachmentList

    public internal(set) var attempted = false
    public internal(set) var status: FlowStatus<Filing> = .idle
    /// A service refusal that names a field (shown under it as well as in the status line).
    public internal(set) var serviceFieldError: (field: Field, error: PresentableError)?

    /// 到職起薪.
    public static let defaultEligibilityReason = "到職起薪"

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()
    @ObservationIgnored private var lastProposed: String?

    public init(context: FlowContext) {
        attachments = AttachmentList(limit: 3, folder: context.filesFolder)
        self.context = context
    }

    // MARK: Fields

    public var id: Parsed<PersonalID> { FieldParser.personalID(idText) }
    public var name: Parsed<PersonName> { FieldParser.name(nameText) }
    public var birthDate: Parsed<CalendarDate> { FieldParser.rocDate(birthDateText) }
    public var principal: Parsed<PersonalID> { FieldParser.personalID(principalText) }
    public var effectiveDate: Parsed<CalendarDate> { FieldParser.rocDate(effectiveDateText) }
    public var salary: Parsed<Money> { FieldParser.money(salaryText) }
    public var amount: Parsed<Money> { FieldParser.money(amountText) }
    public var eligibilityReason: String { eligibilityReasonText.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The fields shown for the chosen enrollee and family, in screen order.
    public var fields: [Field] {
        var fields: [Field] = [.id, .name, .birthDate]
        if enrollee == .dependant { fields.append(.principalID) }
        fields += [.eligibilityReason, .effectiveDate]
        if enrollee != .dependant || family == .threeInOne { fields.append(.salary) }
        if enrollee != .dependant { fields.append(.insuredAmount) }
        return fields
    }

    /// A field's caption: for a dependant the first field is the dependant's own ID (眷屬身分證號),
    /// the insured person's comes after as 依附之被保險人身分證號.
    public func caption(_ field: Field) -> Text {
        field == .id && enrollee == .dependant ? .filing(.dependantIDCaption) : .filing(.caption(field))
    }

    /// Whether the three-in-one labour fields are shown.
    public var showsLabourFields: Bool { family == .threeInOne && enrollee != .dependant }

    /// The text of `field`.
    public subscript(field: Field) -> String {
        get {
            switch field {
            case .id: idText
            case .name: nameText
            case .birthDate: birthDateText
            case .principalID: principalText
            case .eligibilityReason: eligibilityReasonText
            case .effectiveDate: effectiveDateText
            case .salary: salaryText
            case .insuredAmount: amountText
            }
        }
        set {
            switch field {
            case .id: idText = newValue
            case .name: nameText = newValue
            case .birthDate: birthDateText = newValue
            case .principalID: principalText = newValue
            case .eligibilityReason: eligibilityReasonText = newValue
            case .effectiveDate: effectiveDateText = newValue
            case .salary: salaryText = newValue
            case .insuredAmount: amountText = newValue
            }
        }
    }

    /// The error to show under `field`: the parser's as it is typed, "required" after a
    /// submit, or the service's refusal naming the field.
    public func error(_ field: Field) -> PresentableError? {
        if let serviceFieldError, serviceFieldError.field == field { return serviceFieldError.error }
        let required = fields.contains(field) && field != .salary || (field == .salary && family == .threeInOne)
        let caption = caption(field)
        switch field {
        case .id: return id.shownError(required: required, attempted: attempted, caption: caption)
        case .name: return name.shownError(required: required, attempted: attempted, caption: caption)
        case .birthDate: return birthDate.shownError(required: required, attempted: attempted, caption: caption)
        case .principalID: return principal.shownError(required: required, attempted: attempted, caption: caption)
        case .eligibilityReason:
            return eligibilityReason.isEmpty && attempted ? Parsed<String>.empty.shownError(required: true, attempted: true, caption: caption) : nil
        case .effectiveDate: return effectiveDate.shownError(required: required, attempted: attempted, caption: caption)
        case .salary: return salary.shownError(required: required, attempted: attempted, caption: caption)
        case .insuredAmount: return amount.shownError(required: required, attempted: attempted, caption: caption)
        }
    }

    /// Facts decoded from a valid ID (sex, region), shown under the field.
    public func hint(_ field: Field, _ language: Language) -> String? {
        switch field {
        case .id: idHint(idText, language)
        case .principalID: idHint(principalText, language)
        default: nil
        }
    }

    /// Replaces the amount with the one the rules propose for the salary (重載投保金額).
    public func reloadAmount() {
        guard let proposed = preview?.proposedAmount else { return }
        amountText = proposed.display
        lastProposed = amountText
    }

    private func followSalary() {
        // The amount follows the salary until someone types a different one.
        guard amountText.isEmpty || amountText == lastProposed, let proposed = preview?.proposedAmount else { return }
        amountText = proposed.display
        lastProposed = amountText
    }

    // MARK: Preview

    /// The grade and premium preview (nil for a dependant, whose amount is the principal's,
    /// or before the effective date is valid).
    public var preview: AmountPreview? {
        guard enrollee != .dependant, let tables = context.tables, let date = effectiveDate.value else { return nil }
        guard salary.value != nil || amount.value != nil else { return nil }
        return AmountPreview(.init(effectiveDate: date, category: category, salary: salary.value, amount: amount.value,
                                   hasPaidStaff: hasPaidStaff, labourInsuranceSalary: showsLabourFields ? labour.labourSalary.value : nil,
                                   pensionWage: showsLabourFields ? labour.pensionWage.value : nil),
                             tables: tables)
    }

    /// Whether documents are needed: an employer below the top grade, or a foreign
    /// national who is not automatically eligible.
    public var needsDocuments: Bool {
        (preview?.needsProof ?? false) || (enrollee == .foreignNational && !foreignerAutomaticallyEligible)
    }

    // MARK: Filing

    /// The request the form makes, or nil while a field is missing or invalid.
    public var request: EnrolmentRequest? {
        guard let id = id.value, let name = name.value, let birth = birthDate.value, let effective = effectiveDate.value,
              !eligibilityReason.isEmpty else { return nil }
        let role: InsuredRole
        switch enrollee {
        case .insured: role = .insured
        case .foreignNational: role = .foreignNational
        case .dependant:
            guard let principal = principal.value else { return nil }
            role = .dependant(of: principal, relation: relation)
        }
        var labourSide: LabourSide?
        if showsLabourFields {
            guard let side = labour.labourSide(monthlySalary: salary.value) else { return nil }
            labourSide = side
        }
        let insuredAmount: Money
        if enrollee == .dependant {
            insuredAmount = .zero  // the service uses the principal's amount
        } else {
            guard let amount = amount.value else { return nil }
            insuredAmount = amount
        }
        if !salary.isEmpty && salary.value == nil { return nil }
        return EnrolmentRequest(family: family, role: role, personID: id, name: name, birthDate: birth, indigenous: indigenous,
                                category: enrollee == .dependant ? .employee : category, eligibilityReason: eligibilityReason,
                                effectiveDate: effective, insuredAmount: insuredAmount, hasPaidStaff: hasPaidStaff,
                                foreignerAutomaticallyEligible: foreignerAutomaticallyEligible, labour: labourSide,
                                attachments: attachments.documents)
    }

    /// Files the enrolment when every field is valid.
    public func submit() async {
        await file(request) { workflows, request in try await workflows.enrol(request) }
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
        var lines: [FilingReview.Line] = [
            .init(label: .reviewPerson, value: .value("\(request.name.value) \(request.personID.masked)")),
            .init(label: .reviewWhat, value: .reviewFiling(.enrolment, request.family)),
            .init(label: .reviewEffective, value: .date(request.effectiveDate)),
        ]
        if case .dependant(let principal, _) = request.role {
            lines.append(.init(label: .reviewPrincipal, value: .value(principal.masked)))
        } else {
            lines.append(.init(label: .reviewAmount, value: .money(request.insuredAmount)))
            if let grade = preview?.verdict?.grade?.number { lines.append(.init(label: .reviewGrade, value: .grade(grade))) }
        }
        return FilingReview(kind: .enrolment, lines: lines, people: [])
    }

    /// Whether something was typed that leaving would lose (Back and Esc ask first).
    public var hasUnsavedInput: Bool {
        status.result == nil && ![idText, nameText, birthDateText, principalText, salaryText, amountText].allSatisfy(\.isEmpty)
    }

    /// Which field a service refusal is about, to show it there too.
    static func field(for code: String) -> Field? {
        switch code {
        case ServiceError.Code.filingInsuredAmount.rawValue: .insuredAmount
        case ServiceError.Code.filingPrincipalNotInsured.rawValue: .principalID
        case ServiceError.Code.filingAlreadyInsuredHere.rawValue, ServiceError.Code.filingDuplicatePending.rawValue,
             ServiceError.Code.filingForeignerNeedsResidentID.rawValue: .id
        default: nil
        }
    }

    /// Starts an enrolment of the person whose card is in the reader: the ID, name and date
    /// of birth as the card has them (the staff checks and completes the rest).
    public func prefill(from card: VisitorCard) {
        startOver()
        idText = card.id.rawValue
        nameText = card.name
        birthDateText = card.birthDate.rocCompact
    }

    /// Starts a new enrolment: clears the form (the effective date goes back to today).
    public func startOver() {
        _ = generation.next()
        family = .nhiOnly
        enrollee = .insured
        idText = ""
        nameText = ""
        birthDateText = ""
        principalText = ""
        relation = .spouse
        indigenous = false
        category = .employee
        hasPaidStaff = true
        foreignerAutomaticallyEligible = true
        eligibilityReasonText = Self.defaultEligibilityReason
        effectiveDateText = context.today.rocCompact
        lastProposed = nil
        salaryText = ""
        amountText = ""
        labour = LabourFields()
        attachments.clear()
        attempted = false
        serviceFieldError = nil
        review = nil
        status = .idle
    }

    // MARK: FlowModel

    public var screen: Screen { .enrol }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() { startOver() }
    public func screenOpened() {
        Task { await attachments.shelf.refresh() }
        if effectiveDateText.isEmpty { effectiveDateText = context.today.rocCompact }
    }
    public var automationStatus: String { status.automationValue }
}

import Foundation
import NHICore
import NHIService
import Observation

/// 單位管理者登錄作業 for administrators (`UnitAction.administer`): the unit's
/// administrators and operators as the service lists them, assigning one, and deleting one
/// after an alert — every step through `NHIService.staff`, which applies the rules
/// (who may assign, NHI cards must be registered, certificates need their serial).
@Observable
@MainActor
public final class StaffManagementModel: FlowModel, WorkflowCalling {
    /// The assignment form's text fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, name, certificateSerial, landline, mobile, email
    }

    /// How the assignee will sign in (the two a person can present at the counter).
    public enum Credential: String, Sendable, Hashable, CaseIterable {
        case nhiCard, citizen
        var kind: CertificateKind { self == .nhiCard ? .nhiCard : .citizen }
    }

    public private(set) var members: [StaffMember] = []
    public private(set) var listStatus: FlowStatus<Int> = .idle

    public var idText = ""
    public var nameText = ""
    public var role: StaffRole = .operator
    public var credential: Credential = .nhiCard
    public var serialText = ""
    public var landlineText = ""
    public var mobileText = ""
    public var emailText = ""
    /// 允許使用所有加退保業務功能 (operators).
    public var mayUseAllEnrolmentFunctions = false
    public private(set) var attempted = false
    public private(set) var assignStatus: FlowStatus<StaffMember> = .idle

    /// The member a delete is asked about (the alert is up while this is set).
    public private(set) var pendingDelete: StaffMember?
    public private(set) var deleteStatus: FlowStatus<StaffMember> = .idle

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    // MARK: List

    /// Loads the unit's current staff.
    public func load() async {
        _ = generation.next()
        let list = await call({ (status: FlowStatus<[StaffMember]>) in
            listStatus = status.map(\.count)
        }) { try await $0.staff() }
        if let list { members = list }
    }

    /// One member as the list shows them: `陳志明 A11357****　管理者　健保卡`.
    public func line(_ member: StaffMember, _ language: Language) -> String {
        let role = language == .english ? member.role.labelEn : member.role.label
        let how = Text.staff(.credential(member.credential)).localized(language)
        var text = "\(member.name.value) \(member.personID.masked)　\(role)　\(how)"
        if member.role == .operator, member.mayUseAllEnrolmentFunctions {
            text += "　" + Text.staff(.mayFile).localized(language)
        }
        return text
    }

    /// Whether `member` is the person signed in (they cannot delete themselves here).
    public func isSelf(_ member: StaffMember) -> Bool {
        guard let session = context.session() else { return false }
        return member.personID.masked == session.maskedID && member.name.value == session.name
    }

    // MARK: Assign

    public var id: Parsed<PersonalID> { FieldParser.personalID(idText) }
    public var name: Parsed<PersonName> { FieldParser.name(nameText) }
    public var landline: Parsed<LandlineNumber> { FieldParser.landline(landlineText) }
    public var mobile: Parsed<MobileNumber> { FieldParser.mobile(mobileText) }
    public var email: Parsed<EmailAddress> { FieldParser.email(emailText) }

    /// The fields shown (the serial only for a certificate).
    public var fields: [Field] {
        Field.allCases.filter { $0 != .certificateSerial || credential == .citizen }
    }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .id: idText
            case .name: nameText
            case .certificateSerial: serialText
            case .landline: landlineText
            case .mobile: mobileText
            case .email: emailText
            }
        }
        set {
            switch field {
            case .id: idText = newValue
            case .name: nameText = newValue
            case .certificateSerial: serialText = newValue
            case .landline: landlineText = newValue
            case .mobile: mobileText = newValue
            case .email: emailText = newValue
            }
        }
    }

    /// The error under `field`: the parser's, "required" after an attempt, or the service's.
    public func error(_ field: Field) -> PresentableError? {
        let caption = Text.staff(.caption(field))
        switch field {
        case .id: return id.shownError(required: true, attempted: attempted, caption: caption)
        case .name: return name.shownError(required: true, attempted: attempted, caption: caption)
        case .certificateSerial:
            guard attempted, credential == .citizen, serialText.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return Parsed<String>.empty.shownError(required: true, attempted: true, caption: caption)
        case .landline: return landline.shownError(required: false, attempted: attempted, caption: caption) ?? phonesMissing
        case .mobile: return mobile.shownError(required: false, attempted: attempted, caption: caption)
        case .email: return email.shownError(required: true, attempted: attempted, caption: caption)
        }
    }

    private var phonesMissing: PresentableError? {
        guard attempted, landlineText.isEmpty, mobileText.isEmpty else { return nil }
        do { _ = try ContactPhones(landline: nil, mobile: nil) } catch { return PresentableError(error) }
        return nil
    }

    /// The assignment the form makes, or nil while a field is missing or invalid.
    public var assignment: StaffAssignment? {
        guard let id = id.value, let name = name.value, let email = email.value else { return nil }
        if !landlineText.isEmpty && landline.value == nil || !mobileText.isEmpty && mobile.value == nil { return nil }
        guard let phones = try? ContactPhones(landline: landline.value, mobile: mobile.value) else { return nil }
        let serial = serialText.trimmingCharacters(in: .whitespaces)
        if credential == .citizen && serial.isEmpty { return nil }
        return StaffAssignment(personID: id, name: name, role: role, credential: credential.kind,
                               certificateSerial: credential == .citizen ? serial : nil, phones: phones, email: email,
                               mayUseAllEnrolmentFunctions: role == .administrator || mayUseAllEnrolmentFunctions)
    }

    /// Assigns the person; the list reloads on success.
    public func assign() async {
        guard !assignStatus.isWorking else { return }
        attempted = true
        guard let assignment else { return }
        _ = generation.next()
        guard await call({ assignStatus = $0 }, { try await $0.assignStaff(assignment) }) != nil else { return }
        clearForm()
        await load()
    }

    private func clearForm() {
        idText = ""
        nameText = ""
        serialText = ""
        landlineText = ""
        mobileText = ""
        emailText = ""
        role = .operator
        credential = .nhiCard
        mayUseAllEnrolmentFunctions = false
        attempted = false
    }

    // MARK: Delete

    /// 刪除: asks first (the view shows the alert while ``pendingDelete`` is set).
    public func requestDelete(_ member: StaffMember) {
        guard members.contains(member) else { return }
        pendingDelete = member
    }

    /// The alert was answered 取消.
    public func cancelDelete() { pendingDelete = nil }

    /// The alert was answered 刪除: the service deletes the assignment.
    public func confirmDelete() async {
        guard let member = pendingDelete, !deleteStatus.isWorking else { return }
        pendingDelete = nil
        _ = generation.next()
        let id = member.id
        let deleted = await call({ deleteStatus = $0 }) { workflows -> StaffMember in
            try await workflows.deleteStaff(id)
            return member
        }
        if deleted != nil { await load() }
    }

    // MARK: FlowModel

    public var screen: Screen { .staff }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        members = []
        listStatus = .idle
        clearForm()
        assignStatus = .idle
        pendingDelete = nil
        deleteStatus = .idle
    }
    public func screenOpened() { Task { await load() } }
    public var automationStatus: String {
        if deleteStatus != .idle { return "delete:\(deleteStatus.automationValue)" }
        if assignStatus != .idle { return "assign:\(assignStatus.automationValue)" }
        return "list:\(listStatus.automationValue)"
    }
    public var hasUnsavedInput: Bool { ![idText, nameText, serialText, landlineText, mobileText, emailText].allSatisfy(\.isEmpty) }
}

import Foundation
import NHICore
import NHIService
import Observation

/// 投保狀態查詢及投保證明 for someone who is not at the counter: the ID typed by staff, the
/// status and the proof from `NHIService.insurance` asked as the signed-in staff member —
/// the service decides whom that staff may see (people insured with their unit).
@Observable
@MainActor
public final class InsuranceLookupModel: FlowModel, WorkflowCalling {
    public var idText = ""
    /// 查詢日期 (ROC, empty: today).
    public var dateText = ""
    public private(set) var attempted = false
    public private(set) var status: FlowStatus<InsuranceStatus> = .idle
    public private(set) var proof: FlowStatus<ProofOfInsurance> = .idle
    /// What happened to the last print job (the GTK layer prints and reports back).
    public private(set) var printResult: VisitorServicesModel.PrintResult?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext) {
        self.context = context
    }

    public var id: Parsed<PersonalID> { FieldParser.personalID(idText) }
    public var date: Parsed<CalendarDate> { FieldParser.rocDate(dateText) }

    public var idError: PresentableError? {
        id.shownError(required: true, attempted: attempted, caption: .insurance(.idCaption))
    }
    public var dateError: PresentableError? {
        date.shownError(required: false, attempted: attempted, caption: .insurance(.dateCaption))
    }

    /// 查詢: the person's status on the date.
    public func lookUp() async {
        attempted = true
        guard !status.isWorking, let person = id.value, dateText.isEmpty || date.value != nil else { return }
        let day = date.value
        _ = generation.next()
        proof = .idle
        printResult = nil
        _ = await call({ status = $0 }) { try await $0.insuranceStatus(of: person, on: day) }
    }

    /// 開立投保證明 for the person looked up (recorded in the service's audit log).
    @discardableResult
    public func issueProof() async -> ProofOfInsurance? {
        guard let person = status.result?.personID, !proof.isWorking else { return nil }
        return await call({ proof = $0 }) { try await $0.proofOfInsurance(of: person) }
    }

    /// The GTK layer reports how printing went.
    public func recordPrint(_ result: VisitorServicesModel.PrintResult) { printResult = result }

    /// The status as the screen lists it (IDs masked).
    public func statusLines(_ language: Language) -> [String] {
        guard let result = status.result else { return [] }
        var lines = ["\(result.name ?? "—") \(result.personID.masked)"]
        if result.coverage.isEmpty { lines.append(Text.visitor(.notInsured).localized(language)) }
        lines += result.coverage.map { Text.visitor(.coverageLine($0)).localized(language) }
        return lines
    }

    public var screen: Screen { .insuranceLookup }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        idText = ""
        dateText = ""
        attempted = false
        status = .idle
        proof = .idle
        printResult = nil
    }
    public func screenOpened() {}
    public var automationStatus: String { "status:\(status.automationValue) proof:\(proof.automationValue)" }
    public var hasUnsavedInput: Bool { !idText.isEmpty && status.result == nil }
}

/// A proof of insurance laid out as a document (title, reference, the person, the coverage
/// table, the dependants), built from the service's proof — nothing added. On paper the
/// person's own ID is printed whole (it is their certificate); on screen it is masked, and
/// dependants' IDs are masked everywhere.
public struct ProofLayout: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        case title(String)
        case subtitle(String)
        case field(label: String, value: String)
        case heading(String)
        /// A table row (the first row of a table is its header).
        case row([String], header: Bool)
        case note(String)
    }

    public let blocks: [Block]

    public init(_ proof: ProofOfInsurance, language: Language, onScreen: Bool) {
        let t = { (text: InsuranceText) in Text.insurance(text).localized(language) }
        let status = proof.status
        let date = { (day: CalendarDate) in day.display(language) }
        var blocks: [Block] = [
            .title(t(.proofTitle)),
            .subtitle(t(.proofReference(proof.reference, issued: date(CalendarDate.today(at: proof.issuedAt))))),
            .field(label: t(.name), value: status.name ?? "—"),
            .field(label: t(.idCaption), value: onScreen ? status.personID.masked : status.personID.rawValue),
            .field(label: t(.asOf), value: date(status.asOf)),
            .heading(t(.coverageHeading)),
        ]
        if status.coverage.isEmpty {
            blocks.append(.note(Text.visitor(.notInsured).localized(language)))
        } else {
            blocks.append(.row([t(.columnUnit), t(.columnRole), t(.columnStart)], header: true))
            for line in status.coverage {
                let role = line.relation.map { Text.form(.relation($0)).localized(language) }
                    ?? (line.role == "本人" ? t(.insuredSelf) : t(.dependant))
                blocks.append(.row(["\(line.unitName ?? "") \(line.unitCode.rawValue)", role, date(line.startDate)], header: false))
            }
        }
        if !status.dependants.isEmpty {
            blocks.append(.heading(t(.dependantsHeading)))
            blocks.append(.row([t(.name), t(.idCaption), t(.columnRole)], header: true))
            for dependant in status.dependants {
                let relation = dependant.relation.map { Text.form(.relation($0)).localized(language) } ?? ""
                blocks.append(.row([dependant.name ?? "—", dependant.personID.masked, relation], header: false))
            }
        }
        self.blocks = blocks
    }

    /// Every block as one line of text (screen readers, tests).
    public var text: [String] {
        blocks.map {
            switch $0 {
            case .title(let s), .subtitle(let s), .heading(let s), .note(let s): s
            case .field(let label, let value): "\(label)：\(value)"
            case .row(let cells, _): cells.joined(separator: "　")
            }
        }
    }
}

import Foundation
import NHICore
import NHIFormats
import NHIService
import Observation

/// 補充保險費明細申報 (DPR): a DPR file picked from the exchange folder is checked as the
/// service checks it (fields, totals, each premium recomputed by the rules in force) without
/// storing anything; a valid file is imported after a confirmation — the same details never
/// twice — and becomes the payer's supplementary-premium slip of each payment month, printed
/// from 保險費帳單及繳款單. Through `NHIService.supplementary` on this counter's service.
@Observable
@MainActor
public final class DPRFilingModel: FlowModel {
    public let shelf: FileShelf
    public private(set) var file: (name: String, bytes: [UInt8])?
    public private(set) var check: FlowStatus<DPRCheckOutcome> = .idle
    public private(set) var importStatus: FlowStatus<DPRImportResult> = .idle
    public private(set) var askingImport = false

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored private var generation = RequestGeneration()

    public init(context: FlowContext, folder: String?) {
        self.context = context
        shelf = FileShelf(folder: folder, extensions: ["csv", "txt", "dpr"])
    }

    public var fileName: String? { file?.name }

    public func choose(_ shelfFile: ShelfFile) async {
        do { await checkFile(name: shelfFile.name, bytes: try await shelf.read(shelfFile)) } catch {
            file = nil
            check = .failed(PresentableError(error))
        }
    }

    public func choose(path: String) async {
        switch await Task.detached(operation: { FileShelf.readBounded(path) }).value {
        case .success(let bytes): await checkFile(name: (path as NSString).lastPathComponent, bytes: bytes)
        case .failure(let error):
            file = nil
            check = .failed(PresentableError(error))
        }
    }

    private func checkFile(name: String, bytes: [UInt8]) async {
        file = (name, bytes)
        importStatus = .idle
        askingImport = false
        let service: KioskService, caller: Caller
        do { (service, caller, _) = try context.staffCaller() } catch {
            check = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        check = .working
        do {
            let outcome = try await service.run { try $0.supplementary.checkDPR(.bytes(bytes, name: name), by: caller) }
            guard generation.isCurrent(attempt) else { return }
            check = .succeeded(outcome)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            check = .failed(PresentableError(error))
        }
    }

    /// The check's errors and warnings as the screen lists them (row, field, rule).
    public func issueLines(_ language: Language) -> [(text: String, isError: Bool)] {
        guard let report = check.result?.report else { return [] }
        return report.errors.map { (Text.dpr(.issue($0)).localized(language), true) } + report.warnings.map { (Text.dpr(.issue($0)).localized(language), false) }
    }

    /// Whether the checked file can be imported.
    public var canImport: Bool { check.result?.isValid == true && importStatus.result == nil && !importStatus.isWorking }

    public func requestImport() {
        guard canImport else { return }
        askingImport = true
    }
    public func dismissImport() { askingImport = false }

    public func confirmImport() async {
        guard askingImport, let file, canImport else { return }
        askingImport = false
        let service: KioskService, caller: Caller
        do { (service, caller, _) = try context.staffCaller() } catch {
            importStatus = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        importStatus = .working
        do {
            let result = try await service.run { try $0.supplementary.importDPR(.bytes(file.bytes, name: file.name), by: caller) }
            guard generation.isCurrent(attempt) else { return }
            importStatus = .succeeded(result)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            importStatus = .failed(PresentableError(error))
        }
    }

    public var hasUnsavedInput: Bool { file != nil && importStatus.result == nil }

    public var screen: Screen { .dpr }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        file = nil
        check = .idle
        importStatus = .idle
        askingImport = false
    }
    public func screenOpened() { Task { await shelf.refresh() } }
    public var automationStatus: String { "check:\(check.automationValue) import:\(importStatus.automationValue)" }
}

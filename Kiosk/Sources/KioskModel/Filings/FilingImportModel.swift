import Foundation
import NHICore
import NHIService
import Observation

/// 批次申報 and 申報資料套印: a filing file (`FilingImportCSV`) picked from the counter's
/// exchange folder, checked row by row (第N筆, the header not counted) without storing
/// anything, imported after a confirmation — all rows or none, the same file never twice —
/// and the filed data of a range of filing dates, listed and printed. Through the session's
/// `UnitWorkflows`.
@Observable
@MainActor
public final class FilingImportModel: FlowModel, WorkflowCalling {
    /// The exchange folder's CSV files.
    public let shelf: FileShelf
    /// The file picked: its name and bytes (kept only while the screen is open).
    public private(set) var file: (name: String, bytes: [UInt8])?
    public private(set) var check: FlowStatus<[FilingImportRejection]> = .idle
    public private(set) var importStatus: FlowStatus<FilingImportResult> = .idle
    /// 匯入 was pressed on a clean file: the confirmation is up.
    public private(set) var askingImport = false

    public var fromText = ""
    public var throughText = ""
    public private(set) var attemptedListing = false
    public private(set) var listing: FlowStatus<[Filing]> = .idle
    public private(set) var printResult: VisitorServicesModel.PrintResult?

    @ObservationIgnored let context: FlowContext
    @ObservationIgnored var generation = RequestGeneration()

    public init(context: FlowContext, folder: String?) {
        self.context = context
        shelf = FileShelf(folder: folder, extensions: ["csv", "txt"])
    }

    public var fileName: String? { file?.name }

    /// Picks a file from the shelf: reads it and checks it.
    public func choose(_ shelfFile: ShelfFile) async {
        do {
            let bytes = try await shelf.read(shelfFile)
            await checkFile(name: shelfFile.name, bytes: bytes)
        } catch {
            file = nil
            check = .failed(PresentableError(error))
        }
    }

    /// Picks a file by path (the desktop's file chooser): read without following a link, at most 5 MB.
    public func choose(path: String) async {
        let result = await Task.detached { FileShelf.readBounded(path) }.value
        switch result {
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
        _ = generation.next()
        _ = await call({ check = $0 }) { try await $0.checkFilingImport(bytes) }
    }

    /// How many filings the checked file holds (its data lines).
    public var rowCount: Int? {
        guard let file, check.result != nil else { return nil }
        return (try? FilingImportCSV.parse(String(decoding: file.bytes, as: UTF8.self)))?.count
    }

    /// Whether the file can be imported: checked, no row refused, not imported yet.
    public var canImport: Bool { check.result?.isEmpty == true && importStatus.result == nil && !importStatus.isWorking }

    /// A refused row as the screen shows it: 第N筆, the rule in words (the NHI's number when it has one).
    public func line(_ rejection: FilingImportRejection, _ language: Language) -> String {
        Text.filingImport(.rejection(rejection)).localized(language)
    }

    /// 匯入: asks first (it files every row).
    public func requestImport() {
        guard canImport else { return }
        askingImport = true
    }
    public func dismissImport() { askingImport = false }

    /// The confirmation was answered 匯入.
    public func confirmImport() async {
        guard askingImport, let file, canImport else { return }
        askingImport = false
        _ = generation.next()
        _ = await call({ importStatus = $0 }) { try await $0.importFilings(file.bytes, fileName: file.name) }
    }

    public var from: Parsed<CalendarDate> { FieldParser.rocDate(fromText) }
    public var through: Parsed<CalendarDate> { FieldParser.rocDate(throughText) }
    public var fromError: PresentableError? { from.shownError(required: true, attempted: attemptedListing, caption: .filingImport(.from)) }
    public var throughError: PresentableError? { through.shownError(required: true, attempted: attemptedListing, caption: .filingImport(.through)) }

    /// 查詢 the filed data of the range.
    public func loadListing() async {
        attemptedListing = true
        guard let from = from.value, let through = through.value, !listing.isWorking else { return }
        guard from <= through else {
            listing = .failed(PresentableError(KioskError(.rangeReversed)))
            return
        }
        _ = await call({ listing = $0 }) { try await $0.filingListing(from: from, through: through) }
    }

    /// A filed row as the screen shows it (IDs masked).
    public func line(_ filing: Filing, _ language: Language) -> String { Text.filingImport(.listingLine(filing, masked: true)).localized(language) }

    /// 申報資料套印表格 for printing: the columns the NHI's listing has (change, family, filing
    /// date, role, IDs, name, birth date, reason, amounts, effective date), IDs whole on paper.
    public func printLines(_ filings: [Filing], _ language: Language) -> [(text: String, heading: Bool)] {
        var lines: [(text: String, heading: Bool)] = [(Text.filingImport(.listingTitle).localized(language), true)]
        if let from = from.value, let through = through.value {
            lines.append((Text.filingImport(.listingRange(from: from, through: through, unit: context.session()?.unitCode.rawValue ?? "")).localized(language), false))
        }
        lines += filings.map { (Text.filingImport(.listingLine($0, masked: false)).localized(language), false) }
        lines.append((Text.filingImport(.listingCount(filings.count)).localized(language), true))
        return lines
    }

    public func recordPrint(_ result: VisitorServicesModel.PrintResult) { printResult = result }

    public var hasUnsavedInput: Bool { file != nil && importStatus.result == nil }

    public var screen: Screen { .filingImport }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        file = nil
        check = .idle
        importStatus = .idle
        askingImport = false
        fromText = ""
        throughText = ""
        attemptedListing = false
        listing = .idle
        printResult = nil
    }
    public func screenOpened() {
        let today = context.today
        if fromText.isEmpty { fromText = today.adding(days: -30).rocCompact }
        if throughText.isEmpty { throughText = today.rocCompact }
        Task { await shelf.refresh() }
    }
    public var automationStatus: String {
        "check:\(check.automationValue) import:\(importStatus.automationValue) listing:\(listing.automationValue)"
    }
}

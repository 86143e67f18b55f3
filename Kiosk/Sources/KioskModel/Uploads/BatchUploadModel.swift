import Foundation
import NHICore
import NHIService
import Observation

/// Batch NHI-card registration upload (健保卡註冊申請整批資料上傳): choose a file → the
/// check report (rows with their errors and suggested fixes, from NHIFormats) → submit as
/// one job of the unit → the result log.
@Observable
@MainActor
public final class BatchUploadModel: FlowModel {
    /// The chosen file's path.
    public private(set) var filePath: String?
    public private(set) var check: FlowStatus<BatchCheckReport> = .idle
    public private(set) var submission: FlowStatus<BatchUploadRecord> = .idle

    @ObservationIgnored private let context: FlowContext
    @ObservationIgnored private let backend: (any BatchRegistrationBackend)?
    @ObservationIgnored private var generation = RequestGeneration()

    /// The exchange folder's `.csv`/`.txt` files (`--files DIR`): in kiosk mode the only way
    /// to choose the upload.
    public let shelf: FileShelf

    public init(context: FlowContext, backend: (any BatchRegistrationBackend)?) {
        self.context = context
        self.backend = backend
        shelf = FileShelf(folder: context.filesFolder, extensions: ["csv", "txt"])
    }

    /// Checks a file the shelf offers (a regular file in the exchange folder, never a link).
    public func choose(_ file: ShelfFile) async {
        guard shelf.files.contains(file) else { return }
        await choose(path: file.path)
    }

    /// Whether the upload is connected to the SDK.
    public var isAvailable: Bool { backend != nil }

    /// The chosen file's name.
    public var fileName: String? { filePath.map { ($0 as NSString).lastPathComponent } }

    /// Checks the file at `path` (nothing is stored yet).
    public func choose(path: String) async {
        guard let backend else { return }
        let session: StaffSession, caller: Caller
        do { (caller, session) = try context.sessionCaller() } catch {
            check = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        filePath = path
        submission = .idle
        check = .working
        do {
            let report = try await backend.check(fileAt: path, unit: session.unitCode, by: caller)
            guard generation.isCurrent(attempt) else { return }
            check = .succeeded(report)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            check = .failed(PresentableError(error))
        }
    }

    /// Whether the checked file can be submitted (at least one row passes).
    public var canSubmit: Bool {
        guard let report = check.result, submission.result == nil, !submission.isWorking else { return false }
        return report.validRows > 0
    }

    /// Submits the checked file as one job.
    public func submit() async {
        guard let backend, let path = filePath, canSubmit else { return }
        let caller: Caller
        do { (caller, _) = try context.sessionCaller() } catch {
            submission = .failed(PresentableError(error))
            return
        }
        let attempt = generation.next()
        submission = .working
        do {
            let record = try await backend.submit(fileAt: path, by: caller)
            guard generation.isCurrent(attempt) else { return }
            submission = .succeeded(record)
        } catch {
            guard generation.isCurrent(attempt) else { return }
            submission = .failed(PresentableError(error))
        }
    }

    public var screen: Screen { .batchUpload }
    public var isVisitorData: Bool { false }
    public func wipePersonalData() {
        _ = generation.next()
        filePath = nil
        check = .idle
        submission = .idle
    }
    public func screenOpened() { Task { await shelf.refresh() } }
    public var automationStatus: String {
        submission == .idle ? "check:\(check.automationValue)" : "submit:\(submission.automationValue)"
    }
}

import Foundation
import NHIService
import Observation

/// Proof documents attached to a filing (證明文件). Each file is checked by the SDK's
/// `UploadedDocument` rules (name ≤ 25 characters, `.jpg`/`.pdf`, ≤ 5 MB, content matching
/// the name) as it is added; the error says which rule a file broke.
@Observable
@MainActor
public final class AttachmentList {
    public private(set) var documents: [UploadedDocument] = []
    /// Why the last file could not be attached.
    public private(set) var error: PresentableError?
    /// How many documents the form takes (seed screens: 2 for a withdrawal, 3 for a salary
    /// adjustment).
    public var limit: Int

    /// What the documents are: proof (`.jpg`, `.pdf`) or a card photo (`.jpg`, `.jpeg`, `.gif`, `.png`).
    public let purpose: UploadedDocument.Purpose

    public init(limit: Int, purpose: UploadedDocument.Purpose = .proof) {
        self.limit = limit
        self.purpose = purpose
    }

    /// Whether another document may be added.
    public var canAdd: Bool { documents.count < limit }

    /// Reads and checks the file at `path` and attaches it.
    public func add(path: String) async {
        guard canAdd else { return }
        error = nil
        let name = (path as NSString).lastPathComponent
        let limit = UploadedDocument.maximumSize, purpose = purpose
        let result: Result<UploadedDocument, PresentableError> = await Task.detached { () -> Result<UploadedDocument, PresentableError> in
            // Refuse an oversized file before reading it into memory.
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
                return .failure(PresentableError(ServiceError(.attachmentSize, context: ["name": name, "bytes": "\(size)"])))
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(PresentableError(KioskError(.fileUnreadable, subject: name)))
            }
            do { return .success(try UploadedDocument(fileName: name, data: data, purpose: purpose)) } catch {
                return .failure(PresentableError(error))
            }
        }.value
        switch result {
        case .success(let document): if canAdd { documents.append(document) }
        case .failure(let failure): error = failure
        }
    }

    /// Removes the document at `index`.
    public func remove(at index: Int) {
        guard documents.indices.contains(index) else { return }
        documents.remove(at: index)
        error = nil
    }

    /// Removes every document.
    public func clear() {
        documents = []
        error = nil
    }
}

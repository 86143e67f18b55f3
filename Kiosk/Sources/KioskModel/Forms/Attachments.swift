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

    /// The exchange folder's files of the allowed kinds (`.jpg`/`.pdf`, or a photo's
    /// `.jpg`/`.jpeg`/`.gif`/`.png`): in kiosk mode the only way to attach a file.
    public let shelf: FileShelf

    /// Attachments for one filing.
    ///
    /// - Parameters:
    ///   - limit: how many files the filing takes.
    ///   - purpose: proof documents or a card photo.
    ///   - folder: the counter's exchange folder (`--files DIR`), nil for none.
    public init(limit: Int, purpose: UploadedDocument.Purpose = .proof, folder: String? = nil) {
        self.limit = limit
        self.purpose = purpose
        shelf = FileShelf(folder: folder, extensions: purpose == .cardPhoto ? ["jpg", "jpeg", "gif", "png"] : ["jpg", "pdf"])
    }

    /// Whether another document may be added.
    public var canAdd: Bool { documents.count < limit }

    /// Attaches a file the shelf offers.
    public func add(_ file: ShelfFile) async {
        guard canAdd else { return }
        error = nil
        do { attach(name: file.name, bytes: try await shelf.read(file)) } catch { self.error = Self.presentable(error, name: file.name) }
    }

    /// Reads and checks the file at `path` (a desktop's file chooser) and attaches it: not
    /// through a link, a regular file of at most 5 MB.
    public func add(path: String) async {
        guard canAdd else { return }
        error = nil
        let name = (path as NSString).lastPathComponent
        switch await Task.detached(operation: { FileShelf.readBounded(path) }).value {
        case .success(let bytes): attach(name: name, bytes: bytes)
        case .failure(let failure): error = Self.presentable(failure, name: name)
        }
    }

    /// A file too large is the SDK's attachment rule (≤ 5 MB), as for a file checked in full.
    private static func presentable(_ error: KioskError, name: String) -> PresentableError {
        error.code == .fileTooLarge ? PresentableError(ServiceError(.attachmentSize, context: ["name": name])) : PresentableError(error)
    }

    /// Checks the bytes by the SDK's rules (name, kind, size, content) and attaches them.
    private func attach(name: String, bytes: [UInt8]) {
        do {
            let document = try UploadedDocument(fileName: name, data: Data(bytes), purpose: purpose)
            if canAdd { documents.append(document) }
        } catch {
            self.error = PresentableError(error)
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

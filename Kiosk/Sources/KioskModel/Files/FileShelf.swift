import Foundation
import NHICore
import NHIFormats
import Observation
#if canImport(Glibc)
import Glibc
#endif

/// A file the shelf offers.
public struct ShelfFile: Sendable, Hashable {
    /// The file's name in the shelf's folder (never a path the visitor typed).
    public let name: String
    public let path: String
    public let size: Int
    public let modified: Date
}

/// The kiosk's own file picker: the files of one folder (`--files DIR`, the counter's
/// exchange folder) with the wanted extensions — regular files only, no symbolic link
/// followed, nothing outside the folder. In kiosk mode it is the only way to pick a file
/// (GTK's file chooser would offer Home and Other Locations); on a desktop it sits beside
/// the chooser.
@Observable
@MainActor
public final class FileShelf {
    /// The folder shown (nil: none configured).
    public let folder: String?
    /// The extensions offered, lower case, without the dot (`csv`, `txt`).
    public let extensions: Set<String>
    public private(set) var files: [ShelfFile] = []
    public private(set) var status: FlowStatus<Int> = .idle

    /// The largest file the shelf reads (the NHI's upload limit is 5 MB).
    nonisolated public static let maximumSize = 5 * 1024 * 1024

    public init(folder: String?, extensions: Set<String>) {
        self.folder = folder
        self.extensions = extensions
    }

    /// Lists the folder again (newest first).
    public func refresh() async {
        guard let folder else {
            files = []
            status = .idle
            return
        }
        status = .working
        let extensions = extensions
        let listed = await Task.detached { Self.list(folder, extensions: extensions) }.value
        switch listed {
        case .success(let found):
            files = found
            status = .succeeded(found.count)
        case .failure(let error):
            files = []
            status = .failed(PresentableError(error))
        }
    }

    nonisolated static func list(_ folder: String, extensions: Set<String>) -> Result<[ShelfFile], KioskError> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return .failure(KioskError(.directoryMissing, subject: "--files", input: folder))
        }
        var found: [ShelfFile] = []
        for name in names where !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased()) {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }  // links and folders are not offered
            found.append(ShelfFile(name: name, path: path, size: Int(info.st_size),
                                   modified: Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))))
        }
        return .success(found.sorted { ($0.modified, $0.name) > ($1.modified, $1.name) })
    }

    /// Reads a file the shelf offered: not through a link, a regular file, at most
    /// ``maximumSize`` bytes; off the main thread.
    public func read(_ file: ShelfFile) async throws(KioskError) -> [UInt8] {
        guard files.contains(file) else { throw KioskError(.fileUnreadable, subject: file.name) }
        let result = await Task.detached { Self.readBounded(file.path) }.value
        switch result {
        case .success(let bytes): return bytes
        case .failure(let error): throw error
        }
    }

    /// Reads `path` without following a link, refusing anything but a regular file of at most ``maximumSize`` bytes.
    nonisolated public static func readBounded(_ path: String) -> Result<[UInt8], KioskError> {
        let name = (path as NSString).lastPathComponent
        do {
            return .success(try SafeFile.read(path, maximumSize: maximumSize))
        } catch where error.code == .fileTooLarge {
            return .failure(KioskError(.fileTooLarge, subject: name))
        } catch {
            return .failure(KioskError(.fileUnreadable, subject: name))
        }
    }
}

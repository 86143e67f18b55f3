import Crypto
import Foundation
import NHICore

/// A document uploaded with a filing or an application (證明文件, card photo).
///
/// The rules (SPEC §4, §7): the file name is at most 25 characters; filings accept `.jpg`
/// and `.pdf`, card photos `.jpg`, `.jpeg`, `.gif`, `.png`; at most 5 MB each. The content
/// must really be of the type its name says (magic bytes are checked), so a renamed file is
/// caught at the counter rather than rejected by the NHI later.
public struct UploadedDocument: Sendable, Hashable, Codable {
    /// What an attachment is for, which decides the accepted types.
    public enum Purpose: String, Sendable, Hashable, Codable {
        /// Proof documents of a filing: `.jpg`, `.pdf`.
        case proof
        /// An NHI card photo: `.jpg`, `.jpeg`, `.gif`, `.png`.
        case cardPhoto

        var allowedExtensions: Set<String> {
            switch self {
            case .proof: ["jpg", "pdf"]
            case .cardPhoto: ["jpg", "jpeg", "gif", "png"]
            }
        }
    }

    /// 25: the longest file name, in characters, an attachment may have (`attachment.nameTooLong`).
    public static let maximumNameLength = 25
    /// 5 MB (5 × 1024 × 1024 bytes): the largest attachment (`attachment.size`).
    public static let maximumSize = 5 * 1024 * 1024

    /// The file name as uploaded, at most 25 characters.
    public let fileName: String
    /// Proof document of a filing or NHI card photo, which decides the accepted types.
    public let purpose: Purpose
    /// The file's content.
    public let data: Data
    /// SHA-256 of the content, hex.
    public let sha256: String

    /// Checks the name, type and size.
    public init(fileName: String, data: Data, purpose: Purpose) throws(ServiceError) {
        guard !fileName.isEmpty, fileName.count <= Self.maximumNameLength else {
            throw ServiceError(.attachmentNameTooLong, context: ["name": String(fileName.prefix(40))])
        }
        _ = try TextRule.fileName.checked(fileName)
        let ext = (fileName as NSString).pathExtension.lowercased()
        guard purpose.allowedExtensions.contains(ext) else {
            throw ServiceError(.attachmentType, context: ["name": fileName, "allowed": purpose.allowedExtensions.sorted().joined(separator: ",")])
        }
        guard !data.isEmpty, data.count <= Self.maximumSize else {
            throw ServiceError(.attachmentSize, context: ["name": fileName, "bytes": "\(data.count)"])
        }
        guard Self.contentMatches(ext, data) else { throw ServiceError(.attachmentContent, context: ["name": fileName]) }
        self.fileName = fileName
        self.purpose = purpose
        self.data = data
        self.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func contentMatches(_ ext: String, _ data: Data) -> Bool {
        let b = [UInt8](data.prefix(8))
        switch ext {
        case "jpg", "jpeg": return b.starts(with: [0xFF, 0xD8, 0xFF])
        case "png": return b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "gif": return b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8))
        case "pdf": return b.starts(with: Array("%PDF-".utf8))
        default: return false
        }
    }
}

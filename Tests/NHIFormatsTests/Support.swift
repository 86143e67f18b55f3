import Foundation
import Testing
@testable import NHIFormats

/// The committed test vectors (Tests/NHIFormatsTests/Vectors, made by generate.py).
enum Vectors {
    static let root: URL = Bundle.module.url(forResource: "Vectors", withExtension: nil)!

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent(relative))) }

    /// expected.json: what each vector contains, written by hand in generate.py.
    static var expected: [String: [String: Any]] {
        let data = try! Data(contentsOf: root.appendingPathComponent("expected.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: [String: Any]]
    }
}

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "nhi-formats-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Reads every record of `bytes`.
func records(_ bytes: [UInt8], encoding: TextEncoding? = nil, dialect: CSVDialect = .excel, chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
    let reader = try CSVReader(.bytes(bytes), encoding: encoding, dialect: dialect, chunkSize: chunkSize)
    var out: [CSVRecord] = []
    while let record = try reader.next() { out.append(record) }
    return out
}

extension String {
    var utf8Bytes: [UInt8] { Array(utf8) }
}

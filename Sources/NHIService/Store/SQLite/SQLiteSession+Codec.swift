import Foundation
import GRDB
import NHICore

/// JSON for aggregates that are read rarely and whole (units, staff, accounts); proper
/// columns for what is queried in bulk (coverage, filings, rows).
enum StoreCodec {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.dateEncodingStrategy = .secondsSince1970
        e.dataEncodingStrategy = .base64
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        d.dataDecodingStrategy = .base64
        return d
    }()

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw ServiceError(.storeCorrupt, context: ["type": "\(type)", "detail": "\(error)"])
        }
    }

    /// Parses a stored identifier; a failure means the file was edited by hand or corrupted.
    static func parse<T>(_ text: String, _ parse: (String) throws -> T) throws -> T {
        do { return try parse(text) } catch {
            throw ServiceError(.storeCorrupt, context: ["value": Masking.id(text), "detail": "\(error)"])
        }
    }
}

extension Row {
    func required<T>(_ column: String, _ parse: (String) throws -> T) throws -> T {
        guard let text: String = self[column] else {
            throw ServiceError(.storeCorrupt, context: ["column": column])
        }
        return try StoreCodec.parse(text, parse)
    }

    func optional<T>(_ column: String, _ parse: (String) throws -> T) throws -> T? {
        guard let text: String = self[column] else { return nil }
        return try StoreCodec.parse(text, parse)
    }
}

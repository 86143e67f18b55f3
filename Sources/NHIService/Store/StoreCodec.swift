import Foundation
import NHICore

/// JSON for aggregates that are read rarely and whole (units, staff, accounts); proper
/// columns for what is queried in bulk (coverage, filings, rows).
@_spi(StoreImplementation)
public enum StoreCodec {
    public static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.dateEncodingStrategy = .secondsSince1970
        e.dataEncodingStrategy = .base64
        return e
    }()

    public static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        d.dataDecodingStrategy = .base64
        return d
    }()

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw ServiceError(.storeCorrupt, context: ["type": "\(type)", "detail": "\(error)"])
        }
    }

    /// Parses a stored identifier; a failure means the file was edited by hand or corrupted.
    public static func parse<T>(_ text: String, _ parse: (String) throws -> T) throws -> T {
        do { return try parse(text) } catch {
            throw ServiceError(.storeCorrupt, context: ["value": Masking.id(text), "detail": "\(error)"])
        }
    }
}

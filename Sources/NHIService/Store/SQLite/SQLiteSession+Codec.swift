import Foundation
import GRDB
import NHICore

/// GRDB rows answer the shared row mappings (``StoreRows``).
@_spi(StoreImplementation)
extension Row: StoreRow {
    public func text(_ column: String) -> String? { self[column] }
    public func int64(_ column: String) -> Int64? { self[column] }
    public func double(_ column: String) -> Double? { self[column] }
    public func bool(_ column: String) -> Bool? { self[column] }
    public func bytes(_ column: String) -> Data? { self[column] }
}

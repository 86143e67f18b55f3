import Foundation
import Testing
@testable import NHICore

@Suite("Error codes")
struct ErrorCatalogTests {
    @Test("Codes are unique, dotted, and every one is in Documentation/ErrorCodes.md")
    func catalogDocumented() throws {
        let codes = ValidationError.catalog.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes { #expect(code.split(separator: ".").count == 2, "\(code)") }
        // Tests/NHICoreTests/ErrorCatalogTests.swift → repository root
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("Documentation/ErrorCodes.md"), encoding: .utf8)
        for code in codes { #expect(doc.contains("`\(code)`"), "\(code) missing from Documentation/ErrorCodes.md") }
    }
}

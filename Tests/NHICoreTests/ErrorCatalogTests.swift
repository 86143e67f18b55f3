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

/// Issue 16: NHICore's results and errors are Codable with the CLI's keys.
@Suite("Codable NHICore")
struct NHICoreCodableTests {
    @Test("Normalization and its changes round-trip; a ValueCheck encodes to nhi validate's keys")
    func normalization() throws {
        let check = ValueCheck.check("Ａ１２３４５６７８９")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(check)) as! [String: Any]
        #expect(Set(json.keys) == ["input", "kind", "valid", "normalized", "details", "errors", "changes"])
        #expect(json["normalized"] as? String == "A123456789" && json["valid"] as? Bool == true)
        let changes = try JSONDecoder().decode([Normalization.Change].self, from: JSONEncoder().encode(check.changes))
        #expect(changes == check.changes && !changes.isEmpty)
        let normalization = Normalization(original: " a-1 ", value: "A1", changes: [.trimmedWhitespace, .uppercased(count: 1), .removedSeparators(count: 1)])
        #expect(try JSONDecoder().decode(Normalization.self, from: JSONEncoder().encode(normalization)) == normalization)
    }

    @Test("ValidationError round-trips as {code, field, message, messageEn}")
    func validationError() throws {
        do {
            _ = try NationalID(parsing: "A123456788")
            Issue.record("parsed")
        } catch {
            let data = try JSONEncoder().encode(error)
            let json = try JSONSerialization.jsonObject(with: data) as! [String: String]
            #expect(Set(json.keys) == ["code", "field", "message", "messageEn"])
            let back = try JSONDecoder().decode(ValidationError.self, from: data)
            #expect(back == error && back.message == error.message && back.field == error.field)
            #expect(!error.localizedDescription.contains("could not be completed"))
            #expect(error.localizedDescription.contains("nationalID.checksum"))
        }
    }
}

@Suite("Version")
struct VersionTests {
    @Test("NHIVersion.current is a tag-ready semantic version and the newest CHANGELOG entry")
    func changelog() throws {
        let parts = NHIVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let changelog = try String(contentsOf: root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let newest = changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.contains("Unreleased") }
        #expect(newest?.hasPrefix("## [\(NHIVersion.current)]") == true)
    }
}

@Suite("Data paths")
struct NHIPathsTests {
    @Test("One resolver with the XDG rules: absolute XDG_* only, else HOME; an override variable wins")
    func paths() {
        #expect(NHIPaths.dataDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == "/data/nhi")
        #expect(NHIPaths.dataDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/share/nhi")
        #expect(NHIPaths.configDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.config/nhi")
        #expect(NHIPaths.dataFile("x.json", overriddenBy: "NHI_X", environment: ["NHI_X": "/tmp/x", "HOME": "/h"]) == "/tmp/x")
        #expect(NHIPaths.dataFile("x.json", overriddenBy: "NHI_X", environment: ["NHI_X": "", "HOME": "/h"]) == "/h/.local/share/nhi/x.json")
    }
}

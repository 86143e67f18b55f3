import Foundation
import Testing
@testable import NHIFormats

@Suite("FormatError")
struct FormatErrorTests {
    @Test("Codes are unique, dotted, and every one is in Documentation/ErrorCodes.md")
    func catalog() throws {
        let codes = FormatError.catalog.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes { #expect(code.split(separator: ".").count == 2, "\(code)") }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("Documentation/ErrorCodes.md"), encoding: .utf8)
        for code in codes { #expect(doc.contains("`\(code)`"), "\(code) missing from Documentation/ErrorCodes.md") }
    }

    @Test("Messages: location, field and rule in both languages; equality by code")
    func messages() {
        let error = FormatError(.batchInvalidEmail, line: 4, row: 3, column: 2, field: .email, value: "x", detail: "網域名稱不正確", detailEn: "the domain is not valid")
        #expect(error.message == "第3列（第4行）第2欄 電子郵件：電子郵件格式錯誤（網域名稱不正確）")
        #expect(error.messageEn == "row 3 (line 4), column 2: E-mail address: not a valid e-mail address (the domain is not valid)")
        #expect(error.ruleMessage == "電子郵件：電子郵件格式錯誤（網域名稱不正確）")
        #expect(error == FormatError(.batchInvalidEmail))
        #expect(error != FormatError(.batchInvalidID))
        #expect(error.errorCode == "batch.invalidEmail")
        #expect(FormatError(.batchNotInForce).message == "非該單位在保險對象")
    }

    @Test("Every code used in the sources is in the catalog")
    func everyCodeCatalogued() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: root.appendingPathComponent("Sources/NHIFormats/Errors/FormatError+Codes.swift"), encoding: .utf8)
        let declared = source.split(separator: "\n").filter { $0.contains(": Self = \"") }.count
        #expect(declared == FormatError.catalog.count)
    }
}

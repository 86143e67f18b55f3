import Foundation
import Testing

@Suite("nhi validate")
struct ValidateCommandTests {
    static let specValid: [(String, String)] = [
        ("A123456789", "national-id"), ("F131104093", "national-id"), ("O158238845", "national-id"),
        ("W123456789", "national-id"), ("Z123456780", "national-id"),
        ("A800000014", "resident-id"), ("A900207177", "resident-id"), ("A930196810", "resident-id"),
        ("AC03095424", "resident-id"), ("AA00000009", "resident-id"), ("AB00207171", "resident-id"), ("BD01300667", "resident-id"),
        ("04595257", "ubn"), ("22099131", "ubn"), ("12345675", "ubn"), ("04595252", "ubn"), ("10458570", "ubn"), ("12345670", "ubn"),
        ("110001000", "unit-code"), ("01234567A", "labour-insurance-number"), ("0912345678", "mobile"),
        ("03-1234567#123", "landline"), ("1050530", "roc-date"), ("111/12/27", "roc-date"), ("10701", "roc-date"),
        ("民國 111 年 12 月 27 日", "roc-date"), ("085/05/04", "roc-date"),
    ]
    static let specInvalid: [(String, String)] = [
        ("A123456788", "nationalID.checksum"), ("A800000000", "residentID.checksum"),
        ("AA00000000", "residentID.checksum"), ("12345678", "ubn.checksum"),
    ]

    @Test("JSON: every SPEC §11 example, valid and invalid, in input order")
    func specExamplesJSON() throws {
        let inputs = Self.specValid.map(\.0) + Self.specInvalid.map(\.0)
        let result = try CLI.run(["validate", "--json"] + inputs)
        #expect(result.status == 1, "some inputs are invalid")
        let objects = try result.jsonLines()
        #expect(objects.count == inputs.count)
        for (index, (input, kind)) in Self.specValid.enumerated() {
            let object = objects[index]
            #expect(object["input"] as? String == input)
            #expect(object["kind"] as? String == kind, "\(input)")
            #expect(object["valid"] as? Bool == true, "\(input)")
            #expect((object["errors"] as? [Any])?.isEmpty == true)
            #expect(object["details"] is [String: Any])
        }
        for (offset, (input, code)) in Self.specInvalid.enumerated() {
            let object = objects[Self.specValid.count + offset]
            #expect(object["input"] as? String == input)
            #expect(object["valid"] as? Bool == false)
            #expect(object["normalized"] is NSNull)
            let error = try #require((object["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == code)
            #expect((error["message"] as? String)?.isEmpty == false)
            #expect((error["messageEn"] as? String)?.isEmpty == false)
            #expect(error["field"] is String)
        }
    }

    @Test("JSON details decode the ID")
    func details() throws {
        let result = try CLI.run(["validate", "--json", "--kind", "national-id", "A123456789"])
        #expect(result.status == 0)
        let details = try #require(try result.jsonLines().first?["details"] as? [String: Any])
        #expect(details["sex"] as? String == "M")
        #expect(details["region"] as? String == "臺北市")
        #expect(details["letterStillIssued"] as? Bool == true)
        let ubn = try CLI.run(["validate", "--json", "04595252"]).jsonLines()[0]
        #expect((ubn["details"] as? [String: Any])?["validUnderPre2023Rule"] as? Bool == false)
    }

    @Test("Text: aligned lines in zh-Hant with English, exit 0 when all valid")
    func text() throws {
        let ok = try CLI.run(["validate", "A123456789", "03-1234567#123"])
        #expect(ok.status == 0)
        #expect(ok.lines.count == 2)
        #expect(ok.lines.allSatisfy { $0.hasPrefix("✓ ") && $0.contains("有效 valid") })
        let kindColumn = ok.lines.map { $0.range(of: "national-id")?.lowerBound ?? $0.range(of: "landline")!.lowerBound }
        #expect(ok.lines[0].distance(from: ok.lines[0].startIndex, to: kindColumn[0]) ==
                ok.lines[1].distance(from: ok.lines[1].startIndex, to: kindColumn[1]), "kind column aligned")
        let bad = try CLI.run(["validate", "A123456788"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("[nationalID.checksum] 身分證號：檢查碼不符 / National ID: check digit does not match"))
    }

    @Test("Usage errors exit 2")
    func usage() throws {
        #expect(try CLI.run(["validate", "--kind", "nonsense", "x"]).status == 2)
        #expect(try CLI.run(["validate", "--no-such-flag"]).status == 2)
    }

    @Test("Standard input: one value per line, CRLF tolerated, order kept")
    func stdin() throws {
        let input = "A123456789\r\nA123456788\n\nＡ１２３４５６７８９\nF131104093"
        let result = try CLI.run(["validate", "--json", "--kind", "national-id"], stdin: Data(input.utf8))
        let objects = try result.jsonLines()
        #expect(objects.map { $0["input"] as? String } == ["A123456789", "A123456788", "", "Ａ１２３４５６７８９", "F131104093"])
        #expect(objects.map { $0["valid"] as? Bool } == [true, false, false, true, true])
        #expect(result.status == 1)
    }

    @Test("The national-ID fast path prints exactly what the general path prints")
    func fastPathMatchesGeneralPath() throws {
        let ids = ["A123456789", "F131104093", "O158238845", "W123456789", "Z123456780", "L123456780", "Y223456781"]
        let streamed = try CLI.run(["validate", "--json", "--kind", "national-id"], stdin: Data(ids.joined(separator: "\n").utf8))
        let general = try CLI.run(["validate", "--json", "--kind", "national-id"] + ids)
        #expect(streamed.stdout == general.stdout)
        #expect(streamed.lines.count == ids.count)
    }

    @Test("Passwords are never echoed")
    func passwords() throws {
        let result = try CLI.run(["validate", "--json", "--kind", "password", "Abc123-!xyz"])
        #expect(!result.stdout.contains("Abc123"))
        let object = try result.jsonLines()[0]
        #expect(object["input"] as? String == "******")
        #expect((object["details"] as? [String: Any])?["strength"] as? String == "強")
    }

    @Test("Documentation/ErrorCodes.md is the output of nhi error-codes --markdown")
    func errorCodesDocument() throws {
        let generated = try CLI.run(["error-codes", "--markdown"]).stdout
        let committed = try String(contentsOf: CLI.root.appendingPathComponent("Documentation/ErrorCodes.md"), encoding: .utf8)
        #expect(generated == committed, "regenerate with: .build/debug/nhi error-codes --markdown > Documentation/ErrorCodes.md")
    }

    @Test("Partial: SDK messages speak in the user's terms — no CLI flag or command in any error catalog of Sources/")
    func sdkMessagesNameNoCLI() throws {
        let sources = CLI.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix("+Codes.swift") } ?? []
        #expect(files.count >= 5, "the error catalogs: \(files)")
        let flag = try Regex(#""[^"\n]*(\s--[a-z][a-z0-9-]+|\bnhi (doctor|validate|service|card|login)\b)[^"\n]*""#)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                #expect(line.firstMatch(of: flag) == nil, "\(file): \(line)")
            }
        }
        // The CLI adds its own hint to such an error.
        let r = try CLI.run(["card", "read", "--reader", "No Such Reader 00 00"])
        if r.stderr.contains("pcsc.readerNotFound") { #expect(r.stderr.contains("nhi doctor")) }
    }
}

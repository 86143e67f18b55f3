import Foundation
import Testing

/// Every ```swift block of README.md and the DocC catalogs must appear, line for line
/// (indentation aside), in this target's sources — where it is compiled. Edit a snippet in
/// the docs, and this test fails until its copy here is updated and compiles.
@Suite("Doc snippets do not drift")
struct DocSnippetDriftTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func lines(_ text: some StringProtocol) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func snippets(in file: URL) throws -> [[String]] {
        var result: [[String]] = [], current: [String]?
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```swift") { current = [] }   // manifest excerpts use a bare ```
            else if current != nil, line.hasPrefix("```") { result.append(Self.lines(current!.joined(separator: "\n"))); current = nil }
            else if current != nil { current!.append(String(line)) }
        }
        return result
    }

    static var documents: [URL] {
        var files = [root.appendingPathComponent("README.md")]
        let sources = root.appendingPathComponent("Sources")
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "md" && url.path.contains(".docc/") {
            files.append(url)
        }
        // The kiosk's SDK-side catalogs (their copies are in KioskModelTests; GtkKit's and
        // KioskQR's snippets draw on a window and a picture, and are not compiled).
        for module in ["KioskModel", "KioskSDK"] {
            files.append(root.appendingPathComponent("Kiosk/Sources/\(module)/\(module).docc/\(module).md"))
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test("Each snippet of the docs is compiled by DocSnippetTests")
    func everySnippetIsCompiled() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var compiled: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: here.path).sorted() where name.hasSuffix(".swift") {
            compiled += Self.lines(try String(contentsOf: here.appendingPathComponent(name), encoding: .utf8))
        }
        let kiosk = Self.root.appendingPathComponent("Kiosk/Tests/KioskModelTests")
        for name in ["KioskModelDocSnippets.swift", "KioskSDKDocSnippets.swift"] {
            compiled += Self.lines(try String(contentsOf: kiosk.appendingPathComponent(name), encoding: .utf8))
        }
        let haystack = "\n" + compiled.joined(separator: "\n") + "\n"
        var count = 0
        for document in Self.documents {
            for (index, snippet) in try Self.snippets(in: document).enumerated() {
                count += 1
                // Imports are hoisted to the top of the test files.
                let body = snippet.filter { !$0.hasPrefix("import ") }
                #expect(haystack.contains("\n" + body.joined(separator: "\n") + "\n"),
                        "\(document.lastPathComponent) snippet \(index + 1) is not compiled by DocSnippetTests")
            }
        }
        #expect(count >= 20)
    }
}

import ArgumentParser
import Foundation
import NHICore
import NHIFormats

/// `--encoding auto|cp950|big5|utf-8|utf-16le|utf-16be`.
struct EncodingOption: ExpressibleByArgument {
    /// nil for auto-detection.
    let encoding: TextEncoding?

    init?(argument: String) {
        if argument.lowercased() == "auto" { encoding = nil; return }
        guard let encoding = TextEncoding(name: argument) else { return nil }
        self.encoding = encoding
    }

    static let auto = EncodingOption(argument: "auto")!
    static var allValueStrings: [String] { ["auto"] + TextEncoding.allCases.map(\.rawValue) }
    var defaultValueDescription: String { encoding?.rawValue ?? "auto" }
}

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension LineEnding: ExpressibleByArgument {}

/// Today in Taiwan.
func taiwanNow() -> LocalDateTime {
    LocalDateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
}

/// JSON and text renderings of ``FormatIssue``s shared by the file commands.
enum IssueOutput {
    /// `{"row","column","line","code","rule","field","message","messageEn","value"[,"suggestion"]}`.
    static func write(_ issue: FormatIssue, into object: inout JSONObjectWriter) {
        object.int("row", issue.row)
        object.int("column", issue.column)
        object.int("line", issue.error.line)
        object.string("code", issue.code.rawValue)
        object.string("rule", issue.error.underlying?.errorCode)
        object.string("field", issue.error.field?.name)
        object.string("message", issue.message)
        object.string("messageEn", issue.messageEn)
        object.string("value", issue.value)
        if issue.severity == .warning { object.string("suggestion", issue.suggestion) }
    }

    /// `{"code": count}` for issues only counted, not listed.
    static func omitted(_ omitted: [FormatError.Code: Int], into object: inout JSONObjectWriter) {
        for (code, count) in omitted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { object.int(code.rawValue, count) }
    }

    /// One line per code whose further issues were only counted.
    static func writeOmitted(_ omitted: [FormatError.Code: Int], to output: ByteOutput) {
        for (code, count) in omitted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            output.write("… [\(code.rawValue)] 另有 \(count) 項未列出 \(count) more not listed\n")
        }
    }

    /// `✗ 第2列第1欄 [batch.invalidID] 身分證號…：… / …  值 value: Z98765****  → 建議 suggestion: …`.
    static func text(_ issue: FormatIssue) -> String {
        var line = issue.severity == .error ? "✗ " : "⚠ "
        let place = issue.row == 0 ? "檔案 file" : issue.error.location
        line += place + " [\(issue.code.rawValue)] \(issue.message) / \(issue.messageEn)"
        if let value = issue.value, !value.isEmpty { line += "  值 value: \(value)" }
        if let suggestion = issue.suggestion { line += suggestion.isEmpty ? "  → 移除 remove" : "  → 建議 suggestion: \(suggestion)" }
        return line
    }
}

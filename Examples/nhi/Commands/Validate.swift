import ArgumentParser
import NHICore
import NHIFormats

extension ValueKind: ExpressibleByArgument {}

/// `nhi validate`: checks identifiers, phones, e-mail addresses, ROC dates and passwords.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "檢核身分證號、統編、電話、電子郵件、民國日期等 — Validate identifiers, phones, e-mail, ROC dates, passwords.",
        discussion: """
            With no VALUE, reads one value per line from standard input (constant memory, \
            any number of lines). Kinds: auto, \(ValueKind.allCases.map(\.rawValue).joined(separator: ", ")). \
            Exit status 0 when every value is valid, 1 when any is invalid, 2 on a usage error.
            """)

    @Option(name: .long, help: "資料種類 Kind of value: auto or one of the kinds listed below.")
    var kind: String = "auto"

    @Flag(name: .long, help: "每筆輸出一行 JSON — one JSON object per input, in input order.")
    var json = false

    @Argument(help: "要檢核的值；省略時由標準輸入逐行讀取 — values to check; standard input when omitted.")
    var values: [String] = []

    func validate() throws {
        if kind != "auto" && ValueKind(rawValue: kind) == nil {
            throw ValidationError("未知的種類 unknown --kind '\(kind)'; use auto or one of: \(ValueKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let selected = ValueKind(rawValue: kind)
        let output = ByteOutput()
        var allValid = true
        if values.isEmpty {
            let fastPath = selected == .nationalID && json ? NationalIDFastPath() : nil
            let reader = LineReader(fd: 0, maxLineBytes: Self.maxLineBytes)
            try reader.forEachLine { line, number, tooLong in
                if tooLong {
                    allValid = false
                    emitTooLong(line: number, prefix: line, to: output)
                    return
                }
                if let fastPath, let valid = fastPath.write(line, to: output) {
                    allValid = allValid && valid
                    return
                }
                let check = ValueCheck.check(String(decoding: line, as: UTF8.self), as: selected)
                allValid = allValid && check.isValid
                emit(check, to: output, inputWidth: 14)
            }
        } else {
            let checks = values.map { ValueCheck.check($0, as: selected) }
            let width = checks.map { displayWidth($0.input) }.max() ?? 0
            for check in checks {
                allValid = allValid && check.isValid
                emit(check, to: output, inputWidth: width)
            }
        }
        output.flush()
        if !allValid { throw ExitStatus.invalid }
    }

    /// The longest input line checked (bytes); a longer one is an error naming its line,
    /// skipped without being held in memory.
    static let maxLineBytes = 4096

    /// The result for a line longer than ``maxLineBytes``: invalid, `file.lineTooLong`.
    private func emitTooLong(line: Int, prefix: UnsafeBufferPointer<UInt8>, to output: ByteOutput) {
        let error = FormatError(.fileLineTooLong, line: line, detail: "上限\(Self.maxLineBytes)位元組", detailEn: "limit \(Self.maxLineBytes) bytes")
        let shown = String(decoding: UnsafeBufferPointer(rebasing: prefix.prefix(32)), as: UTF8.self) + "…"
        if json {
            output.write("{\"input\":")
            output.writeJSONString(shown)
            output.write(",\"kind\":null,\"valid\":false,\"normalized\":null,\"details\":{},\"errors\":[{\"code\":")
            output.writeJSONString(error.errorCode)
            output.write(",\"field\":null,\"line\":\(line),\"message\":")
            output.writeJSONString(error.message)
            output.write(",\"messageEn\":")
            output.writeJSONString(error.messageEn)
            output.write("}],\"changes\":[]}\n")
        } else {
            output.write("✗ \(padded(shown, to: 14))  ?  無效 invalid  [\(error.errorCode)] \(error.message) / \(error.messageEn)\n")
        }
    }

    private func emit(_ check: ValueCheck, to output: ByteOutput, inputWidth: Int) {
        if json { ValueCheckJSON.write(check, to: output) } else { ValueCheckText.write(check, to: output, inputWidth: inputWidth) }
    }
}

/// The JSON form of a ``ValueCheck`` (one line): `{"input", "kind", "valid", "normalized",
/// "details", "errors", "changes"}`.
enum ValueCheckJSON {
    static func write(_ check: ValueCheck, to out: ByteOutput) {
        out.write("{\"input\":")
        out.writeJSONString(check.input)
        out.write(",\"kind\":")
        if let kind = check.kind { out.writeJSONString(kind.rawValue) } else { out.write("null") }
        out.write(check.isValid ? ",\"valid\":true,\"normalized\":" : ",\"valid\":false,\"normalized\":")
        if let normalized = check.normalized { out.writeJSONString(normalized) } else { out.write("null") }
        out.write(",")
        writeTail(details: check.details, errors: check.errors, changes: check.changes, to: out)
    }

    /// `"details":{…},"errors":[…],"changes":[…]}` and the newline.
    static func writeTail(details: [(key: String, value: DetailValue)], errors: [NHICore.ValidationError],
                          changes: [Normalization.Change], to out: ByteOutput) {
        out.write("\"details\":{")
        for (index, detail) in details.enumerated() {
            if index > 0 { out.write(byte: 0x2C) }
            out.writeJSONString(detail.key)
            out.write(byte: 0x3A)
            switch detail.value {
            case .string(let s): out.writeJSONString(s)
            case .bool(let b): out.write(b ? "true" : "false")
            case .int(let i): out.write(String(i))
            }
        }
        out.write("},\"errors\":[")
        for (index, error) in errors.enumerated() {
            if index > 0 { out.write(byte: 0x2C) }
            out.write("{\"code\":")
            out.writeJSONString(error.errorCode)
            out.write(",\"field\":")
            out.writeJSONString(error.field.name)
            out.write(",\"message\":")
            out.writeJSONString(error.message)
            out.write(",\"messageEn\":")
            out.writeJSONString(error.messageEn)
            out.write("}")
        }
        out.write("],\"changes\":[")
        for (index, change) in changes.enumerated() {
            if index > 0 { out.write(byte: 0x2C) }
            out.write("{\"code\":")
            out.writeJSONString(change.code)
            out.write(",\"message\":")
            out.writeJSONString(change.message)
            out.write(",\"messageEn\":")
            out.writeJSONString(change.messageEn)
            out.write("}")
        }
        out.write("]}\n")
    }
}

/// The readable, aligned text form: mark, input, kind, verdict, details or errors.
enum ValueCheckText {
    static func write(_ check: ValueCheck, to out: ByteOutput, inputWidth: Int) {
        var line = check.isValid ? "✓ " : "✗ "
        line += padded(check.input, to: inputWidth) + "  "
        line += padded(check.kind?.rawValue ?? "?", to: 23) + "  "
        if check.isValid {
            line += "有效 valid"
            if let normalized = check.normalized, normalized != check.input { line += "  → \(normalized)" }
            if !check.details.isEmpty {
                line += "  " + check.details.map { "\($0.key)=\(describe($0.value))" }.joined(separator: " ")
            }
        } else {
            line += "無效 invalid"
            for error in check.errors {
                line += "  [\(error.errorCode)] \(error.message) / \(error.messageEn)"
            }
        }
        for change in check.changes {
            line += "\n    已正規化 normalised: \(change.message) / \(change.messageEn)"
        }
        out.write(line)
        out.write(byte: 0x0A)
    }

    private static func describe(_ value: DetailValue) -> String {
        switch value {
        case .string(let s): s
        case .bool(let b): b ? "yes" : "no"
        case .int(let i): String(i)
        }
    }
}

/// The streaming fast path for `--kind national-id --json`: a line that is already
/// canonical (10 upper-case ASCII letters or digits, so normalisation would change nothing)
/// is checked and printed from bytes, with the JSON tails for each letter and sex, and for
/// each broken rule, computed once. Anything else falls back to the general path; output is
/// identical either way (a test compares them).
final class NationalIDFastPath {
    private let validTails: [[UInt8]]
    private var invalidTails: [String: [UInt8]] = [:]

    init() {
        var table: [[UInt8]] = []
        for letter in UInt8(65)...UInt8(90) {
            for sex in [Sex.male, .female] {
                let region = IssuingRegion(letter: Character(Unicode.Scalar(letter)))!
                table.append(ByteOutput.render { out in
                    ValueCheckJSON.writeTail(details: [("sex", .string(sex.rawValue)), ("letter", .string(String(region.letter))),
                                                       ("region", .string(region.name)), ("regionEn", .string(region.nameEn)),
                                                       ("letterStillIssued", .bool(region.isStillIssued))],
                                             errors: [], changes: [], to: out)
                })
            }
        }
        validTails = table
    }

    /// Writes the JSON line for `line` and returns its validity, or returns nil to ask for
    /// the general path.
    func write(_ line: UnsafeBufferPointer<UInt8>, to out: ByteOutput) -> Bool? {
        guard line.count == 10 else { return nil }
        for byte in line where !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)) { return nil }
        out.write("{\"input\":\"")
        out.write(line)
        guard let failure = NationalID.failure(asciiBytes: line) else {
            out.write("\",\"kind\":\"national-id\",\"valid\":true,\"normalized\":\"")
            out.write(line)
            out.write("\",")
            out.write(validTails[Int(line[0] - 65) * 2 + (line[1] == 0x31 ? 0 : 1)])
            return true
        }
        out.write("\",\"kind\":\"national-id\",\"valid\":false,\"normalized\":null,")
        if let tail = invalidTails[failure.rawValue] {
            out.write(tail)
        } else {
            let check = ValueCheck.check(String(decoding: line, as: UTF8.self), as: .nationalID)
            let tail = ByteOutput.render { ValueCheckJSON.writeTail(details: check.details, errors: check.errors, changes: check.changes, to: $0) }
            invalidTails[failure.rawValue] = tail
            out.write(tail)
        }
        return false
    }
}

import ArgumentParser
import Foundation
import NHICards
import NHICore

/// `nhi doctor`: checks the card set-up of this computer and says what to do about each
/// problem, with the advice of the NHI's own troubleshooting table (seed 004).
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "檢查讀卡環境 — Check pcscd, the readers, the cards and the PKCS#11 module.",
        discussion: """
            Checks: pcscd reachable; which readers; more than one reader; per reader: card present, \
            mute card, unknown ATR, card in use by another program, card readable; the PKCS#11 module \
            (--pkcs11-module, else $NHI_PKCS11_MODULE, else libHicos_p11.so) loads and its tokens. \
            With --json, one object per finding and line: {"check", "status" (ok|warning|error), \
            "message", "messageEn", "code", "userCode", "advice", "adviceEn", "reader", "atr", "cardType", \
            "details"}. Exit status 1 when any finding is an error.
            """)

    @Flag(help: "每個檢查結果輸出一行 JSON — one JSON object per finding.")
    var json = false

    @Option(help: "PKCS#11 module to check.")
    var pkcs11Module: String?

    /// One result.
    struct Finding {
        enum Status: String { case ok, warning, error }
        var check: String
        var status: Status
        var message: String
        var messageEn: String
        var error: CardError?
        var reader: String?
        var atr: String?
        var cardType: CardType?
        var details: [(String, JSONValue)] = []

        init(_ check: String, _ status: Status, _ message: String, _ messageEn: String, error: CardError? = nil, reader: String? = nil) {
            self.check = check
            self.status = status
            self.message = message
            self.messageEn = messageEn
            self.error = error
            self.reader = reader
        }
    }

    func run() async throws {
        var findings: [Finding] = []
        let context = PCSCContext()
        do {
            let readers = try await context.readers()
            findings.append(Finding("pcscd", .ok, "讀卡服務 pcscd 正常", "the smart-card service pcscd answers"))
            findings += await Self.readerFindings(readers, context: context)
        } catch {
            findings.append(Finding("pcscd", .error, error.message, error.messageEn, error: error))
        }
        findings.append(Self.moduleFinding(pkcs11Module ?? PKCS11Module.configuredPath))
        await context.disconnectAll()

        let out = ByteOutput()
        for finding in findings {
            if json { Self.object(finding).writeLine(to: out) } else { Self.text(finding, to: out) }
        }
        out.flush()
        if findings.contains(where: { $0.status == .error }) { throw ExitStatus.invalid }
    }

    static func readerFindings(_ readers: [ReaderStatus], context: PCSCContext) async -> [Finding] {
        var findings: [Finding] = []
        if readers.isEmpty {
            let error = CardError(.noReaders)
            findings.append(Finding("readers", .error, error.message, error.messageEn, error: error))
            return findings
        }
        var list = Finding("readers", .ok, "讀卡機：\(readers.map(\.name).joined(separator: "、"))",
                           "readers: \(readers.map(\.name).joined(separator: ", "))")
        list.details = [("readers", .array(readers.map { .string($0.name) }))]
        findings.append(list)
        if readers.count > 1 {
            findings.append(Finding(
                "multipleReaders", .warning,
                "電腦接有 \(readers.count) 台讀卡機：登入時可能讀錯卡片或網頁無回應。處理方式：只保留一台讀卡機，USB憑證載具(ikey)請先拔除",
                "\(readers.count) card readers are attached: a login may read the wrong card or hang. What to do: keep one reader and unplug USB tokens (ikey)"))
        }
        let inspector = CardInspector(context)
        for status in readers {
            var finding: Finding
            switch status.slot {
            case .empty:
                finding = Finding("card", .ok, "讀卡機「\(status.name)」：無卡片", "reader \"\(status.name)\": no card", reader: status.name)
            case .mute:
                let error = CardError(.cardMute, reader: status.name, pcsc: .unresponsiveCard)
                finding = Finding("card", .error, error.message, error.messageEn, error: error, reader: status.name)
            case .card(let atr):
                if status.exclusivelyInUse {
                    let error = CardError(.cardInUse, reader: status.name)
                    finding = Finding("card", .warning, error.message, error.messageEn, error: error, reader: status.name)
                } else {
                    let inspection = await inspector.inspect(status)
                    if let error = inspection.error {
                        let level: Finding.Status = error.code == .cardUnknown ? .warning : .error
                        finding = Finding("card", level, error.message, error.messageEn, error: error, reader: status.name)
                    } else {
                        let type = inspection.cardType
                        let note = inspection.atrRecognised ? "" : "（ATR 未列於對照表 ATR not in the table）"
                        finding = Finding("card", inspection.atrRecognised ? .ok : .warning,
                                          "讀卡機「\(status.name)」：\(type.label)，讀取正常\(note)",
                                          "reader \"\(status.name)\": \(type.labelEn), reads correctly\(inspection.atrRecognised ? "" : " (ATR not in the table)")",
                                          reader: status.name)
                    }
                    finding.cardType = inspection.cardType
                }
                finding.atr = atr.description
            }
            findings.append(finding)
        }
        return findings
    }

    static func moduleFinding(_ path: String) -> Finding {
        do {
            let module = try PKCS11Module.load(path)
            let info = try module.info()
            let tokens = try module.tokens()
            var finding = Finding("pkcs11", .ok,
                                  "PKCS#11 模組可載入：\(info.description) \(info.version)，\(tokens.count) 個憑證載具",
                                  "the PKCS#11 module loads: \(info.description) \(info.version), \(tokens.count) token(s)")
            finding.details = [("module", .string(path)), ("tokens", .array(tokens.map { .string($0.label) }))]
            for token in tokens where token.pinStatus.locked {
                finding.status = .warning
                finding.message += "；載具「\(token.label)」PIN碼已鎖住"
                finding.messageEn += "; token \"\(token.label)\" has its PIN locked"
            }
            return finding
        } catch {
            var finding = Finding("pkcs11", .error, error.message, error.messageEn, error: error)
            finding.details = [("module", .string(path))]
            return finding
        }
    }

    static func object(_ finding: Finding) -> JSONObject {
        var object = JSONObject()
        object["check"] = .string(finding.check)
        object["status"] = .string(finding.status.rawValue)
        object["message"] = .string(finding.message)
        object["messageEn"] = .string(finding.messageEn)
        object["code"] = .text(finding.error?.errorCode)
        object["userCode"] = .number(finding.error?.userCode)
        object["advice"] = .text(finding.error?.advice)
        object["adviceEn"] = .text(finding.error?.adviceEn)
        object["reader"] = .text(finding.reader)
        object["atr"] = .text(finding.atr)
        object["cardType"] = .text(finding.cardType?.rawValue)
        object["details"] = .object(finding.details)
        return object
    }

    static func text(_ finding: Finding, to out: ByteOutput) {
        let mark = switch finding.status {
        case .ok: "[ OK ]"
        case .warning: "[WARN]"
        case .error: "[FAIL]"
        }
        out.write("\(mark) \(finding.message)\n       \(finding.messageEn)\n")
        if let atr = finding.atr { out.write("       ATR \(atr)\n") }
    }
}

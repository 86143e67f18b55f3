import ArgumentParser
import Foundation
import Logging
import NHICardService
import NHICards
import NHICore
import NIOSSL

/// `nhi card`: reads NHI cards and certificate cards through pcscd.
struct Card: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "讀取健保卡與憑證卡 — Read NHI cards and certificate cards (PC/SC).",
        subcommands: [CardRead.self, CardWatch.self, CardServe.self])
}

/// `nhi card serve [--listen HOST:PORT] [--allow-origin ORIGIN …] [--allow-remote]`.
struct CardServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "讀卡服務 — Serve this PC's card readers to web pages (HTTP on loopback).",
        discussion: """
            GET /readers (every reader and its state: empty, nhi_card, certificate_card, \
            unsupported_card, mute, error; an NHI card's identity as nhi card read --json gives \
            it; status pcsc_unavailable while pcscd is down), GET /events (Server-Sent Events: \
            a snapshot, then readerAdded, readerRemoved, cardInserted with the card, cardRemoved, \
            cardMute, serviceUnavailable, serviceAvailable), GET /certificates (each certificate \
            card's certificates), POST /sign (a page's challenge signed with the card's key after \
            the PIN is typed here, at this terminal — never by the page; refused when standard \
            input is not a terminal or with --no-signing), GET /openapi.json. Web pages only \
            from the --allow-origin origins (CORS); any other origin gets 403 and is logged. \
            Loopback only unless --allow-remote. Prints the address it listens on, then runs \
            until SIGINT or SIGTERM. See Documentation/CardService.md.
            """)


    @Option(help: "位址 Address and port (port 0: any free one).")
    var listen = "127.0.0.1:\(CardServiceConfiguration.defaultPort)"

    @Option(name: .customLong("allow-origin"), help: "允許的網頁來源 A web origin whose pages may read the cards (repeatable), e.g. https://payroll.example.com.")
    var allowOrigin: [String] = []

    @Flag(name: .customLong("allow-remote"), help: "允許非本機位址 Listen on an address other machines can reach.")
    var allowRemote = false

    @Option(help: "每個來源每分鐘的請求上限 Requests per origin and minute.")
    var rate = 600

    @Option(name: .customLong("tls-cert"), help: "HTTPS 憑證 The certificate chain (PEM), for HTTPS; with --tls-key.")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "HTTPS 私鑰 Its private key (PEM).")
    var tlsKey: String?

    @Option(name: .customLong("pkcs11-module"), help: "簽章用 PKCS#11 模組 The PKCS#11 module that signs (default: $NHI_PKCS11_MODULE, else HiCOS's).")
    var pkcs11Module: String?

    @Flag(name: .customLong("card-pin"), help: "簽章直接由卡片驗證 PIN Verify the PIN and sign on the card itself (ISO 7816), not through PKCS#11.")
    var cardPin = false

    @Flag(name: .customLong("no-signing"), help: "停用簽章 Refuse POST /sign (no PIN prompt).")
    var noSigning = false

    func run() async throws {
        let (host, port) = try CardServiceConfiguration.parseListen(listen)
        let tls: TLSConfiguration?
        switch (tlsCert, tlsKey) {
        case (let cert?, let key?): tls = try CardServiceConfiguration.tls(certificateFile: cert, keyFile: key)
        case (nil, nil): tls = nil
        default: throw ArgumentParser.ValidationError("--tls-cert and --tls-key go together")
        }
        let configuration = try CardServiceConfiguration(host: host, port: port, allowedOrigins: Set(allowOrigin),
                                                         allowRemote: allowRemote, requestsPerMinute: rate, tls: tls)
        let logger = Logger(label: "nhi.card-service")
        let monitor = ReaderMonitor(logger: logger)
        await monitor.start()
        let shownHost = host.contains(":") ? "[\(host)]" : host
        // The PIN is typed here, on the service's own terminal, never by the web page.
        let prompt = noSigning ? nil : TerminalPINPrompt()
        if prompt == nil && !noSigning {
            logger.notice("standard input is not a terminal: POST /sign is refused (nobody could type a PIN)")
        }
        let signer = CardSigner(monitor: monitor, tokens: cardPin ? .card : .pkcs11(modulePath: pkcs11Module),
                                prompt: prompt, logger: logger)
        let service = CardServiceApplication(monitor: monitor, configuration: configuration, signer: signer, logger: logger)
        try await service.run { port in
            // Straight to the descriptor: a program that started the service reads the address at once.
            let scheme = tls == nil ? "http" : "https"
            FileHandle.standardOutput.write(Data("讀卡服務 card service: \(scheme)://\(shownHost):\(port)\n".utf8))
        }
    }
}

/// `nhi card read [--reader NAME] [--json]`.
struct CardRead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "讀取卡片 — Read the card in each reader (or in one reader).",
        discussion: """
            Without --reader, reads every reader that holds a card, one result per card. With \
            --json, one object per card and line: {"reader", "atr", "cardType", "cardNumber", \
            "name", "id", "birthDate", "sex", "issueDate"} (dates YYYY-MM-DD, sex "M"/"F"; \
            fields a card does not carry are null), plus "atrRecognised", certificate fields \
            and "error" when the card could not be read. Card types: \
            \(CardType.allCases.map(\.rawValue).joined(separator: ", ")). \
            Exit status 0 when every card was read, 1 otherwise.
            """)

    @Option(help: "讀卡機名稱 Only this reader (see nhi doctor for names).")
    var reader: String?

    @Flag(help: "每張卡輸出一行 JSON — one JSON object per card.")
    var json = false

    @Flag(help: "顯示完整身分證號 Show IDs unmasked in the text output (JSON always has them).")
    var unmasked = false

    func run() async throws {
        let inspector = CardInspector(PCSCContext())
        let inspections: [CardInspection]
        if let reader {
            let one = try await inspector.inspect(reader: reader)
            if let error = one.error, one.atr == nil { throw error }
            inspections = [one]
        } else {
            inspections = try await inspector.inspectAll()
            if inspections.isEmpty { throw CardError(.cardAbsent) }
        }
        let out = ByteOutput()
        for inspection in inspections {
            if json {
                CardJSON.object(for: inspection).writeLine(to: out)
            } else {
                CardText.write(inspection, unmasked: unmasked, to: out)
            }
        }
        out.flush()
        let failures = inspections.compactMap(\.error)
        if !json { failures.forEach { printError($0) } }
        if !failures.isEmpty { throw ExitStatus.invalid }
    }
}

/// `nhi card watch`: reader and card events as they happen; inserted cards are read.
struct CardWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "監看讀卡機 — Stream reader and card events; read each inserted card.",
        discussion: """
            Starts with the current state (readers and cards present), then one line per event. \
            With --json: {"event": "readerAdded|readerRemoved|cardInserted|cardRemoved|cardMute|\
            serviceUnavailable|serviceAvailable", "reader", "time"} and, for cardInserted, the fields \
            of nhi card read. Runs until interrupted, --count events or --timeout seconds.
            """)

    @Option(help: "讀卡機名稱 Only events of this reader.")
    var reader: String?

    @Flag(help: "每個事件輸出一行 JSON — one JSON object per event.")
    var json = false

    @Option(help: "Stop after this many events.")
    var count: Int?

    @Option(help: "Stop after this many seconds.")
    var timeout: Double?

    @Flag(help: "Do not read inserted cards, only report them.")
    var noRead = false

    @Flag(help: "顯示完整身分證號 Show IDs unmasked in the text output.")
    var unmasked = false

    func run() async throws {
        let out = ByteOutput()
        let inspector = CardInspector(PCSCContext())
        let limit = count
        let watchReader = reader
        let readCards = !noRead
        let asJSON = json
        let showIDs = unmasked
        let watcher = Task {
            var seen = 0
            for await event in CardEvents() {
                if let watchReader, let name = event.reader, name != watchReader { continue }
                var inspection: CardInspection?
                if case .cardInserted(let name, _) = event, readCards {
                    inspection = try? await inspector.inspect(reader: name)
                }
                if asJSON {
                    CardJSON.object(for: event, inspection: inspection).writeLine(to: out)
                } else {
                    CardText.write(event, inspection: inspection, unmasked: showIDs, to: out)
                }
                seen += 1
                if let limit, seen >= limit { return }
            }
        }
        if let timeout {
            let timer = Task {
                try await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                watcher.cancel()
            }
            await watcher.value
            timer.cancel()
        } else {
            await watcher.value
        }
    }
}

/// The JSON shapes of `nhi card read` and `nhi card watch`.
enum CardJSON {
    /// NHICards' ``CardReport``, in its documented key order.
    static func object(for inspection: CardInspection) -> JSONObject {
        var object = JSONObject()
        if case .object(let fields)? = try? JSONValue(encoding: CardReport(inspection)) {
            for (key, value) in fields { object[key] = value }
        }
        return object
    }

    static func object(for event: CardEvent, inspection: CardInspection?) -> JSONObject {
        var object: JSONObject
        if let inspection {
            object = Self.object(for: inspection)
        } else {
            object = JSONObject()
            object["reader"] = .text(event.reader)
        }
        object.insert("event", .string(name(of: event)), at: 0)
        object.insert("time", .string(Date().formatted(.iso8601)), at: 1)
        if case .cardInserted(_, let atr) = event, object["atr"] == nil { object["atr"] = .string(atr.description) }
        return object
    }

    static func name(of event: CardEvent) -> String {
        switch event {
        case .readerAdded: "readerAdded"
        case .readerRemoved: "readerRemoved"
        case .cardInserted: "cardInserted"
        case .cardRemoved: "cardRemoved"
        case .cardMute: "cardMute"
        case .serviceUnavailable: "serviceUnavailable"
        case .serviceAvailable: "serviceAvailable"
        }
    }
}

/// The text shapes of `nhi card read` and `nhi card watch`.
enum CardText {
    static func write(_ inspection: CardInspection, unmasked: Bool, to out: ByteOutput) {
        out.write("讀卡機 Reader   \(inspection.reader)\n")
        if let atr = inspection.atr { out.write("ATR            \(atr)\(inspection.atrRecognised ? "" : "  (未知 unknown)")\n") }
        out.write("卡別 Card       \(inspection.cardType.label) \(inspection.cardType.labelEn)\n")
        switch inspection.content {
        case .nhi(let identity):
            out.write("卡號 Number     \(identity.cardNumber.grouped)\n")
            out.write("姓名 Name       \(identity.name)\(identity.nameTruncated ? "（姓名過長已截斷 truncated）" : "")\n")
            out.write("身分證號 ID     \(unmasked ? identity.id.rawValue : identity.id.masked)\n")
            out.write("出生 Born       \(identity.birthDate.formatted(.slashed)) (\(identity.birthDate.gregorian.iso))\n")
            out.write("性別 Sex        \(identity.sex.label) \(identity.sex.labelEn)\n")
            out.write("發卡 Issued     \(identity.issueDate.formatted(.slashed)) (\(identity.issueDate.gregorian.iso))\n")
        case .certificate(let contents):
            out.write("卡號 Number     \(contents.cardNumber)\n")
            if let certificate = contents.signingCertificate {
                out.write("持有人 Holder   \(certificate.holderName)\n")
                out.write("憑證 Kind       \(certificate.kind.map { "\($0.label) \($0.rawValue)" } ?? "—")\n")
                out.write("序號 Serial     \(certificate.serialNumber)\n")
                out.write("有效 Valid      \(certificate.notValidBefore.formatted(.iso8601)) – \(certificate.notValidAfter.formatted(.iso8601))\n")
            }
        case nil:
            break
        }
        out.write("\n")
    }

    static func write(_ event: CardEvent, inspection: CardInspection?, unmasked: Bool, to out: ByteOutput) {
        let time = Date().formatted(.iso8601)
        switch event {
        case .readerAdded(let name): out.write("\(time) 讀卡機接上 reader added: \(name)\n")
        case .readerRemoved(let name): out.write("\(time) 讀卡機移除 reader removed: \(name)\n")
        case .cardInserted(let name, let atr):
            out.write("\(time) 插入卡片 card inserted: \(name) [\(atr)]\n")
            if let inspection {
                write(inspection, unmasked: unmasked, to: out)
                if let error = inspection.error { out.write("  \(error.message)\n  \(error.messageEn)\n") }
            }
        case .cardRemoved(let name): out.write("\(time) 取出卡片 card removed: \(name)\n")
        case .cardMute(let name): out.write("\(time) 卡片無回應 card mute: \(name)\n")
        case .serviceUnavailable: out.write("\(time) 讀卡服務中斷 pcscd unavailable\n")
        case .serviceAvailable: out.write("\(time) 讀卡服務恢復 pcscd available\n")
        }
        out.flush()
    }
}

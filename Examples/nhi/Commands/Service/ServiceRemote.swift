import ArgumentParser
import Foundation
import NHICards
import NHICore
import NHIFormats
import NHIGrades
import NHIService
import NHIServiceClient
#if canImport(Glibc)
import Glibc
#endif

/// The unit workflows a filing command runs with: the local service's with the acting
/// caller, or — with `--service` — `nhi-server`'s with the session `nhi service login` keeps.
struct UnitDesk {
    let workflows: any UnitWorkflows
    /// The grade tables for defaults (the service's, or the SDK's own through the server).
    let tables: GradeTables
    /// Today by the service's clock (the system's through the server: the server files by its own).
    let today: CalendarDate
    private let client: NHIServiceClient?

    init(workflows: any UnitWorkflows, tables: GradeTables, today: CalendarDate, client: NHIServiceClient?) {
        self.workflows = workflows
        self.tables = tables
        self.today = today
        self.client = client
    }

    /// Closes the connection to the server, if any.
    func close() async {
        try? await client?.shutdown()
    }
}

extension ServiceOptions {
    /// The commands that run through `nhi-server` (the others refuse `--service`).
    static let remoteCommands = "login, logout, whoami, filing enrol|withdraw|adjust|results, roster, batch-register upload|records"

    /// The unit workflows for a filing command (see ``UnitDesk``).
    func desk() async throws -> UnitDesk {
        guard let url = serviceURL else {
            let service = try service()
            let caller = try caller(service)
            return UnitDesk(workflows: try service.workflows(for: caller), tables: service.tables, today: service.clock.today, client: nil)
        }
        guard now == nil, ProcessInfo.processInfo.environment["NHI_NOW"].map(\.isEmpty) ?? true else {
            throw ValidationError("--now / NHI_NOW 不適用於 --service — the server keeps its own clock")
        }
        let (client, unit) = try await remoteSession(url)
        return UnitDesk(workflows: RemoteUnitWorkflows(client: client, unitCode: unit), tables: .bundled, today: .today(), client: client)
    }

    /// The client of the session `nhi service login` kept for `url`, and its unit (which
    /// `--unit`, when given, must name).
    func remoteSession(_ url: String) async throws -> (NHIServiceClient, UnitCode) {
        let (client, session) = try ServiceSessionFile.connect(url: url, caFile: caFile)
        let unit = try UnitCode(parsing: session.unitCode)
        if let unitText = self.unit, try UnitCode(parsing: Normalizer.identifier.normalize(unitText).value) != unit {
            await (try? client.shutdown())
            throw ValidationError("--unit \(unitText)：服務主機的登入是 \(unit.rawValue) — the server session is for unit \(unit.rawValue)")
        }
        return (client, unit)
    }

    /// Runs `body` with the kept session's client and unit, and closes the connection after.
    func withRemoteSession<T>(_ url: String, _ body: (NHIServiceClient, UnitCode) async throws -> T) async throws -> T {
        let (client, unit) = try await remoteSession(url)
        do {
            let result = try await body(client, unit)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Runs `body` with the command's ``UnitDesk`` and closes it after.
    func withDesk<T>(_ body: (UnitDesk) async throws -> T) async throws -> T {
        let desk = try await desk()
        do {
            let result = try await body(desk)
            await desk.close()
            return result
        } catch {
            await desk.close()
            throw error
        }
    }

    /// Refuses `--service` for a command that does not run through the server yet.
    func refuseRemote() throws {
        guard serviceURL == nil else {
            throw ValidationError("""
                `nhi \(Self.commandName)` 尚無法經由服務主機執行 — does not run through nhi-server yet; \
                with --service: \(Self.remoteCommands)
                """)
        }
    }
}

/// The session `nhi service login` opened on `nhi-server`, kept for later `--service`
/// commands in `$XDG_STATE_HOME/nhi/service-session.json` (default `~/.local/state`): mode
/// 0600 in a 0700 folder, written whole, never read or written through a link. It holds the
/// bearer token: `nhi service logout` revokes it and deletes the file.
struct ServiceSessionFile: Codable {
    var url: String
    var caFile: String?
    var token: String
    var unitCode: String
    var name: String
    var maskedID: String?
    var role: String
    var expiresAt: Date

    static var directory: String {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/nhi" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/nhi"
    }

    static var path: String { directory + "/service-session.json" }

    /// The kept session, or nil when there is none.
    static func load() throws -> ServiceSessionFile? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw ValidationError("\(path)：無法讀取登入資料（不可為連結）— cannot read the session file (links are refused)")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            throw ValidationError("\(path)：權限須為 0600 且屬於本人 — the session file must be yours and mode 0600")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Self.self, from: handle.readDataToEndOfFile())
    }

    func save() throws {
        try FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try SafeFile.write(Array(try encoder.encode(self)), to: Self.path)
    }

    static func remove() {
        // unlink removes a link itself, never what it points at.
        _ = unlink(path)
    }

    /// The same server, however the URL was written (a trailing slash).
    static func sameServer(_ a: String, _ b: String) -> Bool {
        func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
        return trimmed(a).lowercased() == trimmed(b).lowercased()
    }

    /// A client for `url` resuming the kept session.
    static func connect(url: String, caFile: String?) throws -> (NHIServiceClient, ServiceSessionFile) {
        guard let session = try load(), sameServer(session.url, url) else {
            throw ServiceClientError(.notSignedIn, detail: "nhi service login --service \(url)")
        }
        let client = try NHIServiceClient(.init(url: url, caFile: caFile ?? session.caFile, onRetry: { notice in
            printToStandardError("nhi: \(notice)")
        }))
        client.resume(token: session.token)
        return (client, session)
    }
}

/// `nhi service login --service URL`: signs in to `nhi-server` with the NHI card in the
/// reader and its registration password (typed without echo, or one line on standard input;
/// never an argument), and keeps the session for later `--service` commands.
struct ServiceLoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "登入服務主機 — Sign in to nhi-server with the NHI card in the reader and its registration password.",
        discussion: """
            The server checks the password, the staff assignment and the attempt limits (9039 with the tries left, \
            9043 locked) and opens a session for the person's unit; `--service` commands then use it \
            (\(ServiceOptions.remoteCommands)). The session is kept in $XDG_STATE_HOME/nhi/service-session.json \
            (mode 0600) until `nhi service logout` or the server's idle expiry.
            """)
    @Option(name: .customLong("service"), help: "服務主機 https://host:port") var serviceURL: String
    @Option(name: .customLong("ca-file"), help: "服務主機憑證的簽發機構 The office CA (PEM).") var caFile: String?
    @Option(help: "讀卡機名稱 Reader (default: the one holding a card).") var reader: String?
    @Flag(help: "輸出 JSON — JSON output.") var json = false

    func run() async throws {
        // Kept as an absolute path: later commands may run in another folder.
        let caFile = caFile.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        let client = try NHIServiceClient(.init(url: serviceURL, caFile: caFile, onRetry: { printToStandardError("nhi: \($0)") }))
        do {
            try await signIn(client, caFile: caFile)
            try? await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func signIn(_ client: NHIServiceClient, caFile: String?) async throws {
        let context = PCSCContext()
        let readerName = try await chooseReader(reader, context: context)
        let card = try await NHICardReader(context).readIdentity(reader: readerName)
        await context.disconnectAll()
        guard let password = SecretInput(environment: "NHI_LOGIN_PASSWORD")
            .next(prompt: "\(card.name) \(card.id.masked) 註冊密碼 Registration password: "), !password.isEmpty else {
            throw ValidationError("未輸入註冊密碼 — no registration password given")
        }
        let session = try await client.signIn(nhiCard: card.cardNumber, personID: card.id, password: password)
        guard let token = client.sessionToken else { throw ServiceClientError(.notSignedIn) }
        try ServiceSessionFile(url: serviceURL, caFile: caFile, token: token, unitCode: session.unitCode, name: session.name,
                               maskedID: session.maskedID, role: session.role, expiresAt: session.expiresAt).save()
        printSession(session, json: json)
    }
}

/// Prints who is signed in (never the token).
func printSession(_ session: RemoteSession, json: Bool) {
    if json {
        JSONValue.object([("name", .string(session.name)), ("maskedID", .string(session.maskedID)), ("role", .string(session.role)),
                          ("unit", .string(session.unitCode)), ("method", .string(session.method)),
                          ("permissions", .array(session.permissions.map { .string($0) })),
                          ("expiresAt", .string(ISO8601DateFormatter().string(from: session.expiresAt)))]).printLine()
    } else {
        print("已登入 signed in: \(session.name) \(session.maskedID ?? "")（\(session.roleLabel)）\(session.unitCode)")
    }
}

/// `nhi service whoami --service URL`: the kept session as the server sees it now.
struct ServiceWhoAmICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "服務主機登入狀態 — The nhi-server session kept by login.")
    @Option(name: .customLong("service"), help: "服務主機 https://host:port") var serviceURL: String
    @Option(name: .customLong("ca-file"), help: "服務主機憑證的簽發機構 The office CA (PEM).") var caFile: String?
    @Flag(help: "輸出 JSON — JSON output.") var json = false

    func run() async throws {
        let (client, _) = try ServiceSessionFile.connect(url: serviceURL, caFile: caFile)
        do {
            let session = try await client.session()
            try? await client.shutdown()
            printSession(session, json: json)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// `nhi service logout --service URL`: revokes the kept session on the server and deletes the file.
struct ServiceLogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "登出服務主機 — Sign out of nhi-server.")
    @Option(name: .customLong("service"), help: "服務主機 https://host:port") var serviceURL: String
    @Option(name: .customLong("ca-file"), help: "服務主機憑證的簽發機構 The office CA (PEM).") var caFile: String?

    func run() async throws {
        let (client, _) = try ServiceSessionFile.connect(url: serviceURL, caFile: caFile)
        // The file goes whatever the server says: a session the server already ended is gone too.
        defer { ServiceSessionFile.remove() }
        do {
            try await client.signOut()
        } catch where error.status == 401 {
            // Already expired or revoked on the server.
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        print("已登出 signed out")
    }
}

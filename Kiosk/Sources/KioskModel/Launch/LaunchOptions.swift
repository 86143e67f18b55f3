import ArgumentParser
/// `nhi-kiosk`'s command line.
public struct LaunchOptions: Sendable, Hashable {
    /// `--kiosk`: full screen, no decorations, only an administrator can leave.
    public var kiosk = false
    /// `--demo`: virtual cards and a sample database (says so on screen).
    public var demo = false
    /// `--auto-demo`: demo mode unless a real (non-virtual) card reader is attached; the
    /// composition root decides, by asking PC/SC, and sets ``demo``.
    public var autoDemo = false
    /// `--lang zh-Hant|en`: the start-up language (default: the settings', zh-Hant).
    public var language: Language?
    /// `--automation-socket PATH`: the test hook (see Documentation/Kiosk.md).
    public var automationSocket: String?
    /// `--idle-timeout SECONDS`: overrides the settings' idle timeout (tests, demos).
    public var idleTimeoutSeconds: Int?
    /// `--report-first-frame`: prints the wall-clock time of the first drawn frame.
    public var reportFirstFrame = false
    /// `--report-card-times`: prints the wall-clock time of each demo card insertion and of
    /// each visitor identity reaching the screen (the latency benchmark reads them).
    public var reportCardTimes = false
    /// `--print-to DIR`: save printouts (proofs of insurance) as PDF files in DIR instead of
    /// showing the print dialog (counters without a printer; tests).
    public var printDirectory: String?
    /// `--files DIR`: the counter's exchange folder, whose CSV files the kiosk offers for
    /// filing imports (the only place files are picked from in kiosk mode).
    public var filesDirectory: String?
    /// `--db` / `--database PATH|URL`: the service's SQLite file or PostgreSQL URL (overrides the settings).
    public var databasePath: String?
    /// `--service URL`: work through an office's `nhi-server` (https://host:port) instead of a
    /// database; the kiosk then holds no data and the server decides what a session may do.
    public var serviceURL: String?
    /// `--ca-file PATH`: the office CA (PEM) the server's certificate must chain to.
    public var caFile: String?
    /// `--help`.
    public var help = false

    public init() {}

    /// Parses the arguments after the program name: swift-argument-parser reads the command
    /// line (`LaunchCommand`, the same parser as `nhi`), and each value is checked here
    /// with a bilingual ``KioskError`` that names the option.
    public init(arguments: [String]) throws(KioskError) {
        let command: LaunchCommand
        do {
            command = try LaunchCommand.parse(arguments)
        } catch {
            if LaunchCommand.exitCode(for: error) == .success {
                help = true
                return
            }
            throw Self.usageError(LaunchCommand.message(for: error))
        }
        kiosk = command.kiosk
        demo = command.demo
        autoDemo = command.autoDemo
        if let tag = command.language {
            guard let language = Language(tag: tag) else { throw KioskError(.optionLanguage, subject: "--lang", input: tag) }
            self.language = language
        }
        automationSocket = command.automationSocket
        if let text = command.idleTimeout {
            guard let seconds = Int(text), seconds >= 1 else { throw KioskError(.optionIdleTimeout, subject: "--idle-timeout", input: text) }
            idleTimeoutSeconds = seconds
        }
        reportFirstFrame = command.reportFirstFrame
        reportCardTimes = command.reportCardTimes
        printDirectory = try command.printTo.map { path throws(KioskError) in try Self.absolute(path, "--print-to") }
        filesDirectory = try command.files.map { path throws(KioskError) in try Self.absolute(path, "--files") }
        if let path = command.database {
            // An SQLite file (absolute path) or a shared PostgreSQL database (postgres://…), as `nhi --db`.
            let isURL = path.hasPrefix("postgres://") || path.hasPrefix("postgresql://")
            databasePath = isURL ? path : try Self.absolute(path, "--db")
        }
        if let url = command.service {
            guard url.hasPrefix("https://") || url.hasPrefix("http://127.0.0.1") || url.hasPrefix("http://[::1]") else {
                throw KioskError(.optionServiceURL, subject: "--service", input: url)
            }
            serviceURL = url
        }
        caFile = try command.caFile.map { path throws(KioskError) in try Self.absolute(path, "--ca-file") }
        if serviceURL != nil, databasePath != nil { throw KioskError(.optionServiceAndDatabase, subject: "--service") }
    }

    private static func absolute(_ path: String, _ option: String) throws(KioskError) -> String {
        guard path.hasPrefix("/") else { throw KioskError(.pathNotAbsolute, subject: option, input: path) }
        return path
    }

    /// The parser's own message ("Unknown option '--fullscreen'", "Missing value for '--lang <lang>'")
    /// as the kiosk's coded, bilingual error, naming the option.
    private static func usageError(_ message: String) -> KioskError {
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false)
        let named = quoted.count >= 3 ? String(quoted[1]) : message
        if message.hasPrefix("Missing value") {
            return KioskError(.optionMissingValue, subject: String(named.split(separator: " ").first ?? Substring(named)))
        }
        return KioskError(.optionUnknown, input: named)
    }

    /// The `--help` text (swift-argument-parser's, from `LaunchCommand`).
    public static var usage: String { LaunchCommand.helpMessage(columns: 110) }
}

/// `nhi-kiosk`'s command line as swift-argument-parser reads it; ``LaunchOptions`` checks the
/// values. Its help text is the `--help` output.
struct LaunchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-kiosk",
        abstract: "健保櫃檯服務站 — The NHI counter kiosk.",
        discussion: "設定檔 Settings: $XDG_CONFIG_HOME/nhi/kiosk.json (see Documentation/Kiosk.md).")

    @Flag(help: "全螢幕，只有管理者可以離開 / full screen; only an administrator can leave")
    var kiosk = false
    @Flag(help: "示範模式（虛擬卡片與範例資料）/ demo mode (virtual cards, sample data)")
    var demo = false
    @Flag(name: .customLong("auto-demo"), help: "未接實體讀卡機時進入示範模式 / demo mode unless a real card reader is attached")
    var autoDemo = false
    @Option(name: [.customLong("lang"), .customLong("language")],
            help: ArgumentHelp("顯示語言（預設 zh-Hant）/ display language (default zh-Hant)", valueName: "zh-Hant|en"))
    var language: String?
    @Option(name: .customLong("idle-timeout"),
            help: ArgumentHelp("閒置鎖定秒數（覆寫設定）/ idle lock in seconds (overrides the settings)", valueName: "seconds"))
    var idleTimeout: String?
    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("資料庫：本機檔案或 postgres:// 網址（覆寫設定）/ the database: a local file or a postgres:// URL (overrides the settings)",
                               valueName: "path|url"))
    var database: String?
    @Option(help: ArgumentHelp("經由服務主機 nhi-server 辦理（本機不存資料）/ work through the office's nhi-server (no local data)",
                               valueName: "https://host:port"))
    var service: String?
    @Option(name: .customLong("ca-file"), help: ArgumentHelp("服務主機憑證的簽發機構 / the office CA the server's certificate must chain to", valueName: "pem"))
    var caFile: String?
    @Option(name: .customLong("print-to"), help: ArgumentHelp("列印改存成 PDF 檔 / save printouts as PDF files in DIR", valueName: "dir"))
    var printTo: String?
    @Option(help: ArgumentHelp("交換資料夾：匯入檔由此選取 / the exchange folder files are picked from", valueName: "dir"))
    var files: String?
    @Option(name: .customLong("automation-socket"),
            help: ArgumentHelp("測試用自動化介面 / automation hook for tests (Documentation/Kiosk.md)", valueName: "path"))
    var automationSocket: String?
    @Flag(name: .customLong("report-first-frame"), help: "印出第一個畫面繪出的時間 / print when the first frame was drawn")
    var reportFirstFrame = false
    @Flag(name: .customLong("report-card-times"), help: "印出插卡與身分顯示的時間 / print when cards go in and identities appear")
    var reportCardTimes = false
}

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

    /// Parses the arguments after the program name.
    public init(arguments: [String]) throws(KioskError) {
        var remaining = arguments[...]
        func value(for option: String) throws(KioskError) -> String {
            guard let next = remaining.popFirst(), !next.hasPrefix("--") else {
                throw KioskError(.optionMissingValue, subject: option)
            }
            return next
        }
        while let argument = remaining.popFirst() {
            let (name, inline) = Self.split(argument)
            func argumentValue() throws(KioskError) -> String {
                if let inline { return inline }
                return try value(for: name)
            }
            switch name {
            case "--kiosk": kiosk = true
            case "--demo": demo = true
            case "--auto-demo": autoDemo = true
            case "--lang", "--language":
                let tag = try argumentValue()
                guard let language = Language(tag: tag) else { throw KioskError(.optionLanguage, subject: name, input: tag) }
                self.language = language
            case "--automation-socket":
                automationSocket = try argumentValue()
            case "--idle-timeout":
                let text = try argumentValue()
                guard let seconds = Int(text), seconds >= 1 else { throw KioskError(.optionIdleTimeout, subject: name, input: text) }
                idleTimeoutSeconds = seconds
            case "--report-first-frame": reportFirstFrame = true
            case "--report-card-times": reportCardTimes = true
            case "--print-to":
                let path = try argumentValue()
                guard path.hasPrefix("/") else { throw KioskError(.pathNotAbsolute, subject: name, input: path) }
                printDirectory = path
            case "--files":
                let path = try argumentValue()
                guard path.hasPrefix("/") else { throw KioskError(.pathNotAbsolute, subject: name, input: path) }
                filesDirectory = path
            case "--database", "--db":
                // An SQLite file (absolute path) or a shared PostgreSQL database (postgres://…), as `nhi --db`.
                let path = try argumentValue()
                let isURL = path.hasPrefix("postgres://") || path.hasPrefix("postgresql://")
                guard path.hasPrefix("/") || isURL else { throw KioskError(.pathNotAbsolute, subject: name, input: path) }
                databasePath = path
            case "--service":
                let url = try argumentValue()
                guard url.hasPrefix("https://") || url.hasPrefix("http://127.0.0.1") || url.hasPrefix("http://[::1]") else {
                    throw KioskError(.optionServiceURL, subject: name, input: url)
                }
                serviceURL = url
            case "--ca-file":
                let path = try argumentValue()
                guard path.hasPrefix("/") else { throw KioskError(.pathNotAbsolute, subject: name, input: path) }
                caFile = path
            case "--help", "-h": help = true
            default: throw KioskError(.optionUnknown, input: argument)
            }
        }
        if serviceURL != nil, databasePath != nil { throw KioskError(.optionServiceAndDatabase, subject: "--service") }
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The `--help` text.
    public static let usage = """
        用法 Usage: nhi-kiosk [--kiosk] [--demo | --auto-demo] [--lang zh-Hant|en] [--idle-timeout SECONDS]
                              [--db PATH|postgres://… | --service https://HOST:PORT [--ca-file PEM]] [--print-to DIR] [--files DIR]
                              [--automation-socket PATH] [--report-first-frame] [--report-card-times]

          --kiosk                   全螢幕，只有管理者可以離開 / full screen; only an administrator can leave
          --demo                    示範模式（虛擬卡片與範例資料）/ demo mode (virtual cards, sample data)
          --auto-demo               未接實體讀卡機時進入示範模式 / demo mode unless a real card reader is attached
          --lang zh-Hant|en         顯示語言（預設 zh-Hant）/ display language (default zh-Hant)
          --idle-timeout SECONDS    閒置鎖定秒數（覆寫設定）/ idle lock in seconds (overrides the settings)
          --db PATH|URL             資料庫：本機檔案或 postgres:// 網址（覆寫設定）/ the database: a local file or a postgres:// URL (overrides the settings)
          --service URL             經由服務主機 nhi-server 辦理（本機不存資料）/ work through the office's nhi-server (no local data)
          --ca-file PEM             服務主機憑證的簽發機構 / the office CA the server's certificate must chain to
          --print-to DIR            列印改存成 PDF 檔 / save printouts as PDF files in DIR
          --files DIR               交換資料夾：匯入檔由此選取 / the exchange folder files are picked from
          --automation-socket PATH  測試用自動化介面 / automation hook for tests (Documentation/Kiosk.md)
          --report-first-frame      印出第一個畫面繪出的時間 / print when the first frame was drawn
          --report-card-times       印出插卡與身分顯示的時間 / print when cards go in and identities appear

        設定檔 Settings: $XDG_CONFIG_HOME/nhi/kiosk.json
        """
}
